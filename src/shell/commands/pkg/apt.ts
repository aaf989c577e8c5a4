// apt and apt-get (apt 2.6 on Debian bookworm, 2.7 on Ubuntu noble): `update` fetches the package lists from the
// distribution's mirror over the emulated network (a container starts with none, so `install` before `update` cannot
// locate anything), `install [-y] PKG...` adds the package's commands to the container or host. Root only.
import type { CommandContext, Program } from '../../types';
import { packageInfo, MIRRORS, type Distro } from '../../../core/os/packages';
import { containerOf, distroOf, installedPackages, lookupProgram } from '../../path';
import { aptSize, reachMirror, type MirrorResult } from './mirror';

interface Source {
  base: string;
  suite: string;
  kb: number;
  packagesKb: number;
}

function sources(distro: Distro): Source[] {
  if (distro === 'debian') {
    return [
      { base: 'http://deb.debian.org/debian', suite: 'bookworm', kb: 151, packagesKb: 8792 },
      { base: 'http://deb.debian.org/debian', suite: 'bookworm-updates', kb: 55.4, packagesKb: 13.5 },
      { base: 'http://deb.debian.org/debian-security', suite: 'bookworm-security', kb: 48, packagesKb: 246 },
    ];
  }
  return [
    { base: 'http://archive.ubuntu.com/ubuntu', suite: 'noble', kb: 256, packagesKb: 19300 },
    { base: 'http://security.ubuntu.com/ubuntu', suite: 'noble-security', kb: 126, packagesKb: 1021 },
    { base: 'http://archive.ubuntu.com/ubuntu', suite: 'noble-updates', kb: 126, packagesKb: 1338 },
    { base: 'http://archive.ubuntu.com/ubuntu', suite: 'noble-backports', kb: 126, packagesKb: 31.5 },
  ];
}

function failureText(r: Extract<MirrorResult, { ok: false }>, host: string, port: number): string {
  if (r.why === 'resolve') return `Temporary failure resolving '${host}'`;
  if (r.why === 'timeout') return `Could not connect to ${host}:${port} (${r.ip}), connection timed out`;
  if (r.why === 'refused') return `Could not connect to ${host}:${port} (${r.ip}). - connect (111: Connection refused)`;
  return `Could not connect to ${host}:${port} (${r.ip}). - connect (101: Network is unreachable)`;
}

const LOCK_ERRORS = {
  update: 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n',
  install: 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
};

async function update(ctx: CommandContext, distro: Distro, friendly: boolean): Promise<number> {
  if (ctx.env.user !== 'root') {
    ctx.err((friendly ? '' : 'Reading package lists... Done\n') + LOCK_ERRORS.update);
    return 100;
  }
  const c = containerOf(ctx.world, ctx.env);
  const mirror = MIRRORS[distro];
  const fetched = !c || c.packages?.aptLists;
  const warnings: string[] = [];
  let total = 0;
  let us = 0;
  sources(distro).forEach((s, i) => {
    const host = new URL(s.base).host;
    const r = reachMirror(ctx, host, mirror.port);
    us += r.elapsedUs;
    if (!r.ok) {
      const why = failureText(r, host, mirror.port);
      ctx.out(`Err:${i + 1} ${s.base} ${s.suite} InRelease\n  ${why}\n`);
      warnings.push(`W: Failed to fetch ${s.base}/dists/${s.suite}/InRelease  ${why}\n`);
      return;
    }
    if (fetched) ctx.out(`Hit:${i + 1} ${s.base} ${s.suite} InRelease\n`);
    else {
      ctx.out(`Get:${i + 1} ${s.base} ${s.suite} InRelease [${aptSize(s.kb)}]\n`);
      total += s.kb;
    }
  });
  if (!fetched && warnings.length === 0) {
    sources(distro).forEach((s, i) => ctx.out(`Get:${sources(distro).length + i + 1} ${s.base} ${s.suite}/main amd64 Packages [${aptSize(s.packagesKb)}]\n`));
    total += sources(distro).reduce((sum, s) => sum + s.packagesKb, 0);
    const secs = Math.max(1, Math.round(us / 1e6 + total / 8000));
    ctx.out(`Fetched ${aptSize(total)} in ${secs}s (${aptSize(Math.round(total / secs))}/s)\n`);
  }
  if (!(await ctx.sleep(Math.max(us, 200_000)))) return 130;
  ctx.out('Reading package lists... Done\n');
  if (friendly) ctx.out('Building dependency tree... Done\nReading state information... Done\nAll packages are up to date.\n');
  if (warnings.length) ctx.err(warnings.join('') + 'W: Some index files failed to download. They have been ignored, or old ones used instead.\n');
  else if (c) c.packages = { installed: c.packages?.installed ?? [], aptLists: true };
  return 0;
}

