import { describe, expect, it } from 'vitest';
import { ArithError, evalArith } from './arith';

describe('shell arithmetic', () => {
  const vars: Record<string, string> = { i: '4', s: 'i + 1', empty: '' };
  const ev = (e: string) => evalArith(e, (n) => vars[n] ?? '');
  it('follows C precedence with integer division and ** ', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('-7 / 2')).toBe(-3);
    expect(ev('7 % 3')).toBe(1);
    expect(ev('2 ** 3 ** 2')).toBe(512);
    expect(ev('i < 5 && i != 3')).toBe(1);
    expect(ev('!i')).toBe(0);
  });
  it('reads variables, evaluating ones that hold expressions; unset is 0', () => {
    expect(ev('i * 2')).toBe(8);
    expect(ev('s')).toBe(5);
    expect(ev('nope + 1')).toBe(1);
    expect(ev('empty')).toBe(0);
  });
  it('reports what bash reports', () => {
    expect(() => ev('1 / 0')).toThrow(new ArithError('division by 0 (error token is "0")'));
    expect(() => ev('1 +')).toThrow(ArithError);
  });
});
