// Job control as bash does it: `CMD &` runs in the background (`[1] PID`), `jobs` lists, `fg` waits for one (Ctrl-C
// then reaches it), `kill %1` ends one, and finished jobs are reported (`[1]+  Done ...`) before the next prompt.
// Unpaced sessions (scripts, transcripts) have no real time: a background job's sleeps wake when the foreground moves
// the simulated clock past them, in deadline order, so `tcpdump ... &` then `ping` interleave as they would.
import type { World } from '../core/world';
import { ManualInterrupt } from './interrupts';

/** Ctrl-C (SIGINT) or `kill` (SIGTERM) for one background job; the terminal's Ctrl-C does not reach it. */
export class JobInterrupt extends ManualInterrupt {
  signal: 'INT' | 'TERM' | null = null;
  /** The job's process id (`[1] PID`), which the program it runs takes as its own. */
  pid?: number;

  send(signal: 'INT' | 'TERM'): void {
    this.signal ??= signal;
    this.fire();
  }
}

export interface Job {
  id: number;
  pid: number;
  /** The command as bash shows it (`tcpdump -i docker0 -n`). */
  text: string;
  status: number | null;
  interrupt: JobInterrupt;
  done: Promise<number>;
  /** Reported as finished (by the prompt, `jobs` or `fg`). */
  reported: boolean;
  /** Brought to the foreground by `fg`: its end is not reported again. */
  foreground: boolean;
  /** When it started (ps's START). */
  startUs?: number;
}

interface Timer {
  deadline: number;
  seq: number;
  wake: (ok: boolean) => void;
}

/** Lets every pending continuation run (a macrotask boundary), so woken jobs reach their next sleep or their end. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class JobTable {
  readonly jobs: Job[] = [];
  private timers: Timer[] = [];
  private seq = 0;
  /** `$!`: the PID of the last background job. */
  lastPid: number | null = null;

  constructor(private readonly world: World) {}

  /** Starts `body` as job N; it runs until it returns (its exit status) or is signalled. */
  start(text: string, body: (interrupt: JobInterrupt) => Promise<number>): Job {
    const interrupt = new JobInterrupt();
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    const job: Job = { id, pid: this.world.nextPid(), text, status: null, interrupt, done: Promise.resolve(0), reported: false, foreground: false, startUs: this.world.clock.now() };
    interrupt.pid = job.pid;
    // A program killed by the signal (not one that catches it and exits its own way) ends with 128 + its number.
    job.done = body(interrupt).then(
      (status) => (job.status = interrupt.signal === 'TERM' && status === 130 ? 143 : status),
      () => (job.status = 1),
    );
    this.jobs.push(job);
    this.lastPid = job.pid;
    return job;
  }

  /** A background sleep in an unpaced session: resolves true at `deadline`, or false when the job is signalled. */
  sleep(us: number, interrupt: JobInterrupt): Promise<boolean> {
    if (interrupt.interrupted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer: Timer = { deadline: this.world.clock.now() + us, seq: this.seq++, wake: resolve };
      this.timers.push(timer);
      interrupt.onInterrupt(() => {
        this.timers = this.timers.filter((t) => t !== timer);
        resolve(false);
      });
    });
  }

  /** The foreground's time passing (unpaced): background sleepers due before `us` from now wake in order. */
  async advance(us: number): Promise<void> {
    const clock = this.world.clock;
    const target = clock.now() + us;
    for (;;) {
      const due = this.timers.filter((t) => t.deadline <= target).sort((a, b) => a.deadline - b.deadline || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      clock.advanceTo(due.deadline);
      due.wake(true);
      await settle();
    }
    clock.advanceTo(target);
    if (this.running().length) await settle();
  }

  /** The shell goes away (its terminal closed, its world replaced): every job still running is ended (SIGHUP). */
  hangUp(): void {
    for (const job of this.running()) job.interrupt.send('TERM');
  }

  running(): Job[] {
    return this.jobs.filter((j) => j.status === null);
  }

  /** `%1`, `%%`/`%+` (current), `%-` (previous), `%name` (command prefix), or a PID. */
  find(spec: string): Job | undefined {
    const live = this.jobs.filter((j) => !j.reported || j.status === null);
    if (spec === '%%' || spec === '%+' || spec === '%') return live[live.length - 1];
    if (spec === '%-') return live[live.length - 2];
    if (/^%\d+$/.test(spec)) return live.find((j) => j.id === Number(spec.slice(1)));
    if (spec.startsWith('%')) return live.find((j) => j.text.startsWith(spec.slice(1)));
    if (/^\d+$/.test(spec)) return live.find((j) => j.pid === Number(spec));
    return undefined;
  }

  /** `+` for the current job (the newest), `-` for the one before, ` ` for the rest. */
  mark(job: Job): string {
    const live = this.jobs.filter((j) => !j.reported || j.status === null);
    const i = live.indexOf(job);
    return i === live.length - 1 ? '+' : i === live.length - 2 ? '-' : ' ';
  }

  /** bash's job line: `[1]+  Running                 sleep 100 &`. */
  line(job: Job): string {
    const state = job.status === null ? 'Running' : job.status === 0 ? 'Done' : job.status === 143 ? 'Terminated' : job.status === 130 ? 'Interrupt' : `Exit ${job.status}`;
    const text = job.status === null ? `${job.text} &` : job.text;
    return `[${job.id}]${this.mark(job)}  ${state.padEnd(24)}${text}\n`;
  }

  /** The finished jobs not yet reported, as bash prints them before a prompt; they leave the table. */
  takeFinished(): string {
    const finished = this.jobs.filter((j) => j.status !== null && !j.reported);
    let text = '';
    for (const job of finished) {
      job.reported = true;
      if (!job.foreground) text += this.line(job);
    }
    this.prune();
    return text;
  }

  /** Drops reported jobs (their numbers become free again once no later job holds one). */
  prune(): void {
    for (let i = this.jobs.length - 1; i >= 0; i--) if (this.jobs[i].reported && this.jobs[i].status !== null) this.jobs.splice(i, 1);
  }
}
