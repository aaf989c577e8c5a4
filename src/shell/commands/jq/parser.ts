// Parser for jq programs: tokens to an AST by precedence climbing, with bison's syntax error wording.
import type { FuncDef, Node } from './ast';
import { KEYWORDS, lex, LexError, tokenName, type Token } from './lexer';
import { object, pattern as parsePattern } from './parser-objects';

/** One compile error: jq prints the message, then the program line it points into. */
export interface CompileError {
  message: string;
  pos: number;
}

export class ParseFailure extends Error {
  constructor(readonly errors: CompileError[]) {
    super(errors[0].message);
  }
}

const BINARY: Record<string, [number, 'left' | 'right' | 'none']> = {
  '|': [1, 'right'],
  ',': [2, 'left'],
  '//': [3, 'right'],
  '=': [4, 'none'], '|=': [4, 'none'], '+=': [4, 'none'], '-=': [4, 'none'], '*=': [4, 'none'], '/=': [4, 'none'], '%=': [4, 'none'], '//=': [4, 'none'],
  or: [5, 'left'],
  and: [6, 'left'],
  '==': [7, 'none'], '!=': [7, 'none'], '<': [7, 'none'], '<=': [7, 'none'], '>': [7, 'none'], '>=': [7, 'none'],
  '+': [8, 'left'], '-': [8, 'left'],
  '*': [9, 'left'], '/': [9, 'left'], '%': [9, 'left'],
};

export class Parser {
  private i = 0;
  /** Open `if`/`try` constructs, for bison's "Possibly unterminated" note. */
  private open: { what: string; pos: number }[] = [];

  constructor(private toks: Token[]) {}

  get peek(): Token {
    return this.toks[this.i];
  }

  pt(): string {
    return this.toks[this.i].t;
  }

  next(): Token {
    return this.toks[this.i++];
  }

  ahead(n: number): Token {
    return this.toks[this.i + n];
  }

  fail(expecting?: string[]): never {
    const t = this.peek;
    const exp = expecting?.length ? `, expecting ${expecting.join(' or ')}` : '';
    const errors: CompileError[] = [{ message: `syntax error, unexpected ${tokenName(t)}${exp} (Unix shell quoting issues?)`, pos: t.pos }];
    const note = this.open[this.open.length - 1];
    if (note && t.t === 'EOF') errors.push({ message: `Possibly unterminated '${note.what}' statement`, pos: note.pos });
    throw new ParseFailure(errors);
  }

  /** Whether the current token can begin an expression. */
  private startsTerm(): boolean {
    return ['.', '..', 'FIELD', 'LITERAL', 'QQSTRING_START', 'FORMAT', '(', '[', '{', 'BINDING', '$__loc__', 'IDENT', 'if', 'try', 'reduce', 'foreach', 'def', 'label', 'break', '-'].includes(this.pt());
  }

  expect(t: string, expecting?: string[]): Token {
    if (this.pt() !== t) this.fail(expecting);
    return this.next();
  }

  program(): Node {
    if (this.pt() !== 'EOF' && !this.startsTerm()) this.fail(['end of file']);
    const e = this.pipe();
    if (this.pt() !== 'EOF') this.fail(['end of file']);
    return e;
  }

  /** Exp: binary operators by precedence, lowest first. */
  pipe(minPrec = 1): Node {
    let left = this.unary(minPrec);
    for (;;) {
      const t = this.pt();
      const op = BINARY[t];
      if (!op || op[0] < minPrec) break;
      this.next();
      const right = this.pipe(op[1] === 'right' ? op[0] : op[0] + 1);
      left = this.combine(t, left, right);
    }
    return left;
  }

  private combine(op: string, l: Node, r: Node): Node {
    if (op === '|') return { k: 'pipe', l, r };
    if (op === ',') return { k: 'comma', l, r };
    if (op === '//') return { k: 'alt', l, r };
    if (op === 'and' || op === 'or') return { k: op, l, r };
    if (op === '=' || op.endsWith('=') && op !== '==' && op !== '!=' && op !== '<=' && op !== '>=') return { k: 'assign', op, l, r };
    return { k: 'binop', op, l, r };
  }

