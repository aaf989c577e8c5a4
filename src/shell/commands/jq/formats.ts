// The @format string filters: @text @json @html @uri @csv @tsv @sh @base64 @base64d.
import { described, formatNumber, toJson } from './output';
import { isNum, JqError, numOf, type Json } from './values';

const tostring = (v: Json): string => (typeof v === 'string' ? v : toJson(v));
const utf8 = (s: string) => new TextEncoder().encode(s);

function row(v: Json, csv: boolean): string {
  if (!Array.isArray(v)) throw new JqError(`${described(v)} cannot be ${csv ? 'csv' : 'tsv'}-formatted, only array`);
  return v
    .map((x) => {
      if (x === null) return '';
      if (typeof x === 'boolean') return String(x);
      if (isNum(x)) return Number.isNaN(numOf(x)) ? '' : formatNumber(x);
      if (typeof x === 'string') {
        if (csv) return `"${x.replace(/"/g, '""')}"`;
        return x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
      }
      throw new JqError(`${described(x)} is not valid in a csv row`);
    })
    .join(csv ? ',' : '\t');
}

function sh(v: Json): string {
  const items = Array.isArray(v) ? v : [v];
  return items
    .map((x) => {
      if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`;
      if (x === null || typeof x === 'boolean' || isNum(x)) return toJson(x);
      throw new JqError(`${described(x)} can not be escaped for shell`);
    })
    .join(' ');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(s: string): string {
  const d = utf8(s);
  let out = '';
  for (let i = 0; i < d.length; i += 3) {
    const n = Math.min(3, d.length - i);
    const code = (d[i] << 16) | ((n > 1 ? d[i + 1] : 0) << 8) | (n > 2 ? d[i + 2] : 0);
    for (let j = 0; j < 4; j++) out += j > n ? '=' : B64[(code >> (18 - j * 6)) & 0x3f];
  }
  return out;
}

function base64d(s: string, orig: Json): string {
  const bytes: number[] = [];
  let code = 0;
  let got = 0;
  for (const ch of s) {
    if (ch === '=') break;
    const i = B64.indexOf(ch);
    if (i < 0) throw new JqError(`${described(orig)} is not valid base64 data`);
    code = (code << 6) | i;
    if (++got === 4) {
      bytes.push((code >> 16) & 0xff, (code >> 8) & 0xff, code & 0xff);
      got = 0;
      code = 0;
    }
  }
  if (got === 3) bytes.push((code >> 10) & 0xff, (code >> 2) & 0xff);
  else if (got === 2) bytes.push((code >> 4) & 0xff);
  else if (got === 1) throw new JqError(`${described(orig)} trailing base64 byte found`);
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Applies `@name` to one value (in `@name "...\(x)"` strings, to each interpolated value). */
export function formatString(name: string, v: Json): string {
  switch (name) {
    case 'text':
      return tostring(v);
    case 'json':
      return toJson(v);
    case 'html':
      return tostring(v).replace(/[&<>'"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' })[c]!);
    case 'uri':
      return [...utf8(tostring(v))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('');
    case 'csv':
      return row(v, true);
    case 'tsv':
      return row(v, false);
    case 'sh':
      return sh(v);
    case 'base64':
      return base64(tostring(v));
    case 'base64d':
      return base64d(tostring(v), tostring(v));
  }
  throw new JqError(`${name} is not a valid format`);
}
