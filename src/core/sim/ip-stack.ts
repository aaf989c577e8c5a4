// The IPv4 path through one namespace after another: output (route, OUTPUT, POSTROUTING), input (PREROUTING,
// then INPUT or FORWARD with TTL and ip_forward), neighbour resolution, and handing frames to layer 2.
import type { Segment } from '../world';
import type { Link, Netns, Route } from '../kernel/types';
import { ICMP, UNREACH, clonePacket, type Packet } from '../kernel/packet';
import { cidrContains } from '../net/cidr';
import { formatIpv4, isLoopback, parseIpv4, type Ipv4 } from '../net/ipv4';
import { linkByIndex } from '../kernel/links';
import { isIpvlanL3Link } from '../kernel/link-state';
import { enterNs, leaveNs, runHook, verdictReason, type HookOutcome, type NsFlow } from './hooks';
import { ctSeenReply } from '../kernel/netfilter/conntrack';
import { arpSearch, reversePath, routerArpSearch, routerMac, unicastPath, type L2Endpoint, type LinkAt } from './l2';
import { carryFrame, countOn, followPath, learnOnPath } from './frames';
import { viewOf, type Walk } from './walk-context';
import { COST_US, NEIGH_FAIL_US } from './timing';

export type Origin = { ns: Netns } | { router: Segment };

export type Arrival =
  | { kind: 'local'; ns: Netns; pkt: Packet; inIf: string }
  | { kind: 'external'; segment: Segment; pkt: Packet }
  | { kind: 'dropped'; reason: string }
  /** An ICMP error (or a TCP RST) was generated at `from` and must travel back to the sender. */
  | { kind: 'bounce'; from: Origin; reply: Packet; reason: string }
  /** The sending host itself refused: no route, failed ARP, an OUTPUT drop. */
  | { kind: 'local-error'; errno: 'ENETUNREACH' | 'EHOSTUNREACH' | 'EPERM' | 'EINVAL' | 'EACCES' | 'ECONNREFUSED'; reason: string; icmpFrom?: Ipv4 };

/** Addresses this namespace owns (the local routing table): 127/8 and every interface address. */
export function isLocalAddr(ns: Netns, ip: Ipv4): boolean {
  return isLoopback(ip) || ns.links.some((l) => l.addrs.some((a) => a.ip === ip));
}

/** The source for a local destination (the local table's `src`): the address itself when a device owns it, else
 * the address of the lo prefix that covers it (127.0.0.53 is reached from 127.0.0.1). */
export function localSourceFor(ns: Netns, dst: Ipv4): Ipv4 {
  if (ns.links.some((l) => l.addrs.some((a) => a.ip === dst))) return dst;
  const lo = ns.links.find((l) => l.kind === 'loopback');
  const cover = lo?.addrs.find((a) => a.prefixLen < 32 && cidrContains({ ip: a.ip, len: a.prefixLen }, dst));
  return cover?.ip ?? dst;
}

/** fib_lookup on the main table, skipping routes through devices that are down. */
export function routeLookup(ns: Netns, dst: Ipv4): Route | undefined {
  let best: Route | undefined;
  for (const r of ns.routes) {
    if (!cidrContains({ ip: r.dst, len: r.dstLen }, dst)) continue;
    if (r.dev !== null && !linkByIndex(ns, r.dev)?.up) continue;
    if (!best || r.dstLen > best.dstLen || (r.dstLen === best.dstLen && (r.metric ?? 0) < (best.metric ?? 0))) best = r;
  }
  return best;
}

/** The source address for a route: its `src`, else the device's first address, else any global address. */
export function sourceFor(ns: Netns, route: Route | undefined): Ipv4 {
  if (route?.src) return route.src;
  const dev = route?.dev !== null && route?.dev !== undefined ? linkByIndex(ns, route.dev) : undefined;
  const onDev = dev?.addrs.find((a) => a.scope !== 'host');
  if (onDev) return onDev.ip;
  for (const l of ns.links) for (const a of l.addrs) if (a.scope === 'global') return a.ip;
  return 0;
}

