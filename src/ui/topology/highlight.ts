// Which drawn objects to outline after a change: the changed CNM objects themselves, and for a changed host only the
// interfaces that really changed (a new veth shows up on its endpoint link, not as a whole-host outline).
import type { TopologyModel } from '../../worker/protocol';

export function highlightKeys(prev: TopologyModel | null, next: TopologyModel, changed: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const key of changed) {
    if (!key.startsWith('host:')) {
      out.add(key);
      continue;
    }
    const name = key.slice('host:'.length);
    const before = new Map((prev?.hosts.find((h) => h.name === name)?.interfaces ?? []).map((i) => [i.key, JSON.stringify(i)]));
    for (const i of next.hosts.find((h) => h.name === name)?.interfaces ?? []) {
      if (before.get(i.key) === JSON.stringify(i)) continue;
      out.add(`iface:${i.key}`);
      const net = next.networks.find((n) => n.host === name && n.bridge === i.name);
      if (net) out.add(`network:${net.id}`);
    }
  }
  return out;
}
