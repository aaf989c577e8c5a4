// Names from live state that Tab offers: containers, networks, images (from the host's Docker engine), interfaces
// (from the namespace the shell runs in) and named network namespaces, as docker's and iproute2's completions do.
import type { World } from '../../core/world';
import type { ProcessEnv } from '../types';

/** What completion reads of a container record (the engine keeps much more). */
interface ContainerLike {
  name?: string;
  state?: { status?: string };
}

export type ContainerFilter = 'all' | 'running' | 'stopped';

function engineOf(world: World, env: ProcessEnv) {
  return world.state.docker[env.host];
}

/** Container names on the shell's host (docker's completion offers names, not IDs, by default). */
export function containerNames(world: World, env: ProcessEnv, filter: ContainerFilter = 'all'): string[] {
  const containers = (engineOf(world, env) as { containers?: Record<string, ContainerLike> } | undefined)?.containers ?? {};
  return Object.values(containers)
    .filter((c) => {
      const running = c.state?.status === 'running';
      return filter === 'all' || (filter === 'running' ? running : !running);
    })
    .flatMap((c) => (c.name ? [c.name.replace(/^\//, '')] : []));
}

/** Network names; `userDefined` leaves out bridge, host and none (which `docker network rm` refuses). */
export function networkNames(world: World, env: ProcessEnv, userDefined = false): string[] {
  const networks = engineOf(world, env)?.networks ?? {};
  return Object.values(networks)
    .filter((n) => !userDefined || !n.predefined)
    .map((n) => n.name);
}

/** Local images as `repo:tag`, plus the bare repo for `latest`. */
export function imageNames(world: World, env: ProcessEnv): string[] {
  const images = (engineOf(world, env) as { images?: Record<string, { repo: string; tag: string }> } | undefined)?.images ?? {};
  return Object.values(images).flatMap((i) => (i.tag === 'latest' ? [i.repo, `${i.repo}:${i.tag}`] : [`${i.repo}:${i.tag}`]));
}

/** Interfaces of the namespace the shell is in. */
export function interfaceNames(world: World, env: ProcessEnv): string[] {
  return (world.state.netns[env.netns]?.links ?? []).map((l) => l.name);
}

/** Namespaces `ip netns list` shows on the shell's host. */
export function namespaceNames(world: World, env: ProcessEnv): string[] {
  return Object.values(world.state.netns)
    .filter((ns) => ns.host === env.host && ns.kind === 'named' && ns.name)
    .map((ns) => ns.name!);
}
