// One Docker host drawn as a column: its own interfaces (and the host and none networks), its network stack (routing
// and iptables) as a bar, the other networks below it, then sandboxes and named namespaces. Every grid is filled in creation order with a fixed number
// of columns and a fixed host width, so adding an object appends it and never moves the others.
import type { TopoEndpoint, TopoHost, TopoInterface, TopoNetwork, TopoSandbox, TopologyModel } from '../../worker/protocol';
import type { Anchor, LayoutLink, LayoutNode, Port } from './layout-types';
import { describeEndpoint } from './describe';

export const HOST_PAD = 16;
export const INNER_W = 560;
export const HOST_W = INNER_W + 2 * HOST_PAD;
const GAP = 16;
const IF_W = 128;
const IF_H = 40;
const NET_W = 176;
const NET_H = 76;
const SB_W = 176;
const LINE_H = 15;

/** Shortens a label to fit a box (the full text stays in the hover title). */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

interface Cell {
  x: number;
  y: number;
}

/** Positions in a grid of `cols` columns filled left to right, rows as tall as their tallest item. */
function grid(x0: number, y0: number, heights: number[], w: number, cols: number, rowGap: number): { cells: Cell[]; bottom: number } {
  const cells: Cell[] = [];
  let y = y0;
  for (let start = 0; start < heights.length; start += cols) {
    const row = heights.slice(start, start + cols);
    row.forEach((_, i) => cells.push({ x: x0 + i * (w + GAP), y }));
    y += Math.max(...row) + rowGap;
  }
  return { cells, bottom: heights.length ? y - rowGap : y0 };
}

export interface HostDrawing {
  nodes: LayoutNode[];
  links: LayoutLink[];
  anchors: Record<string, Anchor>;
  height: number;
  /** Where eth0 (or the first NIC) meets the LAN, for the wire. */
  lanPorts: { key: string; x: number; y: number }[];
}

function node(key: string, kind: LayoutNode['kind'], cell: Cell, w: number, h: number, rest: Partial<LayoutNode>): LayoutNode {
  return { key, kind, x: cell.x, y: cell.y, w, h, label: '', sublabel: '', lines: [], title: '', ports: [], variant: '', clickable: true, ...rest };
}

function ifaceLine(i: TopoInterface): string {
  return `${i.name} ${i.addrs[0] ?? ''}`.trim();
}

/** Characters of 11px monospace that fit in a box's text width. */
const CHARS = 23;

function netLines(n: TopoNetwork, host: TopoHost): string[] {
  const br = n.bridge ? host.interfaces.find((i) => i.name === n.bridge) : undefined;
  const gw = br?.addrs[0]?.split('/')[0] ?? n.gateways[0] ?? '';
  const lines = [fit(`${n.driver} · ${n.subnets.join(', ') || 'no subnet'}`, CHARS)];
  if (n.bridge) {
    const both = `${n.bridge} ${gw}`.trim();
    if (both.length <= CHARS) lines.push(both);
    else lines.push(n.bridge, fit(`gateway ${gw}`, CHARS));
  }
  if (n.internal) lines.push('internal (no outside access)');
  return lines.slice(0, 3);
}

function boxPorts(ifaces: TopoInterface[], w: number): Port[] {
  const shown = ifaces.filter((i) => i.kind !== 'loopback');
  return shown.map((i, k) => ({ name: i.name, key: i.key, dx: Math.round((w * (k + 1)) / (shown.length + 1)), dy: 0 }));
}

function sandboxLines(sb: TopoSandbox, host: string): string[] {
  if (sb.mode === 'host') return [`shares ${host}'s stack`];
  const own = sb.interfaces.filter((i) => i.kind !== 'loopback');
  return (own.length ? own : sb.interfaces).map((i) => fit(ifaceLine(i), CHARS));
}

