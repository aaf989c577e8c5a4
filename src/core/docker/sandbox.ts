// libnetwork's Sandbox: a container's network stack. Bridge and null modes get their own namespace (with `lo` up);
// host mode shares the host's. The sandbox also owns the default route: its gateway endpoint decides it.
import type { World } from '../world';
import { createNetns, deleteNetns, getNetns } from '../kernel/netns';
import { setLinkUp } from '../kernel/links';
import { parseIpv4 } from '../net/ipv4';
import { isIpvlanL3 } from './macvlan-driver';
import type { Container, DockerEngineState, Endpoint, Sandbox } from './types';

/** NewSandbox: `host` shares the root namespace (key `.../default`); other modes get a fresh one. */
export function createSandbox(world: World, engine: DockerEngineState, c: Container, mode: string): Sandbox {
  const id = world.rng.hex(64);
  const hostNs = world.host(engine.host).rootNs;
  let netns = hostNs;
  let key = '/var/run/docker/netns/default';
  if (mode !== 'host') {
    // Named after the container; a namespace still held by `container:` sharers keeps that name, so use the sandbox's.
    const byContainer = `${engine.host}/ctr/${c.id.slice(0, 12)}`;
    const ns = createNetns(world, world.state.netns[byContainer] ? `${engine.host}/ctr/${id.slice(0, 12)}` : byContainer, engine.host, 'container');
    // With the null driver Docker disables IPv6 in the namespace: lo has no ::1.
    if (mode === 'none') ns.links[0].noIpv6 = true;
    setLinkUp(world, ns, 'lo', true);
    netns = ns.id;
    key = `/var/run/docker/netns/${id.slice(0, 12)}`;
  }
  const sb: Sandbox = { id, containerId: c.id, netns, key, endpointIds: [], containerName: c.name, mode, nextIfIndex: 0 };
  engine.sandboxes[id] = sb;
  world.changed('docker', `${engine.host}:sandbox:${id}`);
  return sb;
}

/** Sandbox.Delete: its namespace goes (taking any veth ends still inside with it), unless others still hold it. */
export function deleteSandbox(world: World, engine: DockerEngineState, sb: Sandbox, keepNetns = false): void {
  if (sb.mode !== 'host' && !keepNetns && world.state.netns[sb.netns]) deleteNetns(world, sb.netns);
  delete engine.sandboxes[sb.id];
  world.changed('docker', `${engine.host}:sandbox:${sb.id}`);
}

/**
 * The endpoint that provides the default gateway (sandbox.go getGatewayEndpoint with its sort): non-internal
 * networks first, then by network name; only endpoints with a gateway qualify.
 */
export function gatewayEndpoint(engine: DockerEngineState, sb: Sandbox): Endpoint | undefined {
  const eps = sb.endpointIds.map((id) => engine.endpoints[id]).filter((e) => e && e.gateway !== '');
  eps.sort((a, b) => {
    const na = engine.networks[a.networkId];
    const nb = engine.networks[b.networkId];
    if (na.internal !== nb.internal) return na.internal ? 1 : -1;
    return na.name < nb.name ? -1 : na.name > nb.name ? 1 : 0;
  });
  return eps[0];
}

/** Points the sandbox's `default` route at the gateway endpoint's interface (or removes it when there is none). */
export function refreshDefaultRoute(world: World, engine: DockerEngineState, sb: Sandbox): void {
  if (sb.mode === 'host') return;
  const ns = getNetns(world, sb.netns);
  ns.routes = ns.routes.filter((r) => r.dstLen !== 0);
  const gw = gatewayEndpoint(engine, sb);
  const dev = gw && ns.links.find((l) => l.name === gw.ifname);
  if (gw && dev && !engine.networks[gw.networkId].internal) {
    ns.routes.push({ type: 'unicast', dst: 0, dstLen: 0, gateway: parseIpv4(gw.gateway), dev: dev.ifindex, proto: 'boot', scope: 'global', src: null, metric: null });
  }
  // An ipvlan L3/L3S endpoint brings its own interface route `default dev ethN scope link` (ifaceGateway in Join),
  // unless the sandbox already has a default route.
  for (const ep of sb.endpointIds.map((id) => engine.endpoints[id])) {
    const n = ep && engine.networks[ep.networkId];
    const link = n && isIpvlanL3(n) && !n.internal ? ns.links.find((l) => l.name === ep.ifname) : undefined;
    if (!link || ns.routes.some((r) => r.dstLen === 0)) continue;
    ns.routes.push({ type: 'unicast', dst: 0, dstLen: 0, gateway: null, dev: link.ifindex, proto: 'boot', scope: 'link', src: null, metric: null });
  }
  world.changed('route', ns.id);
}
