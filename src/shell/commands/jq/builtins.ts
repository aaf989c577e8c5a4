// Native builtins (length, keys, sort_by, path, getpath, tostring, ...) with jq 1.7.1's error messages.
import { BAD, type Closure, type Evaluator, type Native, type Path } from './evaluator';
import { arith, delpaths, getpath, index, indicesOf, iterate, setpath, split } from './ops';
import { described, toJson } from './output';
import { parseJsonText } from './json-input';
import { formatString } from './formats';
import { stringNatives } from './strings';
import { compare, equals, isNum, isObj, JqError, kindOf, numOf, sortedKeys, truthy, type JObj, type Json } from './values';

const fail = (msg: string): never => {
  throw new JqError(msg);
};

/** Host hooks: the input reader for `input`/`inputs`, stderr for `debug`/`stderr`, `$ENV`. */
export interface Host {
  nextInput(): Json | undefined;
  debug(text: string): void;
  env: JObj;
  inputFilename(): Json;
}

/** A builtin computed from the input and each combination of its argument values (jq's cfunctions). */
function cfn(f: (input: Json, ...args: Json[]) => Json): Native {
  return function* (ev, input, args, path) {
    const p = path === null ? null : BAD;
    function* combos(i: number, acc: Json[]): Generator<Json[]> {
      if (i === args.length) {
        yield acc;
        return;
      }
      for (const v of ev.values(args[i], input)) yield* combos(i + 1, [...acc, v]);
    }
    for (const vals of combos(0, [])) yield { v: f(input, ...vals), p };
  };
}

/** A builtin producing several values from its input and argument closures. */
function gen(f: (ev: Evaluator, input: Json, args: Closure[]) => Iterable<Json>): Native {
  return function* (ev, input, args, path) {
    const p = path === null ? null : BAD;
    for (const v of f(ev, input, args)) yield { v, p };
  };
}

const num = (v: Json, what = 'number required'): number => (isNum(v) ? numOf(v) : fail(`${described(v)} ${what}`));
const math = (f: (x: number) => number) => cfn((x) => f(num(x)));

function keysOf(v: Json, sorted: boolean): Json[] {
  if (isObj(v)) return sorted ? sortedKeys(v) : [...v.keys()];
  if (Array.isArray(v)) return v.map((_, i) => i);
  return fail(`${described(v)} has no keys`);
}

function contains(a: Json, b: Json): boolean {
  if (isObj(a) && isObj(b)) return [...b].every(([k, v]) => a.has(k) && contains(a.get(k)!, v));
  if (Array.isArray(a) && Array.isArray(b)) return b.every((x) => a.some((y) => contains(y, x)));
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  if (kindOf(a) === kindOf(b)) return equals(a, b);
  return fail(`${described(a)} and ${described(b)} cannot have their containment checked`);
}

/** Sorts by keys computed with `f` (each element's `[f]`), stably. */
function keyed(ev: Evaluator, input: Json, f: Closure | null, what: string): { v: Json; k: Json }[] {
  if (!Array.isArray(input)) return fail(`${described(input)} ${what}`);
  return input.map((v) => ({ v, k: f ? [...ev.values(f, v)] : v })).sort((a, b) => compare(a.k, b.k));
}

function groups(items: { v: Json; k: Json }[]): Json[][] {
  const out: Json[][] = [];
  items.forEach((it, i) => {
    if (i > 0 && equals(items[i - 1].k, it.k)) out[out.length - 1].push(it.v);
    else out.push([it.v]);
  });
  return out;
}

function extreme(ev: Evaluator, input: Json, f: Closure | null, max: boolean): Json {
  if (!Array.isArray(input)) return fail(`${described(input)} and ${described(input)} cannot be iterated over`);
  let best: { v: Json; k: Json } | null = null;
  for (const v of input) {
    const k = f ? [...ev.values(f, v)] : v;
    if (!best || (max ? compare(k, best.k) >= 0 : compare(k, best.k) < 0)) best = { v, k };
  }
  return best ? best.v : null;
}

function tonumber(v: Json): Json {
  if (isNum(v)) return v;
  if (typeof v !== 'string') return fail(`${described(v)} cannot be parsed as a number`);
  const r = parseJsonText(v);
  if ('error' in r) return fail(`${r.error} (while parsing '${v}')`);
  return isNum(r.value) ? r.value : fail(`${described(v)} cannot be parsed as a number`);
}

function fromEntries(v: Json): Json {
  const out: JObj = new Map();
  for (const e of iterate(v)) {
    let k: Json = null;
    for (const name of ['key', 'Key', 'name', 'Name']) {
      k = index(e, name);
      if (truthy(k)) break;
    }
    if (typeof k !== 'string') fail(`Cannot use ${described(k)} as object key`);
    const has = isObj(e) ? e.has('value') : fail(`Cannot check whether ${kindOf(e)} has a string key`);
    out.set(k as string, has ? index(e, 'value') : index(e, 'Value'));
  }
  return out;
}

