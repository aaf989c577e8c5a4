import { describe, expect, it } from 'vitest';
import { layoutTopology } from './layout';
import { syntheticModel } from './fixtures';
import { focusOrder, moveFocus, nodeName, survivor, typeAhead, type FocusItem } from './focus-order';

const keysOf = (items: FocusItem[]) => items.map((it) => it.key);

describe('focusOrder', () => {
  it('reads the LAN, the host, its interfaces, networks, then each sandbox followed by its endpoint', () => {
    const m = syntheticModel(1, 2);
    const [net0, net1] = m.networks;
    const [s0, s1] = m.sandboxes;
    const [e0, e1] = m.endpoints;
    expect(keysOf(focusOrder(layoutTopology(m)))).toEqual([
      'segment:lan0',
      'host:host1',
      'iface:host1:eth0',
      `network:${net0.id}`,
      `network:${net1.id}`,
      `sandbox:${s0.id}`,
      `endpoint:${e0.id}`,
      `sandbox:${s1.id}`,
      `endpoint:${e1.id}`,
    ]);
  });

  it('leaves out what has no details: the router, the internet, the host stack, the LAN wires and uplinks', () => {
    const keys = keysOf(focusOrder(layoutTopology(syntheticModel(0, 1))));
    for (const k of keys) expect(k).toMatch(/^(segment|host|iface|network|sandbox|endpoint):/);
  });

  it('names each object by its kind and the words drawn in it, and opens an endpoint by its details key', () => {
    const m = syntheticModel(1, 1);
    const items = focusOrder(layoutTopology(m));
    const by = (k: string) => items.find((it) => it.key === k)!;
    expect(by(`network:${m.networks[1].id}`).name).toBe('Network net0, bridge, 10.100.0.0/24, br-000000000064, gateway 10.100.0.1');
    expect(by(`sandbox:${m.sandboxes[0].id}`).name).toBe('c0, sandbox, bridge, eth0 172.17.0.4/16');
    expect(by('iface:host1:eth0').name).toBe('Interface eth0, 10.10.0.11/24');
    expect(by('host:host1').name).toBe('host1, Docker host');
    const ep = by(`endpoint:${m.endpoints[0].id}`);
    expect([ep.details, ep.name]).toEqual([`endpoint:${m.endpoints[0].id}`, `Endpoint c0 on bridge: eth0 172.17.0.4/16 via veth veth0000000`]);
  });

  it('keeps every existing object in the same relative order when a container is added', () => {
    for (let n = 0; n < 10; n++) {
      const before = keysOf(focusOrder(layoutTopology(syntheticModel(2, n))));
      const after = keysOf(focusOrder(layoutTopology(syntheticModel(2, n + 1))));
      expect(after.filter((k) => before.includes(k))).toEqual(before);
      expect(after.length).toBe(before.length + 2);
    }
  });

  it('stays two tab stops whatever the size: 500 containers give 1,000+ objects reachable by the arrow keys', () => {
    const items = focusOrder(layoutTopology(syntheticModel(4, 500)));
    expect(items.length).toBe(2 + 1 + 5 + 500 * 2);
    expect(new Set(keysOf(items)).size).toBe(items.length);
  });
});

