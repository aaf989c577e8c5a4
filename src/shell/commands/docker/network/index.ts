// `docker network`: the management command grouping the network subcommands.
import type { CobraCommand } from '../../../cobra';
import { networkLs } from './ls';

export const networkCommand: CobraCommand = {
  name: 'network',
  use: 'network',
  short: 'Manage networks',
  subcommands: [networkLs],
};