function routeText(r: Route, ns: Netns): string {
  const dst = r.dstLen === 0 ? 'default' : r.dstLen === 32 ? formatIpv4(r.dst) : `${formatIpv4(r.dst)}/${r.dstLen}`;
  const dev = r.dev !== null ? linkByIndex(ns, r.dev)?.name : undefined;
  return `${dst}${r.gateway !== null ? ` via ${formatIpv4(r.gateway)}` : ''}${dev ? ` dev ${dev}` : ''}`;
}

/** icmp_send: an error about `bad` from this namespace back to its sender. */
export function icmpError(ns: Netns, bad: Packet, type: number, code: number, inIf: string | null): Packet {
  const inLink = inIf ? ns.links.find((l) => l.name === inIf) : undefined;
  const src = inLink?.addrs[0]?.ip ?? sourceFor(ns, routeLookup(ns, bad.src));
  return { proto: 'icmp', src, dst: bad.src, sport: bad.sport, dport: bad.sport, ttl: 64, len: 56 + 28, icmpType: type, icmpCode: code, inner: clonePacket(bad), seq: bad.seq };
}

function rejectReply(ns: Netns, bad: Packet, with_: string | undefined, inIf: string | null): Packet {
  if (with_ === 'tcp-reset' && bad.proto === 'tcp') {
    return { proto: 'tcp', src: bad.dst, dst: bad.src, sport: bad.dport, dport: bad.sport, ttl: 64, len: 40, tcpFlags: 'R.' };
  }
  const codes: Record<string, number> = {
    'icmp-net-unreachable': UNREACH.NET, 'icmp-host-unreachable': UNREACH.HOST, 'icmp-proto-unreachable': UNREACH.PROTO,
    'icmp-net-prohibited': UNREACH.NET_PROHIBITED, 'icmp-host-prohibited': UNREACH.HOST_PROHIBITED, 'icmp-admin-prohibited': UNREACH.ADMIN_PROHIBITED,
  };
  return icmpError(ns, bad, ICMP.DEST_UNREACH, codes[with_ ?? ''] ?? UNREACH.PORT, inIf);
}

function refused(walk: Walk, ns: Netns, o: HookOutcome, hook: Parameters<typeof verdictReason>[1], pkt: Packet, inIf: string | null): Arrival {
  const reason = verdictReason(o, hook, walk.label(ns));
  walk.record(ns, 'drop', inIf, viewOf(pkt), reason);
  if (o.verdict === 'DROP') return { kind: 'dropped', reason };
  return { kind: 'bounce', from: { ns }, reply: rejectReply(ns, pkt, o.rejectWith, inIf), reason };
}

