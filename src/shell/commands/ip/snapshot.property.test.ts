import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../../../core/presets';
import { World } from '../../../core/world';
import { Session } from '../../session';

/** Commands that change kernel state (and some that fail), as a learner might type them. */
const COMMANDS = [
  'ip netns add red',
  'ip netns add blue',
  'ip link add v0 type veth peer name v1',
  'ip link set v1 netns red',
  'ip link set v0 up',
  'ip netns exec red ip link set v1 up',
  'ip netns exec red ip link set lo up',
  'ip netns exec red ip addr add 10.9.0.2/24 dev v1',
  'ip addr add 10.9.0.1/24 dev v0',
  'ip netns exec red ip route add default via 10.9.0.1',
  'ip link add br9 type bridge',
  'ip link set br9 up',
  'ip link set v0 master br9',
  'iptables -A FORWARD -i br9 -j ACCEPT',
  'iptables -t nat -A POSTROUTING -s 10.9.0.0/24 -j MASQUERADE',
  'iptables -I FORWARD 1 -s 10.9.0.2 -j DROP',
  'ip netns exec red ping -c 1 10.9.0.1',
  'ip netns exec red ping -c 1 8.8.8.8',
  'ip netns exec red nslookup google.com 10.10.0.1',
  'curl -s example.com',
  'ip route add 10.99.0.0/16 via 10.10.0.1',
  'ip link del v0',
  'ip netns del blue',
  'sysctl -w net.ipv4.ip_forward=0',
];

async function run(session: Session, line: string): Promise<string> {
  let out = '';
  const code = await session.run(line, { out: (t) => (out += t), err: (t) => (out += t), readLine: async () => null });
  return `${out}[${code}]`;
}

describe('snapshot and restore', () => {
  it('restoring after any command sequence gives an identical world that continues identically', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...COMMANDS), { maxLength: 12 }), fc.constantFrom(...COMMANDS), async (seq, next) => {
        const world = createWorld({ seed: 3 });
        const a = new Session(world, 'host1', { user: 'root' });
        for (const line of seq) await run(a, line);
        const copy = World.restore(world.snapshot());
        expect(copy.snapshot()).toEqual(world.snapshot());
        const b = new Session(copy, 'host1', { user: 'root' });
        expect(await run(b, next)).toBe(await run(a, next));
        expect(copy.snapshot()).toEqual(world.snapshot());
      }),
      { numRuns: 100 },
    );
  });
});
