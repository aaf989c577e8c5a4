// DNS messages as the lab's resolvers and servers exchange them: a question and an answer with its rcode.

export type DnsType = 'A' | 'AAAA' | 'PTR';

export interface DnsQuestion {
  /** The name asked for, without a trailing dot (`google.com`, `11.0.10.10.in-addr.arpa`). */
  name: string;
  type: DnsType;
}

export interface DnsRecord {
  name: string;
  type: 'A' | 'CNAME' | 'PTR';
  /** Dotted quad for A, a name for CNAME/PTR. */
  value: string;
  ttl: number;
}

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  answers: DnsRecord[];
  /** Authoritative answers are printed without nslookup's "Non-authoritative answer:" line. */
  authoritative: boolean;
}

/** Where a query came from and was sent to, for services that answer differently per client (Docker's embedded DNS). */
export interface DnsQueryContext {
  /** The namespace of the server socket, or null for the LAN router / public resolvers. */
  netns: string | null;
  /** The client's address as the server sees it. */
  client: number;
  /** The server address the query reached. */
  server: number;
}

/** A DNS server: answers a question, or returns null to stay silent (the client times out). */
export type DnsService = (world: import('../world').World, q: DnsQuestion, ctx: DnsQueryContext) => DnsAnswer | null;

export function nxdomain(): DnsAnswer {
  return { rcode: 'NXDOMAIN', answers: [], authoritative: false };
}

/** `11.0.10.10.in-addr.arpa` -> the address it names, or null. */
export function ptrAddress(name: string): number | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/i.exec(name.replace(/\.$/, ''));
  if (!m) return null;
  const [d, c, b, a] = [m[1], m[2], m[3], m[4]].map(Number);
  if ([a, b, c, d].some((x) => x > 255)) return null;
  return (((a << 24) >>> 0) + (b << 16) + (c << 8) + d) >>> 0;
}

/** The reverse-lookup name of an address (`10.10.0.11` -> `11.0.10.10.in-addr.arpa`). */
export function ptrName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}
