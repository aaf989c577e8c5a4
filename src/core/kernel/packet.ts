// An IPv4 packet as the stack sees it (struct sk_buff reduced to its headers): addresses, protocol, ports, TTL.
import type { Ipv4 } from '../net/ipv4';

export type IpProto = 'icmp' | 'tcp' | 'udp';

/** IANA protocol numbers, as iptables prints them with `-n`-less listings. */
export const PROTO_NUMBERS: Record<IpProto, number> = { icmp: 1, tcp: 6, udp: 17 };

/** ICMP types the lab uses (RFC 792). */
export const ICMP = {
  ECHO_REPLY: 0,
  DEST_UNREACH: 3,
  ECHO_REQUEST: 8,
  TIME_EXCEEDED: 11,
} as const;

/** ICMP destination-unreachable codes. */
export const UNREACH = {
  NET: 0,
  HOST: 1,
  PROTO: 2,
  PORT: 3,
  NET_PROHIBITED: 9,
  HOST_PROHIBITED: 10,
  ADMIN_PROHIBITED: 13,
} as const;

/** The headers netfilter and routing look at. For ICMP echo, `sport` and `dport` both carry the echo id (as conntrack does). */
export interface Packet {
  proto: IpProto;
  src: Ipv4;
  dst: Ipv4;
  sport: number;
  dport: number;
  ttl: number;
  /** Total IP length in bytes (for counters and tcpdump). */
  len: number;
  icmpType?: number;
  icmpCode?: number;
  /** ICMP echo sequence number. */
  seq?: number;
  /** TCP flags as tcpdump prints them: `S`, `S.`, `.`, `R.`, `P.`, `F.`. */
  tcpFlags?: string;
  /** ICMP errors quote the packet they are about (conntrack uses it to find the RELATED flow). */
  inner?: Packet;
  /** What the application carries (a DNS question, an HTTP request); opaque to the stack. */
  payload?: unknown;
  /** One line describing the payload for tcpdump (`A? google.com.`, `HTTP: GET / HTTP/1.1`). */
  info?: string;
}

export function clonePacket(p: Packet): Packet {
  return { ...p, inner: p.inner ? { ...p.inner } : undefined };
}
