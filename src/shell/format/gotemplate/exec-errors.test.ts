import { describe, expect, it } from 'vitest';
import { GO_TYPE, TemplateError, executeTemplate, goFunc, parseTemplate, type ExecuteOptions } from './index';

function execError(text: string, data: unknown, opts?: ExecuteOptions): TemplateError {
  try {
    executeTemplate(parseTemplate(text), data, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error(`executed without error: ${text}`);
}

const ctx = { [GO_TYPE]: 'formatter.networkContext', ID: () => 'abc', Fail: () => { throw new Error('boom'); } };

describe('execution errors, worded and positioned as Go', () => {
  it.each<[string, unknown, string]>([
    ['{{.Foo}}', ctx, 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type formatter.networkContext'],
    ['{{.A.B}}', { A: null }, 'template: :1:4: executing "" at <.A.B>: nil pointer evaluating interface {}.B'],
    ['{{.Name.First}}', { Name: 'x' }, 'template: :1:7: executing "" at <.Name.First>: can\'t evaluate field First in type interface {}'],
    ['{{$n := .Name}}{{$n.First}}', { Name: 'x' }, 'template: :1:19: executing "" at <$n.First>: can\'t evaluate field First in type string'],
    ['{{range .}}{{.X}}{{end}}', [1], 'template: :1:13: executing "" at <.X>: can\'t evaluate field X in type interface {}'],
    // Go reports a chain's field error at the last node evaluated inside the parentheses.
    ['{{(1).X}}', {}, 'template: :1:3: executing "" at <1>: can\'t evaluate field X in type int'],
    ['{{.Fail}}', ctx, 'template: :1:2: executing "" at <.Fail>: error calling Fail: boom'],
    ['{{.ID "x"}}', ctx, 'template: :1:2: executing "" at <.ID>: wrong number of args for ID: want 0 got 1'],
    ['{{.Label}}', { Label: (k: string) => k }, 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0'],
    ['{{.ID 1}}', { [GO_TYPE]: 'T', ID: 'x' }, 'template: :1:2: executing "" at <.ID>: ID has arguments but cannot be invoked as function'],
    ['{{.K 1}}', { K: 'x' }, 'template: :1:2: executing "" at <.K>: K is not a method but has arguments'],
    ['{{"x" | .K}}', {}, 'template: :1:8: executing "" at <.K>: K is not a method but has arguments'],
    ['{{"x" | $}}', {}, 'template: :1:8: executing "" at <$>: can\'t give argument to non-function $'],
    ['{{1 2}}', {}, 'template: :1:2: executing "" at <1>: can\'t give argument to non-function 1'],
    ['{{nil}}', {}, 'template: :1:2: executing "" at <nil>: nil is not a command'],
    ['{{.priv}}', { [GO_TYPE]: 'T', priv: 1 }, 'template: :1:2: executing "" at <.priv>: priv is an unexported field of struct type T'],
    ['{{template "nope"}}', {}, 'template: :1:11: executing "" at <{{template "nope"}}>: template "nope" not defined'],
    ['{{range 5.5}}{{end}}', {}, 'template: :1:8: executing "" at <5.5>: range can\'t iterate over 5.5'],
    ['{{range .}}{{end}}', { [GO_TYPE]: 'T', A: 1 }, 'template: :1:8: executing "" at <.>: range can\'t iterate over {1}'],
    ['{{range $i, $e := 3}}{{end}}', {}, 'template: :1:18: executing "" at <3>: can\'t use 3 to iterate over more than one variable'],
    ['{{len 1 2}}', {}, 'template: :1:2: executing "" at <len>: wrong number of args for len: want 1 got 2'],
    ['{{1 | len 2}}', {}, 'template: :1:6: executing "" at <len>: wrong number of args for len: want 1 got 2'],
    ['{{and}}', {}, 'template: :1:2: executing "" at <and>: wrong number of args for and: want at least 1 got 0'],
    ['{{printf}}', {}, 'template: :1:2: executing "" at <printf>: wrong number of args for printf: want at least 1 got 0'],
    ['{{printf 3}}', {}, 'template: :1:9: executing "" at <3>: expected string; found 3'],
    ['{{printf .N}}', { N: 3 }, 'template: :1:9: executing "" at <.N>: wrong type for value; expected string; got int'],
    ['{{printf .N}}', {}, 'template: :1:9: executing "" at <.N>: invalid value; expected string'],
    ['{{printf nil}}', {}, 'template: :1:9: executing "" at <nil>: cannot assign nil to string'],
    ['{{len 3}}', {}, 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
    ['{{.M | index 1}}', { M: {} }, 'template: :1:7: executing "" at <index 1>: error calling index: can\'t index item of type int'],
    ['{{define "t"}}{{.Q}}{{end}}{{template "t" .}}', { [GO_TYPE]: 'T' }, 'template: :1:16: executing "t" at <.Q>: can\'t evaluate field Q in type T'],
    ['line1\n  {{.Foo}}', ctx, 'template: :2:4: executing "" at <.Foo>: can\'t evaluate field Foo in type formatter.networkContext'],
    ['é{{.Foo}}', ctx, 'template: :1:4: executing "" at <.Foo>: can\'t evaluate field Foo in type formatter.networkContext'],
    ['{{define "r"}}{{template "r"}}{{end}}{{template "r"}}', {}, 'template: :1:25: executing "r" at <{{template "r"}}>: exceeded maximum template depth (1000)'],
    ['{{index . "f"}}', { [GO_TYPE]: 'T', Get: () => () => 1 }, 'template: :1:2: executing "" at <index . "f">: error calling index: can\'t index item of type T'],
    ['{{.Get}}', { [GO_TYPE]: 'T', Get: () => () => 1 }, 'template: :1:2: executing "" at <{{.Get}}>: can\'t print {{.Get}} of type func(...interface {}) interface {}'],
  ])('%j', (text, data, message) => {
    expect(execError(text, data).message).toBe(message);
  });

  it.each<[string, unknown, string]>([
    ['{{.NetworkSettings.IPAddress}}', { NetworkSettings: {} }, 'template: :1:18: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"'],
    ['{{ .NetworkSettings.IPAddress }}', { NetworkSettings: {} }, 'template: :1:19: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"'],
    ['{{.A.B}}', {}, 'template: :1:4: executing "" at <.A.B>: map has no entry for key "A"'],
    ['{{.X}}', null, 'template: :1:2: executing "" at <.X>: nil data; no entry for key "X"'],
  ])('with missingkey=error: %j', (text, data, message) => {
    expect(execError(text, data, { missingKey: 'error' }).message).toBe(message);
  });

  it('lets a method declare a variadic signature', () => {
    const d = { Join: goFunc({ params: [], variadic: 'string' }, (...a) => a.join('+')) };
    expect(executeTemplate(parseTemplate('{{.Join "a" "b" "c"}}'), d)).toBe('a+b+c');
    expect(execError('{{.Join "a" 1}}', d).message).toBe(
      'template: :1:12: executing "" at <1>: expected string; found 1',
    );
  });

  it('keeps the output written before the error', () => {
    expect(execError('a{{.X}}b{{.Y.Z}}c', { X: 1, Y: null }).partial).toBe('a1b');
  });

  it('frames errors before any node with the bare template name', () => {
    const t = parseTemplate('x', { name: 'n' });
    const broken = { ...t, name: 'other' };
    expect(() => executeTemplate(broken, {})).toThrow('template: other: "other" is an incomplete or empty template');
  });
});