export function makeNatives(host: Host): Map<string, Native> {
  const n = new Map<string, Native>();
  const def = (name: string, arity: number, f: Native) => n.set(`${name}/${arity}`, f);
  def('empty', 0, function* () {});
  def('error', 0, (_ev, input) => {
    throw new JqError(input);
  });
  def('error', 1, (ev, input, [m]) => {
    for (const v of ev.values(m, input)) throw new JqError(v);
    return (function* () {})();
  });
  def('not', 0, cfn((v) => !truthy(v)));
  def('path', 1, function* (ev, input, [f], path) {
    for (const o of ev.paths(f, input)) yield { v: o.p!, p: path === null ? null : BAD };
  });
  def('getpath', 1, function* (ev, input, [pa], path) {
    for (const p of ev.values(pa, input)) {
      if (!Array.isArray(p)) fail('Path must be specified as an array');
      const v = getpath(input, p as Json[]);
      yield { v, p: path === null ? null : path === BAD ? BAD : [...(path as Path), ...(p as Json[])] };
    }
  });
  def('setpath', 2, cfn((t, p, v) => (Array.isArray(p) ? setpath(t, p, v) : fail('Path must be specified as an array'))));
  def('delpaths', 1, cfn((t, ps) => (Array.isArray(ps) ? delpaths(t, ps.map((p) => (Array.isArray(p) ? p : fail('Path must be specified as an array')))) : fail('Paths must be specified as an array'))));
  def('del', 1, gen((ev, input, [f]) => [delpaths(input, [...ev.paths(f, input)].map((o) => o.p!))]));
  def('length', 0, cfn((v) => (Array.isArray(v) ? v.length : isObj(v) ? v.size : typeof v === 'string' ? [...v].length : isNum(v) ? Math.abs(numOf(v)) : v === null ? 0 : fail(`${described(v)} has no length`))));
  def('utf8bytelength', 0, cfn((v) => (typeof v === 'string' ? new TextEncoder().encode(v).length : fail(`${described(v)} only strings have UTF-8 byte length`))));
  def('keys', 0, cfn((v) => keysOf(v, true)));
  def('keys_unsorted', 0, cfn((v) => keysOf(v, false)));
  def('has', 1, cfn((v, k) => {
    if (v === null) return false;
    if (isObj(v) && typeof k === 'string') return v.has(k);
    if (Array.isArray(v) && isNum(k)) return numOf(k) >= 0 && numOf(k) < v.length;
    return fail(`Cannot check whether ${kindOf(v)} has a ${kindOf(k)} key`);
  }));
  def('contains', 1, cfn((a, b) => contains(a, b)));
  def('add', 0, cfn((v) => iterate(v).reduce<Json>((acc, x) => arith('+', acc, x), null)));
  def('range', 2, gen(function* (ev, input, [a, b]) {
    for (const from of ev.values(a, input))
      for (const upto of ev.values(b, input)) {
        if (!isNum(from) || !isNum(upto)) fail('Range bounds must be numeric');
        const [lo, hi] = [numOf(from as number), numOf(upto as number)];
        for (let i = lo; i < hi; i++) yield i;
      }
  }));
  def('floor', 0, math(Math.floor));
  def('ceil', 0, math(Math.ceil));
  def('round', 0, math((x) => (x < 0 ? -Math.round(-x) : Math.round(x))));
  def('sqrt', 0, math(Math.sqrt));
  def('fabs', 0, math(Math.abs));
  def('log', 0, math(Math.log));
  def('log2', 0, math(Math.log2));
  def('log10', 0, math(Math.log10));
  def('exp', 0, math(Math.exp));
  def('exp10', 0, math((x) => 10 ** x));
  def('trunc', 0, math(Math.trunc));
  def('pow', 2, cfn((_i, a, b) => num(a) ** num(b)));
  def('infinite', 0, cfn(() => Infinity));
  def('nan', 0, cfn(() => NaN));
  def('isinfinite', 0, cfn((v) => Math.abs(num(v)) === Infinity));
  def('isnan', 0, cfn((v) => Number.isNaN(num(v))));
  def('isnormal', 0, cfn((v) => {
    const x = Math.abs(num(v));
    return Number.isFinite(x) && x >= 2.2250738585072014e-308;
  }));
  def('tostring', 0, cfn((v) => (typeof v === 'string' ? v : toJson(v))));
  def('tojson', 0, cfn((v) => toJson(v)));
  def('fromjson', 0, cfn((v) => {
    if (typeof v !== 'string') return fail(`${described(v)} only strings can be parsed`);
    const r = parseJsonText(v);
    return 'value' in r ? r.value : fail(`${r.error} (while parsing '${v}')`);
  }));
  def('tonumber', 0, cfn(tonumber));
  def('type', 0, cfn((v) => kindOf(v)));
  def('sort', 0, cfn((v) => (Array.isArray(v) ? [...v].sort(compare) : fail(`${described(v)} cannot be sorted, as it is not an array`))));
  def('sort_by', 1, gen((ev, input, [f]) => [keyed(ev, input, f, 'cannot be sorted, as it is not an array').map((x) => x.v)]));
  def('group_by', 1, gen((ev, input, [f]) => [groups(keyed(ev, input, f, 'cannot be grouped, as it is not an array'))]));
  def('unique', 0, gen((ev, input) => [groups(keyed(ev, input, null, 'cannot be sorted, as it is not an array')).map((g) => g[0])]));
  def('unique_by', 1, gen((ev, input, [f]) => [groups(keyed(ev, input, f, 'cannot be sorted, as it is not an array')).map((g) => g[0])]));
  def('min', 0, gen((ev, input) => [extreme(ev, input, null, false)]));
  def('max', 0, gen((ev, input) => [extreme(ev, input, null, true)]));
  def('min_by', 1, gen((ev, input, [f]) => [extreme(ev, input, f, false)]));
  def('max_by', 1, gen((ev, input, [f]) => [extreme(ev, input, f, true)]));
  def('reverse', 0, cfn((v) => (Array.isArray(v) ? [...v].reverse() : typeof v === 'string' ? [...v].reverse().join('') : v === null ? [] : fail(`Cannot index ${kindOf(v)} with number`))));
  def('indices', 1, cfn((v, i) => {
    if (v === null) return null;
    if (typeof v === 'string' && typeof i === 'string') {
      if (!i) return null;
      const out: number[] = [];
      const bytes = new TextEncoder().encode(v);
      const pat = new TextEncoder().encode(i);
      for (let j = 0; j + pat.length <= bytes.length; j++) if (pat.every((b, x) => bytes[j + x] === b)) out.push(j);
      return out;
    }
    if (Array.isArray(v)) return indicesOf(v, Array.isArray(i) ? i : [i]);
    return index(v, i);
  }));
  def('split', 1, cfn((s, sep) => (typeof s === 'string' && typeof sep === 'string' ? split(s, sep) : fail('split input and separator must be strings'))));
  def('tostream', 0, gen(function* (ev, input) {
    function* walk(p: Json[], v: Json, top: boolean): Generator<Json> {
      const kids = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : isObj(v) ? [...v] : null;
      if (!kids || kids.length === 0) yield [p, v];
      else {
        for (const [k, x] of kids) yield* walk([...p, k], x, false);
        yield [[...p, kids[kids.length - 1][0]]];
      }
      void top;
    }
    yield* walk([], input, true);
  }));
  def('format', 1, cfn((v, f) => (typeof f === 'string' ? formatString(f, v) : fail(`${described(f)} is not a valid format`))));
  def('env', 0, cfn(() => host.env));
  def('builtins', 0, cfn(() => [...n.keys()]));
  def('input', 0, cfn(() => host.nextInput() ?? fail('break')));
  def('inputs', 0, gen(function* () {
    for (let v = host.nextInput(); v !== undefined; v = host.nextInput()) yield v;
  }));
  def('debug', 0, cfn((v) => (host.debug(toJson(['DEBUG:', v])), v)));
  def('stderr', 0, cfn((v) => (host.debug(toJson(v)), v)));
  def('input_filename', 0, cfn(() => host.inputFilename()));
  def('ltrimstr', 1, cfn((s, x) => (typeof s === 'string' && typeof x === 'string' && s.startsWith(x) ? s.slice(x.length) : s)));
  def('rtrimstr', 1, cfn((s, x) => (typeof s === 'string' && typeof x === 'string' && s.endsWith(x) && x.length ? s.slice(0, s.length - x.length) : s)));
  def('startswith', 1, cfn((s, x) => (typeof s === 'string' && typeof x === 'string' ? s.startsWith(x) : fail('startswith() requires string inputs'))));
  def('endswith', 1, cfn((s, x) => (typeof s === 'string' && typeof x === 'string' ? s.endsWith(x) : fail('endswith() requires string inputs'))));
  def('limit', 2, function* (ev, input, [nc, f], path) {
    for (const lim of ev.values(nc, input)) {
      const max = num(lim);
      if (max <= 0) continue;
      let i = 0;
      for (const o of ev.ev(f.node, input, path, f.scope)) {
        yield o;
        if (++i >= max) break;
      }
    }
  });
  for (const [k, f] of stringNatives(cfn, gen)) n.set(k, f);
  def('from_entries', 0, cfn(fromEntries));
  return n;
}
