// libnetwork's Container Network Model as plain data: Network, Endpoint, Sandbox, plus the engine that owns them.
// Field names follow the Docker Engine API (api/types/network) so inspect output is a projection, not a translation.

/** IPAM configuration of one subnet (`IPAM.Config[]`). Empty strings mean "not set". */
export interface IpamPoolConfig {
  subnet: string;
  ipRange: string;
  gateway: string;
  auxAddresses: Record<string, string>;
  /** True when the user passed --gateway (v27 inspect shows Gateway only then, or when the subnet was automatic). */
  gatewayExplicit: boolean;
  /** True when the subnet came from the default address pools. */
  subnetAuto: boolean;
}

/** A libnetwork Network: one driver instance with its IPAM state. */
export interface Network {
  id: string;
  name: string;
  driver: string;
  scope: 'local' | 'swarm' | 'global';
  /** RFC 3339 with nanoseconds. */
  created: string;
  /** Simulated µs at creation, for `until` filters and `CreatedAt`. */
  createdUs: number;
  enableIPv6: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  configOnly: boolean;
  configFrom: string;
  ipam: {
    driver: string;
    /** null for the default bridge and API callers without options; `{}` from `docker network create`. */
    options: Record<string, string> | null;
    /** null for host/none (v25+). */
    config: IpamPoolConfig[] | null;
  };
  /** Driver options (`-o`), printed as `Options`. */
  options: Record<string, string>;
  labels: Record<string, string>;
  /** Predefined networks (bridge, host, none) cannot be removed or created by users. */
  predefined: boolean;
  /** The Linux bridge device for bridge networks (`docker0`, `br-<id12>`). */
  bridgeName?: string;
  /** IPAM bookkeeping: addresses handed out in each subnet, as dotted quads. */
  allocated: string[];
}

/** A libnetwork Endpoint: a network attachment of a sandbox (one veth pair plus an address). */
export interface Endpoint {
  id: string;
  networkId: string;
  sandboxId: string;
  containerId: string;
  /** Container-side interface name (`eth0`, `eth1`, ...). */
  ifname: string;
  /** Host-side veth name (`veth1a2b3c4`), or null for drivers without one. */
  hostIfname: string | null;
  /** `a.b.c.d/len`, or empty. */
  ipv4: string;
  gateway: string;
  mac: string;
  /** `--alias` / `--network-alias` values the user gave. */
  aliases: string[];
  /** Names the embedded DNS answers for this endpoint (container name, aliases, short id, hostname). */
  dnsNames: string[];
  /** Addresses the user asked for with --ip, reapplied on restart. */
  ipamConfig: { ipv4Address?: string; ipv6Address?: string } | null;
}

/** A libnetwork Sandbox: a container's network stack (its namespace) and the endpoints joined to it. */
export interface Sandbox {
  id: string;
  containerId: string;
  /** The namespace id in the kernel model; the host's root namespace for `--network host`. */
  netns: string;
  /** `/var/run/docker/netns/<id12>`, or `/var/run/docker/netns/default` for host mode. */
  key: string;
  endpointIds: string[];
}

/** The Docker daemon of one host: networks, sandboxes, endpoints (containers and images grow here too). */
export interface DockerEngineState {
  host: string;
  networks: Record<string, Network>;
  endpoints: Record<string, Endpoint>;
  sandboxes: Record<string, Sandbox>;
}
