// The details panel's content: for a clicked topology object, the commands a learner would type to inspect it
// (`docker network inspect`, `docker inspect`, `ip addr` in the right namespace), run read-only on the live world.
import type { World } from '../core/world';
import { Session } from '../shell/session';
import { projectTopology } from '../core/topology/project';
import type { Details } from './protocol';

interface Probe {
  /** What the learner would type on the host. */
  command: string;
  /** What actually runs, and in which namespace (defaults: the same line, the host's root namespace). */
  run?: string;
  netns?: string;
}

async function capture(world: World, host: string, probe: Probe): Promise<{ code: number; text: string }> {
  // Read-only probes of the live world: no time passes.
  const session = new Session(world, host, { thinkTimeUs: () => 0 });
  if (probe.netns) session.pushEnv({ ...session.env, netns: probe.netns, vars: {} });
  let text = '';
  const write = (t: string) => (text += t);
  const code = await session.run(probe.run ?? probe.command, { out: write, err: write, readLine: async () => null });
  return { code, text };
}

function splitIfaceKey(key: string): [string, string] {
  const i = key.lastIndexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** The probes for one object, its host, and a title; null when the key names nothing in the world. */
function probesFor(world: World, key: string): { title: string; host: string; probes: Probe[]; fallback: unknown } | null | undefined {
  const model = projectTopology(world);
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  switch (kind) {
    case 'host': {
      const h = model.hosts.find((x) => x.name === id);
      return h && { title: `Host ${id}`, host: id, probes: [{ command: 'ip addr' }, { command: 'ip route' }], fallback: h };
    }
    case 'segment': {
      const s = model.segments.find((x) => x.name === id);
      return s && { title: `LAN ${s.name} ${s.cidr}`, host: model.hosts[0]?.name ?? '', probes: [], fallback: s };
    }
    case 'network': {
      const n = model.networks.find((x) => x.id === id);
      return n && { title: `Network ${n.name}`, host: n.host, probes: [{ command: `docker network inspect ${n.name}` }], fallback: n };
    }
    case 'sandbox': {
      const sb = model.sandboxes.find((x) => x.id === id);
      if (!sb) return null;
      const key = world.state.docker[sb.host]?.sandboxes[sb.id]?.key ?? sb.netns;
      const probes: Probe[] = [{ command: `docker inspect ${sb.name}` }];
      if (sb.mode !== 'host') probes.push({ command: `sudo nsenter --net=${key} ip addr`, run: 'ip addr', netns: sb.netns });
      return { title: `Sandbox of ${sb.containers.join(', ')}`, host: sb.host, probes, fallback: sb };
    }
    case 'endpoint': {
      const ep = model.endpoints.find((x) => x.id === id);
      const sb = ep && model.sandboxes.find((x) => x.id === ep.sandboxId);
      if (!ep || !sb) return null;
      const key = world.state.docker[sb.host]?.sandboxes[sb.id]?.key ?? sb.netns;
      const probes: Probe[] = [];
      if (ep.hostIfname) probes.push({ command: `ip -d link show ${ep.hostIfname}` });
      if (ep.ifname && sb.mode !== 'host') probes.push({ command: `sudo nsenter --net=${key} ip addr show dev ${ep.ifname}`, run: `ip addr show dev ${ep.ifname}`, netns: sb.netns });
      return { title: `Endpoint ${ep.ifname || ep.id.slice(0, 12)} of ${sb.name}`, host: sb.host, probes, fallback: ep };
    }
    case 'netns': {
      const ns = model.namespaces.find((x) => x.id === id);
      return ns && { title: `Namespace ${ns.name}`, host: ns.host, probes: [{ command: `ip netns exec ${ns.name} ip addr` }], fallback: ns };
    }
    case 'iface': {
      const [prefix, ifname] = splitIfaceKey(id);
      const ns = world.state.netns[prefix] ?? world.state.netns[world.state.hosts[prefix]?.rootNs ?? ''];
      if (!ns) return null;
      const iface = [...model.hosts, ...model.sandboxes, ...model.namespaces].flatMap((h) => h.interfaces).find((i) => i.key === id);
      if (ns.kind === 'root') return { title: `Interface ${ifname} on ${ns.host}`, host: ns.host, probes: [{ command: `ip addr show dev ${ifname}` }], fallback: iface };
      const sbKey = Object.values(world.state.docker[ns.host]?.sandboxes ?? {}).find((s) => s.netns === ns.id)?.key ?? ns.id;
      const shown = ns.kind === 'named' ? `ip netns exec ${ns.name} ip addr show dev ${ifname}` : `sudo nsenter --net=${sbKey} ip addr show dev ${ifname}`;
      return { title: `Interface ${ifname}`, host: ns.host, probes: [{ command: shown, run: `ip addr show dev ${ifname}`, netns: ns.id }], fallback: iface };
    }
    default:
      return null;
  }
}

/** Runs the probes; a tool the lab does not have yet (exit 127) is replaced by the object as the view knows it. */
export async function detailsFor(world: World, key: string): Promise<Details> {
  const found = probesFor(world, key);
  if (!found) return { key, title: key, sections: [{ command: '', output: 'This object no longer exists.' }] };
  const sections: Details['sections'] = [];
  for (const p of found.probes) {
    const r = await capture(world, found.host, p);
    if (r.code !== 127) sections.push({ command: p.command, output: r.text });
  }
  if (sections.length === 0) sections.push({ command: '', output: JSON.stringify(found.fallback, null, 4) });
  return { key, title: found.title, sections };
}
