// Drives a Session from lines of text exactly as if typed at the lab terminal: prompt + line echoed, then output.
// Used by `cnlab exec`, the golden transcripts and lesson checking.
import type { Session } from './session';
import type { CommandIO, Interrupt } from './types';
import { SimTimeInterrupt, scriptedInterruptSeconds } from './interrupts';
import { PS2, needsMore } from './continuation';

/** Where typed lines come from: the next command, or the answer to a prompt the command printed. */
export interface LineSource {
  next(): Promise<string | null>;
}

export function arraySource(lines: readonly string[]): LineSource {
  let i = 0;
  return { next: async () => (i < lines.length ? lines[i++] : null) };
}

export interface RunLineOptions {
  /** Echo `<prompt><line>` before the output, as a terminal shows it. */
  echo: boolean;
  /** Lines the command may read (prompts), echoed as typed. */
  input: LineSource;
  /** Simulated seconds after which a command is interrupted when the line does not say (`# ^C after Ns`). */
  defaultInterruptSeconds?: number;
  /** A live Ctrl-C from a real terminal; replaces the simulated-time interrupt. */
  interrupt?: Interrupt;
  /** Called before each continuation line is read (an interactive terminal shows PS2 there). */
  onContinue?: () => void;
}

/**
 * Runs one line; every piece of output (stdout, stderr, echo, ^C) goes to `write` in order. A line that needs more
 * (an open quote, a trailing `|`) takes the next input lines first, echoed after PS2 as an interactive bash shows them.
 */
export async function runTypedLine(session: Session, first: string, write: (text: string) => void, opts: RunLineOptions): Promise<number> {
  if (opts.echo) write(`${session.prompt()}${first}\n`);
  let line = first;
  while (needsMore(line)) {
    opts.onContinue?.();
    const next = await opts.input.next();
    // Ctrl-C at PS2 drops the unfinished command, as bash does ($? is then 130).
    if (opts.interrupt?.interrupted) {
      session.lastExit = 130;
      return 130;
    }
    if (next === null) break;
    if (opts.echo) write(`${PS2}${next}\n`);
    line += `\n${next}`;
  }
  const seconds = scriptedInterruptSeconds(line) ?? opts.defaultInterruptSeconds ?? 3600;
  const interrupt = opts.interrupt ?? new SimTimeInterrupt(session.world, seconds, () => write('^C'));
  const io: CommandIO = {
    out: write,
    err: write,
    readLine: async () => {
      const answer = await opts.input.next();
      if (answer !== null) write(answer + '\n');
      return answer;
    },
  };
  return session.run(line, io, interrupt);
}

/** Runs every line from `source` until it ends or the login shell exits. */
export async function runLines(session: Session, source: LineSource, write: (text: string) => void): Promise<void> {
  for (;;) {
    if (session.closed) return;
    const line = await source.next();
    if (line === null) return;
    await runTypedLine(session, line, write, { echo: true, input: source });
  }
}
