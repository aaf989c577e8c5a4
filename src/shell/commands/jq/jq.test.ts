// Tests for jq: paths, operators, builtins, output format and colours, options, and its error messages and exit codes.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../types';
import { jq } from './index';

/** Runs jq with piped stdout (no colour unless -C); expectations were checked against Debian's jq 1.7.1 binary. */
async function run(args: string[], stdin: string | null = 'null', tty = false) {
  let out = '';
  let err = '';
  const ctx = { argv: ['jq', ...args], stdin, out: (t: string) => (out += t), err: (t: string) => (err += t), stdoutNotTty: !tty, env: { vars: {} } } as unknown as CommandContext;
  const rc = await jq.run(ctx);
  return { out, err, rc };
}
const q = async (prog: string, input: string | null = 'null', ...opts: string[]) => (await run(['-c', ...opts, prog], input)).out;

const NET = '[{"Name":"app","IPAM":{"Config":[{"Subnet":"10.10.0.0/24"}]},"Containers":{"x":{"Name":"web","IPv4Address":"10.10.0.2/24"},"y":{"Name":"db","IPv4Address":"10.10.0.3/24"}}}]';

describe('jq paths and construction', () => {
  it('indexes, slices and iterates', async () => {
    expect(await q('.a.b[1], .a.b[-1], .a.b[1:], .a.b[:-1], ."a".b[]', '{"a":{"b":[1,2,3]}}')).toBe('2\n3\n[2,3]\n[1,2]\n1\n2\n3\n');
    expect(await q('.a?, .[]?, [..]', '[1,[2]]')).toBe('1\n[2]\n[[1,[2]],1,[2],2]\n');
    expect(await q('.["a"], .a.b.c', '{"a":null}')).toBe('null\nnull\n');
  });
  it('runs the tutorial pipelines', async () => {
    expect(await q('.[0].IPAM.Config', NET)).toBe('[{"Subnet":"10.10.0.0/24"}]\n');
    expect((await run(['-r', '.[0].Containers | to_entries[] | "\\(.value.Name) \\(.value.IPv4Address)"'], NET)).out).toBe('web 10.10.0.2/24\ndb 10.10.0.3/24\n');
    expect((await run(['-r', '.[0].Containers | keys[]'], NET)).out).toBe('x\ny\n');
    expect((await run(['-r', 'select(.Driver=="bridge") | .Name'], '{"Name":"bridge","Driver":"bridge"}\n{"Name":"host","Driver":"host"}\n')).out).toBe('bridge\n');
  });
  it('builds arrays and objects', async () => {
    expect(await q('{a: .x, b, "c": 1, (.k): .v, $__loc__}', '{"x":1,"b":2,"k":"kk","v":3}')).toBe('{"a":1,"b":2,"c":1,"kk":3,"__loc__":{"file":"<top-level>","line":1}}\n');
    expect(await q('{a: (1,2)}')).toBe('{"a":1}\n{"a":2}\n');
    expect(await q('[.[] | . * 2]', '[1,2]')).toBe('[2,4]\n');
  });
});

