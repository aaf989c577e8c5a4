// Naming things for `cnlab trace`: a namespace name, a container name or ID, or a host name -> the namespace
// (and files root) a walk starts from; and a readable label for every namespace a trace passes.
import type { World } from '../../../core/world';
import type { Netns } from '../../../core/kernel/types';

export interface TraceSource {
  netns: string;
  fsRoot: string;
  label: string;
}

/** Finds FROM: a named netns on `host`, then a container (name or ID prefix) on any host, then a host. */
export function findSource(world: World, host: string, name: string): TraceSource | null {
  const named = world.state.netns[`${host}/netns/${name}`];
  if (named) return { netns: named.id, fsRoot: host, label: `netns ${name}` };
  for (const [h, engine] of Object.entries(world.state.docker)) {
    for (const c of Object.values(engine.containers ?? {})) {
      if (c.name !== name && !(name.length >= 3 && c.id.startsWith(name))) continue;
      const sb = c.sandboxId ? engine.sandboxes[c.sandboxId] : undefined;
      if (!sb) return null;
      return { netns: sb.netns, fsRoot: `ctr:${c.id}`, label: `container ${c.name}${h === host ? '' : ` on ${h}`}` };
    }
  }
  const hs = world.state.hosts[name];
  if (hs) return { netns: hs.rootNs, fsRoot: name, label: name };
  return null;
}

/** `host1`, `netns red`, `container web` (the container's name when Docker knows the namespace). */
export function labelOf(world: World, netnsId: string): string {
  const ns: Netns | undefined = world.state.netns[netnsId];
  if (!ns) return netnsId.endsWith(':router') ? `${netnsId.split(':')[0]} router` : netnsId;
  if (ns.kind === 'root') return ns.host;
  if (ns.kind === 'named') return `netns ${ns.name}`;
  const engine = world.state.docker[ns.host];
  for (const c of Object.values(engine?.containers ?? {})) {
    const sb = c.sandboxId ? engine!.sandboxes[c.sandboxId] : undefined;
    if (sb?.netns === ns.id) return `container ${c.name}`;
  }
  return `${ns.kind} ${ns.id.split('/').pop()}`;
}
