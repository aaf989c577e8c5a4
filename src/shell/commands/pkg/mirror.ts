// A package manager reaching its mirror: the name resolves through the process's resolver and a TCP connection
// walks the emulated network (NAT, firewall, isolation), so an --internal network or a broken DNS fails as it would.
import type { CommandContext } from '../../types';
import { fetchHttp } from '../curl/fetch';

export type MirrorResult =
  | { ok: true; ip: string; elapsedUs: number }
  | { ok: false; why: 'resolve' | 'refused' | 'timeout' | 'unreachable'; ip: string; elapsedUs: number };

/** Tries `host:port` once from the process's namespace. */
export function reachMirror(ctx: CommandContext, host: string, port: number): MirrorResult {
  const scheme = port === 443 ? 'https' : 'http';
  const r = fetchHttp(ctx, { scheme, host, port, path: '/', hostHeader: host }, { method: 'GET', path: '/', host, userAgent: 'Debian APT-HTTP/1.3 (2.6.1)' });
  if (r.kind === 'resolve-failed') return { ok: false, why: 'resolve', ip: '', elapsedUs: r.res.elapsedUs };
  if (r.kind === 'connect-failed') return { ok: false, why: r.how, ip: r.ip, elapsedUs: r.elapsedUs };
  return { ok: true, ip: r.ip, elapsedUs: r.kind === 'response' ? r.elapsedUs : 50_000 };
}

/** apt's SizeToStr: `47.2 kB`, `315 kB`, `8792 kB`, `28.4 MB` (a unit change once the value reaches 10000). */
export function aptSize(kb: number): string {
  let v = kb * 1000;
  const units = ['B', 'kB', 'MB', 'GB'];
  let u = 0;
  while (v >= 10000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v < 100 && u > 0 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}
