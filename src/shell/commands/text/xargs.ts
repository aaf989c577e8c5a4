// xargs (findutils 4.9; BusyBox xargs in Alpine): builds command lines from standard input — the words appended to
// COMMAND (echo by default), in batches of -n, or one line at a time in place of -I's replace string; -r skips an
// empty input (GNU runs the command once otherwise). Status 123 when a command failed, as xargs reports it.
import type { CommandContext, Program } from '../../types';

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let perBatch = 0;
  let replace: string | null = null;
  let noEmpty = ctx.env.flavor === 'busybox';
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i];
    if (a === '-n') perBatch = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) perBatch = Number(a.slice(2));
    else if (a === '-I') replace = args[++i] ?? '{}';
    else if (a === '-r' || a === '--no-run-if-empty') noEmpty = true;
    else if (a === '-0' || a === '-t') continue;
    else {
      ctx.err(`xargs: invalid option -- '${a.replace(/^-+/, '')}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n`);
      return 1;
    }
  }
  const command = args.slice(i).length ? args.slice(i) : ['echo'];
  const input = ctx.stdin ?? '';
  const batches: string[][] = [];
  if (replace !== null) {
    for (const line of input.split('\n').map((l) => l.trim()).filter(Boolean)) batches.push(command.map((w) => w.split(replace!).join(line)));
  } else {
    const words = input.split(/\s+/).filter(Boolean);
    if (!words.length && !noEmpty) batches.push(command);
    const size = perBatch > 0 ? perBatch : Math.max(words.length, 1);
    for (let k = 0; k < words.length; k += size) batches.push([...command, ...words.slice(k, k + size)]);
  }
  let status = 0;
  for (const argv of batches) {
    const code = await ctx.spawn(argv, ctx.env);
    if (code === 127) return 127;
    if (code === 130) return 130;
    if (code !== 0) status = 123;
  }
  return status;
}

export const xargs: Program = { name: 'xargs', summary: 'build and execute command lines from standard input', run };
