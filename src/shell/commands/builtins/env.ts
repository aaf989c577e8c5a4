// env and printenv (coreutils; BusyBox's are the same): the process environment as NAME=value lines, in the order
// the process got it — on the Ubuntu host the login shell's exports, in a container what dockerd builds (PATH,
// HOSTNAME, the image's and -e variables, then HOME added by the runtime).
import type { CommandContext, Program, ProcessEnv } from '../../types';
import type { World } from '../../../core/world';
import { containerOf } from '../../path';
import { coreutilsInfo } from './coreutils-help';

const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin';
const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Whether `name` came with the container's process (its Config.Env, or `docker exec -e`). */
function isContainerEnv(c: { config: { env: string[] } }, name: string): boolean {
  return c.config.env.some((e) => e.startsWith(`${name}=`));
}

/** The environment as an ordered list of [name, value]. */
export function environment(world: World, env: ProcessEnv): [string, string][] {
  const home = env.user === 'root' ? '/root' : `/home/${env.user}`;
  const out = new Map<string, string>();
  const c = containerOf(world, env);
  if (c) {
    out.set('PATH', CONTAINER_PATH);
    out.set('HOSTNAME', env.hostname);
    for (const e of c.config.env) {
      const eq = e.indexOf('=');
      if (eq > 0) out.set(e.slice(0, eq), e.slice(eq + 1));
    }
    for (const [k, v] of Object.entries(env.vars)) if (k !== 'HOME' && (isContainerEnv(c, k) || env.exported?.includes(k))) out.set(k, v);
    out.set('HOME', env.vars.HOME ?? home);
    return [...out];
  }
  const pwd = env.cwd.replace(/^~/, home);
  for (const [k, v] of [['SHELL', '/bin/bash'], ['PWD', pwd], ['LOGNAME', env.user], ['HOME', home], ['LANG', 'C.UTF-8'], ['TERM', 'xterm-256color'], ['USER', env.user], ['SHLVL', '1'], ['PATH', HOST_PATH]] as const) out.set(k, v);
  for (const [k, v] of Object.entries(env.vars)) if (env.exported?.includes(k)) out.set(k, v);
  out.set('_', '/usr/bin/env');
  return [...out];
}

async function env(ctx: CommandContext): Promise<number> {
  const info = coreutilsInfo(ctx, 'env');
  if (info !== null) return info;
  const args = ctx.argv.slice(1);
  // `env NAME=value... [COMMAND]`: run COMMAND with those added.
  const assigns: [string, string][] = [];
  while (args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0])) {
    const a = args.shift()!;
    assigns.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
  }
  if (args.length) return ctx.spawn(args, { ...ctx.env, vars: { ...ctx.env.vars, ...Object.fromEntries(assigns) }, exported: [...(ctx.env.exported ?? []), ...assigns.map(([k]) => k)] });
  const list = environment(ctx.world, ctx.env).filter(([k]) => !assigns.some(([a]) => a === k));
  ctx.out([...list, ...assigns].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
}

async function printenv(ctx: CommandContext): Promise<number> {
  const info = coreutilsInfo(ctx, 'printenv');
  if (info !== null) return info;
  const names = ctx.argv.slice(1);
  const list = environment(ctx.world, ctx.env).map(([k, v]): [string, string] => (k === '_' ? [k, '/usr/bin/printenv'] : [k, v]));
  if (!names.length) {
    ctx.out(list.map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const hit = list.find(([k]) => k === n);
    if (hit) ctx.out(`${hit[1]}\n`);
    else status = 1;
  }
  return status;
}

export const envProgram: Program = { name: 'env', summary: 'run a program in a modified environment', run: env };
export const printenvProgram: Program = { name: 'printenv', summary: 'print all or part of environment', run: printenv };
