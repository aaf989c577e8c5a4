import { describe, expect, it } from 'vitest';
import { GO_TYPE, formatGoValue, goFloat, sprint, sprintf, sprintln } from './index';

const struct = { [GO_TYPE]: 'main.T', Name: 'n', N: 3 };

describe('Go %v printing (formatGoValue)', () => {
  it.each<[string, unknown, string]>([
    ['a string as is', 'a b', 'a b'],
    ['an int', 42, '42'],
    ['a negative int', -7, '-7'],
    ['a float', 0.5, '0.5'],
    ['a float with exponent from 1e21', 1e21, '1e+21'],
    ['a float with exponent from 1e6', goFloat(1e6), '1e+06'],
    ['a float below 1e6', 123456.5, '123456.5'],
    ['a small float', 0.00001, '1e-05'],
    ['a float at 1e-4', 0.0001, '0.0001'],
    ['an integral float64', goFloat(3), '3'],
    ['infinity', Infinity, '+Inf'],
    ['minus infinity', -Infinity, '-Inf'],
    ['NaN', NaN, 'NaN'],
    ['a bool', true, 'true'],
    ['null', null, '<nil>'],
    ['undefined', undefined, '<nil>'],
    ['an array', ['a', 1, null, [true]], '[a 1 <nil> [true]]'],
    ['an empty array', [], '[]'],
    ['a map in key order', { b: 2, a: 1, B: 0 }, 'map[B:0 a:1 b:2]'],
    ['an empty map', {}, 'map[]'],
    ['a map without its methods', { a: 1, Fn: () => 1 }, 'map[a:1]'],
    ['a struct in field order', struct, '{n 3}'],
    ['a struct pointer', { [GO_TYPE]: '*main.T', A: { x: 1 } }, '&{map[x:1]}'],
    ['a Stringer', { [GO_TYPE]: 'T', String: () => 'str' }, 'str'],
    ['an error value', { [GO_TYPE]: 'T', Error: () => 'bad', String: () => 'str' }, 'bad'],
    ['a panicking Stringer', { [GO_TYPE]: 'T', String: () => { throw new Error('x'); } }, '%!v(PANIC=String method: x)'],
    ['a nested Stringer', [{ [GO_TYPE]: 'T', String: () => 's' }], '[s]'],
  ])('prints %s', (_, v, want) => {
    expect(formatGoValue(v)).toBe(want);
  });
});

describe('fmt.Sprintf', () => {
  it.each<[string, unknown[], string]>([
    ['%d|%5d|%-5d|%05d|%+d|% d', [42, 42, 42, -42, 5, 5], '42|   42|42   |-0042|+5| 5'],
    ['%x %X %#x %o %#o %O %b %#b', [255, 255, 255, 8, 8, 8, 5, 5], 'ff FF 0xff 10 010 0o10 101 0b101'],
    ['%x %#x', [-255, -255], '-ff -0xff'],
    ['%.3d|%8.3d|%.0d|%08.3d', [7, 7, 0, 7], '007|     007||     007'],
    ['%c %q %U %#U %q', [65, 65, 0x1f600, 65, 0x1f600], "A 'A' U+1F600 U+0041 'A' '😀'"],
    ['%c', [0x110000], '\uFFFD'],
    ['%s|%10s|%-10s|%.2s|%5.1s', ['abc', 'abc', 'abc', 'abc', 'abc'], 'abc|       abc|abc       |ab|    a'],
    ['%q %+q %#q %#q', ['a"b', 'é', 'abc', 'a`b'], '"a\\"b" "\\u00e9" `abc` "a`b"'],
    ['%x % x %#x %X', ['hi', 'hi', 'hi', 'é'], '6869 68 69 0x6869 C3A9'],
    ['%05s|%-05s|', ['ab', 'ab'], '000ab|ab   |'],
    ['%6s|', ['日本'], '    日本|'],
    ['%f %.2f %8.3f| %e %E %g %G', [3.14159, 3.14159, 3.14159, 1234.5678, 1234.5678, 1234.5678, 1e-7], '3.141590 3.14    3.142| 1.234568e+03 1.234568E+03 1234.5678 1E-07'],
    ['%.3g %.2g %g %g', [1234.5678, goFloat(100), 1e21, 100], '1.23e+03 1e+02 1e+21 %!g(int=100)'],
    ['%+.1f %08.3f % .2f %+08.2f', [goFloat(2), -3.14159, 1.5, 1.5], '+2.0 -003.142  1.50 +0001.50'],
    ['%.0f %.0f %.0f %.1f %.2f', [0.5, 2.5, 3.5, 0.25, 1.005], '0 2 4 0.2 1.00'],
    ['%f %5.1f|%05f', [Infinity, NaN, -Infinity], '+Inf   NaN| -Inf'],
    ['%t %v %5t|', [true, false, true], 'true false  true|'],
    ['%v %v %v %v', [1, 'a', null, [1, 'b']], '1 a <nil> [1 b]'],
    ['%+v %v', [struct, struct], '{Name:n N:3} {n 3}'],
    ['%d %s %x', [[1, 2], { a: 1 }, ['ab', 'c']], '[1 2] map[a:%!s(int=1)] [6162 63]'],
    ['%T %T %T %T %T %T %T', [1, 'x', 1.5, true, null, { a: 1 }, [1]], 'int string float64 bool <nil> map[string]interface {} []interface {}'],
    ['%T', [struct], 'main.T'],
    ['%d %s %t %z', ['foo', 1, 'x', 3], '%!d(string=foo) %!s(int=1) %!t(string=x) %!z(int=3)'],
    ['%d %f', [null, 'x'], '%!d(<nil>) %!f(string=x)'],
    ['%5z', [3], '%!z(int=    3)'],
    ['%s %s', ['a'], 'a %!s(MISSING)'],
    ['%s', ['a', 'b', 3, null], 'a%!(EXTRA string=b, int=3, <nil>)'],
    ['100%% %d%%', [5], '100% 5%'],
    ['%[2]s %[1]s %s', ['a', 'b'], 'b a b'],
    ['%[3]s', ['a'], '%!s(BADINDEX)'],
    ['%[x]s', ['a'], '%!s(BADINDEX)'],
    ['%*d|%-*d|%*d', [5, 42, 5, 42, -4, 1], '   42|42   |1   '],
    ['%*d', ['x', 42], '%!(BADWIDTH)42'],
    ['%.*f %.*f', [2, 3.14159, 'x', 1.5], '3.14 %!(BADPREC)1.500000'],
    ['abc%', [], 'abc%!(NOVERB)'],
    ['%', [1], '%!(NOVERB)%!(EXTRA int=1)'],
    ['%v', [{ [GO_TYPE]: 'T', String: () => 'S' }], 'S'],
    ['%d', [{ [GO_TYPE]: 'T', N: 1, String: () => 'S' }], '{1}'],
    ['%s', [{ [GO_TYPE]: '*T', A: 'x' }], '&{x}'],
  ])('%j', (format, args, want) => {
    expect(sprintf(format, ...args)).toBe(want);
  });
});

describe('fmt.Sprint and Sprintln', () => {
  it('puts a space between operands only when neither is a string', () => {
    expect(sprint(1, 2, 'a', 3, 'b', 'c', null, 4)).toBe('1 2a3bc<nil> 4');
  });
  it('always separates with spaces and ends with a newline in Sprintln', () => {
    expect(sprintln(1, 'a', 'b', [1])).toBe('1 a b [1]\n');
  });
});
