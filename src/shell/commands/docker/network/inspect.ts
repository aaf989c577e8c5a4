// `docker network inspect`: the daemon's JSON for each network (or a template over it).
import type { CobraCommand } from '../../../cobra';
import { findUniqueNetwork } from '../../../../core/docker/lookup';
import { inspectNetwork } from '../../../../core/docker/inspect-network';
import { withDaemon } from '../client';
import { INSPECT_FORMAT_HELP } from '../filter-flag';
import { inspectEach } from '../inspect-output';

export const networkInspect: CobraCommand = {
  name: 'inspect',
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', help: INSPECT_FORMAT_HELP },
    { name: 'verbose', short: 'v', type: 'bool', help: 'Verbose output for diagnostics' },
  ],
  run: (ctx, { values, args }) =>
    withDaemon(ctx, (engine) => inspectEach(ctx, args, values.format as string, (ref) => inspectNetwork(engine, findUniqueNetwork(engine, ref)))),
};