  private unary(minPrec: number): Node {
    if (this.pt() === '-') {
      this.next();
      return { k: 'neg', e: this.pipe(Math.max(minPrec, 9)) };
    }
    return this.termExp();
  }

  /** A term, or one of the constructs that take the rest of the expression (`as`, `def`, `label`). */
  private termExp(): Node {
    const t = this.peek;
    if (t.t === 'def') {
      const def = this.funcDef();
      return { k: 'def', def, body: this.pipe() };
    }
    if (t.t === 'label') {
      this.next();
      const name = this.expect('BINDING').v as string;
      this.expect('|');
      return { k: 'label', name, body: this.pipe() };
    }
    const term = this.postfix();
    if (this.pt() === 'as') {
      this.next();
      const pattern = parsePattern(this);
      this.expect('|', ["'|'"]);
      return { k: 'as', src: term, pattern, body: this.pipe() };
    }
    return term;
  }

  private funcDef(): FuncDef {
    this.expect('def');
    const nameTok = this.peek;
    if (nameTok.t !== 'IDENT' && !KEYWORDS.has(nameTok.t)) this.fail();
    this.next();
    const params: string[] = [];
    if (this.pt() === '(') {
      this.next();
      for (;;) {
        const p = this.next();
        if (p.t === 'IDENT') params.push(p.v as string);
        else if (p.t === 'BINDING') params.push('$' + (p.v as string));
        else {
          this.i--;
          this.fail();
        }
        if (this.pt() === ';') this.next();
        else break;
      }
      this.expect(')');
    }
    this.expect(':');
    const body = this.pipe();
    this.expect(';');
    return { name: (nameTok.v as string) ?? nameTok.t, params, body };
  }


  /** Term with its suffixes: `.a`, `."a"`, `[e]`, `[a:b]`, `[]`, `?`. */
  postfix(): Node {
    let e = this.primary();
    for (;;) {
      const t = this.peek;
      if (t.t === 'FIELD') {
        this.next();
        e = { k: 'index', target: e, index: { k: 'literal', v: t.v as string }, pos: t.pos };
      } else if (t.t === '.' && this.toks[this.i + 1].t === 'QQSTRING_START') {
        this.next();
        e = { k: 'index', target: e, index: this.string(), pos: t.pos };
      } else if (t.t === '.' && this.toks[this.i + 1].t === '[') {
        this.next();
        e = this.bracket(e);
      } else if (t.t === '[') e = this.bracket(e);
      else if (t.t === '?') {
        this.next();
        e = { k: 'try', body: e };
      } else return e;
    }
  }

  private bracket(target: Node): Node {
    const open = this.expect('[');
    if (this.pt() === ']') {
      this.next();
      return { k: 'iterate', target };
    }
    if (this.pt() === ':') {
      this.next();
      const to = this.pipe();
      this.expect(']');
      return { k: 'slice', target, to };
    }
    const idx = this.pipe();
    if (this.pt() === ':') {
      this.next();
      if (this.pt() === ']') {
        this.next();
        return { k: 'slice', target, from: idx };
      }
      const to = this.pipe();
      this.expect(']');
      return { k: 'slice', target, from: idx, to };
    }
    this.expect(']');
    return { k: 'index', target, index: idx, pos: open.pos };
  }

  string(format?: string): Node {
    this.expect('QQSTRING_START');
    const parts: (string | Node)[] = [];
    const want = ['QQSTRING_TEXT', 'QQSTRING_INTERP_START', 'QQSTRING_END'];
    for (;;) {
      const t = this.peek;
      if (t.t === 'QQSTRING_TEXT') {
        this.next();
        parts.push(t.v as string);
      } else if (t.t === 'QQSTRING_INTERP_START') {
        this.next();
        parts.push(this.pipe());
        this.expect('QQSTRING_INTERP_END');
      } else if (t.t === 'QQSTRING_END') {
        this.next();
        break;
      } else this.fail(want);
    }
    if (!format && parts.every((p) => typeof p === 'string')) return { k: 'literal', v: parts.join('') };
    return { k: 'string', parts, format };
  }