describe('jq operators', () => {
  it('adds, subtracts, multiplies, divides as jq does', async () => {
    expect(await q('null + 1, [1,2] - [2], {"a":1} + {"b":2}, {"a":{"b":1}} * {"a":{"c":2}}, "ab" * 3, "a,b" / ",", 10 % 3, -10 % 3')).toBe('1\n[1]\n{"a":1,"b":2}\n{"a":{"b":1,"c":2}}\n"ababab"\n["a","b"]\n1\n-1\n');
    expect(await q('[1 < "a", null < false, [] < {}, {"a":1} == {"a":1.0}]')).toBe('[true,true,true,true]\n');
    expect(await q('.a // "d", (false or null), (true and 1), (null | not)', '{}')).toBe('"d"\nfalse\ntrue\ntrue\n');
  });
  it('runs if/elif/else, try, reduce, foreach, variables, def and label', async () => {
    expect(await q('if . == 1 then "a" elif . == 2 then "b" else "c" end, if false then 1 end', '2')).toBe('"b"\n2\n');
    expect(await q('try error("x") catch ., (.a?), [.[]?]', '1')).toBe('"x"\n[]\n');
    expect(await q('reduce .[] as $x (0; . + $x), [foreach .[] as $x (0; . + $x)]', '[1,2,3]')).toBe('6\n[1,3,6]\n');
    expect(await q('. as [$a, {b: $c}] | $a + $c', '[1,{"b":2}]')).toBe('3\n');
    expect(await q('def f(g; $n): [g * $n]; f(.[]; 10), (label $out | 1, break $out, 2)', '[1,2]')).toBe('[10,20]\n1\n');
  });
  it('updates paths with = |= += //= and del', async () => {
    expect(await q('(.a.b = 5), (.c[] |= . + 1), (.c += [9]), (.x //= 3), del(.c[0])', '{"a":{},"c":[1,2]}')).toBe('{"a":{"b":5},"c":[1,2]}\n{"a":{},"c":[2,3]}\n{"a":{},"c":[1,2,9]}\n{"a":{},"c":[1,2],"x":3}\n{"a":{},"c":[2]}\n');
    expect(await q('[paths], getpath(["a",0]), setpath(["b"]; 1), to_entries', '{"a":[1]}')).toBe('[["a"],["a",0]]\n1\n{"a":[1],"b":1}\n[{"key":"a","value":[1]}]\n');
  });
});

describe('jq builtins', () => {
  it('covers the common library', async () => {
    expect(await q('[length, (keys|length), add, min, max, (sort|first), (reverse|last), (map(.+1)|unique|length)]', '[3,1,2]')).toBe('[3,3,6,1,3,1,3,3]\n');
    expect(await q('[sort_by(.a)[].a], [group_by(.a)[]|length], (unique_by(.a)|length), min_by(.a).a, max_by(.a).a', '[{"a":2},{"a":1},{"a":2}]')).toBe('[1,2,2]\n[1,2]\n2\n1\n2\n');
    expect(await q('[has("a"), ("a" | in({"a":1})), contains({b:[1]}), (to_entries|from_entries == .), with_entries(.value |= tostring), map_values(type)]', '{"a":1,"b":[1,2]}')).toBe('[true,true,true,false,{"a":"1","b":"[1,2]"},{"a":"number","b":"array"}]\n');
    expect(await q('[test("b"), startswith("a"), endswith("c"), ltrimstr("a"), rtrimstr("c"), split("b"), ascii_upcase, (explode|implode), ([match("b").offset]), sub("b";"X"), gsub("[ac]";"-"), index("b"), indices("c")]', '"abc"')).toBe('[true,true,true,"bc","ab",["a","c"],"ABC","abc",[1],"aXc","-b-",1,[2]]\n');
    expect(await q('[.[] | tostring], (map(tojson)|join(",")), ("[1]"|fromjson), ("12"|tonumber), (.[0]|type)', '[1,"a",null]')).toBe('["1","a","null"]\n"1,\\"a\\",null"\n[1]\n12\n"number"\n');
    expect(await q('[range(3)], [range(1;3)], [limit(2; .[])], first(.[]), [.[]|numbers], isempty(empty), any, all, (map(. > 1)|any)', '[1,2,3]')).toBe('[0,1,2]\n[1,2]\n[1,2]\n1\n[1,2,3]\ntrue\ntrue\ntrue\ntrue\n');
    expect(await q('floor, sqrt, (. * 100 | floor)', '2.25')).toBe('2\n1.5\n225\n');
    expect(await q('[.[] | objects, arrays, strings, booleans, nulls, iterables, scalars] | length', '[{},[],"s",true,null,1]')).toBe('11\n');
  });
  it('formats with @text @json @csv @tsv @sh @base64 @uri @html', async () => {
    const r = await run(['-r', '@csv, @tsv, @sh, @json, @text, (.[1]|@base64), (.[1]|@base64|@base64d), (.[1]|@uri), @html "<\\(.[1])>"'], '[1,"a b\\t\'"]');
    expect(r.out).toBe('1,"a b\t\'"\n1\ta b\\t\'\n1 \'a b\t\'\\\'\'\'\n[1,"a b\\t\'"]\n[1,"a b\\t\'"]\nYSBiCSc=\na b\t\'\na%20b%09%27\n<a b\t&apos;>\n'.replace('&apos;', '&' + 'apos;'));
  });
});

