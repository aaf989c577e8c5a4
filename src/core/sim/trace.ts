// A packet walker trace: the ordered hops one request (and its reply) took through namespaces, links, bridges and
// netfilter, with a plain-words reason at the end. The UI animates it; `cnlab trace` and tcpdump print it.
import type { IpProto } from '../kernel/packet';

/** The headers of a packet at one point of its walk, as text-friendly values. */
export interface PacketView {
  proto: IpProto | 'arp';
  src: string;
  dst: string;
  sport: number;
  dport: number;
  ttl: number;
  len: number;
  icmpType?: number;
  icmpCode?: number;
  seq?: number;
  tcpFlags?: string;
  /** ARP: `request` (who-has dst tell src) or `reply` (src is-at mac). */
  arpOp?: 'request' | 'reply';
  srcMac?: string;
  dstMac?: string;
  /** What the application put in it (a DNS question, an HTTP request line). */
  info?: string;
  /** ICMP errors: the packet they quote. */
  inner?: { proto: IpProto; src: string; dst: string; sport: number; dport: number };
}

export type HopKind =
  | 'route' // routing decision in a namespace
  | 'arp' // neighbour resolution
  | 'tx' // leaves a namespace through an interface
  | 'rx' // arrives on an interface
  | 'bridge' // forwarded by a Linux bridge (FDB hit or flood)
  | 'netfilter' // a hook/table/chain decided
  | 'nat' // an address was rewritten
  | 'encap' // vxlan encapsulation / decapsulation
  | 'deliver' // handed to a socket or the ICMP echo responder
  | 'external' // the LAN router or the internet beyond it
  | 'drop'; // the packet ends here

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface TraceHop {
  kind: HopKind;
  /** `request` for the way there, `reply` for the way back (ICMP errors count as replies). */
  direction: 'request' | 'reply';
  /** Simulated µs since the walk started. */
  atUs: number;
  /** Namespace id (`host1`, `host1/netns/red`), or `<segment>:router` / `internet` outside every host. */
  netns: string;
  host: string;
  ifname: string | null;
  /** Topology key of the interface: `<host>:<ifname>` in a root namespace, `<netnsId>:<ifname>` otherwise. */
  key: string | null;
  hook?: Hook;
  table?: string;
  chain?: string;
  /** 1-based rule number in `chain`; 0 when the chain's policy decided. */
  rule?: number;
  /** The deciding rule as `iptables -S` prints it. */
  ruleText?: string;
  verdict?: string;
  nat?: { kind: string; from: string; to: string };
  packet: PacketView;
  /** One line in plain words. */
  text: string;
  /** A copy seen on the wire only (a bridge flooding an ARP request): tcpdump shows it, the walk's story does not. */
  wire?: true;
}

export type TraceOutcome =
  | 'replied' // the request got its answer back (echo reply, SYN-ACK, DNS answer)
  | 'refused' // RST or ICMP port unreachable came back
  | 'unreachable' // an ICMP destination unreachable came back (from a router, a REJECT or failed ARP)
  | 'ttl-exceeded' // an ICMP time exceeded came back
  | 'no-route' // the sender had no route (ENETUNREACH before anything was sent)
  | 'dropped' // the request was silently dropped: the sender times out
  | 'reply-dropped'; // the answer was dropped on its way back: the sender times out

export interface PacketTrace {
  id: number;
  request: { from: string; proto: IpProto; dst: string; dport: number | null };
  hops: TraceHop[];
  outcome: TraceOutcome;
  /** Plain words: "dropped in filter/FORWARD by rule 3 of DOCKER-ISOLATION-STAGE-2". */
  reason: string;
  /** Round trip in simulated µs when something came back. */
  rttUs: number | null;
  /** TTL of the packet that came back. */
  replyTtl: number | null;
  /** Who sent the ICMP error or the answer (dotted quad). */
  replyFrom: string | null;
  /** The source address the sender used. */
  srcIp: string | null;
  /** The ICMP error that came back instead of an answer (type 3 unreachable with its code, type 11 time exceeded). */
  icmpError?: { type: number; code: number };
  /** What the answering application returned (DNS answer, HTTP response), when there is one. */
  payload?: unknown;
}
