import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { createWorld } from '../core/presets';
import { ManualInterrupt } from './interrupts';
import { runTypedLine } from './script-runner';

describe('runTypedLine', () => {
  it('drops a command left open when Ctrl-C comes at PS2, without running it or keeping it in history', async () => {
    const session = new Session(createWorld({ seed: 1 }), 'host1');
    const interrupt = new ManualInterrupt();
    let out = '';
    const input = {
      next: async () => {
        interrupt.fire();
        return null;
      },
    };
    expect(await runTypedLine(session, 'echo "open', (t) => (out += t), { echo: false, input, interrupt })).toBe(130);
    expect(out).toBe('');
    expect(session.history).toEqual([]);
    expect(session.lastExit).toBe(130);
  });
});
