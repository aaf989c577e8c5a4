// The daemon's prune filters (`docker network|container|system prune --filter`): `until` (a Go duration before
// now, a date or RFC 3339 time, or a Unix timestamp, as timetypes.GetTimestamp reads it) and `label` / `label!`.
import type { Micros } from '../sim/clock';
import { DaemonError } from './errors';
import { labelMatch, unknownFilterKey, type FilterArgs } from './filters';

const ACCEPTED = ['until', 'label', 'label!'];

/** What a prune keeps or removes: created before `untilUs` (when given) and matching the label filters. */
export interface PruneFilter {
  untilUs: Micros | null;
  args: FilterArgs;
}

const UNIT_US: Record<string, number> = { ns: 1e-3, us: 1, µs: 1, μs: 1, ms: 1e3, s: 1e6, m: 60e6, h: 3600e6 };

/** time.ParseDuration: `[-+]` then one or more `<decimal><unit>`; null when it is not one. */
export function parseGoDuration(text: string): Micros | null {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
  if (!m) return text === '0' ? 0 : null;
  let total = 0;
  for (const part of text.slice(m[1].length).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * UNIT_US[part[2]];
  return m[1] === '-' ? -total : total;
}

/** The layouts GetTimestamp tries for a value with a `-` (a date, then a time of day, then a zone), read as UTC. */
function parseDateTime(text: string): Micros | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms) || Number(mo) > 12 || Number(d) > 31) return null;
  const offsetMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return (ms - offsetMin * 60_000) * 1000 + Math.floor(Number(frac || 0) * 1e6);
}

/** timetypes.GetTimestamp relative to `nowUs`, then ParseTimestamps. */
export function parseUntil(value: string, nowUs: Micros): Micros {
  const d = parseGoDuration(value);
  if (d !== null && value !== '0') return nowUs - d;
  const t = parseDateTime(value);
  if (t !== null) return t;
  if (value.includes('-')) throw new DaemonError(`parsing time "${value}": cannot parse "${value}" as a date`, 400);
  const unix = /^(\d+)(?:\.(\d{1,9}))?$/.exec(value);
  if (!unix) throw new DaemonError(`failed to parse value as time or duration: "${value}"`, 400);
  return Number(unix[1]) * 1e6 + Math.floor(Number(`0.${unix[2] ?? '0'}`) * 1e6);
}

/** Validates the filters as the prune endpoints do and reads `until`. */
export function pruneFilter(args: FilterArgs, nowUs: Micros): PruneFilter {
  const bad = unknownFilterKey(args, ACCEPTED);
  if (bad) throw new DaemonError(`invalid filter '${bad}'`, 400);
  const until = args.get('until') ?? [];
  if (until.length > 1) throw new DaemonError('more than one until filter specified', 400);
  return { untilUs: until.length ? parseUntil(until[0], nowUs) : null, args };
}

/** Whether an object created at `createdUs` with `labels` is one the prune may remove. */
export function prunable(f: PruneFilter | undefined, createdUs: Micros, labels: Record<string, string>): boolean {
  if (!f) return true;
  if (f.untilUs !== null && createdUs >= f.untilUs) return false;
  if (!labelMatch(f.args, 'label', labels)) return false;
  const not = f.args.get('label!') ?? [];
  return !not.some((v) => {
    const eq = v.indexOf('=');
    return eq < 0 ? v in labels : labels[v.slice(0, eq)] === v.slice(eq + 1);
  });
}
