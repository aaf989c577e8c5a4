import { describe, expect, it } from 'vitest';
import { createWorld } from '../core/presets';
import { Session } from './session';

function sink() {
  let text = '';
  return { io: { out: (t: string) => (text += t), err: (t: string) => (text += t), readLine: async () => null }, text: () => text };
}

describe('background jobs in an unpaced session', () => {
  it('wake in simulated-time order as the foreground moves the clock', async () => {
    const world = createWorld({ seed: 1 });
    const session = new Session(world, 'host1');
    const out = sink();
    await session.run('sleep 5 && echo three &', out.io);
    await session.run('sleep 1 && echo one &', out.io);
    const t0 = world.clock.now();
    await session.run('sleep 5', out.io);
    expect(out.text()).toBe('[1] 1000\n[2] 1001\none\nthree\n[1]-  Done                    sleep 5 && echo three\n[2]+  Done                    sleep 1 && echo one\n');
    // The foreground's own sleep (plus the pause before the line) is all the time that passed.
    expect(world.clock.now() - t0).toBe(7_000_000);
  });

  it("keeps the shell's $? and ends jobs when the shell goes away", async () => {
    const world = createWorld({ seed: 1 });
    const session = new Session(world, 'host1');
    const out = sink();
    await session.run('false', out.io);
    await session.run('sleep 100 &', out.io);
    expect(session.lastExit).toBe(0);
    expect(session.jobs.running()).toHaveLength(1);
    session.jobs.hangUp();
    await new Promise((r) => setTimeout(r, 0));
    expect(session.jobs.running()).toHaveLength(0);
    expect(session.jobs.jobs[0].status).toBe(143);
  });
});
