import { describe, expect, it } from 'vitest';
import { createWorld } from '../presets';
import { registerDnsService, resolve } from './index';
import { bridgeLab } from '../sim/test-world';
import { addListener } from '../kernel/sockets';

describe('stub resolver', () => {
  it('resolves literals and /etc/hosts without the network', () => {
    const world = createWorld();
    expect(resolve(world, { netns: 'host1', fsRoot: 'host1' }, '10.1.2.3').source).toBe('literal');
    const r = resolve(world, { netns: 'host1', fsRoot: 'host1' }, 'host1');
    expect([r.source, r.addresses]).toEqual(['hosts', ['127.0.1.1']]);
  });

  it('asks systemd-resolved, which asks the LAN router, for external names', () => {
    const world = createWorld();
    const r = resolve(world, { netns: 'host1', fsRoot: 'host1' }, 'google.com');
    expect(r.addresses).toEqual(['142.250.74.46']);
    expect(r.server).toBe('127.0.0.53');
    expect(r.answer?.authoritative).toBe(false);
    const nx = resolve(world, { netns: 'host1', fsRoot: 'host1' }, 'no-such-name.example');
    expect(nx.error).toBe('NXDOMAIN');
  });

  it('is refused from a namespace whose loopback has no stub resolver', () => {
    const world = bridgeLab();
    const r = resolve(world, { netns: 'host1/netns/red', fsRoot: 'host1' }, 'google.com');
    expect(r.error).toBe('refused');
  });

  it('answers from a registered service on a socket (like Docker embedded DNS)', () => {
    const world = bridgeLab();
    registerDnsService('test-dns', (_w, q) => (q.name === 'blue' ? { rcode: 'NOERROR', answers: [{ name: 'blue', type: 'A', value: '10.0.0.20', ttl: 600 }], authoritative: false } : null));
    addListener(world, 'host1/netns/blue', { proto: 'udp', port: 53, process: 'dns', service: 'test-dns' });
    world.state.files['ctr:x:/etc/resolv.conf'] = 'nameserver 10.0.0.20\n';
    const r = resolve(world, { netns: 'host1/netns/red', fsRoot: 'ctr:x' }, 'blue');
    expect(r.addresses).toEqual(['10.0.0.20']);
    const silent = resolve(world, { netns: 'host1/netns/red', fsRoot: 'ctr:x' }, 'green');
    expect(silent.error).toBe('timeout');
    expect(silent.elapsedUs).toBe(10_000_000);
  });
});
