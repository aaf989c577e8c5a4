// Compiles the interactive fenced blocks of a step (`check`, `quiz`, `solution`), reporting problems at their
// exact file position.
import type { Pos } from './diagnostics';
import { parseEmbeddedYaml, type EmbeddedYaml } from './yaml';
import { lineProblems, lineProblemsAt } from './commands';
import { renderBlock, renderInline } from './markdown';
import { parseCheckBlock } from '../schema/check';
import { parseQuiz } from '../schema/quiz';
import type { SchemaIssue } from '../schema/issues';
import { describePredicate } from '../describe';
import type { CompiledCheck, CompiledQuiz, SolutionLine } from '../types';

/** A fence's content and where it starts in the file. */
export interface BlockSource {
  content: string;
  /** Position of the content's first character. */
  origin: Pos;
  /** Columns markdown removed from each content line (a fence inside a list). */
  indent: number;
}

export type Report = (pos: Pos, message: string) => void;

function reportIssues(yaml: EmbeddedYaml, issues: SchemaIssue[], report: Report, prefix = ''): void {
  for (const issue of issues) {
    // List positions are in the line number already; show only the keys.
    const keys = issue.path.filter((p) => typeof p === 'string' && p !== '');
    const where = keys.length ? `\`${keys.join('.')}\` ` : '';
    report(yaml.locate(issue.path, issue.atKey), `${prefix}${issue.atKey ? '' : where}${issue.message}`);
  }
}

function parseYamlBlock(src: BlockSource, what: string, report: Report): EmbeddedYaml | null {
  const yaml = parseEmbeddedYaml(src.content, src.origin, src.indent);
  for (const e of yaml.errors) report(e.pos, `${what}: ${e.message}`);
  if (yaml.errors.length) return null;
  if (yaml.value === null || yaml.value === undefined) {
    report(src.origin, `${what} block is empty`);
    return null;
  }
  return yaml;
}

/** A `check` block: conditions numbered from `first` within the step. */
export function compileChecks(src: BlockSource, stepId: string, first: number, report: Report): CompiledCheck[] {
  const yaml = parseYamlBlock(src, 'check', report);
  if (!yaml) return [];
  const r = parseCheckBlock(yaml.value);
  if (!r.ok) {
    reportIssues(yaml, r.issues, report, 'check: ');
    return [];
  }
  return r.value.map((item, i) => {
    const label = item.label ?? describePredicate(item.pred);
    return { id: `${stepId}/${first + i}`, label, labelHtml: renderInline(label), pred: item.pred, line: yaml.locate([i]).line };
  });
}

/** A `quiz` block; `defaultId` names it when it has no `id`. */
export function compileQuiz(src: BlockSource, defaultId: string, report: Report): CompiledQuiz | null {
  const yaml = parseYamlBlock(src, 'quiz', report);
  if (!yaml) return null;
  const r = parseQuiz(yaml.value);
  if (!r.ok) {
    reportIssues(yaml, r.issues, report, 'quiz: ');
    return null;
  }
  const q = r.value;
  if (q.command) for (const p of lineProblems(q.command)) report(yaml.locate(['command']), `quiz: ${p}`);
  const code = (s: string) => `<pre><code>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></pre>`;
  return {
    id: q.id ?? defaultId,
    type: q.type,
    questionHtml: renderBlock(q.question),
    options: q.options.map((o) => ({
      id: o.id,
      text: o.text,
      html: q.type === 'predict' ? code(o.text) : renderInline(o.text),
      explainHtml: o.explain ? renderInline(o.explain) : undefined,
      correct: o.correct,
    })),
    accept: q.accept,
    pattern: q.pattern,
    caseSensitive: q.caseSensitive,
    command: q.command,
    explainHtml: q.explain ? renderBlock(q.explain) : undefined,
    line: src.origin.line - 1,
  };
}

/** A `solution` block: one command per line, `< text` answers a prompt of the command above, `#` comments. */
export function compileSolution(src: BlockSource, report: Report): SolutionLine[] {
  const lines: SolutionLine[] = [];
  src.content.split('\n').forEach((raw, i) => {
    const text = raw.trimEnd();
    const pos = { line: src.origin.line + i, column: src.indent + 1 };
    if (!text.trim() || text.trim().startsWith('#')) return;
    if (text.startsWith('< ') || text === '<') {
      if (!lines.length) report(pos, 'solution: a `< answer` line must follow the command that asks');
      else lines[lines.length - 1].input.push(text.slice(2));
      return;
    }
    for (const p of lineProblemsAt(text)) report({ ...pos, column: pos.column + p.at }, `solution: ${p.message}`);
    lines.push({ command: text, input: [] });
  });
  if (!lines.length) report(src.origin, 'solution block has no commands');
  return lines;
}
