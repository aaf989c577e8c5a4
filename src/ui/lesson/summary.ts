// Scores and summaries: what a learner did in a lesson (steps, hints, solutions seen, quizzes) and across a part.
import type { LessonMeta, PartInfo } from '../../lessons/types';
import type { LessonProgress, QuizProgress } from '../state/progress';

export interface LessonSummary {
  steps: number;
  stepsDone: number;
  solutionsSeen: number;
  hintsUsed: number;
  quizzes: number;
  /** Right at the first attempt. */
  firstTry: number;
  /** Right after one or more retries. */
  afterRetry: number;
  /** Answer looked up. */
  revealed: number;
  /** Quiz score in percent: 1 point first time, half a point after retries, none when revealed or unanswered. */
  score: number;
  completed: boolean;
}

/** Points a quiz earns: 1 at the first attempt, 0.5 after retries, 0 when revealed or not yet right. */
export function quizPoints(q: QuizProgress | undefined): number {
  if (!q || !q.correct || q.revealed) return 0;
  return q.attempts <= 1 ? 1 : 0.5;
}

export function summarizeLesson(meta: LessonMeta, p: LessonProgress | undefined): LessonSummary {
  const steps = meta.outline.map((s) => p?.steps[s.id]);
  const quizzes = Object.values(p?.quizzes ?? {});
  const points = quizzes.reduce((n, q) => n + quizPoints(q), 0);
  return {
    steps: meta.outline.length,
    stepsDone: steps.filter((s) => s?.done).length,
    solutionsSeen: steps.filter((s) => s?.seenSolution).length,
    hintsUsed: steps.reduce((n, s) => n + (s?.hints ?? 0), 0),
    quizzes: meta.quizCount,
    firstTry: quizzes.filter((q) => quizPoints(q) === 1).length,
    afterRetry: quizzes.filter((q) => quizPoints(q) === 0.5).length,
    revealed: quizzes.filter((q) => q.revealed).length,
    score: meta.quizCount ? Math.round((100 * points) / meta.quizCount) : 100,
    completed: !!p?.completed,
  };
}

export interface PartSummary {
  lessons: number;
  completed: number;
  steps: number;
  stepsDone: number;
  quizzes: number;
  /** Average quiz score over the part's quizzes, in percent. */
  score: number;
  solutionsSeen: number;
}

export function summarizePart(part: PartInfo, metas: readonly LessonMeta[], progress: Record<string, LessonProgress>): PartSummary {
  const lessons = part.lessons.map((id) => metas.find((m) => m.id === id)).filter((m): m is LessonMeta => !!m);
  const sums = lessons.map((m) => summarizeLesson(m, progress[m.id]));
  const quizzes = sums.reduce((n, s) => n + s.quizzes, 0);
  const weighted = sums.reduce((n, s) => n + (s.score * s.quizzes) / 100, 0);
  return {
    lessons: lessons.length,
    completed: sums.filter((s) => s.completed).length,
    steps: sums.reduce((n, s) => n + s.steps, 0),
    stepsDone: sums.reduce((n, s) => n + s.stepsDone, 0),
    quizzes,
    score: quizzes ? Math.round((100 * weighted) / quizzes) : 100,
    solutionsSeen: sums.reduce((n, s) => n + s.solutionsSeen, 0),
  };
}
