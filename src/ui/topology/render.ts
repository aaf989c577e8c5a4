// Draws a layout into an SVG group with D3 data joins keyed by object, so updates animate enter/update/exit (300 ms)
// and what the last command changed is outlined for a moment. Clickable objects are buttons with an accessible name
// and a focus ring; which one is in the tab order is diagram-focus.ts's business.
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { Layout, LayoutLink, LayoutNode } from './layout';
import { nodeName } from './focus-order';

export const DURATION = 300;
/** How long a changed object stays outlined. */
export const HIGHLIGHT_MS = 1800;

export interface RenderOptions {
  /** Keys that just changed (outlined briefly). */
  changed: ReadonlySet<string>;
  /** The selected object (details panel open). */
  selected: string | null;
  onSelect(key: string): void;
}

type G<D> = Selection<SVGGElement, D, SVGGElement, unknown>;

/** What each drawn group last showed: redrawing only the groups whose content changed keeps big worlds smooth. */
const shown = new WeakMap<Element, string>();

function changedOnly<D extends { key: string }>(g: G<D>, opts: RenderOptions): G<D> {
  return g.filter(function (d) {
    const sig = `${JSON.stringify(d)}|${opts.changed.has(d.key)}|${opts.selected === d.key}`;
    if (shown.get(this) === sig) return false;
    shown.set(this, sig);
    return true;
  });
}

/** Where each text line of a node starts (label, sublabel, then the extra lines). */
function textRows(d: LayoutNode): { label: number; sub: number; lines: number } {
  if (d.kind === 'sandbox' || d.kind === 'netns') return { label: 22, sub: 37, lines: 54 };
  if (d.kind === 'network') return { label: 20, sub: 34, lines: 38 };
  if (d.kind === 'router') return { label: 15, sub: 29, lines: 0 };
  if (d.kind === 'stack' || d.kind === 'lan' || d.kind === 'internet') return { label: d.h / 2 + 4, sub: 0, lines: 0 };
  return { label: 18, sub: 33, lines: 48 };
}

/** Makes a clickable object a keyboard button (reachable by the arrow keys; diagram-focus.ts picks the tab stop). */
function asButton<D>(g: G<D>, clickable: (d: D) => boolean, name: (d: D) => string, selected: (d: D) => boolean): void {
  g.attr('role', (d) => (clickable(d) ? 'button' : null))
    .attr('aria-label', (d) => (clickable(d) ? name(d) : null))
    .attr('aria-current', (d) => (clickable(d) && selected(d) ? 'true' : null))
    .each(function (d) {
      if (!clickable(d)) this.removeAttribute('tabindex');
      else if (!this.hasAttribute('tabindex')) this.setAttribute('tabindex', '-1');
    });
}

/** A space before each text element: SVG draws no text between them, but a button's text content (what checks of
 * WCAG 2.5.3 compare with its name) must not run "eth0" and "10.10.0.11/24" together. */
function spaceTexts(el: Element): void {
  for (const t of el.querySelectorAll('text')) if (t.previousSibling?.nodeType !== Node.TEXT_NODE) t.before(' ');
}

function drawNode(g: G<LayoutNode>): void {
  g.append('title');
  g.append('rect').attr('class', 'focus-ring');
  g.append('rect').attr('class', 'halo');
  g.append('rect').attr('class', 'shape');
  g.append('g').attr('class', 'ports');
  g.append('text').attr('class', 'label').attr('x', 10);
  g.append('text').attr('class', 'sublabel').attr('x', 10);
  g.append('g').attr('class', 'lines');
  g.append('text').attr('class', 'badge').attr('text-anchor', 'end');
}

