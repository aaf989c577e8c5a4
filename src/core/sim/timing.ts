// Simulated latency: what each step of a walk costs in µs, with a small deterministic jitter so repeated pings
// differ as real ones do, while the same world and the same moment always give the same numbers.

/** Cost in µs of each kind of step (a host-internal veth/bridge hop is a few µs; the LAN and internet far more). */
export const COST_US = {
  veth: 9,
  bridge: 6,
  loopback: 4,
  hook: 1,
  deliver: 5,
  segment: 180,
  router: 220,
  vxlan: 25,
} as const;

/** A neighbour that never answers: the kernel gives up after mcast_solicit (3) ARP requests, retrans_time (1 s) apart. */
export const NEIGH_FAIL_US = 3_000_000;

/** A 32-bit mix (splitmix-style) of a few integers. */
function mix(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Scales `us` by a factor in [0.85, 1.25) chosen from the inputs: stable for a seed and a moment. */
export function jitter(us: number, ...seed: number[]): number {
  const f = 0.85 + (mix(...seed) / 0x100000000) * 0.4;
  return us * f;
}
