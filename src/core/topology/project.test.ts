import { describe, expect, it } from 'vitest';
import { createWorld } from '../presets';
import { projectTopology } from './project';
import { createNetns } from '../kernel/netns';
import { addVethPair, moveLink } from '../kernel/links';

describe('projectTopology', () => {
  it('shows host1 with lo, eth0 and docker0, the LAN, and the predefined networks in creation order', () => {
    const m = projectTopology(createWorld());
    expect(m.segments).toEqual([{ name: 'lan0', cidr: '10.10.0.0/24', gateway: '10.10.0.1' }]);
    expect(m.hosts.map((h) => h.name)).toEqual(['host1']);
    expect(m.hosts[0].interfaces.map((i) => `${i.key} ${i.kind} ${i.addrs.join(',')}`)).toEqual([
      'host1:lo loopback 127.0.0.1/8',
      'host1:eth0 ether 10.10.0.11/24',
      'host1:docker0 bridge 172.17.0.1/16',
    ]);
    expect(m.networks.map((n) => `${n.name} ${n.driver} ${n.subnets.join(',')} ${n.bridge}`)).toEqual([
      'bridge bridge 172.17.0.0/16 docker0',
      'host host  null',
      'none null  null',
    ]);
  });

  it('is the same for the same seed', () => {
    expect(projectTopology(createWorld({ seed: 5 }))).toEqual(projectTopology(createWorld({ seed: 5 })));
  });

  it('appends a new namespace after the existing ones and names veth peers by topology key', () => {
    const w = createWorld();
    createNetns(w, 'host1/netns/zz', 'host1', 'named', 'zz');
    createNetns(w, 'host1/netns/aa', 'host1', 'named', 'aa');
    const root = w.state.netns['host1'];
    addVethPair(w, root, 'veth-aa', 'ceth-aa');
    moveLink(w, root, 'ceth-aa', w.state.netns['host1/netns/aa']);
    const m = projectTopology(w);
    expect(m.namespaces.map((n) => n.name)).toEqual(['zz', 'aa']);
    expect(m.namespaces[1].interfaces.find((i) => i.name === 'ceth-aa')?.peer).toBe('host1:veth-aa');
    expect(m.hosts[0].interfaces.find((i) => i.name === 'veth-aa')?.peer).toBe('host1/netns/aa:ceth-aa');
  });
});
