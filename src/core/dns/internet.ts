// The lab's tiny internet beyond the LAN router: a few well-known names with fixed, plausible addresses,
// round-trip times and TTLs, public resolvers that answer DNS, and web servers that answer HTTP(S).
import { formatIpv4, parseIpv4, type Ipv4 } from '../net/ipv4';

export interface InternetHost {
  names: string[];
  ip: Ipv4;
  /** Round trip from the LAN in µs. */
  rttUs: number;
  /** TTL of its answers as they reach the LAN (its initial TTL minus the hops on the way). */
  ttl: number;
  /** TCP ports that accept connections. */
  tcp: number[];
  /** Answers DNS queries on UDP 53 (a public resolver). */
  dns: boolean;
  /** The Server header of its web answers. */
  server?: string;
}

function host(names: string[], ip: string, rttMs: number, ttl: number, extra: Partial<InternetHost> = {}): InternetHost {
  return { names, ip: parseIpv4(ip)!, rttUs: rttMs * 1000, ttl, tcp: [80, 443], dns: false, ...extra };
}

export const INTERNET: readonly InternetHost[] = [
  host(['dns.google'], '8.8.8.8', 11.2, 117, { dns: true, tcp: [53, 443] }),
  host([], '8.8.4.4', 11.6, 117, { dns: true, tcp: [53, 443] }),
  host(['one.one.one.one'], '1.1.1.1', 8.4, 57, { dns: true, tcp: [53, 80, 443] }),
  host([], '1.0.0.1', 8.7, 57, { dns: true, tcp: [53, 80, 443] }),
  host(['google.com', 'www.google.com'], '142.250.74.46', 12.3, 117, { server: 'gws' }),
  host(['example.com', 'www.example.com'], '93.184.215.14', 94.6, 52, { server: 'ECAcc (nyd/D184)' }),
  host(['github.com'], '140.82.121.4', 24.8, 52, { server: 'GitHub.com' }),
  host(['cloudflare.com', 'www.cloudflare.com'], '104.16.132.229', 9.1, 57, { server: 'cloudflare' }),
  host(['docker.com', 'www.docker.com'], '141.193.213.20', 31.5, 56, { server: 'cloudflare' }),
  host(['registry-1.docker.io', 'docker.io'], '54.236.113.205', 88.2, 233, { server: 'docker-distribution' }),
  host(['kubernetes.io'], '147.75.40.150', 90.4, 50, { server: 'Netlify' }),
  host(['archive.ubuntu.com'], '91.189.91.82', 80.1, 51, { server: 'Apache/2.4.29 (Ubuntu)' }),
  host(['security.ubuntu.com'], '91.189.91.83', 80.4, 51, { server: 'Apache/2.4.29 (Ubuntu)' }),
  // Package mirrors (apt in Debian images, apk in Alpine ones), behind Fastly.
  host(['deb.debian.org', 'debian.map.fastly.net'], '151.101.130.132', 10.8, 57, { server: 'Apache' }),
  host(['dl-cdn.alpinelinux.org', 'dualstack.d.sni.global.fastly.net'], '151.101.2.132', 10.6, 57, { server: 'nginx' }),
];

const byIp = new Map(INTERNET.map((h) => [h.ip, h]));
const byName = new Map(INTERNET.flatMap((h) => h.names.map((n) => [n, h] as const)));

/** The internet host at an address, if the lab's internet has one there. */
export function internetHostAt(ip: Ipv4): InternetHost | undefined {
  return byIp.get(ip);
}

/** A public name's address (`google.com` -> 142.250.74.46), case-insensitive and ignoring a trailing dot. */
export function internetLookup(name: string): Ipv4 | undefined {
  return byName.get(name.toLowerCase().replace(/\.$/, ''))?.ip;
}

/** Reverse lookup of an internet address (for traceroute and PTR queries). */
export function internetName(ip: Ipv4): string | undefined {
  return byIp.get(ip)?.names[0];
}

/** True for addresses that can never be on the internet (RFC 1918, loopback, link-local, CGNAT, multicast). */
export function isPrivate(ip: Ipv4): boolean {
  const a = ip >>> 24;
  const b = (ip >>> 16) & 255;
  return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b < 128) || a >= 224;
}

export { formatIpv4 };