describe('jq output', () => {
  it('keeps literals and prints computed numbers like jq 1.7.1', async () => {
    expect(await q('.', '[1.0, 1.000, 100000000000000000000, 1e1000, 1E2, -0, 0.00001]')).toBe('[1.0,1.000,100000000000000000000,1E+1000,1E+2,-0,0.00001]\n');
    expect(await q('[1e15+0, 1e17+0, 0.1+0.2, 1/3, 1e-5+0, infinite, nan, 3.0*1]')).toBe('[1000000000000000,1e+17,0.30000000000000004,0.3333333333333333,1e-05,1.7976931348623157e+308,null,3]\n');
  });
  it('escapes strings as jq does and keeps key order', async () => {
    expect(await q('.', '{"b":"\\u007f\\u0001é\\t","a":1}')).toBe('{"b":"\\u007f\\u0001é\\t","a":1}\n');
    expect(await q('.', '{"b":1,"a":{"d":1,"c":2}}', '-S')).toBe('{"a":{"c":2,"d":1},"b":1}\n');
  });
  it('indents with 2 spaces, --tab, --indent n; -r, -j, -a', async () => {
    expect((await run(['.'], '{"a":[1,{}],"b":[]}')).out).toBe('{\n  "a": [\n    1,\n    {}\n  ],\n  "b": []\n}\n');
    expect((await run(['--tab', '.'], '[1]')).out).toBe('[\n\t1\n]\n');
    expect((await run(['--indent', '1', '.'], '[1]')).out).toBe('[\n 1\n]\n');
    expect((await run(['-j', '.[]'], '["a",1]')).out).toBe('a1');
    expect((await run(['-a', '.'], '"é"')).out).toBe('"\\u00e9"\n');
  });
  it('colours on a terminal with jq 1.7.1 default colours, unless -M', async () => {
    expect((await run(['-c', '.'], '{"a":[1,"x",null]}', true)).out).toBe('\x1b[1;39m{\x1b[0m\x1b[1;34m"a"\x1b[0m\x1b[1;39m:\x1b[0m\x1b[1;39m[\x1b[0;39m1\x1b[0m\x1b[1;39m,\x1b[0;32m"x"\x1b[0m\x1b[1;39m,\x1b[0;90mnull\x1b[0m\x1b[1;39m\x1b[1;39m]\x1b[0m\x1b[1;39m\x1b[1;39m}\x1b[0m\n');
    expect((await run(['-M', '.'], '1', true)).out).toBe('1\n');
    expect((await run(['-r', '.'], '"s"', true)).out).toBe('s\n');
  });
});

