// Rule evaluation (ipt_do_table): walk a built-in chain rule by rule, following jumps into user chains and
// RETURNs back, counting packets and bytes on every matching rule, until a verdict or the chain's policy.
import type { Packet } from '../packet';
import { cidrContains } from '../../net/cidr';
import type { Chain, Rule, Table, TableName, Tuple } from './types';
import type { CtTupleSpec, MatchSpec, RangeSpec, RuleSpec } from './rule-spec';
import { compiledRule } from './compiled';
import { argvText } from './rule-spec';

/** What the rules can see besides the packet itself. */
export interface MatchContext {
  inIf: string | null;
  outIf: string | null;
  ctState: 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID';
  /** The flow's conntrack tuples (as first seen, and as the reply is expected), for `--ctorigdst` and friends. */
  ctOrig?: Tuple;
  ctReply?: Tuple;
  /** Which way the packet travels in its flow (`--ctdir`): a new flow's packets are ORIGINAL. */
  ctDir?: 'ORIGINAL' | 'REPLY';
  /** The address type of an address in this namespace (`-m addrtype`): LOCAL, BROADCAST, MULTICAST or UNICAST. */
  addrType(ip: number): string;
}

/** One rule a packet matched on its way through a table. */
export interface RuleHit {
  table: TableName;
  chain: string;
  /** 1-based position in the chain, as `--line-numbers` shows it; 0 for a chain policy. */
  rule: number;
  /** The rule as `iptables -S` prints it (`-A CHAIN ...`), or `-P CHAIN POLICY`. */
  text: string;
  target: string;
}

export type NatAction = { kind: 'DNAT' | 'SNAT'; to: string } | { kind: 'MASQUERADE'; toPorts?: string };

export interface TableVerdict {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  /** The rule or policy that decided. */
  decidedBy: RuleHit;
  hits: RuleHit[];
  rejectWith?: string;
  nat?: NatAction;
}

function ifaceMatches(spec: { name: string; inv: boolean } | undefined, actual: string | null): boolean {
  if (!spec) return true;
  const name = spec.name;
  const hit = actual !== null && (name.endsWith('+') ? actual.startsWith(name.slice(0, -1)) : actual === name);
  return hit !== spec.inv;
}

function inPorts(p: number, range: { lo: number; hi: number; inv: boolean } | undefined): boolean {
  if (!range) return true;
  return (p >= range.lo && p <= range.hi) !== range.inv;
}

function inRange(ip: number, r: RangeSpec | undefined): boolean {
  return !r || (ip >= r.lo && ip <= r.hi) !== r.inv;
}

/** libxt_conntrack's tuple options against the flow's tuple (ports only for TCP and UDP flows). */
function tupleMatches(spec: CtTupleSpec | undefined, t: Tuple | undefined, p: Packet): boolean {
  if (!spec) return true;
  if (!t) return false;
  const addr = (a: CtTupleSpec['src'], ip: number) => !a || cidrContains({ ip: a.ip, len: a.len }, ip) !== a.inv;
  const hasPorts = p.proto === 'tcp' || p.proto === 'udp';
  const port = (r: CtTupleSpec['sport'], n: number) => !r || (hasPorts && n >= r.lo && n <= r.hi) !== r.inv;
  return addr(spec.src, t.src) && addr(spec.dst, t.dst) && port(spec.sport, t.sport) && port(spec.dport, t.dport);
}

function matchOne(m: MatchSpec, p: Packet, ctx: MatchContext): boolean {
  switch (m.name) {
    case 'tcp':
    case 'udp':
    case 'sctp':
      return p.proto === m.name && inPorts(p.sport, m.sport) && inPorts(p.dport, m.dport);
    case 'icmp':
      if (p.proto !== 'icmp') return false;
      if (!m.icmpType || m.icmpType.type === 255) return !m.icmpType?.inv;
      return (p.icmpType === m.icmpType.type && (m.icmpType.code === null || p.icmpCode === m.icmpType.code)) !== m.icmpType.inv;
    case 'conntrack':
      return (
        (!m.ctstate || m.ctstate.values.includes(ctx.ctState) !== m.ctstate.inv) &&
        tupleMatches(m.orig, ctx.ctOrig, p) &&
        tupleMatches(m.repl, ctx.ctReply, p) &&
        (!m.ctdir || m.ctdir === (ctx.ctDir ?? 'ORIGINAL'))
      );
    case 'iprange':
      return inRange(p.src, m.src) && inRange(p.dst, m.dst);
    case 'state':
      return !m.state || m.state.values.includes(ctx.ctState) !== m.state.inv;
    case 'addrtype':
      return (
        (!m.srcType || m.srcType.values.includes(ctx.addrType(p.src)) !== m.srcType.inv) &&
        (!m.dstType || m.dstType.values.includes(ctx.addrType(p.dst)) !== m.dstType.inv)
      );
    case 'comment':
      return true;
    case 'multiport': {
      const ports = m.kind === 'sports' ? [p.sport] : m.kind === 'dports' ? [p.dport] : [p.sport, p.dport];
      const hit = ports.some((x) => (m.ports ?? []).some(([lo, hi]) => x >= lo && x <= hi));
      return hit !== !!m.inv;
    }
  }
}