function updateNode(g: G<LayoutNode>, opts: RenderOptions): void {
  g.attr('class', (d) => `node ${d.kind} v-${d.variant}${opts.changed.has(d.key) ? ' changed' : ''}${opts.selected === d.key ? ' selected' : ''}${d.clickable ? ' clickable' : ''}`);
  g.select('title').text((d) => d.title);
  g.select('rect.shape')
    .attr('width', (d) => d.w)
    .attr('height', (d) => d.h)
    .attr('rx', (d) => (d.kind === 'network' ? 12 : d.kind === 'internet' ? 13 : d.kind === 'lan' || d.kind === 'stack' ? 4 : 6));
  asButton(g, (d) => d.clickable, (d) => nodeName(d, opts.changed.has(d.key)), (d) => opts.selected === d.key);
  g.select('rect.focus-ring')
    .attr('x', -8)
    .attr('y', -8)
    .attr('width', (d) => d.w + 16)
    .attr('height', (d) => d.h + 16)
    .attr('rx', 10);
  g.select('rect.halo')
    .attr('x', -4)
    .attr('y', -4)
    .attr('width', (d) => d.w + 8)
    .attr('height', (d) => d.h + 8)
    .attr('rx', 8);
  // A host's name sits in its top-right corner, clear of the LAN wire that enters on the left.
  const anchorEnd = (d: LayoutNode) => d.kind === 'host';
  g.select('text.label')
    .attr('x', (d) => (d.kind === 'internet' ? d.w / 2 : anchorEnd(d) ? d.w - 10 : 10))
    .attr('text-anchor', (d) => (d.kind === 'internet' ? 'middle' : anchorEnd(d) ? 'end' : 'start'))
    .attr('y', (d) => textRows(d).label)
    .text((d) => (d.kind === 'stack' ? `${d.label} · ${d.sublabel}` : d.label));
  g.select('text.sublabel')
    .attr('x', (d) => (anchorEnd(d) ? d.w - 10 : 10))
    .attr('text-anchor', (d) => (anchorEnd(d) ? 'end' : 'start'))
    .attr('y', (d) => textRows(d).sub)
    .text((d) => (d.kind === 'stack' ? '' : d.sublabel));
  g.select('text.badge')
    // Inside the box, right of its name: above it is where veth names sit.
    .attr('x', (d) => (d.kind === 'host' ? d.w - 10 : d.w - 8))
    .attr('y', (d) => (d.kind === 'host' ? 48 : textRows(d).label))
    .text((d) => (opts.changed.has(d.key) ? 'changed' : ''));
  g.select<SVGGElement>('g.lines')
    .selectAll<SVGTextElement, string>('text')
    .data((d) => d.lines.map((text, i) => ({ text, y: textRows(d).lines + i * 15 })))
    .join('text')
    .attr('x', 10)
    .attr('y', (t) => t.y)
    .text((t) => t.text);
  g.each(function () {
    spaceTexts(this);
  });
  g.select<SVGGElement>('g.ports')
    .selectAll<SVGRectElement, LayoutNode['ports'][number]>('rect')
    .data((d) => d.ports, (p) => p.key)
    .join('rect')
    .attr('x', (p) => p.dx - 5)
    .attr('y', (p) => p.dy - 5)
    .attr('width', 10)
    .attr('height', 10);
}

function updateLink(g: G<LayoutLink>, opts: RenderOptions): void {
  g.attr('class', (d) => `link ${d.kind}${opts.changed.has(d.key) ? ' changed' : ''}${opts.selected === d.key ? ' selected' : ''}${d.detailsKey ? ' clickable' : ''}`);
  asButton(g, (d) => !!d.detailsKey, (d) => d.name ?? d.title, (d) => opts.selected === d.detailsKey);
  g.select('title').text((d) => d.title);
  g.select('text').text((d) => d.label);
}