describe('moveFocus', () => {
  const m = syntheticModel(1, 7);
  const items = focusOrder(layoutTopology(m));
  const sb = (i: number) => `sandbox:${m.sandboxes[i].id}`;
  const ep = (i: number) => `endpoint:${m.endpoints[i].id}`;

  it('goes to the first object when nothing had focus yet, and next/previous follow the order, stopping at the ends', () => {
    expect(moveFocus(items, null, 'next')).toBe('segment:lan0');
    expect(moveFocus(items, 'segment:lan0', 'prev')).toBe('segment:lan0');
    expect(moveFocus(items, 'segment:lan0', 'next')).toBe('host:host1');
    expect(moveFocus(items, sb(0), 'next')).toBe(ep(0));
    expect(moveFocus(items, ep(0), 'next')).toBe(sb(1));
    expect(moveFocus(items, ep(6), 'next')).toBe(ep(6));
    expect(moveFocus(items, 'host:host1', 'last')).toBe(ep(6));
    expect(moveFocus(items, ep(6), 'first')).toBe('segment:lan0');
  });

  it('moves down a column of the sandbox grid through each veth to the sandbox it plugs in, and back up', () => {
    // Three sandboxes a row: c0, c3 and c6 are one column; each endpoint sits just above its sandbox's port.
    expect(moveFocus(items, sb(0), 'down')).toBe(ep(3));
    expect(moveFocus(items, ep(3), 'down')).toBe(sb(3));
    expect(moveFocus(items, sb(3), 'down')).toBe(ep(6));
    expect(moveFocus(items, ep(6), 'down')).toBe(sb(6));
    expect(moveFocus(items, sb(6), 'down')).toBe(sb(6));
    expect(moveFocus(items, sb(3), 'up')).toBe(ep(3));
    // A veth leads up to its own network, however far across the host it is drawn.
    expect(moveFocus(items, ep(0), 'up')).toBe(`network:${m.networks[0].id}`);
    expect(moveFocus(items, ep(1), 'up')).toBe(`network:${m.networks[1].id}`);
    expect(moveFocus(items, 'segment:lan0', 'up')).toBe('segment:lan0');
  });

  it('goes from the host name down to its first row and from the LAN down to the host', () => {
    expect(moveFocus(items, 'segment:lan0', 'down')).toBe('host:host1');
    expect(moveFocus(items, 'host:host1', 'down')).toMatch(/^(iface|network):/);
  });
});

describe('typeAhead', () => {
  const m = syntheticModel(2, 12);
  const items = focusOrder(layoutTopology(m));

  it('jumps to the next object whose label or name starts with what was typed, wrapping', () => {
    expect(typeAhead(items, 'segment:lan0', 'n')).toBe(`network:${m.networks[0].id}`);
    expect(typeAhead(items, `network:${m.networks[0].id}`, 'n')).toBe(`network:${m.networks[1].id}`);
    expect(typeAhead(items, 'segment:lan0', 'c1')).toBe(`sandbox:${m.sandboxes[1].id}`);
    expect(typeAhead(items, `sandbox:${m.sandboxes[1].id}`, 'c11')).toBe(`sandbox:${m.sandboxes[11].id}`);
    expect(typeAhead(items, `sandbox:${m.sandboxes[11].id}`, 'l')).toBe('segment:lan0');
    expect(typeAhead(items, 'segment:lan0', 'zz')).toBeNull();
  });

  it('finds an object by the words of its accessible name too', () => {
    expect(typeAhead(items, 'segment:lan0', 'network net1')).toBe(`network:${m.networks[2].id}`);
  });
});

describe('nodeName', () => {
  it('adds the full title when a label was shortened, and says "changed" while the object is marked', () => {
    const m = syntheticModel(1, 0);
    m.networks[1].name = 'a-network-with-a-very-long-name';
    const net = layoutTopology(m).nodes.find((n) => n.key === `network:${m.networks[1].id}`)!;
    expect(nodeName(net)).toBe(
      'Network a-network-with-a-ver…, bridge, 10.100.0.0/24, br-000000000064, gateway 10.100.0.1. Network a-network-with-a-very-long-name: driver bridge, scope local, subnet 10.100.0.0/24, gateway 10.100.0.1, Linux bridge br-000000000064',
    );
    expect(nodeName(layoutTopology(m).nodes.find((n) => n.kind === 'host')!, true)).toBe('host1, Docker host, changed');
  });
});

describe('survivor', () => {
  it('keeps a key that is still drawn, else takes the next remaining object, else the previous one', () => {
    const before = focusOrder(layoutTopology(syntheticModel(1, 3)));
    const after = focusOrder(layoutTopology(syntheticModel(1, 2)));
    const m = syntheticModel(1, 3);
    expect(survivor(before, after, `sandbox:${m.sandboxes[1].id}`)).toBe(`sandbox:${m.sandboxes[1].id}`);
    expect(survivor(before, after, `sandbox:${m.sandboxes[2].id}`)).toBe(`endpoint:${m.endpoints[1].id}`);
    const fewer = after.filter((it) => it.key !== `endpoint:${m.endpoints[1].id}`);
    expect(survivor(after, fewer, `endpoint:${m.endpoints[1].id}`)).toBe(`sandbox:${m.sandboxes[1].id}`);
    expect(survivor(before, [], 'host:host1')).toBeNull();
  });
});
