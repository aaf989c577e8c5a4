// libnetwork's port mapper for bridge endpoints: host ports from `-p`/`-P` (ephemeral ones from 32768 upward),
// a docker-proxy listening on the host for each, and the DNAT/ACCEPT/hairpin rules; released on stop.
import type { World } from '../world';
import { AddressInUseError, addListener, removeListener } from '../kernel/sockets';
import { DaemonError } from './errors';
import { programPortMapping, type PortMapping } from './iptables-rules';
import type { Container, DockerEngineState, Endpoint, Network, PortBinding } from './types';

/** /proc/sys/net/ipv4/ip_local_port_range on Ubuntu: where ephemeral host ports come from. */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

function portKey(proto: string, ip: string, port: number): string {
  return `${proto}/${ip}/${port}`;
}

function allocated(engine: DockerEngineState): string[] {
  return (engine.allocatedHostPorts ??= []);
}

/** The ports to publish: explicit bindings plus, with -P, every exposed port on an ephemeral host port. */
export function requestedBindings(c: Container): Record<string, PortBinding[]> {
  const out: Record<string, PortBinding[]> = {};
  for (const [port, list] of Object.entries(c.hostConfig.portBindings)) out[port] = list.map((b) => ({ ...b }));
  if (c.hostConfig.publishAllPorts) {
    for (const port of c.config.exposedPorts) if (!out[port]?.length) out[port] = [{ hostIp: '', hostPort: '' }];
  }
  return out;
}

function pickHostPort(engine: DockerEngineState, proto: string, ip: string, wanted: string): number | null {
  const taken = new Set(allocated(engine));
  const isTaken = (p: number) => taken.has(portKey(proto, ip, p)) || (ip !== '0.0.0.0' && taken.has(portKey(proto, '0.0.0.0', p)));
  if (wanted === '') {
    for (let p = EPHEMERAL_FIRST; p <= EPHEMERAL_LAST; p++) if (!isTaken(p)) return p;
    return null;
  }
  const [lo, hi] = wanted.includes('-') ? wanted.split('-').map(Number) : [Number(wanted), Number(wanted)];
  for (let p = lo; p <= hi; p++) if (!isTaken(p)) return p;
  return -lo;
}

/**
 * ProgramExternalConnectivity: maps every requested port to the endpoint's address and records the host side in
 * `c.ports`. Throws the daemon's error (with everything already published undone).
 */
export function publishPorts(world: World, engine: DockerEngineState, c: Container, ep: Endpoint, n: Network): void {
  const rootNs = world.host(engine.host).rootNs;
  const containerIp = ep.ipv4.split('/')[0];
  c.portTarget = { ip: containerIp, bridge: n.bridgeName! };
  for (const [port, bindings] of Object.entries(requestedBindings(c))) {
    const [cport, proto] = port.split('/') as [string, 'tcp' | 'udp'];
    for (const b of bindings) {
      // No address in `-p`: the network's default binding address (`-o com.docker.network.bridge.host_binding_ipv4`).
      const hostIp = b.hostIp || n.options['com.docker.network.bridge.host_binding_ipv4'] || '0.0.0.0';
      const picked = pickHostPort(engine, proto, hostIp, b.hostPort);
      const shown = `${hostIp}:${b.hostPort.includes('-') ? b.hostPort.split('-')[0] : b.hostPort}`;
      if (picked === null || picked < 0) {
        unpublishPorts(world, engine, c);
        throw new DaemonError(`driver failed programming external connectivity on endpoint ${c.name} (${ep.id}): Bind for ${shown} failed: port is already allocated`, 500);
      }
      try {
        const socket = addListener(world, rootNs, { proto, ip: hostIp, port: picked, process: 'docker-proxy', proxyTo: { ip: containerIp, port: Number(cport) } });
        // Docker 27 also binds [::] for a 0.0.0.0 mapping: a second docker-proxy process.
        if (hostIp === '0.0.0.0') Object.assign(socket, { v6: 'twin', v6Pid: world.nextPid() });
      } catch (e) {
        if (!(e instanceof AddressInUseError)) throw e;
        unpublishPorts(world, engine, c);
        throw new DaemonError(
          `driver failed programming external connectivity on endpoint ${c.name} (${ep.id}): failed to bind port ${hostIp}:${picked}/${proto}: Error starting userland proxy: listen ${proto}4 ${hostIp}:${picked}: bind: address already in use`,
          500,
        );
      }
      allocated(engine).push(portKey(proto, hostIp, picked));
      const m: PortMapping = { proto, hostIp, hostPort: picked, containerIp, containerPort: Number(cport), bridge: n.bridgeName! };
      programPortMapping(world, rootNs, m, true);
      c.ports[port] = [...(c.ports[port] ?? []), { hostIp, hostPort: String(picked) }];
    }
  }
}

/** RevokeExternalConnectivity: proxies stopped, rules removed, host ports free again. */
export function unpublishPorts(world: World, engine: DockerEngineState, c: Container): void {
  const rootNs = world.host(engine.host).rootNs;
  for (const [port, bindings] of Object.entries(c.ports)) {
    const [cport, proto] = port.split('/') as [string, 'tcp' | 'udp'];
    for (const b of bindings) {
      const hostPort = Number(b.hostPort);
      removeListener(world, rootNs, { proto, port: hostPort, ip: b.hostIp });
      const list = allocated(engine);
      const i = list.indexOf(portKey(proto, b.hostIp, hostPort));
      if (i >= 0) list.splice(i, 1);
      if (c.portTarget) {
        const { ip, bridge } = c.portTarget;
        programPortMapping(world, rootNs, { proto, hostIp: b.hostIp, hostPort, containerIp: ip, containerPort: Number(cport), bridge }, false);
      }
    }
  }
  c.ports = {};
  c.portTarget = null;
}
