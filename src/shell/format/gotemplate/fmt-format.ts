// Go's fmt raw formatter (fmt/format.go): flags, width, precision and padding for one operand.
import { formatFloat, type FloatFormat } from './ftoa';
import { canBackquote, isPrint, quote, quoteRune, quoteToASCII, runes } from './quote';

export interface FmtFlags {
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  /** %+v: print struct field names */
  plusV: boolean;
  wid: number;
  prec: number;
}

export function clearFlags(): FmtFlags {
  return {
    widPresent: false,
    precPresent: false,
    minus: false,
    plus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    wid: 0,
    prec: 0,
  };
}

const LDIGITS = '0123456789abcdefx';
const UDIGITS = '0123456789ABCDEFX';

const runeCount = (s: string) => runes(s).length;

/** Writes formatted operands into `buf` under the current flags. */
export class Fmt {
  buf = '';
  f: FmtFlags = clearFlags();

  writePadding(n: number): void {
    if (n > 0) this.buf += (this.f.zero ? '0' : ' ').repeat(n);
  }

  /** Pads s to the width, on the left or (with -) on the right; width counts runes. */
  pad(s: string): void {
    const f = this.f;
    if (!f.widPresent || f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = f.wid - runeCount(s);
    if (!f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** fmtInteger: base 2, 8, 10 or 16, with precision, sign flags, # prefixes and zero padding. */
  fmtInteger(v: number, base: number, verb: string, digits = LDIGITS): void {
    const f = this.f;
    const negative = v < 0;
    const u = BigInt(Math.abs(v));
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const zero = f.zero;
        f.zero = false;
        this.writePadding(f.wid);
        f.zero = zero;
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--; // leave room for the sign
    }
    let s = u.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    if (f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8 && s[0] !== '0') s = '0' + s;
      else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (f.plus) s = '+' + s;
    else if (f.space) s = ' ' + s;
    // Zero padding was done above as precision; the width pads with spaces.
    const zero = f.zero;
    f.zero = false;
    this.pad(s);
    f.zero = zero;
  }

  /** %U: U+0041, with # adding the character when printable. */
  fmtUnicode(v: number): void {
    const prec = this.f.precPresent ? this.f.prec : 4;
    let s = 'U+' + Math.abs(v).toString(16).toUpperCase().padStart(prec, '0');
    if (v < 0) s = '-' + s;
    if (this.f.sharp && v >= 0 && v <= 0x10ffff && isPrint(v)) s += ` '${String.fromCodePoint(v)}'`;
    const zero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = zero;
  }

  /** %c */
  fmtC(v: number): void {
    const r = v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff) ? 0xfffd : v;
    this.pad(String.fromCodePoint(r));
  }

  /** %q of an integer: a quoted character literal. */
  fmtQc(v: number): void {
    const r = v > 0x10ffff ? 0xfffd : v;
    this.pad(quoteRune(r, this.f.plus));
  }

  /** fmtFloat: strconv's digits, then sign, space and zero-padding rules. */
  fmtFloat(v: number, verb: FloatFormat, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = formatFloat(v, verb, prec);
    num = num[0] === '-' || num[0] === '+' ? num : '+' + num;
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      // Infinities and NaN are not padded with zeros; NaN loses its sign unless asked.
      const zero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = zero;
      return;
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.buf += num[0];
        this.writePadding(f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** Truncates to the precision, counted in runes. */
  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    return [...s].slice(0, this.f.prec).join('');
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  /** %x / %X of a string: its UTF-8 bytes in hex; space separates, # prefixes 0x. */
  fmtSx(s: string, upper: boolean): void {
    const f = this.f;
    const digits = upper ? UDIGITS : LDIGITS;
    let bytes = [...new TextEncoder().encode(s)];
    if (f.precPresent && f.prec < bytes.length) bytes = bytes.slice(0, f.prec);
    if (bytes.length === 0) {
      if (f.widPresent) this.writePadding(f.wid);
      return;
    }
    let out = f.sharp ? '0' + digits[16] : '';
    bytes.forEach((b, i) => {
      if (f.space && i > 0) out += f.sharp ? ' 0' + digits[16] : ' ';
      out += digits[b >> 4] + digits[b & 15];
    });
    const width = out.length;
    if (f.widPresent && f.wid > width && !f.minus) this.writePadding(f.wid - width);
    this.buf += out;
    if (f.widPresent && f.wid > width && f.minus) this.writePadding(f.wid - width);
  }

  /** %q of a string: Go-quoted; + for ASCII only, # for a raw `string` when possible. */
  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad('`' + s + '`');
    else this.pad(this.f.plus ? quoteToASCII(s) : quote(s));
  }
}

export { UDIGITS, LDIGITS };