/** A packet created by a process in `ns` (ip_local_out). */
export function sendLocal(walk: Walk, ns: Netns, pkt: Packet): Arrival {
  if (!walk.step()) return { kind: 'dropped', reason: 'the walk was stopped: too many steps (a loop?)' };
  const lo = ns.links.find((l) => l.kind === 'loopback');
  let local = isLocalAddr(ns, pkt.dst);
  if (local && isLoopback(pkt.dst) && !lo?.up) {
    return { kind: 'local-error', errno: 'ENETUNREACH', reason: `lo is down in ${walk.label(ns)}, so ${formatIpv4(pkt.dst)} is unreachable` };
  }
  let route = local ? undefined : routeLookup(ns, pkt.dst);
  if (!local && !route) {
    const reason = `no route to ${formatIpv4(pkt.dst)} in ${walk.label(ns)} (the routing table has no matching entry)`;
    walk.record(ns, 'route', null, viewOf(pkt), reason);
    return { kind: 'local-error', errno: 'ENETUNREACH', reason };
  }
  if (route && route.type !== 'unicast') {
    const reason = `route ${routeText(route, ns)} is ${route.type} in ${walk.label(ns)}`;
    return { kind: 'local-error', errno: route.type === 'prohibit' ? 'EACCES' : route.type === 'blackhole' ? 'EINVAL' : 'EHOSTUNREACH', reason };
  }
  if (pkt.src === 0) pkt.src = local ? localSourceFor(ns, pkt.dst) : sourceFor(ns, route);
  walk.srcIp ??= pkt.src;
  walk.record(ns, 'route', null, viewOf(pkt), local ? `${formatIpv4(pkt.dst)} is a local address of ${walk.label(ns)}: delivered through lo` : `route to ${formatIpv4(pkt.dst)}: ${routeText(route!, ns)} (from ${formatIpv4(pkt.src)})`);
  const flow = enterNs(walk, ns, pkt);
  let outIf = local ? 'lo' : (linkByIndex(ns, route!.dev!)?.name ?? null);
  const dstBefore = pkt.dst;
  const out = runHook(walk, flow, 'OUTPUT', pkt, null, outIf);
  if (out.verdict !== 'ACCEPT') {
    const reason = verdictReason(out, 'OUTPUT', walk.label(ns));
    walk.record(ns, 'drop', null, viewOf(pkt), reason);
    return { kind: 'local-error', errno: out.verdict === 'DROP' ? 'EPERM' : 'ECONNREFUSED', reason, icmpFrom: out.verdict === 'REJECT' ? pkt.src : undefined };
  }
  if (pkt.dst !== dstBefore) {
    local = isLocalAddr(ns, pkt.dst);
    route = local ? undefined : routeLookup(ns, pkt.dst);
    if (!local && !route) return { kind: 'local-error', errno: 'ENETUNREACH', reason: `no route to ${formatIpv4(pkt.dst)} after DNAT in ${walk.label(ns)}` };
    outIf = local ? 'lo' : (linkByIndex(ns, route!.dev!)?.name ?? null);
  }
  const post = runHook(walk, flow, 'POSTROUTING', pkt, null, outIf);
  if (post.verdict !== 'ACCEPT') return refused(walk, ns, post, 'POSTROUTING', pkt, null);
  if (local) {
    walk.spend(COST_US.loopback);
    if (lo) {
      countOn(lo, 'tx', pkt.len + 14);
      countOn(lo, 'rx', pkt.len + 14);
    }
    walk.record(ns, 'tx', 'lo', viewOf(pkt), `${walk.label(ns)} sends it over lo`);
    return inputLocal(walk, ns, flow, pkt, 'lo');
  }
  leaveNs(walk, flow, pkt);
  const link = linkByIndex(ns, route!.dev!)!;
  return transmit(walk, ns, link, route!.gateway ?? pkt.dst, pkt, true);
}

/** INPUT hook and delivery to the local stack. */
function inputLocal(walk: Walk, ns: Netns, flow: NsFlow, pkt: Packet, inIf: string): Arrival {
  const v = runHook(walk, flow, 'INPUT', pkt, inIf, null);
  if (v.verdict !== 'ACCEPT') return refused(walk, ns, v, 'INPUT', pkt, inIf);
  if (inIf !== 'lo') leaveNs(walk, flow, pkt);
  else if (flow.tracked && !flow.hit) leaveNs(walk, flow, pkt);
  // A reply over lo completes its flow (the entry turns ESTABLISHED), with no NAT left to undo.
  else if (flow.hit) ctSeenReply(flow.hit, walk.world.clock.now());
  walk.spend(COST_US.deliver);
  return { kind: 'local', ns, pkt, inIf };
}

