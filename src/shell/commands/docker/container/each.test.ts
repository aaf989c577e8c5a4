import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../../core/presets';
import { Session } from '../../../session';

async function run(s: Session, line: string): Promise<string> {
  let out = '';
  await s.run(line, { out: (t) => (out += t), err: (t) => (out += t), readLine: async () => null });
  return out;
}

describe('docker stop in a paced (browser) session', () => {
  it('waits in real time for the daemon’s stop timeout before printing the name', async () => {
    const waits: number[] = [];
    const s = new Session(createWorld(), 'host1', { pace: async (ms) => void waits.push(ms), thinkTimeUs: () => 0 });
    await run(s, 'docker run -dit --name a1 alpine');
    waits.length = 0;
    expect(await run(s, 'docker stop a1')).toBe('a1\n');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(10_000);
    expect(waits[0]).toBeLessThan(10_300);
  });
});
