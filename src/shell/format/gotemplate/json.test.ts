import { describe, expect, it } from 'vitest';
import { GO_TYPE, goFloat, marshalJson } from './index';

describe('json.Marshal of template data', () => {
  it('writes compact JSON keeping property order', () => {
    expect(marshalJson({ b: 1, a: [true, null, 'x'], c: { d: goFloat(1.5) } })).toBe(
      '{"b":1,"a":[true,null,"x"],"c":{"d":1.5}}',
    );
  });

  it('escapes strings as Go does, HTML characters only when asked', () => {
    const s = 'q"\\\n\r\t\b\f\u0001\u2028<&>é';
    expect(marshalJson(s, { escapeHTML: false })).toBe('"q\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u2028<&>é"');
    expect(marshalJson('<&>')).toBe('"\\u003c\\u0026\\u003e"');
  });

  it('spells floats as encoding/json does', () => {
    expect(marshalJson([1e20, 1e21, 1.5e-7, 0.000001, goFloat(3), -0.5])).toBe(
      '[100000000000000000000,1e+21,1.5e-7,0.000001,3,-0.5]',
    );
  });

  it('fails on values JSON cannot hold', () => {
    expect(() => marshalJson(NaN)).toThrow('json: unsupported value: NaN');
    expect(() => marshalJson({ a: Infinity })).toThrow('json: unsupported value: +Inf');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => marshalJson(cyclic)).toThrow('encountered a cycle');
  });

  it('encodes struct fields but not methods, and honours toJSON', () => {
    expect(marshalJson({ [GO_TYPE]: 'T', A: 1, M: () => 2, U: undefined })).toBe('{"A":1}');
    expect(marshalJson({ [GO_TYPE]: 'T', toJSON: () => ({ z: 'y' }) })).toBe('{"z":"y"}');
  });
});
