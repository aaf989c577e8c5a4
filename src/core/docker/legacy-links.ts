// Legacy container links on the default bridge (`docker run --link NAME[:ALIAS]`): registered at create
// (HostConfig.Links as `/child:/parent/alias`), checked at start (the child must run on the default bridge), and
// written into the parent's /etc/hosts as `IP\talias childHostname childName`.
import { DaemonError } from './errors';
import { findContainer } from './lookup';
import type { Container, DockerEngineState } from './types';

export interface Link {
  child: Container;
  alias: string;
}

/** registerLinks: each `name[:alias]` names an existing container; returns HostConfig.Links. */
export function registerLinks(engine: DockerEngineState, parentName: string, specs: string[]): string[] {
  return specs.map((spec) => {
    const [name, alias = name] = spec.split(':');
    const child = findContainer(engine, name);
    if (!child) throw new DaemonError(`could not get container for ${name}: No such container: ${name}`, 400);
    return `/${child.name}:/${parentName}/${alias}`;
  });
}

/** The links of `c` whose child still exists. */
export function linksOf(engine: DockerEngineState, c: Container): Link[] {
  const out: Link[] = [];
  for (const l of c.hostConfig.links ?? []) {
    const m = /^\/([^:]+):\/[^/]+\/(.+)$/.exec(l);
    const child = m ? findContainer(engine, m[1]) : undefined;
    if (m && child) out.push({ child, alias: m[2] });
  }
  return out;
}

/** The child's address on the default bridge, or null when it has none. */
export function defaultBridgeIp(engine: DockerEngineState, child: Container): string | null {
  for (const entry of Object.values(child.networks)) {
    const n = engine.networks[entry.networkId];
    if (n?.predefined && n.driver === 'bridge') return engine.endpoints[entry.endpointId]?.ipv4.split('/')[0] ?? null;
  }
  return null;
}

/** At start: every child runs and sits on the default bridge. */
export function checkLinks(engine: DockerEngineState, c: Container): void {
  for (const { child, alias } of linksOf(engine, c)) {
    if (child.state.status !== 'running') throw new DaemonError(`Cannot link to a non running container: /${child.name} AS /${c.name}/${alias}`, 400);
    if (defaultBridgeIp(engine, child) === null) throw new DaemonError(`Cannot link to /${child.name}, as it does not belong to the default network`, 400);
  }
}

/** The /etc/hosts lines the links add (buildSandboxOptions' extra hosts). */
export function linkHostsLines(engine: DockerEngineState, c: Container): string {
  let s = '';
  for (const { child, alias } of linksOf(engine, c)) {
    const ip = defaultBridgeIp(engine, child);
    if (!ip) continue;
    s += `${ip}\t${alias} ${child.config.hostname}${alias !== child.name ? ` ${child.name}` : ''}\n`;
  }
  return s;
}