describe('jq command line', () => {
  it('reads streams, slurps, null input, --arg/--argjson/$ARGS, inputs', async () => {
    expect(await q('.', '1 [2]\n{"a":3}')).toBe('1\n[2]\n{"a":3}\n');
    expect(await q('.', '1 2', '-s')).toBe('[1,2]\n');
    expect(await q('[$a, $b, $ARGS.named.a]', null, '-n', '--arg', 'a', 'x', '--argjson', 'b', '{"c":1}')).toBe('["x",{"c":1},"x"]\n');
    expect(await q('[., input, [inputs]]', '1 2 3 4')).toBe('[1,2,[3,4]]\n');
  });
  it('sets exit codes with -e', async () => {
    expect((await run(['-e', '.a'], '{}')).rc).toBe(1);
    expect((await run(['-e', 'empty'], '1')).rc).toBe(4);
    expect((await run(['-e', '.'], '1')).rc).toBe(0);
  });
  it('prints version, help and usage errors', async () => {
    expect((await run(['--version'])).out).toBe('jq-1.7.1\n');
    expect((await run(['--help'])).out).toContain('Usage:\tjq [options] <jq filter> [file...]');
    expect(await run(['--arg', 'x'])).toEqual({ out: '', err: 'jq: --arg takes two parameters (e.g. --arg varname value)\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n', rc: 2 });
    expect((await run(['-Z', '.'])).err).toMatch(/^jq: Unknown option -Z\n/);
    expect((await run([], null, true)).rc).toBe(2);
    expect((await run([], '[1]')).out).toBe('[\n  1\n]\n');
  });
});

describe('jq errors', () => {
  it('reports runtime errors with the input position, exit 5', async () => {
    expect(await run(['.foo'], '[1]\n')).toEqual({ out: '', err: 'jq: error (at <stdin>:1): Cannot index array with string "foo"\n', rc: 5 });
    expect((await run(['.[0]'], '{"a":1}')).err).toBe('jq: error (at <stdin>:0): Cannot index object with number\n');
    expect((await run(['.[]'], 'null')).err).toBe('jq: error (at <stdin>:0): Cannot iterate over null (null)\n');
    expect((await run(['-n', '{} - 1'])).err).toBe('jq: error (at <unknown>): object ({}) and number (1) cannot be subtracted\n');
    expect((await run(['-n', 'error({"a":1})'])).err).toBe('jq: error (at <unknown>) (not a string): {"a":1}\n');
    expect((await run(['.a+1'], '{"a":1}\n{"a":"x"}\n')).err).toBe('jq: error (at <stdin>:2): string ("x") and number (1) cannot be added\n');
    expect((await run(['keys'], '"a very long string value here"')).err).toBe('jq: error (at <stdin>:0): string ("a very lon...) has no keys\n');
  });
  it('reports invalid JSON input as jq parse errors, exit 5', async () => {
    expect(await run(['.'], '{"a":1,}')).toEqual({ out: '', err: 'jq: parse error: Expected another key-value pair at line 1, column 8\n', rc: 5 });
    expect((await run(['.'], 'abc\n')).err).toBe('jq: parse error: Invalid numeric literal at line 2, column 0\n');
    expect((await run(['.'], '1 2 [3')).out).toBe('1\n2\n');
    expect((await run(['.'], '1 2 [3')).err).toBe('jq: parse error: Unfinished JSON term at EOF at line 1, column 6\n');
  });
  it('reports compile errors with the program line, exit 3', async () => {
    expect(await run(['.a +'])).toEqual({ out: '', err: 'jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:\n.a +   \njq: 1 compile error\n', rc: 3 });
    expect((await run(['.a | foo'])).err).toBe('jq: error: foo/0 is not defined at <top-level>, line 1:\n.a | foo     \njq: 1 compile error\n');
    expect((await run(['}'])).err).toBe('jq: error: syntax error, unexpected INVALID_CHARACTER, expecting end of file (Unix shell quoting issues?) at <top-level>, line 1:\n}\njq: 1 compile error\n');
    expect((await run(['if . then 1'])).err).toBe("jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:\nif . then 1          \njq: error: Possibly unterminated 'if' statement at <top-level>, line 1:\nif . then 1\njq: 2 compile errors\n");
    expect((await run(['1 as x | 2'])).err).toContain("unexpected IDENT, expecting BINDING or '[' or '{'");
    expect((await run(['"abc'])).err).toContain('unexpected end of file, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END');
  });
});
