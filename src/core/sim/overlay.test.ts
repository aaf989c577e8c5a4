import { describe, expect, it } from 'vitest';
import { World } from '../world';
import { addHost, addSegment } from '../presets/host';
import { createNetns, getNetns } from '../kernel/netns';
import { addLink, moveLink, setLinkUp } from '../kernel/links';
import { addAddress } from '../kernel/addresses';
import { addRoute } from '../kernel/routes';
import { parseIpv4 } from '../net/ipv4';
import { walk } from './walker';

function twoHosts(): World {
  const world = World.empty(5, 'test');
  addSegment(world, { name: 'lan0', cidr: '10.10.0.0/24', gateway: '10.10.0.1', dns: '10.10.0.1' });
  addHost(world, 'host1', 'lan0', '10.10.0.11');
  addHost(world, 'host2', 'lan0', '10.10.0.12');
  return world;
}

describe('tunnels and sub-interfaces', () => {
  it('carries a ping over a VXLAN tunnel between two hosts, encapsulated on the LAN', () => {
    const world = twoHosts();
    for (const [h, local, remote, addr] of [['host1', '10.10.0.11', '10.10.0.12', '192.168.100.1'], ['host2', '10.10.0.12', '10.10.0.11', '192.168.100.2']]) {
      const ns = getNetns(world, h);
      addLink(world, ns, 'vx0', 'vxlan', { vxlan: { vni: 42, local: parseIpv4(local), remote: parseIpv4(remote), group: null, dstport: 4789, dev: 2, learning: true, fdb: [] } });
      setLinkUp(world, ns, 'vx0', true);
      addAddress(world, ns, 'vx0', parseIpv4(addr)!, 24);
    }
    const t = walk(world, { from: 'host1', proto: 'icmp', dst: '192.168.100.2' });
    expect(t.outcome).toBe('replied');
    expect(t.hops.filter((h) => h.kind === 'encap').map((h) => h.key)).toEqual(['host1:vx0', 'host2:vx0', 'host2:vx0', 'host1:vx0']);
    // The underlay packets are UDP to port 4789 between the hosts' eth0 addresses.
    expect(t.hops.some((h) => h.packet.proto === 'udp' && h.packet.dport === 4789 && h.packet.src === '10.10.0.11' && h.packet.dst === '10.10.0.12')).toBe(true);
  });

  it('lets macvlan children of a NIC reach each other and the LAN, but not their parent host', () => {
    const world = twoHosts();
    const host = getNetns(world, 'host1');
    for (const [name, addr] of [['a', '10.10.0.51'], ['b', '10.10.0.52']]) {
      const ns = createNetns(world, `host1/netns/${name}`, 'host1', 'named', name);
      setLinkUp(world, ns, 'lo', true);
      addLink(world, host, `mv-${name}`, 'macvlan', { lower: { parent: { netns: 'host1', ifindex: 2 }, mode: 'bridge' } });
      moveLink(world, host, `mv-${name}`, ns);
      setLinkUp(world, ns, `mv-${name}`, true);
      addAddress(world, ns, `mv-${name}`, parseIpv4(addr)!, 24);
    }
    expect(walk(world, { from: 'host1/netns/a', proto: 'icmp', dst: '10.10.0.52' }).outcome).toBe('replied');
    expect(walk(world, { from: 'host1/netns/a', proto: 'icmp', dst: '10.10.0.12' }).outcome).toBe('replied');
    expect(walk(world, { from: 'host1/netns/a', proto: 'icmp', dst: '10.10.0.1' }).outcome).toBe('replied');
    expect(walk(world, { from: 'host1/netns/a', proto: 'icmp', dst: '10.10.0.11' }).outcome).toBe('unreachable');
  });

  it("answers a macvlan child from the LAN router at the child's own MAC, through the parent NIC", () => {
    const world = twoHosts();
    const host = getNetns(world, 'host1');
    const ns = createNetns(world, 'host1/netns/m', 'host1', 'named', 'm');
    const child = addLink(world, host, 'mv0', 'macvlan', { lower: { parent: { netns: 'host1', ifindex: 2 }, mode: 'bridge' } });
    moveLink(world, host, 'mv0', ns);
    setLinkUp(world, ns, 'mv0', true);
    addAddress(world, ns, 'mv0', parseIpv4('10.10.0.192')!, 24);
    addRoute(world, ns, { type: 'unicast', dst: 0, dstLen: 0, gateway: parseIpv4('10.10.0.1'), dev: child.ifindex, proto: 'boot', scope: 'global', src: null, metric: null });
    for (const dst of ['10.10.0.1', '8.8.8.8']) {
      const t = walk(world, { from: 'host1/netns/m', proto: 'icmp', dst });
      expect(t.outcome).toBe('replied');
      const back = t.hops.filter((h) => h.direction === 'reply' && (h.kind === 'tx' || h.kind === 'rx'));
      expect(back.map((h) => h.key)).toEqual([null, 'host1:eth0', 'host1/netns/m:mv0']);
      expect(back[0].packet.dstMac).toBe(child.mac);
    }
    // The parent and its children cannot talk: the host's ARP for the child goes out on the wire only.
    expect(walk(world, { from: 'host1', proto: 'icmp', dst: '10.10.0.192' }).outcome).toBe('unreachable');
    expect(walk(world, { from: 'host2', proto: 'icmp', dst: '10.10.0.192' }).outcome).toBe('replied');
    expect(walk(world, { from: 'host1', proto: 'icmp', dst: '10.10.0.99' }).outcome).toBe('unreachable');
  });

  it('tells ipvlan children apart by address although they share the parent MAC', () => {
    const world = twoHosts();
    const host = getNetns(world, 'host1');
    for (const [name, addr] of [['p', '10.10.0.61'], ['q', '10.10.0.62']]) {
      const ns = createNetns(world, `host1/netns/${name}`, 'host1', 'named', name);
      setLinkUp(world, ns, 'lo', true);
      const child = addLink(world, host, `ipv-${name}`, 'ipvlan', { lower: { parent: { netns: 'host1', ifindex: 2 }, mode: 'l2' } });
      child.mac = host.links[1].mac;
      moveLink(world, host, `ipv-${name}`, ns);
      setLinkUp(world, ns, `ipv-${name}`, true);
      addAddress(world, ns, `ipv-${name}`, parseIpv4(addr)!, 24);
    }
    const t = walk(world, { from: 'host2', proto: 'icmp', dst: '10.10.0.62' });
    expect(t.outcome).toBe('replied');
    expect(t.hops.some((h) => h.key === 'host1/netns/q:ipv-q')).toBe(true);
  });

  it('carries 802.1Q-tagged frames between vlan sub-interfaces with the same id only, past the untagged router', () => {
    const world = twoHosts();
    const sub = (h: string, name: string, id: number, addr: string) => {
      const ns = getNetns(world, h);
      addLink(world, ns, name, 'vlan', { lower: { parent: { netns: h, ifindex: 2 }, mode: '802.1Q' }, vlanId: id, mac: ns.links[1].mac });
      setLinkUp(world, ns, name, true);
      addAddress(world, ns, name, parseIpv4(addr)!, 24);
    };
    sub('host1', 'eth0.10', 10, '192.168.10.1');
    sub('host2', 'eth0.10', 10, '192.168.10.2');
    sub('host2', 'eth0.20', 20, '192.168.20.2');
    const t = walk(world, { from: 'host1', proto: 'icmp', dst: '192.168.10.2' });
    expect(t.outcome).toBe('replied');
    expect(t.hops.some((h) => /tags it with VLAN 10/.test(h.text))).toBe(true);
    expect(t.hops.some((h) => /tagged VLAN 10/.test(h.text))).toBe(true);
    expect(t.hops.filter((h) => h.kind === 'rx').map((h) => h.key)).toContain('host2:eth0.10');
    // A different VLAN, or the untagged LAN, never sees the frame.
    sub('host1', 'eth0.30', 30, '192.168.20.1');
    expect(walk(world, { from: 'host1', proto: 'icmp', dst: '192.168.20.2' }).outcome).toBe('unreachable');
    expect(walk(world, { from: 'host1', proto: 'icmp', dst: '10.10.0.12' }).outcome).toBe('replied');
  });

  it('puts macvlan children of a vlan sub-interface on that VLAN', () => {
    const world = twoHosts();
    const host1 = getNetns(world, 'host1');
    const vl = addLink(world, host1, 'eth0.10', 'vlan', { lower: { parent: { netns: 'host1', ifindex: 2 }, mode: '802.1Q' }, vlanId: 10, mac: host1.links[1].mac });
    setLinkUp(world, host1, 'eth0.10', true);
    const ns = createNetns(world, 'host1/netns/m', 'host1', 'named', 'm');
    addLink(world, host1, 'mv0', 'macvlan', { lower: { parent: { netns: 'host1', ifindex: vl.ifindex }, mode: 'bridge' } });
    moveLink(world, host1, 'mv0', ns);
    setLinkUp(world, ns, 'mv0', true);
    addAddress(world, ns, 'mv0', parseIpv4('192.168.10.5')!, 24);
    const host2 = getNetns(world, 'host2');
    addLink(world, host2, 'eth0.10', 'vlan', { lower: { parent: { netns: 'host2', ifindex: 2 }, mode: '802.1Q' }, vlanId: 10, mac: host2.links[1].mac });
    setLinkUp(world, host2, 'eth0.10', true);
    addAddress(world, host2, 'eth0.10', parseIpv4('192.168.10.2')!, 24);
    expect(walk(world, { from: 'host1/netns/m', proto: 'icmp', dst: '192.168.10.2' }).outcome).toBe('replied');
    expect(walk(world, { from: 'host2', proto: 'icmp', dst: '192.168.10.5' }).outcome).toBe('replied');
  });
});
