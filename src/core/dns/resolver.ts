// The stub resolver of a process (getaddrinfo): literal addresses, then /etc/hosts, then each nameserver of
// /etc/resolv.conf in turn over the walker, with search domains; what ping, curl and nslookup build on.
import type { World } from '../world';
import { parseIpv4 } from '../net/ipv4';
import type { PacketTrace } from '../sim/trace';
import { fileOf, hostsFileNames, lookupHostsFile, parseResolvConf } from './files';
import { queryDns } from './query';
import type { DnsAnswer, DnsType } from './types';
import './services';

export interface ResolveWhere {
  netns: string;
  /** Files root: a host name, or `ctr:<id>` inside a container. */
  fsRoot: string;
}

export type ResolveError = 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'timeout' | 'refused' | 'unreachable' | 'no-route';

export interface Resolution {
  name: string;
  /** IPv4 addresses, dotted. Empty when resolution failed. */
  addresses: string[];
  /** The canonical name when a CNAME was followed. */
  canonical: string | null;
  source: 'literal' | 'hosts' | 'dns' | null;
  /** The nameserver that answered (or the last one tried). */
  server: string | null;
  answer: DnsAnswer | null;
  error: ResolveError | null;
  /** Simulated µs the lookup took (timeouts included): the caller sleeps that long. */
  elapsedUs: number;
  traces: PacketTrace[];
}

/** /etc/<file> as a process in `where` sees it: `ip netns exec NAME` bind-mounts /etc/netns/NAME/<file> over it. */
export function etcFile(world: World, where: ResolveWhere, file: string): string | null {
  const ns = world.state.netns[where.netns];
  if (ns?.kind === 'named' && where.fsRoot === ns.host) {
    const own = fileOf(world, where.fsRoot, `/etc/netns/${ns.name}/${file}`);
    if (own !== null) return own;
  }
  return fileOf(world, where.fsRoot, `/etc/${file}`);
}

function candidates(name: string, search: string[], ndots: number): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = search.map((d) => `${name}.${d}`);
  return dots >= ndots ? [name, ...searched] : [...searched, name];
}

/** Resolves `name` to IPv4 addresses as a process in `where` would. */
export function resolve(world: World, where: ResolveWhere, name: string, opts: { type?: DnsType; emit?: boolean } = {}): Resolution {
  const base: Resolution = { name, addresses: [], canonical: null, source: null, server: null, answer: null, error: null, elapsedUs: 0, traces: [] };
  if (parseIpv4(name) !== null) return { ...base, addresses: [name], source: 'literal' };
  const hosts = lookupHostsFile(etcFile(world, where, 'hosts'), name);
  if (hosts) return { ...base, addresses: [hosts], source: 'hosts' };
  const conf = parseResolvConf(etcFile(world, where, 'resolv.conf'));
  const r = { ...base };
  for (const cand of candidates(name, conf.search, conf.ndots)) {
    for (const server of conf.nameservers) {
      const q = queryDns(world, where.netns, server, { name: cand, type: opts.type ?? 'A' }, { emit: opts.emit });
      r.traces.push(q.trace);
      r.server = server;
      if (!q.answer) {
        r.error = q.error;
        r.elapsedUs += q.error === 'timeout' ? conf.timeout * conf.attempts * 1e6 : (q.trace.rttUs ?? 0);
        continue;
      }
      r.elapsedUs += q.trace.rttUs ?? 0;
      r.answer = q.answer;
      if (q.answer.rcode === 'NOERROR') {
        const a = q.answer.answers.filter((x) => x.type === 'A').map((x) => x.value);
        const cname = q.answer.answers.find((x) => x.type === 'CNAME');
        if (a.length || opts.type === 'PTR') return { ...r, addresses: a, canonical: cname ? cname.value : null, source: 'dns', error: null };
      }
      r.error = q.answer.rcode === 'NOERROR' ? 'NXDOMAIN' : q.answer.rcode;
      break;
    }
  }
  return r;
}

/** getnameinfo: the name of an address from /etc/hosts, then a PTR query; null when there is none. */
export function reverseLookup(world: World, where: ResolveWhere, ip: string): string | null {
  const names = hostsFileNames(etcFile(world, where, 'hosts'), ip);
  if (names.length) return names[0];
  const r = resolve(world, where, `${ip.split('.').reverse().join('.')}.in-addr.arpa`, { type: 'PTR', emit: false });
  const ptr = r.answer?.rcode === 'NOERROR' ? r.answer.answers.find((a) => a.type === 'PTR') : undefined;
  return ptr ? ptr.value : null;
}
