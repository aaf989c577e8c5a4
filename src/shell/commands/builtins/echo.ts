// bash's `echo` builtin: -n (no newline), -e (interpret escapes), -E; any other dash-word is printed as text.
import { FlagSet } from '../../flags';
import type { Program } from '../../types';

const flags = new FlagSet(
  {
    flags: [
      { name: 'n', short: 'n', type: 'bool', help: 'do not append a newline' },
      { name: 'e', short: 'e', type: 'bool', help: 'enable interpretation of backslash escapes' },
      { name: 'E', short: 'E', type: 'bool', help: 'disable interpretation of backslash escapes' },
    ],
    interspersed: false,
    helpShort: false,
  },
  'gnu',
);

function unescape(s: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', r: '\r', e: '\x1b', v: '\v', f: '\f' };
  return s.replace(/\\(.)/g, (m, c: string) => map[c] ?? m);
}

export const echo: Program = {
  name: 'echo',
  summary: 'write arguments to the standard output',
  async run(ctx) {
    // Only leading words made purely of n/e/E are options; `echo -x` prints "-x", as bash does.
    const args = ctx.argv.slice(1);
    let k = 0;
    while (k < args.length && /^-[neE]+$/.test(args[k])) k++;
    const parsed = flags.parse(args.slice(0, k));
    const v = parsed.ok ? parsed.parsed.values : { n: false, e: false };
    let text = args.slice(k).join(' ');
    if (v.e) text = unescape(text);
    ctx.out(text + (v.n ? '' : '\n'));
    return 0;
  },
};
