// The diagram's keyboard order: which drawn objects take focus, in what order, and where the arrow keys and type-ahead
// go from one of them. Pure functions of the layout, so the order is as stable as the layout (new objects append).
import type { Layout, LayoutLink, LayoutNode, NodeKind } from './layout';

export interface FocusItem {
  /** The drawn element's key (its `data-key`). */
  key: string;
  /** What Enter opens in the details panel (the same as a click). */
  details: string;
  /** The accessible name. */
  name: string;
  /** The visible label, also matched by type-ahead. */
  label: string;
  /** The point Up and Down measure from (layout coordinates). */
  x: number;
  y: number;
  /** The box to bring into view when the item takes focus. */
  box: { x: number; y: number; w: number; h: number };
  /** A link's ends: Up follows it to its network, Down to its sandbox, wherever they are drawn. */
  up?: string;
  down?: string;
}

export type FocusMove = 'next' | 'prev' | 'up' | 'down' | 'first' | 'last';

const KIND: Partial<Record<NodeKind, string>> = { iface: 'Interface', network: 'Network', netns: 'Namespace' };

/**
 * A drawn object's accessible name: the words drawn in it, in order (so a speech-input user can say what they see,
 * WCAG 2.5.3), after its kind; the hover title too when a label had to be shortened, and "changed" while it is marked.
 */
export function nodeName(n: LayoutNode, changed = false): string {
  const parts = [n.label, n.kind === 'stack' ? '' : n.sublabel, ...n.lines].filter(Boolean).map((p) => p.replace(/ · /g, ', '));
  const kind = KIND[n.kind];
  let name = [kind ? `${kind} ${parts[0]}` : parts[0], ...parts.slice(1)].join(', ');
  if (parts.some((p) => p.endsWith('…'))) name += `. ${n.title}`;
  return changed ? `${name}, changed` : name;
}

function nodeItem(n: LayoutNode): FocusItem {
  // A host's box holds everything else: measure from its top edge, where its name is.
  const y = n.kind === 'host' ? n.y : n.y + n.h / 2;
  return { key: n.key, details: n.key, name: nodeName(n), label: n.label, x: n.x + n.w / 2, y, box: { x: n.x, y: n.y, w: n.w, h: n.h } };
}

function linkItem(l: LayoutLink): FocusItem {
  // A veth can be long (it crosses rows of sandboxes): it sits where its label is, just above its sandbox's port.
  const x = l.x1;
  const y = l.y1 - 10;
  return { key: l.key, details: l.detailsKey!, name: l.name ?? l.title, label: l.label, x, y, box: { x: x - 40, y: y - 30, w: 80, h: 40 }, up: l.to, down: l.owner };
}

/**
 * Reading order: the layout's node order (the LAN, then each host top to bottom and left to right: its interfaces,
 * networks, sandboxes, namespaces), with each sandbox followed by its endpoints, as the List view nests them.
 */
export function focusOrder(layout: Layout): FocusItem[] {
  const owned = new Map<string, LayoutLink[]>();
  const loose: LayoutLink[] = [];
  const nodeKeys = new Set(layout.nodes.filter((n) => n.clickable).map((n) => n.key));
  for (const l of layout.links) {
    if (!l.detailsKey) continue;
    if (l.owner && nodeKeys.has(l.owner)) owned.set(l.owner, [...(owned.get(l.owner) ?? []), l]);
    else loose.push(l);
  }
  const items: FocusItem[] = [];
  for (const n of layout.nodes) {
    if (!n.clickable) continue;
    items.push(nodeItem(n));
    for (const l of owned.get(n.key) ?? []) items.push(linkItem(l));
  }
  return [...items, ...loose.map(linkItem)];
}

/**
 * Where a key press goes from `from` (null: nowhere yet, so the first item). Next and previous follow the reading
 * order and stop at its ends; up and down go to the nearest item above or below, counting sideways distance double,
 * except from a link, which they follow to its network or its sandbox.
 */
export function moveFocus(items: readonly FocusItem[], from: string | null, move: FocusMove): string | null {
  if (!items.length) return null;
  const i = from === null ? -1 : items.findIndex((it) => it.key === from);
  if (move === 'first' || i < 0) return items[0].key;
  if (move === 'last') return items[items.length - 1].key;
  if (move === 'next') return items[Math.min(i + 1, items.length - 1)].key;
  if (move === 'prev') return items[Math.max(i - 1, 0)].key;
  const here = items[i];
  const end = move === 'up' ? here.up : here.down;
  if (end && items.some((it) => it.key === end)) return end;
  const sign = move === 'down' ? 1 : -1;
  let best: FocusItem | null = null;
  let bestScore = Infinity;
  for (const it of items) {
    const dy = (it.y - here.y) * sign;
    if (it === here || dy < 1) continue;
    const score = dy + 2 * Math.abs(it.x - here.x);
    if (score < bestScore) [best, bestScore] = [it, score];
  }
  return (best ?? here).key;
}

/**
 * Type-ahead: the next item (after `from`, wrapping) whose name or label starts with `typed`, case-insensitively.
 * A longer query may stay on the current item; a single letter moves on, so pressing it again cycles.
 */
export function typeAhead(items: readonly FocusItem[], from: string | null, typed: string): string | null {
  const q = typed.toLowerCase();
  if (!q || !items.length) return null;
  const i = from === null ? -1 : items.findIndex((it) => it.key === from);
  const start = q.length === 1 ? i + 1 : Math.max(i, 0);
  for (let k = 0; k < items.length; k++) {
    const it = items[(start + k) % items.length];
    if (it.name.toLowerCase().startsWith(q) || it.label.toLowerCase().startsWith(q)) return it.key;
  }
  return null;
}

/** Where focus goes when its object leaves the drawing: the next object that stays, else the previous one. */
export function survivor(before: readonly FocusItem[], after: readonly FocusItem[], gone: string): string | null {
  const still = new Set(after.map((it) => it.key));
  if (still.has(gone)) return gone;
  const i = before.findIndex((it) => it.key === gone);
  if (i < 0) return after[0]?.key ?? null;
  for (let k = i + 1; k < before.length; k++) if (still.has(before[k].key)) return before[k].key;
  for (let k = i - 1; k >= 0; k--) if (still.has(before[k].key)) return before[k].key;
  return after[0]?.key ?? null;
}
