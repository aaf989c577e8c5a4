import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../world';
import { createNetns } from './netns';
import { addLink, setLinkUp } from './links';
import { lookupRoute } from './routes';
import { routeLookup } from '../sim/ip-stack';
import { cidrContains, networkOf } from '../net/cidr';
import type { Route } from './types';

const routeArb = fc.record({ ip: fc.integer({ min: 0, max: 0xffffffff }), len: fc.integer({ min: 0, max: 32 }), metric: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) });

/** The obvious definition: every matching route, longest prefix, then lowest metric, then first added. */
function bruteForce(routes: Route[], dst: number): Route | undefined {
  const hits = routes.filter((r) => cidrContains({ ip: r.dst, len: r.dstLen }, dst));
  if (!hits.length) return undefined;
  const longest = Math.max(...hits.map((r) => r.dstLen));
  const best = hits.filter((r) => r.dstLen === longest);
  const metric = Math.min(...best.map((r) => r.metric ?? 0));
  return best.find((r) => (r.metric ?? 0) === metric);
}

describe('longest-prefix match (fib_lookup)', () => {
  it('agrees with a brute-force scan of the table', () => {
    fc.assert(
      fc.property(fc.array(routeArb, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 10 }), (specs, dsts) => {
        const world = World.empty(1, 'test');
        const ns = createNetns(world, 'n', 'n', 'root');
        const dev = addLink(world, ns, 'eth0', 'dummy');
        setLinkUp(world, ns, 'eth0', true);
        ns.routes = specs.map((s) => ({ type: 'unicast', dst: networkOf(s), dstLen: s.len, gateway: null, dev: dev.ifindex, proto: 'static', scope: 'link', src: null, metric: s.metric }));
        // Random prefixes inside the table's own ranges make hits likely.
        for (const d of [...dsts, ...specs.map((s) => s.ip)]) {
          const want = bruteForce(ns.routes, d);
          expect(lookupRoute(ns, d)).toBe(want);
          expect(routeLookup(ns, d)).toBe(want);
        }
      }),
    );
  });
});
