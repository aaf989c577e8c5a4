// The benchmark list. Each issue's performance targets become entries here with their budgets.
import { createWorld } from '../src/core/presets';
import type { Bench } from './run';
import { freshSession, runCommand } from './run';
import { kernelBenches } from './kernel';

export const benches: Bench[] = [
  {
    name: 'create the default world (single-host)',
    async setup() {
      return () => createWorld();
    },
  },
  {
    name: 'docker network ls on the default world',
    budgetMs: 5,
    async setup() {
      const s = freshSession();
      return () => runCommand(s, 'docker network ls');
    },
  },
  // Linux networking (issue #3): the packet walker and the commands on it.
  ...kernelBenches,
];
