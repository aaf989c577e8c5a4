// Go's strconv quoting (strconv/quote.go): Quote, QuoteToASCII, QuoteRune, CanBackquote, Unquote, UnquoteChar.

const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return false;
  return GRAPHIC.test(String.fromCodePoint(cp));
}

/** The code points Go sees in a string; a lone UTF-16 surrogate (not valid UTF-8) reads as U+FFFD. */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return out;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return r < 0x10000 ? '\\u' + hex(r, 4) : '\\U' + hex(r, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  const q = String.fromCharCode(quote);
  return q + runes(s).map((r) => escapeRune(r, quote, asciiOnly)).join('') + q;
}

/** strconv.Quote: a double-quoted Go string literal. */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/** strconv.QuoteToASCII: like quote, with every non-ASCII rune escaped. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

function validRune(r: number): boolean {
  return r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
}

/** strconv.QuoteRune (and QuoteRuneToASCII): a single-quoted Go character literal. */
export function quoteRune(r: number, asciiOnly = false): string {
  if (!validRune(r)) r = 0xfffd;
  return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote: representable as a single-line raw string without control characters but tab. */
export function canBackquote(s: string): boolean {
  for (const r of runes(s)) {
    if (r === 0x60 || r === 0xfeff || r === 0x7f || (r < 0x20 && r !== 0x09)) return false;
  }
  return true;
}

/** strconv.ErrSyntax, whose text the template parser reports as is. */
export class GoSyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

export interface UnquotedChar {
  value: number;
  /** false for \x and octal escapes, which stand for one raw byte rather than a rune */
  multibyte: boolean;
  tail: string;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

/** strconv.UnquoteChar: decodes the first character or escape of a quoted literal's body. */
export function unquoteChar(s: string, quote: string): UnquotedChar {
  const first = s.codePointAt(0);
  if (first === undefined) throw new GoSyntaxError();
  const c = String.fromCodePoint(first);
  if (c === quote && (quote === "'" || quote === '"')) throw new GoSyntaxError();
  if (first >= 0x80) return { value: first, multibyte: true, tail: s.slice(c.length) };
  if (c !== '\\') return { value: first, multibyte: false, tail: s.slice(1) };
  if (s.length <= 1) throw new GoSyntaxError();
  const e = s[1];
  let rest = s.slice(2);
  if (e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e], multibyte: false, tail: rest };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const digits = rest.slice(0, n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) throw new GoSyntaxError();
    const v = parseInt(digits, 16);
    rest = rest.slice(n);
    if (e === 'x') return { value: v, multibyte: false, tail: rest };
    if (!validRune(v)) throw new GoSyntaxError();
    return { value: v, multibyte: true, tail: rest };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new GoSyntaxError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new GoSyntaxError();
    return { value: v, multibyte: false, tail: s.slice(4) };
  }
  if (e === "'" || e === '"') {
    if (e !== quote) throw new GoSyntaxError();
    return { value: e.charCodeAt(0), multibyte: false, tail: rest };
  }
  throw new GoSyntaxError();
}

/** strconv.Unquote for "..." and `...` literals. Byte escapes are decoded as UTF-8 (bad bytes -> U+FFFD). */
export function unquote(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) throw new GoSyntaxError();
  const q = s[0];
  let body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new GoSyntaxError();
    return body.replaceAll('\r', '');
  }
  if (q !== '"' || body.includes('\n')) throw new GoSyntaxError();
  const bytes: number[] = [];
  const enc = new TextEncoder();
  while (body.length > 0) {
    const c = unquoteChar(body, q);
    if (c.multibyte) bytes.push(...enc.encode(String.fromCodePoint(c.value)));
    else bytes.push(c.value);
    body = c.tail;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** fmt's %#U rendering of a rune: U+0041 'A' (the quoted form only when printable). */
export function formatRuneU(r: number): string {
  const u = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `${u} '${String.fromCodePoint(r)}'` : u;
}
