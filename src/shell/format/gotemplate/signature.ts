// Go function types for template funcs and methods: parameter types, arity, and what a JS function receives.
import type { GoFunc } from './values';

/**
 * Parameter types a template function may declare. 'any' is interface {}; 'value' is reflect.Value (what
 * builtins take: the raw template value, missing values included).
 */
export type GoParamType = 'any' | 'value' | 'string' | 'int' | 'bool' | '[]string';

export interface GoSignature {
  params: GoParamType[];
  /** the element type of a final ...parameter */
  variadic?: GoParamType;
}

export const GO_SIGNATURE: unique symbol = Symbol.for('cnlab.goSignature');

/** A function without a declared signature is func(...interface {}): any number of arguments of any type. */
export const UNTYPED: GoSignature = { params: [], variadic: 'any' };

/**
 * `fn` with a Go signature, so calls are checked (arity, argument types) and fail as Go's would.
 * Returns a new function (also usable as a method: `this` passes through); `fn` itself is untouched.
 */
export function goFunc(sig: GoSignature, fn: GoFunc): GoFunc {
  const typed = function (this: unknown, ...args: unknown[]) {
    return fn.apply(this, args);
  };
  return Object.assign(typed, { [GO_SIGNATURE]: sig });
}

export function signatureOf(fn: GoFunc): GoSignature {
  return (fn as GoFunc & { [GO_SIGNATURE]?: GoSignature })[GO_SIGNATURE] ?? UNTYPED;
}

/**
 * A method's signature: declared with goFunc, or else as many interface {} parameters as the JS function
 * declares, so `.ID "x"` and a bare `.Label` fail as they would on a Go method.
 */
export function methodSignatureOf(fn: GoFunc): GoSignature {
  const declared = (fn as GoFunc & { [GO_SIGNATURE]?: GoSignature })[GO_SIGNATURE];
  return declared ?? { params: Array.from({ length: fn.length }, () => 'any' as const) };
}

/** canBeNil: whether an untyped nil can be passed for this parameter type. */
export function canBeNil(t: GoParamType): boolean {
  return t === 'any' || t === 'value' || t === '[]string';
}
