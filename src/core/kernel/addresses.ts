// Interface addresses (`ip addr add`): adding one also installs its connected (proto kernel) route.
import type { World } from '../world';
import { broadcastOf, networkOf } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { Address, Link, Netns } from './types';
import { findLink } from './links';

/** Adds `ip/len` to a link; with `brd` true the broadcast is computed (`brd +`). Returns false if it already exists. */
export function addAddress(world: World, ns: Netns, linkName: string, ip: Ipv4, len: number, brd = true): boolean {
  const link = findLink(ns, linkName);
  if (!link) throw new Error(`no link ${linkName}`);
  if (link.addrs.some((a) => a.ip === ip && a.prefixLen === len)) return false;
  const addr: Address = {
    ip,
    prefixLen: len,
    brd: brd && len < 31 ? broadcastOf({ ip, len }) : null,
    scope: link.kind === 'loopback' ? 'host' : 'global',
  };
  link.addrs.push(addr);
  syncConnectedRoute(ns, link, addr);
  world.changed('addr', `${ns.id}:${linkName}`);
  return true;
}

/** Removes an address and its connected route. Returns false if it was not there. */
export function deleteAddress(world: World, ns: Netns, linkName: string, ip: Ipv4, len: number): boolean {
  const link = findLink(ns, linkName);
  if (!link) throw new Error(`no link ${linkName}`);
  const before = link.addrs.length;
  link.addrs = link.addrs.filter((a) => !(a.ip === ip && a.prefixLen === len));
  if (link.addrs.length === before) return false;
  const net = networkOf({ ip, len });
  ns.routes = ns.routes.filter(
    (r) => !(r.proto === 'kernel' && r.dev === link.ifindex && r.dst === net && r.dstLen === len && r.src === ip),
  );
  world.changed('addr', `${ns.id}:${linkName}`);
  return true;
}

/** The kernel adds `NET/LEN dev X proto kernel scope link src IP` for each non-host address whose link is up. */
export function syncConnectedRoute(ns: Netns, link: Link, addr: Address): void {
  if (addr.scope === 'host' || addr.prefixLen === 32) return;
  const dst = networkOf({ ip: addr.ip, len: addr.prefixLen });
  const exists = ns.routes.some((r) => r.dev === link.ifindex && r.dst === dst && r.dstLen === addr.prefixLen && r.proto === 'kernel');
  if (exists || !link.up) return;
  ns.routes.push({
    type: 'unicast',
    dst,
    dstLen: addr.prefixLen,
    gateway: null,
    dev: link.ifindex,
    proto: 'kernel',
    scope: 'link',
    src: addr.ip,
    metric: null,
  });
}

/** Re-derives connected routes after a link goes up (added) or down (removed), as the kernel does. */
export function refreshConnectedRoutes(ns: Netns, link: Link): void {
  if (!link.up) {
    ns.routes = ns.routes.filter((r) => r.dev !== link.ifindex);
    return;
  }
  for (const addr of link.addrs) syncConnectedRoute(ns, link, addr);
}
