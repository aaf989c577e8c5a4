// Value operations: arithmetic with jq's type rules and messages, indexing, slicing, getpath/setpath/delpaths.
import { described, truncated } from './output';
import { compare, equals, isNum, isObj, JqError, kindOf, numOf, type JObj, type Json } from './values';

const fail = (msg: string): never => {
  throw new JqError(msg);
};
const fail2 = (a: Json, b: Json, what: string): never => fail(`${described(a)} and ${described(b)} ${what}`);

function deepMerge(a: JObj, b: JObj): JObj {
  const out = new Map(a);
  for (const [k, v] of b) {
    const old = out.get(k);
    out.set(k, isObj(old ?? null) && isObj(v) ? deepMerge(old as JObj, v) : v);
  }
  return out;
}

export function arith(op: string, a: Json, b: Json): Json {
  switch (op) {
    case '+':
      if (a === null) return b;
      if (b === null) return a;
      if (isNum(a) && isNum(b)) return numOf(a) + numOf(b);
      if (typeof a === 'string' && typeof b === 'string') return a + b;
      if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
      if (isObj(a) && isObj(b)) return new Map([...a, ...b]);
      return fail2(a, b, 'cannot be added');
    case '-':
      if (isNum(a) && isNum(b)) return numOf(a) - numOf(b);
      if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => equals(x, y)));
      return fail2(a, b, 'cannot be subtracted');
    case '*':
      if (isNum(a) && isNum(b)) return numOf(a) * numOf(b);
      if ((typeof a === 'string' && isNum(b)) || (isNum(a) && typeof b === 'string')) {
        const [s, n] = typeof a === 'string' ? [a, numOf(b as number)] : [b as string, numOf(a as number)];
        if (n < 0 || Number.isNaN(n)) return null;
        return s.repeat(Math.min(Math.trunc(n), 1e6));
      }
      if (isObj(a) && isObj(b)) return deepMerge(a, b);
      return fail2(a, b, 'cannot be multiplied');
    case '/':
      if (isNum(a) && isNum(b)) {
        if (numOf(b) === 0) return fail2(a, b, 'cannot be divided because the divisor is zero');
        return numOf(a) / numOf(b);
      }
      if (typeof a === 'string' && typeof b === 'string') return split(a, b);
      return fail2(a, b, 'cannot be divided');
    case '%': {
      if (!isNum(a) || !isNum(b)) return fail2(a, b, 'cannot be divided (remainder)');
      const x = numOf(a);
      const y = numOf(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
      const bi = Math.trunc(y);
      if (bi === 0) return fail2(a, b, 'cannot be divided (remainder) because the divisor is zero');
      const r = Math.trunc(x) % bi;
      return r === 0 ? 0 : r;
    }
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    case '>=':
      return compare(a, b) >= 0;
  }
  return fail(`unknown operator ${op}`);
}

export function split(s: string, sep: string): string[] {
  if (s === '') return [];
  return s.split(sep);
}

const codepoints = (s: string) => [...s];

/** jq's slice bounds: floor the start, ceil the end, clamp to the length. */
function sliceBounds(len: number, from: Json, to: Json): [number, number] {
  if ((from !== null && !isNum(from)) || (to !== null && !isNum(to))) return fail('Start and end indices of an array slice must be numbers');
  let s = from === null ? 0 : numOf(from);
  let e = to === null ? len : numOf(to);
  if (Number.isNaN(s)) s = 0;
  if (s < 0) s += len;
  if (s < 0) s = 0;
  if (s > len) s = len;
  s = Math.floor(s);
  if (Number.isNaN(e)) e = len;
  if (e < 0) e += len;
  if (e < 0) e = s;
  e = Math.min(len, Math.ceil(e));
  if (e < s) e = s;
  return [s, e];
}

export function slice(t: Json, from: Json, to: Json): Json {
  if (t === null) return null;
  if (Array.isArray(t)) {
    const [s, e] = sliceBounds(t.length, from, to);
    return t.slice(s, e);
  }
  if (typeof t === 'string') {
    const cps = codepoints(t);
    const [s, e] = sliceBounds(cps.length, from, to);
    return cps.slice(s, e).join('');
  }
  return fail(`Cannot index ${kindOf(t)} with object`);
}

