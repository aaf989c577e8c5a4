// A minimal VT100 screen for tests: the subset of control sequences the terminal controller writes (CR, LF, cursor
// up/forward, erase below, home, clear, SGR), with xterm's pending-wrap at the right margin. Rows grow without limit.
import type { TerminalLike } from './controller';

export class TestScreen implements TerminalLike {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  bells = 0;
  private pendingWrap = false;
  private listeners: ((data: string) => void)[] = [];

  constructor(readonly cols = 80) {}

  onData(cb: (data: string) => void): void {
    this.listeners.push(cb);
  }

  /** Simulates the user typing (or pasting) `data`. */
  type(data: string): void {
    for (const l of this.listeners) l(data);
  }

  write(data: string, done?: () => void): void {
    let i = 0;
    while (i < data.length) {
      const ch = data[i];
      if (ch === '\x1b') {
        const m = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(data.slice(i));
        if (!m) throw new Error(`unsupported escape at ${JSON.stringify(data.slice(i, i + 8))}`);
        this.csi(m[1], m[2]);
        i += m[0].length;
        continue;
      }
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.moveTo(this.row + 1, this.col);
      } else if (ch === '\x07') {
        this.bells++;
      } else {
        if (this.pendingWrap) this.moveTo(this.row + 1, 0);
        this.line(this.row)[this.col] = ch;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
      i++;
    }
    done?.();
  }

  private line(r: number): string[] {
    while (this.rows.length <= r) this.rows.push([]);
    return this.rows[r];
  }

  private moveTo(row: number, col: number): void {
    this.row = Math.max(0, row);
    this.col = Math.min(this.cols - 1, Math.max(0, col));
    this.pendingWrap = false;
    this.line(this.row);
  }

  private csi(params: string, op: string): void {
    const n = Number(params || '1');
    switch (op) {
      case 'A':
        return this.moveTo(this.row - n, this.col);
      case 'C':
        return this.moveTo(this.row, this.col + n);
      case 'H':
        return this.moveTo(0, 0);
      case 'J':
        if (params === '2' || params === '3') {
          if (params === '2') this.rows = this.rows.map(() => []);
          return;
        }
        this.rows[this.row] = this.line(this.row).slice(0, this.col);
        this.rows.length = this.row + 1;
        return;
      case 'm':
        return;
      default:
        throw new Error(`unsupported CSI ${params}${op}`);
    }
  }

  /** The screen as text lines, right-trimmed, without trailing empty lines. */
  text(): string[] {
    // Cells never written are trimmed; spaces that were written (a prompt's last one) are kept.
    const out = this.rows.map((r) => Array.from(r, (c) => c ?? ' ').join('').slice(0, r.length));
    while (out.length > 1 && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** The cursor as [row, col]. */
  cursor(): [number, number] {
    return [this.row, this.col];
  }
}
