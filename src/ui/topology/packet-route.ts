// Where a packet is drawn at each hop of a walk, and the polyline it follows between hops: along the drawn links,
// and along a bus (a host's stack bar, the LAN) when both places hang off the same one.
import type { PacketPath, PacketStep } from '../../worker/protocol';
import type { Anchor } from './layout';

export interface Point {
  x: number;
  y: number;
}

export interface ResolvedStep {
  step: PacketStep;
  index: number;
  /** Where the packet is drawn at this hop. */
  at: Point;
  /** Points from the previous hop's position to `at` (empty when it stays in place). */
  via: Point[];
  /** The drawn object the packet is on (a link or node key), for highlighting and tests. */
  on: string | null;
  /** The place (anchor key) the packet is drawn at: this step's own, or the last one it moved to. */
  place: string;
}

function same(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
}

/** The polyline from anchor `a` to anchor `b`: through a bus both are attached to, else straight. */
export function routeBetween(a: Anchor, b: Anchor): Point[] {
  for (const bus of Object.keys(a.buses)) {
    const pb = b.buses[bus];
    if (!pb || a.on === b.on) continue;
    const pa = a.buses[bus];
    const pts = [pa, pb, { x: b.x, y: b.y }];
    return pts.filter((p, i) => !same(p, i === 0 ? a : pts[i - 1]));
  }
  return [{ x: b.x, y: b.y }];
}

/**
 * Places every step. A step whose place is not drawn (a decision inside a namespace, `ns:...`) stays where the
 * packet was; steps before the first drawn place start at that first place.
 */
export function resolvePath(path: PacketPath, anchors: Record<string, Anchor>): ResolvedStep[] {
  const firstKnown = path.steps.find((s) => anchors[s.at]);
  if (!firstKnown) return [];
  let current: Anchor = anchors[firstKnown.at];
  let place = firstKnown.at;
  return path.steps.map((step, index) => {
    // ARP is drawn in place: its request and answer would otherwise bounce the packet to the gateway and back.
    const next = step.kind === 'arp' ? undefined : anchors[step.at];
    if (!next || next === current || (next.x === current.x && next.y === current.y)) {
      return { step, index, at: { x: current.x, y: current.y }, via: [], on: next ? next.on : current.on, place };
    }
    const via = routeBetween(current, next);
    current = next;
    place = step.at;
    return { step, index, at: { x: next.x, y: next.y }, via, on: next.on, place };
  });
}

/** The places a walk was drawn at, in order, without repeats in a row (what the animation ran along). */
export function visitedPlaces(steps: ResolvedStep[]): string[] {
  const out: string[] = [];
  for (const s of steps) if (out[out.length - 1] !== s.place) out.push(s.place);
  return out;
}
