// Projects the World onto the topology model; kernel state decides what interfaces and addresses are shown.
import type { World } from '../world';
import type { Netns } from '../kernel/types';
import type { DockerEngineState, Network } from '../docker/types';
import { formatIpv4 } from '../net/ipv4';
import { resolveLinkRef } from '../kernel/links';
import type { TopoInterface, TopoSandbox, TopologyModel } from './model';

function interfacesOf(world: World, ns: Netns, keyPrefix: string): TopoInterface[] {
  return ns.links.map((l) => {
    const peer = l.peer ? resolveLinkRef(world, l.peer) : undefined;
    return {
      key: `${keyPrefix}:${l.name}`,
      name: l.name,
      kind: l.kind,
      mac: l.mac,
      up: l.up,
      addrs: l.addrs.map((a) => `${formatIpv4(a.ip)}/${a.prefixLen}`),
      master: l.master === null ? null : (ns.links.find((m) => m.ifindex === l.master)?.name ?? null),
      peer: peer ? `${nsKey(peer.ns)}:${peer.link.name}` : null,
    };
  });
}

/** The key prefix of a namespace's interfaces: the host name for root namespaces, else the namespace id. */
export function nsKey(ns: Netns): string {
  return ns.kind === 'root' ? ns.host : ns.id;
}

/** What the projection reads of a container record (the engine keeps much more). */
interface ContainerLike {
  name?: string;
  state?: { status?: string };
  hostConfig?: { networkMode?: string };
}

function containersOf(engine: DockerEngineState): Record<string, ContainerLike> {
  return (engine as { containers?: Record<string, ContainerLike> }).containers ?? {};
}

function containerName(engine: DockerEngineState, id: string): string {
  const c = containersOf(engine)[id];
  return c?.name ? c.name.replace(/^\//, '') : id.slice(0, 12);
}

function containerRunning(engine: DockerEngineState, id: string): boolean {
  const status = containersOf(engine)[id]?.state?.status;
  return status === undefined || status === 'running';
}

/** Containers started with `--network container:<id>` join that container's sandbox instead of getting one. */
function sharingContainers(engine: DockerEngineState, ownerId: string): string[] {
  return Object.entries(containersOf(engine))
    .filter(([, c]) => c.hostConfig?.networkMode === `container:${ownerId}` && c.state?.status === 'running')
    .map(([id]) => containerName(engine, id));
}

/** `host` for the host network, `none` for the null driver, the driver otherwise; a root namespace is always `host`. */
function sandboxMode(engine: DockerEngineState, ns: Netns | undefined, endpointIds: string[]): string {
  if (ns?.kind === 'root') return 'host';
  const nets = endpointIds.map((id) => engine.endpoints[id]).flatMap((ep) => (ep ? [engine.networks[ep.networkId]] : [])).filter((n): n is Network => !!n);
  if (nets.some((n) => n.driver === 'host')) return 'host';
  if (nets.length && nets.every((n) => n.driver === 'null')) return 'none';
  return nets.find((n) => n.driver !== 'null')?.driver ?? 'none';
}

function projectDocker(world: World, name: string, engine: DockerEngineState, model: TopologyModel): void {
  for (const n of Object.values(engine.networks)) {
    model.networks.push({
      id: n.id,
      name: n.name,
      driver: n.driver,
      scope: n.scope,
      host: name,
      subnets: (n.ipam.config ?? []).map((c) => c.subnet),
      gateways: (n.ipam.config ?? []).map((c) => c.gateway).filter(Boolean),
      bridge: n.bridgeName ?? null,
      internal: n.internal,
    });
  }
  for (const sb of Object.values(engine.sandboxes)) {
    const ns = world.state.netns[sb.netns];
    const box: TopoSandbox = {
      id: sb.id,
      host: name,
      name: containerName(engine, sb.containerId),
      containerId: sb.containerId,
      containers: [containerName(engine, sb.containerId), ...sharingContainers(engine, sb.containerId)],
      mode: sandboxMode(engine, ns, sb.endpointIds),
      netns: sb.netns,
      interfaces: ns && ns.kind !== 'root' ? interfacesOf(world, ns, nsKey(ns)) : [],
      running: containerRunning(engine, sb.containerId),
    };
    model.sandboxes.push(box);
  }
  for (const ep of Object.values(engine.endpoints)) {
    model.endpoints.push({
      id: ep.id,
      host: name,
      sandboxId: ep.sandboxId,
      networkId: ep.networkId,
      ifname: ep.ifname,
      hostIfname: ep.hostIfname,
      ipv4: ep.ipv4,
      mac: ep.mac,
    });
  }
}

/** The model of the whole world. Every collection is in creation order (insertion order of the world's records). */
export function projectTopology(world: World): TopologyModel {
  const model: TopologyModel = { segments: [], hosts: [], networks: [], sandboxes: [], endpoints: [], namespaces: [] };
  for (const seg of Object.values(world.state.segments)) model.segments.push({ name: seg.name, cidr: seg.cidr, gateway: seg.gateway });
  for (const name of world.hostNames()) {
    const host = world.host(name);
    const root = world.state.netns[host.rootNs];
    model.hosts.push({ name, interfaces: interfacesOf(world, root, nsKey(root)) });
    for (const ns of Object.values(world.state.netns)) {
      if (ns.host === name && ns.kind === 'named') {
        model.namespaces.push({ id: ns.id, host: name, name: ns.name ?? ns.id, interfaces: interfacesOf(world, ns, nsKey(ns)) });
      }
    }
    const engine = world.state.docker[name];
    if (engine) projectDocker(world, name, engine, model);
  }
  return model;
}
