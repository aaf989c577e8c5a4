import { describe, expect, it } from 'vitest';
import { GO_TYPE, executeTemplate, goFunc, parseTemplate } from './index';

const render = (text: string, data: unknown = {}) => executeTemplate(parseTemplate(text), data);

function callError(text: string, data: unknown = {}): string {
  try {
    render(text, data);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`no error from ${text}`);
}

const data = {
  L: [1, 2, 3],
  S: ['x', 'y'],
  M: { a: { b: [10, { c: 'deep' }] }, k: 'v' },
  Str: 'héllo',
  Empty: {},
  Nil: null,
};

describe('the builtin functions', () => {
  it.each<[string, string]>([
    ['{{and 1 2}} {{and 0 2}} {{and 1 ""}}', '2 0 '],
    ['{{or 0 ""}}|{{or 0 "x" 3}}|{{or .Nil .Str}}', '|x|héllo'],
    ['{{not 0}} {{not 1}} {{not ""}} {{not .Empty}} {{not .L}} {{not .Missing}}', 'true false true true false true'],
    ['{{len .L}} {{len .M}} {{len .Str}} {{len "日本"}} {{len .Empty}}', '3 2 6 6 0'],
    ['{{index .L 0}} {{index .M "k"}} {{index .M "a" "b" 1 "c"}}', '1 v deep'],
    ['{{index .M "nope"}}|{{index .L}}', '<no value>|[1 2 3]'],
    ['{{index "abc" 1}}', '98'],
    ['{{slice .L 1}} {{slice .L 1 2}} {{slice .L}} {{slice .L 0 1 2}}', '[2 3] [2] [1 2 3] [1]'],
    ['{{slice "hello" 1 3}} {{slice .Str 1 3}} {{slice .Str 3}}', 'el é llo'],
    ['{{eq 1 1}} {{eq "a" "b"}} {{eq .Str "x" "héllo"}} {{eq 1.5 1.5}} {{eq true true}}', 'true false true true true'],
    ['{{eq .Missing nil}} {{eq .Missing "x"}} {{eq .Nil .Missing}}', 'true false true'],
    ['{{ne 1 2}} {{lt 1 2}} {{lt "b" "a"}} {{le 2 2}} {{gt 2.5 1.5}} {{ge 1 2}}', 'true true false true true false'],
    ['{{lt "Z" "a"}} {{lt "é" "z"}}', 'true false'],
    ['{{print 1 2 "a" 3 "b" "c"}}|{{print}}|{{print .Missing}}|{{print .L}}', '1 2a3bc||<nil>|[1 2 3]'],
    ['{{println 1 "a"}}', '1 a\n'],
    ['{{printf "%d-%s" 1 "x"}}', '1-x'],
    ['{{html "<a href=\'x\'>&\\"</a>"}}', '&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;'],
    ['{{html .Missing}} {{html 1 "a" 2}}', '&lt;no value&gt; 1a2'],
    ['{{js "a\'b\\"c\\\\<>&=\\n\\u00a0é"}}', "a\\'b\\\"c\\\\\\u003C\\u003E\\u0026\\u003D\\u000A\\u00A0é"],
    ['{{urlquery "a b&c=d/é~"}}', 'a+b%26c%3Dd%2F%C3%A9~'],
  ])('%s', (text, want) => {
    expect(render(text, data)).toBe(want);
  });

  it('calls a function value with call', () => {
    const d = { [GO_TYPE]: 'T', Adder: () => (a: number, b: number) => a + b };
    expect(render('{{call .Adder 2 3}}', d)).toBe('5');
    const typed = { [GO_TYPE]: 'T', Adder: () => goFunc({ params: ['int', 'int'] }, (a, b) => (a as number) + (b as number)) };
    expect(callError('{{call .Adder 2}}', typed)).toBe(
      'template: :1:2: executing "" at <call .Adder 2>: error calling call: wrong number of args for .Adder: got 1 want 2',
    );
    expect(callError('{{call .Adder 2 "x"}}', typed)).toBe(
      'template: :1:2: executing "" at <call .Adder 2 "x">: error calling call: arg 1: value has type string; should be int',
    );
  });

  it.each<[string, string]>([
    ['{{index .L 5}}', 'error calling index: index out of range: 5'],
    ['{{index .L 3}}', 'error calling index: reflect: slice index out of range'],
    ['{{index "abc" 3}}', 'error calling index: reflect: string index out of range'],
    ['{{index .L "x"}}', 'error calling index: cannot index slice/array with type string'],
    ['{{index .M 1}}', 'error calling index: value has type int; should be string'],
    ['{{index .M nil}}', 'error calling index: value is nil; should be of type string'],
    ['{{index nil 1}}', 'error calling index: index of untyped nil'],
    ['{{index .Nil 1}}', 'error calling index: index of untyped nil'],
    ['{{index .M "z" "y"}}', 'error calling index: index of nil pointer'],
    ['{{index 3 1}}', "error calling index: can't index item of type int"],
    ['{{slice .L 2 1}}', 'error calling slice: invalid slice index: 2 > 1'],
    ['{{slice .L 1 2 3 4}}', 'error calling slice: too many slice indexes: 4'],
    ['{{slice "abc" 1 2 3}}', 'error calling slice: cannot 3-index slice a string'],
    ['{{slice 3 1}}', "error calling slice: can't slice item of type int"],
    ['{{slice .L .Str}}', 'error calling slice: cannot index slice/array with type interface {}'],
    ['{{len .Missing}}', 'error calling len: reflect: call of reflect.Value.Type on zero Value'],
    ['{{len .Nil}}', 'error calling len: len of nil pointer'],
    ['{{eq .L}}', 'error calling eq: missing argument for comparison'],
    ['{{eq 1 1.0}}', 'error calling eq: incompatible types for comparison: int and float64'],
    ['{{eq 1 "1"}}', 'error calling eq: incompatible types for comparison: int and string'],
    // Go formats these with %s, which reaches into the elements.
    ['{{eq .L .L}}', 'error calling eq: non-comparable type [%!s(int=1) %!s(int=2) %!s(int=3)]: []interface {}'],
    ['{{eq .M.a .S}}', 'error calling eq: non-comparable types map[b:[%!s(int=10) map[c:deep]]]: map[string]interface {}, []interface {}: [x y]'],
    ['{{lt true false}}', 'error calling lt: invalid type for comparison'],
    ['{{lt .L 1}}', 'error calling lt: invalid type for comparison'],
    ['{{lt 1 "a"}}', 'error calling lt: incompatible types for comparison: int and string'],
    ['{{ge 1 1.5}}', 'error calling ge: incompatible types for comparison: int and float64'],
    ['{{call .Missing}}', 'error calling call: call of nil'],
    ['{{call .Str}}', 'error calling call: non-function .Str of type string'],
  ])('%s fails: %s', (text, tail) => {
    expect(callError(text, data)).toMatch(/^template: :1:2: executing "" at <.*>: /);
    expect(callError(text, data).replace(/^template: :1:2: executing "" at <.*?>: /, '')).toBe(tail);
  });
});
