// An iptables rule as structure (struct ipt_entry plus its matches and target), and its canonical
// `iptables -S` spelling: addresses, interfaces and protocol first, then `-m` matches in order, then `-j`.
import { formatIpv4, type Ipv4 } from '../../net/ipv4';

export interface AddrSpec {
  ip: Ipv4;
  len: number;
  inv: boolean;
}

export interface IfaceSpec {
  name: string;
  inv: boolean;
}

export interface PortSpec {
  lo: number;
  hi: number;
  inv: boolean;
}

/** `-m iprange --src-range A-B`: an inclusive address range. */
export interface RangeSpec {
  lo: Ipv4;
  hi: Ipv4;
  inv: boolean;
}

/** libxt_conntrack's tuple options for one direction (`--ctorigdst`, `--ctorigdstport`, `--ctreplsrc`, ...). */
export interface CtTupleSpec {
  src?: AddrSpec;
  dst?: AddrSpec;
  sport?: PortSpec;
  dport?: PortSpec;
}

export interface TypeListSpec {
  values: string[];
  inv: boolean;
}

/** One `-m NAME ...` extension with the options iptables knows for it. */
export type MatchSpec =
  | { name: 'tcp' | 'udp' | 'sctp'; sport?: PortSpec; dport?: PortSpec }
  | { name: 'icmp'; icmpType?: { type: number; code: number | null; inv: boolean } }
  | { name: 'conntrack'; ctstate?: TypeListSpec; orig?: CtTupleSpec; repl?: CtTupleSpec; ctdir?: 'ORIGINAL' | 'REPLY' }
  | { name: 'iprange'; src?: RangeSpec; dst?: RangeSpec }
  | { name: 'state'; state?: TypeListSpec }
  | { name: 'addrtype'; srcType?: TypeListSpec; dstType?: TypeListSpec }
  | { name: 'comment'; comment?: string }
  | { name: 'multiport'; kind?: 'sports' | 'dports' | 'ports'; ports?: [number, number][]; inv?: boolean };

/** `-j TARGET [options]` or `-g CHAIN`. Built-in targets carry their options; anything else is a chain. */
export interface TargetSpec {
  name: string;
  goto: boolean;
  toDestination?: string;
  toSource?: string;
  toPorts?: string;
  rejectWith?: string;
  logPrefix?: string;
}

export interface RuleSpec {
  src?: AddrSpec;
  dst?: AddrSpec;
  in?: IfaceSpec;
  out?: IfaceSpec;
  proto?: { name: string; inv: boolean };
  matches: MatchSpec[];
  target?: TargetSpec;
}

/** Targets built into iptables (the rest are user chains). */
export const BUILTIN_TARGETS = ['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'DNAT', 'SNAT', 'MASQUERADE', 'LOG', 'QUEUE'];

/** libxt_conntrack prints states in this fixed order, whatever order they were given in. */
export const CTSTATE_ORDER = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

export const ADDRTYPES = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];

function not(inv: boolean | undefined, out: string[]): void {
  if (inv) out.push('!');
}

/** `[!] --flag value`. */
function opt(out: string[], inv: boolean | undefined, flag: string, value: string): void {
  not(inv, out);
  out.push(flag, value);
}

function portText(p: { lo: number; hi: number }): string {
  return p.lo === p.hi ? String(p.lo) : `${p.lo}:${p.hi}`;
}

/** conntrack_dump_addr: the address, then `/len` unless it is a host address. */
export function ctAddrText(a: AddrSpec): string {
  return a.len === 32 ? formatIpv4(a.ip) : `${formatIpv4(a.ip)}/${a.len}`;
}

/** libxt_conntrack's dump order for the tuple options: addresses (orig, repl), then ports (orig, repl). */
export function ctTupleOptions(m: { orig?: CtTupleSpec; repl?: CtTupleSpec }): { inv: boolean; key: string; value: string }[] {
  const out: { inv: boolean; key: string; value: string }[] = [];
  for (const [dir, t] of [['orig', m.orig], ['repl', m.repl]] as const) {
    if (t?.src) out.push({ inv: t.src.inv, key: `ct${dir}src`, value: ctAddrText(t.src) });
    if (t?.dst) out.push({ inv: t.dst.inv, key: `ct${dir}dst`, value: ctAddrText(t.dst) });
  }
  for (const [dir, t] of [['orig', m.orig], ['repl', m.repl]] as const) {
    if (t?.sport) out.push({ inv: t.sport.inv, key: `ct${dir}srcport`, value: portText(t.sport) });
    if (t?.dport) out.push({ inv: t.dport.inv, key: `ct${dir}dstport`, value: portText(t.dport) });
  }
  return out;
}