export function layoutHost(model: TopologyModel, host: TopoHost, x0: number, y0: number): HostDrawing {
  const nodes: LayoutNode[] = [];
  const links: LayoutLink[] = [];
  const anchors: Record<string, Anchor> = {};
  const lanPorts: HostDrawing['lanPorts'] = [];
  const ix = x0 + HOST_PAD;
  const networks = model.networks.filter((n) => n.host === host.name);
  const bridgeOf = new Map(networks.filter((n) => n.bridge).map((n) => [n.bridge!, n]));
  const stackKey = `stack:${host.name}`;

  // Row A: the host's own devices (docker bridges are drawn as networks, enslaved veths as links) on the left, and
  // the host and none networks on the right of the first row: they are the host's stack, and no stack at all.
  const own = host.interfaces.filter((i) => i.kind !== 'loopback' && !bridgeOf.has(i.name) && !(i.kind === 'veth' && i.master));
  const special = networks.filter((n) => n.driver === 'host' || n.driver === 'null');
  const regular = networks.filter((n) => !special.includes(n));
  const slotA = (i: number) => (i < 2 ? { row: 0, col: i } : { row: 1 + Math.floor((i - 2) / 4), col: (i - 2) % 4 });
  const cellA = (slot: { row: number; col: number }) => ({ x: ix + slot.col * (IF_W + GAP), y: y0 + 34 + slot.row * (IF_H + 12) });
  const rowsA = 1 + Math.ceil(Math.max(0, own.length - 2) / 4);
  const stackY = y0 + 34 + rowsA * (IF_H + 12) - 12 + 22;
  const stack = node(stackKey, 'stack', { x: ix, y: stackY }, INNER_W, 24, {
    label: `${host.name} network stack`,
    sublabel: 'routing · iptables',
    // The details panel has nothing of its own for the stack (the host's box shows ip addr and ip route).
    clickable: false,
    title: `The network stack of ${host.name}'s root namespace: routes, ip_forward and iptables (filter, nat)`,
  });
  const onStack = (x: number) => ({ [stackKey]: { x, y: stackY + 12 } });
  // The host's lo is part of its stack: `curl localhost:8080` starts and ends on the bar.
  anchors[`${host.name}:lo`] = { x: ix + 24, y: stackY + 12, on: stackKey, buses: onStack(ix + 24) };
  own.forEach((iface, i) => {
    const n = node(`iface:${iface.key}`, 'iface', cellA(slotA(i)), IF_W, IF_H, {
      label: iface.name,
      sublabel: iface.addrs[0] ?? iface.kind,
      variant: iface.kind,
      title: `${iface.name} (${iface.kind}${iface.master ? `, port of ${iface.master}` : ''}) ${iface.addrs.join(', ') || 'no address'}, ${iface.up ? 'UP' : 'DOWN'}, ${iface.mac}`,
    });
    nodes.push(n);
    const cx = n.x + IF_W / 2;
    links.push({ key: `uplink:${iface.key}`, kind: 'uplink', x1: cx, y1: n.y + IF_H, x2: cx, y2: stackY, label: '', labelX: cx, labelY: 0, title: `${iface.name} in ${host.name}'s root namespace`, detailsKey: null });
    anchors[iface.key] = { x: cx, y: n.y + IF_H / 2, on: n.key, buses: onStack(cx) };
    if (iface.kind === 'ether') lanPorts.push({ key: iface.key, x: cx, y: n.y });
  });
  nodes.push(stack);
  const netNodes = new Map<string, LayoutNode>();
  const netTitle = (net: TopoNetwork) =>
    `Network ${net.name}: driver ${net.driver}, scope ${net.scope}${net.subnets.length ? `, subnet ${net.subnets.join(', ')}` : ''}${net.gateways.length ? `, gateway ${net.gateways.join(', ')}` : ''}${net.bridge ? `, Linux bridge ${net.bridge}` : ''}${net.internal ? ', internal' : ''}`;
  special.forEach((net, j) => {
    const n = node(`network:${net.id}`, 'network', cellA({ row: 0, col: Math.max(2, 4 - special.length + j) }), IF_W, IF_H, {
      label: fit(net.name, 16),
      sublabel: net.driver === 'host' ? "the host's stack" : 'no interfaces',
      variant: net.driver,
      title: netTitle(net),
    });
    nodes.push(n);
    netNodes.set(net.id, n);
    const cx = n.x + IF_W / 2;
    if (net.driver === 'host') links.push({ key: `attach:${net.id}`, kind: 'attach', x1: cx, y1: n.y + IF_H, x2: cx, y2: stackY, label: '', labelX: cx, labelY: 0, title: `Containers on the host network use ${host.name}'s stack`, detailsKey: null });
  });

  // Row B: the other networks (libnetwork Network objects); a bridge network is its Linux bridge.
  const netY = stackY + 24 + 34;
  const rowB = grid(ix, netY, regular.map(() => NET_H), NET_W, 3, 16);
  regular.forEach((net, i) => {
    const n = node(`network:${net.id}`, 'network', rowB.cells[i], NET_W, NET_H, {
      label: fit(net.name, 21),
      lines: netLines(net, host),
      variant: net.driver,
      title: netTitle(net),
    });
    nodes.push(n);
    netNodes.set(net.id, n);
    const cx = n.x + NET_W / 2;
    if (net.bridge) {
      links.push({ key: `attach:${net.id}`, kind: 'attach', x1: cx, y1: n.y, x2: cx, y2: stackY + 24, label: '', labelX: cx, labelY: 0, title: `${net.bridge} has the gateway address in ${host.name}'s stack`, detailsKey: null });
      anchors[`${host.name}:${net.bridge}`] = { x: cx, y: n.y + NET_H / 2, on: n.key, buses: onStack(cx) };
    }
  });

  // Row C: sandboxes (one per running container, shared with `container:` mode); Row D: namespaces by hand.
  const sandboxes = model.sandboxes.filter((s) => s.host === host.name);
  const sbLines = sandboxes.map((s) => sandboxLines(s, host.name));
  const sbY = rowB.bottom + 64;
  const rowC = grid(ix, sbY, sbLines.map((l) => 44 + l.length * LINE_H), SB_W, 3, 28);
  const portAt = new Map<string, { x: number; y: number; node: string }>();
  sandboxes.forEach((sb, i) => {
    const h = 44 + sbLines[i].length * LINE_H;
    const ports = sb.mode === 'host' ? [] : boxPorts(sb.interfaces, SB_W);
    const n = node(`sandbox:${sb.id}`, 'sandbox', rowC.cells[i], SB_W, h, {
      label: fit(sb.containers.join(' + '), 21),
      sublabel: `sandbox · ${sb.mode}`,
      lines: sbLines[i],
      ports,
      variant: sb.mode,
      title: `Sandbox of ${sb.containers.join(', ')} (${sb.mode}): ${sbLines[i].join('; ')}`,
    });
    nodes.push(n);
    for (const p of ports) portAt.set(p.key, { x: n.x + p.dx, y: n.y, node: n.key });
    for (const f of sb.interfaces) if (f.kind === 'loopback' || sb.mode === 'none') anchors[f.key] ??= { x: n.x + SB_W / 2, y: n.y + h / 2, on: n.key, buses: {} };
  });
  const namespaces = model.namespaces.filter((s) => s.host === host.name);
  const nsLines = namespaces.map((ns) => ns.interfaces.filter((f) => f.kind !== 'loopback').map((f) => fit(ifaceLine(f), CHARS)));
  const nsY = rowC.bottom + (sandboxes.length ? 48 : 0);
  const rowD = grid(ix, nsY, nsLines.map((l) => 44 + Math.max(1, l.length) * LINE_H), SB_W, 3, 28);
  namespaces.forEach((ns, i) => {
    const ports = boxPorts(ns.interfaces, SB_W);
    const n = node(`netns:${ns.id}`, 'netns', rowD.cells[i], SB_W, 44 + Math.max(1, nsLines[i].length) * LINE_H, {
      label: fit(ns.name, 21),
      sublabel: 'network namespace',
      lines: nsLines[i].length ? nsLines[i] : ['lo only'],
      ports,
      variant: 'netns',
      title: `Network namespace ${ns.name}: ${nsLines[i].join('; ') || 'only lo'}`,
    });
    nodes.push(n);
    for (const p of ports) portAt.set(p.key, { x: n.x + p.dx, y: n.y, node: n.key });
  });

  vethLinks(model, host, { links, anchors, portAt, netNodes, nodes, endpoints: model.endpoints.filter((e) => e.host === host.name) });
  const bottom = Math.max(rowD.bottom, rowC.bottom, rowB.bottom) + HOST_PAD;
  nodes.unshift(node(`host:${host.name}`, 'host', { x: x0, y: y0 }, HOST_W, bottom - y0, { label: `${host.name} · Docker host`, title: `Host ${host.name}` }));
  return { nodes, links, anchors, height: bottom - y0, lanPorts };
}

