// Connects a terminal to a lab shell session: line editing, history, Tab, Ctrl-C, prompts, and one ordered queue
// so text typed while a command runs is held back and never lands inside its output.
import type { LabClient } from '../../worker/client';
import { DETACH_KEYS_LINE, type ExecDone, type ExecEvent, type SessionInfo } from '../../worker/protocol';
import { LineEditor } from './line-editor';
import { endsAtMargin, redrawLine, toTerminal } from './redraw';
import { isPaste, splitKeys } from './keys';
import { QUERY_ITEMS, columns, commonPrefix, completionTail } from './completion-list';

/** The small part of xterm the controller needs (so it can be tested without a DOM). */
export interface TerminalLike {
  readonly cols: number;
  /** `done` runs once xterm has processed the data. */
  write(data: string, done?: () => void): void;
  onData(cb: (data: string) => void): void;
}

/** The part of the lab client one terminal uses. */
export type ShellBackend = Pick<LabClient, 'exec' | 'interrupt' | 'provideInput' | 'complete' | 'endOfInput'>;

/** prompt: editing a command; running: output streams, keys queue; input: a command reads a line; query: y/n for a long listing. */
type Mode = 'starting' | 'prompt' | 'running' | 'input' | 'query';

export interface ControllerEvents {
  /** A command line finished (lessons re-evaluate checks on this). */
  onCommandDone?(line: string, exitCode: number): void;
  /** History changed (persist it). */
  onHistory?(entries: readonly string[]): void;
  /** The prompt first accepts input. */
  onReady?(): void;
  /** The login shell exited (Ctrl-D or `exit`): return a new session to continue in. */
  onClosed?(): Promise<SessionInfo>;
  /** Milliseconds from Enter until xterm has processed the command's first output. */
  onLatency?(ms: number): void;
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
  /** In a container shell reached through the docker client, which watches for its detach keys. */
  private attached = false;
  /** Ctrl-P typed there: the docker client holds it until the next key says whether it was a detach. */
  private heldCtrlP = false;
  /** Output printed since the last newline: a question's text, which redraws must keep. */
  private outputTail = '';
  /** Candidates waiting for the answer to "Display all N possibilities?". */
  private queried: string[] = [];
  /** Lines of a command still open (an unclosed quote, a trailing `|`): the shell asked for more at `continuation`. */
  private continued: string[] = [];
  private continuation = '';

  constructor(
    private readonly term: TerminalLike,
    private readonly backend: ShellBackend,
    private sessionId: string,
    initialPrompt: string,
    history: string[] = [],
    private readonly events: ControllerEvents = {},
  ) {
    this.editor = new LineEditor(history);
    this.prompt = initialPrompt;
    term.onData((data) => this.receive(data));
  }

  get session(): string {
    return this.sessionId;
  }

  get busy(): boolean {
    return this.mode === 'running' || this.mode === 'input';
  }

  /** Prints the first prompt and starts accepting keys. */
  start(): void {
    this.showPrompt();
  }

  /**
   * The world was replaced and the shell restarted at `prompt`. At an unchanged prompt nothing shows; otherwise the
   * new prompt is printed on a fresh line with what was being typed (a running command ends on its own).
   */
  restart(prompt: string): void {
    if (this.mode !== 'prompt') {
      this.prompt = prompt;
      return;
    }
    if (prompt === this.prompt && !this.continued.length) return;
    this.paint(true);
    this.prompt = prompt;
    this.continued = [];
    this.term.write('\r\n');
    this.cursorRow = 0;
    this.paint();
  }

  /**
   * Output of a background job (`CMD &`) arriving while this terminal waits at a prompt: it goes on lines of its own
   * above the prompt, which is drawn again with what was being typed. During a command it simply joins the output.
   */
  background(data: string): void {
    if (this.mode !== 'prompt') {
      this.term.write(toTerminal(data));
      return;
    }
    this.paint(true);
    this.term.write('\r\n' + toTerminal(data.endsWith('\n') ? data : data + '\n'));
    this.cursorRow = 0;
    this.paint();
  }

