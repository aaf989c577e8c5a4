// The DNS servers the lab itself runs: the LAN router (lab host names and the internet's names), the public
// resolvers on the internet (8.8.8.8, 1.1.1.1), and systemd-resolved's stub on every Ubuntu host (127.0.0.53).
import type { World } from '../world';
import { formatIpv4, parseIpv4 } from '../net/ipv4';
import { internetLookup, internetName } from './internet';
import { registerDnsService } from './registry';
import { queryDns } from './query';
import { nxdomain, ptrAddress, type DnsAnswer, type DnsQuestion } from './types';
import { PUBLIC_DNS_SERVICE, ROUTER_DNS_SERVICE } from '../sim/external';

export const RESOLVED_SERVICE = 'systemd-resolved';

function a(name: string, ip: string, ttl = 300, authoritative = false): DnsAnswer {
  return { rcode: 'NOERROR', answers: [{ name, type: 'A', value: ip, ttl }], authoritative };
}

function ptr(name: string, target: string, authoritative = false): DnsAnswer {
  return { rcode: 'NOERROR', answers: [{ name, type: 'PTR', value: target, ttl: 300 }], authoritative };
}

/** The eth0 address of each lab host, by name. */
function labHosts(world: World): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of Object.values(world.state.hosts)) {
    const ns = world.state.netns[h.rootNs];
    const ip = ns?.links.find((l) => l.kind === 'ether')?.addrs[0]?.ip;
    if (ip !== undefined) out.set(h.name, formatIpv4(ip));
  }
  return out;
}

function answerPublic(q: DnsQuestion): DnsAnswer {
  if (q.type === 'PTR') {
    const ip = ptrAddress(q.name);
    const n = ip === null ? undefined : internetName(ip);
    return n ? ptr(q.name, n) : nxdomain();
  }
  const ip = internetLookup(q.name);
  if (q.type === 'AAAA') return ip !== undefined ? { rcode: 'NOERROR', answers: [], authoritative: false } : nxdomain();
  return ip !== undefined ? a(q.name, formatIpv4(ip)) : nxdomain();
}

/** The LAN router: authoritative for the lab's host names (`host1`, `host1.lan`), recursive for the rest. */
registerDnsService(ROUTER_DNS_SERVICE, (world, q) => {
  const bare = q.name.toLowerCase().replace(/\.lan$/, '');
  const hosts = labHosts(world);
  if (q.type === 'PTR') {
    const ip = ptrAddress(q.name);
    const hit = [...hosts].find(([, addr]) => parseIpv4(addr) === ip);
    if (hit) return ptr(q.name, `${hit[0]}.lan`, true);
    return answerPublic(q);
  }
  const ip = hosts.get(bare);
  if (ip) return q.type === 'A' ? a(q.name, ip, 0, true) : { rcode: 'NOERROR', answers: [], authoritative: true };
  return answerPublic(q);
});

registerDnsService(PUBLIC_DNS_SERVICE, (_world, q) => answerPublic(q));

/** systemd-resolved's stub: the local host name and `_gateway` itself, everything else from the uplink servers. */
registerDnsService(RESOLVED_SERVICE, (world, q, ctx) => {
  const host = Object.values(world.state.hosts).find((h) => h.rootNs === ctx.netns);
  if (!host) return null;
  const ns = world.state.netns[host.rootNs];
  const gw = ns.routes.find((r) => r.dstLen === 0 && r.gateway !== null)?.gateway;
  if (q.type === 'A' && q.name.toLowerCase() === host.name.toLowerCase()) {
    const ip = ns.links.find((l) => l.kind === 'ether')?.addrs[0]?.ip;
    if (ip !== undefined) return a(q.name, formatIpv4(ip), 0, true);
  }
  if (q.type === 'A' && q.name === '_gateway' && gw != null) return a(q.name, formatIpv4(gw), 0, true);
  if (q.type === 'PTR' && gw != null && ptrAddress(q.name) === gw) return ptr(q.name, '_gateway', true);
  for (const server of host.resolv.nameservers) {
    const r = queryDns(world, host.rootNs, server, q, { emit: false });
    if (r.answer) return { ...r.answer, authoritative: false };
  }
  return { rcode: 'SERVFAIL', answers: [], authoritative: false };
});
