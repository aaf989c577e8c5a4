// Lessons (issue #6): compiling the course, and what each command costs a learner in a lesson (check evaluation,
// the Undo snapshot), on the default world and on a big one.
import { createWorld } from '../src/core/presets';
import type { World } from '../src/core/world';
import { buildFleet } from '../src/core/docker/test-fleet';
import { compileCatalog } from '../src/lessons/compiler/catalog';
import { evaluateChecks } from '../src/lessons/checks/evaluate';
import type { Predicate } from '../src/lessons/schema/predicates';
import type { LogEntry } from '../src/lessons/log';
import type { Bench } from './run';

const log: LogEntry[] = [{ seq: 1, line: 'docker network ls', exitCode: 0, output: 'bridge\n', host: 'host1', netns: 'host1', user: 'learner' }];

/** A typical step: a command was run, a network and a container exist, a reachability and a name lookup. */
const STEP: { id: string; pred: Predicate }[] = [
  { id: '1', pred: { kind: 'ran', args: { command: 'docker network ls' } } },
  { id: '2', pred: { kind: 'network', args: { name: 'net7', driver: 'bridge' } } },
  { id: '3', pred: { kind: 'container', args: { name: 'c7-3', running: true, network: 'net7' } } },
  { id: '4', pred: { kind: 'reachable', args: { from: 'c7-3', to: 'c7-4' } } },
  { id: '5', pred: { kind: 'resolves', args: { from: 'c7-3', name: 'c7-4' } } },
];

function fleet(networks = 100, perNetwork = 10): World {
  const world = createWorld();
  buildFleet(world, networks, perNetwork);
  return world;
}

export const lessonBenches: Bench[] = [
  {
    name: 'compile every lesson (lessons/)',
    budgetMs: 100,
    async setup() {
      return () => compileCatalog('lessons');
    },
  },
  {
    name: 'evaluate a 5-check step, default world',
    budgetMs: 5,
    async setup() {
      const world = createWorld();
      const checks = STEP.slice(0, 2).concat({ id: 'r', pred: { kind: 'reachable', args: { from: 'host1', to: '10.10.0.1' } } });
      return () => evaluateChecks(checks, world, log);
    },
  },
  {
    name: 'evaluate a 5-check step, 10 networks / 40 containers',
    budgetMs: 16,
    async setup() {
      const world = fleet(10, 4);
      return () => evaluateChecks(STEP.map((c) => JSON.parse(JSON.stringify(c).replace(/c7-/g, 'c3-').replace(/net7/g, 'net3'))), world, log);
    },
  },
  {
    name: 'Undo snapshot of the world, 10 networks / 40 containers',
    budgetMs: 16,
    async setup() {
      const world = fleet(10, 4);
      return () => world.snapshot();
    },
  },
  // Far beyond any lesson: reported to show how the costs grow (no budget).
  {
    name: 'evaluate a 5-check step, 100 networks / 1,000 containers',
    async setup() {
      const world = fleet();
      return () => evaluateChecks(STEP, world, log);
    },
  },
  {
    name: 'Undo snapshot of the world, 100 networks / 1,000 containers',
    async setup() {
      const world = fleet();
      return () => world.snapshot();
    },
  },
];
