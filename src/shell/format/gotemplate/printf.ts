// Go's fmt.Sprintf, Sprint and Sprintln (fmt/print.go doPrintf, doPrint, doPrintln).
import { clearFlags } from './fmt-format';
import { Printer } from './printer';
import { GoIface, NO_VALUE, isGoInt, typeName } from './values';

const TOO_LARGE = 1e6;

/** parsenum: a run of ASCII digits from `start`; [num, present, next index]. */
function parseNum(s: string, start: number): [number, boolean, number] {
  let num = 0;
  let i = start;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    num = num * 10 + (s.charCodeAt(i) - 48);
    if (num > TOO_LARGE) return [0, false, s.length]; // unreasonably large widths are not allowed
  }
  return [num, i > start, i];
}

const isNil = (a: unknown) => a === null || a === undefined || a === NO_VALUE;
const unwrap = (a: unknown) => (a instanceof GoIface ? a.inner : a);

class Formatter extends Printer {
  reordered = false;
  goodArgNum = true;

  /** argNumber: an explicit [n] operand index at format[i]. */
  argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (i >= format.length || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const close = format.indexOf(']', i + 1);
    if (close < 0) {
      this.goodArgNum = false;
      return [argNum, i + 1, false];
    }
    const [n, ok, next] = parseNum(format, i + 1);
    if (ok && next === close && n - 1 >= 0 && n - 1 < numArgs) return [n - 1, close + 1, true];
    this.goodArgNum = false;
    return [argNum, close + 1, ok && next === close];
  }

  /** intFromArg: a * width or precision taken from the operands. */
  intFromArg(a: unknown[], argNum: number): [number, boolean, number] {
    if (argNum >= a.length) return [0, false, argNum];
    const v = unwrap(a[argNum]);
    const isInt = typeof v === 'number' && isGoInt(v) && Math.abs(v) <= TOO_LARGE;
    return [isInt ? (v as number) : 0, isInt, argNum + 1];
  }

  doPrintf(format: string, a: unknown[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex: boolean;
    for (let i = 0; i < end; ) {
      this.goodArgNum = true;
      const pct = format.indexOf('%', i);
      this.buf += format.slice(i, pct < 0 ? end : pct);
      if (pct < 0) break;
      i = pct + 1;
      const f = (this.f = clearFlags());
      for (; i < end; i++) {
        const c = format[i];
        if (c === '#') f.sharp = true;
        else if (c === '0') f.zero = !f.minus;
        else if (c === '+') f.plus = true;
        else if (c === '-') [f.minus, f.zero] = [true, false];
        else if (c === ' ') f.space = true;
        else break;
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i < end && format[i] === '*') {
        i++;
        [f.wid, f.widPresent, argNum] = this.intFromArg(a, argNum);
        if (!f.widPresent) this.buf += '%!(BADWIDTH)';
        if (f.wid < 0) [f.wid, f.minus, f.zero] = [-f.wid, true, false];
        afterIndex = false;
      } else {
        [f.wid, f.widPresent, i] = parseNum(format, i);
        if (afterIndex && f.widPresent) this.goodArgNum = false; // "%[3]2d"
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false; // "%[3].2d"
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (format[i] === '*') {
          i++;
          [f.prec, f.precPresent, argNum] = this.intFromArg(a, argNum);
          if (f.prec < 0) [f.prec, f.precPresent] = [0, false];
          if (!f.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [f.prec, f.precPresent, i] = parseNum(format, i);
          if (!f.precPresent) [f.prec, f.precPresent] = [0, true];
        }
      }
      if (!afterIndex) [argNum, i] = this.argNumber(argNum, format, i, a.length);
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(format.codePointAt(i)!);
      i += verb.length;
      if (verb === '%') this.buf += '%'; // takes no operand, ignores width and precision
      else if (!this.goodArgNum) this.buf += `%!${verb}(BADINDEX)`;
      else if (argNum >= a.length) this.buf += `%!${verb}(MISSING)`;
      else {
        if (verb === 'v') {
          if (f.plus) [f.plus, f.plusV] = [false, true];
          f.sharp = false; // %#v (Go syntax) is not modelled; it prints as %v
        }
        this.printArg(a[argNum++], verb);
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.f = clearFlags();
      this.buf += '%!(EXTRA ';
      a.slice(argNum).forEach((arg, i) => {
        if (i > 0) this.buf += ', ';
        if (isNil(unwrap(arg))) this.buf += '<nil>';
        else {
          this.buf += typeName(unwrap(arg)) + '=';
          this.printArg(arg, 'v');
        }
      });
      this.buf += ')';
    }
  }

  doPrint(a: unknown[], always: boolean): void {
    let prevString = false;
    a.forEach((arg, i) => {
      this.f = clearFlags();
      const isString = typeof unwrap(arg) === 'string';
      if (i > 0 && (always || (!isString && !prevString))) this.buf += ' ';
      this.printArg(arg, 'v');
      prevString = isString;
    });
    if (always) this.buf += '\n';
  }
}

/** fmt.Sprintf */
export function sprintf(format: string, ...args: unknown[]): string {
  const p = new Formatter();
  p.doPrintf(format, args);
  return p.buf;
}

/** fmt.Sprint: operands in %v, a space between two that are both not strings. */
export function sprint(...args: unknown[]): string {
  const p = new Formatter();
  p.doPrint(args, false);
  return p.buf;
}

/** evalArgs' fmt.Sprint: like sprint, but pointers to structs are followed first (no &). */
export function sprintPrintable(...args: unknown[]): string {
  const p = new Formatter();
  p.deref = true;
  p.doPrint(args, false);
  return p.buf;
}

/** fmt.Sprintln: operands in %v separated by spaces, then a newline. */
export function sprintln(...args: unknown[]): string {
  const p = new Formatter();
  p.doPrint(args, true);
  return p.buf;
}
