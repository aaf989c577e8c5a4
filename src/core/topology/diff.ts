// Topology diffs: what changed between two projections of the world, keyed per CNM object, and how to apply it.
// The worker sends diffs after each command; the view animates exactly the objects a diff names.
import type { TopoEndpoint, TopoHost, TopoNamespace, TopoNetwork, TopoSandbox, TopoSegment, TopologyModel } from './model';

export type TopoCollection = 'segments' | 'hosts' | 'networks' | 'sandboxes' | 'endpoints' | 'namespaces';

/** One object of the model with its collection; `key` is unique across the model (`network:<id>`, `host:host1`). */
export type TopoItem =
  | { collection: 'segments'; key: string; value: TopoSegment }
  | { collection: 'hosts'; key: string; value: TopoHost }
  | { collection: 'networks'; key: string; value: TopoNetwork }
  | { collection: 'sandboxes'; key: string; value: TopoSandbox }
  | { collection: 'endpoints'; key: string; value: TopoEndpoint }
  | { collection: 'namespaces'; key: string; value: TopoNamespace };

export interface TopologyDiff {
  /** Objects that are new or whose fields changed (whole objects: small, and simple to apply). */
  upserts: TopoItem[];
  /** Keys of objects that no longer exist. */
  removed: string[];
  /** The full key order of each collection whose membership changed. */
  order: Partial<Record<TopoCollection, string[]>>;
}

const COLLECTIONS: TopoCollection[] = ['segments', 'hosts', 'networks', 'sandboxes', 'endpoints', 'namespaces'];

/** The model-wide key of an object: `segment:lan0`, `host:host1`, `network:<id>`, `sandbox:<id>`, `endpoint:<id>`, `netns:<id>`. */
export function itemKey(collection: TopoCollection, value: { name?: string; id?: string }): string {
  switch (collection) {
    case 'segments':
      return `segment:${value.name}`;
    case 'hosts':
      return `host:${value.name}`;
    case 'networks':
      return `network:${value.id}`;
    case 'sandboxes':
      return `sandbox:${value.id}`;
    case 'endpoints':
      return `endpoint:${value.id}`;
    case 'namespaces':
      return `netns:${value.id}`;
  }
}

function itemsOf(model: TopologyModel, collection: TopoCollection): TopoItem[] {
  return (model[collection] as { name?: string; id?: string }[]).map((value) => ({ collection, key: itemKey(collection, value), value }) as TopoItem);
}

/** What turns `prev` into `next`. An empty diff (no upserts, no removals) means nothing visible changed. */
export function diffTopology(prev: TopologyModel, next: TopologyModel): TopologyDiff {
  const diff: TopologyDiff = { upserts: [], removed: [], order: {} };
  for (const c of COLLECTIONS) {
    const before = new Map(itemsOf(prev, c).map((i) => [i.key, JSON.stringify(i.value)]));
    const after = itemsOf(next, c);
    let membershipChanged = before.size !== after.length;
    for (const item of after) {
      const old = before.get(item.key);
      if (old === undefined) membershipChanged = true;
      if (old !== JSON.stringify(item.value)) diff.upserts.push(item);
      before.delete(item.key);
    }
    diff.removed.push(...before.keys());
    const prevKeys = itemsOf(prev, c).map((i) => i.key);
    const nextKeys = after.map((i) => i.key);
    if (membershipChanged || prevKeys.join('\n') !== nextKeys.join('\n')) diff.order[c] = nextKeys;
  }
  return diff;
}

export function isEmptyDiff(diff: TopologyDiff): boolean {
  return diff.upserts.length === 0 && diff.removed.length === 0 && Object.keys(diff.order).length === 0;
}

/** Applies a diff to a model, returning a new model (the old one is not modified). */
export function applyTopologyDiff(prev: TopologyModel, diff: TopologyDiff): TopologyModel {
  const removed = new Set(diff.removed);
  const next = {} as Record<TopoCollection, unknown[]>;
  for (const c of COLLECTIONS) {
    const byKey = new Map<string, unknown>();
    for (const item of itemsOf(prev, c)) if (!removed.has(item.key)) byKey.set(item.key, item.value);
    for (const item of diff.upserts) if (item.collection === c) byKey.set(item.key, item.value);
    const order = diff.order[c] ?? [...byKey.keys()];
    next[c] = order.flatMap((k) => (byKey.has(k) ? [byKey.get(k)] : []));
  }
  return next as unknown as TopologyModel;
}
