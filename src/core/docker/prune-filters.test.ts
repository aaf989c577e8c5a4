import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseUntil } from './prune-filters';
import { DaemonError } from './errors';

const NOW = Date.UTC(2025, 2, 3, 12, 0, 0) * 1000;

describe('prune until values (timetypes.GetTimestamp)', () => {
  it('reads Go durations, several units and fractions included', () => {
    expect(parseGoDuration('24h')).toBe(24 * 3600e6);
    expect(parseGoDuration('1h30m')).toBe(90 * 60e6);
    expect(parseGoDuration('1.5s')).toBe(1.5e6);
    expect(parseGoDuration('-2m')).toBe(-120e6);
    expect(parseGoDuration('10')).toBeNull();
    expect(parseGoDuration('h')).toBeNull();
  });

  it('turns a duration into a time before now, and reads dates, RFC 3339 times and Unix timestamps', () => {
    expect(parseUntil('10m', NOW)).toBe(NOW - 600e6);
    expect(parseUntil('2025-03-01', NOW)).toBe(Date.UTC(2025, 2, 1) * 1000);
    expect(parseUntil('2025-03-03T10:00:00+01:00', NOW)).toBe(Date.UTC(2025, 2, 3, 9) * 1000);
    expect(parseUntil('2025-03-03T10:00', NOW)).toBe(Date.UTC(2025, 2, 3, 10) * 1000);
    expect(parseUntil('1740996000', NOW)).toBe(1740996000e6);
    expect(parseUntil('1740996000.5', NOW)).toBe(1740996000.5e6);
  });

  it('rejects what is none of those with the daemon error', () => {
    expect(() => parseUntil('soon', NOW)).toThrow(new DaemonError('failed to parse value as time or duration: "soon"', 400));
    expect(() => parseUntil('2025-13-01', NOW)).toThrow(DaemonError);
  });
});
