// Where a check looks or starts from: a host's root namespace, a container's sandbox namespace, or a named
// namespace (`ip netns add`). Authors write a name; `host:`, `container:` and `netns:` prefixes disambiguate.
import type { World } from '../../core/world';
import type { NetnsId } from '../../core/kernel/types';
import { containerNetns } from '../../core/docker/container-start';
import { findContainerAnywhere } from './docker-view';
import { netnsByName } from '../../core/kernel/netns-names';

export interface Place {
  kind: 'host' | 'container' | 'netns';
  /** As the author wrote it, for messages. */
  label: string;
  host: string;
  netns: NetnsId;
  containerId?: string;
  containerName?: string;
}

/** Resolves `spec` (default: the first host) or returns why it cannot. */
export function resolvePlace(world: World, spec: string | undefined): Place | { error: string } {
  const hosts = world.hostNames();
  if (spec === undefined) {
    const host = hosts[0];
    return { kind: 'host', label: host, host, netns: world.host(host).rootNs };
  }
  const m = /^(host|container|netns):(.*)$/.exec(spec);
  const prefix = m?.[1];
  const name = m ? m[2] : spec;
  if ((!prefix || prefix === 'container') && world.state.docker) {
    const hit = findContainerAnywhere(world, name);
    if (hit) {
      const { container } = hit;
      const engine = world.state.docker[hit.host];
      const record = engine.containers?.[container.id];
      // `--network host` shares the host's namespace, `container:NAME` another container's.
      const netns = container.running && record ? containerNetns(world, engine, record) : null;
      if (!netns) return { error: `container ${name} is not running` };
      return { kind: 'container', label: spec, host: hit.host, netns, containerId: container.id, containerName: container.name };
    }
    if (prefix) return { error: `no container ${name}` };
  }
  if ((!prefix || prefix === 'host') && world.state.hosts[name]) {
    return { kind: 'host', label: spec, host: name, netns: world.host(name).rootNs };
  }
  if (!prefix || prefix === 'netns') {
    for (const host of world.hostNames()) {
      const ns = netnsByName(world, host, name);
      if (ns) return { kind: 'netns', label: spec, host, netns: ns.id };
    }
  }
  return { error: `no ${prefix ?? 'container, host or namespace'} named ${name}` };
}