  private primary(): Node {
    const t = this.peek;
    switch (t.t) {
      case '.':
        this.next();
        if (this.pt() === 'QQSTRING_START') return { k: 'index', target: { k: 'identity' }, index: this.string(), pos: t.pos };
        return { k: 'identity' };
      case '..':
        this.next();
        return { k: 'recurse' };
      case 'FIELD':
        this.next();
        return { k: 'index', target: { k: 'identity' }, index: { k: 'literal', v: t.v as string }, pos: t.pos };
      case 'LITERAL':
        this.next();
        return { k: 'literal', v: t.v! };
      case 'QQSTRING_START':
        return this.string();
      case 'FORMAT':
        this.next();
        if (this.pt() === 'QQSTRING_START') return this.string(t.v as string);
        return { k: 'format', name: t.v as string };
      case '(': {
        this.next();
        const e = this.pipe();
        this.expect(')');
        return e;
      }
      case '[': {
        this.next();
        if (this.pt() === ']') {
          this.next();
          return { k: 'array' };
        }
        const body = this.pipe();
        this.expect(']');
        return { k: 'array', body };
      }
      case '{':
        return object(this);
      case 'BINDING':
        this.next();
        return { k: 'var', name: t.v as string, pos: t.pos };
      case '$__loc__':
        this.next();
        return { k: 'loc', line: 1 };
      case 'IDENT': {
        this.next();
        const name = t.v as string;
        if (name === 'true' || name === 'false') return { k: 'literal', v: name === 'true' };
        if (name === 'null') return { k: 'literal', v: null };
        const args: Node[] = [];
        if (this.pt() === '(') {
          this.next();
          args.push(this.pipe());
          while (this.pt() === ';') {
            this.next();
            args.push(this.pipe());
          }
          this.expect(')');
        }
        return { k: 'call', name, args, pos: t.pos };
      }
      case 'if':
        return this.ifExp();
      case 'try': {
        this.next();
        const body = this.postTerm();
        let handler: Node | undefined;
        if (this.pt() === 'catch') {
          this.next();
          this.open.push({ what: 'try', pos: t.pos });
          handler = this.postTerm();
          this.open.pop();
        }
        return { k: 'try', body, handler };
      }
      case 'reduce':
      case 'foreach': {
        this.next();
        const src = this.postfix();
        this.expect('as');
        const pattern = parsePattern(this);
        this.expect('(');
        const init = this.pipe();
        this.expect(';');
        const update = this.pipe();
        let extract: Node | undefined;
        if (t.t === 'foreach' && this.pt() === ';') {
          this.next();
          extract = this.pipe();
        }
        this.expect(')');
        return t.t === 'reduce' ? { k: 'reduce', src, pattern, init, update } : { k: 'foreach', src, pattern, init, update, extract };
      }
      case 'break': {
        this.next();
        const b = this.expect('BINDING');
        return { k: 'break', name: b.v as string, pos: t.pos };
      }
    }
    this.fail();
  }

  /** The body of `try` and `catch`: a term with suffixes, or a unary minus on one. */
  private postTerm(): Node {
    if (this.pt() === '-') {
      this.next();
      return { k: 'neg', e: this.postTerm() };
    }
    return this.postfix();
  }

  private ifExp(): Node {
    const start = this.expect('if');
    const cond = this.pipe();
    this.expect('then');
    this.open.push({ what: 'if', pos: start.pos });
    const then = this.pipe();
    let els: Node | undefined;
    const t = this.peek;
    if (t.t === 'elif') {
      this.toks[this.i] = { ...t, t: 'if' };
      els = this.ifExp();
      this.open.pop();
      return { k: 'if', cond, then, else: els };
    }
    if (t.t === 'else') {
      this.next();
      els = this.pipe();
    }
    this.expect('end');
    this.open.pop();
    return { k: 'if', cond, then, else: els };
  }


}

/** Parses a program, or throws ParseFailure with jq's messages. */
export function parse(src: string): Node {
  let toks: Token[];
  try {
    toks = lex(src);
  } catch (e) {
    if (e instanceof LexError) throw new ParseFailure([{ message: e.message, pos: e.pos }]);
    throw e;
  }
  return new Parser(toks).program();
}
