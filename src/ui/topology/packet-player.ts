// Animates packet walks on the topology, hop by hop along the drawn links (like Packet Tracer's simulation mode):
// live playback at a chosen speed, or step mode with next/previous hop; a drop stops with a marker and its reason.
import { select } from 'd3-selection';
import 'd3-transition';
import type { PacketPath } from '../../worker/protocol';
import type { Anchor } from './layout';
import { resolvePath, visitedPlaces, type Point, type ResolvedStep } from './packet-route';

/** What one animation did, for the text view, the e2e suite and the packet log. */
export interface PacketRecord {
  id: number;
  summary: string;
  outcome: string;
  reason: string;
  /** Places visited in order (interface keys, `router:lan0`, ...). */
  visited: string[];
  /** Links and nodes the packet was drawn on, in order, without repeats in a row. */
  on: string[];
  /** Where it was dropped, if it was. */
  dropAt: string | null;
}

export interface PlayerEvents {
  /** The hop shown now (null when idle); `index`/`total` count hops of the current walk. */
  onStep?(step: ResolvedStep | null, path: PacketPath | null, index: number, total: number): void;
  onDone?(record: PacketRecord): void;
}

/** Milliseconds one link crossing takes at speed 1. */
const MOVE_MS = 260;
/** How long a NAT rewrite or a drop is shown in live playback at speed 1. */
const PAUSE_MS = 450;
/** At most this many walks wait in live playback (a continuous ping would otherwise queue forever). */
const MAX_QUEUE = 2;

export function recordOf(path: PacketPath, steps: ResolvedStep[]): PacketRecord {
  const on: string[] = [];
  for (const s of steps) if (s.on && on[on.length - 1] !== s.on) on.push(s.on);
  const drop = steps.find((s) => s.step.drop);
  return { id: path.id, summary: path.summary, outcome: path.outcome, reason: path.reason, visited: visitedPlaces(steps), on, dropAt: drop ? drop.step.at : null };
}

export class PacketPlayer {
  speed = 1;
  private stepMode = false;
  private anchors: Record<string, Anchor> = {};
  private queue: PacketPath[] = [];
  private current: { path: PacketPath; steps: ResolvedStep[]; index: number } | null = null;
  /** Bumped to cancel a running live playback. */
  private generation = 0;
  private playing = false;

  constructor(
    private readonly layer: SVGGElement,
    private readonly events: PlayerEvents = {},
    private readonly reducedMotion = false,
  ) {}

  setAnchors(anchors: Record<string, Anchor>): void {
    this.anchors = anchors;
  }

  get inStepMode(): boolean {
    return this.stepMode;
  }

  enqueue(path: PacketPath): void {
    this.queue.push(path);
    if (!this.stepMode && this.queue.length > MAX_QUEUE) this.queue.splice(0, this.queue.length - MAX_QUEUE);
    if (!this.current) this.advance();
  }

  /** Step mode holds each walk at its current hop until `next`/`prev`. */
  setStepMode(on: boolean): void {
    this.stepMode = on;
    this.generation++;
    this.playing = false;
    if (this.current) {
      if (on) this.show(this.current.index);
      else void this.play();
    } else if (!on) this.advance();
  }

  next(): void {
    if (!this.current) return this.advance();
    if (this.current.index < this.current.steps.length - 1) this.show(this.current.index + 1);
    else this.finish();
  }

  prev(): void {
    if (this.current && this.current.index > 0) this.show(this.current.index - 1);
  }

  clear(): void {
    this.generation++;
    this.queue = [];
    this.current = null;
    this.playing = false;
    select(this.layer).selectAll('*').remove();
    this.events.onStep?.(null, null, 0, 0);
  }

  private advance(): void {
    const path = this.queue.shift();
    if (!path) {
      this.current = null;
      this.events.onStep?.(null, null, 0, 0);
      return;
    }
    const steps = resolvePath(path, this.anchors);
    if (steps.length === 0) return this.advance();
    this.current = { path, steps, index: 0 };
    this.draw(steps[0], true);
    this.emit();
    if (!this.stepMode) void this.play();
  }

  private finish(): void {
    const c = this.current!;
    this.events.onDone?.(recordOf(c.path, c.steps));
    this.current = null;
    if (this.queue.length) this.advance();
    else if (!c.steps.some((s) => s.step.drop)) select(this.layer).select('g.packet').transition().duration(200).style('opacity', 0);
    if (!this.current) this.events.onStep?.(null, null, 0, 0);
  }

