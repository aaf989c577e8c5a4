// `cnlab lessons check [-v] [FILES|DIRS]`: compiles lessons as the build does, then replays each one (see
// src/lessons/check.ts). Prints one line per lesson and every problem as file:line; exits 1 on any problem.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { compileCatalog, lessonIdsIn, type Catalog } from '../lessons/compiler/catalog';
import { LessonBuildError } from '../lessons/compiler/diagnostics';
import { checkLesson } from '../lessons/check';
import type { CompiledLesson } from '../lessons/types';

export const LESSONS_USAGE = `Usage: cnlab lessons check [-v] [FILE|DIR...]

Compiles the lessons (default: every lesson under ./lessons), then replays each one: every step's checks
must be false before its solution and true after it, and every "predict the output" answer key must agree
with what its command prints. FILE is a lesson file; DIR is a part folder (lessons/00-start) or a
lessons folder holding part folders.

Options:
  -v, --verbose   Also print each replayed solution with its output
`;

interface Selection {
  /** The lessons folder (holding part folders) that is compiled, so `requires` across parts resolves. */
  root: string;
  all: boolean;
  /** Part folder names whose lessons are checked. */
  parts: Set<string>;
  /** Absolute lesson file paths to check. */
  files: Set<string>;
}

/** A part folder has a meta.md or lesson files of its own; any other folder is a lessons folder holding parts. */
function isPartFolder(dir: string): boolean {
  return readdirSync(dir).some((f) => f === 'meta.md' || (f.endsWith('.md') && f !== 'README.md' && statSync(join(dir, f)).isFile()));
}

function selections(args: string[]): Selection[] | string {
  const targets = args.length ? args : ['lessons'];
  const byRoot = new Map<string, Selection>();
  for (const t of targets) {
    const abs = resolve(t);
    if (!existsSync(abs)) return `cnlab lessons check: ${t}: no such file or directory`;
    const isDir = statSync(abs).isDirectory();
    const kind = !isDir ? 'file' : isPartFolder(abs) ? 'part' : 'root';
    // A lesson file sits in <root>/<part>/, a part folder in <root>/.
    const root = kind === 'file' ? dirname(dirname(abs)) : kind === 'part' ? dirname(abs) : abs;
    const sel = byRoot.get(root) ?? { root, all: false, parts: new Set<string>(), files: new Set<string>() };
    if (kind === 'file') sel.files.add(abs);
    else if (kind === 'part') sel.parts.add(basename(abs));
    else sel.all = true;
    byRoot.set(root, sel);
  }
  return [...byRoot.values()];
}

export async function lessonsCommand(args: string[], write: (s: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === undefined) {
    write(LESSONS_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'check') {
    write(`cnlab lessons: unknown command "${sub}"\n\n${LESSONS_USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    write(LESSONS_USAGE);
    return 0;
  }
  const verbose = rest.includes('-v') || rest.includes('--verbose');
  const unknown = rest.find((a) => a.startsWith('-') && a !== '-v' && a !== '--verbose');
  if (unknown) {
    write(`cnlab lessons check: unknown option ${unknown}\n\n${LESSONS_USAGE}`);
    return 2;
  }
  const sels = selections(rest.filter((a) => !a.startsWith('-')));
  if (typeof sels === 'string') {
    write(sels + '\n');
    return 2;
  }
  let failed = 0;
  let passed = 0;
  for (const sel of sels) {
    const display = relative(process.cwd(), sel.root) || '.';
    let catalog: Catalog;
    try {
      // Checking some lessons compiles only those (siblings lend their ids to `requires`); a course folder other
      // than ./lessons may also require this repository's lessons.
      const only = sel.all ? undefined : (p: string, isDir: boolean) => (isDir ? sel.parts.has(basename(p)) || [...sel.files].some((f) => dirname(f) === p) : sel.parts.has(basename(dirname(p))) || sel.files.has(p));
      const repoLessons = resolve('lessons');
      catalog = compileCatalog(sel.root, { displayRoot: display, only, extraIds: sel.root === repoLessons ? [] : lessonIdsIn(repoLessons) });
    } catch (e) {
      if (!(e instanceof LessonBuildError)) throw e;
      write(`${e.message}\n`);
      failed++;
      continue;
    }
    const lessons: CompiledLesson[] = catalog.index.lessons
      .map((m) => catalog.lessons.get(m.id)!)
      .filter((l) => sel.all || sel.parts.has(l.part) || sel.files.has(resolve(sel.root, l.file)));
    for (const lesson of lessons) {
      const t0 = performance.now();
      const r = await checkLesson(lesson);
      const ms = Math.round(performance.now() - t0);
      const file = `${display}/${lesson.file}`;
      const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
      const what = `${n(r.steps, 'step')}, ${n(r.checks, 'check')}, ${n(r.quizzes, 'quiz', 'quizzes')}`;
      write(`${r.problems.length ? 'FAIL' : 'ok  '} ${file} (${what}) ${ms} ms\n`);
      for (const p of r.problems) write(`  ${file}:${p.line}: ${p.message}\n`);
      if (verbose) write(r.transcript.replace(/^/gm, '    ') + '\n');
      if (r.problems.length) failed++;
      else passed++;
    }
  }
  write(`${passed} ${passed === 1 ? 'lesson' : 'lessons'} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}
