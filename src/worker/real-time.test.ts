import { describe, expect, it } from 'vitest';
import { createWorld } from '../core/presets';
import { RealTimeFollower } from './real-time';

describe('RealTimeFollower', () => {
  it('adds the real time that passed between commands', () => {
    let now = 1000;
    const world = createWorld();
    const f = new RealTimeFollower(() => now);
    expect(f.thinkTimeUs(world)).toBe(0);
    now += 4500;
    expect(f.thinkTimeUs(world)).toBe(4_500_000);
  });

  it('never moves time back when a command already pushed the clock ahead', () => {
    let now = 0;
    const world = createWorld();
    const f = new RealTimeFollower(() => now);
    f.thinkTimeUs(world);
    world.clock.advance(10_000_000); // a 10-second ping while only 3 real seconds pass
    now += 3000;
    expect(f.thinkTimeUs(world)).toBe(0);
    now += 2000;
    expect(f.thinkTimeUs(world)).toBe(2_000_000);
  });
});
