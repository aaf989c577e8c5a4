import { describe, expect, it } from 'vitest';
import { GO_MAP_ZERO, GO_TYPE, executeTemplate, goFloat, parseTemplate, type ExecuteOptions } from './index';

const render = (text: string, data?: unknown, opts?: ExecuteOptions) => executeTemplate(parseTemplate(text), data, opts);

const person = { [GO_TYPE]: 'main.Person', Name: 'Ann', Age: 31, Tags: ['a', 'b'] };

describe('executing templates', () => {
  it.each<[string, string, unknown, string]>([
    ['text only', 'plain text', {}, 'plain text'],
    ['a field', '{{.Name}}', { Name: 'web' }, 'web'],
    ['tabs between fields', '{{.ID}}\t{{.Name}}', { ID: '7fca4eb8c647', Name: 'bridge' }, '7fca4eb8c647\tbridge'],
    ['a field chain', '{{.A.B.C}}', { A: { B: { C: 'deep' } } }, 'deep'],
    ['dot itself', '{{.}}', 'hello', 'hello'],
    ['a missing map key', '{{.Missing}}', {}, '<no value>'],
    ['a chain through a missing key', '{{.A.B}}', {}, '<no value>'],
    ['a key holding null', '{{.A}}', { A: null }, '<no value>'],
    ['a struct field', '{{.Name}} is {{.Age}}', person, 'Ann is 31'],
    ['nil data', '{{.}}', undefined, '<no value>'],
    ['literals', '{{"a\\tb"}} {{`r\\n`}} {{1}} {{-2}} {{1.5}} {{true}} {{\'x\'}} {{0x10}}', {}, 'a\tb r\\n 1 -2 1.5 true 120 16'],
    ['float literals print as float64', '{{1e6}} {{0.5}} {{1.0}} {{123456789.0}} {{-0.0}}', {}, '1e+06 0.5 1 1.23456789e+08 -0'],
    ['a pipeline passes its value last', '{{"b" | printf "%s-%s" "a"}}', {}, 'a-b'],
    ['a parenthesized pipeline', '{{printf "%d" (len .L)}}', { L: [1, 2, 3] }, '3'],
    ['a field of a parenthesized value', '{{(index .M "k").Port}}', { M: { k: { Port: 80 } } }, '80'],
    ['variables', '{{$x := .A}}{{$x}}{{$x = "z"}}{{$x}}', { A: 'y' }, 'yz'],
    ['$ is the data', '{{range .L}}{{$.Sep}}{{.}}{{end}}', { L: [1, 2], Sep: '-' }, '-1-2'],
    ['a variable field', '{{$p := .}}{{$p.Name}}', person, 'Ann'],
    ['if', '{{if .A}}yes{{end}}|{{if .B}}yes{{end}}', { A: 1, B: 0 }, 'yes|'],
    ['if else', '{{if eq .State "running"}}up{{else}}down{{end}}', { State: 'exited' }, 'down'],
    ['else if', '{{if .A}}a{{else if .B}}b{{else}}c{{end}}', { B: true }, 'b'],
    ['with sets dot', '{{with .A}}{{.B}}{{end}}', { A: { B: 'in' } }, 'in'],
    ['with else with', '{{with .X}}x{{else with .Y}}y{{.}}{{else}}none{{end}}', { Y: 3 }, 'y3'],
    ['with on nothing', '{{with .X}}x{{else}}none{{end}}', {}, 'none'],
    ['range over a slice', '{{range .}}[{{.}}]{{end}}', ['a', 'b'], '[a][b]'],
    ['range with index', '{{range $i, $e := .}}{{$i}}={{$e}} {{end}}', ['a', 'b'], '0=a 1=b '],
    ['range over a map in key order', '{{range $k, $v := .}}{{$k}}={{$v}} {{end}}', { b: 1, a: 2, C: 3 }, 'C=3 a=2 b=1 '],
    ['range one variable takes the element', '{{range $v := .}}{{$v}}{{end}}', { b: 1, a: 2 }, '21'],
    ['range else when empty', '{{range .}}x{{else}}empty{{end}}', [], 'empty'],
    ['range else over nothing', '{{range .Missing}}x{{else}}none{{end}}', {}, 'none'],
    ['range over an int', '{{range 3}}{{.}}{{end}}', {}, '012'],
    ['range assigns existing variables', '{{$i := 0}}{{range $i = .}}{{end}}{{$i}}', ['p', 'q'], 'q'],
    ['break and continue', '{{range .}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}', [1, 2, 3, 4, 5], '13'],
    ['range variables end with the range', '{{range $x := .}}{{end}}{{$x := "after"}}{{$x}}', [1], 'after'],
    ['define and template', '{{define "t"}}[{{.}}]{{end}}{{template "t" .A}}{{template "t"}}', { A: 1 }, '[1][<no value>]'],
    ['block', '{{block "b" .B}}<{{.}}>{{end}}', { B: 2 }, '<2>'],
    ['a template cannot see the caller’s variables', '{{define "t"}}{{$}}{{end}}{{$x := 5}}{{template "t" "d"}}', {}, 'd'],
    ['trim markers', '{{- " a " -}}  {{/* c */}}  {{- "b"}}', {}, ' a b'],
    ['trim markers across lines', 'x\n  {{- .A -}}\n  y', { A: 1 }, 'x1y'],
    ['comments', 'a{{/* ignored */}}b', {}, 'ab'],
    ['a method without arguments', '{{.ID}}', { [GO_TYPE]: '*c', ID: () => 'abc' }, 'abc'],
    ['a method with arguments', '{{.Label "k"}}', { [GO_TYPE]: '*c', Label: (k: string) => `<${k}>` }, '<k>'],
    ['a method on a map', '{{.Upper "x"}}', { Upper: (s: string) => s.toUpperCase() }, 'X'],
    ['a method given the piped value', '{{"v" | .Label "k"}}', { Label: (a: string, b: string) => a + b }, 'kv'],
    ['a method of a class instance', '{{.Full}}', new (class {
      readonly [GO_TYPE] = 'main.T';
      Full() {
        return 'from prototype';
      }
    })(), 'from prototype'],
    ['a struct printed', '{{.}}', person, '{Ann 31 [a b]}'],
    ['a pointer struct printed by {{.}} without &', '{{.}}', { [GO_TYPE]: '*main.P', A: 1 }, '{1}'],
    ['a map printed', '{{.}}', { b: [1, 2.5, 'x', null], a: true }, 'map[a:true b:[1 2.5 x <nil>]]'],
    ['a float', '{{.F}} {{.G}}', { F: 0.1 + 0.2, G: goFloat(2) }, '0.30000000000000004 2'],
    ['a Stringer', '{{.}}', { [GO_TYPE]: 'T', String: () => 'I am T' }, 'I am T'],
  ])('%s', (_, text, data, want) => {
    expect(render(text, data)).toBe(want);
  });

  describe('missingkey', () => {
    const data = { M: { a: 'x' } };
    it('prints <no value> by default', () => {
      expect(render('{{.M.b}}', data)).toBe('<no value>');
    });
    it('gives the zero value of interface {} (still <no value>) with zero', () => {
      expect(render('{{.M.b}}', data, { missingKey: 'zero' })).toBe('<no value>');
    });
    it('gives a typed map its declared zero value with zero', () => {
      const typed = { M: { [GO_MAP_ZERO]: '', a: 'x' } };
      expect(render('[{{.M.b}}]', typed, { missingKey: 'zero' })).toBe('[]');
      expect(render('[{{index .M "b"}}]', typed)).toBe('[]');
    });
    it('fails with error', () => {
      expect(() => render('{{.M.b}}', data, { missingKey: 'error' })).toThrow(
        'template: :1:4: executing "" at <.M.b>: map has no entry for key "b"',
      );
    });
    it('still reads present keys with error', () => {
      expect(render('{{.M.a}}', data, { missingKey: 'error' })).toBe('x');
    });
  });

  it('evaluates and/or lazily, as Go 1.18+', () => {
    let calls = 0;
    const data = { [GO_TYPE]: 'T', Boom: () => (calls++, 'boom') };
    expect(render('{{and false .Boom}} {{or true .Boom}} {{or 0 .Boom}}', data)).toBe('false true boom');
    expect(calls).toBe(1);
  });

  it('binds a method to its receiver', () => {
    const recv = { [GO_TYPE]: 'T', n: 'inner', Get() { return this.n; } };
    expect(render('{{.Get}}', recv)).toBe('inner');
  });
});
