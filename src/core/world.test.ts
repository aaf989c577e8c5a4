import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from './presets';
import { World } from './world';

describe('World', () => {
  it('builds the same world from the same seed', () => {
    expect(createWorld({ seed: 7 }).snapshot()).toEqual(createWorld({ seed: 7 }).snapshot());
  });

  it('builds different IDs from different seeds', () => {
    const ids = (seed: number) => Object.keys(createWorld({ seed }).state.docker.host1.networks);
    expect(ids(1)).not.toEqual(ids(2));
  });

  it('restores a snapshot to an identical world that continues identically', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 20 }), (seed, draws) => {
        const w = createWorld({ seed });
        for (let i = 0; i < draws; i++) w.rng.u32();
        const copy = World.restore(w.snapshot());
        expect(copy.snapshot()).toEqual(w.snapshot());
        expect(copy.rng.hex(64)).toBe(w.rng.hex(64));
      }),
    );
  });

  it('gives host1 eth0 on the LAN with a default route, and docker0 with 172.17.0.1/16', () => {
    const w = createWorld();
    const root = w.state.netns[w.host('host1').rootNs];
    expect(root.links.map((l) => l.name)).toEqual(['lo', 'eth0', 'docker0']);
    expect(root.links[1].addrs[0]).toMatchObject({ prefixLen: 24 });
    expect(root.routes.some((r) => r.dstLen === 0 && r.proto === 'dhcp')).toBe(true);
    const nets = Object.values(w.state.docker.host1.networks).map((n) => [n.name, n.driver, n.id.length]);
    expect(nets).toEqual([
      ['bridge', 'bridge', 64],
      ['host', 'host', 64],
      ['none', 'null', 64],
    ]);
  });

  it('counts changes and tells listeners', () => {
    const w = createWorld();
    const seen: string[] = [];
    w.on((e) => e.type === 'changed' && seen.push(e.topic));
    const before = w.changeCount;
    w.changed('test', 'x');
    expect(w.changeCount).toBe(before + 1);
    expect(seen).toEqual(['test']);
  });
});
