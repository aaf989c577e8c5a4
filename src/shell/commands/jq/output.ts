// JSON output as jq prints it: numbers (literal text or 17-digit shortest), string escapes, indentation, -S, colours.
import { isNum, isObj, kindOf, LitNum, sortedKeys, type Json } from './values';

const DBL_MAX = 1.7976931348623157e308;

/** jq's jvp_dtoa_fmt: the shortest round-trip digits, exponent form when the point is far from them. */
export function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'null';
  let d = x;
  if (d > DBL_MAX) d = DBL_MAX;
  if (d < -DBL_MAX) d = -DBL_MAX;
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const sign = d < 0 ? '-' : '';
  const [mant, exp] = Math.abs(d).toExponential().split('e');
  const digits = mant.replace('.', '');
  const decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1;
    return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length);
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

export const formatNumber = (v: number | LitNum): string => (v instanceof LitNum ? v.text : formatDouble(v));

/** A JSON string literal as jq writes it: DEL and C0 controls escaped, other characters raw (or \u escapes with -a). */
export function quote(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c <= 0x7e) out += c === 0x22 || c === 0x5c ? '\\' + ch : ch;
    else if (c === 8) out += '\\b';
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 12) out += '\\f';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c === 0x7f || ascii) {
      if (c <= 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
      else {
        const v = c - 0x10000;
        out += '\\u' + (0xd800 | (v >> 10)).toString(16) + '\\u' + (0xdc00 | (v & 0x3ff)).toString(16);
      }
    } else out += ch;
  }
  return out + '"';
}

export interface DumpOptions {
  /** Spaces per level; 0 prints compactly. */
  indent: number;
  tab?: boolean;
  sortKeys?: boolean;
  color?: boolean;
  ascii?: boolean;
}

const ESC = '\x1b[';
const RESET = `${ESC}0m`;
const COLORS: Record<string, string> = {
  null: `${ESC}0;90m`,
  false: `${ESC}0;39m`,
  true: `${ESC}0;39m`,
  number: `${ESC}0;39m`,
  string: `${ESC}0;32m`,
  array: `${ESC}1;39m`,
  object: `${ESC}1;39m`,
};
const FIELD = `${ESC}1;34m`;

/** Serialises one value the way jq's jv_dump_term does, including where the colour codes fall. */
export function dump(v: Json, opts: DumpOptions): string {
  const pretty = opts.tab || opts.indent > 0;
  const pad = (n: number) => (opts.tab ? '\t'.repeat(n) : ' '.repeat(n * opts.indent));
  const parts: string[] = [];
  const put = (s: string) => parts.push(s);
  const term = (x: Json, level: number) => {
    const kind = kindOf(x);
    const col = opts.color ? COLORS[kind === 'boolean' ? String(x) : kind] : '';
    put(col);
    if (x === null || typeof x === 'boolean') put(String(x));
    else if (isNum(x)) put(formatNumber(x));
    else if (typeof x === 'string') put(quote(x, opts.ascii));
    else if (Array.isArray(x)) {
      if (x.length === 0) put('[]');
      else {
        put('[');
        if (pretty) put('\n' + pad(level + 1));
        x.forEach((e, i) => {
          if (i > 0) put(pretty ? ',\n' + pad(level + 1) : ',');
          term(e, level + 1);
          put(col);
        });
        if (pretty) put('\n' + pad(level));
        put(col + ']');
      }
    } else if (isObj(x)) {
      if (x.size === 0) put('{}');
      else {
        put('{');
        if (pretty) put('\n' + pad(level + 1));
        const keys = opts.sortKeys ? sortedKeys(x) : [...x.keys()];
        keys.forEach((k, i) => {
          if (i > 0) put(pretty ? ',\n' + pad(level + 1) : ',');
          if (col) put(RESET + FIELD + quote(k, opts.ascii) + RESET + col + (pretty ? ': ' : ':') + RESET);
          else put(quote(k, opts.ascii) + (pretty ? ': ' : ':'));
          term(x.get(k)!, level + 1);
          put(col);
        });
        if (pretty) put('\n' + pad(level));
        put(col + '}');
      }
    }
    if (col) put(RESET);
  };
  term(v, 0);
  return parts.join('');
}

/** Compact JSON text (tojson, tostring, error values). */
export const toJson = (v: Json): string => dump(v, { indent: 0 });

/** jq's jv_dump_string_trunc: the compact text cut to `size - 1` bytes, ending in "..." when cut. */
export function truncated(v: Json, size = 15): string {
  const bytes = new TextEncoder().encode(toJson(v));
  if (bytes.length <= size - 1) return new TextDecoder().decode(bytes);
  const cut = bytes.slice(0, size - 1);
  cut.fill(0x2e, size - 4, size - 1);
  return new TextDecoder().decode(cut);
}

/** "number (1)": a value named by kind with its truncated text, as jq's type errors show it. */
export const described = (v: Json): string => `${kindOf(v)} (${truncated(v)})`;
