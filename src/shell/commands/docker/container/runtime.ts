// Processes inside containers as the lab's shell runs them: the ProcessEnv of a container (its namespace, its
// image's userland, its files), commands run there (one-shot or `sh -c`), and interactive shells entered with
// `docker run -it` / `exec -it` / `attach`, whose main shell ending stops the container.
import type { World } from '../../../../core/world';
import type { Container, DockerEngineState } from '../../../../core/docker/types';
import { catalogById } from '../../../../core/docker/image-catalog';
import { containerNetns } from '../../../../core/docker/container-start';
import { containerExited } from '../../../../core/docker/container-stop';
import { fsRootOf } from '../../../../core/docker/etc-files';
import type { CommandContext, CommandIO, ProcessEnv } from '../../../types';
import type { Session } from '../../../session';
import { findProgram } from '../../../registry';
import { containerHasExecutable } from '../../../path';
import { execProgram, runScript } from '../../../interpreter';
import { parseLine } from '../../../parser';
import { allocContainerPid } from '../../../../core/docker/pid-namespace';

const SHELLS = ['sh', 'ash', 'bash', 'zsh'];

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The environment of a process started in container `c` (docker exec, or PID 1 itself). */
export function containerProcessEnv(world: World, engine: DockerEngineState, c: Container, shell = 'sh', extraEnv: string[] = []): ProcessEnv {
  const image = catalogById(c.imageId);
  const vars: Record<string, string> = { HOME: '/root' };
  for (const e of [...c.config.env, ...extraEnv]) {
    const eq = e.indexOf('=');
    if (eq > 0) vars[e.slice(0, eq)] = e.slice(eq + 1);
  }
  return {
    host: engine.host,
    netns: containerNetns(world, engine, c) ?? world.host(engine.host).rootNs,
    flavor: image?.flavor ?? 'busybox',
    hostname: c.config.hostname,
    user: 'root',
    cwd: c.config.workingDir || '/',
    shell: basename(shell),
    containerId: c.id,
    fsRoot: fsRootOf(c),
    vars,
    exported: extraEnv.map((e) => e.split('=')[0]),
  };
}

/** Whether `argv0` exists in the container's image (the runtime's exec lookup in $PATH). */
export function executableExists(c: Container, argv0: string): boolean {
  return containerHasExecutable(c, basename(argv0));
}

/** Whether the lab can actually run `argv0` (it has a program of that name for the image's userland). */
export function labCanRun(c: Container, argv0: string): boolean {
  return findProgram(basename(argv0), catalogById(c.imageId)?.flavor ?? 'busybox') !== undefined;
}

export function isShell(argv0: string): boolean {
  return SHELLS.includes(basename(argv0));
}

/** Runs argv in `env`: shells with `-c` run their script; other programs run directly. Output goes to `io`. */
export async function runInContainer(ctx: CommandContext, argv: string[], env: ProcessEnv, io: CommandIO): Promise<number> {
  const session = ctx.session;
  if (isShell(argv[0]) && argv[1] === '-c' && argv.length >= 3) {
    const parsed = parseLine(argv[2]);
    if (!parsed.ok) {
      io.err(`${basename(argv[0])}: syntax error: ${parsed.message}\n`);
      return 2;
    }
    session.pushEnv(env);
    try {
      return await runScript(session, parsed.script, io, ctx.interrupt);
    } finally {
      session.popEnv();
    }
  }
  return execProgram(session, [basename(argv[0]), ...argv.slice(1)], env, ctx.stdin, io, ctx.interrupt);
}

/** Streams that also append to the container's log (what `docker logs` shows later). */
export function teeToLogs(world: World, c: Container, io: CommandIO): CommandIO {
  const log = (stream: 'stdout' | 'stderr') => (text: string) => c.logs.push({ stream, text, us: world.clock.now() });
  return {
    // PID 1 writes to a terminal only when the container has one (-t).
    stdoutNotTty: !c.config.tty,
    out: (t) => {
      io.out(t);
      log('stdout')(t);
    },
    err: (t) => {
      io.err(t);
      log('stderr')(t);
    },
    readLine: io.readLine,
  };
}

/** Interactive shells that are a container's PID 1 (leaving them ends the container), and `exec -it` shells. */
const mainShells = new WeakMap<ProcessEnv, { host: string; containerId: string; via: 'run' | 'attach' }>();
const execShells = new WeakMap<ProcessEnv, { host: string; containerId: string; pid: number }>();
const hooked = new WeakSet<Session>();

function hook(session: Session): void {
  if (hooked.has(session)) return;
  hooked.add(session);
  session.popListeners.add((env) => {
    const exec = execShells.get(env);
    if (exec) {
      execShells.delete(env);
      // The exec'd shell exits, and the docker CLI waiting for it.
      const c = session.world.state.docker[exec.host]?.containers?.[exec.containerId];
      if (c?.state.execs) c.state.execs = c.state.execs.filter((e) => e.pid !== exec.pid);
    }
    const main = mainShells.get(env);
    if (!main) return;
    mainShells.delete(env);
    const engine = session.world.state.docker[main.host];
    const c = engine?.containers?.[main.containerId];
    if (engine && c) containerExited(session.world, engine, c, session.lastExit);
  });
}

/** Enters the container's main shell (`run -it`, `attach`): `exit` there stops the container. */
export function enterMainShell(ctx: CommandContext, engine: DockerEngineState, c: Container, shell: string, via: 'run' | 'attach' = 'run'): void {
  const env = containerProcessEnv(ctx.world, engine, c, shell);
  mainShells.set(env, { host: engine.host, containerId: c.id, via });
  hook(ctx.session);
  ctx.session.pushEnv(env);
}

/** Enters a shell started by `docker exec -it`: `exit` only ends that shell. */
export function enterExecShell(ctx: CommandContext, env: ProcessEnv, c: Container, argv: string[], tty: boolean): void {
  // The docker CLI starts (on the host, in the learner's terminal), then runc starts the shell in the container.
  const cliPid = ctx.world.nextPid();
  const pid = ctx.world.nextPid();
  const nsPid = allocContainerPid(ctx.world, env.host, c.id);
  const cli = { pid: cliPid, user: ctx.env.user, args: ctx.argv.join(' ') };
  (c.state.execs ??= []).push({ pid, nsPid, argv, user: env.user, startUs: ctx.world.clock.now(), tty, cli });
  execShells.set(env, { host: env.host, containerId: c.id, pid });
  hook(ctx.session);
  ctx.session.pushEnv(env);
}

/**
 * Ctrl-P Ctrl-Q in an attached or exec'd shell: back to the host, the container keeps running. Returns how the
 * shell was entered (`run` detaches quietly), or null when the shell is not a container's.
 */
export function detachShell(session: Session): 'run' | 'attach' | 'exec' | null {
  const env = session.env;
  const main = mainShells.get(env);
  if (!main && !execShells.has(env)) return null;
  mainShells.delete(env);
  execShells.delete(env);
  session.popEnv();
  return main?.via ?? 'exec';
}
