// Where a command comes from: `which` (the executable on PATH), and bash's `type` / `command -v` (builtins too).
import type { CommandContext, Program } from '../../types';
import { onPath } from '../../path';

/** Commands bash runs itself rather than from PATH. */
const SHELL_BUILTINS = new Set(['cd', 'echo', 'exit', 'export', 'false', 'fg', 'help', 'history', 'jobs', 'kill', 'pwd', 'true', 'wait']);

/** Ubuntu's /usr/sbin tools; everything else lives in /usr/bin. */
const SBIN = new Set(['ip', 'bridge', 'brctl', 'iptables', 'iptables-save', 'sysctl']);
/** BusyBox applet links in alpine's /sbin; the rest are in /bin or /usr/bin. */
const BB_SBIN = new Set(['ip', 'sysctl', 'brctl', 'ifconfig', 'route', 'arp']);
const BB_USR_BIN = new Set(['nslookup', 'traceroute', 'wget', 'which', 'tee', 'head', 'tail', 'wc', 'sort', 'whoami', 'nc', 'nsenter']);

/** The executable's path for `name` in this userland, or null when there is none. */
export function programPath(ctx: CommandContext, name: string): string | null {
  if (name.includes('/')) return onPath(ctx.world, ctx.env, name.replace(/^.*\//, '')) ? name : null;
  if (!onPath(ctx.world, ctx.env, name)) return null;
  if (ctx.env.flavor === 'busybox') return BB_SBIN.has(name) ? `/sbin/${name}` : BB_USR_BIN.has(name) ? `/usr/bin/${name}` : `/bin/${name}`;
  if (name === 'sh' || name === 'bash') return `/usr/bin/${name}`;
  return SBIN.has(name) ? `/usr/sbin/${name}` : `/usr/bin/${name}`;
}

export const which: Program = {
  name: 'which',
  summary: 'locate a command',
  async run(ctx) {
    const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    let status = 0;
    for (const name of names) {
      const path = SHELL_BUILTINS.has(name) && name !== 'kill' && name !== 'echo' && name !== 'pwd' && name !== 'true' && name !== 'false' ? null : programPath(ctx, name);
      if (path) ctx.out(`${path}\n`);
      else status = 1;
    }
    return names.length ? status : 1;
  },
};

export const type: Program = {
  name: 'type',
  summary: 'display information about command type',
  async run(ctx) {
    let status = 0;
    for (const name of ctx.argv.slice(1)) {
      if (SHELL_BUILTINS.has(name)) ctx.out(`${name} is a shell builtin\n`);
      else {
        const path = programPath(ctx, name);
        if (path) ctx.out(`${name} is ${path}\n`);
        else {
          ctx.err(`bash: type: ${name}: not found\n`);
          status = 1;
        }
      }
    }
    return status;
  },
};

export const command: Program = {
  name: 'command',
  summary: 'run a command, or say what a name would run (-v)',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args[0] === '-v' || args[0] === '-V') {
      let status = 0;
      for (const name of args.slice(1)) {
        const path = SHELL_BUILTINS.has(name) ? name : programPath(ctx, name);
        if (path) ctx.out(args[0] === '-v' ? `${path}\n` : SHELL_BUILTINS.has(name) ? `${name} is a shell builtin\n` : `${name} is ${path}\n`);
        else {
          if (args[0] === '-V') ctx.err(`bash: command: ${name}: not found\n`);
          status = 1;
        }
      }
      return status;
    }
    if (!args.length) return 0;
    return ctx.spawn(args, ctx.env);
  },
};
