// POST /containers/prune and /networks/prune: what `docker container|network|system prune` remove.
import type { World } from '../world';
import { removeContainer } from './container-stop';
import { containersOf } from './lookup';
import { hasActiveEndpoints, removeNetwork } from './network-create';
import type { Container, DockerEngineState, Network } from './types';

/** Removes every stopped container; returns them in the order removed. */
export function pruneContainers(world: World, engine: DockerEngineState): Container[] {
  const victims = Object.values(containersOf(engine)).filter((c) => c.state.status !== 'running' && c.state.status !== 'paused');
  for (const c of victims) removeContainer(world, engine, c, false);
  return victims;
}

/** Removes user-defined networks no running container uses, by name. */
export function pruneNetworks(world: World, engine: DockerEngineState): Network[] {
  const victims = Object.values(engine.networks).filter((n) => !n.predefined && !hasActiveEndpoints(engine, n));
  victims.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const n of victims) removeNetwork(world, engine, n);
  return victims;
}
