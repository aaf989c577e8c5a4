// sleep: pause for NUMBER seconds (suffixes s, m, h, d; several arguments add up) of simulated time; Ctrl-C ends it.
import { defineTool } from '../../gnu-tool';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep = defineTool({
  name: 'sleep',
  summary: 'delay for a specified amount of time',
  synopsis: 'NUMBER[SUFFIX]...',
  description:
    "Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\ninteger.  Given two or more arguments, pause for the amount of time\nspecified by the sum of their values.",
  usageExit: 1,
  flags: [],
  async run(ctx, { args }) {
    const bb = ctx.env.flavor === 'busybox';
    if (!args.length) {
      ctx.err(bb ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n' : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let total = 0;
    for (const a of args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
      if (!m) {
        ctx.err(bb ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      total += Number(m[1]) * UNIT[m[2]];
    }
    // Killed by SIGINT: 130, and the shell moves to a fresh line after the echoed ^C.
    return (await ctx.sleep(Math.round(total * 1_000_000))) ? 0 : 130;
  },
});
