import { describe, expect, it } from 'vitest';
import { nodeString } from './ast';
import { parseTemplate, TemplateError } from './index';

const funcs = { upper: (s: unknown) => String(s).toUpperCase() };

function parseError(text: string): string {
  try {
    parseTemplate(text, { funcs });
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error(`parsed without error: ${text}`);
}

const rootText = (text: string) => nodeString(parseTemplate(text, { funcs }).trees.get('')!.root);

describe('the template parser', () => {
  it('echoes a parsed template as Go prints its tree', () => {
    expect(rootText('a{{.A.B}} {{$x := .C | printf "%s" (len .D)}}{{$x}}')).toBe(
      'a{{.A.B}} {{$x := .C | printf "%s" (len .D)}}{{$x}}',
    );
    expect(rootText('{{ ( index . "k" ).Port }}')).toBe('{{(index . "k").Port}}');
  });

  it('accepts a pipeline ending in |, as Go does', () => {
    expect(rootText('{{.X | }}')).toBe('{{.X}}');
  });

  it('turns else-if chains into nested ifs', () => {
    expect(rootText('{{if .A}}x{{else if .B}}y{{else}}z{{end}}')).toBe(
      '{{if .A}}x{{else}}{{if .B}}y{{else}}z{{end}}{{end}}',
    );
    expect(rootText('{{with .A}}x{{else with .B}}y{{end}}')).toBe('{{with .A}}x{{else}}{{with .B}}y{{end}}{{end}}');
  });

  it('collects define and block templates by name', () => {
    const t = parseTemplate('{{define "a"}}A{{.}}{{end}}x{{block "b" .}}B{{end}}');
    expect([...t.trees.keys()].sort()).toEqual(['', 'a', 'b']);
    expect(nodeString(t.trees.get('a')!.root)).toBe('A{{.}}');
    expect(nodeString(t.trees.get('')!.root)).toBe('x{{template "b" .}}');
  });

  it('lets a later empty definition leave an earlier one alone', () => {
    const t = parseTemplate('{{define "a"}}A{{end}}{{define "a"}} {{end}}');
    expect(nodeString(t.trees.get('a')!.root)).toBe('A');
  });

  it('uses the template name in errors', () => {
    expect(() => parseTemplate('{{foo}}', { name: 'ps' })).toThrow('template: ps:1: function "foo" not defined');
  });

  it.each([
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{index .Ports "x"}', 'template: :1: unexpected "}" in operand'],
    ['{{.Foo}', "template: :1: bad character U+007D '}'"],
    ['{{.Foo', 'template: :1: unclosed action'],
    ['{{.Foo\n\n', 'template: :3: unclosed action started at :1'],
    ['{{"a" |\n"b"', 'template: :2: unclosed action started at :1'],
    ['{{"a" |\n"b', 'template: :2: unterminated quoted string in action started at :1'],
    ['{{if .X}}foo', 'template: :1: unexpected EOF'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{with $x := 1}}{{end}}{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{if}}{{end}}', 'template: :1: missing value for if'],
    ['{{.X | 3}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{.X | | .Y}}', 'template: :1: unexpected "|" in command'],
    ['{{"x".Foo}}', 'template: :1: unexpected . after term "\\"x\\""'],
    ['{{nil.X}}', 'template: :1: unexpected . after term "nil"'],
    ['{{range $i, $j, $k := .}}{{end}}', 'template: :1: too many declarations in range'],
    ['{{range $i, 3}}{{end}}', 'template: :1: range can only initialize variables'],
    ['{{$a, $b := 1}}', 'template: :1: too many declarations in command'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{continue}}', 'template: :1: {{continue}} outside {{range}}'],
    ['{{range .}}{{break 1}}{{end}}', 'template: :1: unexpected "1" in {{break}}'],
    ['{{range .}}{{else}}{{break}}{{end}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{if .X}}{{else}}{{else}}{{end}}', 'template: :1: expected end; found {{else}}'],
    ['{{range .X}}{{else if .Y}}{{end}}', 'template: :1: unexpected <if> in input'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: :1: template: multiple definition of template "a"'],
    ['{{define "x" "abcdefghijklmno"}}', 'template: :1: unexpected "\\"abcdefghi"... in define clause'],
    ['{{define 3}}{{end}}', 'template: :1: unexpected "3" in define clause'],
    ['{{define "x"}}', 'template: :1: unexpected EOF'],
    ['{{template .X}}', 'template: :1: unexpected ".X" in template clause'],
    ['{{block "b"}}{{end}}', 'template: :1: missing value for block clause'],
    ['{{"\\z"}}', 'template: :1: invalid syntax'],
    ["{{'ab'}}", "template: :1: malformed character constant: 'ab'"],
    ['{{99999999999999999999}}', 'template: :1: integer overflow: "99999999999999999999"'],
    ['{{0x}}', 'template: :1: illegal number syntax: "0x"'],
    ['{{1.2.3}}', 'template: :1: unexpected ".3" in operand'],
    ['{{(.X}}', 'template: :1: unclosed left paren'],
    ['{{.X)}}', 'template: :1: unexpected right paren'],
    ['{{.', 'template: :1: illegal number syntax: "."'],
    ['a\nb\n{{.X | upper | 1}}', 'template: :3: non executable command in pipeline stage 3'],
  ])('rejects %j: %s', (text, message) => {
    expect(parseError(text)).toBe(message);
  });

  it('accepts break and continue as function names, not keywords, when defined', () => {
    const t = parseTemplate('{{break}}', { funcs: { break: () => 'b' } });
    expect(nodeString(t.trees.get('')!.root)).toBe('{{break}}');
    expect(t.trees.get('')!.root.nodes[0].kind).toBe('action');
  });

  it('positions a field chain at its last field, as Go reports it', () => {
    const action = parseTemplate('{{ .NetworkSettings.IPAddress }}').trees.get('')!.root.nodes[0];
    expect(action.kind === 'action' && action.pipe.cmds[0].args[0].pos).toBe(19);
  });
});
