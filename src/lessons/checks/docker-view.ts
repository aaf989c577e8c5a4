// What lesson checks read of a Docker daemon's state: networks by name, containers by name, their endpoints and
// addresses. Read-only; it mirrors the daemon's own lookups (name first, then ID prefix).
import type { World } from '../../core/world';
import type { Container, DockerEngineState, Endpoint, Network } from '../../core/docker/types';

/** The container fields checks use (the engine's Container record has many more). */
export interface ContainerView {
  id: string;
  name: string;
  image: string;
  running: boolean;
  hostname: string;
  /** Network names, in join order. */
  networks: string[];
  /** `--network` as given: `bridge`, `host`, `none`, a network name, or `container:NAME` (by name). */
  networkMode: string;
  /** The endpoints of its sandbox while it runs. */
  endpoints: Endpoint[];
  sandboxId: string | null;
}

/** The engine on `host`, or the first host's that has one. */
export function engineFor(world: World, host?: string): DockerEngineState | undefined {
  if (host) return world.state.docker[host];
  for (const h of world.hostNames()) if (world.state.docker[h]) return world.state.docker[h];
  return undefined;
}

/** A network by exact name, else by ID prefix (as `docker network inspect` finds it). */
export function networkByName(engine: DockerEngineState, ref: string): Network | undefined {
  const all = Object.values(engine.networks);
  return all.find((n) => n.name === ref) ?? (/^[0-9a-f]{3,}$/.test(ref) ? all.find((n) => n.id.startsWith(ref)) : undefined);
}

export function endpointsOf(engine: DockerEngineState, network: Network): Endpoint[] {
  return Object.values(engine.endpoints).filter((e) => e.networkId === network.id);
}

function records(engine: DockerEngineState): Container[] {
  return Object.values(engine.containers ?? {});
}

function view(engine: DockerEngineState, c: Container): ContainerView {
  const sandbox = c.sandboxId ? engine.sandboxes[c.sandboxId] : Object.values(engine.sandboxes).find((s) => s.containerId === c.id);
  const endpoints = sandbox ? sandbox.endpointIds.map((id) => engine.endpoints[id]).filter(Boolean) : [];
  return {
    id: c.id,
    name: c.name.replace(/^\//, ''),
    image: c.image,
    running: c.state.status === 'running',
    hostname: c.config.hostname,
    networks: Object.keys(c.networks),
    networkMode: modeByName(engine, c.hostConfig.networkMode),
    endpoints,
    sandboxId: sandbox?.id ?? null,
  };
}

/** The daemon keeps `container:<full id>`; a learner knows the name. */
function modeByName(engine: DockerEngineState, mode: string): string {
  if (!mode.startsWith('container:')) return mode;
  const id = mode.slice('container:'.length);
  return `container:${engine.containers?.[id]?.name ?? id}`;
}

/** A container by name (with or without `/`), full ID or unique ID prefix. */
export function containerByName(engine: DockerEngineState, ref: string): ContainerView | undefined {
  const all = records(engine);
  const name = ref.replace(/^\//, '');
  const hit = all.find((c) => c.name.replace(/^\//, '') === name) ?? (/^[0-9a-f]{3,}$/.test(ref) ? all.find((c) => c.id.startsWith(ref)) : undefined);
  return hit ? view(engine, hit) : undefined;
}

export function allContainers(engine: DockerEngineState): ContainerView[] {
  return records(engine).map((c) => view(engine, c));
}

/** The container (on any host) whose ID is `id`. */
export function containerById(world: World, id: string): ContainerView | undefined {
  for (const engine of Object.values(world.state.docker)) {
    const c = records(engine).find((r) => r.id === id);
    if (c) return view(engine, c);
  }
  return undefined;
}

/** Finds a container by name on any host: the host and its view. */
export function findContainerAnywhere(world: World, ref: string): { host: string; container: ContainerView } | undefined {
  for (const host of world.hostNames()) {
    const engine = world.state.docker[host];
    const c = engine && containerByName(engine, ref);
    if (c) return { host, container: c };
  }
  return undefined;
}
