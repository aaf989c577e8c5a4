// Go's fmt printer (fmt/print.go pp): one operand under a verb, %v being Go's default value format.
import { Fmt } from './fmt-format';
import {
  GoIface,
  NO_VALUE,
  findMethod,
  kindOf,
  mapKeys,
  numberValue,
  structFields,
  typeName,
  type GoKind,
} from './values';

/** fmt's pp: formats arguments into `buf` (inherited from Fmt), verb by verb. */
export class Printer extends Fmt {
  /** printing a %!verb(type=value) error: String()/Error() methods are not consulted */
  private erroring = false;
  /** template printing (exec.go printableValue) dereferences a pointer to a struct: no & */
  deref = false;

  /** printArg: a top-level operand; nil (null, undefined, no value) is <nil>. */
  printArg(arg: unknown, verb: string): void {
    if (arg instanceof GoIface) arg = arg.inner;
    if (arg === null || arg === undefined || arg === NO_VALUE) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  /** printValue: a value at some depth inside an operand; a nil interface element prints <nil>. */
  private printValue(v: unknown, verb: string, depth: number): void {
    if (v instanceof GoIface) v = v.inner;
    if (v === null || v === undefined || v === NO_VALUE) {
      this.buf += '<nil>';
      return;
    }
    const kind = kindOf(v);
    switch (kind) {
      case 'bool':
        return this.fmtBool(v as boolean, verb);
      case 'int':
        return this.fmtInt(v as number, verb, v);
      case 'float':
        return this.fmtFloat64(numberValue(v), verb, v);
      case 'string':
        return this.fmtString(v as string, verb, v);
    }
    if (this.handleMethods(v, verb)) return;
    this.printComposite(v, kind, verb, depth);
  }

  /** Values with a String() (fmt.Stringer) or Error() method print through it for %v %s %x %X %q. */
  private handleMethods(v: unknown, verb: string): boolean {
    if (this.erroring || !'vsxXq'.includes(verb)) return false;
    for (const name of ['Error', 'String']) {
      const m = findMethod(v, name);
      if (m === null || m.length > 0) continue;
      let s: string;
      try {
        s = String(m.call(v));
      } catch (e) {
        // fmt's catchPanic
        this.buf += `%!${verb}(PANIC=${name} method: ${e instanceof Error ? e.message : String(e)})`;
        return true;
      }
      this.printValue(s, verb, 0);
      return true;
    }
    return false;
  }

  private printComposite(v: unknown, kind: GoKind, verb: string, depth: number): void {
    switch (kind) {
      case 'map': {
        this.buf += 'map[';
        mapKeys(v as object).forEach((k, i) => {
          if (i > 0) this.buf += ' ';
          this.printValue(k, verb, depth + 1);
          this.buf += ':';
          this.printValue((v as Record<string, unknown>)[k], verb, depth + 1);
        });
        this.buf += ']';
        return;
      }
      case 'struct': {
        // A pointer to a struct prints as &{...} at the top level.
        if (depth === 0 && !this.deref && typeName(v).startsWith('*')) this.buf += '&';
        this.buf += '{';
        structFields(v as object).forEach(([name, value], i) => {
          if (i > 0) this.buf += ' ';
          if (this.f.plusV) this.buf += name + ':';
          this.printValue(value, verb, depth + 1);
        });
        this.buf += '}';
        return;
      }
      case 'slice': {
        this.buf += '[';
        (v as unknown[]).forEach((e, i) => {
          if (i > 0) this.buf += ' ';
          this.printValue(e, verb, depth + 1);
        });
        this.buf += ']';
        return;
      }
      default:
        // A func prints its address in Go; there is none to show here.
        this.badVerb(verb, v);
    }
  }

  /** %!verb(type=value): the operand does not suit the verb. */
  badVerb(verb: string, v: unknown): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    if (v === null) this.buf += '<nil>';
    else {
      this.buf += typeName(v) + '=';
      this.printValue(v, 'v', 0);
    }
    this.buf += ')';
    this.erroring = false;
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb, v);
  }

  private fmtInt(n: number, verb: string, v: unknown): void {
    switch (verb) {
      case 'b':
        return this.fmtInteger(n, 2, verb);
      case 'c':
        return this.fmtC(n);
      case 'd':
      case 'v':
        return this.fmtInteger(n, 10, verb);
      case 'o':
      case 'O':
        return this.fmtInteger(n, 8, verb);
      case 'q':
        if (n >= 0 && n <= 0x10ffff) return this.fmtQc(n);
        return this.badVerb(verb, v);
      case 'x':
        return this.fmtInteger(n, 16, verb);
      case 'X':
        return this.fmtInteger(n, 16, verb, '0123456789ABCDEFX');
      case 'U':
        return this.fmtUnicode(n);
      default:
        return this.badVerb(verb, v);
    }
  }

  private fmtFloat64(n: number, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
        return this.fmtFloat(n, 'g', -1);
      case 'g':
      case 'G':
        return this.fmtFloat(n, verb, -1);
      case 'e':
      case 'E':
      case 'f':
        return this.fmtFloat(n, verb, 6);
      case 'F':
        return this.fmtFloat(n, 'f', 6);
      default:
        return this.badVerb(verb, v);
    }
  }

  private fmtString(s: string, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
      case 's':
        return this.fmtS(s);
      case 'x':
        return this.fmtSx(s, false);
      case 'X':
        return this.fmtSx(s, true);
      case 'q':
        return this.fmtQ(s);
      default:
        return this.badVerb(verb, v);
    }
  }
}

/** fmt.Sprint of one value: Go's %v. A nil or missing value is <nil>. */
export function formatGoValue(v: unknown): string {
  const p = new Printer();
  p.printArg(v, 'v');
  return p.buf;
}

/** How {{.}} prints a value: as fmt.Print, after following a pointer (a *struct prints as {...}, not &{...}). */
export function printableValue(v: unknown): string {
  const p = new Printer();
  p.deref = true;
  p.printArg(v, 'v');
  return p.buf;
}
