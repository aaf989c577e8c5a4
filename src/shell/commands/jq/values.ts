// JSON values as jq holds them: literal numbers that keep their text, insertion-ordered objects, jq's total order.

/** A number read from JSON text or a program literal: prints as decNumber's canonical text until arithmetic touches it. */
export class LitNum {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}

export type JObj = Map<string, Json>;
export type Json = null | boolean | number | LitNum | string | Json[] | JObj;

/** A jq error: `error(v)` or a builtin's message; `value` is what `try ... catch` sees. */
export class JqError extends Error {
  constructor(readonly value: Json) {
    super(typeof value === 'string' ? value : 'jq error');
  }
}

export const isNum = (v: Json): v is number | LitNum => typeof v === 'number' || v instanceof LitNum;
export const isObj = (v: Json): v is JObj => v instanceof Map;
export const numOf = (v: number | LitNum): number => (typeof v === 'number' ? v : v.value);

export type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function kindOf(v: Json): Kind {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (isNum(v)) return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

export const truthy = (v: Json): boolean => v !== null && v !== false;

/** decNumber's to-scientific-string of a JSON number literal, or null when the text is not one. */
export function canonicalLiteral(text: string): string | null {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (!m[2] && !m[3])) return null;
  const frac = m[3] ?? '';
  let coeff = (m[2] + frac).replace(/^0+/, '');
  if (coeff === '') coeff = '0';
  const exp = Number(m[4] ?? 0) - frac.length;
  const adjusted = exp + coeff.length - 1;
  let body: string;
  if (exp <= 0 && adjusted >= -6) {
    if (exp === 0) body = coeff;
    else {
      const point = coeff.length + exp;
      body = point > 0 ? `${coeff.slice(0, point)}.${coeff.slice(point)}` : `0.${'0'.repeat(-point)}${coeff}`;
    }
  } else {
    body = coeff[0] + (coeff.length > 1 ? `.${coeff.slice(1)}` : '') + `E${adjusted >= 0 ? '+' : '-'}${Math.abs(adjusted)}`;
  }
  return m[1] + body;
}

export function literalNumber(text: string): LitNum {
  const canon = canonicalLiteral(text) ?? text;
  return new LitNum(Number(text), canon);
}

const ORDER: Record<Kind, number> = { null: 0, boolean: 1, number: 3, string: 4, array: 5, object: 6 };
const rank = (v: Json): number => (v === true ? 2 : ORDER[kindOf(v)]);

/** Compares strings by code point (jq compares UTF-8 bytes, which orders the same). */
export function cmpStr(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export const sortedKeys = (o: JObj): string[] => [...o.keys()].sort(cmpStr);

/** jq's total order: null < false < true < numbers < strings < arrays < objects. */
export function compare(a: Json, b: Json): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (isNum(a) && isNum(b)) {
    const x = numOf(a);
    const y = numOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return cmpStr(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length && i < b.length; i++) {
      const c = compare(a[i], b[i]);
      if (c) return c;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }
  if (isObj(a) && isObj(b)) {
    const ka = sortedKeys(a);
    const kb = sortedKeys(b);
    const c = compare(ka, kb);
    if (c) return c;
    for (const k of ka) {
      const d = compare(a.get(k)!, b.get(k)!);
      if (d) return d;
    }
  }
  return 0;
}

export const equals = (a: Json, b: Json): boolean => compare(a, b) === 0;

/** Converts parsed JS data (tests, `--argjson` helpers) to jq values. */
export function fromJs(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(fromJs);
  return new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromJs(x)]));
}
