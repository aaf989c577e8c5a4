// Lexer for jq programs: tokens named as jq's bison grammar names them (IDENT, FIELD, LITERAL, QQSTRING_START, ...).
import { literalNumber, type LitNum } from './values';

export interface Token {
  /** Grammar name: an operator's text (`|`, `==`, `and`), or IDENT, FIELD, BINDING, FORMAT, LITERAL, QQSTRING_*, INVALID_CHARACTER, EOF. */
  t: string;
  /** Identifier or field name, string text, or the number. */
  v?: string | LitNum;
  pos: number;
}

/** A lexical error that jq reports as a compile error (a bad escape inside a string). */
export class LexError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

export const KEYWORDS = new Set(['def', 'if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', 'and', 'or', 'break', '__loc__']);
const OPS = ['?//=', '?//', '//=', '!=', '==', '//', '|=', '+=', '-=', '*=', '/=', '%=', '<=', '>=', '..', '.', '?', '=', ';', ',', ':', '|', '+', '-', '*', '/', '%', '$', '<', '>'];
const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

const identStart = (c: string) => /[a-zA-Z_]/.test(c);
const identChar = (c: string) => /[a-zA-Z_0-9]/.test(c);

/** How a bison message names a token: `'|'` for one character, the text for keywords and `==`, else the token's name. */
export function tokenName(t: Token): string {
  if (t.t === 'EOF') return 'end of file';
  if (t.t.length === 1) return `'${t.t}'`;
  return t.t;
}

/** Splits a program into tokens; strings become QQSTRING_START, TEXT and INTERP tokens around nested tokens. */
export function lex(src: string): Token[] {
  const out: Token[] = [];
  /** Open brackets; 'I' marks a string interpolation `\(`, 'S' a string. */
  const stack: string[] = [];
  let i = 0;
  /** Where the last lexeme (whitespace runs included) began: bison reports end of file there. */
  let lastStart = 0;
  const inString = () => stack[stack.length - 1] === 'S';
  while (i < src.length) {
    if (inString()) {
      const c = src[i];
      lastStart = i;
      if (c === '"') {
        stack.pop();
        out.push({ t: 'QQSTRING_END', pos: i++ });
      } else if (c === '\\' && src[i + 1] === '(') {
        stack.push('I');
        out.push({ t: 'QQSTRING_INTERP_START', pos: i });
        i += 2;
      } else if (c === '\\') {
        const start = i;
        let text = '';
        while (src[i] === '\\' && src[i + 1] !== '(' && i < src.length) {
          const e = src[i + 1];
          const simple: Record<string, string> = { '\\': '\\', '/': '/', '"': '"', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (e !== undefined && e in simple) {
            text += simple[e];
            i += 2;
          } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
            let cp = parseInt(src.slice(i + 2, i + 6), 16);
            i += 6;
            if (cp >= 0xd800 && cp <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(src.slice(i, i + 6))) {
              cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(src.slice(i + 2, i + 6), 16) - 0xdc00);
              i += 6;
            } else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
            text += String.fromCodePoint(cp);
          } else {
            let j = i;
            while (j < src.length && src[j] !== '"') j++;
            const chunk = src.slice(start, j);
            const col = Math.min(chunk.length, i - start + 2) + 2;
            throw new LexError(`Invalid escape at line 1, column ${col} (while parsing '"${chunk}"')`, start);
          }
        }
        out.push({ t: 'QQSTRING_TEXT', v: text, pos: start });
      } else {
        const start = i;
        while (i < src.length && src[i] !== '"' && src[i] !== '\\') i++;
        out.push({ t: 'QQSTRING_TEXT', v: src.slice(start, i), pos: start });
      }
      continue;
    }
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      lastStart = i;
      while (i < src.length && ' \t\n\r'.includes(src[i])) i++;
      continue;
    }
    if (c === '#') {
      lastStart = i;
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    lastStart = i;
    const start = i;
    if (c === '"') {
      stack.push('S');
      out.push({ t: 'QQSTRING_START', pos: i++ });
      continue;
    }
    const num = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'LITERAL', v: literalNumber(num[0]), pos: start });
      i += num[0].length;
      continue;
    }
    if (identStart(c)) {
      while (i < src.length && (identChar(src[i]) || (src[i] === ':' && src[i + 1] === ':' && identStart(src[i + 2] ?? '')))) i += src[i] === ':' ? 2 : 1;
      const word = src.slice(start, i);
      out.push(KEYWORDS.has(word) ? { t: word, pos: start } : { t: 'IDENT', v: word, pos: start });
      continue;
    }
    if ((c === '.' || c === '$' || c === '@') && identStart(src[i + 1] ?? '')) {
      i++;
      while (i < src.length && identChar(src[i])) i++;
      const name = src.slice(start + 1, i);
      if (c === '$' && name === '__loc__') out.push({ t: '$__loc__', pos: start });
      else out.push({ t: c === '.' ? 'FIELD' : c === '$' ? 'BINDING' : 'FORMAT', v: name, pos: start });
      continue;
    }
    if (c in OPEN) {
      stack.push(OPEN[c]);
      out.push({ t: c, pos: i++ });
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      const top = stack[stack.length - 1];
      if (top === 'I' && c === ')') {
        stack.pop();
        out.push({ t: 'QQSTRING_INTERP_END', pos: i++ });
      } else if (top === c) {
        stack.pop();
        out.push({ t: c, pos: i++ });
      } else out.push({ t: 'INVALID_CHARACTER', pos: i++ });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: op, pos: i });
      i += op.length;
      continue;
    }
    out.push({ t: 'INVALID_CHARACTER', pos: i++ });
  }
  out.push({ t: 'EOF', pos: lastStart });
  return out;
}
