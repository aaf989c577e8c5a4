// /run/netns: the names `ip netns` knows a host's network namespaces by. `ip netns add` makes a namespace with its
// own name; `ip netns attach NAME PID` (a bind mount) and `ln -s /proc/PID/ns/net /run/netns/NAME` (a symlink) name
// one that exists already, such as a container's, so `ip netns exec NAME ...` can enter it.
import type { World } from '../world';
import type { Netns, NetnsId } from './types';

export interface NetnsName {
  name: string;
  /** The namespace, or null for a symlink whose process is gone. */
  ns: Netns | null;
  /** A name pointing at a namespace made elsewhere (removing it leaves the namespace). */
  link: boolean;
}

const linkKey = (host: string, name: string) => `${host}:${name}`;

/** Every name in the host's /run/netns, in the order readdir lists them (newest first). */
export function netnsNames(world: World, host: string): NetnsName[] {
  const own: NetnsName[] = Object.values(world.state.netns)
    .filter((n) => n.kind === 'named' && n.host === host)
    .map((ns) => ({ name: ns.name!, ns, link: false }));
  const links: NetnsName[] = Object.entries(world.state.netnsLinks ?? {})
    .filter(([k]) => k.startsWith(`${host}:`))
    .map(([k, id]) => ({ name: k.slice(host.length + 1), ns: world.state.netns[id] ?? null, link: true }));
  return [...own, ...links].reverse();
}

/** The namespace a name in /run/netns opens, or undefined (no such name, or a dangling link). */
export function netnsByName(world: World, host: string, name: string): Netns | undefined {
  const own = world.state.netns[`${host}/netns/${name}`];
  if (own) return own;
  const id = world.state.netnsLinks?.[linkKey(host, name)];
  return id ? world.state.netns[id] : undefined;
}

export function netnsNameTaken(world: World, host: string, name: string): boolean {
  return !!world.state.netns[`${host}/netns/${name}`] || !!world.state.netnsLinks?.[linkKey(host, name)];
}

/** Names `target` as `name` in /run/netns. */
export function linkNetnsName(world: World, host: string, name: string, target: NetnsId): void {
  (world.state.netnsLinks ??= {})[linkKey(host, name)] = target;
  world.changed('netns', `${host}/netns/${name}`);
}

/** Removes a name that points elsewhere (the namespace stays); false when `name` is not such a link. */
export function unlinkNetnsName(world: World, host: string, name: string): boolean {
  const links = world.state.netnsLinks;
  if (!links || !(linkKey(host, name) in links)) return false;
  delete links[linkKey(host, name)];
  world.changed('netns', `${host}/netns/${name}`);
  return true;
}
