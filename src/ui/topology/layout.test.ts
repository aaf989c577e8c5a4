import { describe, expect, it } from 'vitest';
import { layoutTopology } from './layout';
import { syntheticModel } from './fixtures';

const positions = (m: ReturnType<typeof syntheticModel>) => new Map(layoutTopology(m).nodes.map((n) => [n.key, `${n.x},${n.y},${n.w},${n.h}`]));

describe('layoutTopology', () => {
  it('gives the same picture for the same model', () => {
    expect(layoutTopology(syntheticModel(2, 5))).toEqual(layoutTopology(syntheticModel(2, 5)));
  });

  it('does not move any existing object when a container is added', () => {
    for (let n = 0; n < 12; n++) {
      const before = positions(syntheticModel(2, n));
      const after = positions(syntheticModel(2, n + 1));
      for (const [key, pos] of before) if (key !== 'host:host1') expect([key, after.get(key)]).toEqual([key, pos]);
    }
  });

  it('draws the LAN, the host, its stack, eth0, each network and each sandbox once', () => {
    const l = layoutTopology(syntheticModel(1, 2));
    const kinds = l.nodes.map((n) => n.kind).sort();
    expect(kinds).toEqual(['host', 'iface', 'internet', 'lan', 'network', 'network', 'router', 'sandbox', 'sandbox', 'stack']);
    expect(l.nodes.find((n) => n.kind === 'lan')?.label).toBe('LAN lan0 10.10.0.0/24');
    expect(l.nodes.filter((n) => n.kind === 'network').map((n) => n.lines)).toEqual([
      ['bridge · 172.17.0.0/16', 'docker0 172.17.0.1'],
      ['bridge · 10.100.0.0/24', 'br-000000000064', 'gateway 10.100.0.1'],
    ]);
  });

  it('draws each endpoint as a veth link from the sandbox port to its network, labelled with the host-side veth', () => {
    const m = syntheticModel(1, 2);
    const l = layoutTopology(m);
    const veths = l.links.filter((k) => k.kind === 'veth');
    expect(veths.map((v) => [v.key, v.label])).toEqual(m.endpoints.map((e) => [`endpoint:${e.id}`, e.hostIfname]));
    const sb = l.nodes.find((n) => n.key === `sandbox:${m.sandboxes[0].id}`)!;
    expect([veths[0].x1, veths[0].y1]).toEqual([sb.x + sb.ports[0].dx, sb.y]);
    expect(sb.lines).toEqual(['eth0 172.17.0.4/16']);
  });

  it('places packet anchors on the links and nodes a packet crosses', () => {
    const m = syntheticModel(0, 2);
    const l = layoutTopology(m);
    const ns = m.sandboxes[0].netns;
    const veth = m.endpoints[0].hostIfname!;
    for (const key of [`${ns}:eth0`, `${ns}:lo`, `host1:${veth}`, 'host1:docker0', 'host1:eth0', 'host1:lo', 'router:lan0', 'internet']) expect(l.anchors[key], key).toBeDefined();
    expect(l.anchors[`host1:${veth}`].on).toBe(`endpoint:${m.endpoints[0].id}`);
    expect(Object.keys(l.anchors['host1:docker0'].buses)).toEqual(['stack:host1']);
    expect(Object.keys(l.anchors['host1:eth0'].buses).sort()).toEqual(['lan', 'stack:host1']);
  });
});

describe('layoutTopology with two hosts', () => {
  it('draws the hosts side by side on one LAN, each with its own stack bar and a wire to its eth0', () => {
    const one = syntheticModel(1, 1);
    const two = structuredClone(one);
    two.hosts.push({ ...structuredClone(one.hosts[0]), name: 'host2', interfaces: one.hosts[0].interfaces.map((i) => ({ ...i, key: i.key.replace('host1', 'host2') })) });
    const l = layoutTopology(two);
    const [h1, h2] = ['host:host1', 'host:host2'].map((k) => l.nodes.find((n) => n.key === k)!);
    expect(h2.x).toBeGreaterThan(h1.x + h1.w);
    expect(h2.y).toBe(h1.y);
    expect(l.nodes.filter((n) => n.kind === 'stack').map((n) => n.key)).toEqual(['stack:host1', 'stack:host2']);
    expect(l.links.filter((k) => k.kind === 'wire' && k.key.startsWith('wire:host')).map((k) => k.key)).toEqual(['wire:host2:eth0', 'wire:host1:eth0']);
    const lan = l.nodes.find((n) => n.kind === 'lan')!;
    expect(lan.x + lan.w).toBeGreaterThan(h2.x + h2.w - 1);
    expect(l.anchors['host2:eth0'].buses.lan.y).toBe(l.anchors['host1:eth0'].buses.lan.y);
  });
});
