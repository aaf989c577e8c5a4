// Quiz grading, the same in the browser and in `cnlab lessons check`: choices by id, free text with spacing and
// (by default) case ignored, and predictions compared with what the command really prints.
import type { CompiledQuiz } from './types';

/** An answer: the chosen option ids (choice quizzes, predictions with options) or the typed text. */
export type QuizAnswer = string[] | string;

/** Free text as compared: trimmed, runs of blank space made one space, lower-cased unless case matters. */
export function normalizeText(s: string, caseSensitive = false): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return caseSensitive ? t : t.toLowerCase();
}

/** Command output as compared with a prediction: trailing spaces and surrounding blank lines ignored. */
export function normalizeOutput(s: string): string {
  return s
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

export function isChoice(q: CompiledQuiz): boolean {
  return q.options.length > 0;
}

function gradeText(q: CompiledQuiz, text: string): boolean {
  const given = normalizeText(text, q.caseSensitive);
  if (q.accept.some((a) => normalizeText(a, q.caseSensitive) === given)) return true;
  if (q.pattern !== undefined) return new RegExp(q.pattern, q.caseSensitive ? 'm' : 'mi').test(text.trim());
  return false;
}

/** Whether `answer` is right for `q`. */
export function gradeQuiz(q: CompiledQuiz, answer: QuizAnswer): boolean {
  if (isChoice(q)) {
    const chosen = new Set(Array.isArray(answer) ? answer : [answer]);
    const correct = q.options.filter((o) => o.correct).map((o) => o.id);
    return chosen.size === correct.length && correct.every((id) => chosen.has(id));
  }
  return typeof answer === 'string' && gradeText(q, answer);
}

/**
 * Whether a prediction's answer key agrees with what its command printed (for `lessons check`): the correct
 * option's text is the output, or the output itself is an accepted free-text answer.
 */
export function keyMatchesOutput(q: CompiledQuiz, output: string): boolean {
  const truth = normalizeOutput(output);
  if (isChoice(q)) return q.options.filter((o) => o.correct).some((o) => normalizeOutput(o.text) === truth);
  return gradeText(q, truth);
}
