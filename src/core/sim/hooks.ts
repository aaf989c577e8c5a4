// Netfilter hooks as the walker meets them: each hook runs its tables in priority order (raw, mangle, nat,
// filter), NAT only for a flow's first packet, with conntrack deciding states and undoing NAT on replies.
import type { Netns } from '../kernel/types';
import type { Packet } from '../kernel/packet';
import type { TableName } from '../kernel/netfilter/types';
import { evaluateChain, type MatchContext, type NatAction, type RuleHit } from '../kernel/netfilter/evaluate';
import { ctConfirm, ctLookup, ctLookupRelated, ctRestoreInner, ctSeenReply, ctStateOf, ctTranslateDst, ctTranslateSrc, invertTuple, tupleOf, type CtLookup } from '../kernel/netfilter/conntrack';
import { formatIpv4, parseIpv4, isLoopback } from '../net/ipv4';
import type { Hook } from './trace';
import { viewOf, type Walk } from './walk-context';
import { COST_US } from './timing';

const HOOK_TABLES: Record<Hook, TableName[]> = {
  PREROUTING: ['raw', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'nat'],
  FORWARD: ['mangle', 'filter'],
  OUTPUT: ['raw', 'mangle', 'nat', 'filter'],
  POSTROUTING: ['mangle', 'nat'],
};

/** Per-namespace flow state while a packet is inside it. */
export interface NsFlow {
  ns: Netns;
  tracked: boolean;
  hit: CtLookup | undefined;
  ctState: MatchContext['ctState'];
  /** The packet as it entered the namespace (the conntrack original tuple of a new flow). */
  original: Packet;
}

export interface HookOutcome {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  decidedBy?: RuleHit;
  rejectWith?: string;
}

/** Conntrack runs in a namespace once it has any iptables rule or a non-ACCEPT policy (as nf_conntrack hooks do). */
export function conntrackActive(ns: Netns): boolean {
  for (const t of Object.values(ns.netfilter.tables)) for (const c of t.chains) if (c.rules.length || c.policy === 'DROP') return true;
  return false;
}

/** The address type of `ip` in `ns` (RTN_LOCAL and friends), for `-m addrtype`. */
export function addrTypeIn(ns: Netns, ip: number): string {
  if (isLoopback(ip)) return 'LOCAL';
  if (ip === 0xffffffff) return 'BROADCAST';
  if (ip >>> 28 === 0xe) return 'MULTICAST';
  for (const l of ns.links) for (const a of l.addrs) {
    if (a.ip === ip) return 'LOCAL';
    if (a.brd === ip && l.up) return 'BROADCAST';
  }
  return 'UNICAST';
}

/** nf_conntrack_in: looks the packet up when it enters a namespace and undoes/applies the flow's NAT on the destination. */
export function enterNs(walk: Walk, ns: Netns, pkt: Packet): NsFlow {
  const tracked = conntrackActive(ns);
  const now = walk.world.clock.now();
  let hit: CtLookup | undefined;
  if (tracked) hit = pkt.inner ? ctLookupRelated(ns.netfilter, pkt.inner, now) : ctLookup(ns.netfilter, pkt, now);
  const flow: NsFlow = { ns, tracked, hit, ctState: tracked ? ctStateOf(pkt, hit) : 'NEW', original: { ...pkt } };
  if (hit) {
    const before = formatIpv4(pkt.dst) + (pkt.proto === 'icmp' ? '' : `:${pkt.dport}`);
    ctTranslateDst(pkt, hit);
    if (pkt.inner) ctRestoreInner(pkt.inner, hit);
    const after = formatIpv4(pkt.dst) + (pkt.proto === 'icmp' ? '' : `:${pkt.dport}`);
    if (before !== after) walk.record(ns, 'nat', null, viewOf(pkt), `conntrack rewrites the destination ${before} -> ${after} (${hit.dir === 'reply' ? 'reply of a NATed flow' : 'established flow'})`, { nat: { kind: 'conntrack', from: before, to: after } });
  }
  return flow;
}

/** Leaving (or delivered in) the namespace: applies the flow's source NAT, or confirms a new flow. */
export function leaveNs(walk: Walk, flow: NsFlow, pkt: Packet): void {
  if (!flow.tracked) return;
  const now = walk.world.clock.now();
  if (flow.hit) {
    const before = formatIpv4(pkt.src) + (pkt.proto === 'icmp' ? '' : `:${pkt.sport}`);
    const e = flow.hit.entry;
    // An ICMP error's source is whoever made it; it is rewritten only when that is the flow's NATed peer.
    if (pkt.inner && pkt.src !== (flow.hit.dir === 'reply' ? e.reply.src : e.orig.src)) return;
    ctTranslateSrc(pkt, flow.hit);
    ctSeenReply(flow.hit, now);
    const after = formatIpv4(pkt.src) + (pkt.proto === 'icmp' ? '' : `:${pkt.sport}`);
    if (before !== after) walk.record(flow.ns, 'nat', null, viewOf(pkt), `conntrack rewrites the source ${before} -> ${after}`, { nat: { kind: 'conntrack', from: before, to: after } });
  } else if (!pkt.inner) {
    ctConfirm(flow.ns.netfilter, flow.original, pkt, now);
  }
}

