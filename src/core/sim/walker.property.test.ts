import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../world';
import { createNetns } from '../kernel/netns';
import { addLink, addVethPair, moveLink, setLinkUp, setMaster } from '../kernel/links';
import { addAddress } from '../kernel/addresses';
import { iptables } from '../kernel/netfilter/iptables';
import { walk } from './walker';
import { MAX_STEPS } from './walk-context';

/** A random little network: namespaces joined by veths (some through bridges), random routes and rules. */
const topology = fc.record({
  nodes: fc.integer({ min: 2, max: 6 }),
  edges: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.boolean()), { minLength: 1, maxLength: 8 }),
  routes: fc.array(fc.tuple(fc.nat(5), fc.nat(7), fc.nat(254)), { maxLength: 10 }),
  rules: fc.array(fc.tuple(fc.nat(5), fc.constantFrom('-A FORWARD -j DROP', '-A INPUT -p icmp -j REJECT', '-t nat -A POSTROUTING -j MASQUERADE', '-A FORWARD -j ACCEPT')), { maxLength: 4 }),
  forward: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  probes: fc.array(fc.tuple(fc.nat(5), fc.nat(7), fc.nat(254), fc.constantFrom('icmp', 'tcp', 'udp')), { minLength: 1, maxLength: 5 }),
});

describe('packet walker', () => {
  it('always terminates with an outcome, whatever the topology (loops included)', () => {
    fc.assert(
      fc.property(topology, (t) => {
        const world = World.empty(1, 'test');
        const nss = Array.from({ length: t.nodes }, (_, i) => {
          const ns = createNetns(world, `n${i}`, 'h', i === 0 ? 'root' : 'named', i === 0 ? null : `n${i}`);
          setLinkUp(world, ns, 'lo', true);
          ns.sysctl.ipForward = t.forward[i];
          return ns;
        });
        t.edges.forEach(([a, b, bridged], k) => {
          const A = nss[a % t.nodes];
          const B = nss[b % t.nodes];
          if (A === B) return;
          const [x, y] = [`e${k}a`, `e${k}b`];
          addVethPair(world, A, x, y);
          moveLink(world, A, y, B);
          let own = x;
          if (bridged) {
            addLink(world, A, `br${k}`, 'bridge');
            setLinkUp(world, A, `br${k}`, true);
            setMaster(world, A, x, `br${k}`);
            own = `br${k}`;
          }
          for (const [ns, name] of [[A, x], [B, y]] as const) setLinkUp(world, ns, name, true);
          addAddress(world, A, own, (10 << 24) + (k << 8) + 1, 24);
          addAddress(world, B, y, (10 << 24) + (k << 8) + 2, 24);
        });
        for (const [n, k, host] of t.routes) {
          const ns = nss[n % t.nodes];
          const dev = ns.links.find((l) => l.kind !== 'loopback' && l.addrs.length);
          if (dev) ns.routes.push({ type: 'unicast', dst: 0, dstLen: 0, gateway: (10 << 24) + (k << 8) + (host % 3), dev: dev.ifindex, proto: 'boot', scope: 'global', src: null, metric: null });
        }
        for (const [n, rule] of t.rules) iptables(world, nss[n % t.nodes].id, rule.split(' '));
        for (const [n, k, host, proto] of t.probes) {
          const tr = walk(world, { from: nss[n % t.nodes].id, proto, dst: (10 << 24) + (k << 8) + host, dport: 80, emit: false });
          expect(['replied', 'refused', 'unreachable', 'ttl-exceeded', 'no-route', 'dropped', 'reply-dropped']).toContain(tr.outcome);
          expect(tr.hops.length).toBeLessThan(MAX_STEPS * 10);
          expect(tr.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stops a routing loop with ICMP time exceeded', () => {
    const world = World.empty(1, 'test');
    const a = createNetns(world, 'a', 'h', 'root');
    const b = createNetns(world, 'b', 'h', 'named', 'b');
    for (const ns of [a, b]) {
      setLinkUp(world, ns, 'lo', true);
      ns.sysctl.ipForward = true;
    }
    addVethPair(world, a, 'x', 'y');
    moveLink(world, a, 'y', b);
    setLinkUp(world, a, 'x', true);
    setLinkUp(world, b, 'y', true);
    addAddress(world, a, 'x', 0x0a000001, 24);
    addAddress(world, b, 'y', 0x0a000002, 24);
    a.routes.push({ type: 'unicast', dst: 0, dstLen: 0, gateway: 0x0a000002, dev: a.links.find((l) => l.name === 'x')!.ifindex, proto: 'boot', scope: 'global', src: null, metric: null });
    b.routes.push({ type: 'unicast', dst: 0, dstLen: 0, gateway: 0x0a000001, dev: b.links.find((l) => l.name === 'y')!.ifindex, proto: 'boot', scope: 'global', src: null, metric: null });
    const tr = walk(world, { from: 'a', proto: 'icmp', dst: '192.0.2.1' });
    expect(tr.outcome).toBe('ttl-exceeded');
  });
});
