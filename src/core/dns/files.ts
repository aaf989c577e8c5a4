// /etc/hosts and /etc/resolv.conf as the C library reads them (files live in world.state.files under a root).
import type { World } from '../world';

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** Seconds per try and tries per server (options timeout:N attempts:N; glibc defaults 5 and 2). */
  timeout: number;
  attempts: number;
}

/** The stored text of `<fsRoot>:<path>`, or null. */
export function fileOf(world: World, fsRoot: string, path: string): string | null {
  return world.state.files[`${fsRoot}:${path}`] ?? null;
}

/** resolv.conf(5): up to three nameservers, the last search line, options ndots/timeout/attempts. */
export function parseResolvConf(text: string | null): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeout: 5, attempts: 2 };
  if (text === null) return { ...conf, nameservers: ['127.0.0.1'] };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0] && conf.nameservers.length < 3) conf.nameservers.push(rest[0]);
    else if (key === 'search' || key === 'domain') conf.search = rest.filter((d) => d !== '.');
    else if (key === 'options') {
      for (const o of rest) {
        const [k, v] = o.split(':');
        if (k === 'ndots' && v) conf.ndots = Math.min(15, Number(v));
        if (k === 'timeout' && v) conf.timeout = Math.max(1, Number(v));
        if (k === 'attempts' && v) conf.attempts = Math.max(1, Number(v));
      }
    }
  }
  if (conf.nameservers.length === 0) conf.nameservers.push('127.0.0.1');
  return conf;
}

/** hosts(5): the first line naming `name` (case-insensitive) with an IPv4 address, as gethostbyname finds it. */
export function lookupHostsFile(text: string | null, name: string): string | null {
  if (text === null) return null;
  const want = name.toLowerCase().replace(/\.$/, '');
  for (const raw of text.split('\n')) {
    const fields = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (fields.length < 2 || !/^\d+\.\d+\.\d+\.\d+$/.test(fields[0])) continue;
    if (fields.slice(1).some((n) => n.toLowerCase() === want)) return fields[0];
  }
  return null;
}

/** The names /etc/hosts gives an address (for reverse lookups), first one first. */
export function hostsFileNames(text: string | null, ip: string): string[] {
  if (text === null) return [];
  for (const raw of text.split('\n')) {
    const fields = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (fields[0] === ip && fields.length > 1) return fields.slice(1);
  }
  return [];
}
