// Deterministic placement of the CNM picture: hosts as columns; in each, host interfaces, networks, then sandboxes.
// Positions depend only on the model, and new objects are appended, so adding one never moves the others.
import type { TopologyModel } from '../../worker/protocol';

export type NodeKind = 'host' | 'iface' | 'network' | 'sandbox' | 'netns' | 'lan';

export interface LayoutNode {
  key: string;
  kind: NodeKind;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  sublabel: string;
  /** Extra lines (interface addresses) drawn inside the box. */
  lines: string[];
  /** Screen-reader and tooltip text. */
  title: string;
}

export interface LayoutLink {
  key: string;
  kind: 'wire' | 'veth' | 'attach';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string;
}

export interface Layout {
  nodes: LayoutNode[];
  links: LayoutLink[];
  width: number;
  height: number;
}

const PAD = 16;
const NET_W = 200;
const NET_H = 52;
const IFACE_W = 150;
const IFACE_H = 40;
const SB_W = 170;
const GAP = 18;

export function layoutTopology(model: TopologyModel): Layout {
  const nodes: LayoutNode[] = [];
  const links: LayoutLink[] = [];
  let x = PAD;
  const lanY = PAD;
  let maxH = 0;
  const hostCenters: number[] = [];

  for (const host of model.hosts) {
    const hostX = x;
    const innerX = hostX + PAD;
    let y = lanY + 60;
    const hostTop = y;
    y += 34;

    // Physical and bridge interfaces of the host's root namespace (veth ends are drawn on their links).
    const shown = host.interfaces.filter((i) => i.kind !== 'veth' && i.kind !== 'loopback');
    shown.forEach((iface, i) => {
      nodes.push({
        key: `iface:${iface.key}`,
        kind: 'iface',
        x: innerX + i * (IFACE_W + GAP),
        y,
        w: IFACE_W,
        h: IFACE_H,
        label: iface.name,
        sublabel: iface.addrs[0] ?? iface.mac,
        lines: [],
        title: `${iface.name} (${iface.kind}) ${iface.addrs.join(', ')} ${iface.up ? 'UP' : 'DOWN'}`,
      });
    });
    const eth0 = nodes.find((n) => n.key === `iface:${host.name}:eth0`);
    if (eth0) hostCenters.push(eth0.x + eth0.w / 2);
    y += IFACE_H + 36;

    const networks = model.networks.filter((n) => n.host === host.name);
    networks.forEach((net, i) => {
      const node: LayoutNode = {
        key: `network:${net.id}`,
        kind: 'network',
        x: innerX + i * (NET_W + GAP),
        y,
        w: NET_W,
        h: NET_H,
        label: net.name,
        sublabel: `${net.driver}${net.subnets.length ? ' · ' + net.subnets.join(', ') : ''}`,
        lines: [],
        title: `Network ${net.name}: driver ${net.driver}, scope ${net.scope}${net.subnets.length ? ', subnet ' + net.subnets.join(', ') : ''}${net.bridge ? ', bridge device ' + net.bridge : ''}`,
      };
      nodes.push(node);
      const bridgeIface = net.bridge && nodes.find((n) => n.key === `iface:${host.name}:${net.bridge}`);
      if (bridgeIface) {
        links.push({
          key: `attach:${net.id}`,
          kind: 'attach',
          x1: bridgeIface.x + bridgeIface.w / 2,
          y1: bridgeIface.y + bridgeIface.h,
          x2: node.x + node.w / 2,
          y2: node.y,
          label: '',
        });
      }
    });
    y += NET_H + 60;

    const sandboxes = model.sandboxes.filter((s) => s.host === host.name);
    sandboxes.forEach((sb, i) => {
      const ifaces = sb.interfaces.filter((f) => f.kind !== 'loopback');
      const lines = (ifaces.length ? ifaces : sb.interfaces).map((f) => `${f.name} ${f.addrs[0] ?? ''}`.trim());
      nodes.push({
        key: `sandbox:${sb.id}`,
        kind: 'sandbox',
        x: innerX + i * (SB_W + GAP),
        y,
        w: SB_W,
        h: 44 + lines.length * 16,
        label: sb.name,
        sublabel: `sandbox · ${sb.mode}`,
        lines,
        title: `Sandbox of ${sb.name} (${sb.mode}): ${lines.join('; ')}`,
      });
    });
    for (const ep of model.endpoints.filter((e) => e.host === host.name)) {
      const sb = nodes.find((n) => n.key === `sandbox:${ep.sandboxId}`);
      const net = nodes.find((n) => n.key === `network:${ep.networkId}`);
      if (!sb || !net) continue;
      links.push({
        key: `endpoint:${ep.id}`,
        kind: 'veth',
        x1: sb.x + sb.w / 2,
        y1: sb.y,
        x2: net.x + net.w / 2,
        y2: net.y + net.h,
        label: ep.hostIfname ?? '',
      });
    }
    const sbH = Math.max(0, ...nodes.filter((n) => n.kind === 'sandbox').map((n) => n.y + n.h - y));
    y += sbH + PAD;

    const cols = Math.max(1, shown.length, networks.length, sandboxes.length);
    const widest = Math.max(shown.length * (IFACE_W + GAP), networks.length * (NET_W + GAP), sandboxes.length * (SB_W + GAP), cols * 10);
    const w = widest + PAD * 2 - GAP;
    nodes.unshift({
      key: `host:${host.name}`,
      kind: 'host',
      x: hostX,
      y: hostTop,
      w,
      h: y - hostTop,
      label: host.name,
      sublabel: 'Docker host',
      lines: [],
      title: `Host ${host.name}`,
    });
    maxH = Math.max(maxH, y);
    x += w + PAD * 2;
  }

  const lanW = Math.max(200, x - PAD * 2);
  nodes.unshift({ key: 'lan', kind: 'lan', x: PAD, y: lanY, w: lanW, h: 30, label: 'LAN 10.10.0.0/24', sublabel: '', lines: [], title: 'The lab LAN and its router to the internet' });
  model.hosts.forEach((h, i) => {
    const cx = hostCenters[i];
    if (cx === undefined) return;
    links.push({ key: `wire:${h.name}`, kind: 'wire', x1: cx, y1: lanY + 30, x2: cx, y2: lanY + 60 + 34, label: '' });
  });

  return { nodes, links, width: x, height: maxH + PAD };
}
