// The `docker: <error>.` framing that run, create and other container commands use for their errors.
import type { CommandContext } from '../../types';

/** cli/command/container reportError: `docker: <msg>.` (one trailing dot), plus `See 'docker <cmd> --help'.` */
export function reportError(ctx: CommandContext, cmd: string, message: string, withHelp: boolean): void {
  let text = message.replace(/\.$/, '') + '.';
  if (withHelp) text += `\nSee 'docker ${cmd} --help'.`;
  ctx.err(`docker: ${text}\n`);
}
