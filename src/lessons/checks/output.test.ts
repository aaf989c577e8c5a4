import { describe, expect, it } from 'vitest';
import { BRIDGE_BY_HAND, shellWorld } from './shell-world';

describe('output', () => {
  it('runs a command on a copy of the world and looks at what it prints', async () => {
    const w = await shellWorld();
    const before = JSON.stringify(w.world.snapshot());
    expect((await w.holds({ kind: 'output', args: { command: 'docker network ls --format "{{.Name}}"', equals: 'bridge\nhost\nnone\n' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'output', args: { command: 'docker network ls', matches: '^\\w{12}\\s+none\\s+null' } })).ok).toBe(true);
    expect(await w.holds({ kind: 'output', args: { command: 'docker network ls -q | wc -l', contains: '4' } })).toEqual({ ok: false, detail: 'it does not print `4`' });
    expect(await w.holds({ kind: 'output', args: { command: 'docker network ls --filter x=y', exit: 0 } })).toEqual({ ok: false, detail: 'it exits with status 1' });
    // Probes run on a scratch copy: the learner's world is untouched, even by commands that change things.
    expect((await w.holds({ kind: 'output', args: { command: 'sudo ip netns add probe && ip netns list', contains: 'probe' } })).ok).toBe(true);
    expect(JSON.stringify(w.world.snapshot())).toBe(before);
  });

  it('runs as root on the host and in a namespace, as authoring.md says (iptables needs no sudo)', async () => {
    const w = await shellWorld('sudo ip netns add red');
    expect((await w.holds({ kind: 'output', args: { command: 'whoami', equals: 'root' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'output', args: { command: 'iptables -t nat -S POSTROUTING', contains: '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE', exit: 0 } })).ok).toBe(true);
    expect((await w.holds({ kind: 'output', args: { in: 'red', command: 'iptables -S', equals: '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT' } })).ok).toBe(true);
    // The learner's own shell is still the learner's.
    expect((await w.type('iptables -S'))[0].exitCode).toBe(4);
  });

  it('runs inside a named namespace with `in`', async () => {
    const w = await shellWorld(...BRIDGE_BY_HAND);
    expect((await w.holds({ kind: 'output', args: { in: 'red', command: 'ip route', contains: 'default via 10.0.0.1 dev ceth-red' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'output', args: { in: 'blue', command: 'ping -c 1 10.0.0.2', contains: ' 0% packet loss' } })).ok).toBe(true);
  });
});