/** A packet arriving on `link` (ip_rcv): PREROUTING, then local delivery or forwarding. */
export function receive(walk: Walk, ns: Netns, link: Link, pkt: Packet): Arrival {
  if (!walk.step()) return { kind: 'dropped', reason: 'the walk was stopped: too many steps (a loop?)' };
  const flow = enterNs(walk, ns, pkt);
  const pre = runHook(walk, flow, 'PREROUTING', pkt, link.name, null);
  if (pre.verdict !== 'ACCEPT') return refused(walk, ns, pre, 'PREROUTING', pkt, link.name);
  if (isLocalAddr(ns, pkt.dst) || pkt.dst === 0xffffffff) return inputLocal(walk, ns, flow, pkt, link.name);
  if (!ns.sysctl.ipForward) {
    const reason = `${walk.label(ns)} does not forward packets (net.ipv4.ip_forward = 0), so the packet for ${formatIpv4(pkt.dst)} arriving on ${link.name} is dropped`;
    walk.record(ns, 'drop', link.name, viewOf(pkt), reason);
    return { kind: 'dropped', reason };
  }
  const route = routeLookup(ns, pkt.dst);
  if (!route || route.type !== 'unicast') {
    const reason = `${walk.label(ns)} has no route to ${formatIpv4(pkt.dst)}: it answers ICMP net unreachable`;
    walk.record(ns, 'drop', link.name, viewOf(pkt), reason);
    return { kind: 'bounce', from: { ns }, reply: icmpError(ns, pkt, ICMP.DEST_UNREACH, UNREACH.NET, link.name), reason };
  }
  if (pkt.ttl <= 1) {
    const reason = `TTL ran out in ${walk.label(ns)}: it answers ICMP time exceeded`;
    walk.record(ns, 'drop', link.name, viewOf(pkt), reason);
    return { kind: 'bounce', from: { ns }, reply: icmpError(ns, pkt, ICMP.TIME_EXCEEDED, 0, link.name), reason };
  }
  pkt.ttl--;
  const out = linkByIndex(ns, route.dev!)!;
  walk.record(ns, 'route', link.name, viewOf(pkt), `${walk.label(ns)} forwards it: ${routeText(route, ns)}`);
  const fwd = runHook(walk, flow, 'FORWARD', pkt, link.name, out.name);
  if (fwd.verdict !== 'ACCEPT') return refused(walk, ns, fwd, 'FORWARD', pkt, link.name);
  const post = runHook(walk, flow, 'POSTROUTING', pkt, link.name, out.name);
  if (post.verdict !== 'ACCEPT') return refused(walk, ns, post, 'POSTROUTING', pkt, link.name);
  leaveNs(walk, flow, pkt);
  return transmit(walk, ns, out, route.gateway ?? pkt.dst, pkt, false);
}

/** Neighbour resolution: a cached entry whose station is still reachable, or an ARP exchange recorded on the way. */
function resolveNeighbour(walk: Walk, ns: Netns, link: Link, nh: Ipv4, pkt: Packet): L2Endpoint | null {
  const now = walk.world.clock.now();
  const from: LinkAt = { ns, link };
  // ipvlan L3/L3S (IFF_NOARP): no ARP; the driver hands the packet to the port's child that owns the address.
  if (isIpvlanL3Link(link)) return unicastPath(walk.world, from, link.mac, nh);
  const cached = ns.neigh.find((n) => n.dev === link.ifindex && n.ip === nh && n.mac);
  if (cached?.mac) {
    const path = unicastPath(walk.world, from, cached.mac, nh);
    if (path) {
      cached.updatedUs = now;
      cached.state = 'REACHABLE';
      return path;
    }
  }
  const arpView = (op: 'request' | 'reply', src: Ipv4, dst: Ipv4, mac: string) =>
    viewOf(pkt, { proto: 'arp', src: formatIpv4(src), dst: formatIpv4(dst), arpOp: op, srcMac: mac, dstMac: op === 'request' ? 'ff:ff:ff:ff:ff:ff' : link.mac, len: 28, sport: 0, dport: 0, ttl: 0 });
  const me = link.addrs[0]?.ip ?? pkt.src;
  walk.record(ns, 'arp', link.name, arpView('request', me, nh, link.mac), `ARP: who has ${formatIpv4(nh)}? asks ${walk.label(ns)} on ${link.name}`);
  ns.neigh = ns.neigh.filter((n) => !(n.dev === link.ifindex && n.ip === nh));
  walk.world.changed('neigh', ns.id);
  const ep = arpSearch(walk.world, from, nh);
  if (!ep) {
    ns.neigh.push({ ip: nh, dev: link.ifindex, mac: null, state: 'FAILED', updatedUs: now });
    return null;
  }
  learnOnPath(walk, ep.path, link.mac);
  // The bridges on the way see the broadcast request, and (in promiscuous mode, as tcpdump sets) the unicast reply.
  const bridges = ep.path.flatMap((s) => (s.kind === 'bridge' ? [s] : []));
  for (const b of bridges) walk.record(b.ns, 'arp', b.bridge.name, arpView('request', me, nh, link.mac), `the bridge ${b.bridge.name} floods the ARP request`, { wire: true });
  if (!('router' in ep.at)) {
    const peer = ep.at;
    peer.ns.neigh = peer.ns.neigh.filter((n) => !(n.dev === peer.link.ifindex && n.ip === me));
    peer.ns.neigh.push({ ip: me, dev: peer.link.ifindex, mac: link.mac, state: 'STALE', updatedUs: now });
    walk.record(peer.ns, 'arp', peer.link.name, arpView('reply', nh, me, ep.mac), `ARP: ${formatIpv4(nh)} is at ${ep.mac} (${walk.label(peer.ns)} answers on ${peer.link.name})`);
    // A bridge that answered for its own address sent the reply itself (recorded above), it did not forward it.
    for (const b of [...bridges].reverse()) if (b.bridge !== peer.link) walk.record(b.ns, 'arp', b.bridge.name, arpView('reply', nh, me, ep.mac), `the bridge ${b.bridge.name} forwards the ARP reply`, { wire: true });
    learnOnPath(walk, reversePath(ep.path), ep.mac);
    walk.record(ns, 'arp', link.name, arpView('reply', nh, me, ep.mac), `${walk.label(ns)} learns ${formatIpv4(nh)} is at ${ep.mac}`);
  } else {
    walk.record({ external: 'router', segment: ep.at.router.name }, 'arp', null, arpView('reply', nh, me, ep.mac), `ARP: ${formatIpv4(nh)} is at ${ep.mac} (the LAN router)`);
    walk.record(ns, 'arp', link.name, arpView('reply', nh, me, ep.mac), `${walk.label(ns)} learns ${formatIpv4(nh)} is at ${ep.mac}`, { wire: true });
  }
  ns.neigh.push({ ip: nh, dev: link.ifindex, mac: ep.mac, state: 'REACHABLE', updatedUs: now });
  return unicastPath(walk.world, from, ep.mac, nh) ?? ep;
}

