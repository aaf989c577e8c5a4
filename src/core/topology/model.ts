// The picture of the Container Network Model the UI draws: hosts, their interfaces, networks, sandboxes, endpoints.
// A pure projection of the World: the same world always gives the same model (and the same order). Collections are in
// creation order, so a new object is always appended and a drawing that places by position never moves the others.

export interface TopoInterface {
  /** `host1:eth0`, `ctr:<id12>:eth0`, ... unique in the model. */
  key: string;
  name: string;
  kind: string;
  mac: string;
  up: boolean;
  /** `a.b.c.d/len` for each IPv4 address. */
  addrs: string[];
  /** Bridge this interface is a port of, by name (in the same namespace). */
  master: string | null;
  /** Key of the other end for veth pairs. */
  peer: string | null;
}

export interface TopoHost {
  name: string;
  /** The host's own interfaces (root namespace): lo, eth0, docker0, br-*, veth*. */
  interfaces: TopoInterface[];
}

export interface TopoNetwork {
  id: string;
  name: string;
  driver: string;
  scope: string;
  host: string;
  subnets: string[];
  gateways: string[];
  /** The Linux bridge implementing it (`docker0`, `br-<id12>`), if any. */
  bridge: string | null;
  internal: boolean;
}

export interface TopoSandbox {
  id: string;
  host: string;
  /** Container name (without the leading slash). */
  name: string;
  /** The container whose sandbox this is (64 hex). */
  containerId: string;
  /** Names of every container using this sandbox (more than one with `--network container:NAME`). */
  containers: string[];
  /** bridge-like (own namespace), host (shares the host stack), none (only lo), container:<name>. */
  mode: string;
  netns: string;
  interfaces: TopoInterface[];
  running: boolean;
}

export interface TopoEndpoint {
  id: string;
  host: string;
  sandboxId: string;
  networkId: string;
  ifname: string;
  hostIfname: string | null;
  ipv4: string;
  mac: string;
}

/** A namespace made by hand (`ip netns add`), drawn like a sandbox without Docker. */
export interface TopoNamespace {
  id: string;
  host: string;
  name: string;
  interfaces: TopoInterface[];
}

/** A LAN segment outside every host, with its router (gateway and DNS). */
export interface TopoSegment {
  name: string;
  cidr: string;
  gateway: string;
}

export interface TopologyModel {
  segments: TopoSegment[];
  hosts: TopoHost[];
  networks: TopoNetwork[];
  sandboxes: TopoSandbox[];
  endpoints: TopoEndpoint[];
  namespaces: TopoNamespace[];
}
