// A POSIX-sh subset parser over the lexer's tokens: pipelines, &&, ||, ;, &, redirections, and the compound
// commands for/while/until/if and { ...; } / ( ... ) groups.
import type { AndOr, Command, CompoundCommand, Pipeline, Redirect, Script, SimpleCommand, Word } from './ast';
import { Incomplete, SyntaxError_, tokenize, type Token } from './lexer';

export type ParseOutcome =
  | { ok: true; script: Script }
  /** The line ends inside a quote or after `|`/`&&`: an interactive shell asks for more (PS2 `> `). */
  | { ok: false; incomplete: true; message: string }
  | { ok: false; incomplete: false; message: string };

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return !!t && t.kind === 'op' && t.op === op;
  }

  script(): Script {
    const s = this.list([]);
    if (this.peek()) this.unexpected();
    return s;
  }

  /** A reserved word at this command position (`do`, `done`, `fi`, `}` ...): an unquoted word that is exactly it. */
  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return !!t && t.kind === 'word' && t.word.length === 1 && t.word[0].kind === 'lit' && !t.word[0].quoted && words.includes(t.text);
  }

  /** Commands up to one of `stops` (reserved words, or `)`), which is left for the caller. */
  private list(stops: string[]): Script {
    const items: AndOr[] = [];
    const atStop = () => this.isWord(...stops.filter((s) => s !== ')')) || (stops.includes(')') && this.isOp(')'));
    for (;;) {
      this.skipNewlines();
      if (!this.peek() || atStop()) break;
      if (this.isOp(';') || this.isOp('&')) this.unexpected();
      const start = this.pos;
      const item = this.andOr();
      item.text = this.tokens.slice(start, this.pos).map((t) => (t.kind === 'word' ? t.text : t.op)).join(' ');
      if (this.isOp('&')) item.background = true;
      items.push(item);
      if (this.isOp(';') || this.isOp('&') || this.isOp('\n')) this.pos++;
      else if (this.peek() && !atStop()) this.unexpected();
    }
    return { items };
  }

  /** The body of a compound command up to `stops`; the input ending first asks for more (PS2), like bash. */
  private body(opener: string, stops: string[]): Script {
    const s = this.list(stops);
    if (!this.peek()) throw new Incomplete(opener);
    return s;
  }

  private expectWord(word: string, opener: string): void {
    this.skipNewlines();
    if (!this.peek()) throw new Incomplete(opener);
    if (!this.isWord(word)) this.unexpected();
    this.pos++;
  }

  private compound(): CompoundCommand | null {
    const t = this.peek();
    if (t && t.kind === 'op' && t.op === '(') {
      this.pos++;
      const body = this.body('(', [')']);
      this.pos++;
      return { kind: 'group', subshell: true, body, redirects: this.redirects() };
    }
    if (this.isWord('{')) {
      this.pos++;
      const body = this.body('{', ['}']);
      this.pos++;
      return { kind: 'group', subshell: false, body, redirects: this.redirects() };
    }
    if (this.isWord('for')) {
      this.pos++;
      const name = this.peek();
      if (!name) throw new Incomplete('for');
      if (name.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.text)) this.unexpected();
      this.pos++;
      const words: Word[] = [];
      if (this.isWord('in')) {
        this.pos++;
        while (this.peek()?.kind === 'word') words.push((this.tokens[this.pos++] as { word: Word }).word);
      }
      if (this.isOp(';')) this.pos++;
      this.expectWord('do', 'for');
      const body = this.body('for', ['done']);
      this.pos++;
      return { kind: 'for', name: name.text, words, body, redirects: this.redirects() };
    }
    if (this.isWord('while', 'until')) {
      const until = this.isWord('until');
      const opener = until ? 'until' : 'while';
      this.pos++;
      const cond = this.body(opener, ['do']);
      this.pos++;
      const body = this.body(opener, ['done']);
      this.pos++;
      return { kind: 'while', until, cond, body, redirects: this.redirects() };
    }
    if (this.isWord('if')) {
      this.pos++;
      const branches: { cond: Script; body: Script }[] = [];
      let otherwise: Script | null = null;
      for (;;) {
        const cond = this.body('if', ['then']);
        this.pos++;
        const body = this.body('if', ['elif', 'else', 'fi']);
        branches.push({ cond, body });
        if (this.isWord('elif')) {
          this.pos++;
          continue;
        }
        if (this.isWord('else')) {
          this.pos++;
          otherwise = this.body('if', ['fi']);
        }
        this.pos++;
        break;
      }
      return { kind: 'if', branches, otherwise, redirects: this.redirects() };
    }
    // A reserved word where a command should start is bash's syntax error.
    if (this.isWord('do', 'done', 'then', 'elif', 'else', 'fi', '}')) this.unexpected();
    return null;
  }

  /** Redirections after a compound command (`done > file`). */
  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (let t = this.peek(); t && t.kind === 'op'; t = this.peek()) {
      const r = this.redirect(t.op);
      if (!r) break;
      out.push(r);
    }
    return out;
  }

  /** Line breaks where the grammar allows them (between commands, after `|`, `&&`, `||`). */
  private skipNewlines(): void {
    while (this.isOp('\n')) this.pos++;
  }

  private unexpected(): never {
    const t = this.peek();
    const text = !t || (t.kind === 'op' && t.op === '\n') ? 'newline' : t.kind === 'op' ? t.op : t.text;
    throw new SyntaxError_(`syntax error near unexpected token \`${text}'`);
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { op: '&&' | '||' }).op;
      this.pos++;
      this.skipNewlines();
      if (!this.peek()) throw new Incomplete(op);
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    const t = this.peek();
    if (t && t.kind === 'word' && t.text === '!') {
      negate = true;
      this.pos++;
    }
    const commands: Command[] = [this.command()];
    while (this.isOp('|')) {
      this.pos++;
      this.skipNewlines();
      if (!this.peek()) throw new Incomplete('|');
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    return this.compound() ?? this.simple();
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { assignments: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.kind === 'op') {
        const r = this.redirect(t.op);
        if (!r) break;
        cmd.redirects.push(r);
        continue;
      }
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.text);
      if (assign && cmd.words.length === 0 && t.word[0].kind === 'lit' && !t.word[0].quoted) {
        const value = structuredClone(t.word);
        (value[0] as { text: string }).text = (value[0] as { text: string }).text.slice(assign[0].length);
        cmd.assignments.push({ name: assign[1], value });
      } else {
        cmd.words.push(t.word);
      }
      this.pos++;
    }
    if (cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0) this.unexpected();
    return cmd;
  }

  private redirect(op: string): Redirect | null {
    if (op === '2>&1') {
      this.pos++;
      return { fd: 2, op: '>&', target: 1 };
    }
    const map: Record<string, [number, Redirect['op']]> = {
      '>': [1, '>'], '>>': [1, '>>'], '<': [0, '<'], '2>': [2, '>'], '2>>': [2, '>>'], '&>': [3, '>'], '>&': [3, '>'],
    };
    const m = map[op];
    if (!m) return null;
    this.pos++;
    const target = this.peek();
    if (!target || target.kind !== 'word') this.unexpected();
    this.pos++;
    return { fd: m[0], op: m[1], target: (target as { word: Word }).word };
  }
}

/** Parses one input line (or several joined by newlines). */
export function parseLine(src: string): ParseOutcome {
  try {
    const tokens = tokenize(src);
    return { ok: true, script: new Parser(tokens).script() };
  } catch (e) {
    if (e instanceof Incomplete) return { ok: false, incomplete: true, message: e.message };
    if (e instanceof SyntaxError_) return { ok: false, incomplete: false, message: e.message };
    throw e;
  }
}

/** The words of a line as plain strings, for completion and history (no expansion). */
export function roughWords(src: string): string[] {
  try {
    return tokenize(src).flatMap((t) => (t.kind === 'word' ? [t.word.map((p) => (p.kind === 'lit' ? p.text : '')).join('')] : []));
  } catch {
    return src.split(/\s+/).filter(Boolean);
  }
}
