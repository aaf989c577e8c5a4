// Deterministic placement of the CNM picture: the LAN with its router on top, then one column per host (see
// layout-host.ts). Positions depend only on the model, and new objects are appended, so adding one never moves others.
import type { TopologyModel } from '../../worker/protocol';
import { HOST_W, layoutHost } from './layout-host';
import type { Anchor, Layout, LayoutLink, LayoutNode } from './layout-types';

export type { Anchor, Layout, LayoutLink, LayoutNode, NodeKind, Port } from './layout-types';

const PAD = 16;
const LAN_Y = 56;
const LAN_H = 28;
const HOST_GAP = 32;
const ROUTER_W = 150;

export function layoutTopology(model: TopologyModel): Layout {
  const nodes: LayoutNode[] = [];
  const links: LayoutLink[] = [];
  const anchors: Record<string, Anchor> = {};
  const hostY = LAN_Y + LAN_H + 36;
  let x = PAD;
  let height = hostY;
  const wires: { key: string; x: number; y: number }[] = [];
  for (const host of model.hosts) {
    const d = layoutHost(model, host, x, hostY);
    nodes.push(...d.nodes);
    links.push(...d.links);
    Object.assign(anchors, d.anchors);
    wires.push(...d.lanPorts);
    height = Math.max(height, hostY + d.height);
    x += HOST_W + HOST_GAP;
  }
  const width = Math.max(x - HOST_GAP + PAD, 2 * PAD + ROUTER_W + 200);
  const lanW = width - 2 * PAD;

  // The LAN: a segment bar, its router (default gateway and DNS) and the internet beyond.
  const seg = model.segments[0];
  const lanKey = seg ? `segment:${seg.name}` : 'segment:lan';
  const lanLabel = seg ? `LAN ${seg.name} ${seg.cidr}` : 'LAN';
  const base = { sublabel: '', lines: [] as string[], ports: [], variant: '', clickable: true };
  nodes.unshift(
    { ...base, key: 'internet', kind: 'internet', x: PAD, y: 8, w: ROUTER_W, h: 26, label: 'internet', title: 'The internet beyond the LAN router (reached through NAT)', clickable: false },
    { ...base, key: lanKey, kind: 'lan', x: PAD + ROUTER_W + 24, y: LAN_Y, w: lanW - ROUTER_W - 24, h: LAN_H, label: lanLabel, title: `${lanLabel}: the physical network the hosts' eth0 are plugged into` },
    { ...base, key: seg ? `router:${seg.name}` : 'router', kind: 'router', x: PAD, y: LAN_Y - 4, w: ROUTER_W, h: LAN_H + 8, label: 'LAN router', sublabel: seg ? `${seg.gateway} gw+DNS` : '', title: seg ? `The LAN router ${seg.gateway}: default gateway and DNS server of the hosts` : 'The LAN router', clickable: false },
  );
  const lanMid = LAN_Y + LAN_H / 2;
  const routerX = PAD + ROUTER_W / 2;
  links.unshift({ key: 'uplink:internet', kind: 'wire', x1: routerX, y1: 34, x2: routerX, y2: LAN_Y - 4, label: '', labelX: 0, labelY: 0, title: 'The router leads to the internet', detailsKey: null });
  links.unshift({ key: 'wire:router', kind: 'wire', x1: PAD + ROUTER_W, y1: lanMid, x2: PAD + ROUTER_W + 24, y2: lanMid, label: '', labelX: 0, labelY: 0, title: 'The router on the LAN', detailsKey: null });
  for (const w of wires) {
    links.unshift({ key: `wire:${w.key}`, kind: 'wire', x1: w.x, y1: LAN_Y + LAN_H, x2: w.x, y2: w.y, label: '', labelX: 0, labelY: 0, title: `${w.key.replace(':', ' ')} is plugged into the LAN`, detailsKey: null });
    anchors[w.key].buses.lan = { x: w.x, y: lanMid };
  }
  if (seg) anchors[`router:${seg.name}`] = { x: routerX, y: lanMid, on: `router:${seg.name}`, buses: { lan: { x: PAD + ROUTER_W + 24, y: lanMid } } };
  anchors.internet = { x: routerX, y: 21, on: 'internet', buses: {} };
  return { nodes, links, anchors, width, height: height + PAD };
}
