// Connects a terminal to a lab shell session: line editing, history, Tab, Ctrl-C, prompts, and one ordered queue
// so text typed while a command runs is held back and never lands inside its output.
import type { LabClient } from '../../worker/client';
import type { ExecEvent } from '../../worker/protocol';
import { LineEditor } from './line-editor';
import { redrawLine, toTerminal } from './redraw';

/** The small part of xterm the controller needs (so it can be tested without a DOM). */
export interface TerminalLike {
  readonly cols: number;
  write(data: string): void;
  onData(cb: (data: string) => void): void;
  clear(): void;
}

type Mode = 'starting' | 'prompt' | 'running' | 'input';

export interface ControllerEvents {
  /** A command line finished (lessons re-evaluate checks on this). */
  onCommandDone?(line: string, exitCode: number): void;
  /** History changed (persist it). */
  onHistory?(entries: readonly string[]): void;
  /** The prompt first accepts input. */
  onReady?(): void;
}

/** Splits xterm input into key sequences (escape sequences stay whole; pasted text stays as text). */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|[a-zA-Z])/.exec(data.slice(i));
      const len = m ? m[0].length : 1;
      keys.push(data.slice(i, i + len));
      i += len;
    } else if (data[i] === '\n') {
      keys.push('\r');
      i++;
    } else {
      keys.push(data[i]);
      i++;
    }
  }
  return keys;
}

export class TerminalController {
  private mode: Mode = 'starting';
  private prompt = '';
  private inputPrompt = '';
  private cursorRow = 0;
  private readonly editor: LineEditor;
  private pending: string[] = [];
  private lastTab = false;
  private readyFired = false;
  /** Output printed since the last newline: a question's text, which redraws must keep. */
  private outputTail = '';

  constructor(
    private readonly term: TerminalLike,
    private readonly client: LabClient,
    private readonly sessionId: string,
    initialPrompt: string,
    history: string[] = [],
    private readonly events: ControllerEvents = {},
  ) {
    this.editor = new LineEditor(history);
    this.prompt = initialPrompt;
    term.onData((data) => this.receive(data));
  }

  /** Prints the first prompt and starts accepting keys. */
  start(): void {
    this.showPrompt();
  }

  /** Types and runs a command as if the user had (lesson "run" buttons). */
  typeAndRun(line: string): void {
    this.receive(line.replace(/\n?$/, '\r'));
  }

  private showPrompt(): void {
    this.mode = 'prompt';
    this.editor.reset();
    this.cursorRow = 0;
    this.term.write(this.prompt);
    if (!this.readyFired) {
      this.readyFired = true;
      this.events.onReady?.();
    }
    this.drain();
  }

  private receive(data: string): void {
    for (const key of splitKeys(data)) {
      if (key === '\x03' && this.mode === 'running') {
        this.term.write('^C');
        this.pending = [];
        void this.client.interrupt(this.sessionId);
        continue;
      }
      this.pending.push(key);
    }
    this.drain();
  }

  private drain(): void {
    while (this.pending.length && (this.mode === 'prompt' || this.mode === 'input')) {
      this.handleKey(this.pending.shift()!);
    }
  }

  private redraw(): void {
    const prompt = this.mode === 'input' ? this.inputPrompt : this.prompt;
    const r = redrawLine(prompt, this.editor.buffer, this.editor.cursor, this.term.cols, this.cursorRow);
    this.cursorRow = r.cursorRow;
    this.term.write(r.data);
  }

  private moveToEnd(): void {
    const prompt = this.mode === 'input' ? this.inputPrompt : this.prompt;
    this.editor.cursor = this.editor.buffer.length;
    const r = redrawLine(prompt, this.editor.buffer, this.editor.cursor, this.term.cols, this.cursorRow);
    this.cursorRow = r.cursorRow;
    this.term.write(r.data);
  }

  private handleKey(key: string): void {
    const wasTab = this.lastTab;
    this.lastTab = false;
    const action = this.editor.key(key);
    switch (action.type) {
      case 'redraw':
        this.redraw();
        return;
      case 'submit':
        this.moveToEnd();
        this.term.write('\r\n');
        if (this.mode === 'input') {
          this.mode = 'running';
          void this.client.provideInput(this.sessionId, action.line);
        } else {
          this.run(action.line);
        }
        return;
      case 'interrupt':
        this.moveToEnd();
        this.term.write('^C\r\n');
        if (this.mode === 'input') {
          this.mode = 'running';
          void this.client.interrupt(this.sessionId);
        } else {
          this.showPrompt();
        }
        return;
      case 'clear-screen':
        this.term.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
        this.redraw();
        return;
      case 'eof':
        if (this.mode === 'prompt') this.run('exit', true);
        return;
      case 'complete':
        if (this.mode === 'prompt') void this.complete(wasTab);
        return;
      default:
        return;
    }
  }

  private async complete(secondTab: boolean): Promise<void> {
    const line = this.editor.buffer;
    const cursor = this.editor.cursor;
    this.mode = 'running';
    const { from, candidates } = await this.client.complete(this.sessionId, line, cursor);
    this.mode = 'prompt';
    const word = line.slice(from, cursor);
    if (candidates.length === 1) {
      const tail = candidates[0].slice(word.length) + (candidates[0].endsWith('/') ? '' : ' ');
      this.editor.insert(tail);
      this.redraw();
    } else if (candidates.length > 1) {
      let common = candidates[0];
      for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1);
      if (common.length > word.length) {
        this.editor.insert(common.slice(word.length));
        this.redraw();
      } else if (secondTab) {
        this.moveToEnd();
        this.term.write('\r\n' + toTerminal(columns(candidates, this.term.cols)));
        this.cursorRow = 0;
        this.editor.cursor = cursor;
        this.redraw();
      } else {
        this.lastTab = true;
        this.term.write('\x07');
      }
    }
    this.drain();
  }

  private run(line: string, echoed = false): void {
    if (echoed) this.term.write('\r\n');
    this.editor.remember(line);
    this.events.onHistory?.(this.editor.entries);
    this.mode = 'running';
    this.outputTail = '';
    const onEvent = (e: ExecEvent) => {
      if (e.type === 'input-request') {
        this.mode = 'input';
        this.inputPrompt = this.outputTail;
        this.editor.reset();
        this.drain();
        return;
      }
      this.outputTail = (this.outputTail + e.data).split('\n').pop() ?? '';
      this.term.write(toTerminal(e.data));
    };
    this.client.exec(this.sessionId, line, onEvent).then(
      (done) => {
        this.prompt = done.prompt;
        this.events.onCommandDone?.(line, done.exitCode);
        this.showPrompt();
      },
      (err: unknown) => {
        this.term.write(toTerminal(`cnlab: ${(err as Error).message}\n`));
        this.showPrompt();
      },
    );
  }
}

/** bash's candidate listing: names in columns, filling down first. */
export function columns(items: string[], cols: number): string {
  const w = Math.max(...items.map((i) => i.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / w));
  const rows = Math.ceil(items.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) line += item.padEnd(w);
    }
    out += line.trimEnd() + '\n';
  }
  return out;
}