/** dev_queue_xmit toward `nh`: resolves the neighbour, then carries the frame over layer 2. */
export function transmit(walk: Walk, ns: Netns, link: Link, nh: Ipv4, pkt: Packet, local: boolean): Arrival {
  const ep = link.kind === 'loopback' ? null : resolveNeighbour(walk, ns, link, nh, pkt);
  if (!ep && isIpvlanL3Link(link)) {
    // ipvlan_xmit_mode_l3 sends what no child owns through the parent's namespace routing: not followed here.
    const reason = `no other ipvlan L3 child of ${link.name}'s parent has ${formatIpv4(nh)}; the parent's namespace would route it on, which the lab does not follow`;
    walk.record(ns, 'drop', link.name, viewOf(pkt), reason);
    return { kind: 'dropped', reason };
  }
  if (!ep) {
    const reason = `nobody answers ARP for ${formatIpv4(nh)} on ${link.name} in ${walk.label(ns)}: host unreachable`;
    walk.t += NEIGH_FAIL_US; // a kernel timer: no jitter
    walk.record(ns, 'drop', link.name, viewOf(pkt), reason);
    if (local) return { kind: 'local-error', errno: 'EHOSTUNREACH', reason, icmpFrom: pkt.src };
    return { kind: 'bounce', from: { ns }, reply: icmpError(ns, pkt, ICMP.DEST_UNREACH, UNREACH.HOST, null), reason };
  }
  return carryFrame(walk, { ns, link }, ep, pkt);
}

/**
 * The LAN router (or the internet behind it) sends `pkt` onto the LAN: to the MAC that answers its ARP for the
 * destination (a host's NIC, or a macvlan/ipvlan child on one), which the host's NIC hands to that child.
 */
export function sendFromRouter(walk: Walk, segment: Segment, pkt: Packet): Arrival {
  const place = { external: 'router' as const, segment: segment.name };
  walk.spend(COST_US.router);
  const ep = routerArpSearch(walk.world, segment, pkt.dst);
  if (!ep) {
    const reason = `nothing on ${segment.name} has ${formatIpv4(pkt.dst)}`;
    walk.record(place, 'drop', null, viewOf(pkt), reason);
    return { kind: 'dropped', reason };
  }
  const srcMac = routerMac(segment);
  walk.record(place, 'tx', null, viewOf(pkt, { srcMac, dstMac: ep.mac }), `the LAN router sends it to ${formatIpv4(pkt.dst)} on ${segment.name}`);
  return followPath(walk, ep, pkt, srcMac);
}

export { parseIpv4 };