  /** Types and runs a command as if the user had (lesson "run" buttons); queued behind a running command. */
  typeAndRun(line: string): void {
    this.receive(line.replace(/\n?$/, '\r'));
  }

  /** The prompt in front of the line being edited: a command's question, PS2 while a command is open, else PS1. */
  private get linePrompt(): string {
    if (this.mode === 'input') return this.inputPrompt;
    return this.continued.length ? this.continuation : this.prompt;
  }

  private showPrompt(): void {
    this.mode = 'prompt';
    this.editor.reset();
    this.cursorRow = 0;
    this.term.write(this.linePrompt);
    if (!this.readyFired) {
      this.readyFired = true;
      this.events.onReady?.();
    }
    this.drain();
  }

  private receive(data: string): void {
    // A pasted Tab inserts a space rather than completing (bash with bracketed paste inserts it literally).
    const keys = splitKeys(isPaste(data) ? data.replace(/\t/g, ' ') : data);
    for (const key of keys) {
      if (key === '\x03' && this.mode === 'running') {
        this.term.write('^C');
        this.pending = [];
        void this.backend.interrupt(this.sessionId);
        continue;
      }
      this.pending.push(key);
    }
    this.drain();
  }

  private drain(): void {
    while (this.pending.length && (this.mode === 'prompt' || this.mode === 'input' || this.mode === 'query')) {
      const key = this.pending.shift()!;
      if (this.mode === 'query') this.answerQuery(key);
      else this.handleKey(key);
    }
  }

  private paint(toEnd = false): void {
    const v = this.editor.view(this.linePrompt);
    const r = redrawLine(v.prompt, v.buffer, toEnd ? v.buffer.length : v.cursor, this.term.cols, this.cursorRow);
    this.cursorRow = r.cursorRow;
    this.term.write(r.data);
  }