function primaryAddr(ns: Netns, ifname: string | null): number | null {
  const link = ifname === null ? undefined : ns.links.find((l) => l.name === ifname);
  return link?.addrs.find((a) => a.scope !== 'host')?.ip ?? null;
}

function applyNat(walk: Walk, ns: Netns, hook: Hook, pkt: Packet, nat: NatAction, outIf: string | null, hit: RuleHit): void {
  const hostPort = (spec: string): [number | null, number | null] => {
    const [ip, port] = spec.split(':');
    return [ip ? parseIpv4(ip.split('-')[0]) : null, port ? Number(port.split('-')[0]) : null];
  };
  const isDst = nat.kind === 'DNAT';
  const before = isDst ? `${formatIpv4(pkt.dst)}${pkt.proto === 'icmp' ? '' : ':' + pkt.dport}` : `${formatIpv4(pkt.src)}${pkt.proto === 'icmp' ? '' : ':' + pkt.sport}`;
  if (nat.kind === 'DNAT') {
    const [ip, port] = hostPort(nat.to);
    if (ip !== null) pkt.dst = ip;
    if (port !== null && pkt.proto !== 'icmp') pkt.dport = port;
  } else if (nat.kind === 'SNAT') {
    const [ip, port] = hostPort(nat.to);
    if (ip !== null) pkt.src = ip;
    if (port !== null && pkt.proto !== 'icmp') pkt.sport = port;
  } else {
    const ip = primaryAddr(ns, outIf);
    if (ip !== null) pkt.src = ip;
  }
  const after = isDst ? `${formatIpv4(pkt.dst)}${pkt.proto === 'icmp' ? '' : ':' + pkt.dport}` : `${formatIpv4(pkt.src)}${pkt.proto === 'icmp' ? '' : ':' + pkt.sport}`;
  walk.record(ns, 'nat', outIf, viewOf(pkt), `${nat.kind} in nat/${hook} (rule ${hit.rule} of ${hit.chain}): ${isDst ? 'destination' : 'source'} ${before} -> ${after}`, {
    hook, table: 'nat', chain: hit.chain, rule: hit.rule, ruleText: hit.text, nat: { kind: nat.kind, from: before, to: after },
  });
}

/** Runs one hook's tables; NAT decisions are applied to `pkt` right away so later tables see them. */
export function runHook(walk: Walk, flow: NsFlow, hook: Hook, pkt: Packet, inIf: string | null, outIf: string | null): HookOutcome {
  const ns = flow.ns;
  const ctOrig = flow.hit ? flow.hit.entry.orig : tupleOf(flow.original);
  const ctReply = flow.hit ? flow.hit.entry.reply : invertTuple(tupleOf(pkt));
  const ctDir = flow.hit?.dir === 'reply' ? 'REPLY' : 'ORIGINAL';
  const ctx: MatchContext = { inIf, outIf, ctState: flow.ctState, ctOrig, ctReply, ctDir, addrType: (ip) => addrTypeIn(ns, ip) };
  for (const table of HOOK_TABLES[hook]) {
    if (table === 'nat' && (flow.hit || !flow.tracked || pkt.inner)) continue;
    const t = ns.netfilter.tables[table];
    if (!t.chains.some((c) => c.name === hook && (c.rules.length || c.policy !== 'ACCEPT'))) continue;
    walk.spend(COST_US.hook);
    const v = evaluateChain(t, table, hook, pkt, ctx);
    const by = v.decidedBy;
    const where = by.rule ? `rule ${by.rule} of ${by.chain}` : `the ${by.chain} policy`;
    if (v.nat) {
      applyNat(walk, ns, hook, pkt, v.nat, outIf, by);
      continue;
    }
    if (v.verdict !== 'ACCEPT' || v.hits.length) {
      walk.record(ns, 'netfilter', null, viewOf(pkt), `${table}/${hook}: ${where} -> ${v.verdict}${by.rule ? ` (${by.text})` : ''}`, {
        hook, table, chain: by.chain, rule: by.rule, ruleText: by.text, verdict: v.verdict,
      });
    }
    if (v.verdict !== 'ACCEPT') return { verdict: v.verdict, decidedBy: by, rejectWith: v.rejectWith };
  }
  return { verdict: 'ACCEPT' };
}

/** "dropped in filter/FORWARD by rule 3 of DOCKER-ISOLATION-STAGE-2 on host1" */
export function verdictReason(o: HookOutcome, hook: Hook, where: string): string {
  const by = o.decidedBy!;
  const what = o.verdict === 'REJECT' ? 'rejected' : 'dropped';
  const rule = by.rule ? `by rule ${by.rule} of ${by.chain}` : `by the ${by.chain} chain's policy (${by.target})`;
  return `${what} in ${by.table}/${hook} ${rule} in ${where}`;
}
