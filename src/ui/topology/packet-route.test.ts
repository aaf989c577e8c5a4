import { describe, expect, it } from 'vitest';
import { resolvePath, routeBetween, visitedPlaces } from './packet-route';
import type { Anchor } from './layout';
import type { PacketPath, PacketStep } from '../../worker/protocol';

const anchors: Record<string, Anchor> = {
  'ctr:eth0': { x: 100, y: 400, on: 'endpoint:1', buses: {} },
  'host1:veth1': { x: 100, y: 330, on: 'endpoint:1', buses: {} },
  'host1:docker0': { x: 100, y: 300, on: 'network:br', buses: { 'stack:host1': { x: 100, y: 250 } } },
  'host1:eth0': { x: 300, y: 200, on: 'iface:host1:eth0', buses: { 'stack:host1': { x: 300, y: 250 }, lan: { x: 300, y: 60 } } },
  'router:lan0': { x: 20, y: 60, on: 'router:lan0', buses: { lan: { x: 60, y: 60 } } },
};

function step(at: string, kind: PacketStep['kind'] = 'tx', extra: Partial<PacketStep> = {}): PacketStep {
  return { at, kind, direction: 'request', atUs: 0, text: at, packet: '', ...extra };
}

function path(steps: PacketStep[]): PacketPath {
  return { id: 1, summary: 'ICMP', outcome: 'replied', reason: '', steps };
}

describe('packet routes on the diagram', () => {
  it('goes straight between anchors on different links, and along a shared bus otherwise', () => {
    expect(routeBetween(anchors['ctr:eth0'], anchors['host1:veth1'])).toEqual([{ x: 100, y: 330 }]);
    expect(routeBetween(anchors['host1:docker0'], anchors['host1:eth0'])).toEqual([
      { x: 100, y: 250 },
      { x: 300, y: 250 },
      { x: 300, y: 200 },
    ]);
    expect(routeBetween(anchors['host1:eth0'], anchors['router:lan0'])).toEqual([
      { x: 300, y: 60 },
      { x: 60, y: 60 },
      { x: 20, y: 60 },
    ]);
  });

  it('keeps the packet in place for decisions inside a namespace and for ARP, and starts at the first drawn place', () => {
    const r = resolvePath(
      path([step('ns:ctr', 'route'), step('ctr:eth0'), step('host1:docker0', 'arp'), step('host1:veth1', 'rx'), step('ns:host1', 'netfilter'), step('host1:docker0', 'drop', { drop: true })]),
      anchors,
    );
    expect(r.map((s) => [s.at.x, s.at.y])).toEqual([
      [100, 400],
      [100, 400],
      [100, 400],
      [100, 330],
      [100, 330],
      [100, 300],
    ]);
    expect(r.map((s) => s.via.length)).toEqual([0, 0, 0, 1, 0, 1]);
    expect(visitedPlaces(r)).toEqual(['ctr:eth0', 'host1:veth1', 'host1:docker0']);
  });

  it('has nothing to draw when no step is on the diagram', () => {
    expect(resolvePath(path([step('ns:elsewhere', 'route')]), anchors)).toEqual([]);
  });
});
