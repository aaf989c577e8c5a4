// `reachable` and `resolves`: decided by the packet walker and the stub resolver, exactly as `ping`, `curl` and
// `nslookup` would find out, on a scratch copy so counters, ARP and conntrack in the learner's world stay as they are.
import type { World } from '../../core/world';
import type { ReachableArgs, ResolvesArgs } from '../schema/predicates';
import { parseIpv4, formatIpv4 } from '../../core/net/ipv4';
import { reachable, walk } from '../../core/sim/walker';
import { resolve } from '../../core/dns';
import { containerByName, containerById, engineFor, findContainerAnywhere } from './docker-view';
import { resolvePlace, type Place } from './place';
import { fail, pass, type CheckEnv, type CheckOutcome } from './types';

function fsRootOf(place: Place): string {
  return place.kind === 'container' ? `ctr:${place.containerId}` : place.host;
}

/** The address a container is reached at from `from`: on a network they share, else its first one. */
function containerAddress(world: World, name: string, from: Place): string | null {
  const hit = findContainerAnywhere(world, name);
  if (!hit) return null;
  const target = hit.container;
  const fromC = from.containerId ? containerById(world, from.containerId) : undefined;
  const shared = fromC ? target.endpoints.find((e) => fromC.endpoints.some((f) => f.networkId === e.networkId)) : undefined;
  const ep = shared ?? target.endpoints.find((e) => e.ipv4);
  return ep?.ipv4 ? ep.ipv4.split('/')[0] : null;
}

/** The address of host `name`: the first global address of its physical NIC. */
function hostAddress(world: World, name: string): string | null {
  const ns = world.state.netns[world.host(name).rootNs];
  const link = ns.links.find((l) => l.kind === 'ether' && l.addrs.length) ?? ns.links.find((l) => l.kind !== 'loopback' && l.addrs.length);
  return link ? formatIpv4(link.addrs[0].ip) : null;
}

/** Turns `to` into an address as the check means it; `{ error }` when there is none. */
function destination(world: World, from: Place, target: string, viaDns: boolean): { ip: string } | { error: string } {
  if (parseIpv4(target) !== null) return { ip: target };
  if (!viaDns) {
    if (findContainerAnywhere(world, target)) {
      const ip = containerAddress(world, target, from);
      return ip ? { ip } : { error: `container ${target} has no address` };
    }
    if (world.state.hosts[target]) {
      const ip = hostAddress(world, target);
      return ip ? { ip } : { error: `host ${target} has no address` };
    }
  }
  const r = resolve(world, { netns: from.netns, fsRoot: fsRootOf(from) }, target, { emit: false });
  return r.addresses.length ? { ip: r.addresses[0] } : { error: `${target} does not resolve from ${from.label}` };
}

export function evalReachable(a: ReachableArgs, env: CheckEnv): CheckOutcome {
  const world = env.scratch();
  const from = resolvePlace(world, a.from);
  if ('error' in from) return fail(from.error);
  const m = /^(.+):(\d+)$/.exec(a.to);
  const target = m ? m[1] : a.to;
  const port = a.port ?? (m ? Number(m[2]) : undefined);
  const dst = destination(world, from, target, a.via === 'dns');
  if ('error' in dst) return fail(dst.error);
  const proto = a.proto ?? (port === undefined ? 'icmp' : 'tcp');
  if (proto !== 'icmp' && port === undefined) return fail(`${proto} needs a port`);
  const trace =
    proto === 'udp'
      ? walk(world, { from: from.netns, proto: 'udp', dst: dst.ip, dport: port, emit: false })
      : reachable(world, from.netns, dst.ip, proto === 'tcp' ? port : undefined).trace;
  const shown = target === dst.ip ? dst.ip : `${target} (${dst.ip})`;
  return trace.outcome === 'replied' ? pass(`${a.from} reaches ${shown}`) : fail(`${shown}: ${trace.reason}`);
}

export function evalResolves(a: ResolvesArgs, env: CheckEnv): CheckOutcome {
  const world = env.scratch();
  const from = resolvePlace(world, a.from);
  if ('error' in from) return fail(from.error);
  const r = resolve(world, { netns: from.netns, fsRoot: fsRootOf(from) }, a.name, { emit: false });
  if (!r.addresses.length) return fail(`${a.name} does not resolve from ${a.from}${r.error ? ` (${r.error})` : ''}`);
  if (a.to === undefined) return pass(`${a.name} is ${r.addresses.join(', ')}`);
  let want: string[] = [a.to];
  if (parseIpv4(a.to) === null) {
    const engine = engineFor(world);
    const c = engine && containerByName(engine, a.to);
    if (!c) return fail(`there is no container ${a.to}`);
    want = c.endpoints.map((e) => e.ipv4.split('/')[0]).filter(Boolean);
  }
  return r.addresses.some((x) => want.includes(x)) ? pass(`${a.name} is ${r.addresses.join(', ')}`) : fail(`${a.name} resolves to ${r.addresses.join(', ')}`);
}
