// What the lesson compiler produces and the runtime, the worker and `cnlab lessons check` consume: plain JSON.
import type { Predicate } from './schema/predicates';
import type { QuizType } from './schema/quiz';

export type { Predicate, QuizType };

/** One condition of a step, with the label the learner sees. */
export interface CompiledCheck {
  /** `<step id>/<n>`, stable while the step's checks keep their order. */
  id: string;
  label: string;
  labelHtml: string;
  pred: Predicate;
  /** Source line of the check block (for `lessons check` messages). */
  line: number;
}

export interface CompiledQuizOption {
  id: string;
  text: string;
  html: string;
  explainHtml?: string;
  correct: boolean;
}

export interface CompiledQuiz {
  id: string;
  type: QuizType;
  questionHtml: string;
  options: CompiledQuizOption[];
  /** Free text (and predict without options): accepted answers. */
  accept: string[];
  pattern?: string;
  caseSensitive: boolean;
  /** Predict the output: the command run once the learner has answered. */
  command?: string;
  explainHtml?: string;
  line: number;
}

/** A command of a `solution` block and the answers it needs for prompts (`< y` lines). */
export interface SolutionLine {
  command: string;
  input: string[];
}

/** A piece of a step's body, in source order. `term` blocks are plain HTML with run buttons. */
export type Segment =
  | { kind: 'html'; html: string }
  | { kind: 'checks'; ids: string[] }
  | { kind: 'quiz'; id: string };

export interface CompiledStep {
  id: string;
  title: string;
  titleHtml: string;
  segments: Segment[];
  checks: CompiledCheck[];
  /** Each hint's HTML, revealed one at a time. */
  hints: string[];
  solution: SolutionLine[] | null;
  quizzes: CompiledQuiz[];
  line: number;
}

/** What the catalog needs about a lesson (the index ships these; the rest loads lazily). */
export interface LessonMeta {
  /** `<part folder>/<file stem>`, e.g. `00-start/01-welcome`. */
  id: string;
  part: string;
  /** Path relative to the lessons root, e.g. `00-start/01-welcome.md`. */
  file: string;
  order: number;
  title: string;
  summary: string;
  /** The summary's inline markdown as HTML (`code`, emphasis). */
  summaryHtml: string;
  minutes: number;
  world: string;
  seed: number;
  tags: string[];
  requires: string[];
  outline: { id: string; title: string }[];
  quizCount: number;
  checkCount: number;
}

export interface CompiledLesson extends LessonMeta {
  setup: string[];
  intro: Segment[];
  steps: CompiledStep[];
}

export interface PartInfo {
  /** The folder name, e.g. `00-start`. */
  id: string;
  title: string;
  order: number;
  summary: string;
  /** The summary's inline markdown as HTML. */
  summaryHtml: string;
  introHtml: string;
  /** Lesson ids in order. */
  lessons: string[];
}

/** A world the sandbox can start from. */
export interface PresetMeta {
  name: string;
  title: string;
}

export interface LessonIndex {
  parts: PartInfo[];
  lessons: LessonMeta[];
  presets: PresetMeta[];
}
