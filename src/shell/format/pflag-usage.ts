// spf13/pflag's FlagUsagesWrapped: the "Options:" block of docker and kubectl help, wrapped at 79 columns.
import type { FlagSpec } from '../flags';

/** The value placeholder pflag prints after a flag name (its Type(), with pflag's renames). */
export function pflagValueName(f: FlagSpec): string {
  if (f.type === 'bool' || f.type === 'count') return '';
  if (f.valueName) return f.valueName;
  switch (f.type) {
    case 'int':
      return 'int';
    case 'stringArray':
      return 'stringArray';
    case 'stringSlice':
      return 'strings';
    default:
      return 'string';
  }
}

function defaultSuffix(f: FlagSpec): string {
  if (f.defaultText !== undefined) return ` (default ${f.defaultText})`;
  const d = f.default;
  if (d === undefined || d === false || d === '' || d === 0 || (Array.isArray(d) && d.length === 0)) return '';
  if (typeof d === 'string' && (f.type === 'string')) return ` (default ${JSON.stringify(d)})`;
  if (Array.isArray(d)) return ` (default [${d.join(',')}])`;
  return ` (default ${String(d)})`;
}

/** pflag's wrapN: split off at most `i` columns at the last blank, with `slop` extra allowed at the end. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap: text for the usage column, indented `i` on continuation lines, lines no wider than `w`. */
export function pflagWrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll('\n', '\n' + ' '.repeat(i));
  let wrap = w - i;
  let r = '';
  if (wrap < 24) {
    i = 16;
    wrap = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (wrap < 24) return s.replaceAll('\n', r);
  const slop = 5;
  wrap -= slop;
  let [l, rest] = wrapN(wrap, slop, s);
  r += l.replaceAll('\n', '\n' + ' '.repeat(i));
  while (rest !== '') {
    [l, rest] = wrapN(wrap, slop, rest);
    r += '\n' + ' '.repeat(i) + l.replaceAll('\n', '\n' + ' '.repeat(i));
  }
  return r;
}

/** The flag table, sorted by name as pflag does; `cols` is the wrap width (docker: 79, kubectl: 0 = no wrap). */
export function pflagUsages(flags: FlagSpec[], cols = 79, sort = true): string {
  const visible = flags.filter((f) => !f.hidden);
  if (sort) visible.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows: string[] = [];
  let maxlen = 0;
  for (const f of visible) {
    let line = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const vn = pflagValueName(f);
    if (vn) line += ' ' + vn;
    if (f.noOptDefault !== undefined && f.type !== 'bool') line += `[=${JSON.stringify(f.noOptDefault)}]`;
    line += '\x00';
    if (line.length > maxlen) maxlen = line.length;
    line += f.help + defaultSuffix(f);
    rows.push(line);
  }
  let out = '';
  for (const line of rows) {
    const sidx = line.indexOf('\x00');
    const spacing = ' '.repeat(maxlen - sidx);
    out += `${line.slice(0, sidx)} ${spacing} ${pflagWrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
  }
  return out;
}
