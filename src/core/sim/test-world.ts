// A small world for walker tests: host1 on the LAN with a bridge br0 (10.0.0.1/24) and two named namespaces
// red (10.0.0.10) and blue (10.0.0.20) plugged into it with veth pairs, default routes via the bridge, and the
// two FORWARD rules a Docker host needs for a hand-made bridge (dockerd sets the FORWARD policy to DROP).
import { createWorld } from '../presets';
import type { World } from '../world';
import { parseIpv4 } from '../net/ipv4';
import { createNetns, getNetns } from '../kernel/netns';
import { addLink, addVethPair, moveLink, setLinkUp, setMaster } from '../kernel/links';
import { addAddress } from '../kernel/addresses';
import { addRoute } from '../kernel/routes';
import { findLink } from '../kernel/links';
import { iptables } from '../kernel/netfilter/iptables';

export function bridgeLab(seed = 1): World {
  const world = createWorld({ seed });
  const host = getNetns(world, 'host1');
  addLink(world, host, 'br0', 'bridge');
  addAddress(world, host, 'br0', parseIpv4('10.0.0.1')!, 24);
  setLinkUp(world, host, 'br0', true);
  for (const [name, ip] of [['red', '10.0.0.10'], ['blue', '10.0.0.20']] as const) {
    const ns = createNetns(world, `host1/netns/${name}`, 'host1', 'named', name);
    addVethPair(world, host, `veth-${name}`, `veth-${name}-br`);
    moveLink(world, host, `veth-${name}`, ns);
    setMaster(world, host, `veth-${name}-br`, 'br0');
    setLinkUp(world, host, `veth-${name}-br`, true);
    setLinkUp(world, ns, 'lo', true);
    setLinkUp(world, ns, `veth-${name}`, true);
    addAddress(world, ns, `veth-${name}`, parseIpv4(ip)!, 24);
    addRoute(world, ns, { type: 'unicast', dst: 0, dstLen: 0, gateway: parseIpv4('10.0.0.1'), dev: findLink(ns, `veth-${name}`)!.ifindex, proto: 'boot', scope: 'global', src: null, metric: null });
  }
  iptables(world, 'host1', ['-I', 'FORWARD', '1', '-i', 'br0', '-j', 'ACCEPT']);
  iptables(world, 'host1', ['-I', 'FORWARD', '2', '-o', 'br0', '-j', 'ACCEPT']);
  return world;
}
