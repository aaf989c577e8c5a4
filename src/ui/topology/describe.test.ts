import { describe, expect, it } from 'vitest';
import { announceChanges, describeEndpoint } from './describe';
import { syntheticModel } from './fixtures';

describe('describing the topology in words', () => {
  it('describes an endpoint by sandbox, network, interface, address and veth', () => {
    const m = syntheticModel(1, 2);
    expect(describeEndpoint(m.endpoints[1], m)).toBe(`Endpoint c1 on net0: eth0 ${m.endpoints[1].ipv4} via veth ${m.endpoints[1].hostIfname}`);
  });

  it('announces added and removed objects', () => {
    const a = syntheticModel(0, 1);
    const b = syntheticModel(1, 1);
    expect(announceChanges(a, b, [`network:${b.networks[1].id}`, 'host:host1'])).toBe('Added network net0.');
    expect(announceChanges(b, a, [`network:${b.networks[1].id}`])).toBe('Removed network net0.');
  });
});
