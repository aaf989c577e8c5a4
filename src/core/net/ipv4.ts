// IPv4 addresses as the kernel stores them: an unsigned 32-bit number (struct in_addr, host order).
import ipaddr from 'ipaddr.js';

/** An IPv4 address held as an unsigned 32-bit integer; format with `formatIpv4`. */
export type Ipv4 = number;

/** Parses dotted-quad text (`172.17.0.2`); returns null for anything else. */
export function parseIpv4(text: string): Ipv4 | null {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return null;
  const [a, b, c, d] = ipaddr.IPv4.parse(text).octets;
  return (((a << 24) >>> 0) + (b << 16) + (c << 8) + d) >>> 0;
}

/** Formats as dotted quad, like inet_ntoa. */
export function formatIpv4(ip: Ipv4): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** The four bytes of an address, most significant first. */
export function ipv4Octets(ip: Ipv4): [number, number, number, number] {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255];
}

/** The netmask of a prefix length as a number (`/16` -> 255.255.0.0). */
export function prefixMask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** True for 127.0.0.0/8. */
export function isLoopback(ip: Ipv4): boolean {
  return ip >>> 24 === 127;
}
