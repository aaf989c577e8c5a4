// `docker network prune`: remove user-defined networks no running container uses (after [y/N] unless -f).
import type { CobraCommand } from '../../../cobra';
import { pruneNetworks } from '../../../../core/docker/prune';
import { withDaemon } from '../client';
import { filterArgs } from '../../../../core/docker/filters';
import { pruneFilter } from '../../../../core/docker/prune-filters';
import { filterFlag } from '../filter-flag';
import { confirm } from '../prune-prompt';

export const networkPrune: CobraCommand = {
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { none: true },
  flags: [filterFlag('Provide filter values (e.g. "until=<timestamp>")', null), { name: 'force', short: 'f', type: 'bool', help: 'Do not prompt for confirmation' }],
  run: (ctx, { values }) =>
    withDaemon(ctx, async (engine) => {
      if (!values.force && !(await confirm(ctx, 'WARNING! This will remove all custom networks not used by at least one container.'))) return 0;
      const victims = pruneNetworks(ctx.world, engine, pruneFilter(filterArgs(values.filter as string[]), ctx.world.clock.now()));
      if (victims.length) ctx.out('Deleted Networks:\n' + victims.map((n) => n.name + '\n').join(''));
      return 0;
    }),
};
