// Simulated wall-clock time. Nothing in core reads the real clock: time moves only when the world says so.

/** Microseconds since the Unix epoch; an integer, exact in a double for the next few centuries. */
export type Micros = number;

/** The instant every fresh world starts at (a weekday morning in the Docker 27.5 era). */
export const WORLD_EPOCH_US: Micros = Date.UTC(2025, 2, 3, 9, 30, 0) * 1000;

/** The clock's whole state; lives inside the world state so snapshots carry it. */
export interface ClockState {
  us: Micros;
}

export class SimClock {
  constructor(private readonly state: ClockState) {}

  now(): Micros {
    return this.state.us;
  }

  nowMs(): number {
    return Math.floor(this.state.us / 1000);
  }

  /** Moves time forward; never backwards. */
  advance(us: Micros): void {
    if (us > 0) this.state.us += Math.round(us);
  }

  /** Moves time forward to `us` if that is later than now (concurrent waits share one timeline). */
  advanceTo(us: Micros): void {
    if (us > this.state.us) this.state.us = Math.round(us);
  }
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** RFC 3339 with nanoseconds in UTC, as the Docker daemon prints `Created` (`2025-03-03T09:30:00.123456789Z`). */
export function rfc3339Nano(us: Micros, extraNanos = 0): string {
  const d = new Date(Math.floor(us / 1000));
  const nanos = (us % 1_000_000) * 1000 + extraNanos;
  const frac = nanos === 0 ? '' : '.' + String(nanos).padStart(9, '0').replace(/0+$/, '');
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}Z`
  );
}

/** Go's `time.Time.String()` in UTC (`2025-03-03 09:30:00.123456789 +0000 UTC`) of an RFC 3339 UTC timestamp. */
export function goTimeString(rfc3339: string): string {
  return rfc3339.replace('T', ' ').replace('Z', ' +0000 UTC');
}

/** English day and month abbreviations, as C's strftime (%a, %b) and Go's time package print them. */
export const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
