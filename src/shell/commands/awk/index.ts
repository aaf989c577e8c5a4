// awk (mawk 1.3.4 on Ubuntu and Debian, BusyBox awk in Alpine): runs a parsed program over each input line —
// field splitting by FS, the rules' patterns and actions, BEGIN and END — with AWK's string/number semantics.
import type { CommandContext, Program } from '../../types';
import { lines, readInputs } from '../../gnu-tool';
import { AwkSyntaxError, parseAwk, type Expr, type Rule, type Stmt } from './parse';

type Val = string | number;

class Next extends Error {}
class Exit extends Error {
  constructor(readonly code: number) {
    super('exit');
  }
}

const looksNumeric = (s: string) => /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s);

function num(v: Val): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(v);
  return m ? Number(m[0]) : 0;
}

function str(v: Val): string {
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(6)).toString();
}

/** printf/sprintf's conversions: %s %d %i %f %e %g %x %o %c %%, with flags, width and precision. */
function format(fmt: string, args: Val[]): string {
  let k = 0;
  return fmt.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifegxXoc%])/g, (_m, flags: string, w: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const a = args[k++] ?? '';
    let s: string;
    if (conv === 's') s = prec !== undefined ? str(a).slice(0, Number(prec)) : str(a);
    else if (conv === 'c') s = typeof a === 'number' ? String.fromCharCode(a) : str(a).slice(0, 1);
    else if (conv === 'd' || conv === 'i') s = String(Math.trunc(num(a)));
    else if (conv === 'x' || conv === 'X' || conv === 'o') s = (Math.trunc(num(a)) >>> 0).toString(conv === 'o' ? 8 : 16)[conv === 'X' ? 'toUpperCase' : 'toLowerCase']();
    else if (conv === 'f') s = num(a).toFixed(prec !== undefined ? Number(prec) : 6);
    else if (conv === 'e') s = num(a).toExponential(prec !== undefined ? Number(prec) : 6).replace(/e([+-])(\d)$/, 'e$10$2');
    else s = String(Number(num(a).toPrecision(Number(prec ?? 6) || 1)));
    const width = w ? Number(w) : 0;
    if (s.length >= width) return s;
    if (flags.includes('-')) return s.padEnd(width);
    return flags.includes('0') && conv !== 's' ? s.padStart(width, '0') : s.padStart(width);
  });
}

class Machine {
  vars: Record<string, Val> = { FS: ' ', OFS: ' ', ORS: '\n', NR: 0, NF: 0, RSTART: 0, RLENGTH: -1, SUBSEP: '\x1c' };
  fields: string[] = [''];
  out = '';

  setRecord(line: string): void {
    const fs = str(this.vars.FS);
    const parts = line === '' ? [] : fs === ' ' ? line.trim().split(/[ \t\n]+/).filter(Boolean) : fs.length === 1 ? line.split(fs) : line.split(new RegExp(fs));
    this.fields = [line, ...parts];
    this.vars.NF = parts.length;
  }

  private rebuild(): void {
    this.fields[0] = this.fields.slice(1).join(str(this.vars.OFS));
  }

  private get(e: Expr): Val {
    if (e.k === 'var') return this.vars[e.name] ?? '';
    if (e.k === 'field') {
      const i = Math.trunc(num(this.eval(e.e)));
      return this.fields[i] ?? '';
    }
    return this.eval(e);
  }

  private set(target: Expr, v: Val): void {
    if (target.k === 'var') {
      this.vars[target.name] = v;
      if (target.name === 'NF') {
        this.fields = this.fields.slice(0, Math.trunc(num(v)) + 1);
        while (this.fields.length < Math.trunc(num(v)) + 1) this.fields.push('');
        this.rebuild();
      }
      return;
    }
    if (target.k === 'field') {
      const i = Math.trunc(num(this.eval(target.e)));
      if (i === 0) return this.setRecord(str(v));
      while (this.fields.length <= i) this.fields.push('');
      this.fields[i] = str(v);
      this.vars.NF = this.fields.length - 1;
      this.rebuild();
    }
  }

