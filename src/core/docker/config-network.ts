// libnetwork's configuration-only networks (`--config-only`, `--config-from`): Network.validateConfiguration,
// Controller.getConfigNetwork and Network.applyConfigurationTo, in dockerd 27's words.
import { DaemonError } from './errors';
import type { NetworkCreateRequest } from './network-create';
import type { DockerEngineState, Network } from './types';

/** Network.validateConfiguration: what a config-only network may hold, and what a --config-from one may not. */
export function validateConfiguration(req: NetworkCreateRequest): void {
  if (req.configOnly && (req.ingress || req.internal || req.attachable || req.scope !== '')) {
    throw new DaemonError('configuration network can only contain network specific fields. Network operator fields like [ ingress | internal | attachable | scope ] are not supported.', 403);
  }
  if (req.configFrom === '') return;
  if (req.configOnly) throw new DaemonError('a configuration network cannot depend on another configuration network', 403);
  const ipamDriver = req.ipam.driver !== '' && req.ipam.driver !== 'default';
  if (ipamDriver || req.enableIPv6 || Object.keys(req.labels).length || Object.keys(req.ipam.options).length || req.ipam.config.length) {
    throw new DaemonError('user specified configurations are not supported if the network depends on a configuration network', 403);
  }
  if (Object.keys(req.options).length) throw new DaemonError('network driver options are not supported if the network depends on a configuration network', 403);
}

/** getConfigNetwork: the config-only network of that name (not ID); NewNetwork's NotFound when there is none. */
export function configNetwork(engine: DockerEngineState, name: string): Network {
  const n = Object.values(engine.networks).find((x) => x.configOnly && x.name === name);
  if (!n) throw new DaemonError(`configuration network "${name}" does not exist`, 404);
  return n;
}

/** The request as applyConfigurationTo leaves it: IPv6, labels, IPAM and driver options copied from the config network. */
export function applyConfiguration(req: NetworkCreateRequest, from: Network): NetworkCreateRequest {
  const pools = [...(from.ipam.config ?? []), ...(from.ipam.v6Config ?? [])];
  return {
    ...req,
    enableIPv6: from.enableIPv6,
    labels: { ...from.labels },
    options: { ...from.options },
    ipam: {
      driver: from.ipam.driver,
      options: { ...(from.ipam.options ?? {}) },
      config: pools.map((c) => ({ subnet: c.subnet, ipRange: c.ipRange, gateway: c.gatewayExplicit ? c.gateway : '', auxAddresses: { ...c.auxAddresses } })),
    },
  };
}

/** Network.delete: a config-only network stays while a --config-from network refers to it. */
export function checkConfigNetworkUnused(engine: DockerEngineState, n: Network): void {
  if (!n.configOnly) return;
  if (Object.values(engine.networks).some((x) => x.configFrom === n.name)) {
    throw new DaemonError(`error while removing network: configuration network "${n.name}" is in use`, 403);
  }
}
