// The lesson being followed: its world, the current step, the live state of the step's checks (re-evaluated after
// every command), hints, solution reveal, quiz answers, and completion. Progress is saved after every change.
import { loadLesson } from 'virtual:cnlab-lessons';
import type { CompiledLesson, CompiledQuiz, CompiledStep } from '../../lessons/types';
import { gradeQuiz, type QuizAnswer } from '../../lessons/quiz';
import { COMMAND_CUTOFF_SECONDS } from '../../lessons/cutoff';
import type { CheckState, LabEvent } from '../../worker/protocol';
import { progress } from '../state/progress.svelte';
import type { LessonProgress, StepProgress } from '../state/progress';
import { lab } from '../state/lab.svelte';
import { workbench } from './workbench.svelte';

/** Saved per lesson: enough for the `ran` checks of a step in progress, small enough for browser storage. */
const LOG_KEEP = 200;
const OUTPUT_KEEP = 4096;
/**
 * How long a prediction waits for its command to finish in the terminal: the command runs there in real time, so as
 * long as `lessons check` let it run (the learner's Ctrl-C ends it sooner), plus a margin for a slow tab.
 */
const PREDICT_WAIT_MS = (COMMAND_CUTOFF_SECONDS + 20) * 1000;

class LessonRuntime {
  lesson = $state.raw<CompiledLesson | null>(null);
  /** Live check states of the current step, by check id. */
  checks = $state<Record<string, CheckState>>({});
  loading = $state(false);
  error = $state<string | null>(null);
  /** What predicted commands really printed, by quiz id (shown under the quiz). */
  truths = $state<Record<string, string>>({});
  private unlisten: (() => void) | null = null;
  private evaluating = 0;

  get progress(): LessonProgress | undefined {
    return this.lesson ? progress.peek(this.lesson.id) : undefined;
  }

  get index(): number {
    return this.progress?.current ?? 0;
  }

  get step(): CompiledStep | undefined {
    return this.lesson?.steps[this.index];
  }

  stepProgress(step: CompiledStep): StepProgress | undefined {
    return this.progress?.steps[step.id];
  }

