// The state of one walk in progress: the hops recorded so far, the simulated time spent, and a step budget
// (the TTL of the walk itself) so that no topology, however looped, can make it run forever.
import type { World } from '../world';
import type { Netns } from '../kernel/types';
import type { Packet } from '../kernel/packet';
import { formatIpv4 } from '../net/ipv4';
import { nsKey } from '../topology/project';
import type { HopKind, PacketView, TraceHop } from './trace';
import { jitter } from './timing';

/** Most steps one walk may take (each link crossing, hook or routing decision is a step). */
export const MAX_STEPS = 2000;

/** A place outside every host: the LAN router or the internet beyond it. */
export interface ExternalPlace {
  external: 'router' | 'internet';
  segment: string;
}

export function viewOf(p: Packet, extra: Partial<PacketView> = {}): PacketView {
  const v: PacketView = {
    proto: p.proto,
    src: formatIpv4(p.src),
    dst: formatIpv4(p.dst),
    sport: p.sport,
    dport: p.dport,
    ttl: p.ttl,
    len: p.len,
  };
  if (p.icmpType !== undefined) v.icmpType = p.icmpType;
  if (p.icmpCode !== undefined) v.icmpCode = p.icmpCode;
  if (p.seq !== undefined) v.seq = p.seq;
  if (p.tcpFlags !== undefined) v.tcpFlags = p.tcpFlags;
  if (p.info !== undefined) v.info = p.info;
  if (p.inner) v.inner = { proto: p.inner.proto, src: formatIpv4(p.inner.src), dst: formatIpv4(p.inner.dst), sport: p.inner.sport, dport: p.inner.dport };
  return { ...v, ...extra };
}

export class Walk {
  readonly hops: TraceHop[] = [];
  /** Simulated µs spent so far. */
  t = 0;
  direction: 'request' | 'reply' = 'request';
  steps = 0;
  /** Nested walks (vxlan underlay, proxied connections) count against the same budget. */
  depth = 0;
  /** The source address routing chose for the first packet (before any NAT). */
  srcIp: number | undefined;

  private labels: Map<string, string> | undefined;

  constructor(
    readonly world: World,
    readonly id: number,
  ) {}

  /** How a namespace is named in this walk's texts: a container by its name when Docker knows it. */
  label(ns: Netns): string {
    if (ns.kind !== 'container' && ns.kind !== 'pod') return nsLabel(ns);
    if (!this.labels) {
      this.labels = new Map();
      for (const engine of Object.values(this.world.state.docker)) {
        for (const c of Object.values(engine.containers ?? {})) {
          const sb = c.sandboxId ? engine.sandboxes[c.sandboxId] : undefined;
          if (sb) this.labels.set(sb.netns, `container ${c.name}`);
        }
      }
    }
    return this.labels.get(ns.id) ?? nsLabel(ns);
  }

  /** Spends `us` of simulated time (with jitter tied to the world's clock and this walk). */
  spend(us: number): void {
    this.t += jitter(us, this.world.state.seed, this.world.clock.now(), this.id, this.hops.length);
  }

  /** Counts a step; false once the walk has used its budget (a loop). */
  step(): boolean {
    return ++this.steps <= MAX_STEPS;
  }

  record(where: Netns | ExternalPlace, kind: HopKind, ifname: string | null, pkt: PacketView, text: string, extra: Partial<TraceHop> = {}): TraceHop {
    const isNs = 'links' in where;
    const netns = isNs ? where.id : where.external === 'router' ? `${where.segment}:router` : 'internet';
    const host = isNs ? where.host : where.segment;
    const key = ifname === null ? null : isNs ? `${nsKey(where)}:${ifname}` : `${netns}:${ifname}`;
    const hop: TraceHop = { kind, direction: this.direction, atUs: Math.round(this.t), netns, host, ifname, key, packet: pkt, text, ...extra };
    this.hops.push(hop);
    return hop;
  }
}

/** How a namespace is named in plain words: `host1`, `netns red on host1`, `container 3f2a... on host1`. */
export function nsLabel(ns: Netns): string {
  if (ns.kind === 'root') return ns.host;
  if (ns.kind === 'named') return `netns ${ns.name}`;
  return `${ns.kind} ${ns.id.split('/').pop()}`;
}
