// The confirmation docker's prune commands ask for (command.PromptForConfirmation): `[y/N]`, only y/Y proceeds.
import type { CommandContext } from '../../types';

export async function confirm(ctx: CommandContext, warning: string): Promise<boolean> {
  ctx.out(`${warning}\nAre you sure you want to continue? [y/N] `);
  const answer = await ctx.readLine();
  if (answer === null) ctx.out('\n');
  const a = (answer ?? '').trim();
  return a === 'y' || a === 'Y';
}
