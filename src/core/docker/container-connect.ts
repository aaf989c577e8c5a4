// POST /networks/{id}/connect and /disconnect: a container joins or leaves a network, live if it runs (a new ethN,
// its /etc/hosts line, the default route and published ports follow the gateway endpoint), else on next start.
import type { World } from '../world';
import { DaemonError } from './errors';
import { endpointSettingsError } from './endpoint-settings';
import { endpointOf, isUserDefined, joinNetwork, leaveNetwork } from './endpoint';
import { writeEtcFiles } from './etc-files';
import { startResolver } from './embedded-dns';
import { programExternalConnectivity } from './container-start';
import type { Container, DockerEngineState, EndpointRequest, Network } from './types';

/** Connects `c` to `n` (docker network connect); errors in the daemon's words. */
export function connectContainer(world: World, engine: DockerEngineState, c: Container, n: Network, req: EndpointRequest): void {
  const mode = c.hostConfig.networkMode;
  if (mode === 'host' || mode.startsWith('container:')) {
    throw new DaemonError('container sharing network namespace with another container or host cannot be connected to any other network', 403);
  }
  if (n.name === 'host') throw new DaemonError('container cannot be disconnected from host network or connected to host network', 403);
  if (mode === 'none' || n.name === 'none') {
    throw new DaemonError('container cannot be connected to multiple networks with one of the networks in private (none) mode', 403);
  }
  if (Object.values(c.networks).some((e) => e.networkId === n.id) || c.networks[n.name]) {
    // A stopped container only has configuration to update, and updateNetworkSettings skips a duplicate quietly.
    if (c.state.status !== 'running') return;
    throw new DaemonError(`endpoint with name ${c.name} already exists in network ${n.name}`, 403);
  }
  if (!isUserDefined(n) && req.aliases.length) throw new DaemonError('network-scoped alias is supported only for containers in user defined networks', 400);
  const problem = endpointSettingsError(n.name, n, req);
  if (problem) throw new DaemonError(problem, 400);
  const entry = { networkId: n.id, endpointId: '', request: req };
  if (c.state.status === 'running' && c.sandboxId) {
    const sb = engine.sandboxes[c.sandboxId];
    const ep = joinNetwork(world, engine, c, sb, n, req);
    entry.endpointId = ep.id;
    c.networks[n.name] = entry;
    if (isUserDefined(n)) startResolver(world, engine, sb);
    programExternalConnectivity(world, engine, c);
    writeEtcFiles(world, engine, c);
  } else {
    c.networks[n.name] = entry;
  }
  world.clock.advance(30_000 + world.rng.int(80_000));
  world.changed('docker', `${engine.host}:container:${c.id}`);
}

/** Disconnects `c` from `n` (docker network disconnect). */
export function disconnectContainer(world: World, engine: DockerEngineState, c: Container, n: Network): void {
  const name = Object.keys(c.networks).find((k) => c.networks[k].networkId === n.id || k === n.name);
  if (c.hostConfig.networkMode === 'host' || n.name === 'host') {
    throw new DaemonError('container cannot be disconnected from host network or connected to host network', 403);
  }
  if (!name) {
    const running = c.state.status === 'running';
    throw new DaemonError(`container ${c.id} is not connected to ${running ? 'network' : 'the network'} ${n.name}`, 403);
  }
  const ep = endpointOf(engine, c, n);
  delete c.networks[name];
  if (ep) {
    leaveNetwork(world, engine, ep);
    programExternalConnectivity(world, engine, c);
    writeEtcFiles(world, engine, c);
  }
  world.clock.advance(30_000 + world.rng.int(80_000));
  world.changed('docker', `${engine.host}:container:${c.id}`);
}
