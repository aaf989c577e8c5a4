// nsenter (util-linux 2.39.3): runs a program in the namespaces of another process (`-t PID` with -n/-u/-m/...)
// or of namespace files (`--net=/run/netns/red`). The lab models the network, UTS and mount namespaces; the other
// kinds are opened and entered the same way, with the same errors, and change nothing else.
import { FlagSet, describeFlagError, type FlagSpec } from '../../flags';
import type { CommandContext, ProcessEnv, Program } from '../../types';
import { programOnPath } from '../../path';
import { parseLine } from '../../parser';
import { runScript } from '../../interpreter';
import { executableExists } from '../docker/container/runtime';
import { NSENTER_USAGE, NSENTER_VERSION, TRY_HELP } from './usage';
import { currentNs, findProcess, openNsFile, NS_TYPES, type NsType, type ProcessNs } from './target';

/** Optional-argument flags (`-n`, `--net=<file>`) get this when given without a file. */
const NO_FILE = '\u0000';

const nsFlag = (name: string, short: string): FlagSpec => ({ name, short, type: 'string', noOptDefault: NO_FILE, help: '' });
const uintFlag = (name: string, short: string, what: string): FlagSpec => ({
  name, short, type: 'string', help: '',
  parse: (raw) => (/^\s*\d+$/.test(raw) ? { value: raw.trim() } : { error: `failed to parse ${what}: '${raw}'` }),
});

const flags = new FlagSet(
  {
    flags: [
      { name: 'all', short: 'a', type: 'bool', help: '' },
      { name: 'help', short: 'h', type: 'bool', help: '' },
      { name: 'version', short: 'V', type: 'bool', help: '' },
      uintFlag('target', 't', 'pid'),
      nsFlag('mount', 'm'), nsFlag('uts', 'u'), nsFlag('ipc', 'i'), nsFlag('net', 'n'), nsFlag('pid', 'p'),
      nsFlag('user', 'U'), nsFlag('cgroup', 'C'), nsFlag('time', 'T'),
      uintFlag('setuid', 'S', 'uid'), uintFlag('setgid', 'G', 'gid'),
      { name: 'root', short: 'r', type: 'string', noOptDefault: NO_FILE, help: '' },
      { name: 'wd', short: 'w', type: 'string', noOptDefault: NO_FILE, help: '' },
      { name: 'wdns', short: 'W', type: 'string', noOptDefault: NO_FILE, help: '' },
      { name: 'env', short: 'e', type: 'bool', help: '' },
      { name: 'no-fork', short: 'F', type: 'bool', help: '' },
      { name: 'join-cgroup', short: 'c', type: 'bool', help: '' },
      { name: 'follow-context', short: 'Z', type: 'bool', help: '' },
      { name: 'preserve-credentials', type: 'bool', help: '' },
      { name: 'keep-caps', type: 'bool', help: '' },
      { name: 'user-parent', type: 'bool', help: '' },
    ],
    interspersed: false,
  },
  'gnu',
);

/** nsenter's option for each /proc/<pid>/ns file, in namespace_files[] order (the order it opens and enters them). */
const OPTION_OF: Record<NsType, string> = { user: 'user', cgroup: 'cgroup', ipc: 'ipc', uts: 'uts', net: 'net', pid: 'pid', mnt: 'mount', time: 'time' };

/** err(3)/errx(3): `nsenter: <message>` and exit status 1. */
class NsenterError extends Error {}

const ERRNO_TEXT = { ENOENT: 'No such file or directory', EACCES: 'Permission denied', EINVAL: 'Invalid argument', EPERM: 'Operation not permitted' };

/** CAP_SYS_ADMIN, which setns(2) needs: root on the host; in a container only with --privileged. */
function maySetns(ctx: CommandContext): boolean {
  if (ctx.env.user !== 'root') return false;
  if (!ctx.env.containerId) return true;
  return !!ctx.world.state.docker[ctx.env.host]?.containers?.[ctx.env.containerId]?.hostConfig.privileged;
}

interface Entered {
  type: NsType;
  ns: ProcessNs;
  /** Opened from a file of another kind: setns says EINVAL. */
  wrongType: boolean;
}

/** Opens every requested namespace as nsenter does: files while parsing, then /proc/<pid>/ns/* of the target. */
function openAll(ctx: CommandContext, v: Record<string, unknown>, given: Set<string>, pid: number): Entered[] {
  const here = currentNs(ctx.env);
  const opened = new Map<NsType, Entered>();
  for (const type of NS_TYPES) {
    const value = v[OPTION_OF[type]] as string;
    if (!given.has(OPTION_OF[type]) || value === NO_FILE) continue;
    const r = openNsFile(ctx.world, ctx.env, value, here);
    // A file that opens but is no namespace of this kind fails later, at setns.
    if (!r.ok && r.errno !== 'EINVAL') throw new NsenterError(`cannot open ${value}: ${ERRNO_TEXT[r.errno]}`);
    opened.set(type, r.ok ? { type, ns: r.ns, wrongType: r.type !== type } : { type, ns: here, wrongType: true });
  }
  if (v.all && !pid) throw new NsenterError('no target PID specified for --all');
  const wanted = NS_TYPES.filter((t) => !opened.has(t) && ((given.has(OPTION_OF[t]) && v[OPTION_OF[t]] === NO_FILE) || (v.all && t !== 'user')));
  for (const type of wanted) opened.set(type, { type, ns: openProc(ctx, pid, `ns/${type}`), wrongType: false });
  for (const [opt, file] of [['root', 'root'], ['wd', 'cwd']] as const) if (given.has(opt) && v[opt] === NO_FILE) openProc(ctx, pid, file);
  if (v.env) openProc(ctx, pid, 'environ');
  return NS_TYPES.filter((t) => opened.has(t)).map((t) => opened.get(t)!);
}

