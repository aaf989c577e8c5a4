import { describe, expect, it } from 'vitest';
import { formatCidr } from '../net/cidr';
import { allocateAddress, allocateSubnet, predefinedSubnets, releaseAddress } from './ipam';
import { newNetwork, testEngine } from './test-support';
import { removeNetwork } from './network-create';

describe('default IPAM (Docker 27)', () => {
  it('hands out 31 predefined subnets: 172.17-31 /16, then 192.168.x.0/20', () => {
    const all = predefinedSubnets().map(formatCidr);
    expect(all).toHaveLength(31);
    expect(all.slice(0, 3)).toEqual(['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/16']);
    expect(all[14]).toBe('172.31.0.0/16');
    expect(all.slice(15, 17)).toEqual(['192.168.0.0/20', '192.168.16.0/20']);
    expect(all[30]).toBe('192.168.240.0/20');
  });

  it('allocates the lowest free pool, so a freed subnet is reused (v27 linear allocator)', () => {
    const { world, engine } = testEngine();
    const a = newNetwork(world, engine, 'a');
    const b = newNetwork(world, engine, 'b');
    expect([a.ipam.config![0].subnet, b.ipam.config![0].subnet]).toEqual(['172.18.0.0/16', '172.19.0.0/16']);
    removeNetwork(world, engine, a);
    expect(newNetwork(world, engine, 'c').ipam.config![0].subnet).toBe('172.18.0.0/16');
  });

  it('says so when every pool is taken', () => {
    const { world, engine } = testEngine();
    for (let i = 0; i < 30; i++) newNetwork(world, engine, `n${i}`);
    expect(() => allocateSubnet(engine, [])).toThrow('all predefined address pools have been fully subnetted');
  });

  it('gives the gateway .1, containers .2 upward, and reuses a released address first', () => {
    const { world, engine } = testEngine();
    const n = newNetwork(world, engine, 'net');
    expect(n.ipam.config![0].gateway).toBe('172.18.0.1');
    expect([allocateAddress(n), allocateAddress(n), allocateAddress(n)]).toEqual(['172.18.0.2', '172.18.0.3', '172.18.0.4']);
    releaseAddress(n, '172.18.0.3');
    expect(allocateAddress(n)).toBe('172.18.0.3');
  });

  it('starts dynamic addresses at the first address of --ip-range, which may be its .0', () => {
    const { world, engine } = testEngine();
    const n = newNetwork(world, engine, 'r', { ipam: { driver: 'default', options: {}, config: [{ subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.0.1', auxAddresses: {} }] } });
    expect(allocateAddress(n)).toBe('172.28.5.0');
  });

  it('rejects a subnet overlapping another network', () => {
    const { world, engine } = testEngine();
    expect(() => newNetwork(world, engine, 'x', { ipam: { driver: 'default', options: {}, config: [{ subnet: '172.17.5.0/24', ipRange: '', gateway: '', auxAddresses: {} }] } })).toThrow(
      'Pool overlaps with other one on this address space',
    );
  });
});