/** jv_get: `.[k]` on any value. */
export function index(t: Json, k: Json): Json {
  if (isObj(t) && typeof k === 'string') return t.has(k) ? t.get(k)! : null;
  if (Array.isArray(t) && isNum(k)) {
    const d = numOf(k);
    if (Number.isNaN(d)) return null;
    let i = Math.floor(d);
    if (i < 0) i += t.length;
    return i >= 0 && i < t.length ? t[i] : null;
  }
  if (isObj(k) && (Array.isArray(t) || typeof t === 'string' || t === null) && (k.has('start') || k.has('end'))) return slice(t, k.get('start') ?? null, k.get('end') ?? null);
  if (Array.isArray(t) && Array.isArray(k)) return indicesOf(t, k);
  if (t === null && (typeof k === 'string' || isNum(k) || isObj(k))) return null;
  if (typeof k === 'string' && new TextEncoder().encode(k).length < 30) return fail(`Cannot index ${kindOf(t)} with string "${k}"`);
  return fail(`Cannot index ${kindOf(t)} with ${kindOf(k)}`);
}

export function indicesOf(t: Json[], k: Json[]): Json {
  if (k.length === 0) return null;
  const out: number[] = [];
  for (let i = 0; i + k.length <= t.length; i++) if (k.every((x, j) => equals(t[i + j], x))) out.push(i);
  return out;
}

export function iterate(t: Json): Json[] {
  if (Array.isArray(t)) return t;
  if (isObj(t)) return [...t.values()];
  return fail(`Cannot iterate over ${described(t)}`);
}

export function getpath(t: Json, path: Json[]): Json {
  let cur = t;
  for (const k of path) {
    if (cur === null) return null;
    cur = index(cur, k);
  }
  return cur;
}

function setIndex(t: Json, k: Json, v: Json): Json {
  if (isObj(k) && (t === null || Array.isArray(t))) {
    const arr = t ?? [];
    const [s, e] = sliceBounds(arr.length, k.get('start') ?? null, k.get('end') ?? null);
    if (!Array.isArray(v)) return fail('A slice of an array can only be assigned another array');
    return [...arr.slice(0, s), ...v, ...arr.slice(e)];
  }
  if (typeof k === 'string' && (t === null || isObj(t))) {
    const out = new Map(t ?? []);
    out.set(k, v);
    return out;
  }
  if (isNum(k) && (t === null || Array.isArray(t))) {
    const arr = [...(t ?? [])];
    let i = Math.floor(numOf(k));
    if (Number.isNaN(i)) return fail('Cannot set array element at NaN index');
    if (i < 0) i += arr.length;
    if (i < 0) return fail('Out of bounds negative array index');
    while (arr.length < i) arr.push(null);
    arr[i] = v;
    return arr;
  }
  if (typeof k === 'string' || isNum(k) || isObj(k)) {
    if (t === null || Array.isArray(t) || isObj(t)) return fail(`Cannot index ${kindOf(t)} with ${kindOf(k)}`);
    return fail(`Cannot index ${kindOf(t)} with ${kindOf(k)}`);
  }
  return fail(`Cannot update field at ${kindOf(k)} index of ${kindOf(t)}`);
}

export function setpath(t: Json, path: Json[], v: Json): Json {
  if (path.length === 0) return v;
  const [k, ...rest] = path;
  const child = t === null ? null : index(t, k);
  return setIndex(t, k, setpath(child, rest, v));
}

function delOne(t: Json, path: Json[]): Json {
  if (t === null) return null;
  const [k, ...rest] = path;
  if (rest.length) {
    const child = index(t, k);
    if (child === null) return t;
    return setIndex(t, k, delOne(child, rest));
  }
  if (isObj(t) && typeof k === 'string') {
    const out = new Map(t);
    out.delete(k);
    return out;
  }
  if (Array.isArray(t) && isNum(k)) {
    let i = Math.floor(numOf(k));
    if (i < 0) i += t.length;
    if (i < 0) return fail('Out of bounds negative array index');
    return t.filter((_, j) => j !== i);
  }
  if (Array.isArray(t) && isObj(k)) {
    const [s, e] = sliceBounds(t.length, k.get('start') ?? null, k.get('end') ?? null);
    return [...t.slice(0, s), ...t.slice(e)];
  }
  if (isObj(t)) return fail(`Cannot delete ${kindOf(k)} field of object`);
  if (Array.isArray(t)) return fail(`Cannot delete ${kindOf(k)} element of array`);
  return fail(`Cannot delete fields from ${kindOf(t)}`);
}

/** delpaths: longest paths first, so earlier deletions do not shift later ones. */
export function delpaths(t: Json, paths: Json[][]): Json {
  const sorted = [...paths].sort((a, b) => compare(b, a));
  let out = t;
  for (const p of sorted) out = p.length === 0 ? null : delOne(out, p);
  return out;
}

export const pathError = (v: Json): never => fail(`Invalid path expression with result ${truncated(v, 30)}`);
