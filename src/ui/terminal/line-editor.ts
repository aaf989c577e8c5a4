// Readline-style line editing as pure state: keys in, buffer/cursor/history changes and actions out (no DOM, no xterm).
import { ReverseSearch } from './reverse-search';

export type EditorAction =
  | { type: 'none' }
  | { type: 'redraw' }
  | { type: 'submit'; line: string }
  | { type: 'interrupt'; line: string }
  | { type: 'clear-screen' }
  | { type: 'complete' }
  | { type: 'eof' };

/** What to paint: the prompt (PS1, or the search prompt during Ctrl-R), the line and the cursor in it. */
export interface EditorView {
  prompt: string;
  buffer: string;
  cursor: number;
}

const isWordChar = (c: string) => /[A-Za-z0-9]/.test(c);

/** The line being edited, its history, the kill ring (Ctrl-U/K/W, Alt-D, yanked back with Ctrl-Y) and Ctrl-R search. */
export class LineEditor {
  buffer = '';
  cursor = 0;
  private history: string[];
  /** Position while browsing history; equals history.length when editing a new line. */
  private histPos: number;
  /** The unsubmitted line saved when browsing history starts. */
  private draft = '';
  private killed = '';
  /** Consecutive kills accumulate into one kill-ring entry, as in readline. */
  private lastWasKill = false;
  private search: ReverseSearch | null = null;
  private lastSearch = '';

  constructor(history: string[] = []) {
    this.history = [...history];
    this.histPos = this.history.length;
  }

  get entries(): readonly string[] {
    return this.history;
  }

  get searching(): boolean {
    return this.search !== null;
  }

  reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.histPos = this.history.length;
    this.draft = '';
    this.search = null;
    this.lastWasKill = false;
  }

  /** Adds a submitted line to history as bash with ignoreboth does. */
  remember(line: string): void {
    if (line.trim() && !line.startsWith(' ') && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.histPos = this.history.length;
  }

  view(prompt: string): EditorView {
    if (this.search) return { prompt: this.search.prompt(), buffer: this.search.line(), cursor: this.search.match.offset };
    return { prompt, buffer: this.buffer, cursor: this.cursor };
  }

  insert(text: string): EditorAction {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    return { type: 'redraw' };
  }

  setLine(text: string): void {
    this.buffer = text;
    this.cursor = text.length;
  }

  private kill(from: number, to: number, prepend: boolean): EditorAction {
    const text = this.buffer.slice(from, to);
    this.killed = this.lastWasKill ? (prepend ? text + this.killed : this.killed + text) : text;
    this.buffer = this.buffer.slice(0, from) + this.buffer.slice(to);
    this.cursor = from;
    this.lastWasKill = true;
    return { type: 'redraw' };
  }

  /** Start of the whitespace-delimited word before `pos` (Ctrl-W, unix-word-rubout). */
  private wordStartBefore(pos: number): number {
    let i = pos;
    while (i > 0 && /\s/.test(this.buffer[i - 1])) i--;
    while (i > 0 && !/\s/.test(this.buffer[i - 1])) i--;
    return i;
  }

  /** Alt-B / Ctrl-Left: back over non-word then word characters (readline words are alphanumeric). */
  private wordLeft(pos: number): number {
    let i = pos;
    while (i > 0 && !isWordChar(this.buffer[i - 1])) i--;
    while (i > 0 && isWordChar(this.buffer[i - 1])) i--;
    return i;
  }

  private wordRight(pos: number): number {
    let i = pos;
    const n = this.buffer.length;
    while (i < n && !isWordChar(this.buffer[i])) i++;
    while (i < n && isWordChar(this.buffer[i])) i++;
    return i;
  }

  private historyMove(delta: number): EditorAction {
    const next = this.histPos + delta;
    if (next < 0 || next > this.history.length) return { type: 'none' };
    if (this.histPos === this.history.length) this.draft = this.buffer;
    this.histPos = next;
    this.setLine(next === this.history.length ? this.draft : this.history[next]);
    return { type: 'redraw' };
  }

  /** Leaves Ctrl-R search keeping the match as the line being edited (history browsing continues from it). */
  private acceptSearch(): void {
    const s = this.search!;
    this.lastSearch = s.query || this.lastSearch;
    if (s.match.index < this.history.length) {
      this.histPos = s.match.index;
      this.buffer = s.line();
      this.cursor = s.match.offset;
    }
    this.search = null;
  }

  private searchKey(seq: string): EditorAction {
    const s = this.search!;
    switch (seq) {
      case '\x12':
        s.again(this.lastSearch);
        return { type: 'redraw' };
      case '\x7f':
      case '\x08':
        s.erase();
        return { type: 'redraw' };
      case '\x07': // Ctrl-G aborts: the original line comes back
        this.buffer = s.original;
        this.cursor = s.originalCursor;
        this.search = null;
        return { type: 'redraw' };
      case '\x1b':
      case '\n':
        this.acceptSearch();
        return { type: 'redraw' };
      case '\x03':
        this.search = null;
        return { type: 'interrupt', line: this.buffer };
      default:
        if (seq.length === 1 && seq >= ' ' && seq !== '\x7f') {
          s.type(seq);
          return { type: 'redraw' };
        }
        // Any other key ends the search with the match as the line, then acts (Enter runs it).
        this.acceptSearch();
        return this.key(seq);
    }
  }

  /** Handles one key sequence as xterm delivers it (`\x1b[A`, `\x01`, `a`, ...). */
  key(seq: string): EditorAction {
    if (this.search) return this.searchKey(seq);
    const wasKill = this.lastWasKill;
    this.lastWasKill = false;
    switch (seq) {
      case '\r':
        return { type: 'submit', line: this.buffer };
      case '\x03':
        return { type: 'interrupt', line: this.buffer };
      case '\x0c':
        return { type: 'clear-screen' };
      case '\t':
        return { type: 'complete' };
      case '\x12':
        this.search = new ReverseSearch(this.history, this.buffer, this.cursor);
        return { type: 'redraw' };
      case '\x04':
        if (this.buffer === '') return { type: 'eof' };
        return this.key('\x1b[3~');
      case '\x7f':
      case '\x08':
        if (this.cursor === 0) return { type: 'none' };
        this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
        this.cursor--;
        return { type: 'redraw' };
      case '\x1b[3~':
        if (this.cursor >= this.buffer.length) return { type: 'none' };
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
        return { type: 'redraw' };
      case '\x1b[D':
      case '\x02':
        if (this.cursor === 0) return { type: 'none' };
        this.cursor--;
        return { type: 'redraw' };
      case '\x1b[C':
      case '\x06':
        if (this.cursor >= this.buffer.length) return { type: 'none' };
        this.cursor++;
        return { type: 'redraw' };
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        this.cursor = 0;
        return { type: 'redraw' };
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        this.cursor = this.buffer.length;
        return { type: 'redraw' };
      case '\x1b[A':
      case '\x10':
        return this.historyMove(-1);
      case '\x1b[B':
      case '\x0e':
        return this.historyMove(1);
      case '\x15': // Ctrl-U: unix-line-discard
        this.lastWasKill = wasKill;
        return this.kill(0, this.cursor, true);
      case '\x0b': // Ctrl-K: kill-line
        this.lastWasKill = wasKill;
        return this.kill(this.cursor, this.buffer.length, false);
      case '\x17': // Ctrl-W: unix-word-rubout
        this.lastWasKill = wasKill;
        return this.kill(this.wordStartBefore(this.cursor), this.cursor, true);
      case '\x1bd': // Alt-D: kill-word
        this.lastWasKill = wasKill;
        return this.kill(this.cursor, this.wordRight(this.cursor), false);
      case '\x1b\x7f': // Alt-Backspace: backward-kill-word
        this.lastWasKill = wasKill;
        return this.kill(this.wordLeft(this.cursor), this.cursor, true);
      case '\x19': // Ctrl-Y: yank
        return this.killed ? this.insert(this.killed) : { type: 'none' };
      case '\x14': {
        // Ctrl-T: transpose-chars (at the end of the line, the last two)
        if (this.buffer.length < 2 || this.cursor === 0) return { type: 'none' };
        const at = this.cursor === this.buffer.length ? this.cursor - 1 : this.cursor;
        const b = this.buffer;
        this.buffer = b.slice(0, at - 1) + b[at] + b[at - 1] + b.slice(at + 1);
        this.cursor = at + 1;
        return { type: 'redraw' };
      }
      case '\x1bb':
      case '\x1b[1;5D':
      case '\x1b[1;3D':
        this.cursor = this.wordLeft(this.cursor);
        return { type: 'redraw' };
      case '\x1bf':
      case '\x1b[1;5C':
      case '\x1b[1;3C':
        this.cursor = this.wordRight(this.cursor);
        return { type: 'redraw' };
      default:
        if (seq.startsWith('\x1b') || seq < ' ') return { type: 'none' };
        return this.insert(seq);
    }
  }
}
