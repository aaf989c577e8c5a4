// The AWK language (POSIX awk, as mawk and BusyBox awk read it) for the one-liners tutorials pipe into: rules of
// `pattern { action }` with BEGIN/END, regex and expression patterns, print/printf, assignments, if/else, next,
// fields ($N, $NF), NR/NF/FS/OFS, string and number expressions, ~ and !~, and a few built-in functions.

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: RegExp }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'incr'; op: '++' | '--'; target: Expr; prefix: boolean }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr };

export type Stmt =
  | { k: 'print'; args: Expr[] }
  | { k: 'printf'; args: Expr[] }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; then: Stmt[]; else: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e: Expr | null };

export interface Rule {
  pattern: Expr | 'BEGIN' | 'END' | null;
  action: Stmt[] | null;
}

export class AwkSyntaxError extends Error {}

type Tok = { t: 'num' | 'str' | 're' | 'name' | 'op' | 'nl' | 'eof'; v: string };

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '!~', '++', '--', '+=', '-=', '*=', '/=', '%=', '{', '}', '(', ')', ';', ',', '<', '>', '!', '~', '+', '-', '*', '/', '%', '=', '$', '?', ':'];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  // A `/` starts a regex where an operand is expected (not after a value).
  const valueBefore = () => {
    const p = out[out.length - 1];
    return !!p && (p.t === 'num' || p.t === 'str' || p.t === 'name' || (p.t === 'op' && (p.v === ')' || p.v === '$')));
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '\n') {
      out.push({ t: 'nl', v: '\n' });
      i++;
    } else if (c === '#') while (i < src.length && src[i] !== '\n') i++;
    else if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[++i];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        } else s += src[i];
        i++;
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway string constant');
      i++;
      out.push({ t: 'str', v: s });
    } else if (c === '/' && !valueBefore()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') i++;
        s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway regular expression');
      i++;
      out.push({ t: 're', v: s });
    } else if (/[0-9.]/.test(c) && /[0-9]/.test(src[i + (c === '.' ? 1 : 0)] ?? '')) {
      const m = /^\d*\.?\d+(?:[eE][+-]?\d+)?|^\d+\.?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'name', v: m[0] });
      i += m[0].length;
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkSyntaxError(`syntax error at or near ${c}`);
      out.push({ t: 'op', v: op });
      i += op.length;
    }
  }
  out.push({ t: 'eof', v: '' });
  return out;
}

