// sudo: run a command as root (`sudo CMD`), or open a root shell (`sudo -i`, `sudo su`, `sudo bash`).
import { FlagSet, describeFlagError } from '../../flags';
import type { Program } from '../../types';
import { onPath } from '../../path';

const flags = new FlagSet(
  {
    flags: [
      { name: 'login', short: 'i', type: 'bool', help: 'run login shell as the target user' },
      { name: 'shell', short: 's', type: 'bool', help: 'run shell as the target user' },
      { name: 'user', short: 'u', type: 'string', valueName: 'user', help: 'run command as specified user name or ID' },
    ],
    interspersed: false,
    helpShort: false,
  },
  'gnu',
);

export const sudo: Program = {
  name: 'sudo',
  summary: 'execute a command as root',
  flavors: ['ubuntu', 'debian'],
  async run(ctx) {
    const r = flags.parse(ctx.argv.slice(1));
    if (!r.ok) {
      ctx.err(`sudo: ${describeFlagError(r.error, 'gnu')}\nusage: sudo -h | -K | -k | -V\n`);
      return 1;
    }
    const { values, args } = r.parsed;
    const rootEnv = { ...ctx.env, user: (values.user as string) || 'root' };
    const shellWords = ['su', 'bash', 'sh', '-i'];
    if (values.login || values.shell || (args.length > 0 && shellWords.includes(args[0]) && args.length <= 2 && args.every((a) => shellWords.includes(a) || a === '-'))) {
      ctx.session.pushEnv({ ...rootEnv, cwd: '~', vars: { ...ctx.env.vars } });
      return 0;
    }
    if (args.length === 0) {
      ctx.err('usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo [-ABbEHkNnPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [<command>]\n');
      return 1;
    }
    // sudo looks the command up itself: not found is its own error, status 1.
    if (!onPath(ctx.world, rootEnv, args[0].replace(/^.*\//, ''))) {
      ctx.err(`sudo: ${args[0]}: command not found\n`);
      return 1;
    }
    return ctx.spawn(args, rootEnv);
  },
};
