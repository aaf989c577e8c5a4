import { describe, expect, it } from 'vitest';
import { walk } from './walker';
import { bridgeLab } from './test-world';
import { iptables } from '../kernel/netfilter/iptables';
import { getNetns } from '../kernel/netns';
import { deleteRoute } from '../kernel/routes';
import { addListener } from '../kernel/sockets';

describe('packet walker', () => {
  it('pings between two namespaces on a bridge, learning the FDB and ARP', () => {
    const world = bridgeLab();
    const t = walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '10.0.0.20' });
    expect(t.outcome).toBe('replied');
    expect(t.replyTtl).toBe(64);
    expect(t.rttUs).toBeGreaterThan(20);
    expect(t.rttUs).toBeLessThan(200);
    const keys = t.hops.filter((h) => h.kind === 'rx').map((h) => h.key);
    expect(keys).toContain('host1:veth-red-br');
    expect(keys).toContain('host1/netns/blue:veth-blue');
    const host = getNetns(world, 'host1');
    expect(host.links.find((l) => l.name === 'br0')!.bridge!.fdb.length).toBe(2);
    expect(getNetns(world, 'host1/netns/red').neigh.map((n) => n.state)).toEqual(['REACHABLE']);
  });

  it('pings the host through the bridge address and fails without a route', () => {
    const world = bridgeLab();
    expect(walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '10.0.0.1' }).outcome).toBe('replied');
    const red = getNetns(world, 'host1/netns/red');
    deleteRoute(world, red, 0, 0);
    const t = walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '10.10.0.11' });
    expect(t.outcome).toBe('no-route');
    expect(t.reason).toBe('no route to 10.10.0.11 in netns red (the routing table has no matching entry)');
  });

  it('reaches the internet through MASQUERADE and names the FORWARD rule that drops it', () => {
    const world = bridgeLab();
    const run = (line: string) => iptables(world, 'host1', line.split(' '));
    // Without MASQUERADE the internet answers 10.0.0.10, which nobody on the LAN has.
    expect(walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '8.8.8.8' }).outcome).toBe('reply-dropped');
    run('-t nat -I POSTROUTING 1 -s 10.0.0.0/24 ! -o br0 -j MASQUERADE');
    const ok = walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '8.8.8.8' });
    expect(ok.outcome).toBe('replied');
    expect(ok.replyTtl).toBe(116);
    expect(ok.hops.some((h) => h.nat?.kind === 'MASQUERADE' && h.nat.to === '10.10.0.11')).toBe(true);
    run('-I FORWARD 1 -s 10.0.0.10 -j DROP');
    const bad = walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '10.0.0.20' });
    expect(bad.outcome).toBe('dropped');
    expect(bad.reason).toBe('dropped in filter/FORWARD by rule 1 of FORWARD in host1 (bridged on br0; br_netfilter is on)');
  });

  it('connects to a listener, is refused without one, and counts rule hits', () => {
    const world = bridgeLab();
    addListener(world, 'host1/netns/blue', { proto: 'tcp', port: 80, process: 'nginx', service: 'nginx' });
    expect(walk(world, { from: 'host1/netns/red', proto: 'tcp', dst: '10.0.0.20', dport: 80 }).outcome).toBe('replied');
    const refused = walk(world, { from: 'host1/netns/red', proto: 'tcp', dst: '10.0.0.20', dport: 81 });
    expect(refused.outcome).toBe('refused');
    iptables(world, 'host1/netns/blue', ['-A', 'INPUT', '-p', 'tcp', '--dport', '80', '-j', 'REJECT']);
    const rej = walk(world, { from: 'host1/netns/red', proto: 'tcp', dst: '10.0.0.20', dport: 80 });
    expect(rej.outcome).toBe('refused');
    expect(iptables(world, 'host1/netns/blue', ['-L', 'INPUT', '-v', '-n', '-x']).stdout).toContain('       1       60 REJECT');
  });

  it('emits each walk as a packet event', () => {
    const world = bridgeLab();
    const seen: unknown[] = [];
    world.on((e) => e.type === 'packet' && seen.push(e.trace));
    walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '10.0.0.20' });
    expect(seen.length).toBe(1);
  });
});
