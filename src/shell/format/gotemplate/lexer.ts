// Go text/template's lexer (text/template/parse/lex.go): template text to items, with trim markers and comments.
import { KEYWORDS, type Item, type ItemType } from './items';
import { formatRuneU, isPrint, quote } from './quote';
import {
  EOF,
  LEFT,
  RIGHT,
  Scanner,
  countNewlines,
  hasLeftTrimMarker,
  hasRightTrimMarker,
  isAlphaNumeric,
  isSpace,
  type LexOptions,
  type State,
} from './scanner';

export type Lexer = Scanner;

/** A lexer over `text`; `break`/`continue` are keywords unless a function has that name. */
export function lex(text: string, options: LexOptions): Lexer {
  return new Scanner(text, options, { text: lexText, action: lexInsideAction });
}

/** Every item of `text` up to and including EOF or the first error (for tests and tools). */
export function lexAll(text: string, options: LexOptions = { breakOK: true, continueOK: true }): Item[] {
  const l = lex(text, options);
  const out: Item[] = [];
  for (;;) {
    const i = l.nextItem();
    out.push(i);
    if (i.type === 'eof' || i.type === 'error') return out;
  }
}

const trailingSpace = (s: string) => s.length - s.replace(/[ \t\r\n]+$/, '').length;
const leadingSpace = (s: string) => s.length - s.replace(/^[ \t\r\n]+/, '').length;

function lexText(l: Scanner): State {
  const rest = l.rest();
  const x = rest.indexOf(LEFT);
  if (x >= 0) {
    if (x > 0) {
      l.pos += x;
      const trim = hasLeftTrimMarker(l.rest(l.pos + LEFT.length)) ? trailingSpace(l.pending()) : 0;
      l.pos -= trim;
      l.line += countNewlines(l.pending());
      const item = l.thisItem('text');
      l.pos += trim;
      l.ignore();
      if (item.val.length > 0) return l.emitItem(item);
    }
    return lexLeftDelim;
  }
  l.pos += rest.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.pending());
    return l.emit('text');
  }
  return l.emit('eof');
}

function lexLeftDelim(l: Scanner): State {
  l.pos += LEFT.length;
  const after = hasLeftTrimMarker(l.rest()) ? 2 : 0;
  if (l.rest(l.pos + after).startsWith('/*')) {
    l.pos += after;
    l.ignore();
    return lexComment;
  }
  const state = l.emit('leftDelim');
  l.enterAction(true);
  l.pos += after;
  l.ignore();
  l.parenDepth = 0;
  return state;
}

function lexComment(l: Scanner): State {
  l.pos += 2;
  const x = l.rest().indexOf('*/');
  if (x < 0) return l.errorf('unclosed comment');
  l.pos += x + 2;
  const { delim, trim } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  if (trim) l.pos += 2;
  l.pos += RIGHT.length;
  if (trim) l.pos += leadingSpace(l.rest());
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Scanner): State {
  const { trim } = l.atRightDelim();
  if (trim) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += RIGHT.length;
  const state = l.emit('rightDelim');
  if (trim) {
    l.pos += leadingSpace(l.rest());
    l.ignore();
  }
  l.enterAction(false);
  return state;
}

function lexInsideAction(l: Scanner): State {
  if (l.atRightDelim().delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  const c = String.fromCodePoint(r);
  switch (c) {
    case '=':
      return l.emit('assign');
    case ':':
      if (l.next() !== 0x3d) return l.errorf('expected :=');
      return l.emit('declare');
    case '|':
      return l.emit('pipe');
    case '"':
      return lexQuote;
    case '`':
      return lexRawQuote;
    case '$':
      return lexVariable;
    case "'":
      return lexChar;
    case '(':
      l.parenDepth++;
      return l.emit('leftParen');
    case ')':
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf('unexpected right paren');
      return l.emit('rightParen');
  }
  if (c === '.' && l.rest().length > 0) {
    const n = l.rest().charCodeAt(0);
    if (n < 0x30 || n > 0x39) return lexField;
  }
  if (c === '.' || c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r < 0x80 && isPrint(r)) return l.emit('char');
  return l.errorf(`unrecognized character in action: ${formatRuneU(r)}`);
}

function lexSpace(l: Scanner): State {
  let spaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    spaces++;
  }
  // A trim-marked right delimiter starts with a space: leave that space for it.
  const tail = l.rest(l.pos - 1);
  if (hasRightTrimMarker(tail) && tail.startsWith(RIGHT, 2)) {
    l.backup();
    if (spaces === 1) return lexRightDelim;
  }
  return l.emit('space');
}

function lexIdentifier(l: Scanner): State {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    if (!l.atTerminator()) return l.errorf(`bad character ${formatRuneU(r)}`);
    const word = l.pending();
    const key = Object.prototype.hasOwnProperty.call(KEYWORDS, word) ? KEYWORDS[word] : undefined;
    if (key !== undefined && key !== 'dot') {
      if ((key === 'break' && !l.options.breakOK) || (key === 'continue' && !l.options.continueOK)) {
        return l.emit('identifier');
      }
      return l.emit(key);
    }
    if (word === 'true' || word === 'false') return l.emit('bool');
    return l.emit('identifier');
  }
}

function lexField(l: Scanner): State {
  return lexFieldOrVariable(l, 'field');
}

function lexVariable(l: Scanner): State {
  if (l.atTerminator()) return l.emit('variable');
  return lexFieldOrVariable(l, 'variable');
}

function lexFieldOrVariable(l: Scanner, type: 'field' | 'variable'): State {
  if (l.atTerminator()) return l.emit(type === 'variable' ? 'variable' : 'dot');
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRuneU(r)}`);
  return l.emit(type);
}

function lexQuoted(l: Scanner, close: number, type: ItemType, what: string): State {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) return l.errorf(`unterminated ${what}`);
    if (r === close) return l.emit(type);
  }
}

function lexChar(l: Scanner): State {
  return lexQuoted(l, 0x27, 'charConstant', 'character constant');
}

function lexQuote(l: Scanner): State {
  return lexQuoted(l, 0x22, 'string', 'quoted string');
}

function lexRawQuote(l: Scanner): State {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 0x60) return l.emit('rawString');
  }
}

function lexNumber(l: Scanner): State {
  const bad = () => l.errorf(`bad number syntax: ${quote(l.pending())}`);
  if (!scanNumber(l)) return bad();
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    if (!scanNumber(l) || l.rest(l.pos - 1)[0] !== 'i') return bad();
    return l.emit('complex');
  }
  return l.emit('number');
}

function scanNumber(l: Scanner): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}
