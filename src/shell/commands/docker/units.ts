// docker/go-units as the CLI uses it: HumanDuration ("4 seconds", "About a minute") and HumanSizeWithPrecision
// (decimal units: "7.83MB"), plus the daemon's State.String() for `docker ps` STATUS.
import type { Container } from '../../../core/docker/types';

/** units.HumanDuration of a duration in µs. */
export function humanDuration(us: number): string {
  const seconds = Math.floor(us / 1_000_000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(seconds / 3600 / 24 / 365)} years`;
}

/** Go's %.*g: `precision` significant digits, trailing zeros dropped. */
function formatG(n: number, precision: number): string {
  return String(Number(n.toPrecision(precision)));
}

/** units.HumanSizeWithPrecision(size, 3): decimal (1000-based) units B, kB, MB, GB, TB. */
export function humanSize(bytes: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${formatG(size, precision)}${units[i]}`;
}

/** container.State.String(): `Up 3 seconds`, `Exited (0) 5 seconds ago`, `Created`. */
export function stateString(c: Container, nowUs: number): string {
  const s = c.state;
  if (s.status === 'running') return `Up ${humanDuration(nowUs - s.startedUs)}`;
  if (s.status === 'paused') return `Up ${humanDuration(nowUs - s.startedUs)} (Paused)`;
  if (s.status === 'dead') return 'Dead';
  if (s.startedUs === 0) return 'Created';
  return `Exited (${s.exitCode}) ${humanDuration(nowUs - s.finishedUs)} ago`;
}
