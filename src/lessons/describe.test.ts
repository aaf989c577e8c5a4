import { describe, expect, it } from 'vitest';
import { describePredicate } from './describe';
import type { Predicate } from './schema/predicates';

const d = (p: Predicate) => describePredicate(p);

describe('describePredicate', () => {
  it('says what each condition requires, in plain words with code spans', () => {
    expect(d({ kind: 'ran', args: { command: 'docker network ls' } })).toBe('You ran `docker network ls`');
    expect(d({ kind: 'ran', args: { pattern: '^ping', in: 'alpine1', contains: '0% packet loss' } })).toBe('You ran a command matching `^ping` in `alpine1`, and its output contains `0% packet loss`');
    expect(d({ kind: 'network', args: { name: 'net1', driver: 'bridge', subnet: '10.1.0.0/24', internal: true } })).toBe('An internal network `net1` exists with driver `bridge`, subnet `10.1.0.0/24`');
    expect(d({ kind: 'container', args: { name: 'web', running: true, network: ['a', 'b'], ip: '172.18.0.0/16' } })).toBe('Container `web` is running on networks `a`, `b` with an address in `172.18.0.0/16`');
    expect(d({ kind: 'endpoints', args: { network: 'bridge', count: 1 } })).toBe('Network `bridge` has exactly 1 endpoint');
    expect(d({ kind: 'reachable', args: { from: 'alpine1', to: 'alpine2', via: 'dns' } })).toBe('`alpine1` can reach `alpine2` by name');
    expect(d({ kind: 'resolves', args: { from: 'a', name: 'b', to: '172.18.0.3' } })).toBe('The name `b` resolves to `172.18.0.3` from `a`');
    expect(d({ kind: 'iptables', args: { table: 'nat', rule: '-A DOCKER -j RETURN' } })).toBe('iptables rule `-A DOCKER -j RETURN` is in the `nat` table');
    expect(d({ kind: 'output', args: { command: 'ip route', in: 'red', contains: 'default' } })).toBe('`ip route` in `red` prints `default`');
    expect(d({ kind: 'netns', args: { name: 'red' } })).toBe('Network namespace `red` exists');
    expect(d({ kind: 'link', args: { name: 'veth0', kind: 'veth', master: 'br0', up: true } })).toBe('Interface `veth0` exists of type `veth` attached to `br0` and up');
    expect(d({ kind: 'route', args: { to: 'default', via: '10.0.0.1', in: 'red' } })).toBe('A route to `default` via `10.0.0.1` in `red` exists');
  });

  it('phrases negations with `not`', () => {
    expect(d({ kind: 'not', pred: { kind: 'network', args: { name: 'net1' } } })).toBe('Network `net1` does not exist');
    expect(d({ kind: 'not', pred: { kind: 'reachable', args: { from: 'a', to: 'b' } } })).toBe('`a` cannot reach `b`');
    expect(d({ kind: 'not', pred: { kind: 'container', args: { name: 'a', network: 'net1' } } })).toBe('Container `a` is not on network `net1`');
    expect(d({ kind: 'not', pred: { kind: 'resolves', args: { from: 'a', name: 'b' } } })).toBe('The name `b` does not resolve from `a`');
    expect(d({ kind: 'not', pred: { kind: 'not', pred: { kind: 'netns', args: { name: 'x' } } } })).toBe('Network namespace `x` exists');
  });
});
