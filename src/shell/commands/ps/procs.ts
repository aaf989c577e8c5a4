// /proc as a process in the shell sees it: the host's whole table (with the login shell's jobs and the reader
// itself), or, inside a container, its PID namespace with the reader numbered there (pid-namespace.ts).
import type { CommandContext } from '../../types';
import type { Proc, ExtraProc } from '../../../core/proc/process-table';
import { hostProcesses, LOGIN_PIDS, namespaceProcesses } from '../../../core/proc/process-table';
import { allocContainerPid } from '../../../core/docker/pid-namespace';
import { reapContainers } from '../../../core/docker/container-stop';

/** Where the reading process runs, and the table it sees. */
export interface ProcView {
  procs: Proc[];
  /** The reader itself (ps, pgrep): its PID, user and terminal there. */
  self: Proc;
  inContainer: boolean;
}

/** The learner's jobs that still run, as processes of the login shell. */
function jobProcs(ctx: CommandContext): ExtraProc[] {
  return ctx.session.jobs.running().map((j) => {
    const sudo = j.text.startsWith('sudo ');
    return { pid: j.pid, ppid: LOGIN_PIDS.bash, user: sudo ? 'root' : ctx.session.envStack[0].user, argv: j.text.split(/\s+/), startUs: j.startUs ?? ctx.world.clock.now(), stat: 'S', tty: 'pts/0' };
  });
}

/** Reads the process table as `ctx` sees it, adding the reader (`argv`) as a new process. */
export function readProcesses(ctx: CommandContext, argv: string[] = ctx.argv): ProcView {
  const { world, env } = ctx;
  const engine = world.state.docker[env.host];
  if (engine) reapContainers(world, engine);
  const now = world.clock.now();
  const c = env.containerId ? engine?.containers?.[env.containerId] : undefined;
  if (engine && c) {
    const pid = allocContainerPid(world, env.host, c.id);
    // In an interactive shell there, ps is that shell's child; `docker exec c ps` is started by runc (parent 0).
    const shell = ctx.session.env.containerId === c.id;
    const exec = shell ? c.state.execs?.[c.state.execs.length - 1] : undefined;
    const base = namespaceProcesses(world, engine, c);
    const parent = exec ? base.find((p) => p.nsPid === exec.nsPid) : shell ? base.find((p) => p.pid === 1) : undefined;
    const self: ExtraProc = { pid, ppid: parent?.pid ?? 0, user: env.user, argv, startUs: now, stat: parent?.tty ? 'R+' : 'Rs', tty: parent?.tty ?? null };
    const procs = namespaceProcesses(world, engine, c, [self]);
    return { procs, self: procs.find((p) => p.pid === pid)!, inContainer: true };
  }
  const pid = world.nextPid();
  const self: ExtraProc = { pid, ppid: LOGIN_PIDS.bash, user: env.user, argv, startUs: now, stat: 'R+', tty: 'pts/0' };
  const procs = hostProcesses(world, env.host, [...jobProcs(ctx), self]);
  return { procs, self: procs.find((p) => p.pid === pid)!, inContainer: false };
}
