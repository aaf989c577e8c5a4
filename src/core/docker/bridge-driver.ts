// libnetwork's bridge driver as kernel state: the Linux bridge (`docker0`, `br-<id12>`) with the gateway address,
// and per endpoint a veth pair whose host end is enslaved to the bridge and whose other end becomes `ethN` in the
// sandbox with the endpoint's address, MAC and routes.
import type { World } from '../world';
import { addLink, addVethPair, deleteLink, findLink, getNetns, moveLink, setLinkUp, setMaster } from '../kernel/links';
import { addAddress } from '../kernel/addresses';
import { parseIpv4 } from '../net/ipv4';
import { macFromIpv4 } from '../net/mac';
import type { Netns } from '../kernel/types';
import type { Network } from './types';
import { programBridgeNetwork } from './iptables-rules';

function mtuOf(n: Network): number {
  const v = Number(n.options['com.docker.network.driver.mtu']);
  return Number.isInteger(v) && v > 0 ? v : 1500;
}

function rootOf(world: World, host: string): Netns {
  return getNetns(world, world.host(host).rootNs);
}

/** CreateNetwork: the bridge device up with the gateway address (no carrier until a port joins), then iptables. */
export function createBridge(world: World, host: string, n: Network): void {
  const root = rootOf(world, host);
  const br = addLink(world, root, n.bridgeName!, 'bridge', { mtu: mtuOf(n) });
  for (const cfg of n.ipam.config ?? []) {
    const len = Number(cfg.subnet.split('/')[1]);
    addAddress(world, root, br.name, parseIpv4(cfg.gateway)!, len);
  }
  setLinkUp(world, root, br.name, true);
  programBridgeNetwork(world, root.id, n, true);
}

/** DeleteNetwork: rules out, bridge gone (its connected route goes with it). */
export function deleteBridge(world: World, host: string, n: Network): void {
  const root = rootOf(world, host);
  programBridgeNetwork(world, root.id, n, false);
  if (findLink(root, n.bridgeName!)) deleteLink(world, root, n.bridgeName!);
}

/** A host-side veth name as libnetwork makes them: `veth` plus 7 hex characters. */
export function vethName(world: World, root: Netns): string {
  for (;;) {
    const name = `veth${world.rng.hex(7)}`;
    if (!findLink(root, name)) return name;
  }
}

/** Join: veth pair in the host, host end on the bridge, container end moved into the sandbox as `ifname`. */
export function joinBridge(world: World, host: string, n: Network, sandboxNs: Netns, ifname: string, ipCidr: string): { hostIfname: string; mac: string } {
  const root = rootOf(world, host);
  const hostIfname = vethName(world, root);
  const tmp = vethName(world, root);
  const [inner, outer] = addVethPair(world, root, tmp, hostIfname);
  const mtu = mtuOf(n);
  inner.mtu = mtu;
  outer.mtu = mtu;
  // libnetwork creates its veths with TxQLen 0, so neither end shows a `qlen`.
  inner.txqlen = 0;
  outer.txqlen = 0;
  setMaster(world, root, hostIfname, n.bridgeName!);
  setLinkUp(world, root, hostIfname, true);
  const [ip, len] = ipCidr.split('/');
  const addr = parseIpv4(ip)!;
  const eth = moveLink(world, root, tmp, sandboxNs, ifname);
  eth.mac = macFromIpv4(addr);
  // Docker 26.0.2+ sets disable_ipv6 on an endpoint of an IPv4-only network: no link-local fe80:: inside.
  eth.noIpv6 = true;
  addAddress(world, sandboxNs, ifname, addr, Number(len));
  setLinkUp(world, sandboxNs, ifname, true);
  return { hostIfname, mac: eth.mac };
}

/** Leave: deleting the host end takes the container end with it (and its routes). */
export function leaveBridge(world: World, host: string, hostIfname: string): void {
  const root = rootOf(world, host);
  if (findLink(root, hostIfname)) deleteLink(world, root, hostIfname);
}
