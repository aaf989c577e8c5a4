// `iptables -L` and `iptables -S` output, laid out exactly as xshared.c prints them (print_header,
// print_rule_details, print_ifaces, print_ipv4_addresses, then each extension's own print function).
import { formatIpv4 } from '../../net/ipv4';
import type { Chain, Counters, Table } from './types';
import { argvText, ctTupleOptions, type MatchSpec, type RangeSpec, type RuleSpec, type TargetSpec } from './rule-spec';
import { compiledRule } from './compiled';
import { portToService } from './services';

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

const padEnd = (s: string, n: number) => s.padEnd(n);

/** xtables_print_num: exact `%8llu ` with -x, else `%5llu ` with K/M/G/T scaling; `notable` drops the padding. */
export function printNum(n: number, exact: boolean, notable = false): string {
  if (exact) return notable ? `${n} ` : `${String(n).padStart(8)} `;
  if (n <= 99999) return notable ? `${n} ` : `${String(n).padStart(5)} `;
  let v = n;
  for (const unit of ['K', 'M', 'G', 'T']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999 || unit === 'T') return notable ? `${v}${unit} ` : `${String(v).padStart(4)}${unit} `;
  }
  return `${n} `;
}

/** Rules in the same table that jump to `chain` (the "N references" of a user chain). */
export function chainReferences(table: Table, chain: string): number {
  let n = 0;
  for (const c of table.chains) for (const r of c.rules) if (compiledRule(r).target?.name === chain) n++;
  return n;
}

function header(table: Table, chain: Chain, f: ListFormat): string {
  let text = `Chain ${chain.name}`;
  if (chain.policy) {
    text += ` (policy ${chain.policy}`;
    if (f.verbose) text += ` ${printNum(chain.counters.packets, f.exact, true)}packets, ${printNum(chain.counters.bytes, f.exact, true)}bytes`;
    text += ')\n';
  } else {
    text += ` (${chainReferences(table, chain.name)} references)\n`;
  }
  if (f.lineNumbers) text += padEnd('num', 4) + ' ';
  if (f.verbose) text += f.exact ? `${'pkts'.padStart(8)} ${'bytes'.padStart(10)} ` : `${'pkts'.padStart(5)} ${'bytes'.padStart(5)} `;
  text += padEnd('target', 9) + ' ';
  text += ' prot opt';
  if (f.verbose) text += ` ${padEnd('in', 6)} ${padEnd('out', 6)} `;
  text += ` ${padEnd('source', 19)} `;
  text += ` ${padEnd('destination', 19)} `;
  return text + '\n';
}

function addrText(a: RuleSpec['src'], numeric: boolean): string {
  if (!a || a.len === 0) return numeric ? '0.0.0.0/0' : 'anywhere';
  const host = !numeric && a.ip === 0x7f000001 && a.len === 32 ? 'localhost' : formatIpv4(a.ip);
  return a.len === 32 ? host : `${host}/${a.len}`;
}

function portName(p: number, numeric: boolean): string {
  return numeric ? String(p) : (portToService(p) ?? String(p));
}

function portsText(label: string, p: { lo: number; hi: number; inv: boolean }, numeric: boolean): string {
  const inv = p.inv ? '!' : '';
  if (p.lo === p.hi) return ` ${label}:${inv}${portName(p.lo, numeric)}`;
  return ` ${label}s:${inv}${portName(p.lo, numeric)}:${portName(p.hi, numeric)}`;
}

const ICMP_NAMES: Record<number, string> = { 0: 'echo-reply', 3: 'destination-unreachable', 8: 'echo-request', 11: 'time-exceeded' };

/** Each match extension's `print` callback. */
function matchText(m: MatchSpec, numeric: boolean): string {
  switch (m.name) {
    case 'tcp':
    case 'udp':
    case 'sctp':
      return ` ${m.name}` + (m.sport ? portsText('spt', m.sport, numeric) : '') + (m.dport ? portsText('dpt', m.dport, numeric) : '');
    case 'icmp': {
      if (!m.icmpType || m.icmpType.type === 255) return ' icmp any';
      const inv = m.icmpType.inv ? '!' : '';
      const name = ICMP_NAMES[m.icmpType.type];
      const code = m.icmpType.code === null ? '' : ` code ${m.icmpType.code}`;
      return !numeric && name && m.icmpType.code === null ? ` icmp ${inv}${name}` : ` icmp${inv}type ${m.icmpType.type}${code}`;
    }
    case 'conntrack':
      return (
        (m.ctstate ? ` ${m.ctstate.inv ? '! ' : ''}ctstate ${m.ctstate.values.join(',')}` : '') +
        ctTupleOptions(m).map((o) => ` ${o.inv ? '! ' : ''}${o.key} ${o.value}`).join('') +
        (m.ctdir ? ` ctdir ${m.ctdir}` : '')
      );
    case 'iprange': {
      const range = (label: string, r: RangeSpec | undefined) => (r ? ` ${label} IP range${r.inv ? ' !' : ''} ${formatIpv4(r.lo)}-${formatIpv4(r.hi)}` : '');
      return range('source', m.src) + range('destination', m.dst);
    }
    case 'state':
      return m.state ? ` ${m.state.inv ? '! ' : ''}state ${m.state.values.join(',')}` : '';
    case 'addrtype': {
      let s = ' ADDRTYPE match';
      if (m.srcType) s += ` src-type ${m.srcType.inv ? '!' : ''}${m.srcType.values.join(',')}`;
      if (m.dstType) s += ` dst-type ${m.dstType.inv ? '!' : ''}${m.dstType.values.join(',')}`;
      return s;
    }
    case 'comment':
      return ` /* ${m.comment ?? ''} */`;
    case 'multiport':
      return ` multiport ${m.kind} ${m.inv ? '!' : ''}${(m.ports ?? []).map(([lo, hi]) => (lo === hi ? portName(lo, numeric) : `${portName(lo, numeric)}:${portName(hi, numeric)}`)).join(',')}`;
  }
}