  /** Opens lesson `id`: its saved world and place, or a fresh start from its setup. */
  async open(id: string): Promise<void> {
    if (this.lesson?.id === id && !this.error) return;
    this.loading = true;
    this.error = null;
    this.unlisten?.();
    try {
      const lesson = await loadLesson(id);
      if (!lesson) throw new Error(`There is no lesson ${id}.`);
      this.lesson = lesson;
      this.checks = {};
      this.truths = {};
      const p = progress.lesson(id);
      const saved = progress.world(`lesson:${id}`);
      const fresh = { preset: lesson.world, seed: lesson.seed, setup: lesson.setup };
      // A saved world that no longer loads (damaged storage) gives way to a fresh one rather than a dead lesson.
      const loaded = await (saved ? workbench.load({ snapshot: saved, log: $state.snapshot(p.log) }, `lesson:${id}`).catch(() => workbench.load(fresh, `lesson:${id}`)) : workbench.load(fresh, `lesson:${id}`));
      if (loaded.setupFailures.length) this.error = `This lesson's setup failed: ${loaded.setupFailures.map((f) => `\`${f.command}\` (status ${f.exitCode})`).join(', ')}`;
      this.unlisten = workbench.on((e) => this.onLabEvent(e));
      this.enter(Math.min(p.current, lesson.steps.length));
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.loading = false;
    }
  }

  close(): void {
    this.unlisten?.();
    this.unlisten = null;
    this.lesson = null;
  }

  private onLabEvent(e: LabEvent): void {
    const p = this.progress;
    if (!p) return;
    if (e.type === 'command') {
      p.log.push({ ...e.entry, output: e.entry.output.slice(0, OUTPUT_KEEP) });
      if (p.log.length > LOG_KEEP) p.log.splice(0, p.log.length - LOG_KEEP);
      p.history.push(e.entry.line);
      if (p.history.length > LOG_KEEP) p.history.splice(0, p.history.length - LOG_KEEP);
      progress.save(this.lesson!.id);
      void this.evaluate();
    } else if (e.type === 'world') {
      void this.evaluate();
    }
  }

  /** Shows step `index` (or the summary at `steps.length`), starting its command count if it is new. */
  enter(index: number): void {
    const lesson = this.lesson;
    const p = this.progress;
    if (!lesson || !p) return;
    p.current = Math.max(0, Math.min(index, lesson.steps.length));
    const step = lesson.steps[p.current];
    if (step) p.steps[step.id] ??= { done: false, passed: false, seenSolution: false, hints: 0, startSeq: workbench.nextSeq };
    progress.save(lesson.id);
    this.checks = {};
    void this.evaluate();
  }

  /** Moves on; a step with nothing to check or answer counts as done once read. */
  next(): void {
    const step = this.step;
    const sp = step && this.stepProgress(step);
    if (step && sp && !step.checks.length && !step.quizzes.length) sp.done = true;
    this.updateCompletion();
    this.enter(this.index + 1);
  }

  /** Re-evaluates the current step's checks in the worker. */
  async evaluate(): Promise<void> {
    const step = this.step;
    const sp = step && this.stepProgress(step);
    if (!step || !sp || !step.checks.length) return;
    const run = ++this.evaluating;
    const client = await workbench.client();
    const states = await client.evaluateChecks(step.checks.map((c) => ({ id: c.id, pred: c.pred })), sp.startSeq);
    if (run !== this.evaluating || this.step !== step) return;
    this.checks = Object.fromEntries(states.map((s) => [s.id, s]));
    if (states.every((s) => s.ok) && !sp.passed) {
      sp.passed = true;
      this.updateCompletion();
    }
  }

  private updateCompletion(): void {
    const lesson = this.lesson;
    const p = this.progress;
    if (!lesson || !p) return;
    for (const step of lesson.steps) {
      const sp = p.steps[step.id];
      if (!sp || sp.done) continue;
      const checksOk = !step.checks.length || sp.passed;
      const quizzesOk = step.quizzes.every((q) => p.quizzes[q.id]?.correct || p.quizzes[q.id]?.revealed);
      if (checksOk && quizzesOk && (step.checks.length || step.quizzes.length)) sp.done = true;
    }
    p.completed = lesson.steps.every((s) => p.steps[s.id]?.done);
    progress.save(lesson.id);
  }

  revealHint(step: CompiledStep): void {
    const sp = this.stepProgress(step);
    if (!sp || sp.hints >= step.hints.length) return;
    sp.hints++;
    progress.save(this.lesson!.id);
  }

  revealSolution(step: CompiledStep): void {
    const sp = this.stepProgress(step);
    if (!sp) return;
    sp.seenSolution = true;
    progress.save(this.lesson!.id);
  }

  /** Grades an answer (retries allowed until right); returns whether it was right. */
  answer(quiz: CompiledQuiz, answer: QuizAnswer): boolean {
    const p = this.progress!;
    const qp = (p.quizzes[quiz.id] ??= { attempts: 0, correct: false, revealed: false, answer: null });
    if (qp.correct || qp.revealed) return qp.correct;
    qp.attempts++;
    qp.answer = answer;
    qp.correct = gradeQuiz(quiz, answer);
    this.updateCompletion();
    return qp.correct;
  }

  /** Predict the output: grade the prediction, then type the command into the terminal and keep what it printed. */
  async predict(quiz: CompiledQuiz, answer: QuizAnswer): Promise<void> {
    this.answer(quiz, answer);
    if (this.truths[quiz.id] !== undefined || !quiz.command) return;
    const done = workbench.nextCommand(quiz.command);
    lab.run(quiz.command);
    const timeout = new Promise<null>((r) => setTimeout(() => r(null), PREDICT_WAIT_MS));
    const entry = await Promise.race([done, timeout]);
    this.truths[quiz.id] = entry ? entry.output : '(the command did not finish: run it in the terminal to see its output)';
  }

  /** Gives up on a quiz: shows the answer, scores nothing. */
  reveal(quiz: CompiledQuiz): void {
    const p = this.progress!;
    const qp = (p.quizzes[quiz.id] ??= { attempts: 0, correct: false, revealed: false, answer: null });
    if (qp.correct) return;
    qp.revealed = true;
    this.updateCompletion();
  }

  /** Starts the lesson over: fresh world from its setup, no progress. */
  async reset(): Promise<void> {
    const lesson = this.lesson;
    if (!lesson) return;
    progress.resetLesson(lesson.id);
    this.lesson = null;
    await this.open(lesson.id);
  }
}

export const runtime = new LessonRuntime();
