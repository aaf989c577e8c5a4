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
    expect(await w.holds(rule)).toEqual({
      ok: false,
      detail:
        'no such rule; the FORWARD chain of the filter table has these rules: `-A FORWARD -j DOCKER-USER`; `-A FORWARD -j DOCKER-ISOLATION-STAGE-1`; `-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT` and 3 more',
    });
    await w.type('sudo iptables -A FORWARD -s 10.0.0.0/24 -p tcp --dport 80 -j DROP');
    expect((await w.holds(rule)).ok).toBe(true);
    expect((await w.holds({ kind: 'iptables', args: { table: 'nat', chain: 'DOCKER' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'iptables', args: { chain: 'NOPE' } })).toEqual({ ok: false, detail: 'there is no chain NOPE in the filter table' });
    expect((await w.holds({ kind: 'iptables', args: { table: 'nat', matches: '^-A POSTROUTING -s 172\\.17\\.0\\.0/16 ! -o docker0 -j MASQUERADE$' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'iptables', args: { in: 'red', chain: 'INPUT' } })).ok).toBe(false);
  });

  it('iptables: a missing rule shows what its chain holds instead (rules with the same target first)', async () => {
    const w = await shellWorld();
    await w.type('docker run -d --name web -p 8080:80 nginx');
    const dnat = (rule: string) => w.holds({ kind: 'iptables', args: { table: 'nat', rule } });
    expect((await dnat('-A DOCKER ! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80')).ok).toBe(true);
    expect(await dnat('-A DOCKER -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80')).toEqual({
      ok: false,
      detail: 'no such rule; the DOCKER chain of the nat table has these DNAT rules: `-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80`',
    });
    expect(await w.holds({ kind: 'iptables', args: { table: 'nat', chain: 'DOCKER', matches: 'dport 8081' } })).toEqual({ ok: false, detail: 'no line of `iptables -t nat -S DOCKER` matches dport 8081' });
    expect(await dnat('-A NOPE -j ACCEPT')).toEqual({ ok: false, detail: 'there is no chain NOPE in the nat table' });
    expect(await dnat('-A DOCKER -p tcp --dprt 1 -j ACCEPT')).toEqual({ ok: false, detail: 'iptables v1.8.10 (nf_tables): unknown option "--dprt"' });
    expect(await w.holds({ kind: 'iptables', args: { table: 'nat', rule: '-A POSTROUTING -j ACCEPT' } })).toMatchObject({ ok: false, detail: expect.stringMatching(/^no such rule; the POSTROUTING chain of the nat table has these rules: `-A POSTROUTING -s 172\.17/) });
  });
});
