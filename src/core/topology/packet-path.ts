// A packet walker trace reduced to what the topology view animates: one step per hop, each placed on a drawn object
// (an interface key, a namespace, the LAN router), with the plain-words text, NAT rewrite and deciding rule.
import type { PacketTrace, PacketView, TraceHop, TraceOutcome } from '../sim/trace';

export interface PacketStep {
  /**
   * Where the packet is: an interface key (`host1:docker0`, `host1/ctr/3f2a:eth0`), else `ns:<netnsId>` for a
   * decision inside a namespace, `router:<segment>` for the LAN router, `internet` beyond it.
   */
  at: string;
  kind: TraceHop['kind'];
  direction: 'request' | 'reply';
  /** Simulated µs since the walk started. */
  atUs: number;
  /** One line in plain words from the walker. */
  text: string;
  /** The headers at this point: `172.18.0.2 > 172.18.0.3: ICMP echo request`. */
  packet: string;
  /** A rewrite at this hop: `MASQUERADE 172.17.0.2 -> 10.10.0.11`. */
  nat?: string;
  /** `filter/FORWARD` and the deciding rule as `iptables -S` prints it. */
  rule?: string;
  /** The packet ends here. */
  drop?: boolean;
}

export interface PacketPath {
  id: number;
  /** `ICMP 172.18.0.2 > 172.18.0.3`. */
  summary: string;
  outcome: TraceOutcome;
  /** Plain words for the end of the walk (the drop reason when it was dropped). */
  reason: string;
  steps: PacketStep[];
}

function describe(p: PacketView): string {
  const ends = (a: string, port: number) => (p.proto === 'tcp' || p.proto === 'udp' ? `${a}.${port}` : a);
  const head = `${ends(p.src, p.sport)} > ${ends(p.dst, p.dport)}`;
  if (p.proto === 'arp') return p.arpOp === 'reply' ? `ARP, Reply ${p.src} is-at ${p.srcMac ?? '?'}` : `ARP, Request who-has ${p.dst} tell ${p.src}`;
  if (p.proto === 'icmp') {
    const what = p.icmpType === 8 ? 'echo request' : p.icmpType === 0 ? 'echo reply' : p.icmpType === 3 ? 'destination unreachable' : p.icmpType === 11 ? 'time exceeded' : `type ${p.icmpType}`;
    return `${head}: ICMP ${what}${p.seq !== undefined ? `, seq ${p.seq}` : ''}`;
  }
  if (p.proto === 'tcp') return `${head}: Flags [${p.tcpFlags ?? '.'}]${p.info ? ' ' + p.info : ''}`;
  return `${head}: UDP${p.info ? ' ' + p.info : ''}`;
}

function placeOf(hop: TraceHop): string {
  if (hop.netns === 'internet') return 'internet';
  if (hop.netns.endsWith(':router')) return `router:${hop.netns.slice(0, -':router'.length)}`;
  return hop.key ?? `ns:${hop.netns}`;
}

const DROP_OUTCOMES: TraceOutcome[] = ['dropped', 'reply-dropped'];

/** The animation of one trace. */
export function packetPath(trace: PacketTrace): PacketPath {
  const first = trace.hops[0]?.packet;
  const steps = trace.hops.filter((hop) => !hop.wire).map((hop): PacketStep => {
    const step: PacketStep = { at: placeOf(hop), kind: hop.kind, direction: hop.direction, atUs: hop.atUs, text: hop.text, packet: describe(hop.packet) };
    if (hop.nat) step.nat = `${hop.nat.kind} ${hop.nat.from} -> ${hop.nat.to}`;
    if (hop.chain) step.rule = `${hop.table ?? 'filter'}/${hop.chain}${hop.ruleText ? `: ${hop.ruleText}` : hop.rule === 0 ? ': policy' : ''}`;
    if (hop.kind === 'drop') step.drop = true;
    return step;
  });
  const last = steps[steps.length - 1];
  if (last && DROP_OUTCOMES.includes(trace.outcome)) last.drop = true;
  const src = trace.srcIp ?? first?.src ?? trace.request.from;
  const proto = trace.request.proto.toUpperCase();
  return {
    id: trace.id,
    summary: `${proto} ${src} > ${trace.request.dst}${trace.request.dport ? `:${trace.request.dport}` : ''}`,
    outcome: trace.outcome,
    reason: trace.reason,
    steps,
  };
}
