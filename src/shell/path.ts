// The $PATH lookup: which programs a process's filesystem has — its image's userland minus what the image lacks,
// plus what packages installed since (`apt-get install`, `apk add`); on the host, Ubuntu's base system.
import type { World } from '../core/world';
import type { Container } from '../core/docker/types';
import { catalogById, imageHasExecutable } from '../core/docker/image-catalog';
import { commandsOf, HOST_ABSENT, imageDistro, UBUNTU_BASE, type Distro } from '../core/os/packages';
import { findProgram, findProgramAnyFlavor } from './registry';
import type { Flavor, Program, ProcessEnv } from './types';

/** The container whose files this process sees, if any. */
export function containerOf(world: World, env: ProcessEnv): Container | undefined {
  const id = env.containerId ?? (env.fsRoot.startsWith('ctr:') ? env.fsRoot.slice(4) : undefined);
  if (!id) return undefined;
  for (const engine of Object.values(world.state.docker)) {
    const c = engine.containers?.[id] ?? Object.values(engine.containers ?? {}).find((x) => x.id.startsWith(id));
    if (c) return c;
  }
  return undefined;
}

/** The distribution of the process's filesystem: Ubuntu on the host, the image's in a container (none for busybox). */
export function distroOf(world: World, env: ProcessEnv): Distro | null {
  const c = containerOf(world, env);
  if (!c) return env.flavor === 'ubuntu' ? 'ubuntu' : null;
  const image = catalogById(c.imageId);
  return image ? imageDistro(image) : null;
}

/** Packages installed since the filesystem was made. */
export function installedPackages(world: World, env: ProcessEnv): string[] {
  const c = containerOf(world, env);
  if (c) return c.packages?.installed ?? [];
  return world.state.hosts[env.host]?.packages ?? [];
}

export type Lookup = { kind: 'found'; program: Program } | { kind: 'missing' } | { kind: 'not-emulated' };

/** What a filesystem's $PATH holds: its userland's programs, what it lacks of them, what packages added since,
 * and the tools it ships that the lab has no model of. */
interface PathFs {
  flavor: Flavor;
  distro: Distro | null;
  installed: readonly string[];
  absent: readonly string[];
  ships(name: string): boolean;
}

function search(fs: PathFs, name: string): Lookup {
  if (fs.distro && commandsOf(fs.distro, fs.installed).has(name)) {
    const program = findProgram(name, fs.flavor) ?? findProgramAnyFlavor(name);
    return program ? { kind: 'found', program } : { kind: 'not-emulated' };
  }
  if (fs.absent.includes(name)) return { kind: 'missing' };
  const program = findProgram(name, fs.flavor);
  if (program) return { kind: 'found', program };
  return fs.ships(name) ? { kind: 'not-emulated' } : { kind: 'missing' };
}

function containerFs(c: Container): PathFs | null {
  const image = catalogById(c.imageId);
  if (!image) return null;
  return { flavor: image.flavor, distro: imageDistro(image), installed: c.packages?.installed ?? [], absent: image.absent, ships: (n) => imageHasExecutable(image, n) };
}

function hostFs(world: World, env: ProcessEnv): PathFs {
  const ubuntu = env.flavor === 'ubuntu';
  return { flavor: env.flavor, distro: ubuntu ? 'ubuntu' : null, installed: world.state.hosts[env.host]?.packages ?? [], absent: ubuntu ? HOST_ABSENT : [], ships: (n) => ubuntu && UBUNTU_BASE.includes(n) };
}

/** execvp's search for `name` in this process's filesystem. */
export function lookupProgram(world: World, env: ProcessEnv, name: string): Lookup {
  const c = containerOf(world, env);
  const fs = c ? containerFs(c) : hostFs(world, env);
  return fs ? search(fs, name) : { kind: 'missing' };
}

/** Whether `name` is in container `c`'s filesystem (the runtime's exec lookup in $PATH). */
export function containerHasExecutable(c: Container, name: string): boolean {
  const fs = containerFs(c);
  return !!fs && search(fs, name).kind !== 'missing';
}

/** Whether `name` is on the PATH at all (a program the lab runs, or one it only knows exists). */
export function onPath(world: World, env: ProcessEnv, name: string): boolean {
  return lookupProgram(world, env, name).kind !== 'missing';
}

/** The program, when the process can run it. */
export function programOnPath(world: World, env: ProcessEnv, name: string): Program | undefined {
  const l = lookupProgram(world, env, name);
  return l.kind === 'found' ? l.program : undefined;
}
