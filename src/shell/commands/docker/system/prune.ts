// `docker system prune`: stopped containers, then unused networks (images and build cache: nothing to free here).
import type { CobraCommand } from '../../../cobra';
import { pruneContainers, pruneNetworks } from '../../../../core/docker/prune';
import { withDaemon } from '../client';
import { filterArgs } from '../../../../core/docker/filters';
import { pruneFilter } from '../../../../core/docker/prune-filters';
import { filterFlag } from '../filter-flag';
import { confirm } from '../prune-prompt';

const WARNING = `WARNING! This will remove:
  - all stopped containers
  - all networks not used by at least one container
  - all dangling images
  - unused build cache
`;

export const systemPrune: CobraCommand = {
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  args: { none: true },
  flags: [
    { name: 'all', short: 'a', type: 'bool', help: 'Remove all unused images not just dangling ones' },
    filterFlag('Provide filter values (e.g. "label=<key>=<value>")', null),
    { name: 'force', short: 'f', type: 'bool', help: 'Do not prompt for confirmation' },
    { name: 'volumes', type: 'bool', help: 'Prune anonymous volumes' },
  ],
  run: (ctx, { values }) =>
    withDaemon(ctx, async (engine) => {
      if (!values.force && !(await confirm(ctx, WARNING))) return 0;
      const filter = pruneFilter(filterArgs(values.filter as string[]), ctx.world.clock.now());
      const containers = pruneContainers(ctx.world, engine, filter);
      if (containers.length) ctx.out('Deleted Containers:\n' + containers.map((c) => c.id + '\n').join('') + '\n');
      const networks = pruneNetworks(ctx.world, engine, filter);
      if (networks.length) ctx.out('Deleted Networks:\n' + networks.map((n) => n.name + '\n').join('') + '\n');
      ctx.out('Total reclaimed space: 0B\n');
      return 0;
    }),
};