/** Puts link ends and labels in place: at once for new links, as a 300 ms move for existing ones. */
function placeLink(g: G<LayoutLink>, animate: boolean): void {
  // `select` (not selectAll) hands the link's new datum down to its children.
  for (const cls of ['line.hit', 'line.focus-ring', 'line.stroke']) {
    const line = g.select<SVGLineElement>(cls);
    const target = animate ? line.transition('move').duration(DURATION) : line;
    (target as typeof line).attr('x1', (d) => d.x1).attr('y1', (d) => d.y1).attr('x2', (d) => d.x2).attr('y2', (d) => d.y2);
  }
  const text = g.select<SVGTextElement>('text');
  const target = animate ? text.transition('move').duration(DURATION) : text;
  (target as typeof text).attr('x', (d) => d.labelX).attr('y', (d) => d.labelY);
}

/** An object on its way out fades for 300 ms; it stops being a button at once, so keyboard focus cannot land on it. */
function leave<D>(exit: Selection<SVGGElement, D, SVGGElement, unknown>): void {
  exit.attr('role', null).attr('aria-label', null).attr('tabindex', null).attr('aria-hidden', 'true').attr('data-exiting', '');
  exit.transition('fade').duration(DURATION).style('opacity', 0).remove();
}

/** Ensures the layer groups exist inside `root` (links under nodes, packets on top). */
export function layers(root: SVGGElement): { links: SVGGElement; nodes: SVGGElement; packets: SVGGElement } {
  const r = select(root);
  for (const name of ['links', 'nodes', 'packets']) if (r.select(`g.${name}`).empty()) r.append('g').attr('class', name);
  return { links: r.select<SVGGElement>('g.links').node()!, nodes: r.select<SVGGElement>('g.nodes').node()!, packets: r.select<SVGGElement>('g.packets').node()! };
}

export function renderLayout(root: SVGGElement, layout: Layout, opts: RenderOptions): void {
  const l = layers(root);
  select(l.links)
    .selectAll<SVGGElement, LayoutLink>('g.link:not([data-exiting])')
    .data(layout.links, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('data-key', (d) => d.key).style('opacity', 0);
        g.append('title');
        g.append('line').attr('class', 'hit');
        g.append('line').attr('class', 'focus-ring');
        g.append('line').attr('class', 'stroke');
        g.append('text').attr('class', 'link-label');
        placeLink(g, false);
        g.on('click', (e: MouseEvent, d) => {
          // Like a node: the click must not also reach the background, which closes the panel.
          e.stopPropagation();
          if (d.detailsKey) opts.onSelect(d.detailsKey);
        });
        g.transition('fade').duration(DURATION).style('opacity', 1);
        return g;
      },
      (update) =>
        update.call((u) =>
          placeLink(
            u.filter(function (d) {
              const l = this.querySelector('line.stroke');
              return !l || [l.getAttribute('x1'), l.getAttribute('y1'), l.getAttribute('x2'), l.getAttribute('y2')].join() !== [d.x1, d.y1, d.x2, d.y2].join();
            }),
            true,
          ),
        ),
      (exit) => leave(exit),
    )
    .call((g) => updateLink(changedOnly(g, opts), opts));

  select(l.nodes)
    .selectAll<SVGGElement, LayoutNode>('g.node:not([data-exiting])')
    .data(layout.nodes, (d) => d.key)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('data-key', (d) => d.key)
          .attr('transform', (d) => `translate(${d.x},${d.y})`)
          .style('opacity', 0);
        drawNode(g);
        g.on('click', (e: MouseEvent, d) => {
          e.stopPropagation();
          if (d.clickable) opts.onSelect(d.key);
        });
        g.transition('fade').duration(DURATION).style('opacity', 1);
        return g;
      },
      // Named transitions: a move must not interrupt a fade-in that is still running (it would freeze half-visible).
      // Only groups that really move get one.
      (update) =>
        update.call((u) =>
          u
            .filter(function (d) {
              return this.getAttribute('transform') !== `translate(${d.x},${d.y})`;
            })
            .transition('move')
            .duration(DURATION)
            .attr('transform', (d) => `translate(${d.x},${d.y})`),
        ),
      (exit) => leave(exit),
    )
    .call((g) => updateNode(changedOnly(g, opts), opts));
}
