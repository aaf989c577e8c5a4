// Go template number constants (parse.NumberNode via strconv.ParseInt/ParseUint/ParseFloat with base 0).
import type { NumberNode } from './ast';
import { quote, unquoteChar } from './quote';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv's underscoreOK: underscores only between digits (a base prefix counts as a digit). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64) without its sign handling: null when not an unsigned integer. */
function parseUnsigned(s: string): bigint | null {
  if (s === '' || s.startsWith('+') || s.startsWith('-')) return null;
  let base = 10;
  let body = s;
  if (/^0[xX]/.test(s)) [base, body] = [16, s.slice(2)];
  else if (/^0[oO]/.test(s)) [base, body] = [8, s.slice(2)];
  else if (/^0[bB]/.test(s)) [base, body] = [2, s.slice(2)];
  else if (s.length > 1 && s[0] === '0') [base, body] = [8, s.slice(1)];
  if (s.includes('_') && !underscoreOK(s)) return null;
  body = body.replaceAll('_', '');
  const digit = { 16: /^[0-9a-fA-F]+$/, 10: /^[0-9]+$/, 8: /^[0-7]+$/, 2: /^[01]+$/ }[base]!;
  if (!digit.test(body)) return null;
  const prefix = { 16: '0x', 10: '', 8: '0o', 2: '0b' }[base]!;
  const v = BigInt(prefix + body);
  return v > UINT64_MAX ? null : v;
}

function parseSigned(s: string): bigint | null {
  const neg = s.startsWith('-');
  const u = parseUnsigned(s.startsWith('+') || neg ? s.slice(1) : s);
  if (u === null) return null;
  const v = neg ? -u : u;
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

/** strconv.ParseFloat(s, 64) for decimal and hexadecimal (0x1.8p3) literals; null when malformed. */
export function parseGoFloat(s: string): number | null {
  if (s.includes('_') && !underscoreOK(s)) return null;
  const t = s.replaceAll('_', '');
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(t);
  if (hex) {
    const [, sign, int, frac = '', exp] = hex;
    if (int === '' && frac === '') return null;
    const mant = parseInt((int + frac) || '0', 16);
    const v = mant * 2 ** (Number(exp) - 4 * frac.length);
    return sign === '-' ? -v : v;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null; // out of range is ErrRange
}

/** parse.newNumber: the value under every type that can hold it, or the error Go's parser reports. */
export function newNumber(pos: number, text: string, type: 'number' | 'charConstant' | 'complex'): NumberNode {
  const n: NumberNode = { kind: 'number', pos, text, isInt: false, isUint: false, isFloat: false, int: 0, float: 0 };
  if (type === 'charConstant') {
    const c = unquoteChar(text.slice(1), "'");
    if (c.tail !== "'") throw new Error(`malformed character constant: ${text}`);
    return { ...n, isInt: true, isUint: true, isFloat: true, int: c.value, float: c.value };
  }
  if (type === 'complex' || text.endsWith('i')) throw new Error(`complex constants are not supported: ${text}`);
  const u = parseUnsigned(text);
  const i = parseSigned(text);
  if (u !== null) [n.isUint, n.float] = [true, Number(u)];
  if (i !== null) {
    [n.isInt, n.int, n.float] = [true, Number(i), Number(i)];
    if (i === 0n) n.isUint = true; // -0
  }
  if (n.isInt || n.isUint) {
    n.isFloat = true;
    return n;
  }
  const f = parseGoFloat(text);
  if (f !== null) {
    if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${quote(text)}`);
    n.isFloat = true;
    n.float = f;
    if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) [n.isInt, n.int] = [true, f];
    if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true;
    return n;
  }
  throw new Error(`illegal number syntax: ${quote(text)}`);
}
