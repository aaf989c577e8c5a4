// A `quiz` block: single choice, multiple choice, free text, or "predict the output" (answer, then the command runs).
import { z } from 'zod';
import { regexSource } from './predicates';
import { parseWith, type Parsed, type SchemaIssue } from './issues';

const option = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes').optional().describe('the id `answer` refers to (default: a, b, c, ... in order)'),
    text: z.string().min(1).describe('the option (markdown)'),
    explain: z.string().optional().describe('why it is right or wrong, shown once the learner picks it'),
  }),
]);

export const quizSchema = z
  .strictObject({
    type: z.enum(['single', 'multiple', 'text', 'predict']).optional().describe('`single`, `multiple`, `text` or `predict` (inferred when left out)'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes').optional().describe('stable id for saved answers (default: step id + position)'),
    question: z.string().min(1).describe('the question (markdown)'),
    options: z.array(option).min(2).optional().describe('choices: text, or `{text, explain, id}`'),
    answer: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional().describe('the correct option id (single) or ids (multiple)'),
    accept: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional().describe('accepted free-text answers (case and spacing ignored)'),
    pattern: regexSource.optional().describe('a regular expression a free-text answer must match'),
    caseSensitive: z.boolean().optional().describe('compare free text case-sensitively (default `false`)'),
    command: z.string().min(1).optional().describe('predict: the command that runs after the learner answers'),
    explain: z.string().optional().describe('shown after the quiz is answered (markdown)'),
  })
  .describe('A self-paced question, scored with retries.');

export type QuizType = 'single' | 'multiple' | 'text' | 'predict';

export interface QuizOptionSource {
  id: string;
  text: string;
  explain?: string;
  correct: boolean;
}

/** A validated quiz with every default filled in. */
export interface QuizSource {
  id?: string;
  type: QuizType;
  question: string;
  options: QuizOptionSource[];
  accept: string[];
  pattern?: string;
  caseSensitive: boolean;
  command?: string;
  explain?: string;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Validates a quiz block, including the answer key pointing at real options. */
export function parseQuiz(raw: unknown): Parsed<QuizSource> {
  const r = parseWith(quizSchema, raw);
  if (!r.ok) return r;
  const q = r.value;
  const issues: SchemaIssue[] = [];
  const choice = q.options !== undefined;
  const type: QuizType = q.type ?? (q.command ? 'predict' : choice ? (Array.isArray(q.answer) ? 'multiple' : 'single') : 'text');
  const options: QuizOptionSource[] = (q.options ?? []).map((o, i) => {
    const id = typeof o === 'string' ? String.fromCharCode(97 + i) : (o.id ?? String.fromCharCode(97 + i));
    return typeof o === 'string' ? { id, text: o, correct: false } : { id, text: o.text, explain: o.explain, correct: false };
  });
  const seen = new Set<string>();
  options.forEach((o, i) => {
    if (seen.has(o.id)) issues.push({ path: ['options', i, 'id'], message: `duplicate option id \`${o.id}\`` });
    seen.add(o.id);
  });
  if (type === 'predict' && !q.command) issues.push({ path: ['command'], message: 'a predict quiz needs the `command` whose output the learner predicts' });
  if (type !== 'predict' && q.command) issues.push({ path: ['command'], message: '`command` is only for `type: predict`', atKey: true });
  if (type === 'single' || type === 'multiple' || (type === 'predict' && choice)) {
    if (!choice) issues.push({ path: ['options'], message: `a ${type}-choice quiz needs \`options\`` });
    if (q.answer === undefined) issues.push({ path: [], message: 'needs an `answer`: the id of the correct option (a, b, c, ... by default)' });
    if (type !== 'multiple' && Array.isArray(q.answer) && q.answer.length > 1) issues.push({ path: ['answer'], message: 'has several answers: use `type: multiple`' });
    if (q.accept !== undefined || q.pattern !== undefined) issues.push({ path: [q.accept !== undefined ? 'accept' : 'pattern'], message: 'a choice quiz takes `answer`, not free-text keys', atKey: true });
    list(q.answer).forEach((id, i) => {
      const o = options.find((x) => x.id === id);
      const path = Array.isArray(q.answer) ? ['answer', i] : ['answer'];
      if (!o) issues.push({ path, message: `has no option \`${id}\` (options: ${options.map((x) => x.id).join(', ')})` });
      else o.correct = true;
    });
  } else {
    if (choice) issues.push({ path: ['options'], message: `a ${type} quiz has no options (did you mean \`type: single\`?)`, atKey: true });
    if (q.answer !== undefined) issues.push({ path: ['answer'], message: 'a free-text quiz takes `accept` or `pattern`, not `answer`', atKey: true });
    if (q.accept === undefined && q.pattern === undefined) issues.push({ path: [], message: 'a free-text quiz needs `accept` (answers) or `pattern` (a regular expression)' });
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: { id: q.id, type, question: q.question, options, accept: list(q.accept), pattern: q.pattern, caseSensitive: q.caseSensitive ?? false, command: q.command, explain: q.explain },
  };
}
