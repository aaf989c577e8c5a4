// GET /networks/{id} as Docker 27 (API 1.47) encodes it: network.Inspect's field order, Go-map keys sorted,
// omitempty IPAM config fields, `Containers` keyed by container ID with each endpoint's addresses.
import type { DockerEngineState, Network } from './types';

function sortedMap(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

function ipamConfig(n: Network): unknown {
  if (n.ipam.config === null) return null;
  return [...n.ipam.config, ...(n.ipam.v6Config ?? [])].map((c) => {
    const out: Record<string, unknown> = { Subnet: c.subnet };
    if (c.ipRange) out.IPRange = c.ipRange;
    // v27 shows the gateway only when it was given or the subnet was allocated automatically.
    if (c.gateway && (c.gatewayExplicit || c.subnetAuto)) out.Gateway = c.gateway;
    if (Object.keys(c.auxAddresses).length) out.AuxiliaryAddresses = sortedMap(c.auxAddresses);
    return out;
  });
}

/** The `Containers` map: one entry per running container attached, sorted by container ID. */
function attachedContainers(engine: DockerEngineState, n: Network): Record<string, unknown> {
  const eps = Object.values(engine.endpoints).filter((e) => e.networkId === n.id);
  eps.sort((a, b) => (a.containerId < b.containerId ? -1 : 1));
  const out: Record<string, unknown> = {};
  for (const ep of eps) {
    out[ep.containerId] = {
      Name: engine.containers?.[ep.containerId]?.name ?? '',
      EndpointID: ep.id,
      MacAddress: ep.mac,
      IPv4Address: ep.ipv4,
      IPv6Address: '',
    };
  }
  return out;
}

/** network.Inspect for `docker network inspect`. */
export function inspectNetwork(engine: DockerEngineState, n: Network): Record<string, unknown> {
  return {
    Name: n.name,
    Id: n.id,
    Created: n.created,
    Scope: n.scope,
    Driver: n.driver,
    EnableIPv6: n.enableIPv6,
    IPAM: { Driver: n.ipam.driver, Options: n.ipam.options === null ? null : sortedMap(n.ipam.options), Config: ipamConfig(n) },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: n.ingress,
    ConfigFrom: { Network: n.configFrom },
    ConfigOnly: n.configOnly,
    Containers: attachedContainers(engine, n),
    Options: sortedMap(n.options),
    Labels: sortedMap(n.labels),
  };
}
