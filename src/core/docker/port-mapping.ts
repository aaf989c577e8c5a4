// libnetwork's port mapper for bridge endpoints: host ports from `-p`/`-P` (ephemeral ones from 32768 upward),
// a docker-proxy listening on the host for each, and the DNAT/ACCEPT/hairpin rules; released on stop.
import type { World } from '../world';
import { AddressInUseError, addListener, removeListener } from '../kernel/sockets';
import { DaemonError } from './errors';
import { programPortMapping } from './iptables-rules';
import { parseIpv4 } from '../net/ipv4';
import { isLocalAddr } from '../sim/ip-stack';
import type { Container, DockerEngineState, Endpoint, Network, PortBinding } from './types';

/** /proc/sys/net/ipv4/ip_local_port_range on Ubuntu: where ephemeral host ports come from. */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

function portKey(proto: string, ip: string, port: number): string {
  return `${proto}/${ip}/${port}`;
}

function allocated(engine: DockerEngineState): string[] {
  return (engine.allocatedHostPorts ??= []);
}

/** The ports to publish: explicit bindings plus, with -P, every exposed port on an ephemeral host port. */
export function requestedBindings(c: Container): Record<string, PortBinding[]> {
  const out: Record<string, PortBinding[]> = {};
  for (const [port, list] of Object.entries(c.hostConfig.portBindings)) out[port] = list.map((b) => ({ ...b }));
  if (c.hostConfig.publishAllPorts) {
    for (const port of c.config.exposedPorts) if (!out[port]?.length) out[port] = [{ hostIp: '', hostPort: '' }];
  }
  return out;
}

/** `8080`, `8000-8010`, or `[0, 0]` for an ephemeral port (empty or `0`). */
function hostRange(wanted: string): [number, number] {
  const [lo, hi = lo] = wanted === '' ? [0] : wanted.split('-').map(Number);
  return [lo, hi];
}

const isV6 = (ip: string) => ip.includes(':');

const PROTO_ORDER: Record<string, number> = { tcp: 0, udp: 1, sctp: 2 };

interface Req extends PortBinding {
  port: number;
  proto: 'tcp' | 'udp';
}

/**
 * cmpPortBinding: exact host ports before ranges (and ephemeral ports), then by container port, protocol, host port
 * and host address (IPv4 before IPv6); so `-P` hands out ephemeral ports in container port order.
 */
function cmpBinding(a: Req, b: Req): number {
  const [al, ah] = hostRange(a.hostPort);
  const [bl, bh] = hostRange(b.hostPort);
  const ar = al === 0 || al !== ah;
  const br = bl === 0 || bl !== bh;
  if (ar !== br) return ar ? 1 : -1;
  if (a.port !== b.port) return a.port - b.port;
  if (a.proto !== b.proto) return PROTO_ORDER[a.proto] - PROTO_ORDER[b.proto];
  if (al !== bl) return al - bl;
  if (ah !== bh) return ah - bh;
  return Number(isV6(a.hostIp)) - Number(isV6(b.hostIp));
}

/**
 * portallocator.RequestPortsInRange: one port free for every address (its own map per address string, so 0.0.0.0
 * and 10.10.0.11 do not clash here; the kernel's bind does). A range continues after the last port it handed out.
 */
function allocate(engine: DockerEngineState, proto: string, ips: string[], wanted: string): number | { taken: string; port: number } | null {
  const taken = new Set(allocated(engine));
  const isTaken = (p: number) => ips.find((ip) => taken.has(portKey(proto, ip, p)));
  let [lo, hi] = hostRange(wanted);
  if (lo !== 0 && lo === hi) {
    const ip = isTaken(lo);
    return ip === undefined ? lo : { taken: ip, port: lo };
  }
  if (lo === 0) [lo, hi] = [EPHEMERAL_FIRST, EPHEMERAL_LAST];
  const last = (engine.portRangeLast ??= {});
  const key = `${proto}/${ips[0]}/${lo}-${hi}`;
  let port = last[key] ?? hi;
  for (let i = lo; i <= hi; i++) {
    port = port + 1 > hi ? lo : port + 1;
    if (isTaken(port) === undefined) {
      for (const ip of ips) last[`${proto}/${ip}/${lo}-${hi}`] = port;
      return port;
    }
  }
  return null;
}

/** Binds the docker-proxy for an IPv4 host address (EADDRNOTAVAIL for an address the host does not have). */
function bindProxy(world: World, rootNs: string, proto: 'tcp' | 'udp', hostIp: string, port: number, to: { ip: string; port: number }): string | null {
  const ns = world.state.netns[rootNs];
  const ip = parseIpv4(hostIp);
  if (ns && ip !== null && ip !== 0 && !isLocalAddr(ns, ip)) return 'cannot assign requested address';
  try {
    const socket = addListener(world, rootNs, { proto, ip: hostIp, port, process: 'docker-proxy', proxyTo: to });
    // Docker 27 also binds [::] for a 0.0.0.0 mapping: a second docker-proxy process.
    if (hostIp === '0.0.0.0') Object.assign(socket, { v6: 'twin', v6Pid: world.nextPid() });
    return null;
  } catch (e) {
    if (!(e instanceof AddressInUseError)) throw e;
    return 'address already in use';
  }
}

