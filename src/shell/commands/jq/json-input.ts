// JSON text input as jq's parser reads it: a stream of values, jq's error messages with line and column.
import { literalNumber, type JObj, type Json } from './values';

export interface ParsedValue {
  value: Json;
  /** The input line jq reports in runtime errors: newlines read up to the end of the line where the value closed. */
  line: number;
}

export interface StreamResult {
  values: ParsedValue[];
  /** A parse error (`Invalid numeric literal at line 1, column 4`) that stopped the stream. */
  error?: string;
}

type Frame = { arr: Json[] } | { obj: JObj; key?: string };

const utf8Len = (c: number) => (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);

function unescape(raw: string): string | { error: string } {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      if (c.charCodeAt(0) <= 0x1f) return { error: 'Invalid string: control characters from U+0000 through U+001F must be escaped' };
      out += c;
      continue;
    }
    if (i + 1 >= raw.length) return { error: 'Expected escape character at end of string' };
    const e = raw[++i];
    const simple: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', b: '\b', f: '\f', t: '\t', n: '\n', r: '\r' };
    if (e in simple) {
      out += simple[e];
      continue;
    }
    if (e !== 'u') return { error: 'Invalid escape' };
    if (raw.length - (i + 1) < 4) return { error: 'Invalid \\uXXXX escape' };
    const hex = raw.slice(i + 1, i + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { error: 'Invalid characters in \\uXXXX escape' };
    let cp = parseInt(hex, 16);
    i += 4;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const lo = raw.slice(i + 1, i + 7);
      const m = /^\\u([0-9a-fA-F]{4})$/.exec(lo);
      const low = m ? parseInt(m[1], 16) : -1;
      if (low < 0xdc00 || low > 0xdfff) return { error: 'Invalid \\uXXXX\\uXXXX surrogate pair escape' };
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
      i += 6;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    out += String.fromCodePoint(cp);
  }
  return out;
}

function literal(tok: string): Json | { error: string } {
  if (tok[0] === 't' || tok[0] === 'f' || (tok[0] === 'n' && tok[1] === 'u')) {
    const want = tok[0] === 't' ? 'true' : tok[0] === 'f' ? 'false' : 'null';
    if (tok !== want) return { error: 'Invalid literal' };
    return tok === 'true' ? true : tok === 'false' ? false : null;
  }
  if (/^nan$/i.test(tok)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(tok)) return { error: 'Invalid numeric literal' };
  return literalNumber(tok.replace(/^\+/, ''));
}

/** Parses whitespace-separated JSON texts the way jq's jv_parser does, stopping at the first error. */
export function parseJsonStream(text: string): StreamResult {
  const values: ParsedValue[] = [];
  const stack: Frame[] = [];
  let next: Json | undefined;
  let tok = '';
  let str: string | null = null;
  let escape = false;
  let line = 1;
  let column = 0;
  const lineAt = (i: number) => {
    const nl = text.indexOf('\n', i);
    const upto = nl < 0 ? text.length : nl + 1;
    let n = 0;
    for (let j = 0; j < upto; j++) if (text.charCodeAt(j) === 10) n++;
    return n;
  };
  const setValue = (v: Json): string | null => {
    if (next !== undefined) return 'Expected separator between values';
    next = v;
    return null;
  };
  const checkLiteral = (): string | null => {
    if (!tok) return null;
    const v = literal(tok);
    tok = '';
    if (v !== null && typeof v === 'object' && 'error' in v) return v.error;
    return setValue(v as Json);
  };
  const checkDone = (i: number) => {
    if (stack.length === 0 && next !== undefined) {
      values.push({ value: next, line: lineAt(i) });
      next = undefined;
    }
  };
  const token = (ch: string): string | null => {
    const top = stack[stack.length - 1];
    switch (ch) {
      case '[':
      case '{':
        if (next !== undefined) return 'Expected separator between values';
        stack.push(ch === '[' ? { arr: [] } : { obj: new Map() });
        return null;
      case ':':
        if (next === undefined) return "Expected string key before ':'";
        if (!top || !('obj' in top) || top.key !== undefined) return "':' not as part of an object";
        if (typeof next !== 'string') return 'Object keys must be strings';
        top.key = next;
        next = undefined;
        return null;
      case ',':
        if (next === undefined) return "Expected value before ','";
        if (!top) return "',' not as part of an object or array";
        if ('arr' in top) top.arr.push(next);
        else if (top.key !== undefined) {
          top.obj.set(top.key, next);
          top.key = undefined;
        } else return 'Objects must consist of key:value pairs';
        next = undefined;
        return null;
      case ']':
        if (!top || !('arr' in top)) return "Unmatched ']'";
        if (next !== undefined) top.arr.push(next);
        else if (top.arr.length) return 'Expected another array element';
        stack.pop();
        next = top.arr;
        return null;
      default:
        if (!top) return "Unmatched '}'";
        if (next !== undefined) {
          if (!('obj' in top) || top.key === undefined) return 'Objects must consist of key:value pairs';
          top.obj.set(top.key, next);
        } else {
          if (!('obj' in top) || top.key !== undefined) return "Unmatched '}'";
          if (top.obj.size) return 'Expected another key-value pair';
        }
        stack.pop();
        next = top.obj;
        return null;
    }
  };
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    column += utf8Len(ch.codePointAt(0)!);
    if (ch === '\n') {
      line++;
      column = 0;
    }
    let err: string | null = null;
    if (str !== null) {
      if (ch === '"' && !escape) {
        const s = unescape(str);
        str = null;
        err = typeof s === 'string' ? setValue(s) : s.error;
        if (!err) checkDone(at);
      } else {
        str += ch;
        escape = ch === '\\' && !escape;
      }
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '"' || '[{:,]}'.includes(ch)) {
      err = checkLiteral();
      if (!err) checkDone(at);
      if (!err && ch === '"') {
        str = '';
        escape = false;
      } else if (!err && ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\n') err = token(ch);
      if (!err) checkDone(at);
    } else tok += ch;
    if (err) return { values, error: `${err} at line ${line}, column ${column}` };
  }
  if (str !== null) return { values, error: `Unfinished string at EOF at line ${line}, column ${column}` };
  const err = checkLiteral();
  if (err) return { values, error: `${err} at EOF at line ${line}, column ${column}` };
  if (stack.length) return { values, error: `Unfinished JSON term at EOF at line ${line}, column ${column}` };
  checkDone(text.length);
  return { values };
}

/** One JSON text (--argjson, fromjson): the value, or jq's message. */
export function parseJsonText(text: string): { value: Json } | { error: string } {
  const r = parseJsonStream(text);
  if (r.error) return { error: r.error };
  if (r.values.length > 1) return { error: 'Unexpected extra JSON values' };
  if (!r.values.length) return { error: 'Expected JSON value' };
  return { value: r.values[0].value };
}
