// The rune scanner under Go's template lexer (lex.go's lexer struct): positions, lines, items, trim markers.
import type { Item, ItemType } from './items';

export const EOF = -1;
export const isSpace = (r: number) => r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
const ALNUM = /^[\p{L}\p{Nd}_]$/u;
export const isAlphaNumeric = (r: number) => r >= 0 && ALNUM.test(String.fromCodePoint(r));
export const hasLeftTrimMarker = (s: string) => s.length >= 2 && s[0] === '-' && isSpace(s.charCodeAt(1));
export const hasRightTrimMarker = (s: string) => s.length >= 2 && isSpace(s.charCodeAt(0)) && s[1] === '-';
export const LEFT = '{{';
export const RIGHT = '}}';

export type State = ((l: Scanner) => State) | null;

export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
}

/** Scans on demand, one item per nextItem(); positions are UTF-8 byte offsets as Go reports them. */
export class Scanner {
  pos = 0; // UTF-16 index into input
  start = 0;
  private atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;
  private insideAction = false;
  private item: Item = { type: 'eof', pos: 0, val: '', line: 1 };
  private readonly bytePos: Int32Array;

  constructor(
    private input: string,
    readonly options: LexOptions,
    private readonly states: { text: State; action: State },
  ) {
    this.bytePos = new Int32Array(input.length + 1);
    for (let i = 0, b = 0; i <= input.length; i++) {
      this.bytePos[i] = b;
      const c = input.charCodeAt(i);
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3; // a surrogate pair is 4 bytes
    }
  }

  /** Runs states from lexText (or lexInsideAction inside an action) until one emits an item. */
  nextItem(): Item {
    this.item = { type: 'eof', pos: this.bytePos[this.pos], val: 'EOF', line: this.startLine };
    let state: State = this.insideAction ? this.states.action : this.states.text;
    while (state !== null) state = state(this);
    return this.item;
  }

  rest(from = this.pos): string {
    return this.input.slice(from);
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 0x0a) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (this.atEOF || this.pos === 0) return;
    const low = this.input.charCodeAt(this.pos - 1);
    this.pos -= low >= 0xdc00 && low <= 0xdfff && this.pos >= 2 ? 2 : 1;
    if (low === 0x0a) this.line--;
  }

  /** The text scanned since the last item. */
  pending(): string {
    return this.input.slice(this.start, this.pos);
  }

  thisItem(type: ItemType): Item {
    const i = { type, pos: this.bytePos[this.start], val: this.pending(), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(type: ItemType): State {
    return this.emitItem(this.thisItem(type));
  }

  emitItem(i: Item): State {
    this.item = i;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.pending());
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  errorf(msg: string): State {
    this.item = { type: 'error', pos: this.bytePos[this.start], val: msg, line: this.startLine };
    this.input = '';
    this.start = 0;
    this.pos = 0;
    return null;
  }

  atRightDelim(): { delim: boolean; trim: boolean } {
    const rest = this.rest();
    if (hasRightTrimMarker(rest) && rest.startsWith(RIGHT, 2)) return { delim: true, trim: true };
    return { delim: rest.startsWith(RIGHT), trim: false };
  }

  /** Whether an identifier may end here: space, eof, . , | : ( ) or the right delimiter. */
  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r) || r === EOF || '.,|:)('.includes(String.fromCodePoint(r))) return true;
    return this.rest().startsWith(RIGHT);
  }

  enterAction(inside: boolean): void {
    this.insideAction = inside;
  }
}

export function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
