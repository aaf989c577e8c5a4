// The directory tree behind the file commands (stat, readdir, mkdir, unlink): the standard directories of an
// Ubuntu host or an alpine container, every directory a stored or computed file lives in, the learner's mkdirs,
// and /run/netns (the bind-mount points `ip netns add` creates). /var/run is the /run symlink.
import type { World } from '../../../core/world';
import { WORLD_EPOCH_US } from '../../../core/sim/clock';
import type { ProcessEnv } from '../../types';
import { providerPaths, resolvePath, setDirReader, setParentCheck } from '../../vfs';
import { netnsNames } from '../../../core/kernel/netns-names';

export interface Entry {
  name: string;
  dir: boolean;
  size: number;
  mode: number;
  owner: string;
  mtimeUs: number;
}

const BASE_DIRS = ['/', '/bin', '/dev', '/etc', '/home', '/proc', '/proc/sys', '/proc/sys/net', '/proc/sys/net/ipv4', '/root', '/run', '/sbin', '/sys', '/tmp', '/usr', '/var'];

/** The path with /var/run replaced by /run (Ubuntu and alpine both symlink it). */
export function canonical(abs: string): string {
  return abs === '/var/run' || abs.startsWith('/var/run/') ? '/run' + abs.slice('/var/run'.length) : abs;
}

export function homeOf(user: string): string {
  return user === 'root' ? '/root' : `/home/${user}`;
}

function key(env: ProcessEnv, abs: string): string {
  return `${env.fsRoot}:${abs}`;
}

function namedNetns(world: World, env: ProcessEnv): string[] {
  if (env.fsRoot.startsWith('ctr:')) return [];
  return netnsNames(world, env.fsRoot).map((n) => n.name).sort();
}

/** Fixed owners and modes of the standard directories (a home is its user's, mode 750 on Ubuntu 24.04). */
function dirMeta(world: World, env: ProcessEnv, abs: string): Pick<Entry, 'mode' | 'owner' | 'mtimeUs'> {
  const made = world.state.fsMeta?.[key(env, abs)];
  if (made) return made;
  const epoch = WORLD_EPOCH_US;
  if (abs === '/tmp') return { mode: 0o1777, owner: 'root', mtimeUs: epoch };
  if (abs === '/root') return { mode: 0o700, owner: 'root', mtimeUs: epoch };
  if (abs === '/proc' || abs.startsWith('/proc/')) return { mode: 0o555, owner: 'root', mtimeUs: world.clock.now() };
  const m = /^\/home\/([^/]+)$/.exec(abs);
  if (m) return { mode: env.fsRoot.startsWith('ctr:') ? 0o755 : 0o750, owner: m[1], mtimeUs: epoch };
  return { mode: 0o755, owner: 'root', mtimeUs: epoch };
}

