// A tiny virtual filesystem: files computed from the world (/etc/hosts, /proc/sys/...) plus files the user wrote.
import type { World } from '../core/world';
import type { ProcessEnv } from './types';

/** A file whose content is derived from state (and optionally written back, like /proc/sys). */
export interface FileProvider {
  /** Absolute path, e.g. `/etc/resolv.conf`. */
  path: string;
  /** Where it exists: hosts, containers, or both. Absent means both. */
  where?: 'host' | 'container';
  read(world: World, env: ProcessEnv): string | null;
  /** Accepts a write; returns an error text (`Permission denied`) or null. */
  write?(world: World, env: ProcessEnv, content: string): string | null;
}

/** A directory of computed files whose names depend on state (/sys/class/net/<dev>/...): read-only. */
export interface FileFamily {
  /** Every path the family has for `env` (listings and `ls`). */
  paths(world: World, env: ProcessEnv): string[];
  /** One file's content, or null when it does not exist. */
  read(world: World, env: ProcessEnv, path: string): string | null;
  /** Paths the family may answer for (a cheap test before `read`). */
  prefix: string;
}

const providers: FileProvider[] = [];
const families: FileFamily[] = [];

/** Registers a family of computed files under `family.prefix`. */
export function registerFileFamily(family: FileFamily): void {
  families.push(family);
}

/** Registers a computed file; later registrations for the same path and place win. */
export function registerFile(p: FileProvider): void {
  providers.unshift(p);
}

function inContainer(env: ProcessEnv): boolean {
  return env.fsRoot.startsWith('ctr:');
}

function providerFor(path: string, env: ProcessEnv): FileProvider | undefined {
  const where = inContainer(env) ? 'container' : 'host';
  const fixed = providers.find((p) => p.path === path && (!p.where || p.where === where));
  if (fixed) return fixed;
  const family = families.find((f) => path.startsWith(f.prefix));
  return family && { path, read: (world, e) => family.read(world, e, path) };
}

/** Resolves `path` against the working directory (`~` is the user's home). */
export function resolvePath(env: ProcessEnv, path: string): string {
  const home = env.user === 'root' ? '/root' : `/home/${env.user}`;
  let p = path.startsWith('~') ? home + path.slice(1) : path;
  if (!p.startsWith('/')) {
    const cwd = env.cwd === '~' ? home : env.cwd.replace(/^~/, home);
    p = `${cwd}/${p}`;
  }
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** The computed files that exist for `env` (a provider whose read answers), for directory listings. */
export function providerPaths(world: World, env: ProcessEnv): string[] {
  const where = inContainer(env) ? 'container' : 'host';
  const seen = new Set<string>();
  for (const p of providers) {
    if (seen.has(p.path) || (p.where && p.where !== where)) continue;
    if (p.read(world, env) !== null) seen.add(p.path);
  }
  for (const f of families) for (const path of f.paths(world, env)) seen.add(path);
  return [...seen];
}

/** Lists a directory (names, and which are directories), or null when it is not one; registered by the directory model. */
let dirReader: ((world: World, env: ProcessEnv, abs: string) => { name: string; dir: boolean }[] | null) | null = null;
export function setDirReader(fn: typeof dirReader): void {
  dirReader = fn;
}

/** readdir(3) for the shell's own use (pathname expansion). */
export function listDir(world: World, env: ProcessEnv, abs: string): { name: string; dir: boolean }[] | null {
  return dirReader ? dirReader(world, env, abs) : null;
}

/** Checks the directory a new file goes in; registered by the file commands' directory model. */
let parentCheck: ((world: World, env: ProcessEnv, abs: string) => string | null) | null = null;
export function setParentCheck(fn: typeof parentCheck): void {
  parentCheck = fn;
}

function userKey(env: ProcessEnv, path: string): string {
  return `${env.fsRoot}:${path}`;
}

export type ReadResult = { ok: true; content: string } | { ok: false; error: 'ENOENT' | 'EISDIR' };

export function readFile(world: World, env: ProcessEnv, path: string): ReadResult {
  const abs = resolvePath(env, path);
  if (abs === '/dev/null') return { ok: true, content: '' };
  const p = providerFor(abs, env);
  const computed = p?.read(world, env);
  if (computed != null) return { ok: true, content: computed };
  const stored = world.state.files?.[userKey(env, abs)];
  if (stored !== undefined) return { ok: true, content: stored };
  if (['/', '/etc', '/proc', '/tmp', '/root', '/home', '/var'].includes(abs)) return { ok: false, error: 'EISDIR' };
  // A directory that holds computed or stored files.
  const below = `${abs}/`;
  const inside = (k: string) => k.startsWith(below);
  if (providerPaths(world, env).some(inside) || Object.keys(world.state.files ?? {}).some((k) => inside(k.slice(env.fsRoot.length + 1)) && k.startsWith(`${env.fsRoot}:`))) return { ok: false, error: 'EISDIR' };
  return { ok: false, error: 'ENOENT' };
}

/** Writes (or appends) a file; returns an error text such as `Permission denied`, or null. */
export function writeFile(world: World, env: ProcessEnv, path: string, content: string, append: boolean): string | null {
  const abs = resolvePath(env, path);
  if (abs === '/dev/null') return null;
  const p = providerFor(abs, env);
  if (p) {
    if (!p.write) return 'Permission denied';
    const old = append ? (p.read(world, env) ?? '') : '';
    return p.write(world, env, old + content);
  }
  const home = env.user === 'root' ? '/root' : `/home/${env.user}`;
  const files = (world.state.files ??= {});
  const key = userKey(env, abs);
  const dirProblem = files[key] === undefined && parentCheck ? parentCheck(world, env, abs) : null;
  if (dirProblem) return dirProblem;
  const writable = abs.startsWith('/tmp/') || abs.startsWith(home + '/') || env.user === 'root';
  if (!writable) return 'Permission denied';
  if (files[key] === undefined) {
    // A new file: owned by the writer, with the mode its umask leaves (Ubuntu's pam_umask: 002 for users, 022 for root).
    const meta = (world.state.fsMeta ??= {});
    meta[key] = { mode: env.user === 'root' || env.flavor === 'busybox' ? 0o644 : 0o664, owner: env.user, mtimeUs: world.clock.now() };
  } else if (world.state.fsMeta?.[key]) world.state.fsMeta[key].mtimeUs = world.clock.now();
  files[key] = (append ? (files[key] ?? '') : '') + content;
  world.changed('file', key);
  return null;
}
