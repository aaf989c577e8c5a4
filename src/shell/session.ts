// One interactive shell on a host: its prompt, history, variables, and the stack of shells entered with `docker exec -it`.
import type { World } from '../core/world';
import type { CommandIO, Interrupt, ProcessEnv } from './types';
import { runScript } from './interpreter';
import { parseLine } from './parser';
import { COMPOUND, historyEntry } from './continuation';
import { JobTable } from './jobs';
import { LOGIN_PIDS } from '../core/proc/process-table';

export interface SessionOptions {
  /** Waits real time for a simulated sleep: the browser paces `ping`; tests and `cnlab exec` pass none and run instantly. */
  pace?: (ms: number) => Promise<void>;
  user?: string;
  /**
   * Simulated time (µs) that passed since the last line, before this one runs: the browser passes the real time the
   * learner took; scripted runs use a fixed pause so `docker ps` says "Up 4 seconds" the way a typed session would.
   */
  thinkTimeUs?: () => number;
  /** Where background jobs' output goes while no command runs (the browser shows it at the prompt). */
  backgroundSink?: (text: string) => void;
}

/** The pause between two lines of a scripted session (a person typing the next command). */
export const SCRIPTED_THINK_US = 2_000_000;

/** The environment of the login shell on a host (bash as `learner` in ~). */
export function hostShellEnv(world: World, host: string, user = 'learner'): ProcessEnv {
  return {
    host,
    netns: world.host(host).rootNs,
    flavor: 'ubuntu',
    hostname: host,
    user,
    cwd: '~',
    shell: 'bash',
    fsRoot: host,
    vars: {},
  };
}

/** A never-firing interrupt, for programmatic runs. */
export const NO_INTERRUPT: Interrupt = { interrupted: false, onInterrupt() {} };

export class Session {
  /** The login shell at the bottom, shells entered with `docker exec -it`/`sudo -i` on top. */
  readonly envStack: ProcessEnv[];
  readonly history: string[] = [];
  lastExit = 0;
  /** Set when the login shell itself exits. */
  closed = false;
  /** Loops being run (for `break` and `continue` to know they mean something). */
  loopDepth = 0;
  /** A `break N` / `continue N` on its way out of the loops it names. */
  loopControl: { kind: 'break' | 'continue'; levels: number } | null = null;
  /** Background jobs (`CMD &`). */
  readonly jobs: JobTable;
  /** The output of the line running now: background jobs write there while it runs. */
  private foreground: CommandIO | null = null;
  /** Background output made while nothing ran and no sink was set: shown before the next line's output. */
  private pending = '';
  /** Set once the pause before the next line has passed (`think`), so `run` does not pause again. */
  private thought = false;

  constructor(
    readonly world: World,
    host: string,
    readonly options: SessionOptions = {},
  ) {
    this.envStack = [hostShellEnv(world, host, options.user)];
    this.jobs = new JobTable(world);
  }

  /** The streams a background job writes to: the foreground line's, the session's sink, or a buffer until the next line. */
  backgroundIO(): CommandIO {
    const write = (t: string) => {
      if (this.foreground) this.foreground.out(t);
      else if (this.options.backgroundSink) this.options.backgroundSink(t);
      else this.pending += t;
    };
    return { out: write, err: write, readLine: async () => null };
  }

  /**
   * The pause before the next typed line (the learner typing): simulated time passes, and background jobs run in it,
   * writing to `io`. `run` calls it unless the caller already did (to show that output before echoing the line).
   */
  async think(io: CommandIO): Promise<void> {
    if (this.thought) return;
    this.thought = true;
    const us = this.options.thinkTimeUs ? this.options.thinkTimeUs() : SCRIPTED_THINK_US;
    this.foreground = io;
    try {
      if (this.pending) {
        io.out(this.pending);
        this.pending = '';
      }
      if (this.options.pace) this.world.clock.advance(us);
      else await this.jobs.advance(us);
    } finally {
      this.foreground = null;
    }
  }

  get env(): ProcessEnv {
    return this.envStack[this.envStack.length - 1];
  }

  get host(): string {
    return this.env.host;
  }

  /** bash's `\u@\h:\w\$ `; BusyBox ash's `\w \$ ` inside alpine. */
  prompt(): string {
    const e = this.env;
    const mark = e.user === 'root' ? '#' : '$';
    if (e.shell === 'sh' || e.shell === 'ash') return `${e.cwd === '/' ? '/' : e.cwd} ${mark} `;
    // dash (Ubuntu's sh) prompts with PS1's default.
    if (e.shell === 'dash') return `${mark} `;
    return `${e.user}@${e.hostname}:${e.cwd}${mark} `;
  }

  /** `$$` of the innermost shell on the host: the login shell's PID, or one drawn for a shell started since; null in a container. */
  shellPid(): number | null {
    if (this.env.containerId) return null;
    for (let i = this.envStack.length - 1; i > 0; i--) {
      const e = this.envStack[i];
      if (e.shellPid !== undefined) return e.shellPid;
      if (e.newShell) return (e.shellPid = this.world.nextPid());
    }
    return LOGIN_PIDS.bash;
  }

  pushEnv(env: ProcessEnv): void {
    this.envStack.push(env);
  }

  /** Told of every shell left by popEnv (docker stops a container whose main shell exits). */
  readonly popListeners = new Set<(env: ProcessEnv) => void>();

  /** Leaves the innermost shell; returns false at the login shell. */
  popEnv(): boolean {
    if (this.envStack.length <= 1) return false;
    const env = this.envStack.pop()!;
    for (const listener of this.popListeners) listener(env);
    return true;
  }

  /** Records a line as bash's HISTCONTROL=ignoreboth does (no leading-space lines, no consecutive duplicates). */
  remember(line: string): void {
    // Control-key lines (the detach keys) are not commands anyone would recall.
    if (!line.trim() || line.startsWith(' ') || line < ' ') return;
    if (this.history[this.history.length - 1] === line) return;
    this.history.push(line);
  }

  /**
   * Runs one typed command to completion and returns its exit status. `line` may hold several physical lines (joined
   * by `\n`) typed at the PS2 prompt; history keeps them as one entry. An incomplete command (input ended at PS2)
   * fails as bash's does.
   */
  async run(line: string, io: CommandIO, interrupt: Interrupt = NO_INTERRUPT): Promise<number> {
    await this.think(io);
    this.thought = false;
    interrupt.begin?.();
    this.remember(historyEntry(line));
    const parsed = parseLine(line);
    if (!parsed.ok) {
      const shell = this.env.shell;
      if (parsed.incomplete && COMPOUND.includes(parsed.message)) {
        io.err(`${shell}: syntax error: unexpected end of file\n`);
      } else if (parsed.incomplete) {
        io.err(`${shell}: unexpected EOF while looking for matching \`${closer(parsed.message)}'\n`);
      } else {
        io.err(`${shell}: ${parsed.message}\n`);
      }
      this.lastExit = 2;
      return 2;
    }
    this.foreground = io;
    try {
      this.lastExit = await runScript(this, parsed.script, io, interrupt);
      // Jobs just started print their first lines now, with this line's output (as they would before the next prompt).
      if (this.jobs.running().length) await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      this.foreground = null;
    }
    // bash reports jobs that ended before it shows the next prompt.
    const finished = this.jobs.takeFinished();
    if (finished) io.err(finished);
    return this.lastExit;
  }
}

function closer(open: string): string {
  if (open === '$(') return ')';
  if (open === '${') return '}';
  return open;
}
