// String builtins: case, explode/implode, join, and the regex family (test, match, capture, sub, gsub, scan, split/2).
import type { Closure, Evaluator, Native } from './evaluator';
import { described, toJson } from './output';
import { isNum, isObj, JqError, numOf, type JObj, type Json } from './values';

type Cfn = (f: (input: Json, ...args: Json[]) => Json) => Native;
type GenFn = (f: (ev: Evaluator, input: Json, args: Closure[]) => Iterable<Json>) => Native;

const fail = (msg: string): never => {
  throw new JqError(msg);
};

const cpLen = (s: string) => [...s].length;

interface Match {
  offset: number;
  length: number;
  string: string;
  captures: { offset: number; length: number; string: string | null; name: string | null }[];
  /** UTF-16 bounds, for sub/gsub. */
  start: number;
  end: number;
  named: JObj;
}

/** Runs an Oniguruma-style regex with jq's flags (g, i, x, n, s, l, p) using the platform's RegExp. */
function matches(input: Json, re: Json, flags: Json, testOnly = false): Match[] {
  if (typeof input !== 'string') return fail(`${described(input)} cannot be matched, as it is not a string`);
  if (typeof re !== 'string') return fail(`${described(re)} is not a string`);
  if (flags !== null && typeof flags !== 'string') return fail(`${described(flags)} is not a string`);
  const f = flags ?? '';
  for (const c of f) if (!'gimnpsxl'.includes(c)) return fail(`${f} is not a valid modifier string`);
  let source = re;
  if (f.includes('x')) source = source.replace(/\\#/g, '\u0000').replace(/#.*$/gm, '').replace(/\s+/g, '').replace(/\u0000/g, '\\#');
  let rx: RegExp;
  try {
    rx = new RegExp(source, 'gu' + (f.includes('i') ? 'i' : '') + (f.includes('s') || f.includes('p') ? 's' : ''));
  } catch (e) {
    return fail(`${source} (at offset 0) is not a valid regex: ${(e as Error).message}`);
  }
  const names: (string | null)[] = [];
  const groupRe = /\\.|\[(?:\\.|[^\]])*\]|\((\?(<([A-Za-z_]\w*)>|P<([A-Za-z_]\w*)>)?)?/g;
  for (let m = groupRe.exec(source); m; m = groupRe.exec(source)) {
    if (m[0].startsWith('(') && (!m[1] || m[2])) names.push(m[3] ?? m[4] ?? null);
    else if (m[0] === '(') names.push(null);
  }
  const global = f.includes('g');
  const skipEmpty = f.includes('n');
  const out: Match[] = [];
  for (let m = rx.exec(input); m; m = rx.exec(input)) {
    if (m[0] === '') rx.lastIndex++;
    if (skipEmpty && m[0] === '') continue;
    const at = m.index;
    const offset = cpLen(input.slice(0, at));
    const named: JObj = new Map();
    const captures = m.slice(1).map((c, i) => {
      const name = names[i] ?? null;
      if (name) named.set(name, c ?? null);
      if (c === undefined) return { offset: -1, length: 0, string: null, name };
      const ci = input.indexOf(c, at);
      return { offset: cpLen(input.slice(0, ci < 0 ? at : ci)), length: cpLen(c), string: c, name };
    });
    out.push({ offset, length: cpLen(m[0]), string: m[0], captures, start: at, end: at + m[0].length, named });
    if (!global || testOnly) break;
  }
  return out;
}

const matchJson = (m: Match): Json =>
  new Map<string, Json>([
    ['offset', m.offset],
    ['length', m.length],
    ['string', m.string],
    ['captures', m.captures.map((c) => new Map<string, Json>([['offset', c.offset], ['length', c.length], ['string', c.string], ['name', c.name]]))],
  ]);

function join(v: Json, sep: Json): Json {
  let acc: Json = null;
  for (const x of Array.isArray(v) ? v : isObj(v) ? [...v.values()] : fail(`Cannot iterate over ${described(v)}`)) {
    const head: Json = acc === null ? '' : typeof acc === 'string' && typeof sep === 'string' ? acc + sep : fail(`${described(acc)} and ${described(sep)} cannot be added`);
    const piece = typeof x === 'boolean' || isNum(x) ? toJson(x) : x === null ? '' : x;
    if (typeof piece !== 'string') return fail(`${described(head)} and ${described(piece)} cannot be added`);
    acc = (head as string) + piece;
  }
  return acc ?? '';
}

export function stringNatives(cfn: Cfn, gen: GenFn): [string, Native][] {
  const ascii = (up: boolean) => cfn((v) => (typeof v === 'string' ? v.replace(up ? /[a-z]+/g : /[A-Z]+/g, (s) => (up ? s.toUpperCase() : s.toLowerCase())) : fail('explode input must be a string')));
  const sub = (global: boolean, arity: number): Native =>
    gen(function* (ev, input, args) {
      for (const re of ev.values(args[0], input))
        for (const fl of arity === 3 ? ev.values(args[2], input) : [null]) {
          const flags = ((fl as string | null) ?? '') + (global ? 'g' : '');
          const ms = matches(input, re, flags);
          const s = input as string;
          function* build(i: number, prefix: string, from: number): Generator<Json> {
            if (i === ms.length) {
              yield prefix + s.slice(from);
              return;
            }
            for (const rep of ev.values(args[1], ms[i].named)) {
              if (typeof rep !== 'string') fail(`${described(prefix + s.slice(from, ms[i].start))} and ${described(rep)} cannot be added`);
              yield* build(i + 1, prefix + s.slice(from, ms[i].start) + rep, ms[i].end);
            }
          }
          yield* build(0, '', 0);
        }
    });
  return [
    ['ascii_downcase/0', ascii(false)],
    ['ascii_upcase/0', ascii(true)],
    ['explode/0', cfn((v) => (typeof v === 'string' ? [...v].map((c) => c.codePointAt(0)!) : fail('explode input must be a string')))],
    ['implode/0', cfn((v) => (Array.isArray(v) ? String.fromCodePoint(...v.map((c) => (isNum(c) ? numOf(c) : fail('Unicode codepoint must be numeric')))) : fail('implode input must be an array')))],
    ['join/1', cfn(join)],
    ['test/1', cfn((v, re) => matches(v, re, null, true).length > 0)],
    ['test/2', cfn((v, re, fl) => matches(v, re, fl, true).length > 0)],
    ['match/1', gen((ev, input, [re]) => [...ev.values(re, input)].flatMap((r) => matches(input, r, null).map(matchJson)))],
    ['match/2', gen((ev, input, [re, fl]) => [...ev.values(re, input)].flatMap((r) => [...ev.values(fl, input)].flatMap((f) => matches(input, r, f).map(matchJson))))],
    ['capture/1', gen((ev, input, [re]) => [...ev.values(re, input)].flatMap((r) => matches(input, r, null).map((m) => m.named)))],
    ['capture/2', gen((ev, input, [re, fl]) => [...ev.values(re, input)].flatMap((r) => [...ev.values(fl, input)].flatMap((f) => matches(input, r, f).map((m) => m.named))))],
    ['scan/1', gen((ev, input, [re]) => [...ev.values(re, input)].flatMap((r) => matches(input, r, 'g').map((m) => (m.captures.length ? m.captures.map((c) => c.string) : m.string))))],
    ['split/2', cfn((v, re, fl) => {
      const ms = matches(v, re, ((fl as string | null) ?? '') + 'g');
      const s = v as string;
      const out: string[] = [];
      let from = 0;
      for (const m of ms) {
        out.push(s.slice(from, m.start));
        from = m.end;
      }
      out.push(s.slice(from));
      return out;
    })],
    ['sub/2', sub(false, 2)],
    ['sub/3', sub(false, 3)],
    ['gsub/2', sub(true, 2)],
    ['gsub/3', sub(true, 3)],
  ];
}
