// `ip -d link` (iproute2 6.1 print_linkinfo with show_details): promiscuity and MTU limits, the kind's own line
// (print_linktype: bridge, veth, vxlan, macvlan, ipvlan, vlan), a bridge port's bridge_slave line, then the queue and
// offload sizes the kernel (6.8) reports. Every item keeps iproute2's trailing space.
import type { Link, Netns } from '../../../core/kernel/types';
import { formatIpv4 } from '../../../core/net/ipv4';
import { resolveLinkRef } from '../../../core/kernel/links';
import type { IpCtx } from './common';

/** The host NIC the lab claims: a virtio-net device (ETH_MIN_MTU 68, MAX_MTU 65535, single queue, fq_codel). */
const NIC = { minmtu: 68, maxmtu: 65535, parent: 'parentbus virtio parentdev virtio0 ' };
/** Two possible CPUs (docker info: CPUs: 2): veth_get_num_queues gives each veth that many queues. */
const CPUS = 2;
/** GSO_MAX_SIZE (8 * GSO_MAX_SEGS), the tso_max_size of software devices; NICs keep TSO_LEGACY_MAX_SIZE. */
const SOFT_TSO = 524280;

/**
 * tso_max_size: a NIC's TSO_LEGACY_MAX_SIZE; vlan, macvlan and ipvlan take their parent's and a vxlan its `dev`'s
 * (netif_inherit_tso_max); other software devices GSO_MAX_SIZE.
 */
function tsoMax(ip: IpCtx, link: Link): number {
  if (link.kind === 'ether') return 65536;
  const lower = link.lower ? resolveLinkRef(ip.world, link.lower.parent)?.link : link.kind === 'vxlan' && link.vxlan?.dev != null ? ip.ns.links.find((l) => l.ifindex === link.vxlan!.dev) : undefined;
  return lower && lower !== link ? tsoMax(ip, lower) : SOFT_TSO;
}

/**
 * [min_mtu, max_mtu]: lo and dummy set both to 0 (no limit), vlan_setup 0..ETH_MAX_MTU, a macvlan stops at its
 * parent's max_mtu (macvlan_common_newlink), the rest keep ether_setup's 68..ETH_MAX_MTU (vxlan too: only its MTU is
 * cut to fit the lower device).
 */
function mtuRange(ip: IpCtx, link: Link): [number, number] {
  if (link.kind === 'loopback' || link.kind === 'dummy') return [0, 0];
  if (link.kind === 'vlan') return [0, 65535];
  if (link.kind === 'ether') return [NIC.minmtu, NIC.maxmtu];
  const parent = link.kind === 'macvlan' && link.lower ? resolveLinkRef(ip.world, link.lower.parent)?.link : undefined;
  return [68, parent ? mtuRange(ip, parent)[1] : 65535];
}

/** br_dump_bridge_id: priority in hex, then the MAC as glibc's ether_ntoa_r writes it (no zero padding). */
function bridgeId(mac: string): string {
  return `8000.${mac.split(':').map((b) => parseInt(b, 16).toString(16)).join(':')}`;
}

/** `%7.2f` seconds, as the bridge timers print. */
const timer = (s: number) => s.toFixed(2).padStart(7);

function bridgeLine(bridge: Link, nowUs: number): string {
  const id = bridgeId(bridge.mac);
  const gc = 300 - ((nowUs / 1e6) % 300);
  return (
    `bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time ${(bridge.bridge?.ageingTimeSec ?? 300) * 100} ` +
    `stp_state ${bridge.bridge?.stp ? 1 : 0} priority 32768 vlan_filtering 0 vlan_protocol 802.1Q bridge_id ${id} designated_root ${id} ` +
    `root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer ${timer(0)} tcn_timer ${timer(0)} ` +
    `topology_change_timer ${timer(0)} gc_timer ${timer(gc)} vlan_default_pvid 1 vlan_stats_enabled 0 vlan_stats_per_port 0 ` +
    `group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 ` +
    `mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 ` +
    `mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 ` +
    `mcast_query_response_interval 1000 mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 ` +
    `mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 `
  );
}

/** iplink_bridge_slave.c: the port's STP state (forwarding once up, no STP), its port number in enslaving order. */
function bridgeSlaveLine(ns: Netns, port: Link, up: boolean): string {
  const bridge = ns.links.find((l) => l.ifindex === port.master)!;
  const ports = ns.links.filter((l) => l.master === bridge.ifindex).sort((a, b) => a.ifindex - b.ifindex);
  const no = ports.indexOf(port) + 1;
  const id = bridgeId(bridge.mac);
  return (
    `bridge_slave state ${up ? 'forwarding' : 'disabled'} priority 32 cost 2 hairpin off guard off root_block off fastleave off ` +
    `learning on flood on port_id 0x${(0x8000 + no).toString(16)} port_no 0x${no.toString(16)} designated_port ${0x8000 + no} ` +
    `designated_cost 0 designated_bridge ${id} designated_root ${id} hold_timer ${timer(0)} message_age_timer ${timer(0)} ` +
    `forward_delay_timer ${timer(0)} topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 ` +
    `mcast_fast_leave off mcast_flood on bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 ` +
    `group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off `
  );
}

function kindLine(ip: IpCtx, link: Link): string {
  switch (link.kind) {
    case 'veth':
      return 'veth ';
    case 'bridge':
      return bridgeLine(link, ip.world.clock.now());
    case 'vxlan': {
      const v = link.vxlan!;
      const dev = v.dev !== null ? ip.ns.links.find((l) => l.ifindex === v.dev)?.name : undefined;
      let s = `vxlan id ${v.vni} `;
      if (v.group !== null) s += `group ${formatIpv4(v.group)} `;
      else if (v.remote !== null) s += `remote ${formatIpv4(v.remote)} `;
      if (v.local !== null) s += `local ${formatIpv4(v.local)} `;
      if (dev) s += `dev ${dev} `;
      s += `srcport 0 0 dstport ${v.dstport} `;
      if (!v.learning) s += 'nolearning ';
      return s + 'ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx ';
    }
    case 'macvlan':
      return `macvlan mode ${link.lower?.mode ?? 'bridge'} bcqueuelen 1000 usedbcqueuelen 1000 `;
    case 'ipvlan':
      return `ipvlan  mode ${link.lower?.mode ?? 'l2'} bridge `;
    case 'vlan':
      return `vlan protocol 802.1Q id ${link.vlanId} <REORDER_HDR> `;
    default:
      return '';
  }
}

/** Everything `-d` adds after the `link/...` line's addresses; `forLinkCmd` adds addrgenmode (print_af_spec). */
export function linkDetails(ip: IpCtx, link: Link, forLinkCmd: boolean, operUp: boolean): string {
  const nic = link.kind === 'ether';
  const port = link.master !== null;
  const [minmtu, maxmtu] = mtuRange(ip, link);
  let s = ` promiscuity ${port ? 1 : 0} minmtu ${minmtu} maxmtu ${maxmtu} `;
  const kind = kindLine(ip, link);
  if (kind) s += `\n    ${kind}`;
  if (port) s += `\n    ${bridgeSlaveLine(ip.ns, link, operUp)}`;
  if (forLinkCmd) s += 'addrgenmode eui64 ';
  const queues = link.kind === 'veth' ? CPUS : 1;
  s += `numtxqueues ${queues} numrxqueues ${queues} gso_max_size 65536 gso_max_segs 65535 `;
  s += `tso_max_size ${tsoMax(ip, link)} tso_max_segs 65535 gro_max_size 65536 `;
  return nic ? s + NIC.parent : s;
}
