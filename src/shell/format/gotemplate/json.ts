// Go's encoding/json Marshal of template data: compact, Go's string escaping and float spelling.
import { GoFloat, GoIface, NO_VALUE, kindOf, numberValue, structFields } from './values';

export interface MarshalOptions {
  /** json.Marshal's default; docker's `json` template function turns it off (SetEscapeHTML(false)). */
  escapeHTML: boolean;
}

/** json: unsupported value: NaN and friends, which make Marshal fail. */
export class UnsupportedValueError extends Error {}

function encodeString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || (escapeHTML && (ch === '<' || ch === '>' || ch === '&'))) {
      out += '\\u00' + c.toString(16).padStart(2, '0');
    } else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // not valid UTF-8
    else out += ch;
  }
  return out + '"';
}

/** encoding/json floatEncoder: %f, or %e outside [1e-6, 1e21), exponent without a leading zero. */
function encodeFloat(v: number): string {
  if (!Number.isFinite(v)) throw new UnsupportedValueError(`json: unsupported value: ${v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN'}`);
  return Object.is(v, -0) ? '-0' : String(v); // JS Number#toString spells floats exactly this way
}

function encode(v: unknown, opts: MarshalOptions, seen: Set<object>): string {
  if (v instanceof GoIface) v = v.inner;
  if (v === null || v === undefined || v === NO_VALUE) return 'null';
  if (typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    // json.Marshaler, in its JS spelling: the value to encode instead.
    return encode((v as { toJSON: () => unknown }).toJSON(), opts, seen);
  }
  switch (kindOf(v)) {
    case 'bool':
      return String(v);
    case 'int':
      return String(v);
    case 'float':
      return encodeFloat(v instanceof GoFloat ? numberValue(v) : (v as number));
    case 'string':
      return encodeString(v as string, opts.escapeHTML);
    case 'func':
      throw new UnsupportedValueError('json: unsupported type: func(...interface {}) interface {}');
  }
  const obj = v as object;
  if (seen.has(obj)) throw new UnsupportedValueError('json: unsupported value: encountered a cycle');
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return '[' + obj.map((e) => encode(e, opts, seen)).join(',') + ']';
    // Maps and structs alike keep property order: callers insert map keys sorted, as Go sorts them.
    const fields = structFields(obj).filter(([, value]) => value !== undefined);
    return '{' + fields.map(([k, e]) => encodeString(k, opts.escapeHTML) + ':' + encode(e, opts, seen)).join(',') + '}';
  } finally {
    seen.delete(obj);
  }
}

/** json.Marshal; throws UnsupportedValueError where Go returns an error. */
export function marshalJson(v: unknown, opts: MarshalOptions = { escapeHTML: true }): string {
  return encode(v, opts, new Set());
}
