// `docker network`: the management command grouping the network subcommands.
import type { CobraCommand } from '../../../cobra';
import { networkLs } from './ls';
import { networkCreate } from './create';
import { networkInspect } from './inspect';
import { networkRm } from './rm';
import { networkConnect, networkDisconnect } from './connect';
import { networkPrune } from './prune';

export const networkCommand: CobraCommand = {
  name: 'network',
  use: 'network',
  short: 'Manage networks',
  subcommands: [networkConnect, networkCreate, networkDisconnect, networkInspect, networkLs, networkPrune, networkRm],
};
