// An IPv4 prefix ("172.17.0.0/16") or an interface address with its prefix ("172.17.0.2/16").
import { type Ipv4, formatIpv4, parseIpv4, prefixMask } from './ipv4';

/** An address plus prefix length. `ip` may have host bits set (an interface address). */
export interface Cidr {
  readonly ip: Ipv4;
  readonly len: number;
}

/** Parses `a.b.c.d/len`. A bare address is rejected unless `allowBare` (then it is a /32). */
export function parseCidr(text: string, allowBare = false): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) {
    const ip = allowBare ? parseIpv4(text) : null;
    return ip === null ? null : { ip, len: 32 };
  }
  const ip = parseIpv4(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (ip === null || !/^\d{1,2}$/.test(lenText)) return null;
  const len = Number(lenText);
  return len > 32 ? null : { ip, len };
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.ip)}/${c.len}`;
}

/** The network address of a prefix (host bits cleared). */
export function networkOf(c: Cidr): Ipv4 {
  return (c.ip & prefixMask(c.len)) >>> 0;
}

/** The same prefix with host bits cleared (`172.17.0.2/16` -> `172.17.0.0/16`). */
export function canonical(c: Cidr): Cidr {
  return { ip: networkOf(c), len: c.len };
}

/** The directed broadcast address (`172.17.255.255` for `172.17.0.0/16`). */
export function broadcastOf(c: Cidr): Ipv4 {
  return (networkOf(c) | (~prefixMask(c.len) >>> 0)) >>> 0;
}

export function cidrContains(c: Cidr, ip: Ipv4): boolean {
  return ((ip & prefixMask(c.len)) >>> 0) === networkOf(c);
}

/** True when two prefixes share any address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  const len = Math.min(a.len, b.len);
  const m = prefixMask(len);
  return ((a.ip & m) >>> 0) === ((b.ip & m) >>> 0);
}

/** Number of addresses in the prefix. */
export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.len);
}
