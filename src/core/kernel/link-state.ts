// What rtnetlink reports about a link: IFF_* flags, operstate, qdisc, and how its peer or parent is named
// (`veth0@if7`, `veth0@veth1`, `mv0@eth0`), as iproute2 and BusyBox print them.
import type { World } from '../world';
import type { Link, Netns } from './types';
import { hasCarrier, linkByIndex, resolveLinkRef } from './links';

/** An ipvlan child in L3 or L3S mode: ipvlan_set_port_mode sets IFF_NOARP on it (the parent routes, nobody ARPs). */
export function isIpvlanL3Link(link: Link): boolean {
  return link.kind === 'ipvlan' && (link.lower?.mode === 'l3' || link.lower?.mode === 'l3s');
}

/** The flags between `<` and `>`, in print_link_flags order (NO-CARRIER first when up without carrier). */
export function linkFlags(world: World, ns: Netns, link: Link): string[] {
  const flags: string[] = [];
  const carrier = hasCarrier(world, ns, link);
  if (link.up && !carrier) flags.push('NO-CARRIER');
  if (link.kind === 'loopback') flags.push('LOOPBACK');
  else if (link.kind === 'dummy') flags.push('BROADCAST', 'NOARP');
  else if (isIpvlanL3Link(link)) flags.push('BROADCAST', 'MULTICAST', 'NOARP');
  else flags.push('BROADCAST', 'MULTICAST');
  if (link.up) flags.push('UP');
  if (link.up && carrier) flags.push('LOWER_UP');
  return flags;
}

/**
 * The flags as iproute2 prints them (print_link_flags): `,M-DOWN` after them when the device's IFLA_LINK (a veth's
 * peer, a vlan/macvlan/ipvlan's parent) is in the same namespace and down. BusyBox decides M-DOWN its own way.
 */
export function iproute2Flags(world: World, ns: Netns, link: Link): string[] {
  const flags = linkFlags(world, ns, link);
  const ref = link.peer ?? link.lower?.parent;
  const other = ref && ref.netns === ns.id ? linkByIndex(ns, ref.ifindex) : undefined;
  if (other && !other.up) flags.push('M-DOWN');
  return flags;
}

/** IFLA_OPERSTATE as iproute2 names it. */
export function operState(world: World, ns: Netns, link: Link): string {
  if (!link.up) return 'DOWN';
  if (link.kind === 'loopback' || link.kind === 'dummy' || link.kind === 'vxlan') return 'UNKNOWN';
  // ipvlan_link_new copies the parent's carrier without a linkwatch event (macvlan fires one), so it stays UNKNOWN.
  if (hasCarrier(world, ns, link)) return link.kind === 'ipvlan' ? 'UNKNOWN' : 'UP';
  return link.kind === 'veth' || link.kind === 'macvlan' || link.kind === 'ipvlan' || link.kind === 'vlan' ? 'LOWERLAYERDOWN' : 'DOWN';
}

/** The queueing discipline: `noop` until a device is brought up, then fq_codel on NICs (Ubuntu's default), noqueue on virtual ones. */
export function qdiscOf(link: Link): string {
  if (!link.up) return 'noop';
  return link.kind === 'ether' ? 'fq_codel' : 'noqueue';
}

/** Addresses as rtnetlink reports them: lo gets 127.0.0.1/8 only once it is brought up. */
export function visibleAddrs(link: Link): Link['addrs'] {
  return link.kind === 'loopback' && !link.up ? [] : link.addrs;
}

/** `link/ether` or `link/loopback`. */
export function linkType(link: Link): string {
  return link.kind === 'loopback' ? 'loopback' : 'ether';
}

export interface PeerName {
  /** What follows `@`: the peer's name when it is in the same namespace, else `if<index>`. */
  suffix: string;
  /** The peer's namespace when it is another one (for `link-netns` / `link-netnsid`). */
  otherNs: Netns | null;
  /** The peer link itself, when it exists. */
  peer: Link | null;
}

/** The `@...` part of a link name: a veth's peer, or a macvlan/ipvlan/vlan's parent. */
export function peerName(world: World, ns: Netns, link: Link): PeerName | null {
  const ref = link.peer ?? link.lower?.parent;
  if (!ref) return null;
  const found = resolveLinkRef(world, ref);
  if (!found) return { suffix: `if${ref.ifindex}`, otherNs: null, peer: null };
  if (found.ns === ns) return { suffix: found.link.name, otherNs: null, peer: found.link };
  return { suffix: `if${found.link.ifindex}`, otherNs: found.ns, peer: found.link };
}

/** The master's name (`master br0`), if enslaved. */
export function masterName(ns: Netns, link: Link): string | null {
  return link.master === null ? null : (linkByIndex(ns, link.master)?.name ?? null);
}

/** The id this namespace knows another one by (`link-netnsid 0`); see allocPeerNsId. */
export { allocPeerNsId as peerNsId } from './netns';
