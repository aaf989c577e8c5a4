// Layer 2 reachability: where a frame sent out of a link can go (veth peers, bridge ports with their FDB, the
// LAN segment and its router, macvlan/ipvlan children of a NIC, 802.1Q vlan sub-interfaces whose frames cross the
// LAN tagged, vxlan tunnels to other hosts' VTEPs).
import type { World, Segment } from '../world';
import type { Link, Netns } from '../kernel/types';
import type { Mac } from '../net/mac';
import { macFromBytes } from '../net/mac';
import { ipv4Octets, parseIpv4, type Ipv4 } from '../net/ipv4';
import { linkByIndex, resolveLinkRef } from '../kernel/links';

export interface LinkAt {
  ns: Netns;
  link: Link;
}

/** One piece of a frame's path. */
export type L2Step =
  | { kind: 'veth'; from: LinkAt; to: LinkAt }
  | { kind: 'bridge'; ns: Netns; bridge: Link; inPort: Link | null; outPort: Link | null; fdbHit: boolean }
  | { kind: 'segment'; segment: Segment; from: LinkAt | 'router'; to: LinkAt | 'router'; vlan?: number }
  | { kind: 'lower'; from: LinkAt; to: LinkAt } // macvlan/ipvlan/vlan child <-> parent NIC, or sibling
  | { kind: 'vxlan'; from: LinkAt; to: LinkAt; remote: Ipv4 };

export interface L2Endpoint {
  /** The L3 interface that receives the frame, or the LAN router. */
  at: LinkAt | { router: Segment };
  mac: Mac;
  path: L2Step[];
}

/** The LAN router's MAC, derived from its address (QEMU's 52:54:00 prefix), so it needs no state. */
export function routerMac(segment: Segment): Mac {
  const [, b, c, d] = ipv4Octets(parseIpv4(segment.gateway) ?? 0);
  return macFromBytes([0x52, 0x54, 0x00, b, c, d]);
}

type Want = (at: LinkAt | { router: Segment }) => boolean;

interface Search {
  world: World;
  want: Want;
  /** Unicast to this MAC: bridges use their FDB for it. Null for broadcasts (ARP). */
  dstMac: Mac | null;
  seen: Set<string>;
}

function portsOf(ns: Netns, bridge: Link): Link[] {
  return ns.links.filter((l) => l.master === bridge.ifindex && l.up);
}

/** Devices (in any namespace) whose parent is `parent`: macvlan/ipvlan children (`vlans` false) or vlan sub-interfaces. */
function lowerChildren(world: World, parent: LinkAt, vlans = false): LinkAt[] {
  const out: LinkAt[] = [];
  for (const ns of Object.values(world.state.netns)) {
    for (const link of ns.links) {
      if ((link.kind === 'vlan') !== vlans) continue;
      if (link.lower && link.lower.parent.netns === parent.ns.id && link.lower.parent.ifindex === parent.link.ifindex) out.push({ ns, link });
    }
  }
  return out;
}

function segmentMembers(world: World, segment: string): LinkAt[] {
  const out: LinkAt[] = [];
  for (const ns of Object.values(world.state.netns)) for (const link of ns.links) if (link.kind === 'ether' && link.segment === segment) out.push({ ns, link });
  return out;
}

function found(s: Search, at: LinkAt | { router: Segment }, path: L2Step[]): L2Endpoint | null {
  if (!s.want(at)) return null;
  return { at, mac: 'router' in at ? routerMac(at.router) : at.link.mac, path };
}

/**
 * A frame arrives on `at`: a bridge port hands it to the bridge, a NIC to itself and its macvlan children. A frame
 * tagged `vlan` goes only to the NIC's vlan sub-interface with that id (vlan_do_receive), which takes the tag off.
 */
