// Network devices: loopback, physical NICs, bridges and veth pairs, enslaving and moving between namespaces.
import type { World } from '../world';
import { ZERO_MAC, randomMac } from '../net/mac';
import { parseIpv4 } from '../net/ipv4';
import type { Link, LinkKind, LinkRef, Netns } from './types';
import { allocPeerNsId, getNetns } from './netns';
import { refreshConnectedRoutes } from './addresses';
import { addrconfAround } from './addrconf';

/** The `lo` every namespace starts with (ifindex 1, mtu 65536, 127.0.0.1/8 once up). */
export function addLoopback(ns: Netns): Link {
  const lo: Link = {
    ifindex: ns.nextIfindex++,
    name: 'lo',
    kind: 'loopback',
    mac: ZERO_MAC,
    mtu: 65536,
    up: false,
    master: null,
    addrs: [{ ip: parseIpv4('127.0.0.1')!, prefixLen: 8, brd: null, scope: 'host' }],
    txqlen: 1000,
  };
  ns.links.push(lo);
  return lo;
}

export function findLink(ns: Netns, name: string): Link | undefined {
  return ns.links.find((l) => l.name === name);
}

export function linkByIndex(ns: Netns, ifindex: number): Link | undefined {
  return ns.links.find((l) => l.ifindex === ifindex);
}

/** Resolves a reference to a link anywhere in the world. */
export function resolveLinkRef(world: World, ref: LinkRef): { ns: Netns; link: Link } | undefined {
  const ns = world.state.netns[ref.netns];
  const link = ns && linkByIndex(ns, ref.ifindex);
  return link ? { ns, link } : undefined;
}

/**
 * dev_index_reserve: the first free index from the namespace's cyclic counter, which then moves past it. A device
 * moved in keeps its index (xa_insert) without touching the counter, so later ones can still get lower indexes.
 */
function allocIfindex(ns: Netns): number {
  let i = ns.nextIfindex;
  while (linkByIndex(ns, i)) i++;
  ns.nextIfindex = i + 1;
  return i;
}

function insertSorted(ns: Netns, link: Link): void {
  ns.links.push(link);
  ns.links.sort((a, b) => a.ifindex - b.ifindex);
}

/** Creates a device of `kind` in `ns` with the next free ifindex (`ip link add NAME type KIND`). */
export function addLink(world: World, ns: Netns, name: string, kind: LinkKind, extra: Partial<Link> = {}): Link {
  if (findLink(ns, name)) throw new Error(`link ${name} exists in ${ns.id}`);
  const link: Link = {
    ifindex: allocIfindex(ns),
    name,
    kind,
    mac: randomMac(world.rng),
    mtu: 1500,
    up: false,
    master: null,
    addrs: [],
    txqlen: kind === 'ether' || kind === 'veth' || kind === 'vlan' ? 1000 : 0,
    ...extra,
  };
  if (kind === 'bridge' && !link.bridge) link.bridge = { stp: false, fdb: [], ageingTimeSec: 300 };
  insertSorted(ns, link);
  world.changed('link', `${ns.id}:${name}`);
  return link;
}

/** `ip link add A type veth peer name B`: both ends in `ns`, consecutive ifindexes, each pointing at the other. */
export function addVethPair(world: World, ns: Netns, nameA: string, nameB: string): [Link, Link] {
  const a = addLink(world, ns, nameA, 'veth');
  const b = addLink(world, ns, nameB, 'veth');
  a.peer = { netns: ns.id, ifindex: b.ifindex };
  b.peer = { netns: ns.id, ifindex: a.ifindex };
  return [a, b];
}

/**
 * RTM_NEWLINK about `link` in `ns` (rtnl_fill_link_netnsid): when the link's peer or parent lives in another
 * namespace, `ns` gives that namespace an id if it had none. Every announcement does this: creation, a move, up/down.
 */
export function announceLink(world: World, ns: Netns, link: Link): void {
  const ref = link.peer ?? link.lower?.parent;
  const other = ref && ref.netns !== ns.id ? world.state.netns[ref.netns] : undefined;
  if (other) allocPeerNsId(world, ns, other);
}

/**
 * `ip link set NAME netns NS`: moves a device, keeping its ifindex when free in the target (else the next free),
 * dropping its addresses, master and routes, and leaving it down, as the kernel does. dev_change_net_namespace
 * gives the target an id in the old namespace and announces the device in the new one; `{ created: true }` is
 * for a device made directly in `to` (a veth peer created there), which is announced by its creator instead.
 */