/** Whether a rule's matches all hold for the packet (ipt_do_table's ip_packet_match plus extensions). */
export function ruleMatches(r: RuleSpec, p: Packet, ctx: MatchContext): boolean {
  if (r.src && cidrContains({ ip: r.src.ip, len: r.src.len }, p.src) === r.src.inv) return false;
  if (r.dst && cidrContains({ ip: r.dst.ip, len: r.dst.len }, p.dst) === r.dst.inv) return false;
  if (!ifaceMatches(r.in, ctx.inIf) || !ifaceMatches(r.out, ctx.outIf)) return false;
  if (r.proto && r.proto.name !== 'all' && (r.proto.name === p.proto) === r.proto.inv) return false;
  for (const m of r.matches) if (!matchOne(m, p, ctx)) return false;
  return true;
}

type ChainResult = { kind: 'verdict'; v: TableVerdict } | { kind: 'continue' };

const MAX_DEPTH = 32;

function hitOf(table: TableName, chain: Chain, index: number, rule: Rule, target: string): RuleHit {
  return { table, chain: chain.name, rule: index + 1, text: `-A ${chain.name} ${argvText(rule.argv)}`.trimEnd(), target };
}

function runChain(t: Table, table: TableName, chain: Chain, p: Packet, ctx: MatchContext, hits: RuleHit[], depth: number): ChainResult {
  if (depth > MAX_DEPTH) return { kind: 'continue' };
  for (let i = 0; i < chain.rules.length; i++) {
    const rule = chain.rules[i];
    const spec = compiledRule(rule);
    if (!ruleMatches(spec, p, ctx)) continue;
    rule.counters.packets++;
    rule.counters.bytes += p.len;
    const target = spec.target?.name ?? '';
    const hit = hitOf(table, chain, i, rule, target);
    hits.push(hit);
    switch (target) {
      case '':
      case 'LOG':
        continue;
      case 'RETURN':
        return { kind: 'continue' };
      case 'ACCEPT':
      case 'DROP':
        return { kind: 'verdict', v: { verdict: target, decidedBy: hit, hits } };
      case 'REJECT':
        return { kind: 'verdict', v: { verdict: 'REJECT', decidedBy: hit, hits, rejectWith: spec.target!.rejectWith } };
      case 'DNAT':
        return { kind: 'verdict', v: { verdict: 'ACCEPT', decidedBy: hit, hits, nat: { kind: 'DNAT', to: spec.target!.toDestination! } } };
      case 'SNAT':
        return { kind: 'verdict', v: { verdict: 'ACCEPT', decidedBy: hit, hits, nat: { kind: 'SNAT', to: spec.target!.toSource! } } };
      case 'MASQUERADE':
        return { kind: 'verdict', v: { verdict: 'ACCEPT', decidedBy: hit, hits, nat: { kind: 'MASQUERADE', toPorts: spec.target!.toPorts } } };
      default: {
        const sub = t.chains.find((c) => c.name === target);
        if (!sub) continue;
        const r = runChain(t, table, sub, p, ctx, hits, depth + 1);
        if (r.kind === 'verdict') return r;
        if (spec.target!.goto) return { kind: 'continue' };
      }
    }
  }
  return { kind: 'continue' };
}

/** Runs built-in `chainName` of `table` for a packet; falls back to the chain's policy. */
export function evaluateChain(t: Table, table: TableName, chainName: string, p: Packet, ctx: MatchContext): TableVerdict {
  const chain = t.chains.find((c) => c.name === chainName);
  const hits: RuleHit[] = [];
  if (!chain) return { verdict: 'ACCEPT', decidedBy: { table, chain: chainName, rule: 0, text: `-P ${chainName} ACCEPT`, target: 'ACCEPT' }, hits };
  const r = runChain(t, table, chain, p, ctx, hits, 0);
  if (r.kind === 'verdict') return r.v;
  const policy = chain.policy ?? 'ACCEPT';
  chain.counters.packets++;
  chain.counters.bytes += p.len;
  return { verdict: policy, decidedBy: { table, chain: chain.name, rule: 0, text: `-P ${chain.name} ${policy}`, target: policy }, hits };
}
