// Connection tracking (nf_conntrack): one entry per flow with its original and reply tuples; NAT is decided on
// a flow's first packet and then applied to every later packet in both directions from the entry alone.
import type { Packet } from '../packet';
import type { ConntrackEntry, NetfilterState, Tuple } from './types';

/** Timeouts (µs) as the kernel's defaults: icmp 30 s, udp 30 s (120 s once replied), tcp close 120 s. */
const TIMEOUT_US = { icmp: 30e6, udp: 30e6, udpReplied: 120e6, tcp: 120e6 };

export type CtDirection = 'orig' | 'reply';
export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID';

export function tupleOf(p: Packet): Tuple {
  return { src: p.src, dst: p.dst, sport: p.sport, dport: p.dport };
}

export function invertTuple(t: Tuple): Tuple {
  return { src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
}

function same(a: Tuple, b: Tuple): boolean {
  return a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;
}

function isIcmpError(p: Packet): boolean {
  return p.proto === 'icmp' && p.icmpType !== 0 && p.icmpType !== 8;
}

/** Drops expired entries (the kernel's garbage collection, done lazily on lookup). */
export function expireConntrack(nf: NetfilterState, nowUs: number): void {
  if (nf.conntrack.some((e) => e.expiresUs !== undefined && e.expiresUs <= nowUs)) {
    nf.conntrack = nf.conntrack.filter((e) => e.expiresUs === undefined || e.expiresUs > nowUs);
  }
}

export interface CtLookup {
  entry: ConntrackEntry;
  dir: CtDirection;
}

/** nf_conntrack_in: finds the flow a packet belongs to and in which direction. */
export function ctLookup(nf: NetfilterState, p: Packet, nowUs: number): CtLookup | undefined {
  expireConntrack(nf, nowUs);
  const t = tupleOf(p);
  for (const entry of nf.conntrack) {
    if (entry.proto !== p.proto) continue;
    if (same(entry.orig, t)) return { entry, dir: 'orig' };
    if (same(entry.reply, t)) return { entry, dir: 'reply' };
  }
  return undefined;
}

/**
 * An ICMP error is RELATED to the flow of the packet it quotes (`inner`, as it was when the error was made).
 * The returned direction is the one the error travels in.
 */
export function ctLookupRelated(nf: NetfilterState, inner: Packet, nowUs: number): CtLookup | undefined {
  expireConntrack(nf, nowUs);
  const t = tupleOf(inner);
  for (const entry of nf.conntrack) {
    if (entry.proto !== inner.proto) continue;
    if (same(entry.orig, t) || same(invertTuple(entry.reply), t)) return { entry, dir: 'reply' };
    if (same(entry.reply, t) || same(invertTuple(entry.orig), t)) return { entry, dir: 'orig' };
  }
  return undefined;
}

/** Restores the quoted packet of a RELATED ICMP error to what its sender sent (the NAT undone). */
export function ctRestoreInner(inner: Packet, hit: CtLookup): void {
  const t = hit.dir === 'reply' ? hit.entry.orig : hit.entry.reply;
  inner.src = t.src;
  inner.dst = t.dst;
  inner.sport = t.sport;
  inner.dport = t.dport;
}

/** The conntrack state a packet is seen in (`-m conntrack --ctstate`). */
export function ctStateOf(p: Packet, hit: CtLookup | undefined): CtState {
  if (!hit) return isIcmpError(p) ? 'INVALID' : 'NEW';
  if (isIcmpError(p)) return 'RELATED';
  if (hit.dir === 'reply') return 'ESTABLISHED';
  return hit.entry.state === 'ESTABLISHED' ? 'ESTABLISHED' : 'NEW';
}

/** Where a packet of this flow must end up: the other direction's tuple, inverted. */
function targetTuple(hit: CtLookup): Tuple {
  return hit.dir === 'orig' ? invertTuple(hit.entry.reply) : invertTuple(hit.entry.orig);
}

/** Applies the flow's destination rewrite (DNAT, or un-SNAT of a reply); done at PREROUTING / OUTPUT. */
export function ctTranslateDst(p: Packet, hit: CtLookup): void {
  const t = targetTuple(hit);
  p.dst = t.dst;
  if (p.proto !== 'icmp') p.dport = t.dport;
}

/** Applies the flow's source rewrite (SNAT/MASQUERADE, or un-DNAT of a reply); done at POSTROUTING / INPUT. */
export function ctTranslateSrc(p: Packet, hit: CtLookup): void {
  const t = targetTuple(hit);
  p.src = t.src;
  if (p.proto !== 'icmp') p.sport = t.sport;
}

/** Marks a flow as having seen a reply (ESTABLISHED) and refreshes its timeout. */
export function ctSeenReply(hit: CtLookup, nowUs: number): void {
  if (hit.dir !== 'reply') return;
  hit.entry.state = 'ESTABLISHED';
  hit.entry.expiresUs = nowUs + (hit.entry.proto === 'udp' ? TIMEOUT_US.udpReplied : hit.entry.proto === 'icmp' ? TIMEOUT_US.icmp : TIMEOUT_US.tcp);
}

/** __nf_conntrack_confirm: records a new flow once its first packet leaves (or is delivered in) the namespace. */
export function ctConfirm(nf: NetfilterState, original: Packet, final: Packet, nowUs: number): ConntrackEntry {
  const entry: ConntrackEntry = {
    proto: original.proto,
    orig: tupleOf(original),
    reply: invertTuple(tupleOf(final)),
    state: 'NEW',
    createdUs: nowUs,
    expiresUs: nowUs + TIMEOUT_US[original.proto],
    nat: { snat: original.src !== final.src || original.sport !== final.sport, dnat: original.dst !== final.dst || original.dport !== final.dport },
  };
  nf.conntrack.push(entry);
  return entry;
}
