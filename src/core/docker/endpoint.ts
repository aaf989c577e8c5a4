// libnetwork's Endpoint: joining a sandbox to a network (address from IPAM, then the driver's interface) and leaving
// it again. Bridge endpoints are veth pairs; host and null endpoints have no interface of their own.
import type { World } from '../world';
import { getNetns } from '../kernel/netns';
import { findLink } from '../kernel/links';
import { DaemonError } from './errors';
import { allocateAddress, poolOf, releaseAddress, reserveAddress } from './ipam';
import { joinBridge, leaveBridge } from './bridge-driver';
import { isIpvlanL3, joinLower, leaveLower } from './macvlan-driver';
import { refreshDefaultRoute } from './sandbox';
import type { Container, DockerEngineState, Endpoint, EndpointRequest, Network, Sandbox } from './types';

/** User-defined networks have service discovery; the predefined bridge, host and none do not. */
export function isUserDefined(n: Network): boolean {
  return !n.predefined;
}

/** buildEndpointDNSNames: name, aliases, short ID, hostname, without duplicates (v25+). */
export function endpointDnsNames(c: Container, req: EndpointRequest): string[] {
  const names = [c.name, ...req.aliases, c.id.slice(0, 12), c.config.hostname];
  return names.filter((n, i) => n !== '' && names.indexOf(n) === i);
}

/** The address an endpoint gets: `--ip` if given (user-defined networks only), else the lowest free one. */
function endpointAddress(n: Network, req: EndpointRequest): string {
  if (req.ipv4Address) {
    if (!isUserDefined(n)) {
      throw new DaemonError(`invalid config for network ${n.name}: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only`, 400);
    }
    reserveAddress(n, req.ipv4Address);
    return req.ipv4Address;
  }
  return allocateAddress(n);
}

/** CreateEndpoint + Join: allocates, plumbs the interface, and records the endpoint in network and sandbox. */
export function joinNetwork(world: World, engine: DockerEngineState, c: Container, sb: Sandbox, n: Network, req: EndpointRequest): Endpoint {
  if (n.configOnly) throw new DaemonError('cannot create endpoint on configuration-only network', 403);
  const ep: Endpoint = {
    id: world.rng.hex(64),
    networkId: n.id,
    sandboxId: sb.id,
    containerId: c.id,
    ifname: '',
    hostIfname: null,
    ipv4: '',
    gateway: '',
    mac: '',
    aliases: [...req.aliases],
    dnsNames: isUserDefined(n) ? endpointDnsNames(c, req) : [],
    ipamConfig: req.ipv4Address || req.ipv6Address ? { ...(req.ipv4Address ? { ipv4Address: req.ipv4Address } : {}), ...(req.ipv6Address ? { ipv6Address: req.ipv6Address } : {}) } : null,
  };
  if (n.driver === 'bridge' || n.driver === 'macvlan' || n.driver === 'ipvlan') {
    const ip = endpointAddress(n, req);
    const len = poolOf(n, ip)!.len;
    const ifname = `eth${sb.nextIfIndex ?? 0}`;
    sb.nextIfIndex = (sb.nextIfIndex ?? 0) + 1;
    const ns = getNetns(world, sb.netns);
    const cidr = `${ip}/${len}`;
    const { hostIfname, mac } = n.driver === 'bridge' ? joinBridge(world, engine.host, n, ns, ifname, cidr) : { hostIfname: null, ...joinLower(world, engine.host, n, ns, ifname, cidr) };
    // A configured MAC (`--mac-address`) replaces the one the driver derived.
    const link = req.macAddress && findLink(ns, ifname);
    if (link) link.mac = req.macAddress!;
    // ipvlan L3/L3S: no gateway (the driver disables it and routes `default dev ethN` instead, see refreshDefaultRoute).
    const gateway = n.internal || isIpvlanL3(n) ? '' : poolOf(n, ip)!.cfg.gateway;
    Object.assign(ep, { ifname, hostIfname, ipv4: cidr, mac: link ? link.mac : mac, gateway });
  }
  engine.endpoints[ep.id] = ep;
  sb.endpointIds.push(ep.id);
  refreshDefaultRoute(world, engine, sb);
  world.changed('docker', `${engine.host}:endpoint:${ep.id}`);
  return ep;
}

/** Leave + Delete: interface gone, address back to the pool, records dropped. */
export function leaveNetwork(world: World, engine: DockerEngineState, ep: Endpoint): void {
  const n = engine.networks[ep.networkId];
  const sb = engine.sandboxes[ep.sandboxId];
  if (ep.hostIfname) leaveBridge(world, engine.host, ep.hostIfname);
  else if (ep.ifname && sb) leaveLower(world, world.state.netns[sb.netns], ep.ifname);
  if (n && ep.ipv4) releaseAddress(n, ep.ipv4.split('/')[0]);
  delete engine.endpoints[ep.id];
  if (sb) {
    sb.endpointIds = sb.endpointIds.filter((id) => id !== ep.id);
    refreshDefaultRoute(world, engine, sb);
  }
  world.changed('docker', `${engine.host}:endpoint:${ep.id}`);
}

/** The endpoint joining container `c` to network `n`, if it is running there. */
export function endpointOf(engine: DockerEngineState, c: Container, n: Network): Endpoint | undefined {
  const entry = Object.values(c.networks).find((e) => e.networkId === n.id);
  return entry?.endpointId ? engine.endpoints[entry.endpointId] : undefined;
}
