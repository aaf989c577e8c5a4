import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../core/presets';
import { World } from '../../../core/world';
import { Session } from '../../session';

async function run(session: Session, lines: string[]): Promise<string> {
  let out = '';
  for (const line of lines) await session.run(line, { out: (t) => (out += t), err: (t) => (out += t), readLine: async () => null });
  return out;
}

describe('the Docker engine in a world snapshot', () => {
  it('continues identically after snapshot/restore (containers, networks, rules, files, RNG)', async () => {
    const world = createWorld({ seed: 7 });
    const s = new Session(world, 'host1');
    await run(s, ['docker network create app', 'docker run -dit --name a1 --network app alpine', 'docker run -d -p 8080:80 --name web nginx']);
    const restored = World.restore(world.snapshot());
    expect(restored.snapshot()).toEqual(world.snapshot());
    const next = ['docker run -dit --name a2 --network app alpine', 'docker exec a2 ping -c 1 a1', 'docker ps', 'sudo iptables -t nat -S DOCKER', 'docker stop web', 'docker network inspect app'];
    const a = await run(s, next);
    const b = await run(new Session(restored, 'host1'), next);
    expect(b).toBe(a);
    expect(a).toContain('1 packets received');
  });
});
