// The benchmark list. Each issue's performance targets become entries here with their budgets.
import { createWorld } from '../src/core/presets';
import { Session } from '../src/shell/session';
import { buildFleet } from '../src/core/docker/test-fleet';
import type { Bench } from './run';
import { freshSession, runCommand } from './run';
import { kernelBenches } from './kernel';
import { lessonBenches } from './lessons';

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
  // Docker engine (issue #4): listing stays fast with 1,000 containers on 100 user-defined networks.
  {
    name: 'docker network ls, 100 networks / 1,000 containers',
    budgetMs: 5,
    async setup() {
      const s = fleetSession();
      return () => runCommand(s, 'docker network ls');
    },
  },
  {
    name: 'docker ps, 100 networks / 1,000 containers',
    budgetMs: 5,
    async setup() {
      const s = fleetSession();
      return () => runCommand(s, 'docker ps');
    },
  },
  {
    name: 'docker run --rm alpine true, 1,000 containers',
    budgetMs: 10,
    async setup() {
      const s = fleetSession();
      await runCommand(s, 'docker pull -q alpine');
      return () => runCommand(s, 'docker run --rm --network net7 alpine true');
    },
  },
  // Linux networking (issue #3): the packet walker and the commands on it.
  ...kernelBenches,
  // Lessons (issue #6): compiling the course, check evaluation and Undo snapshots after each command.
  ...lessonBenches,
];

/** A session on a world with 100 user-defined networks and 1,000 running containers (built once per bench). */
function fleetSession(): Session {
  const world = createWorld();
  buildFleet(world, 100, 10);
  return new Session(world, 'host1');
}
