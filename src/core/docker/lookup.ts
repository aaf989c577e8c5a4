// How the daemon resolves a name or ID the user typed: containers (daemon.GetContainer) and networks
// (daemon.FindNetwork and the API router's findUniqueNetwork), with their not-found and ambiguity errors.
import { DaemonError } from './errors';
import type { Container, DockerEngineState, Network } from './types';

export function containersOf(engine: DockerEngineState): Record<string, Container> {
  return (engine.containers ??= {});
}

/** GetContainer: full ID, then name (with or without `/`), then a unique ID prefix. */
export function findContainer(engine: DockerEngineState, ref: string): Container | undefined {
  const all = containersOf(engine);
  if (all[ref]) return all[ref];
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  for (const c of Object.values(all)) if (c.name === name) return c;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  const hits = Object.values(all).filter((c) => c.id.startsWith(ref));
  if (hits.length > 1) throw new DaemonError(`Multiple IDs found with provided prefix: ${ref}`, 400);
  return hits[0];
}

/** Like findContainer, but a miss is the daemon's `No such container: <ref>`. */
export function getContainer(engine: DockerEngineState, ref: string): Container {
  const c = findContainer(engine, ref);
  if (!c) throw new DaemonError(`No such container: ${ref}`, 404);
  return c;
}

/** daemon.FindNetwork (used by run, connect, disconnect): ID, name, then ID prefix. */
export function findNetwork(engine: DockerEngineState, ref: string): Network {
  const all = Object.values(engine.networks);
  const byId = all.find((n) => n.id === ref);
  if (byId) return byId;
  const byName = all.filter((n) => n.name === ref);
  if (byName.length > 1) throw new DaemonError(`network ${ref} is ambiguous (${byName.length} matches found on name)`, 400);
  if (byName.length === 1) return byName[0];
  const byPrefix = /^[0-9a-f]+$/.test(ref) ? all.filter((n) => n.id.startsWith(ref)) : [];
  if (byPrefix.length > 1) throw new DaemonError(`network ${ref} is ambiguous (${byPrefix.length} matches found based on ID prefix)`, 400);
  if (byPrefix.length === 1) return byPrefix[0];
  throw new DaemonError(`network ${ref} not found`, 404);
}

/** The API router's findUniqueNetwork (inspect, rm): full ID, exact name, then a unique ID prefix. */
export function findUniqueNetwork(engine: DockerEngineState, ref: string): Network {
  const all = Object.values(engine.networks);
  const byId = all.find((n) => n.id === ref);
  if (byId) return byId;
  const byName = all.filter((n) => n.name === ref);
  if (byName.length > 1) throw new DaemonError(`${byName.length} matches found based on name: network ${ref} is ambiguous`, 400);
  if (byName.length === 1) return byName[0];
  const byPrefix = /^[0-9a-f]+$/.test(ref) ? all.filter((n) => n.id.startsWith(ref)) : [];
  if (byPrefix.length > 1) throw new DaemonError(`${byPrefix.length} matches found based on ID prefix: network ${ref} is ambiguous`, 400);
  if (byPrefix.length === 1) return byPrefix[0];
  throw new DaemonError(`network ${ref} not found`, 404);
}

/** A network by its ID (must exist). */
export function networkById(engine: DockerEngineState, id: string): Network {
  const n = engine.networks[id];
  if (!n) throw new Error(`no network ${id}`);
  return n;
}