async function install(ctx: CommandContext, distro: Distro, names: string[], assumeYes: boolean): Promise<number> {
  if (ctx.env.user !== 'root') {
    ctx.err(LOCK_ERRORS.install);
    return 100;
  }
  ctx.out('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
  const c = containerOf(ctx.world, ctx.env);
  const listsFetched = !c || c.packages?.aptLists;
  const installed = installedPackages(ctx.world, ctx.env);
  const wanted: string[] = [];
  for (const name of names) {
    const info = listsFetched ? packageInfo(distro, name) : undefined;
    if (!info) {
      ctx.err(`E: Unable to locate package ${name}\n`);
      return 100;
    }
    const present = installed.includes(name) || (info.commands.length > 0 && info.commands.every((cmd) => lookupProgram(ctx.world, ctx.env, cmd).kind === 'found'));
    if (present) ctx.out(`${name} is already the newest version (${info.version}).\n`);
    else if (!wanted.includes(name)) wanted.push(name);
  }
  if (!wanted.length) {
    ctx.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  const infos = wanted.map((n) => ({ name: n, ...packageInfo(distro, n)! }));
  const kb = infos.reduce((s, i) => s + i.kb, 0);
  ctx.out(`The following NEW packages will be installed:\n  ${[...wanted].sort().join(' ')}\n`);
  ctx.out(`0 upgraded, ${wanted.length} newly installed, 0 to remove and 0 not upgraded.\nNeed to get ${aptSize(kb)} of archives.\nAfter this operation, ${aptSize(Math.round(kb * 3.2))} of additional disk space will be used.\n`);
  if (!assumeYes && wanted.length > 1) {
    ctx.out('Do you want to continue? [Y/n] ');
    const answer = (await ctx.readLine()) ?? '';
    if (answer.trim() !== '' && !/^y/i.test(answer.trim())) {
      ctx.out('Abort.\n');
      return 1;
    }
  }
  const mirror = MIRRORS[distro];
  const [src] = sources(distro);
  const host = new URL(src.base).host;
  const r = reachMirror(ctx, host, mirror.port);
  if (!(await ctx.sleep(Math.max(r.elapsedUs, 100_000)))) return 130;
  if (!r.ok) {
    const why = failureText(r, host, mirror.port);
    infos.forEach((i, k) => ctx.out(`Err:${k + 1} ${src.base} ${src.suite}/main amd64 ${i.name} amd64 ${i.version}\n  ${why}\n`));
    infos.forEach((i) => ctx.err(`E: Failed to fetch ${src.base}/pool/main/${i.name[0]}/${i.name}/${i.name}_${i.version.replace(/^\d+:/, '')}_amd64.deb  ${why}\n`));
    ctx.err('E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?\n');
    return 100;
  }
  infos.forEach((i, k) => ctx.out(`Get:${k + 1} ${src.base} ${src.suite}/main amd64 ${i.name} amd64 ${i.version} [${aptSize(i.kb)}]\n`));
  ctx.out(`Fetched ${aptSize(kb)} in 0s (${aptSize(Math.max(kb * 4, 1))}/s)\n`);
  if (c) ctx.out('debconf: delaying package configuration, since apt-utils is not installed\n');
  const files = c ? (distro === 'ubuntu' ? 4381 : 6089) : 74213;
  infos.forEach((i, k) => {
    ctx.out(`Selecting previously unselected package ${i.name}.\n`);
    if (k === 0) ctx.out(`(Reading database ... ${files} files and directories currently installed.)\n`);
    const file = `${i.name}_${i.version.replace(/^\d+:/, '')}_amd64.deb`;
    ctx.out(`Preparing to unpack .../${infos.length > 1 ? `${String(k).padStart(2, '0')}-` : ''}${file} ...\nUnpacking ${i.name} (${i.version}) ...\n`);
  });
  infos.forEach((i) => ctx.out(`Setting up ${i.name} (${i.version}) ...\n`));
  if (!c) ctx.out('Processing triggers for man-db (2.12.0-4build2) ...\n');
  if (c) c.packages = { installed: [...installed, ...wanted], aptLists: c.packages?.aptLists };
  else ctx.world.state.hosts[ctx.env.host].packages = [...installed, ...wanted];
  ctx.world.changed('packages', `${ctx.env.host}:${c?.id ?? 'host'}`);
  return 0;
}

function makeApt(name: 'apt' | 'apt-get'): Program {
  return {
    name,
    summary: name === 'apt' ? 'command-line interface' : 'APT package handling utility -- command-line interface',
    flavors: ['ubuntu', 'debian'],
    async run(ctx) {
      const distro = distroOf(ctx.world, ctx.env);
      if (!distro || distro === 'alpine') {
        ctx.err(`${ctx.env.shell}: ${name}: command not found\n`);
        return 127;
      }
      const words = ctx.argv.slice(1);
      const flags = words.filter((w) => w.startsWith('-'));
      const args = words.filter((w) => !w.startsWith('-'));
      const assumeYes = flags.some((f) => ['-y', '--yes', '--assume-yes', '-qy', '-yq'].includes(f));
      if (name === 'apt' && ctx.stdoutNotTty) ctx.err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
      const [sub, ...pkgs] = args;
      if (sub === 'update') return update(ctx, distro, name === 'apt');
      if (sub === 'install') {
        if (!pkgs.length) {
          ctx.out('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
          return 0;
        }
        return install(ctx, distro, pkgs, assumeYes);
      }
      if (sub === undefined) {
        ctx.err(name === 'apt' ? 'apt 2.7.14 (amd64)\nUsage: apt [options] command\n' : 'apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n');
        return 1;
      }
      ctx.err(`cnlab: '${name} ${sub}' is not emulated; the lab's ${name} does update and install\n`);
      return 1;
    },
  };
}

export const apt = makeApt('apt');
export const aptGet = makeApt('apt-get');
