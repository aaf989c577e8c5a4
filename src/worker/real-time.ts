// Keeps the world's simulated clock in step with the learner's real time between commands (uptimes, "5 minutes
// ago"), without ever moving it back: pings and other waits may already have pushed it ahead.
import type { World } from '../core/world';

export class RealTimeFollower {
  private anchor: { real: number; sim: number } | null = null;

  /** `now` gives real milliseconds (performance.now or Date.now). */
  constructor(private readonly now: () => number) {}

  /** Forget the pairing, e.g. after a new or restored world was loaded. */
  reset(): void {
    this.anchor = null;
  }

  /** The simulated µs to add before the next command so sim time has advanced as much as real time has. */
  thinkTimeUs(world: World): number {
    const real = this.now();
    const sim = world.clock.now();
    if (!this.anchor) {
      this.anchor = { real, sim };
      return 0;
    }
    const target = this.anchor.sim + (real - this.anchor.real) * 1000;
    const delta = Math.max(0, Math.round(target - sim));
    this.anchor = { real, sim: sim + delta };
    return delta;
  }
}
