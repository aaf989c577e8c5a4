// Parsing a rule specification the way iptables does: `!` inverts the next option, `-p tcp` lets `--dport`
// load the tcp match implicitly, match and target options belong to the extension loaded before them.
import { parseIpv4, prefixMask } from '../../net/ipv4';
import { networkOf } from '../../net/cidr';
import { PARAMETER_PROBLEM, xtablesError } from './errors';
import { ADDRTYPES, CTSTATE_ORDER, type AddrSpec, type MatchSpec, type PortSpec, type RangeSpec, type RuleSpec, type TargetSpec, type TypeListSpec } from './rule-spec';
import { serviceToPort } from './services';

const PROTO_BY_NUMBER: Record<string, string> = { '0': 'all', '1': 'icmp', '6': 'tcp', '17': 'udp', '132': 'sctp' };
const KNOWN_MATCHES = ['tcp', 'udp', 'sctp', 'icmp', 'conntrack', 'state', 'addrtype', 'comment', 'multiport', 'iprange'];
const REJECT_TYPES: Record<string, string> = {
  'icmp-net-unreachable': 'icmp-net-unreachable', 'net-unreach': 'icmp-net-unreachable',
  'icmp-host-unreachable': 'icmp-host-unreachable', 'host-unreach': 'icmp-host-unreachable',
  'icmp-port-unreachable': 'icmp-port-unreachable', 'port-unreach': 'icmp-port-unreachable',
  'icmp-proto-unreachable': 'icmp-proto-unreachable', 'proto-unreach': 'icmp-proto-unreachable',
  'icmp-net-prohibited': 'icmp-net-prohibited', 'net-prohib': 'icmp-net-prohibited',
  'icmp-host-prohibited': 'icmp-host-prohibited', 'host-prohib': 'icmp-host-prohibited',
  'icmp-admin-prohibited': 'icmp-admin-prohibited', 'admin-prohib': 'icmp-admin-prohibited',
  'tcp-reset': 'tcp-reset', 'tcp-rst': 'tcp-reset',
};
const ICMP_TYPES: Record<string, [number, number | null]> = {
  any: [255, null], 'echo-reply': [0, null], pong: [0, null], 'destination-unreachable': [3, null],
  'port-unreachable': [3, 3], 'host-unreachable': [3, 1], 'echo-request': [8, null], ping: [8, null],
  'time-exceeded': [11, null], 'ttl-exceeded': [11, null],
};

const perr = (msg: string) => xtablesError(PARAMETER_PROBLEM, msg);

/** `a.b.c.d[/len|/mask]` (or `localhost`) -> a prefix with host bits cleared, as iptables stores it. */
export function parseAddr(text: string, inv: boolean): AddrSpec {
  const [host, mask] = text.split('/', 2);
  const ip = host === 'localhost' ? parseIpv4('127.0.0.1') : parseIpv4(host);
  if (ip === null) throw perr(`host/network \`${host}' not found`);
  let len = 32;
  if (mask !== undefined) {
    if (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) len = Number(mask);
    else {
      const m = parseIpv4(mask);
      const bits = m === null ? -1 : [...Array(33).keys()].find((l) => prefixMask(l) === m);
      if (bits === undefined || bits < 0) throw perr(`invalid mask \`${mask}' specified`);
      len = bits;
    }
  }
  return { ip: networkOf({ ip, len }), len, inv };
}

function parsePort(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : serviceToPort(text);
  if (n === undefined || n > 65535) throw perr(`invalid port/service \`${text}' specified`);
  return n;
}

function parsePortRange(text: string, inv: boolean): PortSpec {
  const [a, b] = text.split(':', 2);
  const lo = a === '' ? 0 : parsePort(a);
  const hi = b === undefined ? lo : b === '' ? 65535 : parsePort(b);
  return { lo: Math.min(lo, hi), hi: Math.max(lo, hi), inv };
}

/** libxt_iprange: `A-B` (or one address), each end a dotted quad. */
function parseRange(text: string, opt: string, inv: boolean): RangeSpec {
  const [a, b = a] = text.split('-', 2);
  const lo = parseIpv4(a);
  const hi = parseIpv4(b);
  if (lo === null || hi === null) throw perr(`iprange: Bad value for "${opt}" option: "${lo === null ? a : b}"`);
  return { lo, hi, inv };
}

/** `--ctorigdst 10.0.0.0/8`, `--ctreplsrcport 80`: which direction and which field of libxt_conntrack's tuple. */
const CT_TUPLE_OPTS = /^--ct(orig|repl)(src|dst)(port)?$/;

function parseList(text: string, allowed: string[], what: string, inv: boolean, ordered: boolean): TypeListSpec {
  const values = text.split(',').map((v) => v.toUpperCase());
  for (const v of values) if (!allowed.includes(v)) throw perr(`Bad ${what} "${v}"`);
  return { values: ordered ? allowed.filter((a) => values.includes(a)) : values, inv };
}