/** Every file path (stored or computed) under this root. */
function filePaths(world: World, env: ProcessEnv): string[] {
  const prefix = `${env.fsRoot}:`;
  const stored = Object.keys(world.state.files ?? {}).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  const netns = namedNetns(world, env).map((n) => `/run/netns/${n}`);
  // dockerd's sandbox namespace files (a container's SandboxKey), bind-mounted under /run/docker/netns.
  const engine = env.fsRoot.startsWith('ctr:') ? undefined : world.state.docker[env.fsRoot];
  for (const sb of Object.values(engine?.sandboxes ?? {})) netns.push(sb.key.replace(/^\/var\/run\//, '/run/'));
  return [...new Set([...stored, ...providerPaths(world, env), ...netns])];
}

function parentOf(p: string): string {
  return p.slice(0, p.lastIndexOf('/')) || '/';
}

/** The directories that exist: the standard ones, the user's home, made ones, and every parent of a file. */
function dirPaths(world: World, env: ProcessEnv): Set<string> {
  const dirs = new Set(BASE_DIRS);
  dirs.add(homeOf(env.user));
  if (env.user !== 'root') dirs.add('/home/learner');
  // The docker-ce package's configuration directory (daemon.json goes there) exists on a Docker host.
  if (!env.fsRoot.startsWith('ctr:') && world.state.docker[env.fsRoot]) dirs.add('/etc/docker');
  const prefix = `${env.fsRoot}:`;
  for (const [k, m] of Object.entries(world.state.fsMeta ?? {})) if (m.dir && k.startsWith(prefix)) dirs.add(k.slice(prefix.length));
  for (const f of [...filePaths(world, env), ...dirs]) for (let p = parentOf(f); p !== '/'; p = parentOf(p)) dirs.add(p);
  return dirs;
}

/** stat(2) of a path, or null when nothing is there. */
export function stat(world: World, env: ProcessEnv, path: string): Entry | null {
  const abs = canonical(resolvePath(env, path));
  const name = abs === '/' ? '/' : abs.slice(abs.lastIndexOf('/') + 1);
  if (dirPaths(world, env).has(abs)) return { name, dir: true, size: 4096, ...dirMeta(world, env, abs) };
  const text = world.state.files?.[key(env, abs)];
  if (text !== undefined) {
    const meta = world.state.fsMeta?.[key(env, abs)] ?? { mode: 0o644, owner: 'root', mtimeUs: WORLD_EPOCH_US };
    return { name, dir: false, size: new TextEncoder().encode(text).length, ...meta };
  }
  if (abs.startsWith('/run/netns/') && namedNetns(world, env).includes(name)) return { name, dir: false, size: 0, mode: 0o444, owner: 'root', mtimeUs: WORLD_EPOCH_US };
  if (filePaths(world, env).includes(abs)) return { name, dir: false, size: 0, mode: 0o644, owner: 'root', mtimeUs: world.clock.now() };
  return null;
}

/** readdir(3) of a directory, sorted by name (C.UTF-8 collation: code points). */
export function readDir(world: World, env: ProcessEnv, path: string): Entry[] {
  const abs = canonical(resolvePath(env, path));
  const under = (p: string) => p !== abs && parentOf(p) === abs;
  const names = new Set<string>();
  for (const p of [...dirPaths(world, env), ...filePaths(world, env)]) if (under(p)) names.add(p.slice(abs === '/' ? 1 : abs.length + 1));
  return [...names].sort().map((n) => stat(world, env, abs === '/' ? `/${n}` : `${abs}/${n}`)!);
}

/** Whether `env` may create or remove entries in the directory `abs` (root, or the owner of a writable directory). */
export function mayWrite(world: World, env: ProcessEnv, dir: string): boolean {
  if (env.user === 'root') return !dir.startsWith('/proc');
  const d = stat(world, env, dir);
  return !!d && (d.mode === 0o1777 || (d.owner === env.user && (d.mode & 0o200) !== 0));
}

/** mkdir(2): `EEXIST`, `ENOENT` (no parent), `EACCES`, or null when made. */
export function makeDir(world: World, env: ProcessEnv, path: string): 'EEXIST' | 'ENOENT' | 'EACCES' | null {
  const abs = canonical(resolvePath(env, path));
  if (stat(world, env, abs)) return 'EEXIST';
  const parent = stat(world, env, parentOf(abs));
  if (!parent?.dir) return 'ENOENT';
  if (!mayWrite(world, env, parentOf(abs))) return 'EACCES';
  const meta = (world.state.fsMeta ??= {});
  meta[key(env, abs)] = { dir: true, mode: env.user === 'root' || env.flavor === 'busybox' ? 0o755 : 0o775, owner: env.user, mtimeUs: world.clock.now() };
  world.changed('file', key(env, abs));
  return null;
}

/** unlink(2) of a stored file, or rmdir(2) of an empty made directory. */
export function removePath(world: World, env: ProcessEnv, path: string): 'ENOENT' | 'EACCES' | 'ENOTEMPTY' | null {
  const abs = canonical(resolvePath(env, path));
  const e = stat(world, env, abs);
  if (!e) return 'ENOENT';
  if (!mayWrite(world, env, parentOf(abs))) return 'EACCES';
  const k = key(env, abs);
  if (e.dir) {
    if (readDir(world, env, abs).length) return 'ENOTEMPTY';
    if (!world.state.fsMeta?.[k]?.dir) return 'EACCES';
  } else if (world.state.files?.[k] === undefined) return 'EACCES';
  delete world.state.files[k];
  if (world.state.fsMeta) delete world.state.fsMeta[k];
  world.changed('file', k);
  return null;
}

// open(O_CREAT) fails with ENOENT when the directory is missing (`echo x > /etc/netns/red/resolv.conf` before mkdir).
setParentCheck((world, env, abs) => {
  const parent = stat(world, env, parentOf(canonical(abs)));
  if (!parent) return 'No such file or directory';
  return parent.dir ? null : 'Not a directory';
});

setDirReader((world, env, abs) => {
  const d = stat(world, env, abs);
  return d?.dir ? readDir(world, env, abs).map((e) => ({ name: e.name, dir: e.dir })) : null;
});
