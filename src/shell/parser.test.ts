import { describe, expect, it } from 'vitest';
import { parseLine } from './parser';
import type { Command, SimpleCommand, Word } from './ast';

const simple = (c: Command) => c as SimpleCommand;

function flat(w: Word): string {
  return w.map((p) => (p.kind === 'lit' ? p.text : p.kind === 'var' ? `$${p.name}` : p.kind === 'arith' ? `$((${p.source}))` : `$(${p.source})`)).join('');
}

function words(line: string): string[][] {
  const r = parseLine(line);
  if (!r.ok) throw new Error(r.message);
  return r.script.items.map((i) => simple(i.first.commands[0]).words.map(flat));
}

describe('shell parser', () => {
  it('splits words and keeps quoted spaces', () => {
    expect(words(`docker network ls --format "{{.ID}} {{.Name}}" 'a b'`)).toEqual([['docker', 'network', 'ls', '--format', '{{.ID}} {{.Name}}', 'a b']]);
  });

  it('handles backslash escapes and adjacent quoting', () => {
    expect(words(`echo a\\ b "x"'y'z`)).toEqual([['echo', 'a b', 'xyz']]);
  });

  it('keeps an empty quoted word', () => {
    expect(words(`echo "" ''`)).toEqual([['echo', '', '']]);
  });

  it('separates ; && || and pipes', () => {
    const r = parseLine('a | b -x && c || d; e');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.script.items).toHaveLength(2);
    expect(r.script.items[0].first.commands.map((c) => flat(simple(c).words[0]))).toEqual(['a', 'b']);
    expect(r.script.items[0].rest.map((x) => x.op)).toEqual(['&&', '||']);
  });

  it('finds variables and command substitutions', () => {
    expect(words('echo $HOME ${USER} "$?" $(docker ps -q)')).toEqual([['echo', '$HOME', '$USER', '$?', '$(docker ps -q)']]);
  });

  it('ignores comments', () => {
    expect(words('ping -c 1 x # ^C after 3s')).toEqual([['ping', '-c', '1', 'x']]);
  });

  it('parses redirections', () => {
    const r = parseLine('echo 1 > /proc/sys/net/ipv4/ip_forward 2>&1');
    expect(r.ok && r.script.items[0].first.commands[0].redirects.map((x) => [x.fd, x.op])).toEqual([
      [1, '>'],
      [2, '>&'],
    ]);
  });

  it('reports unterminated quotes as incomplete input', () => {
    expect(parseLine('echo "abc')).toEqual({ ok: false, incomplete: true, message: '"' });
    expect(parseLine('ls |')).toMatchObject({ ok: false, incomplete: true });
  });

  it('reports bash syntax errors', () => {
    expect(parseLine('; ls')).toEqual({ ok: false, incomplete: false, message: "syntax error near unexpected token `;'" });
    expect(parseLine('ls | | x')).toEqual({ ok: false, incomplete: false, message: "syntax error near unexpected token `|'" });
  });

  it('continues a line after a backslash-newline, and keeps newlines inside quotes', () => {
    expect(words('echo a \\\n  b\\\nc')).toEqual([['echo', 'a', 'bc']]);
    expect(words('echo "x\ny" \'p\nq\' "u\\\nv"')).toEqual([['echo', 'x\ny', 'p\nq', 'uv']]);
    expect(parseLine('echo a \\')).toEqual({ ok: false, incomplete: true, message: 'escape' });
  });

  it('ends a command at a newline, except after a pipe or && / ||, where the next line continues it', () => {
    expect(words('echo a\necho b # note\n\necho c')).toEqual([['echo', 'a'], ['echo', 'b'], ['echo', 'c']]);
    const r = parseLine('ls |\n\nwc -l &&\necho ok');
    expect(r.ok && r.script.items.length).toBe(1);
    expect(r.ok && r.script.items[0].first.commands.length).toBe(2);
    expect(parseLine('ls &&\n')).toMatchObject({ ok: false, incomplete: true, message: '&&' });
    expect(parseLine('echo a\n| wc')).toEqual({ ok: false, incomplete: false, message: "syntax error near unexpected token `|'" });
  });

  it('parses loops, conditionals and groups, and asks for more while one is open', () => {
    const r = parseLine('for i in a b; do echo $i; done > f; if x; then y; elif z; then w; else v; fi; while a; do b; done; { c; }; ( d )');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const kinds = r.script.items.map((i) => ('kind' in i.first.commands[0] ? i.first.commands[0].kind : 'simple'));
    expect(kinds).toEqual(['for', 'if', 'while', 'group', 'group']);
    const first = r.script.items[0].first.commands[0];
    expect('kind' in first && first.kind === 'for' && first.redirects.length).toBe(1);
    for (const open of ['for i in 1 2', 'for i in 1 2; do echo $i', 'while true; do', 'if true; then echo', '{ echo a;']) {
      const p = parseLine(open);
      expect(p.ok === false && p.incomplete).toBe(true);
    }
    const bad = parseLine('done');
    expect(bad.ok === false && !bad.incomplete && bad.message).toBe("syntax error near unexpected token `done'");
    expect(words('echo $((1 + 2)) done')).toEqual([['echo', '$((1 + 2))', 'done']]);
  });
});