  private compare(op: string, a: Val, b: Val, ae: Expr, be: Expr): boolean {
    // Numbers compare as numbers; a field or variable holding a numeric string counts as a number too.
    const numeric = (v: Val, e: Expr) => typeof v === 'number' || ((e.k === 'field' || e.k === 'var') && looksNumeric(v));
    let c: number;
    if (numeric(a, ae) && numeric(b, be)) c = num(a) - num(b);
    else c = str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
    return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0;
  }

  private regexOf(e: Expr): RegExp {
    return e.k === 're' ? e.v : new RegExp(str(this.eval(e)));
  }

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return e.v.test(this.fields[0]) ? 1 : 0;
      case 'var':
      case 'field':
        return this.get(e);
      case 'not':
        return this.truthy(this.eval(e.e)) ? 0 : 1;
      case 'neg':
        return -num(this.eval(e.e));
      case 'cond':
        return this.truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'assign': {
        const v = this.eval(e.e);
        const cur = num(this.get(e.target));
        const r = e.op === '=' ? v : e.op === '+=' ? cur + num(v) : e.op === '-=' ? cur - num(v) : e.op === '*=' ? cur * num(v) : e.op === '/=' ? cur / num(v) : cur % num(v);
        this.set(e.target, r);
        return r;
      }
      case 'incr': {
        const cur = num(this.get(e.target));
        const next = e.op === '++' ? cur + 1 : cur - 1;
        this.set(e.target, next);
        return e.prefix ? next : cur;
      }
      case 'bin': {
        if (e.op === '&&') return this.truthy(this.eval(e.a)) && this.truthy(this.eval(e.b)) ? 1 : 0;
        if (e.op === '||') return this.truthy(this.eval(e.a)) || this.truthy(this.eval(e.b)) ? 1 : 0;
        if (e.op === '~' || e.op === '!~') return this.regexOf(e.b).test(str(this.eval(e.a))) === (e.op === '~') ? 1 : 0;
        const a = this.eval(e.a);
        const b = this.eval(e.b);
        if (e.op === 'concat') return str(a) + str(b);
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return this.compare(e.op, a, b, e.a, e.b) ? 1 : 0;
        const x = num(a);
        const y = num(b);
        return e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' ? x * y : e.op === '/' ? x / y : x % y;
      }
      case 'call':
        return this.call(e.name, e.args);
    }
  }

  private call(name: string, args: Expr[]): Val {
    const a = (i: number) => (args[i] ? this.eval(args[i]) : '');
    switch (name) {
      case 'length':
        return str(args.length ? a(0) : this.fields[0]).length;
      case 'substr': {
        const s = str(a(0));
        const start = Math.round(num(a(1)));
        const len = args.length > 2 ? Math.round(num(a(2))) : Infinity;
        const from = Math.max(1, start);
        const to = Math.min(s.length + 1, start + len);
        return to > from ? s.slice(from - 1, to - 1) : '';
      }
      case 'index':
        return str(a(0)).indexOf(str(a(1))) + 1;
      case 'toupper':
        return str(a(0)).toUpperCase();
      case 'tolower':
        return str(a(0)).toLowerCase();
      case 'int':
        return Math.trunc(num(a(0)));
      case 'sprintf':
        return format(str(a(0)), args.slice(1).map((x) => this.eval(x)));
      case 'match': {
        const m = this.regexOf(args[1]).exec(str(a(0)));
        this.vars.RSTART = m ? m.index + 1 : 0;
        this.vars.RLENGTH = m ? m[0].length : -1;
        return this.vars.RSTART;
      }
      case 'sub':
      case 'gsub': {
        const target: Expr = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
        const re = this.regexOf(args[0]);
        const flags = name === 'gsub' ? 'g' : '';
        const rx = new RegExp(re.source, flags);
        // `&` in the replacement is the matched text; `\\&` is a literal ampersand.
        const pieces = str(a(1)).split(/(\\&|&)/);
        const before = str(this.get(target));
        let count = 0;
        const after = before.replace(rx, (matched: string) => {
          count++;
          return pieces.map((piece) => (piece === '&' ? matched : piece === '\\&' ? '&' : piece)).join('');
        });
        if (count) this.set(target, after);
        return count;
      }
      default:
        return '';
    }
  }

  /** A number is true when non-zero; a string when non-empty, unless it looks numeric (a field such as "0"). */
  truthy(v: Val): boolean {
    if (typeof v === 'number') return v !== 0;
    return looksNumeric(v) ? Number(v) !== 0 : v !== '';
  }

  exec(stmts: Stmt[]): void {
    for (const s of stmts) {
      switch (s.k) {
        case 'print': {
          const vals = s.args.length ? s.args.map((x) => {
            const v = this.eval(x);
            return typeof v === 'number' && !Number.isInteger(v) ? String(Number(v.toPrecision(6))) : str(v);
          }) : [this.fields[0]];
          this.out += vals.join(str(this.vars.OFS)) + str(this.vars.ORS);
          break;
        }
        case 'printf':
          if (!s.args.length) throw new AwkSyntaxError('printf: no format');
          this.out += format(str(this.eval(s.args[0])), s.args.slice(1).map((x) => this.eval(x)));
          break;
        case 'expr':
          this.eval(s.e);
          break;
        case 'if':
          this.exec(this.truthy(this.eval(s.c)) ? s.then : s.else);
          break;
        case 'next':
          throw new Next();
        case 'exit':
          throw new Exit(s.e ? Math.trunc(num(this.eval(s.e))) : 0);
      }
    }
  }
}