export function moveLink(world: World, from: Netns, name: string, to: Netns, newName?: string, opts: { created?: boolean } = {}): Link {
  const link = findLink(from, name);
  if (!link) throw new Error(`no link ${name} in ${from.id}`);
  const targetName = newName ?? link.name;
  if (findLink(to, targetName)) throw new Error(`link ${targetName} exists in ${to.id}`);
  from.links = from.links.filter((l) => l !== link);
  from.routes = from.routes.filter((r) => r.dev !== link.ifindex);
  const oldIndex = link.ifindex;
  if (opts.created) {
    // Registered in `to` from the start: an index from `to`'s counter, none used up in `from`.
    if (from.nextIfindex === oldIndex + 1) from.nextIfindex = oldIndex;
    link.ifindex = allocIfindex(to);
  } else if (linkByIndex(to, oldIndex)) link.ifindex = allocIfindex(to);
  link.name = targetName;
  link.up = false;
  link.master = null;
  link.addrs = [];
  link.addrs6 = [];
  insertSorted(to, link);
  if (link.peer) {
    const peer = resolveLinkRef(world, link.peer);
    if (peer) peer.link.peer = { netns: to.id, ifindex: link.ifindex };
  }
  for (const other of from.links) if (other.master === oldIndex) other.master = null;
  if (!opts.created) {
    allocPeerNsId(world, from, to);
    announceLink(world, to, link);
  }
  world.changed('link', `${to.id}:${targetName}`);
  return link;
}

/** `ip link del NAME`: a veth takes its peer with it, a NIC its macvlan/ipvlan/vlan children; a bridge releases its ports. */
export function deleteLink(world: World, ns: Netns, name: string): void {
  const link = findLink(ns, name);
  if (!link) throw new Error(`no link ${name} in ${ns.id}`);
  ns.links = ns.links.filter((l) => l !== link);
  ns.routes = ns.routes.filter((r) => r.dev !== link.ifindex);
  ns.neigh = ns.neigh.filter((n) => n.dev !== link.ifindex);
  for (const other of ns.links) if (other.master === link.ifindex) other.master = null;
  if (link.peer) {
    const peerNs = world.state.netns[link.peer.netns];
    const peer = peerNs && linkByIndex(peerNs, link.peer.ifindex);
    if (peerNs && peer) {
      delete peer.peer;
      deleteLink(world, peerNs, peer.name);
    }
  }
  for (const other of Object.values(world.state.netns)) {
    for (const child of other.links.filter((l) => l.lower?.parent.netns === ns.id && l.lower.parent.ifindex === link.ifindex)) deleteLink(world, other, child.name);
  }
  world.changed('link', `${ns.id}:${name}`);
}

/** `ip link set PORT master BRIDGE` (or `nomaster` with `bridge` null). */
export function setMaster(world: World, ns: Netns, port: string, bridge: string | null): void {
  const link = findLink(ns, port);
  if (!link) throw new Error(`no link ${port}`);
  if (bridge === null) {
    link.master = null;
  } else {
    const br = findLink(ns, bridge);
    if (!br || br.kind !== 'bridge') throw new Error(`${bridge} is not a bridge`);
    link.master = br.ifindex;
  }
  addrconfAround(world, ns, link);
  world.changed('link', `${ns.id}:${port}`);
}

/** `ip link set NAME up|down`. */
export function setLinkUp(world: World, ns: Netns, name: string, up: boolean): void {
  const link = findLink(ns, name);
  if (!link) throw new Error(`no link ${name}`);
  link.up = up;
  refreshConnectedRoutes(ns, link);
  addrconfAround(world, ns, link);
  announceLink(world, ns, link);
  world.changed('link', `${ns.id}:${name}`);
}

/** Carrier (LOWER_UP): a veth needs its peer up, a bridge needs an up port, a NIC needs its segment. */
export function hasCarrier(world: World, ns: Netns, link: Link): boolean {
  if (!link.up) return false;
  switch (link.kind) {
    case 'loopback':
    case 'dummy':
    case 'vxlan':
      return true;
    case 'ether':
      return link.segment !== undefined;
    case 'veth': {
      const peer = link.peer && resolveLinkRef(world, link.peer);
      return !!peer && peer.link.up;
    }
    case 'bridge':
      return ns.links.some((l) => l.master === link.ifindex && hasCarrier(world, ns, l));
    case 'macvlan':
    case 'ipvlan':
    case 'vlan': {
      const parent = link.lower && resolveLinkRef(world, link.lower.parent);
      return !!parent && hasCarrier(world, parent.ns, parent.link);
    }
  }
}

export { getNetns };
