// `docker container prune`: remove every stopped container (after the [y/N] prompt unless -f).
import type { CobraCommand } from '../../../cobra';
import { pruneContainers } from '../../../../core/docker/prune';
import { withDaemon } from '../client';
import { filterArgs } from '../../../../core/docker/filters';
import { pruneFilter } from '../../../../core/docker/prune-filters';
import { filterFlag } from '../filter-flag';
import { confirm } from '../prune-prompt';

export const containerPrune: CobraCommand = {
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: { none: true },
  flags: [filterFlag('Provide filter values (e.g. "until=<timestamp>")', null), { name: 'force', short: 'f', type: 'bool', help: 'Do not prompt for confirmation' }],
  run: (ctx, { values }) =>
    withDaemon(ctx, async (engine) => {
      if (!values.force && !(await confirm(ctx, 'WARNING! This will remove all stopped containers.'))) return 0;
      const victims = pruneContainers(ctx.world, engine, pruneFilter(filterArgs(values.filter as string[]), ctx.world.clock.now()));
      if (victims.length) ctx.out('Deleted Containers:\n' + victims.map((c) => c.id + '\n').join('') + '\n');
      ctx.out('Total reclaimed space: 0B\n');
      return 0;
    }),
};
