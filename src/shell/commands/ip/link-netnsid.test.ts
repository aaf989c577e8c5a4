import { describe, expect, it } from 'vitest';
import { Session } from '../../session';
import { createWorld } from '../../../core/presets';

async function run(s: Session, line: string): Promise<string> {
  let text = '';
  const put = (t: string) => (text += t);
  await s.run(line, { out: put, err: put, readLine: async () => null });
  return text;
}

describe('link-netnsid and ip netns list ids', () => {
  it('numbers container namespaces in the order dockerd moved their veths in, and reuses a freed id', async () => {
    const s = new Session(createWorld({ seed: 1 }), 'host1', { user: 'root' });
    for (const c of ['c1', 'c2']) await run(s, `docker run -dit --name ${c} alpine`);
    const ids = async () => [...(await run(s, 'ip link show type veth')).matchAll(/link-netnsid (\d+)/g)].map((m) => m[1]);
    expect(await ids()).toEqual(['0', '1']);
    await run(s, 'docker rm -f c1');
    await run(s, 'docker run -dit --name c3 alpine');
    expect(await ids()).toEqual(['1', '0']);
  });

  it('prints an id only for a namespace that got one, and names a named peer namespace from any viewer', async () => {
    const s = new Session(createWorld({ seed: 1 }), 'host1', { user: 'root' });
    await run(s, 'ip netns add red');
    await run(s, 'ip netns add blue');
    expect(await run(s, 'ip netns list')).toBe('blue\nred\n');
    await run(s, 'ip link add to-blue netns red type veth peer name to-red netns blue');
    // Neither end is in the root namespace, so it names neither; red announced its end, so red knows blue.
    expect(await run(s, 'ip netns list')).toBe('blue\nred\n');
    expect(await run(s, 'ip netns exec red ip netns list')).toBe('blue (id: 0)\nred\n');
    expect(await run(s, 'ip -n red -o link show to-blue')).toContain('link-netns blue');
    // The peer was registered in blue before the two ends were tied, so blue names red only once a dump needs it.
    expect(await run(s, 'ip netns exec blue ip netns list')).toBe('blue\nred\n');
    expect(await run(s, 'ip -n blue -o link show to-red')).toContain('link-netns red');
    expect(await run(s, 'ip netns exec blue ip netns list')).toBe('blue\nred (id: 0)\n');
  });
});
