// The course tree on disk: `lessons/NN-part/meta.md` plus `lessons/NN-part/NN-lesson.md`, compiled into an
// index (parts and lesson metadata) and one compiled lesson per file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LessonBuildError, type Diagnostic } from './diagnostics';
import { compileLesson, splitFrontmatter } from './lesson';
import { parseEmbeddedYaml } from './yaml';
import { renderBlock, renderInline } from './markdown';
import { partMetaSchema } from '../schema/frontmatter';
import { parseWith } from '../schema/issues';
import { findPreset, presetNames } from '../../core/presets';
import type { CompiledLesson, LessonIndex, LessonMeta, PartInfo } from '../types';

export interface Catalog {
  index: LessonIndex;
  lessons: Map<string, CompiledLesson>;
  /** Every file read, for watch mode. */
  files: string[];
}

export interface CatalogOptions {
  /** Directory shown in messages instead of the absolute root (e.g. `lessons`). */
  displayRoot?: string;
  /**
   * Compile only these part folders and lesson files (absolute paths); the others only lend their ids to
   * `requires`, and their problems are not reported. Default: everything.
   */
  only?: (absPath: string, isDir: boolean) => boolean;
  /** Further lesson ids `requires` may name (another course folder's, e.g. the repository's `lessons/`). */
  extraIds?: Iterable<string>;
}

/** The lesson ids under a lessons folder (`part/lesson`), read from file names alone. */
export function lessonIdsIn(root: string): string[] {
  if (!existsSync(root)) return [];
  const ids: string[] = [];
  for (const part of readdirSync(root)) {
    const dir = join(root, part);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.md') && f !== 'meta.md' && f !== 'README.md') ids.push(`${part}/${f.slice(0, -3)}`);
  }
  return ids;
}

const leadingNumber = (name: string) => Number(/^(\d+)/.exec(name)?.[1] ?? 0);

function compilePart(dir: string, id: string, display: string, diagnostics: Diagnostic[]): PartInfo | null {
  const file = join(dir, 'meta.md');
  const shown = `${display}/${id}/meta.md`;
  if (!existsSync(file)) {
    diagnostics.push({ file: `${display}/${id}`, line: 1, column: 1, message: 'a part folder needs a meta.md with its title (frontmatter `title:`)' });
    return null;
  }
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const split = splitFrontmatter(text);
  if (!split) {
    diagnostics.push({ file: shown, line: 1, column: 1, message: 'meta.md starts with YAML frontmatter between two `---` lines (title, order)' });
    return null;
  }
  const yaml = parseEmbeddedYaml(split.yaml, { line: split.yamlLine, column: 1 });
  for (const e of yaml.errors) diagnostics.push({ file: shown, ...e.pos, message: `frontmatter: ${e.message}` });
  if (yaml.errors.length) return null;
  const r = parseWith(partMetaSchema, yaml.value ?? {});
  if (!r.ok) {
    for (const i of r.issues) diagnostics.push({ file: shown, ...yaml.locate(i.path, i.atKey), message: `frontmatter: ${i.atKey || !i.path.length ? '' : `\`${i.path.join('.')}\` `}${i.message}` });
    return null;
  }
  return { id, title: r.value.title, order: r.value.order ?? leadingNumber(id), summary: r.value.summary ?? '', summaryHtml: renderInline(r.value.summary ?? ''), introHtml: renderBlock(split.body), lessons: [] };
}

/** Compiles every part and lesson under `root`, or throws a LessonBuildError listing every problem found. */
export function compileCatalog(root: string, opts: CatalogOptions = {}): Catalog {
  const display = opts.displayRoot ?? root;
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const parts: PartInfo[] = [];
  const sources: { file: string; part: PartInfo; name: string }[] = [];
  const skippedIds: string[] = [];
  for (const entry of readdirSync(root).sort()) {
    const path = join(root, entry);
    if (statSync(path).isDirectory()) {
      // A folder without any markdown (assets, notes) is not a part.
      if (!readdirSync(path).some((f) => f.endsWith('.md'))) continue;
      if (opts.only && !opts.only(path, true)) {
        for (const f of readdirSync(path)) if (f.endsWith('.md') && f !== 'meta.md' && f !== 'README.md') skippedIds.push(`${entry}/${f.slice(0, -3)}`);
        continue;
      }
      const part = compilePart(path, entry, display, diagnostics);
      files.push(join(path, 'meta.md'));
      if (!part) continue;
      parts.push(part);
      for (const f of readdirSync(path).sort()) {
        if (f.endsWith('.md') && f !== 'meta.md') sources.push({ file: join(path, f), part, name: f.slice(0, -3) });
      }
    } else if (entry.endsWith('.md') && entry !== 'README.md' && (!opts.only || opts.only(path, false))) {
      diagnostics.push({ file: `${display}/${entry}`, line: 1, column: 1, message: 'lessons live in part folders: move this file to a folder like `00-start/` that has a meta.md' });
    }
  }
  const knownIds = new Set([...sources.map((s) => `${s.part.id}/${s.name}`), ...skippedIds, ...(opts.extraIds ?? [])]);
  const lessons = new Map<string, CompiledLesson>();
  for (const s of sources) {
    if (opts.only && !opts.only(s.file, false)) continue;
    files.push(s.file);
    const id = `${s.part.id}/${s.name}`;
    const relPath = relative(root, s.file);
    try {
      const lesson = compileLesson({ file: `${display}/${relPath}`, relPath, id, part: s.part.id, order: leadingNumber(s.name), text: readFileSync(s.file, 'utf8'), knownIds });
      lessons.set(id, lesson);
      s.part.lessons.push(id);
    } catch (e) {
      if (e instanceof LessonBuildError) diagnostics.push(...e.diagnostics);
      else throw e;
    }
  }
  if (diagnostics.length) throw new LessonBuildError(diagnostics);
  parts.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (const p of parts) p.lessons.sort((a, b) => lessons.get(a)!.order - lessons.get(b)!.order || a.localeCompare(b));
  const ordered: LessonMeta[] = parts.flatMap((p) => p.lessons.map((id) => lessonMeta(lessons.get(id)!)));
  const presets = presetNames().map((name) => ({ name, title: findPreset(name)!.title }));
  return { index: { parts, lessons: ordered, presets }, lessons, files };
}

/** The catalog's view of a lesson (no step bodies). */
export function lessonMeta(l: CompiledLesson): LessonMeta {
  const { setup: _setup, intro: _intro, steps: _steps, ...meta } = l;
  return meta;
}
