// libnetwork's embedded DNS server (resolver.go): inside each sandbox on a user-defined network it listens on
// 127.0.0.11 (behind NAT from port 53), answers the names of containers that share a network with the asker
// (name, aliases, short ID, hostname; also `<name>.<network>`), and forwards the rest to the host's resolvers,
// except from internal-only sandboxes, which get no answer for outside names.
import type { World } from '../world';
import { addListener } from '../kernel/sockets';
import { programResolverNat } from './iptables-rules';
import { queryDns, registerDnsService, ptrAddress, type DnsAnswer } from '../dns';
import { formatIpv4 } from '../net/ipv4';
import type { DockerEngineState, Endpoint, Sandbox } from './types';

export const RESOLVER_IP = '127.0.0.11';
/** The service name the resolver's sockets carry (the DNS-server registry key). */
export const EMBEDDED_DNS_SERVICE = 'docker-embedded';

/** Resolver.Start: random listening ports in the sandbox and the NAT rules that lead port 53 to them. */
export function startResolver(world: World, engine: DockerEngineState, sb: Sandbox): void {
  const ns = world.state.netns[sb.netns];
  if (!ns || ns.sockets.some((s) => s.service === EMBEDDED_DNS_SERVICE)) return;
  const udpPort = 32768 + world.rng.int(28000);
  const tcpPort = 32768 + world.rng.int(28000);
  programResolverNat(world, sb.netns, tcpPort, udpPort);
  const pid = world.nextPid();
  addListener(world, sb.netns, { proto: 'udp', ip: RESOLVER_IP, port: udpPort, process: 'dockerd', pid, service: EMBEDDED_DNS_SERVICE });
  addListener(world, sb.netns, { proto: 'tcp', ip: RESOLVER_IP, port: tcpPort, process: 'dockerd', pid, service: EMBEDDED_DNS_SERVICE });
}

export type EmbeddedAnswer =
  /** A-records from the sandbox's networks (TTL 600). */
  | { kind: 'answer'; ips: string[] }
  /** Not a container name: ask the host's resolvers. */
  | { kind: 'forward'; servers: string[] }
  /** Not a container name, and the sandbox may not reach outside (internal networks only). */
  | { kind: 'nxdomain' };

/** The sandbox whose namespace is `netnsId`. */
export function sandboxByNetns(engine: DockerEngineState, netnsId: string): Sandbox | undefined {
  return Object.values(engine.sandboxes).find((s) => s.netns === netnsId && s.mode !== 'host');
}

function matches(ep: Endpoint, q: string, networkName: string): boolean {
  return ep.dnsNames.some((n) => {
    const lower = n.toLowerCase();
    return lower === q || `${lower}.${networkName.toLowerCase()}` === q;
  });
}

/**
 * handleIPQuery's shuffleAddr: several containers behind one name (a shared `--network-alias`) answer in a new order
 * each time, so clients spread over them. The order is drawn from the query's name and instant, not from the world's
 * RNG, so asking (a lesson check, a completion) changes nothing else in the world.
 */
function shuffled(ips: string[], nowUs: number, name: string): string[] {
  let h = (Math.floor(nowUs / 1000) ^ 0x9e3779b9) >>> 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const out = [...ips];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** How the embedded server answers `name` asked from namespace `netnsId`. */
export function embeddedLookup(world: World, engine: DockerEngineState, netnsId: string, name: string): EmbeddedAnswer {
  const sb = sandboxByNetns(engine, netnsId);
  let q = name.toLowerCase().replace(/\.$/, '');
  if (!sb) return { kind: 'nxdomain' };
  // A link on a user-defined network (`--link other:o`) is an alias the asker's own endpoint resolves to the name.
  const asker = engine.containers?.[sb.containerId];
  for (const entry of Object.values(asker?.networks ?? {})) {
    for (const l of entry.request.links) {
      const [target, alias = target] = l.split(':');
      if (alias.toLowerCase() === q) q = target.toLowerCase();
    }
  }
  const ips: string[] = [];
  let external = false;
  for (const id of sb.endpointIds) {
    const own = engine.endpoints[id];
    const n = own && engine.networks[own.networkId];
    if (!n || n.predefined) continue;
    if (!n.internal) external = true;
    for (const ep of Object.values(engine.endpoints)) {
      if (ep.networkId === n.id && ep.ipv4 && matches(ep, q, n.name)) ips.push(ep.ipv4.split('/')[0]);
    }
  }
  if (ips.length) return { kind: 'answer', ips: shuffled(ips, world.clock.now(), q) };
  if (!external) return { kind: 'nxdomain' };
  const c = engine.containers?.[sb.containerId];
  const servers = c?.hostConfig.dns.length ? c.hostConfig.dns : engine.config?.dns?.length ? engine.config.dns : world.host(engine.host).resolv.nameservers;
  return { kind: 'forward', servers };
}

/** The PTR answer for a container address: `<name>.<network>` for endpoints on the asker's user-defined networks. */
function reverseName(engine: DockerEngineState, sb: Sandbox, ip: string): string | undefined {
  for (const id of sb.endpointIds) {
    const n = engine.networks[engine.endpoints[id]?.networkId ?? ''];
    if (!n || n.predefined) continue;
    const ep = Object.values(engine.endpoints).find((e) => e.networkId === n.id && e.ipv4.split('/')[0] === ip);
    const c = ep && engine.containers?.[ep.containerId];
    if (c) return `${c.name}.${n.name}`;
  }
  return undefined;
}

/** Resolver.ServeDNS: container names from the networks, the rest forwarded from the host's namespace. */
registerDnsService(EMBEDDED_DNS_SERVICE, (world, q, ctx): DnsAnswer | null => {
  const ns = ctx.netns ? world.state.netns[ctx.netns] : undefined;
  const engine = ns && world.state.docker[ns.host];
  if (!ns || !engine) return null;
  const sb = sandboxByNetns(engine, ns.id);
  if (q.type === 'PTR') {
    const ip = ptrAddress(q.name);
    const name = sb && ip !== null ? reverseName(engine, sb, formatIpv4(ip)) : undefined;
    if (name) return { rcode: 'NOERROR', answers: [{ name: q.name, type: 'PTR', value: name, ttl: 600 }], authoritative: false };
  }
  const r = embeddedLookup(world, engine, ns.id, q.name);
  if (r.kind === 'answer') {
    if (q.type !== 'A') return { rcode: 'NOERROR', answers: [], authoritative: false };
    return { rcode: 'NOERROR', answers: r.ips.map((ip) => ({ name: q.name, type: 'A' as const, value: ip, ttl: 600 })), authoritative: false };
  }
  if (r.kind === 'nxdomain') return { rcode: 'SERVFAIL', answers: [], authoritative: false };
  const hostNs = world.host(engine.host).rootNs;
  for (const server of r.servers) {
    const fwd = queryDns(world, hostNs, server, q, { emit: false });
    if (fwd.answer) return { ...fwd.answer, authoritative: false };
  }
  return { rcode: 'SERVFAIL', answers: [], authoritative: false };
});