  private handleKey(key: string): void {
    if (this.attached && this.mode === 'prompt' && this.detachKeys(key)) return;
    const wasTab = this.lastTab;
    this.lastTab = false;
    const action = this.editor.key(key);
    switch (action.type) {
      case 'redraw':
        this.paint();
        return;
      case 'submit': {
        this.paint(true);
        const v = this.editor.view(this.linePrompt);
        if (!endsAtMargin(v.prompt, v.buffer, this.term.cols)) this.term.write('\r\n');
        if (this.mode === 'input') {
          this.mode = 'running';
          void this.backend.provideInput(this.sessionId, action.line);
        } else {
          this.run(action.line);
        }
        return;
      }
      case 'interrupt':
        this.paint(true);
        this.term.write('^C\r\n');
        if (this.mode === 'input') {
          this.mode = 'running';
          void this.backend.interrupt(this.sessionId);
        } else {
          // At PS2 bash drops the whole unfinished command.
          this.continued = [];
          this.showPrompt();
        }
        return;
      case 'clear-screen':
        this.term.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
        this.paint();
        return;
      case 'eof':
        if (this.mode === 'input') {
          this.mode = 'running';
          this.term.write('\r\n');
          void this.backend.provideInput(this.sessionId, null);
        } else if (this.continued.length) {
          this.runOpen();
        } else {
          this.leaveShell();
        }
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
    const { from, candidates } = await this.backend.complete(this.sessionId, line, cursor).catch(() => ({ from: cursor, candidates: [] as string[] }));
    this.mode = 'prompt';
    const word = line.slice(from, cursor);
    if (candidates.length === 1) {
      this.editor.insert(completionTail(candidates[0], word));
      this.paint();
    } else if (candidates.length > 1) {
      const common = commonPrefix(candidates);
      if (common.length > word.length) {
        this.editor.insert(common.slice(word.length));
        this.paint();
      } else if (!secondTab) {
        this.lastTab = true;
        this.term.write('\x07');
      } else if (candidates.length >= QUERY_ITEMS) {
        this.paint(true);
        this.term.write(`\r\nDisplay all ${candidates.length} possibilities? (y or n)`);
        this.queried = candidates;
        this.mode = 'query';
      } else {
        this.list(candidates);
      }
    }
    this.drain();
  }

  private list(candidates: string[]): void {
    this.paint(true);
    this.term.write('\r\n' + toTerminal(columns(candidates, this.term.cols)));
    this.cursorRow = 0;
    this.paint();
  }

  private answerQuery(key: string): void {
    if (key !== 'y' && key !== 'Y' && key !== ' ' && key !== 'n' && key !== 'N' && key !== '\x7f' && key !== '\x07') return;
    this.mode = 'prompt';
    const yes = key === 'y' || key === 'Y' || key === ' ';
    this.term.write('\r\n');
    this.cursorRow = 0;
    if (yes) this.term.write(toTerminal(columns(this.queried, this.term.cols)));
    this.queried = [];
    this.paint();
  }

  /** docker's detach keys: Ctrl-P Ctrl-Q leaves the container; Ctrl-P then anything else reaches the shell as typed. */
  private detachKeys(key: string): boolean {
    if (!this.heldCtrlP) {
      if (key !== '\x10') return false;
      this.heldCtrlP = true;
      return true;
    }
    this.heldCtrlP = false;
    if (key !== '\x11') {
      this.pending.unshift(key);
      this.attached = false;
      this.handleKey('\x10');
      this.attached = true;
      return true;
    }
    this.mode = 'running';
    this.outputTail = '';
    this.finish(null, this.backend.exec(this.sessionId, DETACH_KEYS_LINE, this.output({ t: null })));
    return true;
  }

  /** Output of a running command, in order; an input request hands the keyboard to the command. */
  private output(firstOutputAt: { t: number | null }): (e: ExecEvent) => void {
    return (e) => {
      if (e.type === 'input-request') {
        this.mode = 'input';
        this.inputPrompt = this.outputTail;
        this.editor.reset();
        this.drain();
        return;
      }
      this.outputTail = (this.outputTail + e.data).split('\n').pop() ?? '';
      const t0 = firstOutputAt.t;
      firstOutputAt.t = null;
      this.term.write(toTerminal(e.data), t0 === null ? undefined : () => this.events.onLatency?.(performance.now() - t0));
    };
  }

  /** Sends the line (with the lines typed before it at PS2); the shell runs it, or asks for more. */
  private run(line: string): void {
    const lines = [...this.continued, line];
    this.mode = 'running';
    this.outputTail = '';
    const first = { t: performance.now() };
    this.finish(lines, this.backend.exec(this.sessionId, lines.join('\n'), this.output(first)));
  }

  /** Ctrl-D at PS2: the shell gets end of input in the middle of a command and says what is missing. */
  private runOpen(): void {
    const lines = this.continued;
    this.mode = 'running';
    this.outputTail = '';
    this.finish(lines, this.backend.exec(this.sessionId, lines.join('\n'), this.output({ t: null }), { eof: true }));
  }

  /** Ctrl-D on an empty line: the shell sees end of input and exits (leaving a container's shell). */
  private leaveShell(): void {
    this.mode = 'running';
    this.outputTail = '';
    this.finish(null, this.backend.endOfInput(this.sessionId, this.output({ t: null })));
  }

  /** After a command (or a line that left it open): history, the next prompt, a new login shell if this one ended. */
  private finish(lines: string[] | null, result: Promise<ExecDone>): void {
    result.then(
      async (done) => {
        this.prompt = done.prompt;
        this.attached = !!done.attached;
        if (lines !== null && done.continuation !== undefined) {
          this.continued = lines;
          this.continuation = done.continuation;
          this.showPrompt();
          return;
        }
        this.continued = [];
        if (lines !== null) {
          this.editor.remember(done.history ?? lines.join('\n'));
          this.events.onHistory?.(this.editor.entries);
          this.events.onCommandDone?.(lines.join('\n'), done.exitCode);
        }
        if (done.closed && this.events.onClosed) {
          this.term.write('\x1b[2m[login shell exited; a new one starts]\x1b[0m\r\n');
          const next = await this.events.onClosed();
          this.sessionId = next.id;
          this.prompt = next.prompt;
        }
        this.showPrompt();
      },
      (err: unknown) => {
        this.continued = [];
        this.term.write(toTerminal(`cnlab: ${(err as Error).message}\n`));
        this.showPrompt();
      },
    );
  }
}
