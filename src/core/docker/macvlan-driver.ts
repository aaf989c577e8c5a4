// libnetwork's macvlan and ipvlan drivers as kernel state: no bridge and no iptables; each endpoint is a child link
// of the parent NIC (`-o parent=eth0`, or a dummy `dm-<id12>` when none is given) moved into the sandbox as ethN.
// A parent like `eth0.10` that does not exist yet is made as an 802.1Q vlan link of eth0 (a trunk), and removed
// again with the network.
import type { World } from '../world';
import { addLink, deleteLink, findLink, getNetns, moveLink, setLinkUp } from '../kernel/links';
import { addAddress } from '../kernel/addresses';
import { parseIpv4 } from '../net/ipv4';
import { macFromIpv4 } from '../net/mac';
import type { Netns } from '../kernel/types';
import { DaemonError } from './errors';
import { vethName } from './bridge-driver';
import type { Network } from './types';

const MACVLAN_MODES = ['bridge', 'vepa', 'passthru', 'private'];
const IPVLAN_MODES = ['l2', 'l3', 'l3s'];
const IPVLAN_FLAGS = ['bridge', 'private', 'vepa'];

function rootOf(world: World, host: string): Netns {
  return getNetns(world, world.host(host).rootNs);
}

/** The parent link's name: the `parent` option, or the dummy link the driver makes without one (`dm-`/`di-` + ID). */
export function parentName(n: Network): string {
  return n.options.parent || `${n.driver === 'ipvlan' ? 'di' : 'dm'}-${n.id.slice(0, 12)}`;
}

/** ipvlan L3 and L3S: the parent routes between the children, so ARP is off (IFF_NOARP) and there is no gateway. */
export function isIpvlanL3(n: Network): boolean {
  return n.driver === 'ipvlan' && (n.options.ipvlan_mode === 'l3' || n.options.ipvlan_mode === 'l3s');
}

/**
 * Checks the options as the driver's parseNetworkOptions and createNetwork do, before anything is made: the mode
 * (and ipvlan's flag), `lo`, a parent another ipvlan network already holds, then the `eth0.10` vlan name.
 */
export function checkParent(world: World, host: string, driver: string, options: Record<string, string>, existing: Network[]): void {
  const root = rootOf(world, host);
  const parent = options.parent;
  const modeKey = driver === 'macvlan' ? 'macvlan_mode' : 'ipvlan_mode';
  const modes = driver === 'macvlan' ? MACVLAN_MODES : IPVLAN_MODES;
  if (options[modeKey] && !modes.includes(options[modeKey])) {
    throw new DaemonError(`requested ${driver} mode '${options[modeKey]}' is not valid, '${modes[0]}' mode is the ${driver} driver default`, 400);
  }
  if (driver === 'ipvlan' && options.ipvlan_flag && !IPVLAN_FLAGS.includes(options.ipvlan_flag)) {
    throw new DaemonError(`requested ipvlan flag '${options.ipvlan_flag}' is not valid, 'bridge' is the ipvlan driver default`, 400);
  }
  if (parent === 'lo') throw new DaemonError(`loopback interface is not a valid ${driver} parent link`, 400);
  // ipvlan's createNetwork: one network per parent link (its error names the other network's dummy-style name).
  const holder = driver === 'ipvlan' && parent ? existing.find((n) => n.driver === 'ipvlan' && !n.configOnly && parentName(n) === parent) : undefined;
  if (holder) throw new DaemonError(`network di-${holder.id.slice(0, 12)} is already using parent interface ${parent}`, 400);
  if (!parent) return;
  if (findLink(root, parent)) return;
  const dot = parent.indexOf('.');
  if (dot < 0) throw new DaemonError(`invalid subinterface vlan name ${parent}, example formatting is eth0.10`, 400);
  const base = parent.slice(0, dot);
  const vlan = parent.slice(dot + 1);
  if (!findLink(root, base)) throw new DaemonError(`-o parent interface was not found on the host: ${base}`, 400);
  if (!/^\d+$/.test(vlan)) throw new DaemonError(`unable to parse a valid vlan id from: ${vlan} (ex. eth0.10 for vlan 10)`, 400);
  const id = Number(vlan);
  if (id < 1 || id > 4094) throw new DaemonError(`vlan id must be between 1-4094, received: ${id}`, 400);
}

/** `eth0.10` -> eth0 and 10, once checkParent has accepted it. */
function splitVlanParent(parent: string): [string, number] {
  const dot = parent.indexOf('.');
  return [parent.slice(0, dot), Number(parent.slice(dot + 1))];
}

/**
 * CreateNetwork: the dummy parent when no `parent` was given, or the vlan link (createVlanLink) when the parent names
 * a VLAN of a NIC that has none yet; an existing parent stays as it is.
 */
export function createLowerParent(world: World, host: string, n: Network): void {
  const root = rootOf(world, host);
  const parent = n.options.parent;
  if (parent && findLink(root, parent)) return;
  if (parent) {
    const [base, id] = splitVlanParent(parent);
    const nic = findLink(root, base)!;
    addLink(world, root, parent, 'vlan', { lower: { parent: { netns: root.id, ifindex: nic.ifindex }, mode: '802.1Q' }, vlanId: id, mac: nic.mac, mtu: nic.mtu });
    n.createdParent = true;
  } else {
    addLink(world, root, parentName(n), 'dummy');
  }
  setLinkUp(world, root, parentName(n), true);
}

export function deleteLowerParent(world: World, host: string, n: Network): void {
  const root = rootOf(world, host);
  if ((!n.options.parent || n.createdParent) && findLink(root, parentName(n))) deleteLink(world, root, parentName(n));
}

/** Join: a macvlan/ipvlan child of the parent, moved into the sandbox with the endpoint's address and MAC. */
export function joinLower(world: World, host: string, n: Network, sandboxNs: Netns, ifname: string, ipCidr: string): { mac: string } {
  const root = rootOf(world, host);
  const parent = findLink(root, parentName(n))!;
  const kind = n.driver === 'ipvlan' ? 'ipvlan' : 'macvlan';
  const mode = n.driver === 'ipvlan' ? n.options.ipvlan_mode || 'l2' : n.options.macvlan_mode || 'bridge';
  const tmp = vethName(world, root);
  addLink(world, root, tmp, kind, { lower: { parent: { netns: root.id, ifindex: parent.ifindex }, mode }, mtu: parent.mtu });
  const [ip, len] = ipCidr.split('/');
  const addr = parseIpv4(ip)!;
  const link = moveLink(world, root, tmp, sandboxNs, ifname);
  link.mac = kind === 'ipvlan' ? parent.mac : macFromIpv4(addr);
  link.noIpv6 = true; // an IPv4-only network's endpoint (disable_ipv6)
  addAddress(world, sandboxNs, ifname, addr, Number(len));
  setLinkUp(world, sandboxNs, ifname, true);
  // The ipvlan driver sets no MAC (the child inherits its parent's), so the endpoint reports none in inspect.
  return { mac: kind === 'ipvlan' ? '' : link.mac };
}

/** Leave: the child link goes with the endpoint. */
export function leaveLower(world: World, sandboxNs: Netns | undefined, ifname: string): void {
  if (sandboxNs && findLink(sandboxNs, ifname)) deleteLink(world, sandboxNs, ifname);
}
