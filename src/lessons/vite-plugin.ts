// The lessons compiler as a Vite plugin: `virtual:cnlab-lessons` is the catalog index plus a lazy loader per
// lesson (`virtual:cnlab-lesson/<id>`, one chunk each). Errors fail the build at file:line:col; in `npm run dev`
// editing a lesson recompiles and reloads the page (progress and the world survive the reload).
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin, type ViteDevServer } from 'vite';
import type { Catalog } from './compiler/catalog';
import type { LessonBuildError } from './compiler/diagnostics';

type CompilerModule = typeof import('./compiler/catalog');

/**
 * The compiler (with the shell it validates commands against) is loaded through Vite's module runner, not bundled
 * into the Vite config: the config stays small and config loading stays quiet.
 */
let compiler: Promise<CompilerModule> | null = null;
function loadCompiler(): Promise<CompilerModule> {
  compiler ??= runnerImport<CompilerModule>(fileURLToPath(new URL('./compiler/catalog.ts', import.meta.url))).then((r) => r.module);
  return compiler;
}

function isBuildError(e: unknown): e is LessonBuildError {
  return e instanceof Error && e.name === 'LessonBuildError' && Array.isArray((e as LessonBuildError).diagnostics);
}

export const INDEX_ID = 'virtual:cnlab-lessons';
export const LESSON_PREFIX = 'virtual:cnlab-lesson/';

export interface LessonsPluginOptions {
  /** The lessons folder (default `<vite root>/lessons`). */
  dir?: string;
}

export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  let root = process.cwd();
  let dir = '';
  let cached: Catalog | null = null;

  const catalog = async (): Promise<Catalog> => {
    if (!cached) {
      const { compileCatalog } = await loadCompiler();
      cached = compileCatalog(dir, { displayRoot: relative(root, dir) || '.' });
    }
    return cached;
  };

  async function moduleCode(id: string): Promise<string | null> {
    if (id === `\0${INDEX_ID}`) {
      const c = await catalog();
      const loaders = [...c.lessons.keys()]
        .map((lessonId) => `  ${JSON.stringify(lessonId)}: () => import(${JSON.stringify(LESSON_PREFIX + lessonId)}).then((m) => m.default),`)
        .join('\n');
      return [
        `export const index = ${JSON.stringify(c.index)};`,
        `const loaders = {\n${loaders}\n};`,
        `/** Loads a compiled lesson (its own chunk); undefined for an unknown id. */`,
        `export function loadLesson(id) { const load = loaders[id]; return load ? load() : Promise.resolve(undefined); }`,
      ].join('\n');
    }
    if (id.startsWith(`\0${LESSON_PREFIX}`)) {
      const lesson = (await catalog()).lessons.get(id.slice(LESSON_PREFIX.length + 1));
      return lesson ? `export default ${JSON.stringify(lesson)};` : null;
    }
    return null;
  }

  return {
    name: 'cnlab-lessons',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
      dir = resolve(root, options.dir ?? 'lessons');
    },
    resolveId(id) {
      if (id === INDEX_ID || id.startsWith(LESSON_PREFIX)) return `\0${id}`;
      return null;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:cnlab-lesson')) return null;
      try {
        const code = await moduleCode(id);
        for (const f of cached?.files ?? []) this.addWatchFile(f);
        return code;
      } catch (e) {
        if (!isBuildError(e)) throw e;
        const first = e.diagnostics[0];
        const file = resolve(root, first.file);
        this.addWatchFile(file);
        return this.error({ message: `lessons do not compile:\n${e.message}`, id: file, loc: { file, line: first.line, column: first.column - 1 } });
      }
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(dir);
      const onChange = (file: string) => {
        if (!resolve(file).startsWith(dir)) return;
        cached = null;
        for (const env of Object.values(server.environments)) {
          for (const mod of env.moduleGraph.idToModuleMap.values()) {
            if (mod.id?.startsWith('\0virtual:cnlab-lesson')) env.moduleGraph.invalidateModule(mod);
          }
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
