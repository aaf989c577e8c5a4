// `cnlab lessons check`: replays a lesson as a learner who follows it exactly. For every step it proves each
// condition is false before the solution and true after it, and that every "predict the output" answer key agrees
// with what the command really prints at that point.
import { World } from '../core/world';
import { Session } from '../shell/session';
import { arraySource, runTypedLine } from '../shell/script-runner';
import { buildLessonWorld } from './world';
import { runLogged, logSince, type LogEntry } from './log';
import { evaluateChecks } from './checks/evaluate';
import { keyMatchesOutput, normalizeOutput } from './quiz';
import { COMMAND_CUTOFF_SECONDS } from './cutoff';
import type { CompiledLesson, CompiledQuiz } from './types';

export interface LessonProblem {
  line: number;
  message: string;
}

export interface LessonCheckReport {
  id: string;
  steps: number;
  checks: number;
  quizzes: number;
  problems: LessonProblem[];
  /** What the replay printed, in `cnlab exec` style, for `--verbose`. */
  transcript: string;
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
/** Output or a key in a one-line message: line breaks shown as `\n`. */
const quoted = (s: string) => `"${shorten(s.replace(/\n/g, '\\n'))}"`;

/** Runs a predict quiz's command on a copy of the world, as the learner (whose terminal it types into). */
async function predictOutput(world: World, q: CompiledQuiz): Promise<string> {
  const copy = World.restore(world.snapshot());
  const session = new Session(copy, copy.hostNames()[0]);
  let out = '';
  await runTypedLine(session, q.command!, (t) => (out += t), { echo: false, input: arraySource([]), defaultInterruptSeconds: COMMAND_CUTOFF_SECONDS });
  return out;
}

export async function checkLesson(lesson: CompiledLesson): Promise<LessonCheckReport> {
  const problems: LessonProblem[] = [];
  let transcript = '';
  const report: LessonCheckReport = { id: lesson.id, steps: lesson.steps.length, checks: lesson.checkCount, quizzes: lesson.quizCount, problems, transcript };
  const { world, failures } = await buildLessonWorld({ preset: lesson.world, seed: lesson.seed, setup: lesson.setup });
  for (const f of failures) problems.push({ line: 1, message: `setup command \`${f.command}\` failed with status ${f.exitCode}: ${shorten(f.output.trim())}` });
  const session = new Session(world, world.hostNames()[0]);
  const log: LogEntry[] = [];
  let seq = 1;

  for (const step of lesson.steps) {
    const start = seq;
    transcript += `# step "${step.title}"\n`;
    const where = `step "${step.title}"`;
    if (step.checks.length) {
      const before = await evaluateChecks(step.checks, world, logSince(log, start));
      before.forEach((s, i) => {
        if (s.ok) problems.push({ line: step.checks[i].line, message: `${where}: "${step.checks[i].label}" already holds before the solution` });
      });
    }
    for (const line of step.solution ?? []) {
      transcript += `${session.prompt()}${line.command}\n`;
      const entry = await runLogged(session, line.command, { out: (t) => (transcript += t), err: (t) => (transcript += t), readLine: async () => null }, undefined, seq++, (tee) =>
        runTypedLine(session, line.command, tee.out, { echo: false, input: arraySource(line.input) }),
      );
      log.push(entry);
      if (entry.exitCode !== 0) transcript += `[exit ${entry.exitCode}]\n`;
    }
    if (step.checks.length) {
      const after = await evaluateChecks(step.checks, world, logSince(log, start));
      after.forEach((s, i) => {
        if (!s.ok) problems.push({ line: step.checks[i].line, message: `${where}: "${step.checks[i].label}" does not hold after the solution${s.detail ? ` (${s.detail})` : ''}` });
      });
    }
    for (const q of step.quizzes) {
      if (q.type === 'single' && q.options.filter((o) => o.correct).length !== 1) problems.push({ line: q.line, message: `quiz ${q.id}: a single-choice quiz needs exactly one correct option` });
      if (q.type !== 'predict') continue;
      const output = await predictOutput(world, q);
      transcript += `# quiz ${q.id} predicts:\n${session.prompt()}${q.command}\n${output}${output && !output.endsWith('\n') ? '\n' : ''}`;
      if (!keyMatchesOutput(q, output)) {
        const key = q.options.length ? q.options.filter((o) => o.correct).map((o) => o.text).join(' | ') : q.accept.join(' | ') || q.pattern;
        const truth = normalizeOutput(output);
        // A key must be the whole output; say how to write one that spans lines.
        const lines = truth.includes('\n') && !(key ?? '').includes('\n') ? (q.options.length ? ' (the key is the whole output: write a multi-line option as a YAML `|` block)' : ' (the key is the whole output; free text ignores line breaks, so put its lines on one line)') : '';
        problems.push({ line: q.line, message: `quiz ${q.id}: \`${q.command}\` prints ${quoted(truth)} at this point, but the answer key says ${quoted(key ?? '')}${lines}` });
      }
    }
  }
  report.transcript = transcript;
  return report;
}
