// Projects the World onto the topology model; kernel state decides what interfaces and addresses are shown.
import type { World } from '../world';
import type { Netns } from '../kernel/types';
import { formatIpv4 } from '../net/ipv4';
import { resolveLinkRef } from '../kernel/links';
import type { TopoInterface, TopologyModel } from './model';

function interfacesOf(world: World, ns: Netns, keyPrefix: string): TopoInterface[] {
  return ns.links.map((l) => {
    const peer = l.peer ? resolveLinkRef(world, l.peer) : undefined;
    return {
      key: `${keyPrefix}:${l.name}`,
      name: l.name,
      kind: l.kind,
      mac: l.mac,
      up: l.up,
      addrs: l.addrs.map((a) => `${formatIpv4(a.ip)}/${a.prefixLen}`),
      master: l.master === null ? null : (ns.links.find((m) => m.ifindex === l.master)?.name ?? null),
      peer: peer ? `${nsKey(peer.ns)}:${peer.link.name}` : null,
    };
  });
}

/** The key prefix of a namespace's interfaces: the host name for root namespaces, else the namespace id. */
export function nsKey(ns: Netns): string {
  return ns.kind === 'root' ? ns.host : ns.id;
}

export function projectTopology(world: World): TopologyModel {
  const model: TopologyModel = { hosts: [], networks: [], sandboxes: [], endpoints: [], namespaces: [] };
  for (const name of world.hostNames()) {
    const host = world.host(name);
    const root = world.state.netns[host.rootNs];
    model.hosts.push({ name, interfaces: interfacesOf(world, root, nsKey(root)) });
    for (const ns of Object.values(world.state.netns).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (ns.host === name && ns.kind === 'named') {
        model.namespaces.push({ id: ns.id, host: name, name: ns.name ?? ns.id, interfaces: interfacesOf(world, ns, nsKey(ns)) });
      }
    }
    const engine = world.state.docker[name];
    if (!engine) continue;
    for (const n of Object.values(engine.networks).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      model.networks.push({
        id: n.id,
        name: n.name,
        driver: n.driver,
        scope: n.scope,
        host: name,
        subnets: (n.ipam.config ?? []).map((c) => c.subnet),
        gateways: (n.ipam.config ?? []).map((c) => c.gateway).filter(Boolean),
        bridge: n.bridgeName ?? null,
        internal: n.internal,
      });
    }
    for (const sb of Object.values(engine.sandboxes).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const ns = world.state.netns[sb.netns];
      model.sandboxes.push({
        id: sb.id,
        host: name,
        name: sb.containerId.slice(0, 12),
        mode: ns?.kind === 'root' ? 'host' : 'bridge',
        netns: sb.netns,
        interfaces: ns && ns.kind !== 'root' ? interfacesOf(world, ns, nsKey(ns)) : [],
        running: true,
      });
    }
    for (const ep of Object.values(engine.endpoints).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      model.endpoints.push({
        id: ep.id,
        host: name,
        sandboxId: ep.sandboxId,
        networkId: ep.networkId,
        ifname: ep.ifname,
        hostIfname: ep.hostIfname,
        ipv4: ep.ipv4,
        mac: ep.mac,
      });
    }
  }
  return model;
}
