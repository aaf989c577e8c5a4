// The loop docker/cli's start/stop/restart/kill/rm share: act on each named container, print the name as typed on
// success, collect the daemon's errors and print them at the end (exit 1 if any failed).
import type { CommandContext } from '../../../types';
import { DaemonError } from '../../../../core/docker/errors';
import { getContainer } from '../../../../core/docker/lookup';
import type { Container, DockerEngineState } from '../../../../core/docker/types';
import { withDaemon } from '../client';

export async function eachContainer(
  ctx: CommandContext,
  refs: string[],
  act: (engine: DockerEngineState, c: Container, ref: string) => Promise<void> | void,
  opts: { ignoreNotFound?: boolean } = {},
): Promise<number> {
  return withDaemon(ctx, async (engine) => {
    const errs: string[] = [];
    for (const ref of refs) {
      try {
        const before = ctx.world.clock.now();
        await act(engine, getContainer(engine, ref), ref);
        // The daemon took that long (a 10 s stop timeout): the name appears when it is done, as in a real terminal.
        await ctx.catchUp(ctx.world.clock.now() - before);
        ctx.out(ref + '\n');
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        const text = `Error response from daemon: ${e.message}`;
        if (opts.ignoreNotFound && e.status === 404) ctx.err(text + '\n');
        else errs.push(text);
      }
    }
    if (errs.length) {
      ctx.err(errs.join('\n') + '\n');
      return 1;
    }
    return 0;
  });
}
