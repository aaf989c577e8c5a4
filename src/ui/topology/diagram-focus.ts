// Keyboard access to the diagram as one composite widget: the SVG's background is one tab stop (arrow keys pan, + and -
// zoom, 0 fits) and its clickable objects share a second, roving one (arrow keys, Home/End and type-ahead move it,
// Enter or Space opens details), so Tab crosses the diagram in two presses however many objects it draws. Focus stays
// on the same object across redraws, and moves to its neighbour when the object goes away.
import type { Layout } from './layout';
import { focusOrder, moveFocus, survivor, typeAhead, type FocusItem, type FocusMove } from './focus-order';
import type { ZoomControl } from './zoom';

const PAN_STEP = 60;
const TYPE_AHEAD_MS = 800;

const MOVES: Record<string, FocusMove> = { ArrowRight: 'next', ArrowLeft: 'prev', ArrowDown: 'down', ArrowUp: 'up', Home: 'first', End: 'last' };
const PANS: Record<string, [number, number]> = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

export interface DiagramFocusOptions {
  /** Enter or Space on an object: open its details (what a click does). */
  open(details: string): void;
  /** Escape: close the details panel. */
  close(): void;
  zoom(): ZoomControl | null;
}

export class DiagramFocus {
  private items: FocusItem[] = [];
  private byKey = new Map<string, FocusItem>();
  /** The object holding the tab stop. */
  current: string | null = null;
  private typed = '';
  private typedAt = 0;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly viewport: SVGGElement,
    private readonly opts: DiagramFocusOptions,
  ) {
    svg.addEventListener('keydown', this.onKeydown);
    svg.addEventListener('focusin', this.onFocusin);
  }

  destroy(): void {
    this.svg.removeEventListener('keydown', this.onKeydown);
    this.svg.removeEventListener('focusin', this.onFocusin);
  }

  /** What has focus: an object's key, '' for the diagram's background, null for something outside the diagram. */
  focused(): string | null {
    const a = document.activeElement;
    if (a === this.svg) return '';
    if (!a || !this.svg.contains(a)) return null;
    return this.keyOf(a);
  }

  /** After each render: the new order, the one tab stop, and focus back on the object that had it (or its neighbour). */
  rendered(layout: Layout, had: string | null): void {
    const before = this.items;
    this.items = focusOrder(layout);
    this.byKey = new Map(this.items.map((it) => [it.key, it]));
    if (this.current !== null && !this.byKey.has(this.current)) this.current = survivor(before, this.items, this.current);
    this.current ??= this.items[0]?.key ?? null;
    this.syncTabStop();
    if (!had) return;
    // A moved DOM node (D3's join re-orders) or a removed one loses focus: give it back without scrolling anything.
    const el = this.current === null ? null : this.element(this.byKey.has(had) ? had : this.current);
    if (el && document.activeElement !== el) el.focus({ preventScroll: true });
    else if (!el) this.svg.focus({ preventScroll: true });
  }

  /** Moves focus to an object, brings it into view and makes it the tab stop. */
  focus(key: string): void {
    const el = this.element(key);
    const item = this.byKey.get(key);
    if (!el || !item) return;
    this.current = key;
    this.syncTabStop();
    el.focus({ preventScroll: true });
    this.opts.zoom()?.reveal(item.box);
  }

  private element(key: string): SVGGElement | null {
    return this.viewport.querySelector<SVGGElement>(`g[data-key="${CSS.escape(key)}"]:not([data-exiting])`);
  }

  private keyOf(el: Element | EventTarget | null): string | null {
    return el instanceof Element ? (el.closest('[data-key]')?.getAttribute('data-key') ?? null) : null;
  }

  /** Exactly one object is in the tab order: the current one. */
  private syncTabStop(): void {
    for (const el of this.viewport.querySelectorAll('[tabindex="0"]')) if (el.getAttribute('data-key') !== this.current) el.setAttribute('tabindex', '-1');
    if (this.current !== null) this.element(this.current)?.setAttribute('tabindex', '0');
  }

  private onFocusin = (e: FocusEvent): void => {
    const key = this.keyOf(e.target);
    if (key !== null && key !== this.current && this.byKey.has(key)) {
      this.current = key;
      this.syncTabStop();
    }
  };

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.target === this.svg ? null : this.keyOf(e.target);
    const item = key === null ? undefined : this.byKey.get(key);
    const zoom = this.opts.zoom();
    const handled = (): void => {
      e.preventDefault();
      e.stopPropagation();
    };
    // Type-ahead continues only over consecutive letters.
    if (e.key.length !== 1 || e.key === ' ') this.typed = '';
    if (e.key === 'Escape') return this.opts.close();
    if (e.key === '+' || e.key === '=') return (zoom?.zoomBy(1.25), handled());
    if (e.key === '-' || e.key === '_') return (zoom?.zoomBy(1 / 1.25), handled());
    if (!item) {
      const pan = PANS[e.key];
      const step = e.shiftKey ? PAN_STEP * 4 : PAN_STEP;
      if (pan) return (zoom?.panBy(pan[0] * step, pan[1] * step), handled());
      if (e.key === '0') return (zoom?.fit(), handled());
      if (e.key === 'Enter' && this.current !== null) return (this.focus(this.current), handled());
      return;
    }
    const move = MOVES[e.key];
    if (move) {
      const to = moveFocus(this.items, item.key, move);
      if (to !== null) this.focus(to);
      return handled();
    }
    if (e.key === 'Enter' || e.key === ' ') return (this.opts.open(item.details), handled());
    if (e.key.length === 1 && e.key !== ' ') {
      const now = performance.now();
      this.typed = now - this.typedAt > TYPE_AHEAD_MS ? e.key : this.typed + e.key;
      this.typedAt = now;
      const to = typeAhead(this.items, item.key, this.typed);
      if (to !== null) this.focus(to);
      handled();
    }
  };
}