function arrive(s: Search, at: LinkAt, path: L2Step[], vlan?: number): L2Endpoint | null {
  if (vlan !== undefined) {
    const sub = lowerChildren(s.world, at, true).find((c) => c.link.vlanId === vlan && c.link.up);
    return at.link.up && sub ? arrive(s, sub, [...path, { kind: 'lower', from: at, to: sub }]) : null;
  }
  const k = `in:${at.ns.id}:${at.link.ifindex}`;
  if (s.seen.has(k) || !at.link.up) return null;
  s.seen.add(k);
  if (at.link.master !== null) {
    const br = linkByIndex(at.ns, at.link.master);
    if (!br || !br.up) return null;
    const self = found(s, { ns: at.ns, link: br }, [...path, { kind: 'bridge', ns: at.ns, bridge: br, inPort: at.link, outPort: null, fdbHit: s.dstMac === br.mac }]);
    if (self) return self;
    return throughBridge(s, at.ns, br, at.link, path);
  }
  const self = found(s, at, path);
  if (self) return self;
  if (at.link.kind === 'ether' || at.link.kind === 'vlan') {
    for (const child of lowerChildren(s.world, at)) {
      if (child.link.lower?.mode === 'private' || !child.link.up) continue;
      const r = found(s, child, [...path, { kind: 'lower', from: at, to: child }]);
      if (r) return r;
    }
  }
  return null;
}

/** Forwarding inside a bridge: the FDB port for a known unicast MAC, else every other port (flood). */
function throughBridge(s: Search, ns: Netns, br: Link, inPort: Link | null, path: L2Step[]): L2Endpoint | null {
  const entry = s.dstMac ? br.bridge?.fdb.find((e) => e.mac === s.dstMac && e.port !== undefined) : undefined;
  const ports = entry ? portsOf(ns, br).filter((p) => p.ifindex === entry.port) : portsOf(ns, br);
  for (const port of ports) {
    if (inPort && port.ifindex === inPort.ifindex) continue;
    const r = leave(s, { ns, link: port }, [...path, { kind: 'bridge', ns, bridge: br, inPort, outPort: port, fdbHit: !!entry }]);
    if (r) return r;
  }
  return null;
}

/** A frame leaves through `at` (transmitted on that device). */
function leave(s: Search, at: LinkAt, path: L2Step[]): L2Endpoint | null {
  const k = `out:${at.ns.id}:${at.link.ifindex}`;
  if (s.seen.has(k) || !at.link.up) return null;
  s.seen.add(k);
  const { link } = at;
  switch (link.kind) {
    case 'veth': {
      const peer = link.peer && resolveLinkRef(s.world, link.peer);
      return peer ? arrive(s, peer, [...path, { kind: 'veth', from: at, to: peer }]) : null;
    }
    case 'bridge':
      return throughBridge(s, at.ns, link, null, path);
    case 'ether':
      return onSegment(s, at, path);
    case 'macvlan':
    case 'ipvlan': {
      const parent = link.lower && resolveLinkRef(s.world, link.lower.parent);
      if (!parent || !parent.link.up) return null;
      for (const sib of lowerChildren(s.world, parent)) {
        if (sib.link === link || !sib.link.up || link.lower?.mode === 'private') continue;
        const r = found(s, sib, [...path, { kind: 'lower', from: at, to: sib }]);
        if (r) return r;
      }
      const down = [...path, { kind: 'lower' as const, from: at, to: parent }];
      // A child of a vlan sub-interface transmits through it: the frame leaves the NIC tagged.
      return parent.link.kind === 'vlan' ? throughVlan(s, parent, down, at) : onSegment(s, parent, down, at);
    }
    case 'vlan':
      return throughVlan(s, at, path, at);
    case 'vxlan':
      return overVxlan(s, at, path);
    default:
      return null;
  }
}

/** A vlan sub-interface transmits on its parent NIC with its VLAN id in the frame's 802.1Q tag. */
function throughVlan(s: Search, vlanAt: LinkAt, path: L2Step[], via: LinkAt): L2Endpoint | null {
  const nic = vlanAt.link.lower && resolveLinkRef(s.world, vlanAt.link.lower.parent);
  if (!nic || !nic.link.up) return null;
  return onSegment(s, nic, [...path, { kind: 'lower', from: vlanAt, to: nic }], via, vlanAt.link.vlanId);
}

/**
 * The physical LAN: every other host's NIC on it, and the router. `via` is a macvlan child sending through `at`.
 * The LAN's switch ports are trunks; the router is on the untagged (native) VLAN only, so tagged frames miss it.
 */
