// Building a host: its root namespace, `lo`, the physical NIC on the lab LAN, and routes as a DHCP client sets them.
import type { World, Segment } from '../world';
import { parseIpv4 } from '../net/ipv4';
import { parseCidr } from '../net/cidr';
import { createNetns } from '../kernel/netns';
import { addLink, setLinkUp } from '../kernel/links';
import { addAddress } from '../kernel/addresses';
import { addRoute } from '../kernel/routes';
import { installHostFiles } from './host-files';

/** Adds a LAN segment: `cidr` with a router at `gateway` that also answers DNS. */
export function addSegment(world: World, segment: Segment): void {
  world.state.segments[segment.name] = segment;
}

/** Adds a host named `name` with `eth0` at `ip` on `segmentName`, a default route via the segment's router. */
export function addHost(world: World, name: string, segmentName: string, ip: string): void {
  const segment = world.state.segments[segmentName];
  const cidr = parseCidr(segment.cidr)!;
  const ns = createNetns(world, name, name, 'root');
  world.state.hosts[name] = {
    name,
    rootNs: ns.id,
    resolv: { nameservers: [segment.dns], search: [] },
    os: 'ubuntu',
  };
  setLinkUp(world, ns, 'lo', true);
  addLink(world, ns, 'eth0', 'ether', { segment: segmentName });
  setLinkUp(world, ns, 'eth0', true);
  const addr = parseIpv4(ip)!;
  addAddress(world, ns, 'eth0', addr, cidr.len);
  const eth0 = ns.links.find((l) => l.name === 'eth0')!;
  // A DHCP lease installs both the default route and the subnet route with metric 100 (systemd-networkd style).
  ns.routes = ns.routes.filter((r) => r.dev !== eth0.ifindex);
  addRoute(world, ns, {
    type: 'unicast', dst: 0, dstLen: 0, gateway: parseIpv4(segment.gateway), dev: eth0.ifindex,
    proto: 'dhcp', scope: 'global', src: addr, metric: 100,
  });
  addRoute(world, ns, {
    type: 'unicast', dst: cidr.ip, dstLen: cidr.len, gateway: null, dev: eth0.ifindex,
    proto: 'kernel', scope: 'link', src: addr, metric: 100,
  });
  installHostFiles(world, name);
}