function matchArgv(m: MatchSpec): string[] {
  const out = ['-m', m.name];
  switch (m.name) {
    case 'tcp':
    case 'udp':
    case 'sctp':
      if (m.sport) opt(out, m.sport.inv, '--sport', portText(m.sport));
      if (m.dport) opt(out, m.dport.inv, '--dport', portText(m.dport));
      break;
    case 'icmp':
      if (m.icmpType) {
        not(m.icmpType.inv, out);
        out.push('--icmp-type', m.icmpType.code === null ? String(m.icmpType.type) : `${m.icmpType.type}/${m.icmpType.code}`);
      }
      break;
    case 'conntrack':
      if (m.ctstate) opt(out, m.ctstate.inv, '--ctstate', m.ctstate.values.join(','));
      for (const o of ctTupleOptions(m)) opt(out, o.inv, `--${o.key}`, o.value);
      if (m.ctdir) out.push('--ctdir', m.ctdir);
      break;
    case 'iprange':
      if (m.src) opt(out, m.src.inv, '--src-range', `${formatIpv4(m.src.lo)}-${formatIpv4(m.src.hi)}`);
      if (m.dst) opt(out, m.dst.inv, '--dst-range', `${formatIpv4(m.dst.lo)}-${formatIpv4(m.dst.hi)}`);
      break;
    case 'state':
      if (m.state) opt(out, m.state.inv, '--state', m.state.values.join(','));
      break;
    case 'addrtype':
      if (m.srcType) opt(out, m.srcType.inv, '--src-type', m.srcType.values.join(','));
      if (m.dstType) opt(out, m.dstType.inv, '--dst-type', m.dstType.values.join(','));
      break;
    case 'comment':
      if (m.comment !== undefined) out.push('--comment', m.comment);
      break;
    case 'multiport':
      if (m.kind && m.ports) opt(out, m.inv, `--${m.kind}`, m.ports.map(([lo, hi]) => portText({ lo, hi })).join(','));
      break;
  }
  return out;
}

function targetArgv(t: TargetSpec): string[] {
  const out = [t.goto ? '-g' : '-j', t.name];
  if (t.name === 'DNAT' && t.toDestination) out.push('--to-destination', t.toDestination);
  if (t.name === 'SNAT' && t.toSource) out.push('--to-source', t.toSource);
  if (t.name === 'MASQUERADE' && t.toPorts) out.push('--to-ports', t.toPorts);
  if (t.name === 'REJECT') out.push('--reject-with', t.rejectWith ?? 'icmp-port-unreachable');
  if (t.name === 'LOG' && t.logPrefix !== undefined) out.push('--log-prefix', t.logPrefix);
  return out;
}

/** The rule as `iptables -S` prints it after `-A CHAIN` (values unquoted; see `quoteSaveArg`). */
export function canonicalArgv(r: RuleSpec): string[] {
  const out: string[] = [];
  const addr = (flag: string, a?: AddrSpec) => {
    if (!a || (a.len === 0 && a.ip === 0 && !a.inv)) return;
    not(a.inv, out);
    out.push(flag, `${formatIpv4(a.ip)}/${a.len}`);
  };
  addr('-s', r.src);
  addr('-d', r.dst);
  for (const [flag, i] of [['-i', r.in], ['-o', r.out]] as const) {
    if (!i || (i.name === '+' && !i.inv)) continue;
    not(i.inv, out);
    out.push(flag, i.name);
  }
  if (r.proto && (r.proto.name !== 'all' || r.proto.inv)) {
    not(r.proto.inv, out);
    out.push('-p', r.proto.name);
  }
  for (const m of r.matches) out.push(...matchArgv(m));
  if (r.target) out.push(...targetArgv(r.target));
  return out;
}

const NO_QUOTE = /^[A-Za-z0-9_-]+$/;

/** xtables_save_string: values with anything but letters, digits, `_` and `-` are double-quoted with escapes. */
export function quoteSaveArg(value: string): string {
  if (NO_QUOTE.test(value)) return value;
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** Options whose value `iptables -S` quotes with xtables_save_string. */
const QUOTED_OPTIONS = new Set(['--comment', '--log-prefix']);

/** Joins a canonical argv into the text after `-A CHAIN ` as `iptables -S` shows it. */
export function argvText(argv: readonly string[]): string {
  return argv.map((a, i) => (i > 0 && QUOTED_OPTIONS.has(argv[i - 1]) ? quoteSaveArg(a) : a)).join(' ');
}
