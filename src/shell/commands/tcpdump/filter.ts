// A pcap-filter(7) subset: host/net/port (with src/dst), icmp/tcp/udp/arp/ip, and/or/not and parentheses.
import type { PacketView } from '../../../core/sim/trace';
import { cidrContains, parseCidr } from '../../../core/net/cidr';
import { parseIpv4 } from '../../../core/net/ipv4';
import { serviceToPort } from '../../../core/kernel/netfilter/services';

export type PacketFilter = (p: PacketView) => boolean;

export class FilterSyntaxError extends Error {}

function port(text: string | undefined): number {
  const n = text === undefined ? NaN : /^\d+$/.test(text) ? Number(text) : (serviceToPort(text) ?? NaN);
  if (Number.isNaN(n)) throw new FilterSyntaxError(text === undefined ? 'syntax error' : `unknown port '${text}'`);
  return n;
}

/** Compiles the words after the options into a predicate; an empty expression accepts everything. */
export function compileFilter(words: string[]): PacketFilter {
  const toks = words.flatMap((w) => w.split(/(\(|\))/).filter(Boolean));
  let i = 0;
  const peek = () => toks[i];
  const next = () => toks[i++];
  const primary = (): PacketFilter => {
    const t = next();
    if (t === undefined) throw new FilterSyntaxError('syntax error');
    if (t === 'not' || t === '!') {
      const f = primary();
      return (p) => !f(p);
    }
    if (t === '(') {
      const f = orExpr();
      if (next() !== ')') throw new FilterSyntaxError('syntax error');
      return f;
    }
    let dir: 'src' | 'dst' | null = null;
    let kw = t;
    if (t === 'src' || t === 'dst') {
      dir = t;
      kw = peek() === 'host' || peek() === 'port' || peek() === 'net' ? next() : 'host';
    }
    const side = <T,>(s: T, d: T, f: (x: T) => boolean) => (dir === 'src' ? f(s) : dir === 'dst' ? f(d) : f(s) || f(d));
    switch (kw) {
      case 'host': {
        const a = next();
        if (a === undefined || parseIpv4(a) === null) throw new FilterSyntaxError(a === undefined ? 'syntax error' : `unknown host '${a}'`);
        return (p) => side(p.src, p.dst, (x) => x === a);
      }
      case 'net': {
        const c = parseCidr(next() ?? '', true);
        if (!c) throw new FilterSyntaxError('syntax error');
        return (p) => side(p.src, p.dst, (x) => cidrContains(c, parseIpv4(x) ?? -1));
      }
      case 'port': {
        const n = port(next());
        return (p) => (p.proto === 'tcp' || p.proto === 'udp') && side(p.sport, p.dport, (x) => x === n);
      }
      case 'icmp':
      case 'tcp':
      case 'udp':
      case 'arp':
        return (p) => p.proto === kw;
      case 'ip':
        return (p) => p.proto !== 'arp';
      default:
        if (dir && parseIpv4(kw) !== null) return (p) => side(p.src, p.dst, (x) => x === kw);
        throw new FilterSyntaxError('syntax error');
    }
  };
  const andExpr = (): PacketFilter => {
    let f = primary();
    while (peek() === 'and' || peek() === '&&') {
      next();
      const g = primary();
      const prev = f;
      f = (p) => prev(p) && g(p);
    }
    return f;
  };
  const orExpr = (): PacketFilter => {
    let f = andExpr();
    while (peek() === 'or' || peek() === '||') {
      next();
      const g = andExpr();
      const prev = f;
      f = (p) => prev(p) || g(p);
    }
    return f;
  };
  if (toks.length === 0) return () => true;
  const f = orExpr();
  if (i < toks.length) throw new FilterSyntaxError('syntax error');
  return f;
}