/** open_target_fd: `/proc/<pid>/<what>` of the target process. */
function openProc(ctx: CommandContext, pid: number, what: string): ProcessNs {
  if (!pid) throw new NsenterError(`neither filename nor target pid supplied for ${what}`);
  const target = findProcess(ctx.world, ctx.env, pid);
  if (!target) throw new NsenterError(`cannot open /proc/${pid}/${what}: No such file or directory`);
  if (ctx.env.user !== 'root') throw new NsenterError(`cannot open /proc/${pid}/${what}: Permission denied`);
  return target;
}

/** setns(2) into each, user namespace first if it fails otherwise; the first that cannot be entered is the error. */
function enterAll(ctx: CommandContext, entered: Entered[]): ProcessEnv {
  const env: ProcessEnv = { ...ctx.env, vars: { ...ctx.env.vars } };
  for (const e of entered) {
    let errno: keyof typeof ERRNO_TEXT | null = null;
    if (e.wrongType) errno = 'EINVAL';
    else if (!maySetns(ctx)) errno = 'EPERM';
    // Docker runs containers in the host's user namespace, and a process cannot re-enter its own.
    else if (e.type === 'user') errno = 'EINVAL';
    if (errno) throw new NsenterError(`reassociate to namespace 'ns/${e.type}' failed: ${ERRNO_TEXT[errno]}`);
    if (e.type === 'net') env.netns = e.ns.netns;
    if (e.type === 'uts') env.hostname = e.ns.hostname;
    if (e.type === 'mnt') Object.assign(env, { fsRoot: e.ns.fsRoot, flavor: e.ns.flavor, cwd: '/' });
  }
  return env;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Whether `name` exists in the filesystem the process now sees (the container's image after `-m`). */
function installed(ctx: CommandContext, env: ProcessEnv, entered: Entered[], name: string): boolean {
  const mnt = entered.find((e) => e.type === 'mnt')?.ns.container;
  if (mnt) return executableExists(mnt, name) && (programOnPath(ctx.world, env, name) !== undefined || ['sh', 'ash', 'bash'].includes(name));
  if (['sh', 'bash'].includes(name)) return true;
  if (name === 'ash') return env.flavor === 'busybox';
  return programOnPath(ctx.world, env, name) !== undefined;
}

/** execvp: the program (or `$SHELL` when none is given) in the entered namespaces. */
async function exec(ctx: CommandContext, argv: string[], env: ProcessEnv, entered: Entered[]): Promise<number> {
  const cmd = argv.length ? argv : [ctx.env.vars.SHELL ?? (ctx.env.shell === 'bash' ? '/bin/bash' : '/bin/sh')];
  const name = basename(cmd[0]);
  if (!installed(ctx, env, entered, name)) {
    ctx.err(`nsenter: failed to execute ${cmd[0]}: No such file or directory\n`);
    return 127;
  }
  if (['sh', 'ash', 'bash'].includes(name)) {
    const shellEnv = { ...env, shell: name, newShell: true, shellPid: undefined };
    if (cmd.length === 1) {
      ctx.session.pushEnv(shellEnv);
      return 0;
    }
    if (cmd[1] === '-c' && cmd.length >= 3) {
      const parsed = parseLine(cmd[2]);
      if (!parsed.ok) {
        ctx.err(`${name}: -c: ${parsed.message}\n`);
        return 2;
      }
      ctx.session.pushEnv(shellEnv);
      try {
        return await runScript(ctx.session, parsed.script, ctx, ctx.interrupt);
      } finally {
        ctx.session.popEnv();
      }
    }
  }
  return ctx.spawn([name, ...cmd.slice(1)], env);
}

async function run(ctx: CommandContext): Promise<number> {
  const r = flags.parse(ctx.argv.slice(1));
  if (!r.ok) {
    const custom = r.error.kind === 'invalid-value';
    ctx.err(`nsenter: ${describeFlagError(r.error, 'gnu')}\n${custom ? '' : TRY_HELP}`);
    return 1;
  }
  const { values: v, given, args } = r.parsed;
  if (v.help) {
    ctx.out(NSENTER_USAGE);
    return 0;
  }
  if (v.version) {
    ctx.out(NSENTER_VERSION);
    return 0;
  }
  try {
    const entered = openAll(ctx, v, given, Number(v.target || 0));
    return await exec(ctx, args, enterAll(ctx, entered), entered);
  } catch (e) {
    if (!(e instanceof NsenterError)) throw e;
    ctx.err(`nsenter: ${e.message}\n`);
    return 1;
  }
}

export const nsenter: Program = { name: 'nsenter', summary: 'run program in different namespaces', flavors: ['ubuntu', 'debian'], run };
