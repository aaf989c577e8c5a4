// Ctrl-C delivery: a manual trigger for terminals, and a simulated-time trigger for scripts (`# ^C after 3s`).
import type { World } from '../core/world';
import type { Interrupt } from './types';

/** An interrupt the terminal fires when the user presses Ctrl-C. */
export class ManualInterrupt implements Interrupt {
  private fired = false;
  private callbacks: (() => void)[] = [];

  get interrupted(): boolean {
    return this.fired;
  }

  onInterrupt(cb: () => void): void {
    if (this.fired) cb();
    else this.callbacks.push(cb);
  }

  fire(): void {
    if (this.fired) return;
    this.fired = true;
    for (const cb of this.callbacks.splice(0)) cb();
  }
}

/** Fires once `seconds` of simulated time have passed since creation: how scripts press Ctrl-C deterministically. */
export class SimTimeInterrupt extends ManualInterrupt {
  private deadline: number;

  constructor(
    private readonly world: World,
    private readonly seconds: number,
    private readonly onFire: () => void = () => {},
  ) {
    super();
    this.deadline = world.clock.now() + seconds * 1_000_000;
  }

  /** Counts the seconds from when the command starts, not from when the line was typed. */
  begin(): void {
    this.deadline = this.world.clock.now() + this.seconds * 1_000_000;
  }

  override get interrupted(): boolean {
    if (!super.interrupted && this.world.clock.now() >= this.deadline) {
      this.fire();
      this.onFire();
    }
    return super.interrupted;
  }
}

/** `# ^C after 3s` at the end of a line asks scripted runs to interrupt the command after 3 simulated seconds. */
export function scriptedInterruptSeconds(line: string): number | null {
  const m = /#\s*\^C after (\d+(?:\.\d+)?)s\s*$/.exec(line);
  return m ? Number(m[1]) : null;
}
