// The shell's lexer: splits a line into words (quotes, backslash escapes, $VAR, ${VAR}, $(...), $((...)) as word
// parts) and operators (pipes, &&, ||, ;, &, redirections, parentheses), as POSIX sh's token recognition does.
import type { Word, WordPart } from './ast';

export type Token = { kind: 'word'; word: Word; text: string } | { kind: 'op'; op: string };

/** The line ends inside a quote or a substitution: an interactive shell asks for more. */
export class Incomplete extends Error {}
export class SyntaxError_ extends Error {}

const OPS = ['&&', '||', '2>&1', '>>', '2>>', '2>', '&>', '>&', '|', ';', '&', '>', '<', '(', ')'];

function isVarStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch);
}

/** Splits a line into words and operators. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    // A newline ends a command like `;` (and is skipped after `|`, `&&`, `||`); backslash-newline joins two lines.
    if (ch === '\n') {
      tokens.push({ kind: 'op', op: '\n' });
      i++;
      continue;
    }
    if (src.startsWith('\\\n', i)) {
      i += 2;
      continue;
    }
    if (ch === '#') {
      const eol = src.indexOf('\n', i);
      if (eol < 0) break;
      i = eol;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', op });
      i += op.length;
      continue;
    }
    const start = i;
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
      else parts.push({ kind: 'lit', text, quoted });
    };
    while (i < src.length) {
      const c = src[i];
      if (c === ' ' || c === '\t' || c === '\n' || OPS.some((o) => src.startsWith(o, i) && o !== '2>&1' && o !== '2>' && o !== '2>>')) break;
      if (c === '\\') {
        if (i + 1 >= src.length) throw new Incomplete('escape');
        if (src[i + 1] !== '\n') lit(src[i + 1], true);
        i += 2;
      } else if (c === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new Incomplete("'");
        lit(src.slice(i + 1, end), true);
        i = end + 1;
      } else if (c === '"') {
        i = readDouble(src, i + 1, parts, lit);
      } else if (c === '$') {
        i = readDollar(src, i, parts, lit, false);
      } else {
        lit(c, false);
        i++;
      }
    }
    tokens.push({ kind: 'word', word: parts.length ? parts : [{ kind: 'lit', text: '', quoted: true }], text: src.slice(start, i) });
  }
  return tokens;
}

function readDouble(src: string, i: number, parts: WordPart[], lit: (t: string, q: boolean) => void): number {
  lit('', true);
  while (i < src.length) {
    const c = src[i];
    if (c === '"') return i + 1;
    if (c === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1])) {
      if (src[i + 1] !== '\n') lit(src[i + 1], true);
      i += 2;
    } else if (c === '$') {
      i = readDollar(src, i, parts, lit, true);
    } else {
      lit(c, true);
      i++;
    }
  }
  throw new Incomplete('"');
}

function readDollar(src: string, i: number, parts: WordPart[], lit: (t: string, q: boolean) => void, quoted: boolean): number {
  const next = src[i + 1];
  if (src.startsWith('$((', i)) {
    // `$((expr))`: up to the `))` that closes it (parentheses inside nest).
    let depth = 0;
    for (let j = i + 3; j < src.length; j++) {
      if (src[j] === '(') depth++;
      else if (src[j] === ')') {
        if (depth > 0) depth--;
        else if (src[j + 1] === ')') {
          parts.push({ kind: 'arith', source: src.slice(i + 3, j), quoted });
          return j + 2;
        } else throw new SyntaxError_('syntax error near unexpected token `)\'');
      }
    }
    throw new Incomplete('$((');
  }
  if (next === '(') {
    let depth = 1;
    let j = i + 2;
    let q: string | null = null;
    for (; j < src.length; j++) {
      const c = src[j];
      if (q) {
        if (c === q) q = null;
        else if (c === '\\' && q === '"') j++;
      } else if (c === "'" || c === '"') q = c;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    if (j >= src.length) throw new Incomplete('$(');
    parts.push({ kind: 'cmdsub', source: src.slice(i + 2, j), quoted });
    return j + 1;
  }
  if (next === '{') {
    const end = src.indexOf('}', i + 2);
    if (end < 0) throw new Incomplete('${');
    const name = src.slice(i + 2, end);
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[?$#!0-9])$/.test(name)) throw new SyntaxError_(`\${${name}}: bad substitution`);
    parts.push({ kind: 'var', name, quoted });
    return end + 1;
  }
  if (next !== undefined && '?$#!0123456789'.includes(next)) {
    parts.push({ kind: 'var', name: next, quoted });
    return i + 2;
  }
  if (next !== undefined && isVarStart(next)) {
    let j = i + 1;
    while (j < src.length && /[A-Za-z0-9_]/.test(src[j])) j++;
    parts.push({ kind: 'var', name: src.slice(i + 1, j), quoted });
    return j;
  }
  lit('$', quoted);
  return i + 1;
}
