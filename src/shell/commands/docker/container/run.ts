// `docker run`: create, then start, then (unless -d) stay attached: stream a server's logs until Ctrl-C, run a
// command in the container and exit with its status, or enter an interactive shell (`-it`) whose `exit` ends it.
import type { CobraCommand } from '../../../cobra';
import type { CommandContext } from '../../../types';
import { DaemonError } from '../../../../core/docker/errors';
import { startContainer } from '../../../../core/docker/container-start';
import { containerExited, reapContainers, removeContainer, stopContainer } from '../../../../core/docker/container-stop';
import { catalogById } from '../../../../core/docker/image-catalog';
import { effectiveArgv, planMainProcess } from '../../../../core/docker/main-process';
import type { Container, DockerEngineState } from '../../../../core/docker/types';
import { reportError } from '../usage';
import { CONTAINER_FLAGS, RUN_ONLY_FLAGS } from './create-flags';
import { createFromFlags } from './create';
import { containerProcessEnv, enterMainShell, labCanRun, runInContainer, teeToLogs } from './runtime';

/** runStartContainerErr: 127 when the executable is missing, 126 when it cannot be run, else 125. */
function startErrorStatus(message: string): number {
  if (message.includes('executable file not found') || message.includes('no such file or directory')) return 127;
  if (message.includes('permission denied')) return 126;
  return 125;
}

/** Starts `c`, printing the run-style error; returns null on success or the exit status. */
export function startOrReport(ctx: CommandContext, engine: DockerEngineState, c: Container, cmd: string): number | null {
  try {
    startContainer(ctx.world, engine, c);
    return null;
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    reportError(ctx, cmd, `Error response from daemon: ${e.message}`, false);
    if (c.hostConfig.autoRemove) removeContainer(ctx.world, engine, c, true);
    return startErrorStatus(e.message);
  }
}

/** Prints log lines written since `from` (and by now) to the attached streams; returns where to go on from. */
function printLogs(ctx: CommandContext, c: Container, from: number): number {
  let i = from;
  for (; i < c.logs.length && c.logs[i].us <= ctx.world.clock.now(); i++) (c.logs[i].stream === 'stdout' ? ctx.out : ctx.err)(c.logs[i].text);
  return i;
}

/** Stays attached while PID 1 runs, printing what it logs from `from` on; Ctrl-C is proxied (servers stop gracefully). */
export async function waitAttached(ctx: CommandContext, engine: DockerEngineState, c: Container, from = 0): Promise<number> {
  let shown = printLogs(ctx, c, from);
  while (c.state.status === 'running') {
    // Wake for the next pending log line or PID 1's exit, whichever comes first.
    const wakes = [c.logs[shown]?.us, c.state.exitAtUs].filter((t): t is number => typeof t === 'number');
    const until = wakes.length ? Math.min(...wakes) : null;
    const step = until === null ? 1_000_000 : Math.max(1, Math.min(1_000_000, until - ctx.world.clock.now()));
    if (!(await ctx.sleep(step))) {
      stopContainer(ctx.world, engine, c, 'SIGINT', 0);
      printLogs(ctx, c, shown);
      return c.state.exitCode === 137 ? 130 : c.state.exitCode;
    }
    reapContainers(ctx.world, engine);
    shown = printLogs(ctx, c, shown);
  }
  return c.state.exitCode;
}

/** A command as PID 1 in the foreground: it runs in the container with the terminal, then the container exits. */
async function runForeground(ctx: CommandContext, engine: DockerEngineState, c: Container): Promise<number> {
  const argv = effectiveArgv(c);
  const env = containerProcessEnv(ctx.world, engine, c);
  const code = await runInContainer(ctx, argv, env, teeToLogs(ctx.world, c, ctx));
  containerExited(ctx.world, engine, c, code);
  return code;
}

/** A one-shot PID 1 of a detached container runs now; its output goes to the log only. */
async function runDetached(ctx: CommandContext, engine: DockerEngineState, c: Container): Promise<void> {
  const env = containerProcessEnv(ctx.world, engine, c);
  const sink = { out: () => {}, err: () => {}, readLine: async () => null };
  const code = await runInContainer({ ...ctx, stdin: null }, effectiveArgv(c), env, teeToLogs(ctx.world, c, sink));
  containerExited(ctx.world, engine, c, code);
}

export const containerRun: CobraCommand = {
  name: 'run',
  aliasesLine: 'docker container run, docker run',
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  args: { min: 1 },
  interspersed: false,
  flags: [...CONTAINER_FLAGS, ...RUN_ONLY_FLAGS],
  category: 'top',
  topOrder: 1,
  async run(ctx, inv) {
    const r = await createFromFlags(ctx, inv, 'run');
    if (!r.ok) return r.exit;
    const { engine, container: c } = r;
    const plan = planMainProcess(c, catalogById(c.imageId));
    if (inv.values.detach) {
      ctx.out(c.id + '\n');
      const failed = startOrReport(ctx, engine, c, 'run');
      if (failed !== null) return failed;
      if (plan.kind === 'oneshot') await runDetached(ctx, engine, c);
      return 0;
    }
    const failed = startOrReport(ctx, engine, c, 'run');
    if (failed !== null) return failed;
    switch (plan.kind) {
      case 'shell':
        if (!plan.lives) {
          reapContainers(ctx.world, engine);
          containerExited(ctx.world, engine, c, 0);
          return 0;
        }
        enterMainShell(ctx, engine, c, plan.shell);
        return 0;
      case 'service':
      case 'timed':
        return waitAttached(ctx, engine, c);
      case 'forever':
        return labCanRun(c, effectiveArgv(c)[0]) ? runForeground(ctx, engine, c) : waitAttached(ctx, engine, c);
      case 'oneshot':
        return runForeground(ctx, engine, c);
    }
  },
};
