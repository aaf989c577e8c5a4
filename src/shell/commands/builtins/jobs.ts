// bash's job-control builtins: jobs, fg, wait and kill (for job specs like %1 and the jobs' PIDs).
import type { CommandContext, Program } from '../../types';
import type { Job } from '../../jobs';
import { findProcess } from '../nsenter/target';

/** Waits for a job while the foreground's time passes; Ctrl-C goes to the job. Returns its status. */
async function waitFor(ctx: CommandContext, job: Job, forwardInterrupt: boolean): Promise<number> {
  let done = false;
  void job.done.then(() => (done = true));
  while (!done) {
    if (!(await ctx.sleep(100_000))) {
      if (!forwardInterrupt) return 130;
      job.interrupt.send('INT');
      await job.done;
      break;
    }
  }
  return job.status ?? 0;
}

export const jobs: Program = {
  name: 'jobs',
  summary: 'display status of jobs',
  async run(ctx) {
    const flags = ctx.argv.slice(1).filter((a) => a.startsWith('-'));
    const bad = flags.find((f) => !/^-[lp]+$/.test(f));
    if (bad) {
      ctx.err(`bash: jobs: ${bad.slice(0, 2)}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`);
      return 2;
    }
    const table = ctx.session.jobs;
    for (const job of [...table.jobs]) {
      if (job.reported) continue;
      if (flags.some((f) => f.includes('p'))) ctx.out(`${job.pid}\n`);
      else if (flags.some((f) => f.includes('l'))) ctx.out(table.line(job).replace(/^(\[\d+\]. {2})/, `$1${job.pid} `));
      else ctx.out(table.line(job));
      if (job.status !== null) job.reported = true;
    }
    table.prune();
    return 0;
  },
};

export const fg: Program = {
  name: 'fg',
  summary: 'move a job to the foreground',
  async run(ctx) {
    const spec = ctx.argv[1] ?? '%+';
    const job = ctx.session.jobs.find(spec);
    if (!job || job.status !== null) {
      ctx.err(`bash: fg: ${ctx.argv[1] ?? 'current'}: no such job\n`);
      return 1;
    }
    ctx.out(`${job.text}\n`);
    job.foreground = true;
    const status = await waitFor(ctx, job, true);
    job.reported = true;
    ctx.session.jobs.prune();
    return status;
  },
};

export const wait: Program = {
  name: 'wait',
  summary: 'wait for job completion and return exit status',
  async run(ctx) {
    const table = ctx.session.jobs;
    const specs = ctx.argv.slice(1);
    const targets = specs.length ? specs.map((s) => table.find(s)) : table.running();
    let status = 0;
    for (const [i, job] of targets.entries()) {
      if (!job) {
        ctx.err(`bash: wait: ${specs[i]}: no such job\n`);
        status = 127;
        continue;
      }
      status = await waitFor(ctx, job, false);
      if (status === 130 && job.status === null) return 130;
    }
    return status;
  },
};

const SIGNALS: Record<string, 'INT' | 'TERM' | 'KILL'> = { INT: 'INT', SIGINT: 'INT', '2': 'INT', TERM: 'TERM', SIGTERM: 'TERM', '15': 'TERM', KILL: 'KILL', SIGKILL: 'KILL', '9': 'KILL' };

export const kill: Program = {
  name: 'kill',
  summary: 'send a signal to a job or process',
  async run(ctx) {
    let args = ctx.argv.slice(1);
    let signal: 'INT' | 'TERM' | 'KILL' = 'TERM';
    if (args[0] === '-s' || args[0] === '-n') {
      signal = SIGNALS[(args[1] ?? '').toUpperCase()] ?? 'TERM';
      args = args.slice(2);
    } else if (args[0]?.startsWith('-') && args[0] !== '-l') {
      const s = SIGNALS[args[0].slice(1).toUpperCase()];
      if (!s) {
        ctx.err(`bash: kill: ${args[0].slice(1)}: invalid signal specification\n`);
        return 1;
      }
      signal = s;
      args = args.slice(1);
    }
    if (!args.length) {
      ctx.err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
      return 2;
    }
    let status = 0;
    for (const a of args) {
      const job = ctx.session.jobs.find(a);
      if (job && job.status === null) {
        job.interrupt.send(signal === 'INT' ? 'INT' : 'TERM');
        continue;
      }
      status = 1;
      if (a.startsWith('%')) ctx.err(`bash: kill: ${a}: no such job\n`);
      else if (!/^\d+$/.test(a)) ctx.err(`bash: kill: ${a}: arguments must be process or job IDs\n`);
      else if (!findProcess(ctx.world, ctx.env, Number(a))) ctx.err(`bash: kill: (${a}) - No such process\n`);
      else if (ctx.env.user !== 'root') ctx.err(`bash: kill: (${a}) - Operation not permitted\n`);
      else ctx.err(`cnlab: signalling process ${a} is not modelled; stop a container with docker stop or docker kill\n`);
    }
    // The killed jobs end before the prompt comes back.
    if (status === 0) await ctx.sleep(0);
    return status;
  },
};
