// Readline-style line editing as pure state: keys in, buffer/cursor/history changes and actions out (no DOM, no xterm).

export type EditorAction =
  | { type: 'none' }
  | { type: 'redraw' }
  | { type: 'submit'; line: string }
  | { type: 'interrupt'; line: string }
  | { type: 'clear-screen' }
  | { type: 'complete' }
  | { type: 'eof' };

/** The line being edited, its history, and the kill buffer (Ctrl-U/K/W, yanked back with Ctrl-Y). */
export class LineEditor {
  buffer = '';
  cursor = 0;
  private history: string[];
  /** Position while browsing history; equals history.length when editing a new line. */
  private histPos: number;
  /** The unsubmitted line saved when browsing history starts. */
  private draft = '';
  private killed = '';

  constructor(history: string[] = []) {
    this.history = [...history];
    this.histPos = this.history.length;
  }

  get entries(): readonly string[] {
    return this.history;
  }

  reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.histPos = this.history.length;
    this.draft = '';
  }

  /** Adds a submitted line to history as bash with ignoreboth does. */
  remember(line: string): void {
    if (line.trim() && !line.startsWith(' ') && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.histPos = this.history.length;
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

  private wordStartBefore(pos: number): number {
    let i = pos;
    while (i > 0 && /\s/.test(this.buffer[i - 1])) i--;
    while (i > 0 && !/\s/.test(this.buffer[i - 1])) i--;
    return i;
  }

  /** Alt-B/Alt-F word motion uses alphanumeric words, as readline does. */
  private wordLeft(pos: number): number {
    let i = pos;
    while (i > 0 && !/[A-Za-z0-9]/.test(this.buffer[i - 1])) i--;
    while (i > 0 && /[A-Za-z0-9]/.test(this.buffer[i - 1])) i--;
    return i;
  }

  private wordRight(pos: number): number {
    let i = pos;
    const n = this.buffer.length;
    while (i < n && !/[A-Za-z0-9]/.test(this.buffer[i])) i++;
    while (i < n && /[A-Za-z0-9]/.test(this.buffer[i])) i++;
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

  /** Handles one key sequence as xterm delivers it (`\x1b[A`, `\x01`, `a`, ...). */
  key(seq: string): EditorAction {
    switch (seq) {
      case '\r':
        return { type: 'submit', line: this.buffer };
      case '\x03':
        return { type: 'interrupt', line: this.buffer };
      case '\x0c':
        return { type: 'clear-screen' };
      case '\t':
        return { type: 'complete' };
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
      case '\x15': // Ctrl-U: kill to start of line
        this.killed = this.buffer.slice(0, this.cursor);
        this.buffer = this.buffer.slice(this.cursor);
        this.cursor = 0;
        return { type: 'redraw' };
      case '\x0b': // Ctrl-K: kill to end of line
        this.killed = this.buffer.slice(this.cursor);
        this.buffer = this.buffer.slice(0, this.cursor);
        return { type: 'redraw' };
      case '\x17': {
        // Ctrl-W: kill the whitespace-delimited word before the cursor
        const start = this.wordStartBefore(this.cursor);
        this.killed = this.buffer.slice(start, this.cursor);
        this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor);
        this.cursor = start;
        return { type: 'redraw' };
      }
      case '\x19': // Ctrl-Y: yank
        return this.killed ? this.insert(this.killed) : { type: 'none' };
      case '\x1bb':
      case '\x1b[1;5D':
        this.cursor = this.wordLeft(this.cursor);
        return { type: 'redraw' };
      case '\x1bf':
      case '\x1b[1;5C':
        this.cursor = this.wordRight(this.cursor);
        return { type: 'redraw' };
      default:
        if (seq.startsWith('\x1b') || seq < ' ') return { type: 'none' };
        return this.insert(seq);
    }
  }
}
