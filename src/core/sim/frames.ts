// Carrying one frame along its layer-2 path: veth crossings, bridge forwarding with FDB learning (and, with
// br_netfilter, iptables on bridged IPv4), the LAN, macvlan demux and VXLAN encapsulation over the underlay.
import type { World } from '../world';
import type { Link, Netns } from '../kernel/types';
import type { Packet } from '../kernel/packet';
import type { Mac } from '../net/mac';
import { formatIpv4 } from '../net/ipv4';
import { resolveLinkRef } from '../kernel/links';
import type { Arrival } from './ip-stack';
import { receive, sendLocal } from './ip-stack';
import { enterNs, leaveNs, runHook, verdictReason } from './hooks';
import type { L2Endpoint, L2Step, LinkAt } from './l2';
import { viewOf, type Walk } from './walk-context';
import { COST_US } from './timing';

/** net.bridge.bridge-nf-call-iptables in `ns`: explicit, or on wherever dockerd runs (it loads br_netfilter). */
export function brNetfilterOn(world: World, ns: Netns): boolean {
  return ns.sysctl.bridgeNfCallIptables ?? !!world.state.docker[ns.host];
}

/** br_fdb_update: a bridge learns (or refreshes) which port a source MAC came from. */
function learn(walk: Walk, step: Extract<L2Step, { kind: 'bridge' }>, srcMac: Mac): void {
  const fdb = step.bridge.bridge?.fdb;
  if (!fdb || !step.inPort) return;
  const now = walk.world.clock.now();
  const e = fdb.find((x) => x.mac === srcMac);
  if (e) {
    if (e.permanent) return;
    e.port = step.inPort.ifindex;
    e.updatedUs = now;
  } else {
    fdb.push({ mac: srcMac, port: step.inPort.ifindex, permanent: false, updatedUs: now });
    walk.world.changed('fdb', `${step.ns.id}:${step.bridge.name}`);
  }
}

/** Counts a frame on a device (rtnl_link_stats64). */
export function countOn(link: Link, dir: 'rx' | 'tx', bytes: number): void {
  const s = (link.stats ??= { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 });
  if (dir === 'rx') {
    s.rxPackets++;
    s.rxBytes += bytes;
  } else {
    s.txPackets++;
    s.txBytes += bytes;
  }
}

/** Bridges along an ARP exchange learn the sender's MAC. */
export function learnOnPath(walk: Walk, path: L2Step[], srcMac: Mac): void {
  for (const s of path) if (s.kind === 'bridge') learn(walk, s, srcMac);
}

function at(walk: Walk, l: LinkAt): string {
  return `${l.link.name} (${walk.label(l.ns)})`;
}

/** Bridged IPv4 through iptables (br_netfilter): PREROUTING, FORWARD and POSTROUTING with -i/-o the bridge. */
function bridgeNetfilter(walk: Walk, step: Extract<L2Step, { kind: 'bridge' }>, pkt: Packet): Arrival | null {
  if (!brNetfilterOn(walk.world, step.ns)) return null;
  const br = step.bridge.name;
  const flow = enterNs(walk, step.ns, pkt);
  for (const hook of ['PREROUTING', 'FORWARD', 'POSTROUTING'] as const) {
    const v = runHook(walk, flow, hook, pkt, hook === 'POSTROUTING' ? null : br, hook === 'PREROUTING' ? null : br);
    if (v.verdict === 'ACCEPT') continue;
    const reason = verdictReason(v, hook, walk.label(step.ns)) + ` (bridged on ${br}; br_netfilter is on)`;
    walk.record(step.ns, 'drop', br, viewOf(pkt), reason);
    return { kind: 'dropped', reason };
  }
  leaveNs(walk, flow, pkt);
  return null;
}

function vxlanCross(walk: Walk, step: Extract<L2Step, { kind: 'vxlan' }>, pkt: Packet): Arrival | null {
  const vx = step.from.link.vxlan!;
  const outer: Packet = {
    proto: 'udp', src: vx.local ?? 0, dst: step.remote, sport: 32768 + ((pkt.src ^ pkt.dst) & 0x3fff), dport: vx.dstport,
    ttl: 64, len: pkt.len + 50, info: `VXLAN, flags [I] (0x08), vni ${vx.vni}`,
  };
  walk.record(step.from.ns, 'encap', step.from.link.name, viewOf(pkt), `${step.from.link.name} wraps it in VXLAN (vni ${vx.vni}) to ${formatIpv4(step.remote)}:${vx.dstport}`);
  walk.spend(COST_US.vxlan);
  walk.depth++;
  const r = sendLocal(walk, step.from.ns, outer);
  walk.depth--;
  if (r.kind !== 'local' || r.ns !== step.to.ns || r.pkt.dport !== vx.dstport) {
    const why = r.kind === 'local' ? `it reached ${walk.label(r.ns)} instead` : 'reason' in r ? r.reason : 'it went elsewhere';
    const reason = `the VXLAN packet to ${formatIpv4(step.remote)} did not reach its VTEP: ${why}`;
    walk.record(step.from.ns, 'drop', step.from.link.name, viewOf(pkt), reason);
    return { kind: 'dropped', reason };
  }
  walk.record(step.to.ns, 'encap', step.to.link.name, viewOf(pkt), `${at(walk, step.to)} unwraps the VXLAN packet (vni ${vx.vni})`);
  return null;
}

