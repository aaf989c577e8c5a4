// Network namespaces: creation (a fresh one has only a down `lo`), lookup and deletion.
import type { World } from '../world';
import type { Netns, NetnsId, NetnsKind } from './types';
import { emptyNetfilter } from './netfilter/types';
import { addLoopback } from './links';

/** `unshare(CLONE_NEWNET)`: a namespace with only `lo` (down, as Linux creates it). */
export function createNetns(world: World, id: NetnsId, host: string, kind: NetnsKind, name: string | null = null): Netns {
  if (world.state.netns[id]) throw new Error(`netns ${id} exists`);
  const ns: Netns = {
    id,
    host,
    kind,
    name,
    nextIfindex: 1,
    links: [],
    routes: [],
    neigh: [],
    netfilter: emptyNetfilter(),
    sysctl: { ipForward: kind === 'root' },
    sockets: [],
  };
  world.state.netns[id] = ns;
  addLoopback(ns);
  world.changed('netns', id);
  return ns;
}

export function getNetns(world: World, id: NetnsId): Netns {
  const ns = world.state.netns[id];
  if (!ns) throw new Error(`no netns ${id}`);
  return ns;
}

/** The namespace `ip netns add NAME` created on a host, if any. */
export function findNamedNetns(world: World, host: string, name: string): Netns | undefined {
  return Object.values(world.state.netns).find((ns) => ns.host === host && ns.name === name);
}

/** Destroys a namespace; veth ends inside it take their peers with them, and every other namespace forgets the
 * id it had given it (cleanup_net), as the kernel does. */
export function deleteNetns(world: World, id: NetnsId): void {
  const ns = getNetns(world, id);
  for (const link of [...ns.links]) {
    if (link.peer) {
      const peerNs = world.state.netns[link.peer.netns];
      if (peerNs) peerNs.links = peerNs.links.filter((l) => l.ifindex !== link.peer!.ifindex);
    }
  }
  delete world.state.netns[id];
  for (const other of Object.values(world.state.netns)) if (other.nsids?.[id] !== undefined) delete other.nsids[id];
  world.changed('netns', id);
}

/**
 * peernet2id_alloc: the id namespace `ns` gives `other` (`link-netnsid N`, `ip netns list`'s `(id: N)`), assigned
 * the first time `ns` needs one: the lowest id it has not handed out (idr_alloc from 0).
 */
export function allocPeerNsId(world: World, ns: Netns, other: Netns): number {
  const ids = (ns.nsids ??= {});
  if (ids[other.id] === undefined) {
    const used = new Set(Object.values(ids));
    let id = 0;
    while (used.has(id)) id++;
    ids[other.id] = id;
    world.changed('netns', ns.id);
  }
  return ids[other.id];
}

/** rtnl_net_newid (`ip netns set NAME NSID`): `ns` gives `other` the id `nsid` (-1: the lowest free one). */
export function setPeerNsId(world: World, ns: Netns, other: Netns, nsid: number): number | 'peer-has-id' | 'id-used' {
  const ids = (ns.nsids ??= {});
  if (ids[other.id] !== undefined) return 'peer-has-id';
  if (nsid < 0) return allocPeerNsId(world, ns, other);
  if (Object.values(ids).includes(nsid)) return 'id-used';
  ids[other.id] = nsid;
  world.changed('netns', ns.id);
  return nsid;
}
