// ss's filter language (ssfilter.y): `state`/`exclude` state selections, then an expression over sport, dport, src
// and dst with = != < > <= >= (and their word forms), joined by and/or/not and parentheses.
import { parseIpv4 } from '../../../core/net/ipv4';
import { cidrContains } from '../../../core/net/cidr';
import { serviceToPort } from '../../../core/kernel/netfilter/services';

/** What a filter sees of one socket. */
export interface SockView {
  state: string;
  sport: number;
  dport: number;
  src: number;
  dst: number;
}

type Expr = (s: SockView) => boolean;

export interface SsFilter {
  /** The states asked for (null: ss's default, all but the closed ones, further narrowed by -l/-a). */
  states: Set<string> | null;
  expr: Expr | null;
}

const STATE_NAMES: Record<string, string[]> = {
  established: ['ESTAB'], 'syn-sent': ['SYN-SENT'], 'syn-recv': ['SYN-RECV'], 'fin-wait-1': ['FIN-WAIT-1'], 'fin-wait-2': ['FIN-WAIT-2'],
  'time-wait': ['TIME-WAIT'], closed: ['UNCONN'], 'close-wait': ['CLOSE-WAIT'], 'last-ack': ['LAST-ACK'], listening: ['LISTEN'], closing: ['CLOSING'],
  all: ['ESTAB', 'SYN-SENT', 'SYN-RECV', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'UNCONN', 'CLOSE-WAIT', 'LAST-ACK', 'LISTEN', 'CLOSING'],
  connected: ['ESTAB', 'SYN-SENT', 'SYN-RECV', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSING'],
  synchronized: ['ESTAB', 'SYN-RECV', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSING'],
  bucket: ['SYN-RECV', 'TIME-WAIT'],
  big: ['ESTAB', 'SYN-SENT', 'FIN-WAIT-1', 'FIN-WAIT-2', 'UNCONN', 'CLOSE-WAIT', 'LAST-ACK', 'LISTEN', 'CLOSING'],
};

export class SsFilterError extends Error {}

const OPS: Record<string, string> = { '=': '=', '==': '=', eq: '=', '!=': '!=', ne: '!=', neq: '!=', '>': '>', gt: '>', '<': '<', lt: '<', '>=': '>=', ge: '>=', geq: '>=', '<=': '<=', le: '<=', leq: '<=' };

function tokens(args: string[]): string[] {
  return args.join(' ').replace(/([()])/g, ' $1 ').split(/\s+/).filter(Boolean);
}

function portOf(text: string): number {
  const t = text.replace(/^.*:/, '');
  const n = /^\d+$/.test(t) ? Number(t) : serviceToPort(t);
  if (n === undefined || n === null) throw new SsFilterError(`bad port "${text}"`);
  return n;
}

function hostCond(field: 'src' | 'dst', text: string): Expr {
  const [host, port] = text.includes(':') ? [text.slice(0, text.lastIndexOf(':')), text.slice(text.lastIndexOf(':') + 1)] : [text, ''];
  const [addr, len] = host.split('/');
  const ip = host === '*' || host === '' ? null : parseIpv4(addr);
  if (host !== '*' && host !== '' && ip === null) throw new SsFilterError(`bad address "${text}"`);
  const bits = len === undefined ? 32 : Number(len);
  const p = port && port !== '*' ? portOf(port) : null;
  return (s) => {
    const a = field === 'src' ? s.src : s.dst;
    const pt = field === 'src' ? s.sport : s.dport;
    return (ip === null || cidrContains({ ip, len: bits }, a)) && (p === null || pt === p);
  };
}

/** Parses everything after the options. */
export function parseSsFilter(args: string[]): SsFilter {
  const toks = tokens(args);
  let states: Set<string> | null = null;
  let i = 0;
  while (toks[i] === 'state' || toks[i] === 'exclude') {
    const which = toks[i];
    const name = toks[i + 1];
    const list = name === undefined ? undefined : STATE_NAMES[name];
    if (!list) throw new SsFilterError(`wrong state name: ${name ?? ''}`);
    if (which === 'state') states = new Set([...(states ?? []), ...list]);
    else {
      states ??= new Set(STATE_NAMES.all);
      for (const st of list) states.delete(st);
    }
    i += 2;
  }
  if (i >= toks.length) return { states, expr: null };
  const syntax = () => new SsFilterError('syntax');
  const primary = (): Expr => {
    const t = toks[i++];
    if (t === undefined) throw syntax();
    if (t === '(') {
      const e = orExpr();
      if (toks[i++] !== ')') throw syntax();
      return e;
    }
    if (t === 'not' || t === '!') {
      const e = primary();
      return (s) => !e(s);
    }
    if (t === 'sport' || t === 'dport') {
      let op = '=';
      if (OPS[toks[i]]) op = OPS[toks[i++]];
      const value = toks[i++];
      if (value === undefined) throw syntax();
      const p = portOf(value);
      const get = (s: SockView) => (t === 'sport' ? s.sport : s.dport);
      const cmp: Record<string, (a: number) => boolean> = { '=': (a) => a === p, '!=': (a) => a !== p, '>': (a) => a > p, '<': (a) => a < p, '>=': (a) => a >= p, '<=': (a) => a <= p };
      return (s) => cmp[op](get(s));
    }
    if (t === 'src' || t === 'dst' || t === 'dev') {
      if (OPS[toks[i]] === '=') i++;
      const value = toks[i++];
      if (value === undefined) throw syntax();
      if (t === 'dev') return () => true;
      return hostCond(t, value);
    }
    throw syntax();
  };
  const andExpr = (): Expr => {
    let left = primary();
    while (i < toks.length && toks[i] !== ')' && toks[i] !== 'or' && toks[i] !== '||') {
      if (toks[i] === 'and' || toks[i] === '&&') i++;
      const l = left;
      const r = primary();
      left = (s) => l(s) && r(s);
    }
    return left;
  };
  const orExpr = (): Expr => {
    let left = andExpr();
    while (toks[i] === 'or' || toks[i] === '||') {
      i++;
      const l = left;
      const r = andExpr();
      left = (s) => l(s) || r(s);
    }
    return left;
  };
  const expr = orExpr();
  if (i < toks.length) throw syntax();
  return { states, expr };
}
