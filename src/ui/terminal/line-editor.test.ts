import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';
import { splitKeys, isPaste } from './keys';
import { columns, commonPrefix, completionTail } from './completion-list';

function typed(editor: LineEditor, ...keys: string[]) {
  let last: ReturnType<LineEditor['key']> = { type: 'none' };
  for (const k of keys) for (const key of splitKeys(k)) last = editor.key(key);
  return last;
}

function state(e: LineEditor, prompt = '$ ') {
  const v = e.view(prompt);
  return `${v.prompt}${v.buffer.slice(0, v.cursor)}|${v.buffer.slice(v.cursor)}`;
}

describe('LineEditor', () => {
  it('moves by character, to the ends, and by alphanumeric words (Alt-B/F, Ctrl-Left/Right)', () => {
    const e = new LineEditor();
    typed(e, 'docker network-ls x');
    expect(state(e)).toBe('$ docker network-ls x|');
    typed(e, '\x1bb');
    expect(state(e)).toBe('$ docker network-ls |x');
    typed(e, '\x1b[1;5D', '\x1b[1;5D');
    expect(state(e)).toBe('$ docker |network-ls x');
    typed(e, '\x1bf');
    expect(state(e)).toBe('$ docker network|-ls x');
    typed(e, '\x01');
    expect(state(e)).toBe('$ |docker network-ls x');
    typed(e, '\x05', '\x1b[D', '\x02');
    expect(state(e)).toBe('$ docker network-ls| x');
    typed(e, '\x1b[H', '\x1b[C', '\x06');
    expect(state(e)).toBe('$ do|cker network-ls x');
  });

  it('kills with Ctrl-U/K/W and Alt-D, appends consecutive kills, and yanks with Ctrl-Y', () => {
    const e = new LineEditor();
    typed(e, 'ping -c 3 alpine2');
    typed(e, '\x17');
    expect(state(e)).toBe('$ ping -c 3 |');
    typed(e, '\x17');
    expect(state(e)).toBe('$ ping -c |');
    typed(e, '\x01', '\x19');
    expect(state(e)).toBe('$ 3 alpine2|ping -c ');
    typed(e, '\x0b');
    expect(state(e)).toBe('$ 3 alpine2|');
    typed(e, '\x01', '\x1bd');
    expect(state(e)).toBe('$ | alpine2');
    typed(e, '\x05', '\x15', '\x19');
    expect(state(e)).toBe('$  alpine2|');
  });

  it('deletes with Backspace, Delete and Ctrl-D on a non-empty line, and transposes with Ctrl-T', () => {
    const e = new LineEditor();
    typed(e, 'ipp adrd', '\x7f', '\x1b[D', '\x14');
    expect(state(e)).toBe('$ ipp ard|');
    typed(e, '\x01', '\x1b[3~', '\x04');
    expect(state(e)).toBe('$ |p ard');
    expect(typed(e, '\x0b', '\x04')).toEqual({ type: 'eof' });
  });

  it('browses history with Up/Down and keeps the unsubmitted draft', () => {
    const e = new LineEditor(['docker network ls', 'ip addr']);
    typed(e, 'dra');
    typed(e, '\x1b[A');
    expect(state(e)).toBe('$ ip addr|');
    typed(e, '\x10');
    expect(state(e)).toBe('$ docker network ls|');
    expect(typed(e, '\x1b[A')).toEqual({ type: 'none' });
    typed(e, '\x1b[B', '\x0e');
    expect(state(e)).toBe('$ dra|');
  });

  it('remembers lines as HISTCONTROL=ignoreboth does', () => {
    const e = new LineEditor();
    for (const l of ['ls', 'ls', ' secret', '', 'pwd', 'ls']) e.remember(l);
    expect(e.entries).toEqual(['ls', 'pwd', 'ls']);
  });

  it('searches history backwards with Ctrl-R and shows the search prompt', () => {
    const e = new LineEditor(['docker network ls', 'ping -c 1 172.17.0.2', 'docker network inspect bridge', 'ip addr']);
    typed(e, '\x12');
    expect(state(e)).toBe("(reverse-i-search)`': |");
    typed(e, 'net');
    expect(state(e)).toBe("(reverse-i-search)`net': docker |network inspect bridge");
    typed(e, '\x12');
    expect(state(e)).toBe("(reverse-i-search)`net': docker |network ls");
    typed(e, '\x12');
    expect(state(e)).toBe("(failed reverse-i-search)`net': docker |network ls");
    typed(e, '\x7f');
    expect(state(e)).toBe("(reverse-i-search)`ne': docker |network ls");
    expect(typed(e, '\r')).toEqual({ type: 'submit', line: 'docker network ls' });
  });

  it('ends a search with the match when another key is pressed, and restores the line on Ctrl-G', () => {
    const e = new LineEditor(['docker network ls', 'ip addr']);
    typed(e, 'draft', '\x12', 'addr', '\x05');
    expect(state(e)).toBe('$ ip addr|');
    expect(e.searching).toBe(false);
    const f = new LineEditor(['docker network ls']);
    typed(f, 'draft', '\x12', 'net', '\x07');
    expect(state(f)).toBe('$ draft|');
    typed(f, '\x12', 'ls', '\x1b');
    expect(state(f)).toBe('$ docker network |ls');
    f.reset();
    typed(f, '\x12', '\x12');
    expect(state(f)).toBe("(reverse-i-search)`ls': docker network |ls");
  });

  it('reports Enter, Ctrl-C, Ctrl-L, Tab and Ctrl-D on an empty line as actions', () => {
    const e = new LineEditor();
    expect(typed(e, '\t')).toEqual({ type: 'complete' });
    expect(typed(e, '\x0c')).toEqual({ type: 'clear-screen' });
    expect(typed(e, '\x04')).toEqual({ type: 'eof' });
    expect(typed(e, 'ls', '\x03')).toEqual({ type: 'interrupt', line: 'ls' });
    expect(typed(e, '\r')).toEqual({ type: 'submit', line: 'ls' });
  });
});

describe('keys', () => {
  it('keeps escape sequences whole and turns CR LF and LF into one Enter', () => {
    expect(splitKeys('a\x1b[1;5Cb\x1bb\x1b\x7f\r\nc\nd\r')).toEqual(['a', '\x1b[1;5C', 'b', '\x1bb', '\x1b\x7f', '\r', 'c', '\r', 'd', '\r']);
    expect(isPaste('ls\rpwd\r')).toBe(true);
    expect(isPaste('\x1b[A')).toBe(false);
    expect(isPaste('a')).toBe(false);
  });
});

describe('completion listing', () => {
  it('fills columns top to bottom like readline, one fewer column when they fill the width exactly', () => {
    const names = ['attach', 'build', 'commit', 'cp', 'create', 'diff', 'events'];
    expect(columns(names, 25)).toBe('attach  cp      events\nbuild   create\ncommit  diff\n');
    expect(columns(names, 24)).toBe('attach  create\nbuild   diff\ncommit  events\ncp\n');
    expect(columns(['aa', 'bb', 'cc'], 8)).toBe('aa\nbb\ncc\n');
    expect(columns(['aa', 'bb', 'cc'], 9)).toBe('aa  cc\nbb\n');
  });

  it('finds the common prefix and what a single match inserts', () => {
    expect(commonPrefix(['network', 'node'])).toBe('n');
    expect(completionTail('network', 'net')).toBe('work ');
    expect(completionTail('--network=', '--net')).toBe('work=');
  });
});