function targetText(t: TargetSpec | undefined): string {
  switch (t?.name) {
    case 'DNAT':
      return ` to:${t.toDestination}`;
    case 'SNAT':
      return ` to:${t.toSource}`;
    case 'MASQUERADE':
      return t.toPorts ? ` masq ports: ${t.toPorts}` : '';
    case 'REJECT':
      return ` reject-with ${t.rejectWith ?? 'icmp-port-unreachable'}`;
    case 'LOG':
      return ' LOG flags 0 level 4' + (t.logPrefix !== undefined ? ` prefix "${t.logPrefix}"` : '');
    default:
      return '';
  }
}

function ruleLine(spec: RuleSpec, counters: Counters, num: number, f: ListFormat): string {
  let s = '';
  if (f.lineNumbers) s += padEnd(String(num), 4) + ' ';
  if (f.verbose) s += printNum(counters.packets, f.exact) + printNum(counters.bytes, f.exact);
  s += padEnd(spec.target?.name ?? '', 9) + ' ';
  s += spec.proto?.inv ? '!' : ' ';
  s += padEnd(spec.proto?.name ?? 'all', 4) + ' ';
  s += '-- ';
  if (f.verbose) {
    const any = f.numeric ? '*' : 'any';
    const iface = (i: RuleSpec['in']) => (i ? `${i.inv ? '!' : ''}${i.name}` : any);
    s += ` ${padEnd(iface(spec.in), 6)} ${padEnd(iface(spec.out), 6)} `;
  }
  s += (spec.src?.inv ? '!' : ' ') + padEnd(addrText(spec.src, f.numeric), 19) + ' ';
  s += (spec.dst?.inv ? '!' : ' ') + padEnd(addrText(spec.dst, f.numeric), 19) + ' ';
  if (spec.target?.goto) s += '[goto] ';
  for (const m of spec.matches) s += matchText(m, f.numeric);
  s += targetText(spec.target);
  return s + '\n';
}

/** One chain as `iptables -L CHAIN` prints it. */
export function listChain(table: Table, chain: Chain, f: ListFormat): string {
  let text = header(table, chain, f);
  chain.rules.forEach((r, i) => (text += ruleLine(compiledRule(r), r.counters, i + 1, f)));
  return text;
}

/** Chains in listing order: built-ins in kernel order, then user chains sorted by name. */
export function listingOrder(table: Table): Chain[] {
  const builtins = table.chains.filter((c) => c.policy !== null);
  const user = table.chains.filter((c) => c.policy === null).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtins, ...user];
}

/** `iptables -L`: every chain, separated by blank lines. */
export function listTable(table: Table, f: ListFormat): string {
  return listingOrder(table)
    .map((c) => listChain(table, c, f))
    .join('\n');
}

/** `-P CHAIN POLICY` or `-N CHAIN`. */
export function chainDecl(chain: Chain): string {
  return chain.policy ? `-P ${chain.name} ${chain.policy}` : `-N ${chain.name}`;
}

/** `-A CHAIN <rule>` as `iptables -S` prints a rule. */
export function ruleSaveLine(chain: string, argv: readonly string[]): string {
  return argv.length ? `-A ${chain} ${argvText(argv)}` : `-A ${chain}`;
}

/** `iptables -S [CHAIN]`: declarations first, then rules chain by chain. */
export function listRules(table: Table, only?: Chain): string {
  const chains = only ? [only] : listingOrder(table);
  const lines = chains.map(chainDecl);
  for (const c of chains) for (const r of c.rules) lines.push(ruleSaveLine(c.name, r.argv));
  return lines.join('\n') + '\n';
}
