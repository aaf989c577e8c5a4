import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFloat, type FloatFormat } from './ftoa';

describe('strconv.FormatFloat', () => {
  it.each<[number, FloatFormat, number, string]>([
    [0, 'g', -1, '0'],
    [100, 'g', -1, '100'],
    [123456, 'g', -1, '123456'],
    [1234567, 'g', -1, '1.234567e+06'],
    [1e21, 'g', -1, '1e+21'],
    [1e-7, 'g', -1, '1e-07'],
    [0.1 + 0.2, 'g', -1, '0.30000000000000004'],
    [5e-324, 'g', -1, '5e-324'],
    [1.7976931348623157e308, 'g', -1, '1.7976931348623157e+308'],
    [-0, 'g', -1, '-0'],
    [1, 'e', -1, '1e+00'],
    [1234.5678, 'f', -1, '1234.5678'],
    [-1.5, 'e', 3, '-1.500e+00'],
    [1e100, 'e', 2, '1.00e+100'],
    [0, 'e', 6, '0.000000e+00'],
    [0.5, 'f', 0, '0'],
    [1.5, 'f', 0, '2'],
    [2.5, 'f', 0, '2'],
    [0.06, 'f', 0, '0'],
    [0.06, 'f', 1, '0.1'],
    [9.995, 'f', 2, '9.99'],
    [9.9999, 'f', 2, '10.00'],
    [123.456, 'g', 4, '123.5'],
    [0.0001234, 'g', 2, '0.00012'],
    [0.00001234, 'g', 2, '1.2e-05'],
    [100, 'g', 2, '1e+02'],
    [100, 'G', 1, '1E+02'],
    [0, 'g', 3, '0'],
    [NaN, 'g', -1, 'NaN'],
    [Infinity, 'f', 2, '+Inf'],
    [-Infinity, 'e', -1, '-Inf'],
  ])('%d %s %d -> %s', (v, fmt, prec, want) => {
    expect(formatFloat(v, fmt, prec)).toBe(want);
  });
});

describe('strconv.FormatFloat invariants', () => {
  it('reads back the shortest %g as the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(formatFloat(x, 'g', -1)), x)).toBe(true);
      }),
    );
  });

  it('rounds %f to within half a unit in the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, p) => {
        const err = Math.abs(Number(formatFloat(x, 'f', p)) - x);
        expect(err).toBeLessThanOrEqual(0.5 * 10 ** -p + Math.abs(x) * 1e-15);
      }),
    );
  });
});
