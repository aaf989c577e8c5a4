// apk (apk-tools 2.14, Alpine 3.21): `add [--no-cache] PKG...` fetches the main and community indexes from
// dl-cdn.alpinelinux.org over the emulated network and adds the package's commands; `update` refreshes the indexes.
import type { CommandContext, Program } from '../../types';
import { packageInfo, MIRRORS } from '../../../core/os/packages';
import { containerOf, distroOf, installedPackages, lookupProgram } from '../../path';
import { reachMirror, type MirrorResult } from './mirror';

const REPOS = ['main', 'community'];
const BASE_PACKAGES = 15;
const BASE_MIB = 8;
const repoUrl = (repo: string) => `https://${MIRRORS.alpine.host}/alpine/v3.21/${repo}`;

function warning(r: Extract<MirrorResult, { ok: false }>): string {
  if (r.why === 'resolve') return 'DNS lookup error';
  if (r.why === 'refused') return 'Connection refused';
  if (r.why === 'timeout') return 'operation timed out';
  return 'network unreachable';
}

/** Fetches both indexes; true when they arrived. */
async function fetchIndexes(ctx: CommandContext): Promise<boolean> {
  let ok = true;
  for (const repo of REPOS) {
    ctx.out(`fetch ${repoUrl(repo)}/x86_64/APKINDEX.tar.gz\n`);
    const r = reachMirror(ctx, MIRRORS.alpine.host, MIRRORS.alpine.port);
    if (!(await ctx.sleep(Math.max(r.elapsedUs, 50_000)))) return false;
    if (!r.ok) {
      ctx.err(`WARNING: fetching ${repoUrl(repo)}: ${warning(r)}\n`);
      ok = false;
    }
  }
  return ok;
}

async function add(ctx: CommandContext, names: string[]): Promise<number> {
  const indexes = await fetchIndexes(ctx);
  if (ctx.interrupt.interrupted) return 130;
  const installed = installedPackages(ctx.world, ctx.env);
  const missing = names.filter((n) => !indexes || !packageInfo('alpine', n));
  if (missing.length) {
    ctx.err(`ERROR: unable to select packages:\n${missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`);
    return missing.length;
  }
  const wanted = names.filter((n, i) => names.indexOf(n) === i && !installed.includes(n) && !packageInfo('alpine', n)!.commands.every((cmd) => lookupProgram(ctx.world, ctx.env, cmd).kind === 'found'));
  wanted.forEach((n, i) => ctx.out(`(${i + 1}/${wanted.length}) Installing ${n} (${packageInfo('alpine', n)!.version})\n`));
  if (wanted.length) ctx.out('Executing busybox-1.37.0-r12.trigger\n');
  const all = [...installed, ...wanted];
  const mib = BASE_MIB + Math.round(all.reduce((s, n) => s + (packageInfo('alpine', n)?.kb ?? 0), 0) / 1024);
  ctx.out(`OK: ${mib} MiB in ${BASE_PACKAGES + all.length} packages\n`);
  const c = containerOf(ctx.world, ctx.env)!;
  c.packages = { installed: all, aptLists: c.packages?.aptLists };
  ctx.world.changed('packages', `${ctx.env.host}:${c.id}`);
  return 0;
}

export const apk: Program = {
  name: 'apk',
  summary: 'Alpine Package Keeper',
  flavors: ['busybox', 'debian'],
  async run(ctx) {
    if (distroOf(ctx.world, ctx.env) !== 'alpine' || !containerOf(ctx.world, ctx.env)) {
      ctx.err(`${ctx.env.shell}: apk: not found\n`);
      return 127;
    }
    const words = ctx.argv.slice(1).filter((w) => !['--no-cache', '-U', '--update-cache', '-q', '--quiet', '--no-progress'].includes(w));
    const [sub, ...pkgs] = words;
    if (ctx.env.user !== 'root' && (sub === 'add' || sub === 'update')) {
      ctx.err('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
      return 99;
    }
    if (sub === 'add') {
      if (!pkgs.length) {
        ctx.err('apk add: minimum 1 argument required\n');
        return 1;
      }
      return add(ctx, pkgs);
    }
    if (sub === 'update') {
      const ok = await fetchIndexes(ctx);
      if (ctx.interrupt.interrupted) return 130;
      if (!ok) {
        ctx.err('2 unavailable, 0 stale; 0 distinct packages available\n');
        return 2;
      }
      ctx.out(`v3.21.3-220-gdc2f47e5f39 [${repoUrl('main')}]\nv3.21.3-219-g1e7f2ab9fd2 [${repoUrl('community')}]\nOK: 25397 distinct packages available\n`);
      return 0;
    }
    if (sub === undefined) {
      ctx.err('apk-tools 2.14.6, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n');
      return 1;
    }
    ctx.err(`cnlab: 'apk ${sub}' is not emulated; the lab's apk does add and update\n`);
    return 1;
  },
};