/** Moves `pkt` from `from` along `ep.path` and hands it to whatever receives it at the end. */
export function carryFrame(walk: Walk, from: LinkAt, ep: L2Endpoint, pkt: Packet): Arrival {
  const srcMac = from.link.mac;
  countOn(from.link, 'tx', pkt.len + 14);
  walk.record(from.ns, 'tx', from.link.name, viewOf(pkt, { srcMac, dstMac: ep.mac }), `${walk.label(from.ns)} sends it out of ${from.link.name}`);
  return followPath(walk, ep, pkt, srcMac);
}

/** The frame (from `srcMac`) along `ep.path`, recording each crossing, then up the stack of whoever receives it. */
export function followPath(walk: Walk, ep: L2Endpoint, pkt: Packet, srcMac: Mac): Arrival {
  const wire = pkt.len + 14;
  // The frame keeps its Ethernet addresses across veths, bridges and the LAN (tcpdump -e shows them).
  const macs = { srcMac, dstMac: ep.mac };
  for (const step of ep.path) {
    if (!walk.step()) return { kind: 'dropped', reason: 'the walk was stopped: too many steps (a loop?)' };
    switch (step.kind) {
      case 'veth':
        countOn(step.to.link, 'rx', wire);
        walk.spend(COST_US.veth);
        walk.record(step.to.ns, 'rx', step.to.link.name, viewOf(pkt, macs), `it crosses the veth pair ${step.from.link.name} -> ${at(walk, step.to)}`);
        break;
      case 'bridge': {
        learn(walk, step, srcMac);
        walk.spend(COST_US.bridge);
        if (step.outPort === null) {
          countOn(step.bridge, 'rx', wire);
          walk.record(step.ns, 'rx', step.bridge.name, viewOf(pkt, macs), `the bridge ${step.bridge.name} takes it up to ${walk.label(step.ns)} (it is addressed to the bridge)`);
          break;
        }
        const how = step.fdbHit ? `its FDB knows ${ep.mac} is behind ${step.outPort.name}` : `${ep.mac} is not in its FDB yet, so it floods`;
        walk.record(step.ns, 'bridge', step.bridge.name, viewOf(pkt, macs), `the bridge ${step.bridge.name} forwards it to ${step.outPort.name} (${how})`);
        if (step.inPort) {
          const dropped = bridgeNetfilter(walk, step, pkt);
          if (dropped) return dropped;
        }
        countOn(step.outPort, 'tx', wire);
        walk.record(step.ns, 'tx', step.outPort.name, viewOf(pkt, macs), `${step.bridge.name} sends it out of ${step.outPort.name}`);
        break;
      }
      case 'segment':
        walk.spend(COST_US.segment);
        if (step.to === 'router') walk.record({ external: 'router', segment: step.segment.name }, 'rx', null, viewOf(pkt, macs), `it crosses the LAN ${step.segment.name} to the router ${step.segment.gateway}`);
        else countOn(step.to.link, 'rx', wire);
        if (step.to !== 'router') {
          const last = step === ep.path[ep.path.length - 1];
          const tagged = step.vlan !== undefined ? ` (tagged VLAN ${step.vlan})` : '';
          const text = step.from === 'router' && last ? `${walk.label(step.to.ns)} receives it on ${step.to.link.name}` : `it crosses the LAN ${step.segment.name}${tagged} to ${at(walk, step.to)}`;
          walk.record(step.to.ns, 'rx', step.to.link.name, viewOf(pkt, macs), text);
        }
        break;
      case 'lower': {
        walk.spend(COST_US.bridge);
        // A child transmits on its parent (which puts it on the wire); a parent hands received frames to the child
        // whose MAC they are for (macvlan_handle_frame); siblings in bridge mode reach each other directly.
        // An 802.1Q sub-interface tags what it sends and its NIC hands it only frames tagged with its id.
        const parent = step.from.link.lower && resolveLinkRef(walk.world, step.from.link.lower.parent);
        const toParent = !!parent && parent.link === step.to.link;
        countOn(step.to.link, toParent ? 'tx' : 'rx', wire);
        const kind = (toParent || step.from.link.lower ? step.from : step.to).link.kind;
        const text = toParent
          ? kind === 'vlan'
            ? `the vlan ${at(walk, step.from)} tags it with VLAN ${step.from.link.vlanId} and sends it out through ${at(walk, step.to)}`
            : `the ${kind} ${at(walk, step.from)} sends it out through its parent ${at(walk, step.to)}`
          : step.from.link.lower
            ? `the ${kind} ${at(walk, step.from)} hands it straight to ${at(walk, step.to)}: both are children of ${parent ? at(walk, parent) : 'one parent'}`
            : step.to.link.kind === 'vlan'
              ? `${at(walk, step.from)} sees the VLAN ${step.to.link.vlanId} tag and passes it to ${at(walk, step.to)}, which takes the tag off`
              : `${at(walk, step.from)} passes it to its ${step.to.link.kind} child ${at(walk, step.to)}`;
        walk.record(step.to.ns, toParent ? 'tx' : 'rx', step.to.link.name, viewOf(pkt, macs), text);
        break;
      }
      case 'vxlan': {
        const dropped = vxlanCross(walk, step, pkt);
        if (dropped) return dropped;
        break;
      }
    }
  }
  if ('router' in ep.at) return { kind: 'external', segment: ep.at.router, pkt };
  return receive(walk, ep.at.ns, ep.at.link, pkt);
}
