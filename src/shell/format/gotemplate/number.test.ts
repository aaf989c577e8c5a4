import { describe, expect, it } from 'vitest';
import { newNumber } from './number';

const num = (text: string, type: 'number' | 'charConstant' = 'number') => {
  const n = newNumber(0, text, type);
  return { isInt: n.isInt, isUint: n.isUint, isFloat: n.isFloat, int: n.int, float: n.float };
};

describe('template number constants', () => {
  it.each<[string, { isInt: boolean; isUint: boolean; isFloat: boolean; int: number; float: number }]>([
    ['42', { isInt: true, isUint: true, isFloat: true, int: 42, float: 42 }],
    ['-7', { isInt: true, isUint: false, isFloat: true, int: -7, float: -7 }],
    ['0x1F', { isInt: true, isUint: true, isFloat: true, int: 31, float: 31 }],
    ['0o17', { isInt: true, isUint: true, isFloat: true, int: 15, float: 15 }],
    ['017', { isInt: true, isUint: true, isFloat: true, int: 15, float: 15 }],
    ['0b101', { isInt: true, isUint: true, isFloat: true, int: 5, float: 5 }],
    ['1_000', { isInt: true, isUint: true, isFloat: true, int: 1000, float: 1000 }],
    ['1.5', { isInt: false, isUint: false, isFloat: true, int: 0, float: 1.5 }],
    ['2.0', { isInt: true, isUint: true, isFloat: true, int: 2, float: 2 }],
    ['1e3', { isInt: true, isUint: true, isFloat: true, int: 1000, float: 1000 }],
    ['.5', { isInt: false, isUint: false, isFloat: true, int: 0, float: 0.5 }],
    ['0x1p-2', { isInt: false, isUint: false, isFloat: true, int: 0, float: 0.25 }],
    ['18446744073709551615', { isInt: false, isUint: true, isFloat: true, int: 0, float: 2 ** 64 }],
  ])('%s', (text, want) => {
    expect(num(text)).toEqual(want);
  });

  it('reads character constants as their code point', () => {
    expect(num("'a'", 'charConstant').int).toBe(97);
    expect(num("'\\n'", 'charConstant').int).toBe(10);
    expect(num("'é'", 'charConstant').int).toBe(0xe9);
  });

  it.each([
    ['089', 'integer overflow: "089"'], // Go's own wording: ParseFloat reads it, so it "overflowed"
    ['1__0', 'illegal number syntax: "1__0"'],
    ['99999999999999999999', 'integer overflow: "99999999999999999999"'],
    ['1e400', 'illegal number syntax: "1e400"'],
    ['0x1.8', 'illegal number syntax: "0x1.8"'],
  ])('rejects %s: %s', (text, message) => {
    expect(() => newNumber(0, text, 'number')).toThrow(message);
  });
});