interface VethContext {
  links: LayoutLink[];
  anchors: Record<string, Anchor>;
  portAt: Map<string, { x: number; y: number; node: string }>;
  netNodes: Map<string, LayoutNode>;
  nodes: LayoutNode[];
  endpoints: TopoEndpoint[];
}

/** Endpoints as veth links from a sandbox port to its network; host/none sandboxes as what they share. */
function vethLinks(model: TopologyModel, host: TopoHost, c: VethContext): void {
  const perNet = new Map<string, number>();
  const count = (id: string) => c.endpoints.filter((e) => e.networkId === id && e.hostIfname).length;
  for (const ep of c.endpoints) {
    const net = c.netNodes.get(ep.networkId);
    const sb = model.sandboxes.find((s) => s.id === ep.sandboxId);
    const sbNode = sb && c.nodes.find((n) => n.key === `sandbox:${sb.id}`);
    if (!net || !sb || !sbNode) continue;
    if (!ep.hostIfname) {
      // host and none: no veth; the sandbox uses the host stack, or has only lo.
      const dashed: LayoutLink = { key: `endpoint:${ep.id}`, kind: 'shared', x1: sbNode.x + sbNode.w / 2, y1: sbNode.y, x2: net.x + net.w / 2, y2: net.y + net.h, label: '', labelX: 0, labelY: 0, title: sb.mode === 'host' ? `${sb.name} shares ${host.name}'s network stack` : `${sb.name} has only lo`, detailsKey: `endpoint:${ep.id}`, name: describeEndpoint(ep, model), owner: sbNode.key, to: net.key };
      c.links.push(dashed);
      continue;
    }
    const port = c.portAt.get(`${sb.netns}:${ep.ifname}`);
    if (!port) continue;
    const k = perNet.get(ep.networkId) ?? 0;
    perNet.set(ep.networkId, k + 1);
    const nx = net.x + Math.round((net.w * (k + 1)) / (count(ep.networkId) + 1));
    const ny = net.y + net.h;
    const portIndex = sbNode.ports.findIndex((p) => p.name === ep.ifname);
    const link: LayoutLink = {
      key: `endpoint:${ep.id}`,
      kind: 'veth',
      x1: port.x,
      y1: port.y,
      x2: nx,
      y2: ny,
      label: ep.hostIfname,
      labelX: port.x + 4,
      labelY: port.y - 10 - 11 * Math.max(0, portIndex),
      title: `Endpoint: ${sb.name} ${ep.ifname} ${ep.ipv4} <-> ${ep.hostIfname} on ${host.name}, port of ${c.netNodes.get(ep.networkId)?.label ?? ''}`,
      detailsKey: `endpoint:${ep.id}`,
      name: describeEndpoint(ep, model),
      owner: sbNode.key,
      to: net.key,
    };
    c.links.push(link);
    c.anchors[`${sb.netns}:${ep.ifname}`] = { x: port.x, y: port.y, on: link.key, buses: {} };
    c.anchors[`${host.name}:${ep.hostIfname}`] = { x: port.x + (nx - port.x) * 0.75, y: port.y + (ny - port.y) * 0.75, on: link.key, buses: {} };
  }
  namespaceVeths(host, c);
}

