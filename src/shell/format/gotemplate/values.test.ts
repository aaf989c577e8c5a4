import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GO_TYPE, GoFloat, GoIface, NO_VALUE, compareStrings, isTrue, kindOf, mapKeys, typeName } from './values';

describe('the Go view of JS values', () => {
  it.each<[string, unknown, string, string]>([
    ['a string', 's', 'string', 'string'],
    ['an integral number', 3, 'int', 'int'],
    ['a fractional number', 1.5, 'float', 'float64'],
    ['a number beyond int64', 1e19, 'float', 'float64'],
    ['a forced float', new GoFloat(2), 'float', 'float64'],
    ['a boolean', false, 'bool', 'bool'],
    ['an array', [], 'slice', '[]interface {}'],
    ['a plain object', {}, 'map', 'map[string]interface {}'],
    ['a typed object', { [GO_TYPE]: 'types.Container' }, 'struct', 'types.Container'],
    ['null', null, 'nil', 'interface {}'],
    ['an interface slot', new GoIface(1), 'iface', 'interface {}'],
    ['no value', NO_VALUE, 'invalid', 'interface {}'],
  ])('%s', (_, v, kind, name) => {
    expect([kindOf(v), typeName(v)]).toEqual([kind, name]);
  });

  it('is true unless the zero value of its type', () => {
    const truthy = [1, -0.5, 'x', [0], { a: 0 }, { [GO_TYPE]: 'T' }, true, new GoIface(1)];
    const falsy = [0, new GoFloat(0), '', [], {}, { Fn: () => 1 }, false, null, NO_VALUE, new GoIface(null)];
    expect(truthy.map(isTrue)).toEqual(truthy.map(() => true));
    expect(falsy.map(isTrue)).toEqual(falsy.map(() => false));
  });

  it('lists map keys in byte order, without methods', () => {
    expect(mapKeys({ b: 1, B: 2, a: 3, é: 4, z: 5, M: () => 0 })).toEqual(['B', 'a', 'b', 'z', 'é']);
  });

  it('orders strings as Go compares their UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(compareStrings(a, b)).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
  });
});