/** The protocol name iptables stores for `-p X`. */
export function parseProto(text: string): string {
  const lower = text.toLowerCase();
  if (PROTO_BY_NUMBER[lower]) return PROTO_BY_NUMBER[lower];
  if (['all', 'tcp', 'udp', 'sctp', 'icmp'].includes(lower)) return lower;
  if (/^\d+$/.test(lower) && Number(lower) < 256) return lower;
  throw perr(`unknown protocol "${text}" specified`);
}

/** Parses the rule options of one command line (in order); `-j` to a chain is checked by the caller. */
export function parseRuleSpec(tokens: readonly string[]): RuleSpec {
  const rule: RuleSpec = { matches: [] };
  let inv = false;
  const value = (i: number, opt: string): string => {
    if (i >= tokens.length) throw perr(`option "${opt}" requires an argument`);
    return tokens[i];
  };
  const current = <N extends MatchSpec['name']>(names: N[]): Extract<MatchSpec, { name: N }> | undefined =>
    [...rule.matches].reverse().find((m) => (names as string[]).includes(m.name)) as Extract<MatchSpec, { name: N }> | undefined;
  const portMatch = (opt: string): Extract<MatchSpec, { name: 'tcp' | 'udp' | 'sctp' }> => {
    const m = current(['tcp', 'udp', 'sctp']);
    if (m) return m;
    const p = rule.proto?.name;
    if ((p === 'tcp' || p === 'udp' || p === 'sctp') && !rule.proto?.inv) {
      const implicit = { name: p } as Extract<MatchSpec, { name: 'tcp' | 'udp' | 'sctp' }>;
      rule.matches.push(implicit);
      return implicit;
    }
    throw perr(`unknown option "${opt}"`);
  };
  const needMatch = <N extends MatchSpec['name']>(name: N, opt: string): Extract<MatchSpec, { name: N }> => {
    const m = current([name]);
    if (!m) throw perr(`unknown option "${opt}"`);
    return m;
  };
  const needTarget = (names: string[], opt: string): TargetSpec => {
    if (!rule.target || !names.includes(rule.target.name)) throw perr(`unknown option "${opt}"`);
    return rule.target;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '!') {
      if (inv) throw perr('multiple consecutive ! not allowed');
      inv = true;
      continue;
    }
    const was = inv;
    inv = false;
    switch (t) {
      case '-p': case '--protocol': case '--proto':
        if (rule.proto) throw perr('multiple -p flags not allowed');
        rule.proto = { name: parseProto(value(++i, t)), inv: was };
        break;
      case '-s': case '--source': case '--src':
        if (rule.src) throw perr('multiple -s flags not allowed');
        rule.src = parseAddr(value(++i, t), was);
        break;
      case '-d': case '--destination': case '--dst':
        if (rule.dst) throw perr('multiple -d flags not allowed');
        rule.dst = parseAddr(value(++i, t), was);
        break;
      case '-i': case '--in-interface': case '-o': case '--out-interface': {
        const name = value(++i, t);
        if (name.length > 15) throw perr(`interface name \`${name}' must be shorter than IFNAMSIZ (15)`);
        const key = t === '-i' || t === '--in-interface' ? 'in' : 'out';
        if (rule[key]) throw perr(`multiple -${key[0]} flags not allowed`);
        rule[key] = { name, inv: was };
        break;
      }
      case '-m': case '--match': {
        if (was) throw perr('unexpected ! flag before --match');
        const name = value(++i, t);
        if (!KNOWN_MATCHES.includes(name)) throw perr(`Couldn't load match \`${name}':No such file or directory`);
        rule.matches.push({ name } as MatchSpec);
        break;
      }
      case '-j': case '--jump': case '-g': case '--goto': {
        if (rule.target) throw perr('multiple -j flags not allowed');
        const name = value(++i, t);
        rule.target = { name, goto: t === '-g' || t === '--goto' };
        if (name === 'REJECT') rule.target.rejectWith = 'icmp-port-unreachable';
        break;
      }
      case '--dport': case '--destination-port':
        portMatch(t).dport = parsePortRange(value(++i, t), was);
        break;
      case '--sport': case '--source-port':
        portMatch(t).sport = parsePortRange(value(++i, t), was);
        break;
      case '--icmp-type': {
        const m = current(['icmp']) ?? (rule.proto?.name === 'icmp' ? (rule.matches.push({ name: 'icmp' }), current(['icmp'])) : undefined);
        if (!m) throw perr(`unknown option "${t}"`);
        const v = value(++i, t);
        const named = ICMP_TYPES[v];
        const num = /^(\d+)(?:\/(\d+))?$/.exec(v);
        if (!named && !num) throw perr(`Invalid ICMP type \`${v}'`);
        m.icmpType = named ? { type: named[0], code: named[1], inv: was } : { type: Number(num![1]), code: num![2] ? Number(num![2]) : null, inv: was };
        break;
      }
      case '--ctstate':
        needMatch('conntrack', t).ctstate = parseList(value(++i, t), CTSTATE_ORDER, 'ctstate', was, true);
        break;
      case '--src-range': case '--dst-range': {
        const m = needMatch('iprange', t);
        m[t === '--src-range' ? 'src' : 'dst'] = parseRange(value(++i, t), t, was);
        break;
      }
      case '--ctorigsrc': case '--ctorigdst': case '--ctreplsrc': case '--ctrepldst':
      case '--ctorigsrcport': case '--ctorigdstport': case '--ctreplsrcport': case '--ctrepldstport': {
        const [, dir, field, port] = CT_TUPLE_OPTS.exec(t)!;
        const m = needMatch('conntrack', t);
        const tuple = (m[dir as 'orig' | 'repl'] ??= {});
        const v = value(++i, t);
        if (port) tuple[field === 'src' ? 'sport' : 'dport'] = parsePortRange(v, was);
        else tuple[field as 'src' | 'dst'] = parseAddr(v, was);
        break;
      }
      case '--ctdir': {
        const v = value(++i, t).toUpperCase();
        if (v !== 'ORIGINAL' && v !== 'REPLY') throw perr(`Unknown --ctdir value "${tokens[i]}"`);
        needMatch('conntrack', t).ctdir = v;
        break;
      }
      case '--state':
        needMatch('state', t).state = parseList(value(++i, t), CTSTATE_ORDER.slice(0, 5), 'state', was, true);
        break;
      case '--src-type': case '--dst-type': {
        const m = needMatch('addrtype', t);
        const list = parseList(value(++i, t), ADDRTYPES, 'address type', was, false);
        if (t === '--src-type') m.srcType = list;
        else m.dstType = list;
        break;
      }
      case '--comment': {
        const v = value(++i, t);
        if (v.length > 255) throw perr('COMMENT must be shorter than 256 characters');
        needMatch('comment', t).comment = v;
        break;
      }
      case '--dports': case '--sports': case '--ports': case '--destination-ports': case '--source-ports': {
        const m = needMatch('multiport', t);
        m.kind = t.startsWith('--d') ? 'dports' : t.startsWith('--s') ? 'sports' : 'ports';
        m.ports = value(++i, t).split(',').map((p) => {
          const r = parsePortRange(p, false);
          return [r.lo, r.hi] as [number, number];
        });
        m.inv = was;
        break;
      }
      case '--to-destination': case '--to':
        needTarget(['DNAT'], t).toDestination = value(++i, t);
        break;
      case '--to-source':
        needTarget(['SNAT'], t).toSource = value(++i, t);
        break;
      case '--to-ports':
        needTarget(['MASQUERADE'], t).toPorts = value(++i, t);
        break;
      case '--reject-with': {
        const v = value(++i, t);
        if (!REJECT_TYPES[v]) throw perr(`unknown reject type "${v}"`);
        needTarget(['REJECT'], t).rejectWith = REJECT_TYPES[v];
        break;
      }
      case '--log-prefix':
        needTarget(['LOG'], t).logPrefix = value(++i, t);
        break;
      default:
        throw perr(t.startsWith('-') ? `unknown option "${t}"` : `Bad argument \`${t}'`);
    }
  }
  if (inv) throw perr('unexpected end of command line after !');
  validate(rule);
  return rule;
}

