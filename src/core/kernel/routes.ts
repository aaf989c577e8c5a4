// The main routing table: adding and deleting routes, and the longest-prefix-match lookup (fib_lookup).
import type { World } from '../world';
import { cidrContains } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { Netns, Route } from './types';

/** Two routes are the same entry when destination, prefix and metric match (what `ip route add` calls "File exists"). */
export function sameRouteKey(a: Route, b: Route): boolean {
  return a.dst === b.dst && a.dstLen === b.dstLen && (a.metric ?? 0) === (b.metric ?? 0);
}

/** `ip route add`: returns false if an equal route exists. */
export function addRoute(world: World, ns: Netns, route: Route): boolean {
  if (ns.routes.some((r) => sameRouteKey(r, route))) return false;
  ns.routes.push(route);
  world.changed('route', ns.id);
  return true;
}

/** `ip route del`: removes the first route matching prefix (and device/gateway if given). */
export function deleteRoute(world: World, ns: Netns, dst: Ipv4, dstLen: number, match: Partial<Route> = {}): boolean {
  const idx = ns.routes.findIndex(
    (r) =>
      r.dst === dst &&
      r.dstLen === dstLen &&
      (match.dev === undefined || r.dev === match.dev) &&
      (match.gateway === undefined || r.gateway === match.gateway),
  );
  if (idx < 0) return false;
  ns.routes.splice(idx, 1);
  world.changed('route', ns.id);
  return true;
}

/** Longest-prefix match over the main table; ties go to the lowest metric, then the earliest added. */
export function lookupRoute(ns: Netns, dst: Ipv4): Route | undefined {
  let best: Route | undefined;
  for (const r of ns.routes) {
    if (!cidrContains({ ip: r.dst, len: r.dstLen }, dst)) continue;
    if (!best || r.dstLen > best.dstLen || (r.dstLen === best.dstLen && (r.metric ?? 0) < (best.metric ?? 0))) best = r;
  }
  return best;
}
