// `docker network rm`: remove each network, printing its name as typed, or the daemon's error (and go on).
import type { CobraCommand } from '../../../cobra';
import { DaemonError } from '../../../../core/docker/errors';
import { findUniqueNetwork } from '../../../../core/docker/lookup';
import { removeNetwork } from '../../../../core/docker/network-create';
import { withDaemon } from '../client';

export const networkRm: CobraCommand = {
  name: 'rm',
  aliases: ['remove'],
  use: 'rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  args: { min: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', help: 'Do not error if the network does not exist' }],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) => {
      let status = 0;
      for (const ref of args) {
        try {
          removeNetwork(ctx.world, engine, findUniqueNetwork(engine, ref));
          ctx.out(ref + '\n');
        } catch (e) {
          if (!(e instanceof DaemonError)) throw e;
          if (values.force && e.status === 404) continue;
          ctx.err(`Error response from daemon: ${e.message}\n`);
          status = 1;
        }
      }
      return status;
    }),
};
