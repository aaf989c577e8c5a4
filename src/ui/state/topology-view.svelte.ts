// The topology view's own state: diagram or list, the selected object and its details, zoom and packet controls.
import type { Details, PacketPath } from '../../worker/protocol';
import type { PacketRecord } from '../topology/packet-player';
import type { ResolvedStep } from '../topology/packet-route';
import { lab } from './lab.svelte';

/** What the diagram lets the toolbar do (set once the SVG exists). */
export interface DiagramControls {
  fit(): void;
  zoomBy(factor: number): void;
  next(): void;
  prev(): void;
  setStepMode(on: boolean): void;
  setSpeed(speed: number): void;
}

export interface HopView {
  summary: string;
  index: number;
  total: number;
  step: ResolvedStep['step'];
  reason: string;
}

class TopologyView {
  view = $state<'diagram' | 'list'>('diagram');
  selected = $state<string | null>(null);
  details = $state.raw<Details | null>(null);
  speed = $state(1);
  stepMode = $state(false);
  hop = $state.raw<HopView | null>(null);
  lastPacket = $state.raw<PacketRecord | null>(null);
  controls: DiagramControls | null = null;
  private request = 0;
  /** What had focus when the panel opened (a diagram object, a list entry): closing the panel returns focus there. */
  private opener: { el: Element; key: string } | null = null;

  /** Opens the details panel for an object (`network:<id>`, `sandbox:<id>`, `iface:<key>`, ...). */
  async select(key: string | null): Promise<void> {
    if (key && key !== this.selected && typeof document !== 'undefined' && document.activeElement) this.opener = { el: document.activeElement, key };
    this.selected = key;
    const mine = ++this.request;
    if (!key) {
      this.details = null;
      return;
    }
    const d = await lab.details(key);
    if (mine === this.request) this.details = d;
  }

  /** Closes the panel (Escape, the close button) and gives focus back to what opened it, or to the same object
   * drawn anew, without scrolling. */
  close(): void {
    const from = this.opener;
    this.opener = null;
    void this.select(null);
    if (!from) return;
    const el = from.el.isConnected ? from.el : document.querySelector(`svg.cnm g[data-key="${CSS.escape(from.key)}"]:not([data-exiting])`);
    if (el instanceof HTMLElement || el instanceof SVGElement) el.focus({ preventScroll: true });
  }

  /** Refreshes an open details panel after the world changed. */
  refresh(): void {
    if (this.selected) void this.select(this.selected);
  }

  showHop(step: ResolvedStep | null, path: PacketPath | null, index: number, total: number): void {
    this.hop = step && path ? { summary: path.summary, index, total, step: step.step, reason: path.reason } : null;
  }
}

export const topologyView = new TopologyView();
