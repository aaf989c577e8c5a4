// cut: select bytes, characters or delimited fields from each line (`cut -d' ' -f2`, `cut -c1-12`), GNU and BusyBox.
import { defineTool, lines, readInputs } from '../../gnu-tool';
import type { CommandContext } from '../../types';

type Range = [number, number];

/** A LIST (`1,3-5,7-`, `-2`): 1-based inclusive ranges, or the bad piece. */
export function parseList(list: string): Range[] | { bad: string; zero?: boolean } {
  const out: Range[] = [];
  for (const piece of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(piece);
    if (!m || (!m[1] && !m[3]) || (!m[2] && !m[1])) return { bad: piece };
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if (lo === 0 || hi === 0) return { bad: piece, zero: true };
    if (hi < lo) return { bad: piece };
    out.push([lo, hi]);
  }
  return out;
}

const picked = (ranges: Range[], n: number) => ranges.some(([lo, hi]) => n >= lo && n <= hi);

function fail(ctx: CommandContext, msg: string): number {
  ctx.err(ctx.env.flavor === 'busybox' ? `cut: ${msg}\n` : `cut: ${msg}\nTry 'cut --help' for more information.\n`);
  return 1;
}

export const cut = defineTool({
  name: 'cut',
  summary: 'remove sections from each line of files',
  synopsis: 'OPTION... [FILE]...',
  description: 'Print selected parts of lines from each FILE to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  usageExit: 1,
  flags: [
    { name: 'bytes', short: 'b', type: 'string', valueName: 'LIST', help: 'select only these bytes' },
    { name: 'characters', short: 'c', type: 'string', valueName: 'LIST', help: 'select only these characters' },
    { name: 'delimiter', short: 'd', type: 'string', valueName: 'DELIM', help: 'use DELIM instead of TAB for field delimiter' },
    { name: 'fields', short: 'f', type: 'string', valueName: 'LIST', help: 'select only these fields;  also print any line\nthat contains no delimiter character, unless\nthe -s option is specified' },
    { name: 'only-delimited', short: 's', type: 'bool', help: 'do not print lines not containing delimiters' },
    { name: 'output-delimiter', type: 'string', valueName: 'STRING', help: 'use STRING as the output delimiter\nthe default is to use the input delimiter' },
  ],
  async run(ctx, { values, given, args }) {
    const bb = ctx.env.flavor === 'busybox';
    const lists = (['bytes', 'characters', 'fields'] as const).filter((k) => given.has(k));
    if (lists.length > 1) return fail(ctx, bb ? 'expected a list of bytes, characters, or fields' : 'only one list may be specified');
    if (!lists.length) return fail(ctx, bb ? 'expected a list of bytes, characters, or fields' : 'you must specify a list of bytes, characters, or fields');
    const mode = lists[0];
    const delim = given.has('delimiter') ? (values.delimiter as string) : undefined;
    if (mode !== 'fields' && delim !== undefined) return fail(ctx, bb ? 'suppressing non-delimited lines makes sense only when operating on fields' : 'an input delimiter may be specified only when operating on fields');
    if (mode !== 'fields' && values['only-delimited']) return fail(ctx, 'suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    if (delim !== undefined && [...delim].length > 1) return fail(ctx, 'the delimiter must be a single character');
    const ranges = parseList(values[mode] as string);
    if (!Array.isArray(ranges)) {
      if (ranges.zero) return fail(ctx, mode === 'fields' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1');
      return fail(ctx, mode === 'fields' ? `invalid field value ‘${ranges.bad}’` : `invalid byte/character position ‘${ranges.bad}’`);
    }
    const sep = delim === undefined || delim === '' ? '\t' : delim;
    const outSep = given.has('output-delimiter') ? (values['output-delimiter'] as string) : sep;
    const { texts, failed } = readInputs(ctx, args, 'cut');
    let out = '';
    for (const { text } of texts) {
      for (const line of lines(text)) {
        if (mode !== 'fields') {
          out += [...line].filter((_, i) => picked(ranges, i + 1)).join('') + '\n';
          continue;
        }
        if (!line.includes(sep)) {
          if (!values['only-delimited']) out += `${line}\n`;
          continue;
        }
        out += line.split(sep).filter((_, i) => picked(ranges, i + 1)).join(outSep) + '\n';
      }
    }
    ctx.out(out);
    return failed ? 1 : 0;
  },
});
