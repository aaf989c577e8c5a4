// wc: count lines, words and bytes.
import { defineTool, readInputs } from '../../gnu-tool';

export const wc = defineTool({
  name: 'wc',
  summary: 'print newline, word, and byte counts',
  synopsis: '[OPTION]... [FILE]...',
  description: 'Print newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.',
  usageExit: 1,
  flags: [
    { name: 'bytes', short: 'c', type: 'bool', help: 'print the byte counts' },
    { name: 'lines', short: 'l', type: 'bool', help: 'print the newline counts' },
    { name: 'words', short: 'w', type: 'bool', help: 'print the word counts' },
  ],
  async run(ctx, { values, args }) {
    const { texts, failed } = readInputs(ctx, args, 'wc');
    const pick = [values.lines, values.words, values.bytes].some(Boolean) ? [values.lines, values.words, values.bytes] : [true, true, true];
    const rows = texts.map(({ name, text }) => ({
      name: args.length ? name : '',
      counts: [(text.match(/\n/g) ?? []).length, text.split(/\s+/).filter(Boolean).length, new TextEncoder().encode(text).length],
    }));
    if (rows.length > 1) rows.push({ name: 'total', counts: [0, 1, 2].map((i) => rows.reduce((s, r) => s + r.counts[i], 0)) });
    const chosen = rows.map((r) => r.counts.filter((_, i) => pick[i]));
    const single = chosen.length === 1 && chosen[0].length === 1 && !args.length;
    const width = single ? 1 : Math.max(1, ...chosen.flat().map((n) => String(n).length), args.length ? 0 : 7);
    rows.forEach((r, i) => {
      const cols = chosen[i].map((n) => String(n).padStart(width)).join(' ');
      ctx.out(`${cols}${r.name ? ' ' + r.name : ''}\n`);
    });
    return failed ? 1 : 0;
  },
});
