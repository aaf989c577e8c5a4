// `docker system`: the system management command (info, prune).
import type { CobraCommand } from '../../../cobra';
import { dockerInfo } from './info';
import { systemPrune } from './prune';

export const systemCommand: CobraCommand = {
  name: 'system',
  use: 'system',
  short: 'Manage Docker',
  subcommands: [{ ...dockerInfo, name: 'info', category: undefined }, systemPrune],
};
