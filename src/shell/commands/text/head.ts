// head and tail: the first or last lines of their input (`head -n 3`, `tail -2`).
import { defineTool, lines, readInputs } from '../../gnu-tool';
import type { FlagSpec } from '../../flags';
import type { Program } from '../../types';

const countFlag = (what: string): FlagSpec => ({ name: 'lines', short: 'n', type: 'string', valueName: 'NUM', help: `print the ${what} NUM lines instead of the ${what} 10` });

/** `head -5` is old syntax for `head -n 5`; rewrite it before option parsing as coreutils does. */
function legacyCount(argv: string[]): string[] {
  return argv.map((a, i) => (i > 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function makeSlicer(which: 'head' | 'tail'): Program {
  const tool = defineTool({
    name: which,
    summary: which === 'head' ? 'output the first part of files' : 'output the last part of files',
    synopsis: '[OPTION]... [FILE]...',
    description: `Print the ${which === 'head' ? 'first' : 'last'} 10 lines of each FILE to standard output.`,
    usageExit: 1,
    flags: [countFlag(which === 'head' ? 'first' : 'last'), { name: 'quiet', short: 'q', type: 'bool', help: 'never print headers giving file names' }],
    async run(ctx, { values, args }) {
      const raw = (values.lines as string) || '10';
      const m = /^([+-]?)(\d+)$/.exec(raw);
      if (!m) {
        ctx.err(`${which}: invalid number of lines: ‘${raw}’\n`);
        return 1;
      }
      const n = Number(m[2]);
      const { texts, failed } = readInputs(ctx, args, which);
      for (const [idx, { name, text }] of texts.entries()) {
        if (texts.length > 1 && !values.quiet) ctx.out(`${idx ? '\n' : ''}==> ${name} <==\n`);
        const all = lines(text);
        let picked: string[];
        if (which === 'head') picked = m[1] === '-' ? all.slice(0, Math.max(0, all.length - n)) : all.slice(0, n);
        else picked = m[1] === '+' ? all.slice(Math.max(0, n - 1)) : n === 0 ? [] : all.slice(-n);
        if (picked.length) ctx.out(picked.join('\n') + '\n');
      }
      return failed ? 1 : 0;
    },
  });
  return { ...tool, run: (ctx) => tool.run({ ...ctx, argv: legacyCount(ctx.argv) }) };
}

export const head = makeSlicer('head');
export const tail = makeSlicer('tail');
