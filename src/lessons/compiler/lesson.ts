// Compiles one lesson file: YAML frontmatter, an intro, `##` steps, and the fenced blocks that make steps
// interactive. Every problem is collected with its file:line:col; any problem fails the build.
import type { Token } from 'markdown-it';
import { LessonBuildError, type Diagnostic, type Pos } from './diagnostics';
import { parseEmbeddedYaml } from './yaml';
import { lineProblems, lineProblemsAt } from './commands';
import { md, slugify, termLines, renderBlock, renderInline } from './markdown';
import { compileChecks, compileQuiz, compileSolution, type BlockSource, type Report } from './blocks';
import { lessonFrontmatterSchema, type LessonFrontmatter } from '../schema/frontmatter';
import { parseWith } from '../schema/issues';
import type { CompiledLesson, CompiledStep, Segment } from '../types';

const STEP_BLOCKS = ['check', 'hint', 'solution', 'quiz'];

export interface LessonSource {
  /** Path shown in messages (relative to the project, e.g. `lessons/00-start/01-welcome.md`). */
  file: string;
  /** Path relative to the lessons root. */
  relPath: string;
  id: string;
  part: string;
  order: number;
  text: string;
  /** Ids of every lesson in the catalog, to check `requires`. */
  knownIds?: ReadonlySet<string>;
}

/** Splits `---` YAML frontmatter from the body; the body keeps its line numbers (frontmatter lines blanked). */
export function splitFrontmatter(text: string): { yaml: string; body: string; yamlLine: number } | null {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return null;
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (end < 0) return null;
  return { yaml: lines.slice(1, end).join('\n'), body: '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n'), yamlLine: 2 };
}

function fenceSource(token: Token, sourceLines: string[]): BlockSource {
  const openLine = token.map![0];
  const indent = (/^\s*/.exec(sourceLines[openLine] ?? '')?.[0].length ?? 0);
  return { content: token.content, origin: { line: openLine + 2, column: indent + 1 }, indent };
}

