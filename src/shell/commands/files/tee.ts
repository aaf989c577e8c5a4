// tee: copy standard input to standard output and to each FILE (`-a` appends), the usual way to write a root-owned
// file from a user shell: `echo nameserver 8.8.8.8 | sudo tee /etc/netns/red/resolv.conf`.
import { defineTool } from '../../gnu-tool';
import { writeFile } from '../../vfs';

export const tee = defineTool({
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  synopsis: '[OPTION]... [FILE]...',
  description: 'Copy standard input to each FILE, and also to standard output.',
  usageExit: 1,
  flags: [{ name: 'append', short: 'a', type: 'bool', help: 'append to the given FILEs, do not overwrite' }],
  async run(ctx, { values, args }) {
    const input = ctx.stdin ?? '';
    let status = 0;
    for (const f of args) {
      const problem = writeFile(ctx.world, ctx.env, f, input, !!values.append);
      if (problem) {
        ctx.err(`tee: ${f}: ${problem}\n`);
        status = 1;
      }
    }
    ctx.out(input);
    return status;
  },
});