  private emit(): void {
    const c = this.current;
    if (c) this.events.onStep?.(c.steps[c.index], c.path, c.index, c.steps.length);
  }

  /** Live playback from the current hop to the end of the walk. */
  private async play(): Promise<void> {
    if (this.playing) return;
    this.playing = true;
    const gen = ++this.generation;
    while (this.current && gen === this.generation && !this.stepMode) {
      const c = this.current;
      if (c.index >= c.steps.length - 1) {
        await this.wait(c.steps[c.index].step.drop ? PAUSE_MS : 0);
        if (gen !== this.generation) break;
        this.finish();
        continue;
      }
      c.index++;
      const s = c.steps[c.index];
      this.emit();
      await this.move(s, gen);
      if (s.step.nat || s.step.drop) await this.wait(PAUSE_MS);
    }
    if (gen === this.generation) this.playing = false;
  }

  private wait(ms: number): Promise<void> {
    if (ms <= 0 || this.reducedMotion) return Promise.resolve();
    return new Promise((r) => setTimeout(r, ms / this.speed));
  }

  /** Moves the dot along the step's polyline, then redraws the hop's annotations. */
  private async move(s: ResolvedStep, gen: number): Promise<void> {
    const dot = select(this.layer).select<SVGGElement>('g.packet');
    for (const p of s.via) {
      if (gen !== this.generation) return;
      this.extendTrail(p);
      if (this.reducedMotion) dot.attr('transform', `translate(${p.x},${p.y})`);
      else
        await dot
          .transition()
          .duration(MOVE_MS / this.speed)
          .attr('transform', `translate(${p.x},${p.y})`)
          .end()
          .catch(() => undefined);
    }
    if (gen === this.generation) this.annotate(s);
  }

  /** Step mode: jump to hop `index` (the trail shows the way up to it). */
  private show(index: number): void {
    const c = this.current!;
    c.index = index;
    this.draw(c.steps[0], true);
    for (const s of c.steps.slice(1, index + 1)) for (const p of s.via) this.extendTrail(p);
    select(this.layer).select('g.packet').attr('transform', `translate(${c.steps[index].at.x},${c.steps[index].at.y})`);
    this.annotate(c.steps[index]);
    this.emit();
  }

  private draw(first: ResolvedStep, reset: boolean): void {
    const layer = select(this.layer);
    if (reset) layer.selectAll('*').remove();
    layer.append('polyline').attr('class', 'trail').attr('points', `${first.at.x},${first.at.y}`);
    const g = layer.append('g').attr('class', 'packet').attr('transform', `translate(${first.at.x},${first.at.y})`);
    g.append('circle').attr('r', 7);
    g.append('text').attr('class', 'packet-label').attr('x', 11).attr('y', -9);
    g.append('text').attr('class', 'nat-label').attr('x', 11).attr('y', 20);
    this.annotate(first);
  }

  private extendTrail(p: Point): void {
    const trail = select(this.layer).select('polyline.trail');
    trail.attr('points', `${trail.attr('points')} ${p.x},${p.y}`);
  }

  private annotate(s: ResolvedStep): void {
    const layer = select(this.layer);
    const g = layer.select('g.packet').attr('data-at', s.step.at).classed('reply', s.step.direction === 'reply');
    // Just the addresses by the dot (a NAT rewrite shows as they change); the full headers are in the hop panel.
    g.select('text.packet-label').text(s.step.packet.replace(/^(\S+) > (\S+):.*$/, '$1 → $2').replace(/^ARP, .*/, 'ARP'));
    g.select('text.nat-label').text(s.step.nat ? `NAT ${s.step.nat.replace(' -> ', ' → ')}` : '');
    layer.selectAll('g.drop').remove();
    if (s.step.drop) {
      const reason = this.current?.path.reason ?? s.step.text;
      const d = layer.append('g').attr('class', 'drop').attr('data-at', s.step.at).attr('transform', `translate(${s.at.x},${s.at.y})`);
      d.append('title').text(`Dropped: ${reason}`);
      d.append('circle').attr('r', 13);
      d.append('path').attr('d', 'M-6,-6L6,6M6,-6L-6,6');
      d.append('text').attr('x', 17).attr('y', 4).text('dropped');
    }
  }
}
