// text/template's comparison functions (funcs.go eq, ne, lt, le, gt, ge) over basic kinds.
import { sprintf } from './printf';
import { NO_VALUE, compareStrings, concrete, kindOf, numberValue, typeName } from './values';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'string' ? k : 'invalid';
}

const incompatible = (a: unknown, b: unknown) =>
  new Error(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);

/** eq a b c...: a == b || a == c || ... */
export function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  const a1 = concrete(arg1);
  if (arg2.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(a1);
  for (const raw of arg2) {
    const a = concrete(raw);
    const k2 = basicKind(a);
    let truth = false;
    if (k1 !== k2) {
      if (a1 !== NO_VALUE && a !== NO_VALUE) throw incompatible(a1, a);
    } else if (k1 === 'int' || k1 === 'float') {
      truth = numberValue(a1) === numberValue(a);
    } else if (k1 === 'bool' || k1 === 'string') {
      truth = a1 === a;
    } else {
      // Neither is a basic kind: only nil, or two comparable values of one kind, compare.
      const nil1 = a1 === NO_VALUE;
      const nil2 = a === NO_VALUE;
      if (!nil1 && !nil2 && kindOf(a1) !== kindOf(a)) {
        throw new Error(sprintf('non-comparable types %s: %v, %s: %v', a1, typeName(a1), typeName(a), a));
      }
      if (nil1 || nil2) truth = nil1 === nil2;
      else if (kindOf(a) !== 'struct') throw new Error(sprintf('non-comparable type %s: %v', a, typeName(a)));
      else truth = a1 === a;
    }
    if (truth) return true;
  }
  return false;
}

export function ne(a: unknown, b: unknown): boolean {
  return !eq(a, b);
}

/** lt a b: a < b for two values of one basic kind (not bool). */
export function lt(arg1: unknown, arg2: unknown): boolean {
  const a1 = concrete(arg1);
  const k1 = basicKind(a1);
  if (k1 === 'invalid') throw new Error('invalid type for comparison');
  const a2 = concrete(arg2);
  const k2 = basicKind(a2);
  if (k2 === 'invalid') throw new Error('invalid type for comparison');
  if (k1 !== k2) throw incompatible(a1, a2);
  if (k1 === 'bool') throw new Error('invalid type for comparison');
  if (k1 === 'string') return compareStrings(a1 as string, a2 as string) < 0;
  return numberValue(a1) < numberValue(a2);
}

export function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq(a, b);
}

export function gt(a: unknown, b: unknown): boolean {
  return !le(a, b);
}

export function ge(a: unknown, b: unknown): boolean {
  return !lt(a, b);
}
