import { describe, expect, it } from 'vitest';
import { itemString } from './items';
import { lexAll } from './lexer';

const pairs = (text: string, opts?: { breakOK: boolean; continueOK: boolean }) =>
  lexAll(text, opts).map((i) => [i.type, i.val]);

describe('the template lexer', () => {
  it('splits text and actions into Go items with byte positions', () => {
    const items = lexAll('hello {{.Foo | printf "%d"}} x');
    expect(items.map((i) => [i.type, i.val, i.pos])).toEqual([
      ['text', 'hello ', 0],
      ['leftDelim', '{{', 6],
      ['field', '.Foo', 8],
      ['space', ' ', 12],
      ['pipe', '|', 13],
      ['space', ' ', 14],
      ['identifier', 'printf', 15],
      ['space', ' ', 21],
      ['string', '"%d"', 22],
      ['rightDelim', '}}', 26],
      ['text', ' x', 28],
      ['eof', '', 30],
    ]);
  });

  it('counts positions in UTF-8 bytes, as Go does', () => {
    expect(lexAll('é{{.X}}').map((i) => i.pos)).toEqual([0, 2, 4, 6, 8]);
    expect(lexAll('😀{{.X}}').map((i) => i.pos)).toEqual([0, 4, 6, 8, 10]);
  });

  it('breaks a field chain into one item per field', () => {
    expect(pairs('{{.A.B $x.C (.D).E}}').slice(1, -2)).toEqual([
      ['field', '.A'],
      ['field', '.B'],
      ['space', ' '],
      ['variable', '$x'],
      ['field', '.C'],
      ['space', ' '],
      ['leftParen', '('],
      ['field', '.D'],
      ['rightParen', ')'],
      ['field', '.E'],
    ]);
  });

  it('trims the spaces around trim markers', () => {
    const items = lexAll('a  {{- .X -}}  b');
    expect(items.map((i) => [i.type, i.val, i.pos])).toEqual([
      ['text', 'a', 0],
      ['leftDelim', '{{', 3],
      ['field', '.X', 7],
      ['rightDelim', '}}', 11],
      ['text', 'b', 15],
      ['eof', '', 16],
    ]);
  });

  it('trims newlines too, and needs the space to see a marker', () => {
    expect(pairs('a\n\t{{- 1 -}}\n b')).toEqual([
      ['text', 'a'],
      ['leftDelim', '{{'],
      ['number', '1'],
      ['rightDelim', '}}'],
      ['text', 'b'],
      ['eof', ''],
    ]);
    expect(pairs('{{-3}}').slice(1, 2)).toEqual([['number', '-3']]);
  });

  it('drops comments, trimming around them when marked', () => {
    expect(pairs('a{{/* c */}}b')).toEqual([
      ['text', 'a'],
      ['text', 'b'],
      ['eof', ''],
    ]);
    expect(pairs('a {{- /* c */ -}} b')).toEqual([
      ['text', 'a'],
      ['text', 'b'],
      ['eof', ''],
    ]);
  });

  it('lexes declarations, assignments, literals and keywords', () => {
    expect(pairs(`{{$x := 1}}{{$x = 'a'}}{{if true}}{{else}}{{end}}{{nil}}{{\`raw\`}}{{1.5e3}}{{0x1F}}`)).toEqual([
      ['leftDelim', '{{'],
      ['variable', '$x'],
      ['space', ' '],
      ['declare', ':='],
      ['space', ' '],
      ['number', '1'],
      ['rightDelim', '}}'],
      ['leftDelim', '{{'],
      ['variable', '$x'],
      ['space', ' '],
      ['assign', '='],
      ['space', ' '],
      ['charConstant', "'a'"],
      ['rightDelim', '}}'],
      ['leftDelim', '{{'],
      ['if', 'if'],
      ['space', ' '],
      ['bool', 'true'],
      ['rightDelim', '}}'],
      ['leftDelim', '{{'],
      ['else', 'else'],
      ['rightDelim', '}}'],
      ['leftDelim', '{{'],
      ['end', 'end'],
      ['rightDelim', '}}'],
      ['leftDelim', '{{'],
      ['nil', 'nil'],
      ['rightDelim', '}}'],
      ['leftDelim', '{{'],
      ['rawString', '`raw`'],
      ['rightDelim', '}}'],
      ['leftDelim', '{{'],
      ['number', '1.5e3'],
      ['rightDelim', '}}'],
      ['leftDelim', '{{'],
      ['number', '0x1F'],
      ['rightDelim', '}}'],
      ['eof', ''],
    ]);
  });

  it('treats break and continue as identifiers when a function has that name', () => {
    expect(pairs('{{break}}')[1]).toEqual(['break', 'break']);
    expect(pairs('{{break}}', { breakOK: false, continueOK: true })[1]).toEqual(['identifier', 'break']);
  });

  it('tracks the line each item starts on', () => {
    const items = lexAll('a\nb{{.X}}\n{{.Y\n}}');
    expect(items.map((i) => [i.type, i.line])).toEqual([
      ['text', 1],
      ['leftDelim', 2],
      ['field', 2],
      ['rightDelim', 2],
      ['text', 2],
      ['leftDelim', 3],
      ['field', 3],
      ['space', 3],
      ['rightDelim', 4],
      ['eof', 4],
    ]);
  });

  it.each([
    ['{{"abc}}', 'unterminated quoted string'],
    ['{{`abc}}', 'unterminated raw quoted string'],
    ["{{'a}}", 'unterminated character constant'],
    ['{{.Foo!}}', "bad character U+0021 '!'"],
    ['{{.Foo}', "bad character U+007D '}'"],
    ['{{€}}', "unrecognized character in action: U+20AC '€'"],
    ['{{\u0001}}', 'unrecognized character in action: U+0001'],
    ['{{(.X}}', 'unclosed left paren'],
    ['{{.X)}}', 'unexpected right paren'],
    ['{{.X', 'unclosed action'],
    ['{{/* x }}', 'unclosed comment'],
    ['{{/* x */ y}}', 'comment ends before closing delimiter'],
    ['{{x :y}}', 'expected :='],
    ['{{3k}}', 'bad number syntax: "3k"'],
    ['{{1-2}}', 'bad number syntax: "1-2"'],
  ])('reports %s as an error item: %s', (text, message) => {
    const last = lexAll(text).at(-1)!;
    expect([last.type, last.val]).toEqual(['error', message]);
  });

  it('quotes items in errors as Go does, shortening long ones', () => {
    const item = (type: 'string' | 'eof' | 'end' | 'char', val: string) => ({ type, val, pos: 0, line: 1 });
    expect(itemString(item('eof', ''))).toBe('EOF');
    expect(itemString(item('end', 'end'))).toBe('<end>');
    expect(itemString(item('char', '}'))).toBe('"}"');
    expect(itemString(item('string', '"abcdefghijklmno"'))).toBe('"\\"abcdefghi"...');
  });
});