function onSegment(s: Search, at: LinkAt, path: L2Step[], via?: LinkAt, vlan?: number): L2Endpoint | null {
  const segment = at.link.segment ? s.world.state.segments[at.link.segment] : undefined;
  if (!segment) return null;
  const from = via ?? at;
  const tag = vlan === undefined ? {} : { vlan };
  for (const m of segmentMembers(s.world, segment.name)) {
    if (m.ns === at.ns && m.link === at.link) continue;
    const r = arrive(s, m, [...path, { kind: 'segment', segment, from, to: m, ...tag }], vlan);
    if (r) return r;
  }
  if (vlan !== undefined) return null;
  return found(s, { router: segment }, [...path, { kind: 'segment', segment, from, to: 'router' }]);
}

/** VXLAN: the frame goes to the VTEP the FDB names (or the device's `remote`), to the same VNI there. */
function overVxlan(s: Search, at: LinkAt, path: L2Step[]): L2Endpoint | null {
  const vx = at.link.vxlan;
  if (!vx) return null;
  const fdb = vx.fdb ?? [];
  const known = s.dstMac ? fdb.find((e) => e.mac === s.dstMac && e.dst !== undefined) : undefined;
  const remotes = known?.dst !== undefined ? [known.dst] : [...fdb.filter((e) => e.mac === '00:00:00:00:00:00' && e.dst !== undefined).map((e) => e.dst!), ...(vx.remote !== null ? [vx.remote] : [])];
  for (const remote of remotes) {
    for (const ns of Object.values(s.world.state.netns)) {
      if (!ns.links.some((l) => l.up && l.addrs.some((a) => a.ip === remote))) continue;
      for (const link of ns.links) {
        if (link.kind !== 'vxlan' || link.vxlan?.vni !== vx.vni || link.vxlan.dstport !== vx.dstport) continue;
        const r = arrive(s, { ns, link }, [...path, { kind: 'vxlan', from: at, to: { ns, link }, remote }]);
        if (r) return r;
      }
    }
  }
  return null;
}

/** Who answers an ARP request for `ip` sent out of `from` (any interface of a namespace owning `ip`, arp_ignore=0). */
export function arpSearch(world: World, from: LinkAt, ip: Ipv4): L2Endpoint | null {
  const owns = (at: LinkAt | { router: Segment }) => {
    if ('router' in at) return parseIpv4(at.router.gateway) === ip;
    if (at.ns === from.ns && at.link === from.link) return false;
    return at.ns.links.some((l) => l.up && l.addrs.some((a) => a.ip === ip));
  };
  return leave({ world, want: owns, dstMac: null, seen: new Set() }, from, []);
}

/**
 * The LAN router sending to `ip` on its segment: the station that answers its ARP for `ip` (a host's NIC, or a
 * macvlan/ipvlan child behind one, with the child's own MAC) and the path there, or null when nobody has `ip`.
 */
export function routerArpSearch(world: World, segment: Segment, ip: Ipv4): L2Endpoint | null {
  const owns = (at: LinkAt | { router: Segment }) => !('router' in at) && at.ns.links.some((l) => l.up && l.addrs.some((a) => a.ip === ip));
  const s: Search = { world, want: owns, dstMac: null, seen: new Set() };
  for (const m of segmentMembers(world, segment.name)) {
    const r = arrive(s, m, [{ kind: 'segment', segment, from: 'router', to: m }]);
    if (r) return r;
  }
  return null;
}

/**
 * The path a unicast frame to `mac` takes from `from`, or null if no such station is reachable. With `ip` (the
 * next hop), a station must also own that address: ipvlan children share their parent's MAC and are told apart
 * by IP, as the ipvlan driver demultiplexes.
 */
export function unicastPath(world: World, from: LinkAt, mac: Mac, ip?: Ipv4): L2Endpoint | null {
  const want = (at: LinkAt | { router: Segment }) => {
    if ('router' in at) return routerMac(at.router) === mac;
    if (at.link.mac !== mac || (at.ns === from.ns && at.link === from.link)) return false;
    return ip === undefined || at.ns.links.some((l) => l.up && l.addrs.some((a) => a.ip === ip));
  };
  return leave({ world, want, dstMac: mac, seen: new Set() }, from, []);
}

/** The same path walked the other way (an ARP reply retracing its request), for FDB learning. */
export function reversePath(path: L2Step[]): L2Step[] {
  return [...path].reverse().map((s) => (s.kind === 'bridge' ? { ...s, inPort: s.outPort, outPort: s.inPort } : s));
}
