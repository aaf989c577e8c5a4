import { describe, expect, it } from 'vitest';
import { BRIDGE_BY_HAND, shellWorld } from './shell-world';

describe('reachable', () => {
  it('asks the packet walker, and leaves the learner\'s counters alone', async () => {
    const w = await shellWorld(...BRIDGE_BY_HAND);
    const before = JSON.stringify(w.world.snapshot());
    expect(await w.holds({ kind: 'reachable', args: { from: 'red', to: '10.0.0.3' } })).toEqual({ ok: true, detail: 'red reaches 10.0.0.3' });
    expect((await w.holds({ kind: 'reachable', args: { from: 'red', to: 'host1' } })).ok).toBe(true);
    expect(JSON.stringify(w.world.snapshot())).toBe(before);
  });

  it('gives the walker\'s reason when a packet is dropped', async () => {
    const w = await shellWorld(...BRIDGE_BY_HAND);
    await w.type('sudo iptables -I FORWARD -s 10.0.0.2 -d 10.0.0.3 -j DROP');
    const out = await w.holds({ kind: 'reachable', args: { from: 'red', to: '10.0.0.3' } });
    expect(out.ok).toBe(false);
    expect(out.detail).toMatch(/^10\.0\.0\.3: dropped in filter\/FORWARD by rule 1/);
    expect((await w.holds({ kind: 'not', pred: { kind: 'reachable', args: { from: 'red', to: '10.0.0.3' } } })).ok).toBe(true);
    // No listener on port 80: the TCP connection is refused.
    expect((await w.holds({ kind: 'reachable', args: { from: 'blue', to: '10.0.0.2:80' } })).ok).toBe(false);
    // The LAN router has no route back to 10.0.0.0/24 until host1 masquerades.
    expect((await w.holds({ kind: 'reachable', args: { from: 'red', to: '10.10.0.1' } })).ok).toBe(false);
    await w.type('sudo iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE');
    expect((await w.holds({ kind: 'reachable', args: { from: 'red', to: '10.10.0.1' } })).ok).toBe(true);
  });

  it('resolves names with via: dns, and reports names that do not resolve', async () => {
    const w = await shellWorld();
    expect(await w.holds({ kind: 'reachable', args: { from: 'host1', to: 'nosuchname.invalid', via: 'dns' } })).toEqual({ ok: false, detail: 'nosuchname.invalid does not resolve from host1' });
    expect((await w.holds({ kind: 'resolves', args: { from: 'host1', name: 'localhost', to: '127.0.0.1' } })).ok).toBe(true);
    expect((await w.holds({ kind: 'resolves', args: { from: 'host1', name: 'nosuchname.invalid' } })).ok).toBe(false);
  });
});
