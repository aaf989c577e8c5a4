import { describe, expect, it } from 'vitest';
import { BRIDGE_BY_HAND, shellWorld } from './shell-world';

describe('kernel predicates', () => {
  it('netns: a namespace made with ip netns add', async () => {
    const w = await shellWorld();
    expect(await w.holds({ kind: 'netns', args: { name: 'red' } })).toEqual({ ok: false, detail: 'host1 has no namespace red' });
    await w.type('sudo ip netns add red');
    expect((await w.holds({ kind: 'netns', args: { name: 'red' } })).ok).toBe(true);
  });

  it('link: kind, state, bridge port and address, on the host or in a namespace', async () => {
    const w = await shellWorld(...BRIDGE_BY_HAND);
    expect((await w.holds({ kind: 'link', args: { name: 'br0', kind: 'bridge', up: true, address: '10.0.0.1/24' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'link', args: { name: 'veth-red', kind: 'veth', master: 'br0' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'link', args: { name: 'ceth-red', in: 'red', address: '10.0.0.2' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'link', args: { name: 'ceth-red', in: 'netns:blue' } })).toEqual({ ok: false, detail: 'there is no interface ceth-red in netns:blue' });
    expect(await w.holds({ kind: 'link', args: { name: 'br0', address: '10.0.0.9/24' } })).toEqual({ ok: false, detail: 'br0 exists, but its addresses are 10.0.0.1/24' });
    await w.type('sudo ip link set br0 down');
    expect(await w.holds({ kind: 'link', args: { name: 'br0', up: true } })).toEqual({ ok: false, detail: 'br0 exists, but it is down' });
    expect(await w.holds({ kind: 'link', args: { name: 'x', in: 'nowhere' } })).toEqual({ ok: false, detail: 'no container, host or namespace named nowhere' });
  });

  it('route: default and prefixes, via and dev', async () => {
    const w = await shellWorld(...BRIDGE_BY_HAND);
    expect((await w.holds({ kind: 'route', args: { in: 'red', to: 'default', via: '10.0.0.1' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'route', args: { in: 'red', to: '10.0.0.0/24', dev: 'ceth-red' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'route', args: { in: 'red', to: 'default', via: '10.0.0.9' } })).toEqual({ ok: false, detail: 'the route to default goes elsewhere' });
    await w.type('sudo ip netns exec red ip route del default');
    expect(await w.holds({ kind: 'route', args: { in: 'red', to: 'default' } })).toEqual({ ok: false, detail: 'no route to default' });
    expect((await w.holds({ kind: 'route', args: { to: '10.10.0.0/24', dev: 'eth0' } })).ok).toBe(true);
  });

  it('iptables: a rule in canonical form, a chain, or a regex over iptables -S', async () => {
    const w = await shellWorld();
    const rule = { kind: 'iptables', args: { rule: '-A FORWARD -s 10.0.0.0/24 -p tcp --dport 80 -j DROP' } } as const;
    expect(await w.holds(rule)).toEqual({ ok: false, detail: undefined });
    await w.type('sudo iptables -A FORWARD -s 10.0.0.0/24 -p tcp --dport 80 -j DROP');
    expect((await w.holds(rule)).ok).toBe(true);
    expect((await w.holds({ kind: 'iptables', args: { table: 'nat', chain: 'DOCKER' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'iptables', args: { chain: 'NOPE' } })).toEqual({ ok: false, detail: 'there is no chain NOPE in the filter table' });
    expect((await w.holds({ kind: 'iptables', args: { table: 'nat', matches: '^-A POSTROUTING -s 172\\.17\\.0\\.0/16 ! -o docker0 -j MASQUERADE$' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'iptables', args: { in: 'red', chain: 'INPUT' } })).ok).toBe(false);
  });
});
