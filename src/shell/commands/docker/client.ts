// The docker CLI's connection to a daemon: which engine a command talks to, and how daemon errors are printed.
import type { DockerEngineState } from '../../../core/docker/types';
import { DaemonError, NoDaemonError } from '../../../core/docker/errors';
import type { CommandContext } from '../../types';
import { reapContainers } from '../../../core/docker/container-stop';
import { startDaemon } from '../../../core/docker/daemon-lifecycle';

/** The engine on the host this shell runs on (DOCKER_HOST is always the local socket here), with exited PID 1s reaped. */
export function engineFor(ctx: CommandContext): DockerEngineState {
  const engine = ctx.world.state.docker[ctx.env.host];
  if (!engine) throw new NoDaemonError();
  // A stopped dockerd is started by docker.socket on the next request; one whose config is bad fails again.
  if (engine.down && startDaemon(ctx.world, engine) !== null) throw new NoDaemonError();
  reapContainers(ctx.world, engine);
  return engine;
}

/** Runs a command body, turning daemon errors into docker's stderr lines and exit status 1. */
export async function withDaemon(ctx: CommandContext, body: (engine: DockerEngineState) => Promise<number> | number): Promise<number> {
  try {
    return await body(engineFor(ctx));
  } catch (e) {
    if (e instanceof DaemonError) {
      if (e.delayUs && !(await ctx.sleep(e.delayUs))) return 130;
      ctx.err(`Error response from daemon: ${e.message}\n`);
      return 1;
    }
    if (e instanceof NoDaemonError) {
      ctx.err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
