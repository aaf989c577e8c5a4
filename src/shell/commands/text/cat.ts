// cat: concatenate files (or stdin) to stdout; files come from the virtual filesystem (/etc/hosts, /etc/resolv.conf, ...).
import { defineTool, readInputs } from '../../gnu-tool';

export const cat = defineTool({
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  synopsis: '[OPTION]... [FILE]...',
  description: 'Concatenate FILE(s) to standard output.',
  usageExit: 1,
  flags: [{ name: 'number', short: 'n', type: 'bool', help: 'number all output lines' }],
  async run(ctx, { values, args }) {
    const { texts, failed } = readInputs(ctx, args, 'cat');
    let n = 0;
    for (const { text } of texts) {
      if (!values.number) ctx.out(text);
      else ctx.out(text.replace(/^(.*)$/gm, (line, _l, off) => (off === text.length ? line : `${String(++n).padStart(6)}\t${line}`)));
    }
    return failed ? 1 : 0;
  },
});
