// ICMP "ping" sockets (net/ipv4/ping.c): an unprivileged SOCK_DGRAM ICMP socket gets its echo identifier from the
// kernel, which hands them out from one rover per kernel (ping_get_port), so every ping on a host gets the next one.
import type { World } from '../world';
import type { Netns } from './types';

/**
 * Whether `socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)` is allowed in `ns` (net.ipv4.ping_group_range covers every
 * group). A new namespace starts with the range `1 0` (nobody); systemd opens it in the host's initial namespace
 * (50-default.conf) and Docker in every container's (since 20.10). Namespaces made by `ip netns add` keep `1 0`.
 */
export function pingSocketsAllowed(ns: Netns): boolean {
  return ns.kind !== 'named';
}

/** ping_get_port(sk, 0): the next free identifier after the host kernel's rover (never 0), which then moves to it. */
export function allocPingIdent(world: World, host: string): number {
  const h = world.host(host);
  let ident = ((h.pingPortRover ?? 0) + 1) & 0xffff;
  if (ident === 0) ident = 1;
  h.pingPortRover = ident;
  world.changed('host', host);
  return ident;
}