/** A hand-made veth from a namespace: to its peer's bridge (a network or a Row A device), or to the peer itself. */
function namespaceVeths(host: TopoHost, c: VethContext): void {
  for (const [key, port] of c.portAt) {
    if (c.anchors[key]) continue;
    const [nsNode] = c.nodes.filter((n) => n.key === port.node && n.kind === 'netns');
    if (!nsNode) continue;
    const iface = nsNode.ports.find((p) => p.key === key);
    const peerKey = iface && findPeer(host, c, key);
    if (!peerKey) continue;
    const peer = host.interfaces.find((i) => i.key === peerKey)!;
    const targetKey = peer.master ? `${host.name}:${peer.master}` : peer.key;
    const target = c.anchors[targetKey];
    if (!target) continue;
    const link: LayoutLink = { key: `veth:${key}`, kind: 'veth', x1: port.x, y1: port.y, x2: target.x, y2: target.y, label: peer.name, labelX: port.x + 4, labelY: port.y - 10, title: `veth pair ${key.split(':').pop()} <-> ${peer.name}`, detailsKey: null };
    c.links.push(link);
    c.anchors[key] = { x: port.x, y: port.y, on: link.key, buses: {} };
    if (peer.master) c.anchors[peer.key] = { x: port.x + (target.x - port.x) * 0.75, y: port.y + (target.y - port.y) * 0.75, on: link.key, buses: {} };
  }
}

function findPeer(host: TopoHost, _c: VethContext, key: string): string | null {
  return host.interfaces.find((i) => i.peer === key)?.key ?? null;
}
