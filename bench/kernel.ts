// Benchmarks of the emulated Linux network stack (issue #3): the packet walker and the commands built on it.
import { bridgeLab } from '../src/core/sim/test-world';
import { walk } from '../src/core/sim/walker';
import { iptables } from '../src/core/kernel/netfilter/iptables';
import { Session } from '../src/shell/session';
import type { Bench } from './run';
import { runCommand } from './run';

export const kernelBenches: Bench[] = [
  {
    name: 'walk one ping between two namespaces on a bridge',
    budgetMs: 0.5,
    async setup() {
      const world = bridgeLab();
      walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '10.0.0.20', emit: false });
      return () => walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '10.0.0.20', emit: false });
    },
  },
  {
    name: 'walk one ping to the internet through MASQUERADE',
    budgetMs: 1,
    async setup() {
      const world = bridgeLab();
      iptables(world, 'host1', ['-t', 'nat', '-A', 'POSTROUTING', '-s', '10.0.0.0/24', '!', '-o', 'br0', '-j', 'MASQUERADE']);
      return () => walk(world, { from: 'host1/netns/red', proto: 'icmp', dst: '8.8.8.8', emit: false });
    },
  },
  {
    name: 'ip netns exec red ping -c 1 10.0.0.20',
    budgetMs: 2,
    async setup() {
      const s = new Session(bridgeLab(), 'host1', { user: 'root' });
      return () => runCommand(s, 'ip netns exec red ping -c 1 10.0.0.20');
    },
  },
  {
    name: 'iptables -L -n -v on a Docker host',
    budgetMs: 2,
    async setup() {
      const s = new Session(bridgeLab(), 'host1', { user: 'root' });
      return () => runCommand(s, 'iptables -L -n -v');
    },
  },
];
