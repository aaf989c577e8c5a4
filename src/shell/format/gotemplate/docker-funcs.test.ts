import { describe, expect, it } from 'vitest';
import { dockerHeaderFuncs, dockerTemplateFuncs, goTitle } from './docker-funcs';
import { executeTemplate, parseTemplate } from './index';

const render = (text: string, data: unknown = {}, funcs = dockerTemplateFuncs) =>
  executeTemplate(parseTemplate(text, { funcs }), data);

function renderError(text: string, data: unknown = {}): string {
  try {
    render(text, data);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`no error from ${text}`);
}

describe("docker's template functions", () => {
  it.each<[string, unknown, string]>([
    ['{{json .}}', { b: 1, a: 'x<y&z' }, '{"b":1,"a":"x<y&z"}'],
    ['{{json .Missing}}', {}, 'null'],
    ['{{json .L}}', { L: ['a', 1.5, false] }, '["a",1.5,false]'],
    ['{{json 1.0}}', {}, '1'],
    ['[{{json .F}}]', { F: NaN }, '[]'],
    ['{{split "a,b,c" ","}}', {}, '[a b c]'],
    ['{{split "héé" ""}}', {}, '[h é é]'],
    ['{{index (split "a:b" ":") 1}}', {}, 'b'],
    ['{{join .Names ", "}}', { Names: ['web', 'db'] }, 'web, db'],
    ['[{{join .Names ","}}]', { Names: [] }, '[]'],
    ['{{title "hello wORLD foo_bar x-y 1a"}}', {}, 'Hello WORLD Foo_bar X-Y 1a'],
    ['{{lower "ÀB İ"}} {{upper "straße ǆ"}}', {}, 'àb i STRAßE Ǆ'],
    ['{{pad "x" 2 1}}|{{pad "" 2 1}}|', {}, '  x ||'],
    ['{{truncate "abcdef" 3}} {{truncate "ab" 5}} {{truncate "ab" 2}} {{truncate "héllo" 2}}', {}, 'abc ab ab h\uFFFD'],
    ['{{.Name | upper | printf "%-6s|"}}', { Name: 'web' }, 'WEB   |'],
  ])('%s', (text, data, want) => {
    expect(render(text, data)).toBe(want);
  });

  it('title-cases digraphs with their title form', () => {
    expect(goTitle('ǆemal')).toBe('ǅemal');
  });

  it.each<[string, unknown, string]>([
    ['{{upper}}', {}, 'template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0'],
    ['{{upper 3}}', {}, 'template: :1:8: executing "" at <3>: expected string; found 3'],
    ['{{upper .N}}', { N: 3 }, 'template: :1:8: executing "" at <.N>: wrong type for value; expected string; got int'],
    ['{{join .N ","}}', { N: [1, 2] }, 'template: :1:7: executing "" at <.N>: wrong type for value; expected []string; got []interface {}'],
    ['{{join "a" ","}}', {}, 'template: :1:7: executing "" at <"a">: can\'t handle "a" for arg of type []string'],
    ['{{pad "x" 1.5 1}}', {}, 'template: :1:10: executing "" at <1.5>: expected integer; found 1.5'],
    ['{{pad "x" -1 1}}', {}, 'template: :1:2: executing "" at <pad "x" -1 1>: error calling pad: strings: negative Repeat count'],
    ['{{truncate "abc" -1}}', {}, 'template: :1:2: executing "" at <truncate "abc" -1>: error calling truncate: runtime error: slice bounds out of range [:-1]'],
    ['{{split "a"}}', {}, 'template: :1:2: executing "" at <split>: wrong number of args for split: want 2 got 1'],
  ])('%s fails as docker does', (text, data, message) => {
    expect(renderError(text, data)).toBe(message);
  });

  it('renders table headers with the identity header functions over the basic ones', () => {
    const header = { Name: 'NAME', ID: 'NETWORK ID' };
    const text = '{{upper .Name}}\t{{json .ID}}\t{{truncate .Name 2}}\t{{pad .Name 1 1}}\t{{split .ID " "}}';
    expect(render(text, header, dockerHeaderFuncs)).toBe('NAME\tNETWORK ID\tNAME\t NAME \tNETWORK ID');
  });
});