/** How many times bindHostPorts tries a host port range (an ephemeral port included) when a bind fails. */
const MAX_ALLOCATE_PORT_ATTEMPTS = 10;

/** bindHostPorts: allocates a host port and binds its proxy, trying the next port of a range when the bind fails. */
function bindHostPort(
  world: World,
  engine: DockerEngineState,
  req: { proto: 'tcp' | 'udp'; ips: string[]; wanted: string; to: { ip: string; port: number } },
  fail: (msg: string) => Error,
): number {
  const { proto, ips, wanted } = req;
  const hostIp = ips[0];
  const exact = hostRange(wanted)[0] !== 0 && !wanted.includes('-');
  for (let attempt = 1; ; attempt++) {
    const got = allocate(engine, proto, ips, wanted);
    if (got === null) throw fail('all ports are allocated');
    if (typeof got !== 'number') throw fail(`Bind for ${got.taken}:${got.port} failed: port is already allocated`);
    const err = isV6(hostIp) ? null : bindProxy(world, world.host(engine.host).rootNs, proto, hostIp, got, req.to);
    if (err === null) return got;
    if (exact || attempt >= MAX_ALLOCATE_PORT_ATTEMPTS) {
      throw fail(`failed to bind port ${hostIp}:${got}/${proto}: Error starting userland proxy: listen ${proto}4 ${hostIp}:${got}: bind: ${err}`);
    }
  }
}

/**
 * ProgramExternalConnectivity: maps every requested port to the endpoint's address and records the host side in
 * `c.ports`. Throws the daemon's error (with everything already published undone). An IPv6 host address (`[::1]`)
 * is recorded and allocated but, the lab having no IPv6 sockets, gets no listener (and, as in Docker for an IPv4
 * container, no iptables rules: docker-proxy alone would carry it).
 */
export function publishPorts(world: World, engine: DockerEngineState, c: Container, ep: Endpoint, n: Network): void {
  const rootNs = world.host(engine.host).rootNs;
  const containerIp = ep.ipv4.split('/')[0];
  c.portTarget = { ip: containerIp, bridge: n.bridgeName! };
  const fail = (msg: string) => {
    unpublishPorts(world, engine, c);
    return new DaemonError(`driver failed programming external connectivity on endpoint ${c.name} (${ep.id}): ${msg}`, 500);
  };
  const reqs: Req[] = Object.entries(requestedBindings(c)).flatMap(([key, list]) => {
    const [port, proto] = key.split('/');
    return list.map((b) => ({ ...b, port: Number(port), proto: proto as 'tcp' | 'udp' }));
  });
  for (const b of reqs.sort(cmpBinding)) {
    const { port, proto } = b;
    // No address in `-p`: the network's default binding address (`-o com.docker.network.bridge.host_binding_ipv4`).
    const hostIp = b.hostIp || n.options['com.docker.network.bridge.host_binding_ipv4'] || '0.0.0.0';
    const ips = hostIp === '0.0.0.0' ? ['0.0.0.0', '::'] : [hostIp];
    const picked = bindHostPort(world, engine, { proto, ips, wanted: b.hostPort, to: { ip: containerIp, port } }, fail);
    for (const ip of ips) allocated(engine).push(portKey(proto, ip, picked));
    if (!isV6(hostIp)) programPortMapping(world, rootNs, { proto, hostIp, hostPort: picked, containerIp, containerPort: port, bridge: n.bridgeName! }, true);
    const key = `${port}/${proto}`;
    c.ports[key] = [...(c.ports[key] ?? []), { hostIp, hostPort: String(picked) }];
  }
}

/** RevokeExternalConnectivity: proxies stopped, rules removed, host ports free again. */
export function unpublishPorts(world: World, engine: DockerEngineState, c: Container): void {
  const rootNs = world.host(engine.host).rootNs;
  for (const [port, bindings] of Object.entries(c.ports)) {
    const [cport, proto] = port.split('/') as [string, 'tcp' | 'udp'];
    for (const b of bindings) {
      const hostPort = Number(b.hostPort);
      const list = allocated(engine);
      for (const ip of b.hostIp === '0.0.0.0' ? ['0.0.0.0', '::'] : [b.hostIp]) {
        const i = list.indexOf(portKey(proto, ip, hostPort));
        if (i >= 0) list.splice(i, 1);
      }
      if (isV6(b.hostIp)) continue;
      removeListener(world, rootNs, { proto, port: hostPort, ip: b.hostIp });
      if (c.portTarget) {
        const { ip, bridge } = c.portTarget;
        programPortMapping(world, rootNs, { proto, hostIp: b.hostIp, hostPort, containerIp: ip, containerPort: Number(cport), bridge }, false);
      }
    }
  }
  c.ports = {};
  c.portTarget = null;
}
