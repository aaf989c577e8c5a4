// Shell builtins that act on the session itself: exit, clear, history, cd, pwd, export, true, false, whoami.
import { stat } from '../files/tree';
import { FlagSet } from '../../flags';
import type { Program } from '../../types';
import { resolvePath } from '../../vfs';

const noFlags = new FlagSet({ flags: [], helpShort: false }, 'gnu');

export const exit: Program = {
  name: 'exit',
  summary: 'leave the current shell (a container shell returns to the host)',
  async run(ctx) {
    const code = ctx.argv[1] !== undefined ? Number(ctx.argv[1]) & 255 : ctx.session.lastExit;
    if (ctx.env.shell === 'bash') ctx.out('exit\n');
    // The status is known before the shell is left, so whoever watches shells end (docker: PID 1's exit code) sees it.
    ctx.session.lastExit = Number.isNaN(code) ? 2 : code;
    if (!ctx.session.popEnv()) ctx.session.closed = true;
    return Number.isNaN(code) ? 2 : code;
  },
};

/** What `clear` writes: home, erase display, erase scrollback (ncurses' E3 on xterm). */
export const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J';

export const clear: Program = {
  name: 'clear',
  summary: 'clear the terminal screen',
  async run(ctx) {
    ctx.out(CLEAR_SEQUENCE);
    return 0;
  },
};

const historyFlags = new FlagSet({ flags: [{ name: 'c', short: 'c', type: 'bool', help: 'clear the history list' }], helpShort: false }, 'gnu');

export const history: Program = {
  name: 'history',
  summary: 'display the command history',
  async run(ctx) {
    const r = historyFlags.parse(ctx.argv.slice(1));
    if (!r.ok) {
      ctx.err(`bash: history: ${r.error.token}: invalid option\nhistory: usage: history [-c] [-d offset] [n]\n`);
      return 2;
    }
    const h = ctx.session.history;
    if (r.parsed.values.c) {
      h.length = 0;
      return 0;
    }
    const n = r.parsed.args[0] !== undefined ? Number(r.parsed.args[0]) : h.length;
    if (!Number.isInteger(n) || n < 0) {
      ctx.err(`bash: history: ${r.parsed.args[0]}: numeric argument required\n`);
      return 1;
    }
    const start = Math.max(0, h.length - n);
    for (let i = start; i < h.length; i++) ctx.out(`${String(i + 1).padStart(5)}  ${h[i]}\n`);
    return 0;
  },
};

export const cd: Program = {
  name: 'cd',
  summary: 'change the working directory',
  async run(ctx) {
    const r = noFlags.parse(ctx.argv.slice(1));
    const target = r.ok ? (r.parsed.args[0] ?? '~') : '~';
    const home = ctx.env.user === 'root' ? '/root' : `/home/${ctx.env.user}`;
    const abs = resolvePath(ctx.env, target);
    if (!stat(ctx.world, ctx.env, abs)?.dir) {
      ctx.err(`${ctx.env.shell === 'bash' ? 'bash: cd' : 'sh: cd'}: ${ctx.env.shell === 'bash' ? target + ': No such file or directory' : "can't cd to " + target + ': No such file or directory'}\n`);
      return 1;
    }
    ctx.session.env.cwd = abs === home && ctx.env.shell === 'bash' ? '~' : abs.startsWith(home + '/') && ctx.env.shell === 'bash' ? '~' + abs.slice(home.length) : abs;
    return 0;
  },
};

export const pwd: Program = {
  name: 'pwd',
  summary: 'print the working directory',
  async run(ctx) {
    const home = ctx.env.user === 'root' ? '/root' : `/home/${ctx.env.user}`;
    ctx.out(ctx.env.cwd.replace(/^~/, home) + '\n');
    return 0;
  },
};

export const exportVar: Program = {
  name: 'export',
  summary: 'set shell variables',
  async run(ctx) {
    for (const a of ctx.argv.slice(1)) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (eq > 0) ctx.session.env.vars[name] = a.slice(eq + 1);
      const exported = (ctx.session.env.exported ??= []);
      if (!exported.includes(name)) exported.push(name);
    }
    return 0;
  },
};

export const trueCmd: Program = { name: 'true', summary: 'do nothing, successfully', run: async () => 0 };
export const falseCmd: Program = { name: 'false', summary: 'do nothing, unsuccessfully', run: async () => 1 };

export const whoami: Program = {
  name: 'whoami',
  summary: 'print the user name',
  async run(ctx) {
    ctx.out(ctx.env.user + '\n');
    return 0;
  },
};
