import { describe, expect, it } from 'vitest';
import { Session } from '../../session';
import { bridgeLab } from '../../../core/sim/test-world';
import { createWorld } from '../../../core/presets';
import { compileFilter } from './filter';

function sink() {
  let text = '';
  return { io: { out: (t: string) => (text += t), err: (t: string) => (text += t), readLine: async () => null }, text: () => text };
}

describe('tcpdump', () => {
  it('prints what another session sends across the interface, then its summary', async () => {
    const world = bridgeLab();
    const capture = new Session(world, 'host1', { user: 'root' });
    capture.envStack[0].netns = 'host1/netns/red';
    const pinger = new Session(world, 'host1', { user: 'root' });
    const a = sink();
    const b = sink();
    const dump = capture.run('tcpdump -n -i veth-red -c 4 icmp or arp', a.io);
    while (!a.text().includes('listening on')) await Promise.resolve(); // tcpdump is subscribed once it says so
    await pinger.run('ip netns exec red ping -c 2 10.0.0.20', b.io);
    expect(await dump).toBe(0);
    const lines = a.text().split('\n');
    expect(lines[0]).toBe('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode');
    expect(lines[1]).toBe('listening on veth-red, link-type EN10MB (Ethernet), snapshot length 262144 bytes');
    expect(lines[2]).toMatch(/^\d\d:\d\d:\d\d\.\d{6} ARP, Request who-has 10\.0\.0\.20 tell 10\.0\.0\.10, length 28$/);
    expect(lines[3]).toMatch(/ ARP, Reply 10\.0\.0\.20 is-at ([0-9a-f]{2}:){5}[0-9a-f]{2}, length 28$/);
    expect(lines[4]).toMatch(/ IP 10\.0\.0\.10 > 10\.0\.0\.20: ICMP echo request, id \d+, seq 1, length 64$/);
    expect(lines[5]).toMatch(/ IP 10\.0\.0\.20 > 10\.0\.0\.10: ICMP echo reply, id \d+, seq 1, length 64$/);
    expect(lines.slice(-4)).toEqual(['4 packets captured', '4 packets received by filter', '0 packets dropped by kernel', '']);
  });

  it('shows the sequence numbers and identifier each ping put on the wire', async () => {
    const world = createWorld({ seed: 1 });
    const capture = new Session(world, 'host1', { user: 'root' });
    const pinger = new Session(world, 'host1', { user: 'root' });
    const quiet = sink();
    await pinger.run('docker run -dit --name a1 alpine', quiet.io);
    await pinger.run('docker run -dit --name a2 alpine', quiet.io);
    const a = sink();
    const dump = capture.run('tcpdump -n -i docker0 -c 8 icmp', a.io);
    while (!a.text().includes('listening on')) await Promise.resolve();
    const b = sink();
    await pinger.run('docker exec a1 ping -c 2 172.17.0.3', b.io);
    await pinger.run('docker exec a1 ping -c 1 172.17.0.3', b.io);
    await pinger.run('ping -c 1 172.17.0.2', b.io);
    expect(b.text()).toContain('seq=0 ttl=64');
    expect(await dump).toBe(0);
    const icmp = a.text().split('\n').filter((l) => l.includes(' ICMP ')).map((l) => l.slice(16));
    // BusyBox numbers from 0 and sends its PID in the container (PID 1 is the shell); each run is a new process.
    // iputils on the host gets the kernel's first ping-socket identifier and numbers from 1.
    expect(icmp).toEqual([
      'IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 2, seq 0, length 64',
      'IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 2, seq 0, length 64',
      'IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 2, seq 1, length 64',
      'IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 2, seq 1, length 64',
      'IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 3, seq 0, length 64',
      'IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 3, seq 0, length 64',
      'IP 172.17.0.1 > 172.17.0.2: ICMP echo request, id 1, seq 1, length 64',
      'IP 172.17.0.2 > 172.17.0.1: ICMP echo reply, id 1, seq 1, length 64',
    ]);
  });

  it('refuses unknown devices and non-root users as tcpdump does', async () => {
    const world = bridgeLab();
    const s = sink();
    await new Session(world, 'host1').run('tcpdump -i eth9', s.io);
    expect(s.text()).toBe('tcpdump: eth9: No such device exists\n(No such device exists)\n');
    const t = sink();
    await new Session(world, 'host1').run('tcpdump -i eth0', t.io);
    expect(t.text()).toBe("tcpdump: eth0: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n");
  });

  it('filters by host, port and protocol with and/or/not', () => {
    const p = { proto: 'tcp' as const, src: '10.0.0.10', dst: '10.0.0.20', sport: 40000, dport: 80, ttl: 64, len: 60 };
    expect(compileFilter(['host', '10.0.0.20', 'and', 'port', '80'])(p)).toBe(true);
    expect(compileFilter(['src', 'host', '10.0.0.20'])(p)).toBe(false);
    expect(compileFilter(['not', 'tcp'])(p)).toBe(false);
    expect(compileFilter(['udp', 'or', 'dst', 'port', 'http'])(p)).toBe(true);
    expect(() => compileFilter(['host'])).toThrow('syntax error');
  });
});
