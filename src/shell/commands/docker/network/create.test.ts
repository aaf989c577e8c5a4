import { describe, expect, it } from 'vitest';
import { Session } from '../../../session';
import { createWorld } from '../../../../core/presets';

function lab() {
  const world = createWorld({ seed: 1 });
  const s = new Session(world, 'host1', { user: 'learner' });
  const run = async (line: string) => {
    let out = '';
    let err = '';
    const code = await s.run(line, { out: (t) => (out += t), err: (t) => (err += t), readLine: async () => null });
    return { code, out, err };
  };
  return { world, run };
}

describe('docker network create with a plugin that is not installed', () => {
  it('answers after the plugin lookup gives up (15 s) and leaves no network, bridge or rule behind', async () => {
    const { world, run } = lab();
    const before = JSON.stringify({ docker: world.state.docker, netns: world.state.netns });
    const t0 = world.clock.now();
    expect(await run('docker network create --ipam-driver foo x2')).toEqual({
      code: 1, out: '', err: 'Error response from daemon: plugin "foo" not found\n',
    });
    expect(world.clock.now() - t0).toBeGreaterThanOrEqual(15_000_000);
    expect(world.clock.now() - t0).toBeLessThan(20_000_000);
    expect(JSON.stringify({ docker: world.state.docker, netns: world.state.netns })).toBe(before);
  });

  it('treats an unknown network driver the same way', async () => {
    const { world, run } = lab();
    const t0 = world.clock.now();
    expect((await run('docker network create -d weave x3')).err).toBe('Error response from daemon: plugin "weave" not found\n');
    expect(world.clock.now() - t0).toBeGreaterThanOrEqual(15_000_000);
  });

  it('accepts the built-in IPAM drivers by name', async () => {
    const { run } = lab();
    expect((await run('docker network create --ipam-driver default x5')).code).toBe(0);
  });
});
