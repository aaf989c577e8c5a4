import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canBackquote, quote, quoteRune, quoteToASCII, unquote } from './quote';

describe('strconv quoting', () => {
  it('quotes like strconv.Quote, escaping what is not printable', () => {
    expect(quote('a"b\\c\n\t\u0007\u007f é 😀 \u200b\u00a0')).toBe('"a\\"b\\\\c\\n\\t\\a\\x7f é 😀 \\u200b\\u00a0"');
  });
  it('quotes to ASCII', () => {
    expect(quoteToASCII('é😀')).toBe('"\\u00e9\\U0001f600"');
  });
  it('quotes runes', () => {
    expect([quoteRune(0x27), quoteRune(0x22), quoteRune(0x0a), quoteRune(0xe9, true), quoteRune(0xd800)]).toEqual([
      "'\\''",
      `'"'`,
      "'\\n'",
      "'\\u00e9'",
      "'�'",
    ]);
  });
  it('knows when a raw string can hold the text', () => {
    expect([canBackquote('a\tb'), canBackquote('a`b'), canBackquote('a\nb')]).toEqual([true, false, false]);
  });
  it('unquotes Go string literals', () => {
    expect(unquote('"a\\tb\\x41\\101\\u00e9\\U0001F600"')).toBe('a\tbAAé😀');
    expect(unquote('"\\xc3\\xa9"')).toBe('é');
    expect(unquote('`raw\\n\r`')).toBe('raw\\n');
  });
  it.each(['"\\z"', '"\\\'"', '"\\u12"', '"\\ud800"', '"\\400"', '"a', '"a\nb"'])('rejects %j', (s) => {
    expect(() => unquote(s)).toThrow('invalid syntax');
  });
});

describe('quoting invariants', () => {
  it('unquotes what it quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(unquote(quote(s))).toBe(s);
        expect(unquote(quoteToASCII(s))).toBe(s);
      }),
    );
  });
});
