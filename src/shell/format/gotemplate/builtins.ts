// text/template's predefined functions (text/template/funcs.go): index, slice, len, not, print*, comparisons...
import { sprint, sprintf, sprintln } from './printf';
import { goFunc, signatureOf, type GoParamType, type GoSignature } from './signature';
import {
  GO_MAP_ZERO,
  GoIface,
  NO_VALUE,
  byteLength,
  concrete,
  isTrue,
  kindOf,
  mapKeys,
  mapLookup,
  mapZero,
  typeName,
  type GoFunc,
} from './values';
import { eq, ge, gt, le, lt, ne } from './compare';
import { htmlEscaper, jsEscaper, urlQueryEscaper } from './escapers';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** indexArg: an index for a slice, array or string of length cap. */
function indexArg(index: unknown, cap: number): number {
  if (index === NO_VALUE) throw new Error('cannot index slice/array with nil');
  if (kindOf(index) !== 'int') throw new Error(`cannot index slice/array with type ${typeName(index)}`);
  const x = index as number;
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

/** index x 1 2: x[1][2] over maps, slices and strings. */
function index(item: unknown, ...indexes: unknown[]): unknown {
  item = concrete(item);
  if (item === NO_VALUE) throw new Error('index of untyped nil');
  for (const raw of indexes) {
    const idx = concrete(raw);
    if (item instanceof GoIface) item = item.inner;
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    const kind = kindOf(item);
    if (kind === 'slice' || kind === 'string') {
      const bytes = kind === 'string' ? utf8(item as string) : null;
      const len = bytes ? bytes.length : (item as unknown[]).length;
      const x = indexArg(idx, len);
      if (x === len) throw new Error(`reflect: ${kind} index out of range`);
      item = bytes ? bytes[x] : new GoIface((item as unknown[])[x]);
    } else if (kind === 'map') {
      if (idx === NO_VALUE) throw new Error('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new Error(`value has type ${typeName(idx)}; should be string`);
      const m = item as object;
      const hit = mapLookup(m, idx);
      const typed = (m as Record<symbol, unknown>)[GO_MAP_ZERO] !== undefined;
      item = hit.found ? (typed ? hit.value : new GoIface(hit.value)) : mapZero(m);
    } else {
      throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

/** slice x 1 2: x[1:2] of a string (by bytes) or slice. */
function slice(item: unknown, ...indexes: unknown[]): unknown {
  item = concrete(item);
  if (item === NO_VALUE) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const kind = kindOf(item);
  if (kind === 'string' && indexes.length === 3) throw new Error('cannot 3-index slice a string');
  if (kind !== 'string' && kind !== 'slice') throw new Error(`can't slice item of type ${typeName(item)}`);
  const bytes = kind === 'string' ? utf8(item as string) : null;
  const len = bytes ? bytes.length : (item as unknown[]).length;
  const idx = [0, len, len];
  indexes.forEach((ix, i) => (idx[i] = indexArg(ix, len)));
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes) return new TextDecoder().decode(bytes.slice(idx[0], idx[1]));
  return (item as unknown[]).slice(idx[0], idx[1]);
}

/** len: bytes of a string, elements of a slice or map. */
function length(item: unknown): number {
  if (item instanceof GoIface || item === null || item === undefined) {
    const inner = item instanceof GoIface ? item.inner : null;
    if (inner === null || inner === undefined) throw new Error('len of nil pointer');
    item = inner;
  }
  // Go's own message: len's error path asks a missing value for its type.
  if (item === NO_VALUE) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  switch (kindOf(item)) {
    case 'string':
      return byteLength(item as string);
    case 'slice':
      return (item as unknown[]).length;
    case 'map':
      return mapKeys(item as object).length;
  }
  throw new Error(`len of type ${typeName(item)}`);
}

/** prepareArg for `call`: an argument for a parameter of type t. */
function prepareArg(v: unknown, t: GoParamType, i: number): unknown {
  const c = concrete(v);
  if (t === 'any' || t === 'value') return c === NO_VALUE ? null : c;
  if (c === NO_VALUE) {
    if (t === '[]string') return null;
    throw new Error(`arg ${i}: value is nil; should be of type ${t}`);
  }
  const ok =
    (t === 'string' && typeof c === 'string') ||
    (t === 'int' && kindOf(c) === 'int') ||
    (t === 'bool' && typeof c === 'boolean') ||
    (t === '[]string' && Array.isArray(c) && c.every((e) => typeof e === 'string'));
  if (!ok) throw new Error(`arg ${i}: value has type ${typeName(c)}; should be ${t}`);
  return c;
}

/** call fn args...: the caller passes the source text of fn's argument as `name`. */
function call(name: string, fn: unknown, ...args: unknown[]): unknown {
  fn = concrete(fn);
  if (fn === NO_VALUE) throw new Error('call of nil');
  if (typeof fn !== 'function') throw new Error(`non-function ${name} of type ${typeName(fn)}`);
  const sig = signatureOf(fn as GoFunc);
  const n = sig.params.length;
  if (sig.variadic && args.length < n) {
    throw new Error(`wrong number of args for ${name}: got ${args.length} want at least ${n}`);
  }
  if (!sig.variadic && args.length !== n) throw new Error(`wrong number of args for ${name}: got ${args.length} want ${n}`);
  const argv = args.map((a, i) => prepareArg(a, i < n ? sig.params[i] : sig.variadic!, i));
  return (fn as GoFunc)(...argv);
}

const V: GoSignature = { params: ['value'] };
const VV: GoSignature = { params: ['value', 'value'] };
const V_VARIADIC: GoSignature = { params: ['value'], variadic: 'value' };
const ANY_VARIADIC: GoSignature = { params: [], variadic: 'any' };

/** The builtins by name. `and`, `or` and `call` are special-cased by the executor, as in Go's evalCall. */
export const BUILTINS: Record<string, GoFunc> = {
  and: goFunc(V_VARIADIC, () => undefined),
  or: goFunc(V_VARIADIC, () => undefined),
  call: goFunc(V_VARIADIC, call as GoFunc),
  html: goFunc(ANY_VARIADIC, htmlEscaper),
  index: goFunc(V_VARIADIC, index),
  slice: goFunc(V_VARIADIC, slice),
  js: goFunc(ANY_VARIADIC, jsEscaper),
  len: goFunc(V, length),
  not: goFunc(V, (a) => !isTrue(a)),
  print: goFunc(ANY_VARIADIC, sprint),
  printf: goFunc({ params: ['string'], variadic: 'any' }, sprintf as GoFunc),
  println: goFunc(ANY_VARIADIC, sprintln),
  urlquery: goFunc(ANY_VARIADIC, urlQueryEscaper),
  eq: goFunc(V_VARIADIC, eq as GoFunc),
  ge: goFunc(VV, ge as GoFunc),
  gt: goFunc(VV, gt as GoFunc),
  le: goFunc(VV, le as GoFunc),
  lt: goFunc(VV, lt as GoFunc),
  ne: goFunc(VV, ne as GoFunc),
};

export function isBuiltin(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name);
}
