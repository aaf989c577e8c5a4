// The lab's `help`: what commands exist here (bash's own `help` lists builtins; ours lists the lab's programs).
import type { Program } from '../../types';
import { listPrograms } from '../../registry';

export const help: Program = {
  name: 'help',
  summary: 'list the commands this lab understands',
  async run(ctx) {
    const progs = listPrograms(ctx.env.flavor);
    const width = Math.max(...progs.map((p) => p.name.length)) + 2;
    ctx.out('Commands available here (each takes --help):\n\n');
    for (const p of progs) ctx.out(`  ${p.name.padEnd(width)}${p.summary}\n`);
    ctx.out('\nKeys: Up/Down history, Tab completion, Ctrl-C interrupt, Ctrl-L clear, Ctrl-R search.\n');
    return 0;
  },
};