function validate(rule: RuleSpec): void {
  const t = rule.target;
  const hasPorts = rule.proto?.name === 'tcp' || rule.proto?.name === 'udp' || rule.proto?.name === 'sctp';
  for (const m of rule.matches) {
    if ((m.name === 'tcp' || m.name === 'udp' || m.name === 'sctp') && rule.proto?.name !== m.name) {
      throw perr(`Couldn't load match \`${m.name}':No such file or directory`);
    }
    if (m.name === 'multiport' && !hasPorts) throw perr('multiport needs `-p tcp\', `-p udp\', `-p udplite\', `-p sctp\' or `-p dccp\'');
    if (m.name === 'conntrack' && !m.ctstate && !m.orig && !m.repl && !m.ctdir) throw perr('conntrack: At least one option is required');
    if (m.name === 'addrtype' && !m.srcType && !m.dstType) throw perr('addrtype: you must specify --src-type or --dst-type');
    if (m.name === 'comment' && m.comment === undefined) throw perr('COMMENT match: You must specify `--comment\'');
  }
  if (t?.name === 'DNAT' && !t.toDestination) throw perr('DNAT: you must specify --to-destination');
  if (t?.name === 'SNAT' && !t.toSource) throw perr('SNAT: you must specify --to-source');
  if (t && ['DNAT', 'SNAT'].includes(t.name)) {
    const spec = t.toDestination ?? t.toSource ?? '';
    const [ip, port] = spec.split(':');
    if ((ip !== '' && parseIpv4(ip.split('-')[0]) === null) || (port !== undefined && !/^\d+(-\d+)?$/.test(port))) {
      throw perr(`Bad IP address "${spec}"`);
    }
    if (port !== undefined && !hasPorts) throw perr('Need TCP, UDP, SCTP or DCCP with port specification');
  }
}
