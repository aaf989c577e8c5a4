// libnetwork's Container Network Model as plain data: Network, Endpoint, Sandbox, plus the engine that owns them.
// Field names follow the Docker Engine API (api/types/network) so inspect output is a projection, not a translation.
import type { DaemonConfig } from './daemon-config';

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
    /** null for host/none (v25+). IPv4 pools only: the engine's address management works on these. */
    config: IpamPoolConfig[] | null;
    /** IPv6 pools (`--ipv6`, an IPv6 `--subnet`): shown by inspect; containers get no IPv6 addresses in the lab. */
    v6Config?: IpamPoolConfig[];
  };
  /** Driver options (`-o`), printed as `Options`. */
  options: Record<string, string>;
  labels: Record<string, string>;
  /** Predefined networks (bridge, host, none) cannot be removed or created by users. */
  predefined: boolean;
  /** The Linux bridge device for bridge networks (`docker0`, `br-<id12>`). */
  bridgeName?: string;
  /** macvlan/ipvlan: the driver made the `-o parent=eth0.10` vlan link itself, so removing the network deletes it. */
  createdParent?: boolean;
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
  /** The container's name (without the leading slash), for the view and lessons. */
  containerName?: string;
  /** How the container is networked: `bridge`-like (own namespace), `host`, `none`. */
  mode?: string;
  /** The next `ethN` index (libnetwork's osl counter: never reused within a sandbox). */
  nextIfIndex?: number;
}

/** The Docker daemon of one host: networks, sandboxes, endpoints, containers and the images it has pulled. */
export interface DockerEngineState {
  host: string;
  networks: Record<string, Network>;
  endpoints: Record<string, Endpoint>;
  sandboxes: Record<string, Sandbox>;
  /** Containers by full 64-hex ID (absent in worlds saved before containers existed). */
  containers?: Record<string, Container>;
  /** Pulled images by `repo:tag` (e.g. `alpine:latest`). */
  images?: Record<string, ImageRecord>;
  /** Host ports handed out by the port allocator (`-p 8080`, `-P`): `proto/hostIp/port` (a 0.0.0.0 binding holds `::` too). */
  allocatedHostPorts?: string[];
  /** The port allocator's last port handed out per range: `proto/hostIp/begin-end` (ephemeral: 32768-60999). */
  portRangeLast?: Record<string, number>;
  /** The daemon.json settings the daemon started with (see daemon-config.ts). */
  config?: DaemonConfig;
  /** dockerd is not running: stopped (socket activation starts it on the next request) or failed to start. */
  down?: 'stopped' | 'failed';
  /** When dockerd last started (µs), for `systemctl status`. */
  startedUs?: number;
}

/** An image the daemon has locally: a catalog entry pulled under one reference. */
export interface ImageRecord {
  /** `alpine`, `nicolaka/netshoot`. */
  repo: string;
  tag: string;
  /** `sha256:<64 hex>`. */
  id: string;
  pulledUs: number;
}

/** One published port (`HostConfig.PortBindings` / `NetworkSettings.Ports` entries). */
export interface PortBinding {
  hostIp: string;
  hostPort: string;
}

/** What `docker run` asked for on one network (`NetworkingConfig.EndpointsConfig[name]`). */
export interface EndpointRequest {
  aliases: string[];
  links: string[];
  ipv4Address: string;
  ipv6Address: string;
  driverOpts: Record<string, string> | null;
  /** `--mac-address` (API 1.44+ puts it in the first network's endpoint settings); else the driver picks one. */
  macAddress?: string;
  /** The client sent an IPAMConfig object even without addresses (`docker network connect` always does): inspect shows `{}`. */
  ipamConfigSent?: boolean;
}

/** The container's view of one network it belongs to (`NetworkSettings.Networks[name]`). */
export interface ContainerNetwork {
  networkId: string;
  /** Endpoint ID while running, else empty (endpoints are released on stop). */
  endpointId: string;
  request: EndpointRequest;
}

