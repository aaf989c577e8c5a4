// The Linux network stack as plain data: namespaces, links, addresses, routes, neighbours, netfilter.
// Everything here is JSON-serialisable so a World snapshot is a deep copy of it.
import type { Ipv4 } from '../net/ipv4';
import type { Mac } from '../net/mac';
import type { NetfilterState } from './netfilter/types';

/** World-unique id of a network namespace, e.g. `host1` (root), `host1/netns/red`, `host1/ctr/<id12>`. */
export type NetnsId = string;

/** What created a namespace: the host itself, `ip netns add`, a container sandbox, a pod sandbox. */
export type NetnsKind = 'root' | 'named' | 'container' | 'pod';

/** A network namespace (struct net): its own links, routes, neighbours, netfilter and sockets. */
export interface Netns {
  id: NetnsId;
  host: string;
  kind: NetnsKind;
  /** Name under /var/run/netns for `ip netns`, or null. */
  name: string | null;
  /** Next ifindex handed out by this namespace (dev_new_index). */
  nextIfindex: number;
  /** Links ordered by ifindex. */
  links: Link[];
  /** The main routing table. The local table is derived from addresses. */
  routes: Route[];
  neigh: Neighbour[];
  netfilter: NetfilterState;
  sysctl: {
    ipForward: boolean;
    /** net.bridge.bridge-nf-call-iptables: bridged IPv4 traffic goes through iptables (br_netfilter). Unset means
     * "as the host has it": dockerd loads br_netfilter, so it is on wherever a Docker engine runs. */
    bridgeNfCallIptables?: boolean;
  };
  /** Listening and bound sockets, for `ss` and for the packet walker to deliver to. */
  sockets: Socket[];
  /** Ids this namespace gave to other namespaces it has links into (`link-netnsid N`, `ip netns list` ids). */
  nsids?: Record<NetnsId, number>;
}

export type LinkKind = 'loopback' | 'ether' | 'veth' | 'bridge' | 'vxlan' | 'macvlan' | 'ipvlan' | 'vlan' | 'dummy';

/** A reference to a link in some namespace (a veth peer, a macvlan parent). */
export interface LinkRef {
  netns: NetnsId;
  ifindex: number;
}

/** A network device (struct net_device) as `ip link` shows it. */
export interface Link {
  ifindex: number;
  name: string;
  kind: LinkKind;
  mac: Mac;
  mtu: number;
  /** Administrative state (IFF_UP), set by `ip link set X up|down`. */
  up: boolean;
  /** ifindex of the bridge this link is enslaved to, in the same namespace. */
  master: number | null;
  addrs: Address[];
  /** IPv6 addresses (autoconfigured: ::1 on lo, a link-local fe80:: elsewhere); see addrconf.ts. */
  addrs6?: Address6[];
  /** `net.ipv6.conf.<dev>.disable_ipv6=1`: the device gets no IPv6 address. */
  noIpv6?: boolean;
  txqlen: number;
  /** veth: the other end. */
  peer?: LinkRef;
  /** ether: the L2 segment (outside every host) the physical NIC is plugged into. */
  segment?: string;
  bridge?: BridgeInfo;
  vxlan?: VxlanInfo;
  /** macvlan / ipvlan: the parent link and the mode; vlan: the parent link (the trunk) and its protocol. */
  lower?: { parent: LinkRef; mode: string };
  /** vlan: the 802.1Q VLAN id its frames are tagged with on the parent. */
  vlanId?: number;
  /** Packet and byte counters (`ip -s link`), counted by the packet walker. */
  stats?: LinkStats;
}

export interface LinkStats {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
}

/** A Linux bridge's own state: its forwarding database and STP setting. */
export interface BridgeInfo {
  stp: boolean;
  fdb: FdbEntry[];
  ageingTimeSec: number;
}

/** One learned or static MAC -> port entry in a bridge (or vxlan) forwarding database. */
export interface FdbEntry {
  mac: Mac;
  /** Port ifindex (bridge) or remote VTEP (vxlan). */
  port?: number;
  dst?: Ipv4;
  permanent: boolean;
  /** Simulated time (µs) the entry was last refreshed; learned entries age out. */
  updatedUs: number;
}

export interface VxlanInfo {
  vni: number;
  local: Ipv4 | null;
  remote: Ipv4 | null;
  group: Ipv4 | null;
  dstport: number;
  dev: number | null;
  learning: boolean;
  /** `bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.2`: remote VTEPs per MAC (all-zero MAC floods). */
  fdb?: FdbEntry[];
}

export type AddrScope = 'host' | 'link' | 'global';

/** An IPv4 address on a link (struct in_ifaddr). */
export interface Address {
  ip: Ipv4;
  prefixLen: number;
  /** Broadcast address, or null when none was set. */
  brd: Ipv4 | null;
  scope: AddrScope;
}

/** An IPv6 address as rtnetlink reports it: canonical text, prefix, scope and the flags iproute2 names. */
export interface Address6 {
  ip: string;
  prefixLen: number;
  scope: 'host' | 'link' | 'global';
  flags: string[];
}

export type RouteProto = 'kernel' | 'boot' | 'static' | 'dhcp';
export type RouteScope = 'host' | 'link' | 'global';
export type RouteType = 'unicast' | 'blackhole' | 'unreachable' | 'prohibit';

/** A route in the main table, as `ip route` prints it. `dstLen` 0 with dst 0 is `default`. */
export interface Route {
  type: RouteType;
  dst: Ipv4;
  dstLen: number;
  gateway: Ipv4 | null;
  /** Output device ifindex (null for blackhole and the like). */
  dev: number | null;
  proto: RouteProto;
  scope: RouteScope;
  src: Ipv4 | null;
  metric: number | null;
  onlink?: boolean;
}

export type NeighState = 'PERMANENT' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'INCOMPLETE' | 'NOARP';

/** An ARP cache entry (`ip neigh`). */
export interface Neighbour {
  ip: Ipv4;
  dev: number;
  mac: Mac | null;
  state: NeighState;
  updatedUs: number;
}

/** A bound socket: a listener (`ss -tlnp`) or the process end of a conversation. */
export interface Socket {
  proto: 'tcp' | 'udp';
  /** 0 = all addresses (0.0.0.0). */
  ip: Ipv4;
  port: number;
  process: string;
  pid: number;
  /** What a connection to this socket gets back, e.g. the HTTP server's name for `curl -I`. */
  service?: string;
  /** Bound to one device (`127.0.0.53%lo` in `ss`), or absent. */
  device?: string;
  /** A userland proxy (docker-proxy): accepted connections are re-made from this namespace to this address. */
  proxyTo?: { ip: Ipv4; port: number };
  /**
   * IPv6 as well: `twin` is a second socket on [::] (that process's, or another's when `v6Pid` is given); `dual` is this
   * one socket bound to `*` with IPV6_V6ONLY off (Apache). The lab carries IPv4 only; `ss` shows what is bound.
   */
  v6?: 'twin' | 'dual';
  v6Pid?: number;
  /** The user who started the serving process, when not root. */
  owner?: string;
  /** A file server's document root (`python3 -m http.server`): the files root and directory it lists. */
  docroot?: { fsRoot: string; path: string };
}