export function parseAwk(src: string): Rule[] {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p];
  const is = (v: string) => toks[p].t === 'op' && toks[p].v === v;
  const eat = (v: string) => {
    if (!is(v)) throw new AwkSyntaxError(`syntax error at or near ${toks[p].v || 'end of file'}`);
    p++;
  };
  const skipNl = () => {
    while (toks[p].t === 'nl' || is(';')) p++;
  };
  const skipNewlines = () => {
    while (toks[p].t === 'nl') p++;
  };

  const primary = (): Expr => {
    const t = peek();
    if (t.t === 'num') return p++, { k: 'num', v: Number(t.v) };
    if (t.t === 'str') return p++, { k: 'str', v: t.v };
    if (t.t === 're') return p++, { k: 're', v: new RegExp(t.v) };
    if (is('$')) {
      p++;
      return { k: 'field', e: primary() };
    }
    if (is('(')) {
      p++;
      const e = expr();
      eat(')');
      return e;
    }
    if (is('!')) return p++, { k: 'not', e: unary() };
    if (is('-')) return p++, { k: 'neg', e: unary() };
    if (is('++') || is('--')) {
      const op = toks[p++].v as '++' | '--';
      return { k: 'incr', op, target: primary(), prefix: true };
    }
    if (t.t === 'name') {
      p++;
      if (is('(') && ['length', 'substr', 'index', 'split', 'toupper', 'tolower', 'int', 'sprintf', 'gsub', 'sub', 'match'].includes(t.v)) {
        p++;
        const args: Expr[] = [];
        while (!is(')')) {
          args.push(expr());
          if (is(',')) p++;
        }
        eat(')');
        return { k: 'call', name: t.v, args };
      }
      if (t.v === 'length') return { k: 'call', name: 'length', args: [] };
      return { k: 'var', name: t.v };
    }
    throw new AwkSyntaxError(`syntax error at or near ${t.v || 'end of file'}`);
  };
  const postfix = (): Expr => {
    const e = primary();
    if ((is('++') || is('--')) && (e.k === 'var' || e.k === 'field')) return { k: 'incr', op: toks[p++].v as '++' | '--', target: e, prefix: false };
    return e;
  };
  const unary = (): Expr => postfix();
  const binary = (next: () => Expr, ops: string[]) => (): Expr => {
    let a = next();
    while (toks[p].t === 'op' && ops.includes(toks[p].v)) {
      const op = toks[p++].v;
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const mul = binary(unary, ['*', '/', '%']);
  const add = binary(mul, ['+', '-']);
  // Concatenation: two operands side by side (not an operator that would end the expression).
  const concat = (): Expr => {
    let a = add();
    for (;;) {
      const t = peek();
      const starts = t.t === 'num' || t.t === 'str' || t.t === 'name' || (t.t === 'op' && (t.v === '$' || t.v === '(' || t.v === '!' || t.v === '-' || t.v === '++' || t.v === '--'));
      if (!starts || (t.t === 'name' && ['in', 'getline'].includes(t.v))) return a;
      a = { k: 'bin', op: 'concat', a, b: add() };
    }
  };
  const compare = binary(concat, ['<', '<=', '>', '>=', '==', '!=']);
  const match = binary(compare, ['~', '!~']);
  const and = binary(match, ['&&']);
  const or = binary(and, ['||']);
  const ternary = (): Expr => {
    const c = or();
    if (!is('?')) return c;
    p++;
    const a = ternary();
    eat(':');
    return { k: 'cond', c, a, b: ternary() };
  };
  function expr(): Expr {
    const left = ternary();
    if (toks[p].t === 'op' && ['=', '+=', '-=', '*=', '/=', '%='].includes(toks[p].v) && (left.k === 'var' || left.k === 'field')) {
      const op = toks[p++].v;
      return { k: 'assign', op, target: left, e: expr() };
    }
    return left;
  }
  // print's arguments stop at `>` (redirection is not modelled: it is a comparison only inside parentheses).
  const printArgs = (): Expr[] => {
    const args: Expr[] = [];
    if (is(';') || is('}') || toks[p].t === 'nl' || toks[p].t === 'eof') return args;
    args.push(expr());
    while (is(',')) {
      p++;
      args.push(expr());
    }
    return args;
  };
  const statement = (): Stmt => {
    const t = peek();
    if (t.t === 'name' && (t.v === 'print' || t.v === 'printf')) {
      p++;
      return { k: t.v, args: printArgs() };
    }
    if (t.t === 'name' && t.v === 'next') return p++, { k: 'next' };
    if (t.t === 'name' && t.v === 'exit') {
      p++;
      return { k: 'exit', e: is(';') || is('}') || toks[p].t === 'nl' ? null : expr() };
    }
    if (t.t === 'name' && t.v === 'if') {
      p++;
      eat('(');
      const c = expr();
      eat(')');
      skipNewlines();
      const then = block();
      skipNl();
      let els: Stmt[] = [];
      if (peek().t === 'name' && peek().v === 'else') {
        p++;
        skipNewlines();
        els = block();
      }
      return { k: 'if', c, then, else: els };
    }
    return { k: 'expr', e: expr() };
  };
  const block = (): Stmt[] => {
    if (!is('{')) return [statement()];
    p++;
    const out: Stmt[] = [];
    skipNl();
    while (!is('}')) {
      if (peek().t === 'eof') throw new AwkSyntaxError('syntax error at or near end of file');
      out.push(statement());
      skipNl();
    }
    p++;
    return out;
  };

  const rules: Rule[] = [];
  skipNl();
  while (peek().t !== 'eof') {
    let pattern: Rule['pattern'] = null;
    if (peek().t === 'name' && (peek().v === 'BEGIN' || peek().v === 'END')) pattern = toks[p++].v as 'BEGIN' | 'END';
    else if (!is('{')) pattern = expr();
    const action = is('{') ? block() : null;
    if ((pattern === 'BEGIN' || pattern === 'END') && !action) throw new AwkSyntaxError(`syntax error at or near end of file`);
    rules.push({ pattern, action });
    skipNl();
  }
  return rules;
}
