// Plain-words descriptions of topology objects for the text view and for announcing changes to screen readers.
import type { TopoEndpoint, TopoInterface, TopoNetwork, TopoSandbox, TopologyModel } from '../../worker/protocol';

export function describeInterface(i: TopoInterface): string {
  return `${i.name} ${i.addrs.join(', ') || 'no address'} (${i.kind}${i.master ? `, port of ${i.master}` : ''}${i.up ? '' : ', down'})`;
}

export function describeNetwork(n: TopoNetwork): string {
  return `Network ${n.name}: driver ${n.driver}${n.subnets.length ? `, subnet ${n.subnets.join(', ')}` : ''}${n.bridge ? `, bridge ${n.bridge}` : ''}${n.internal ? ', internal' : ''}`;
}

export function describeSandbox(s: TopoSandbox): string {
  return `Sandbox of ${s.containers.join(', ')} (${s.mode})`;
}

export function describeEndpoint(e: TopoEndpoint, model: TopologyModel): string {
  const sb = model.sandboxes.find((s) => s.id === e.sandboxId);
  const net = model.networks.find((n) => n.id === e.networkId);
  const where = `${sb?.name ?? e.sandboxId.slice(0, 12)} on ${net?.name ?? e.networkId.slice(0, 12)}`;
  return e.hostIfname ? `Endpoint ${where}: ${e.ifname} ${e.ipv4} via veth ${e.hostIfname}` : `Endpoint ${where}: no interface (${net?.driver === 'host' ? 'host stack' : 'only lo'})`;
}

/** The name of the object a model key refers to, in `model` (or null when it is not there). */
export function nameOf(model: TopologyModel, key: string): string | null {
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  switch (kind) {
    case 'network':
      return model.networks.find((n) => n.id === id)?.name.replace(/^/, 'network ') ?? null;
    case 'sandbox': {
      const s = model.sandboxes.find((x) => x.id === id);
      return s ? `sandbox of ${s.name}` : null;
    }
    case 'endpoint': {
      const e = model.endpoints.find((x) => x.id === id);
      return e ? `endpoint ${describeEndpoint(e, model).replace(/^Endpoint /, '')}` : null;
    }
    case 'netns':
      return model.namespaces.find((n) => n.id === id)?.name.replace(/^/, 'namespace ') ?? null;
    case 'host':
      return model.hosts.some((h) => h.name === id) ? `host ${id}` : null;
    default:
      return null;
  }
}

/** "Added network alpine-net. Removed sandbox of web." for the keys a change touched. */
export function announceChanges(prev: TopologyModel | null, next: TopologyModel, changed: readonly string[]): string {
  const words: string[] = [];
  for (const key of changed) {
    const before = prev ? nameOf(prev, key) : null;
    const after = nameOf(next, key);
    if (after && !before) words.push(`Added ${after}.`);
    else if (before && !after) words.push(`Removed ${before}.`);
    else if (after && !key.startsWith('host:')) words.push(`Changed ${after}.`);
  }
  return words.join(' ');
}