/** Container state as the daemon keeps it (`State`). */
export interface ContainerState {
  status: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
  pid: number;
  exitCode: number;
  error: string;
  /** RFC 3339 times; `0001-01-01T00:00:00Z` when never. */
  startedAt: string;
  finishedAt: string;
  startedUs: number;
  finishedUs: number;
  /** Simulated µs at which the main process ends by itself (`sleep 5`), or null when it runs until stopped. */
  exitAtUs: number | null;
  /** Exit status the main process ends with by itself. */
  exitWith: number;
  /** The last PID handed out in the container's PID namespace (the main process is 1); see pid-namespace.ts. */
  lastPid?: number;
  /** Stopped because dockerd went down (not by the user): `unless-stopped` brings it back when dockerd starts. */
  stoppedByDaemon?: boolean;
  /** Host PID of the container's containerd-shim-runc-v2 (started just before PID 1); see proc/process-table.ts. */
  shimPid?: number;
  /** Processes PID 1 forked at start (nginx's workers, httpd's children): host PID and PID in the container. */
  children?: { pid: number; nsPid: number }[];
  /** Processes started with `docker exec -it` that are still running (their shell is open). */
  execs?: ExecProcess[];
}

/** A process started in a running container by `docker exec` (and the docker CLI process on the host that waits for it). */
export interface ExecProcess {
  pid: number;
  nsPid: number;
  argv: string[];
  user: string;
  startUs: number;
  tty: boolean;
  /** The `docker exec ...` client on the host: its PID, user and command line. */
  cli?: { pid: number; user: string; args: string };
}

/** A container: its configuration (Config, HostConfig, NetworkingConfig), state, and the logs of its main process. */
export interface Container {
  id: string;
  /** Without the leading slash. */
  name: string;
  created: string;
  createdUs: number;
  /** The image as the user named it (`alpine`, `nginx:1.27`). */
  image: string;
  imageId: string;
  /** Resolved main process: Path and Args of inspect. */
  path: string;
  args: string[];
  config: {
    hostname: string;
    domainname: string;
    user: string;
    tty: boolean;
    openStdin: boolean;
    attachStdin: boolean;
    attachStdout: boolean;
    attachStderr: boolean;
    env: string[];
    cmd: string[] | null;
    entrypoint: string[] | null;
    workingDir: string;
    exposedPorts: string[];
    labels: Record<string, string>;
    stopSignal: string;
  };
  hostConfig: {
    /** `bridge`, `host`, `none`, a network name, or `container:<full id>`. */
    networkMode: string;
    portBindings: Record<string, PortBinding[]>;
    publishAllPorts: boolean;
    autoRemove: boolean;
    dns: string[];
    dnsSearch: string[];
    dnsOptions: string[];
    extraHosts: string[];
    /** Legacy links on the default bridge: `/child:/parent/alias` (absent in worlds saved before links). */
    links?: string[];
    restartPolicy: string;
    privileged: boolean;
    consoleSize: [number, number];
  };
  /** Networks by name, in the order they were joined. */
  networks: Record<string, ContainerNetwork>;
  /** Ports actually published while running: `80/tcp` -> host-side bindings with the allocated host ports. */
  ports: Record<string, PortBinding[]>;
  /** Where published ports lead while running: the gateway endpoint's address and bridge. */
  portTarget?: { ip: string; bridge: string } | null;
  state: ContainerState;
  /** Packages added to its filesystem since it was created (`apt-get install`, `apk add`), and whether apt's lists were fetched. */
  packages?: { installed: string[]; aptLists?: boolean };
  restartCount: number;
  /** The sandbox while running (null when stopped or in `container:` mode). */
  sandboxId: string | null;
  /** `container:` mode only: the namespace kept after the container it joined stopped (it then has only `lo`). */
  orphanNetns?: string | null;
  /** Lines the main process wrote (`docker logs`), oldest first. */
  logs: { stream: 'stdout' | 'stderr'; text: string; us: number }[];
}