/** Compiles a lesson or throws a LessonBuildError listing every problem. */
export function compileLesson(src: LessonSource): CompiledLesson {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (pos: Pos, message: string) => diagnostics.push({ file: src.file, line: pos.line, column: pos.column, message });
  const text = src.text.replace(/\r\n/g, '\n');
  const split = splitFrontmatter(text);
  if (!split) throw new LessonBuildError([{ file: src.file, line: 1, column: 1, message: 'a lesson starts with YAML frontmatter between two `---` lines (title, summary, minutes, world)' }]);

  const fmYaml = parseEmbeddedYaml(split.yaml, { line: split.yamlLine, column: 1 });
  for (const e of fmYaml.errors) report(e.pos, `frontmatter: ${e.message}`);
  let fm: LessonFrontmatter | null = null;
  if (!fmYaml.errors.length) {
    const r = parseWith(lessonFrontmatterSchema, fmYaml.value ?? {});
    if (r.ok) fm = r.value;
    else for (const i of r.issues) report(fmYaml.locate(i.path, i.atKey), `frontmatter: ${i.atKey || !i.path.length ? '' : `\`${i.path.join('.')}\` `}${i.message}`);
  }
  (fm?.requires ?? []).forEach((id, i) => {
    if (src.knownIds && !src.knownIds.has(id)) report(fmYaml.locate(['requires', i]), `requires: no lesson \`${id}\` (ids look like \`00-start/01-welcome\`)`);
  });
  (fm?.setup ?? []).forEach((cmd, i) => {
    for (const p of lineProblems(cmd)) report(fmYaml.locate(['setup', i]), `setup: ${p}`);
  });

  const sourceLines = text.split('\n');
  const tokens = md.parse(split.body, {});
  const intro: Segment[] = [];
  const steps: CompiledStep[] = [];
  const stepIds = new Set<string>();
  const quizIds = new Map<string, number>();
  /** Steps that have a check block, even one that did not compile (no second error about missing checks). */
  const checked = new Set<CompiledStep>();
  let segments = intro;
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length) segments.push({ kind: 'html', html: md.renderer.render(pending, md.options, {}) });
    pending = [];
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const line = (t.map?.[0] ?? 0) + 1;
    if (t.type === 'heading_open' && t.level === 0 && (t.tag === 'h1' || t.tag === 'h2')) {
      flush();
      const title = tokens[i + 1].content;
      i += 2;
      if (t.tag === 'h1') {
        if (steps.length || intro.length) report({ line, column: 1 }, 'only the lesson title uses `#`; start steps with `##`');
        continue;
      }
      let id = slugify(title);
      for (let n = 2; stepIds.has(id); n++) id = `${slugify(title)}-${n}`;
      stepIds.add(id);
      const step: CompiledStep = { id, title, titleHtml: renderInline(title), segments: [], checks: [], hints: [], solution: null, quizzes: [], line };
      steps.push(step);
      segments = step.segments;
      continue;
    }
    if (t.type === 'fence') {
      const kind = t.info.trim().split(/\s+/)[0];
      const block = fenceSource(t, sourceLines);
      if (kind === 'term') {
        for (const l of termLines(t.content)) {
          if (l.comment) continue;
          for (const p of lineProblemsAt(l.text)) report({ line: block.origin.line + l.index, column: block.indent + 1 + p.at }, `term: ${p.message}`);
        }
      } else if (STEP_BLOCKS.includes(kind)) {
        if (t.level > 0) report({ line, column: block.indent + 1 }, `a \`${kind}\` block must not be inside a list or quote`);
        else if (!steps.length) report({ line, column: block.indent + 1 }, `a \`${kind}\` block belongs in a step: put it after a \`##\` heading`);
        else {
          flush();
          compileStepBlock(kind, block, steps[steps.length - 1], line);
        }
        continue;
      }
    }
    pending.push(t);
  }
  flush();

  function compileStepBlock(kind: string, block: BlockSource, step: CompiledStep, line: number) {
    if (kind === 'check') {
      checked.add(step);
      const checks = compileChecks(block, step.id, step.checks.length + 1, report);
      step.checks.push(...checks);
      if (checks.length) step.segments.push({ kind: 'checks', ids: checks.map((c) => c.id) });
    } else if (kind === 'hint') {
      if (!block.content.trim()) report(block.origin, 'hint block is empty');
      step.hints.push(renderBlock(block.content));
    } else if (kind === 'solution') {
      if (step.solution) report({ line, column: 1 }, `step "${step.title}" already has a solution (one per step)`);
      else step.solution = compileSolution(block, report);
    } else {
      const quiz = compileQuiz(block, `${step.id}-q${step.quizzes.length + 1}`, report);
      if (!quiz) return;
      if (quizIds.has(quiz.id)) report({ line: quiz.line, column: 1 }, `quiz id \`${quiz.id}\` is already used at line ${quizIds.get(quiz.id)}`);
      quizIds.set(quiz.id, quiz.line);
      step.quizzes.push(quiz);
      step.segments.push({ kind: 'quiz', id: quiz.id });
    }
  }

  if (!steps.length) report({ line: 1, column: 1 }, 'a lesson needs at least one step: a `##` heading');
  for (const s of steps) {
    if (checked.has(s) && !s.solution) report({ line: s.line, column: 1 }, `step "${s.title}" has checks but no \`solution\` block (the checker replays it)`);
    if (s.solution && !checked.has(s)) report({ line: s.line, column: 1 }, `step "${s.title}" has a solution but no \`check\` block to prove it`);
  }
  if (diagnostics.length || !fm) throw new LessonBuildError(diagnostics.sort((a, b) => a.line - b.line || a.column - b.column));

  return {
    id: src.id,
    part: src.part,
    file: src.relPath,
    order: src.order,
    title: fm.title,
    summary: fm.summary,
    summaryHtml: renderInline(fm.summary),
    minutes: fm.minutes,
    world: fm.world,
    seed: fm.seed ?? 1,
    tags: fm.tags ?? [],
    requires: fm.requires ?? [],
    outline: steps.map((s) => ({ id: s.id, title: s.title })),
    quizCount: steps.reduce((n, s) => n + s.quizzes.length, 0),
    checkCount: steps.reduce((n, s) => n + s.checks.length, 0),
    setup: fm.setup ?? [],
    intro,
    steps,
  };
}
