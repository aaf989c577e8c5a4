// Go's reflect view of JS data: which JS values stand for which Go kinds, and their type names.
//
// JS data is untyped, so one mapping is fixed here and used by the executor, fmt and json:
//   string -> string, integral number -> int, other number (or goFloat(n)) -> float64, boolean -> bool,
//   array -> []interface {}, plain object -> map[string]interface {}, object carrying [GO_TYPE] -> a struct,
//   function -> func, null/undefined -> a nil interface.
// Elements of maps and slices have static type interface {} (GoIface), as in data decoded from JSON.

/** An object carrying `[GO_TYPE]: 'formatter.networkContext'` is a Go struct of that type; without it, a map. */
export const GO_TYPE: unique symbol = Symbol.for('cnlab.goType');

/**
 * A map may declare its element type's zero value (`[GO_MAP_ZERO]: ''` for map[string]string); `index` of a
 * missing key and missingkey=zero then yield it. Without it the element type is interface {} (zero: nil).
 */
export const GO_MAP_ZERO: unique symbol = Symbol.for('cnlab.goMapZero');

/** reflect.Value{}: "no value", what a missing map key yields under the default missingkey option. */
export const NO_VALUE: unique symbol = Symbol('cnlab.goNoValue');

/** A value held in an interface {} slot (a map or slice element); `inner` null is a nil interface. */
export class GoIface {
  constructor(readonly inner: unknown) {}
}

/** A float64 whose value happens to be integral (a plain JS 2 would be an int). */
export class GoFloat {
  constructor(readonly value: number) {}
}

export function goFloat(n: number): GoFloat {
  return new GoFloat(n);
}

export type GoKind =
  | 'invalid'
  | 'nil'
  | 'iface'
  | 'bool'
  | 'int'
  | 'float'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'func';

const INT64_LIMIT = 9223372036854775808; // 2^63

export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < INT64_LIMIT;
}

export function isStruct(v: unknown): v is Record<string | symbol, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as Record<symbol, unknown>)[GO_TYPE] === 'string';
}

export function kindOf(v: unknown): GoKind {
  if (v === NO_VALUE) return 'invalid';
  if (v === null || v === undefined) return 'nil';
  if (v instanceof GoIface) return 'iface';
  if (v instanceof GoFloat) return 'float';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return isGoInt(v) ? 'int' : 'float';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
    case 'object':
      return Array.isArray(v) ? 'slice' : isStruct(v) ? 'struct' : 'map';
    default:
      return 'invalid';
  }
}

/** reflect.Type.String() of a value's dynamic type. */
export function typeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'nil':
    case 'iface':
    case 'invalid':
      return 'interface {}';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'string':
      return 'string';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'struct':
      return String((v as Record<symbol, unknown>)[GO_TYPE]);
    case 'func':
      return 'func(...interface {}) interface {}';
  }
}

/** indirectInterface: the concrete value in an interface slot; a nil interface becomes NO_VALUE. */
export function concrete(v: unknown): unknown {
  if (v instanceof GoIface) v = v.inner;
  return v === null || v === undefined ? NO_VALUE : v;
}

/** The JS value a Go function with an interface {} parameter sees: nil for nothing. */
export function toJs(v: unknown): unknown {
  const c = concrete(v);
  return c === NO_VALUE ? null : c;
}

export function numberValue(v: unknown): number {
  return v instanceof GoFloat ? v.value : (v as number);
}

/** Go exported identifiers start with an upper-case letter. */
export function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Map entries are own enumerable string keys whose values are not functions (those are methods). */
export function mapKeys(m: object): string[] {
  return Object.keys(m)
    .filter((k) => typeof (m as Record<string, unknown>)[k] !== 'function')
    .sort(compareStrings);
}

export function mapLookup(m: object, key: string): { found: boolean; value: unknown } {
  const value = (m as Record<string, unknown>)[key];
  if (hasOwn(m, key) && typeof value !== 'function') return { found: true, value };
  return { found: false, value: undefined };
}

/** The zero value of a map's element type: its declared GO_MAP_ZERO, else a nil interface. */
export function mapZero(m: object): unknown {
  const z = (m as Record<symbol, unknown>)[GO_MAP_ZERO];
  return z === undefined ? new GoIface(null) : z;
}

/** Where a property lives on a struct: own or inherited (class getters and methods), never Object.prototype. */
function structHas(o: object, name: string): boolean {
  for (let p: object | null = o; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (hasOwn(p, name)) return true;
  }
  return false;
}

export type GoFunc = (...args: unknown[]) => unknown;

/**
 * A Go method: an exported function-valued property (own for maps, also inherited for structs).
 * Call it with the receiver as `this`.
 */
export function findMethod(recv: unknown, name: string): GoFunc | null {
  if (typeof recv !== 'object' || recv === null || Array.isArray(recv) || !isExported(name)) return null;
  const has = isStruct(recv) ? structHas(recv, name) : hasOwn(recv, name);
  const fn = has ? (recv as Record<string, unknown>)[name] : undefined;
  return typeof fn === 'function' ? (fn as GoFunc) : null;
}

/** A struct field: a non-function property. */
export function structField(s: object, name: string): { found: boolean; value: unknown } {
  if (!structHas(s, name)) return { found: false, value: undefined };
  const value = (s as Record<string, unknown>)[name];
  return typeof value === 'function' ? { found: false, value: undefined } : { found: true, value };
}

/** The fields fmt and json walk: own enumerable non-function properties, in declaration order. */
export function structFields(s: object): [string, unknown][] {
  return Object.keys(s)
    .map((k): [string, unknown] => [k, (s as Record<string, unknown>)[k]])
    .filter(([, v]) => typeof v !== 'function');
}

/** Byte-wise (UTF-8) string order, which Go uses for map keys and string comparison. */
export function compareStrings(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** Go's len(s) of a string: its UTF-8 byte count. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** isTrue: the template notion of truth (not the zero value of its type). */
export function isTrue(v: unknown): boolean {
  const c = concrete(v);
  switch (kindOf(c)) {
    case 'invalid':
      return false;
    case 'bool':
      return c as boolean;
    case 'int':
    case 'float':
      return numberValue(c) !== 0;
    case 'string':
      return (c as string).length > 0;
    case 'slice':
      return (c as unknown[]).length > 0;
    case 'map':
      return mapKeys(c as object).length > 0;
    default:
      return true; // structs and functions
  }
}
