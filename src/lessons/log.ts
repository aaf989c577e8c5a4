// The session's command log: every line the learner typed, where, its exit status and its output. The `ran`
// check reads it; lesson progress saves it; the worker and `cnlab lessons check` both fill it through `runLogged`.
import type { Session } from '../shell/session';
import type { CommandIO, Interrupt } from '../shell/types';

/** Output kept per command: enough for any check, small enough to persist. */
export const MAX_LOG_OUTPUT = 16_384;

export interface LogEntry {
  /** Increases by one per command for the lifetime of a lab (survives undo and reload). */
  seq: number;
  line: string;
  exitCode: number;
  /** stdout and stderr as the terminal showed them, truncated to MAX_LOG_OUTPUT. */
  output: string;
  host: string;
  netns: string;
  /** Set when the line was typed inside a container (`docker exec -it`). */
  containerId?: string;
  user: string;
}

/** Runs one typed line on `session`, teeing its output into a new log entry. */
export async function runLogged(
  session: Session,
  line: string,
  io: CommandIO,
  interrupt: Interrupt | undefined,
  seq: number,
  run: (io: CommandIO) => Promise<number> = (tee) => session.run(line, tee, interrupt),
): Promise<LogEntry> {
  const env = session.env;
  let output = '';
  const keep = (t: string) => {
    if (output.length < MAX_LOG_OUTPUT) output += t.slice(0, MAX_LOG_OUTPUT - output.length);
  };
  const tee: CommandIO = {
    out: (t) => {
      keep(t);
      io.out(t);
    },
    err: (t) => {
      keep(t);
      io.err(t);
    },
    readLine: io.readLine,
  };
  const exitCode = await run(tee);
  const entry: LogEntry = { seq, line, exitCode, output, host: env.host, netns: env.netns, user: env.user };
  if (env.containerId) entry.containerId = env.containerId;
  return entry;
}

/** Entries since `fromSeq` (inclusive): the commands of the current step. */
export function logSince(log: readonly LogEntry[], fromSeq: number): LogEntry[] {
  return log.filter((e) => e.seq >= fromSeq);
}
