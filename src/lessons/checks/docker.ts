// Docker predicates over the daemon's state: a network exists (driver, IPAM, options), a container exists / runs /
// is on networks / has an address, a network's endpoint count.
import type { ContainerArgs, EndpointsArgs, NetworkArgs } from '../schema/predicates';
import { canonical, cidrContains, formatCidr, parseCidr } from '../../core/net/cidr';
import { parseIpv4 } from '../../core/net/ipv4';
import { containerByName, endpointsOf, engineFor, networkByName } from './docker-view';
import { fail, pass, type CheckEnv, type CheckOutcome } from './types';

/** `10.1.0.7/24` and `10.1.0.0/24` name the same subnet; anything unparsable compares as text. */
function sameSubnet(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x && y ? formatCidr(canonical(x)) === formatCidr(canonical(y)) : a === b;
}

/** `alpine`, `alpine:latest` and `docker.io/library/alpine:latest` are one image. */
export function sameImage(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^docker\.io\//, '').replace(/^library\//, '').replace(/:latest$/, '');
  return norm(a) === norm(b);
}

function noEngine(host: string | undefined): CheckOutcome {
  return fail(host ? `${host} has no Docker engine` : 'no host runs Docker');
}

export function evalNetwork(a: NetworkArgs, env: CheckEnv): CheckOutcome {
  const engine = engineFor(env.world, a.host);
  if (!engine) return noEngine(a.host);
  const n = networkByName(engine, a.name);
  if (!n) return fail(`there is no network ${a.name}`);
  const pools = n.ipam.config ?? [];
  const problems: string[] = [];
  if (a.driver !== undefined && n.driver !== a.driver) problems.push(`its driver is ${n.driver}`);
  if (a.subnet !== undefined && !pools.some((p) => sameSubnet(p.subnet, a.subnet!))) problems.push(`its subnets are ${pools.map((p) => p.subnet).join(', ') || 'none'}`);
  if (a.gateway !== undefined && !pools.some((p) => p.gateway === a.gateway)) problems.push(`its gateways are ${pools.map((p) => p.gateway).filter(Boolean).join(', ') || 'none'}`);
  if (a.ipRange !== undefined && !pools.some((p) => p.ipRange && sameSubnet(p.ipRange, a.ipRange!))) problems.push(`its IP ranges are ${pools.map((p) => p.ipRange).filter(Boolean).join(', ') || 'none'}`);
  if (a.internal !== undefined && n.internal !== a.internal) problems.push(n.internal ? 'it is internal' : 'it is not internal');
  if (a.attachable !== undefined && n.attachable !== a.attachable) problems.push(n.attachable ? 'it is attachable' : 'it is not attachable');
  for (const [k, v] of Object.entries(a.options ?? {})) if (n.options[k] !== v) problems.push(n.options[k] === undefined ? `it has no option ${k}` : `its option ${k} is ${n.options[k]}`);
  for (const [k, v] of Object.entries(a.labels ?? {})) if (n.labels[k] !== v) problems.push(n.labels[k] === undefined ? `it has no label ${k}` : `its label ${k} is ${n.labels[k]}`);
  return problems.length ? fail(`network ${a.name} exists, but ${problems.join('; ')}`) : pass();
}

export function evalContainer(a: ContainerArgs, env: CheckEnv): CheckOutcome {
  const engine = engineFor(env.world, a.host);
  if (!engine) return noEngine(a.host);
  const c = containerByName(engine, a.name);
  if (!c) return fail(`there is no container ${a.name}`);
  const problems: string[] = [];
  if (a.running !== undefined && c.running !== a.running) problems.push(c.running ? 'it is running' : 'it is not running');
  if (a.image !== undefined && !sameImage(c.image, a.image)) problems.push(`its image is ${c.image}`);
  const nets = a.network === undefined ? [] : Array.isArray(a.network) ? a.network : [a.network];
  const missing = nets.filter((n) => !c.networks.includes(n));
  if (missing.length) problems.push(`it is on ${c.networks.join(', ') || 'no network'}, not ${missing.join(', ')}`);
  if (a.networkMode !== undefined && c.networkMode !== a.networkMode) problems.push(`its network mode is ${c.networkMode}`);
  if (a.ip !== undefined) {
    const addrs = c.endpoints.map((e) => e.ipv4.split('/')[0]).filter(Boolean);
    const want = parseCidr(a.ip);
    const has = a.ip.includes('/') && want ? addrs.some((x) => cidrContains(want, parseIpv4(x) ?? -1)) : addrs.includes(a.ip);
    if (!has) problems.push(addrs.length ? `its addresses are ${addrs.join(', ')}` : 'it has no address');
  }
  if (a.hostname !== undefined && c.hostname !== a.hostname) problems.push(`its hostname is ${c.hostname}`);
  return problems.length ? fail(`container ${a.name} exists, but ${problems.join('; ')}`) : pass();
}

export function evalEndpoints(a: EndpointsArgs, env: CheckEnv): CheckOutcome {
  const engine = engineFor(env.world, a.host);
  if (!engine) return noEngine(a.host);
  const n = networkByName(engine, a.network);
  if (!n) return fail(`there is no network ${a.network}`);
  const count = endpointsOf(engine, n).length;
  const ok = (a.count === undefined || count === a.count) && (a.min === undefined || count >= a.min) && (a.max === undefined || count <= a.max);
  const detail = `network ${a.network} has ${count} ${count === 1 ? 'endpoint' : 'endpoints'}`;
  return ok ? pass(detail) : fail(detail);
}
