// POST /containers/prune and /networks/prune: what `docker container|network|system prune` remove.
import type { World } from '../world';
import { removeContainer } from './container-stop';
import { containersOf } from './lookup';
import { hasActiveEndpoints, removeNetwork } from './network-create';
import type { Container, DockerEngineState, Network } from './types';
import { prunable, type PruneFilter } from './prune-filters';

/** Removes every stopped container the filters allow; returns them in the order removed. */
export function pruneContainers(world: World, engine: DockerEngineState, filter?: PruneFilter): Container[] {
  const victims = Object.values(containersOf(engine)).filter(
    (c) => c.state.status !== 'running' && c.state.status !== 'paused' && prunable(filter, c.createdUs, c.config.labels),
  );
  for (const c of victims) removeContainer(world, engine, c, false);
  return victims;
}

/** Removes user-defined networks no running container uses (and the filters allow), by name. */
export function pruneNetworks(world: World, engine: DockerEngineState, filter?: PruneFilter): Network[] {
  const victims = Object.values(engine.networks).filter((n) => !n.predefined && !hasActiveEndpoints(engine, n) && prunable(filter, n.createdUs, n.labels));
  victims.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const n of victims) removeNetwork(world, engine, n);
  return victims;
}
