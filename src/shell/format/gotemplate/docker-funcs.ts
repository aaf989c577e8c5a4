// docker/cli templates/templates.go: the functions every `--format` template gets, and the header variants.
import { marshalJson } from './json';
import { goFunc } from './signature';
import type { GoFunc } from './values';

/** One rune of Go's unicode.ToUpper / ToLower / ToTitle: simple (one-to-one) case mapping only. */
function mapRunes(s: string, f: (ch: string) => string): string {
  let out = '';
  for (const ch of s) out += f(ch);
  return out;
}

const simple = (ch: string, mapped: string, fallback: string) => ([...mapped].length === 1 ? mapped : fallback);
const toUpper = (ch: string) => simple(ch, ch.toUpperCase(), ch);
const toLower = (ch: string) => simple(ch, ch.toLowerCase(), [...ch.toLowerCase()][0]);

// The digraphs whose title case differs from their upper case (DŽ/Dž/dž -> Dž, ...).
const TITLE: Record<number, number> = {
  0x1c4: 0x1c5, 0x1c5: 0x1c5, 0x1c6: 0x1c5, 0x1c7: 0x1c8, 0x1c8: 0x1c8, 0x1c9: 0x1c8,
  0x1ca: 0x1cb, 0x1cb: 0x1cb, 0x1cc: 0x1cb, 0x1f1: 0x1f2, 0x1f2: 0x1f2, 0x1f3: 0x1f2,
};
const toTitle = (ch: string) => {
  const t = TITLE[ch.codePointAt(0)!];
  return t !== undefined ? String.fromCodePoint(t) : toUpper(ch);
};

/** strings.Title's word boundary: any ASCII but letters, digits and _, or a Unicode space. */
function isSeparator(ch: string): boolean {
  if (ch.codePointAt(0)! <= 0x7f) return !/[0-9a-zA-Z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\p{White_Space}/u.test(ch);
}

/** strings.Title (deprecated in Go, still what docker uses): upper-cases the first letter of each word. */
export function goTitle(s: string): string {
  let prev = ' ';
  return mapRunes(s, (ch) => {
    const out = isSeparator(prev) ? toTitle(ch) : ch;
    prev = ch;
    return out;
  });
}

/** strings.Split: an empty separator splits after each rune. */
function split(s: string, sep: string): string[] {
  return sep === '' ? [...s] : s.split(sep);
}

/** padWithSpace: spaces around a non-empty string. */
function pad(source: string, prefix: number, suffix: number): string {
  if (source === '') return source;
  if (prefix < 0 || suffix < 0) throw new Error('strings: negative Repeat count');
  return ' '.repeat(prefix) + source + ' '.repeat(suffix);
}

/** truncateWithLength: the first `length` bytes (a cut rune shows as U+FFFD). */
function truncate(source: string, length: number): string {
  const bytes = new TextEncoder().encode(source);
  if (bytes.length < length) return source;
  if (length < 0) throw new Error(`runtime error: slice bounds out of range [:${length}]`);
  return new TextDecoder().decode(bytes.subarray(0, length));
}

/** The json function: an Encoder with SetEscapeHTML(false), its newline trimmed; "" if encoding fails. */
function json(v: unknown): string {
  try {
    return marshalJson(v, { escapeHTML: false }).trim();
  } catch {
    return '';
  }
}

/** templates.basicFunctions */
export const dockerTemplateFuncs: Record<string, GoFunc> = {
  json: goFunc({ params: ['any'] }, json as GoFunc),
  split: goFunc({ params: ['string', 'string'] }, split as GoFunc),
  join: goFunc({ params: ['[]string', 'string'] }, ((elems: string[] | null, sep: string) =>
    (elems ?? []).join(sep)) as GoFunc),
  title: goFunc({ params: ['string'] }, goTitle as GoFunc),
  lower: goFunc({ params: ['string'] }, ((s: string) => mapRunes(s, toLower)) as GoFunc),
  upper: goFunc({ params: ['string'] }, ((s: string) => mapRunes(s, toUpper)) as GoFunc),
  pad: goFunc({ params: ['string', 'int', 'int'] }, pad as GoFunc),
  truncate: goFunc({ params: ['string', 'int'] }, truncate as GoFunc),
};

const first = (v: unknown) => v;

/**
 * The functions of docker's table-header template: templates.HeaderFunctions (each returns its first argument,
 * a string, unchanged) laid over basicFunctions, as `tmpl.Funcs(HeaderFunctions)` does. `pad` is not
 * overridden, so headers stay aligned with padded columns.
 */
export const dockerHeaderFuncs: Record<string, GoFunc> = {
  ...dockerTemplateFuncs,
  json: goFunc({ params: ['string'] }, first),
  split: goFunc({ params: ['string', 'string'] }, first),
  join: goFunc({ params: ['string', 'string'] }, first),
  title: goFunc({ params: ['string'] }, first),
  lower: goFunc({ params: ['string'] }, first),
  upper: goFunc({ params: ['string'] }, first),
  truncate: goFunc({ params: ['string', 'int'] }, first),
};