function runRules(m: Machine, rules: Rule[], inputs: string[]): number {
  let code = 0;
  try {
    for (const r of rules) if (r.pattern === 'BEGIN') m.exec(r.action!);
    for (const line of inputs) {
      m.vars.NR = num(m.vars.NR) + 1;
      m.setRecord(line);
      try {
        for (const r of rules) {
          if (r.pattern === 'BEGIN' || r.pattern === 'END') continue;
          if (r.pattern && !m.truthy(m.eval(r.pattern))) continue;
          if (r.action) m.exec(r.action);
          else m.out += m.fields[0] + str(m.vars.ORS);
        }
      } catch (e) {
        if (!(e instanceof Next)) throw e;
      }
    }
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
  }
  try {
    for (const r of rules) if (r.pattern === 'END') m.exec(r.action!);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
  }
  return code;
}

async function run(ctx: CommandContext): Promise<number> {
  const bb = ctx.env.flavor === 'busybox';
  const args = ctx.argv.slice(1);
  const m = new Machine();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-F' || a.startsWith('-F')) {
      const fs = a === '-F' ? args[++i] : a.slice(2);
      m.vars.FS = fs === 't' ? '\t' : (fs ?? ' ').replace(/\\t/g, '\t');
    } else if (a === '-v' || a.startsWith('-v')) {
      const assign = a === '-v' ? args[++i] : a.slice(2);
      const eq = (assign ?? '').indexOf('=');
      if (eq > 0) m.vars[assign.slice(0, eq)] = assign.slice(eq + 1);
    } else if (a === '--version' || a === '-W') {
      ctx.out(bb ? '' : 'mawk 1.3.4 20240123\nCopyright 2008-2023,2024, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      ctx.err(bb ? `awk: unrecognized option: ${a.slice(1)}\n` : `mawk: not an option: ${a}\n`);
      return 2;
    } else break;
  }
  const program = args[i++];
  if (program === undefined) {
    ctx.err(bb ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n' : 'usage: mawk [-F value] [-v var=value] [--] \'program text\' [file ...]\nusage: mawk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n');
    return 2;
  }
  let rules: Rule[];
  try {
    rules = parseAwk(program);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    ctx.err(bb ? `awk: cmd. line:1: ${e.message}\n` : `mawk: line 1: ${e.message}\n`);
    return 2;
  }
  const files = args.slice(i);
  const needsInput = rules.some((r) => r.pattern !== 'BEGIN');
  const { texts, failed } = needsInput ? readInputs(ctx, files, bb ? 'awk' : 'mawk') : { texts: [], failed: false };
  let code: number;
  try {
    code = runRules(m, rules, texts.flatMap((t) => lines(t.text)));
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    ctx.out(m.out);
    ctx.err(bb ? `awk: cmd. line:1: ${e.message}\n` : `mawk: run time error: ${e.message}\n`);
    return 2;
  }
  ctx.out(m.out);
  return failed ? 2 : code;
}

export const awk: Program = { name: 'awk', summary: 'pattern scanning and text processing language', run };
