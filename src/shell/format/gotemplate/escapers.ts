// text/template's escaping functions (funcs.go HTMLEscaper, JSEscaper, URLQueryEscaper).
import { isPrint } from './quote';
import { sprintPrintable } from './printf';

/** evalArgs: one string as is, otherwise fmt.Sprint of the arguments with nil shown as <no value>. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprintPrintable(...args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

const HTML: Record<string, string> = { '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function htmlEscapeString(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML[c]);
}

const JS: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (JS[ch] !== undefined) out += JS[ch];
    else if (c < 0x20) out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (c < 0x80 || isPrint(c)) out += ch;
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** url.QueryEscape: space as +, everything but A-Z a-z 0-9 - _ . ~ percent-encoded. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function htmlEscaper(...args: unknown[]): string {
  return htmlEscapeString(evalArgs(args));
}

export function jsEscaper(...args: unknown[]): string {
  return jsEscapeString(evalArgs(args));
}

export function urlQueryEscaper(...args: unknown[]): string {
  return queryEscape(evalArgs(args));
}
