// seq: a sequence of numbers (GNU coreutils on Ubuntu/Debian, BusyBox in alpine): [FIRST [INCREMENT]] LAST, -s, -w.
import { defineTool } from '../../gnu-tool';

export const seq = defineTool({
  name: 'seq',
  summary: 'print a sequence of numbers',
  synopsis: '[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST',
  description: 'Print numbers from FIRST to LAST, in steps of INCREMENT.',
  usageExit: 1,
  flags: [
    { name: 'separator', short: 's', type: 'string', valueName: 'STRING', help: 'use STRING to separate numbers (default: \\n)' },
    { name: 'equal-width', short: 'w', type: 'bool', help: 'equalize width by padding with leading zeroes' },
  ],
  async run(ctx, { values, args, given }) {
    const bb = ctx.env.flavor === 'busybox';
    if (args.length < 1 || args.length > 3) {
      ctx.err(args.length ? `seq: extra operand '${args[3]}'\nTry 'seq --help' for more information.\n` : "seq: missing operand\nTry 'seq --help' for more information.\n");
      return 1;
    }
    const bad = args.find((a) => !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(a));
    if (bad !== undefined) {
      ctx.err(bb ? `seq: invalid number '${bad}'\n` : `seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`);
      return 1;
    }
    const [first, step, last] = args.length === 1 ? [1, 1, Number(args[0])] : args.length === 2 ? [Number(args[0]), 1, Number(args[1])] : args.map(Number);
    if (step === 0) {
      ctx.err(bb ? '' : `seq: invalid Zero increment value: '${args[1]}'\nTry 'seq --help' for more information.\n`);
      return 1;
    }
    const decimals = Math.max(...args.map((a) => (a.includes('.') ? a.split('.')[1].length : 0)));
    const nums: string[] = [];
    for (let x = first; step > 0 ? x <= last + 1e-9 : x >= last - 1e-9; x += step) {
      nums.push(x.toFixed(decimals));
      if (nums.length > 100_000) break;
    }
    const width = Math.max(...nums.map((n) => n.length), 0);
    const shown = values['equal-width'] ? nums.map((n) => (n.startsWith('-') ? '-' + n.slice(1).padStart(width - 1, '0') : n.padStart(width, '0'))) : nums;
    if (shown.length) ctx.out(shown.join(given.has('separator') ? (values.separator as string) : '\n') + '\n');
    return 0;
  },
});
