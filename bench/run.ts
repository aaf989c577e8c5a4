// In-process benchmarks (`npm run bench`): world creation and commands, timed over many runs, reported as medians.
import { performance } from 'node:perf_hooks';
import { createWorld } from '../src/core/presets';
import { Session } from '../src/shell/session';
import { benches } from './benches';

export interface Bench {
  name: string;
  /** Optional budget in ms for the median; reported, never asserted in tests. */
  budgetMs?: number;
  /** Prepares state once; returns the function to time. */
  setup(): Promise<() => Promise<unknown> | unknown>;
}

async function time(b: Bench): Promise<{ median: number; p95: number; runs: number }> {
  const fn = await b.setup();
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  const deadline = performance.now() + 1500;
  while (samples.length < 20 || (performance.now() < deadline && samples.length < 2000)) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[Math.floor(samples.length * 0.95)], runs: samples.length };
}

export async function runCommand(session: Session, line: string): Promise<string> {
  let out = '';
  const code = await session.run(line, { out: (t) => (out += t), err: (t) => (out += t), readLine: async () => null });
  if (code !== 0) throw new Error(`${line} exited ${code}: ${out}`);
  return out;
}

export function freshSession(): Session {
  return new Session(createWorld(), 'host1');
}

const filter = process.argv[2];
let over = 0;
console.log('benchmark'.padEnd(58) + 'median ms'.padStart(11) + 'p95 ms'.padStart(10) + 'budget'.padStart(9) + 'runs'.padStart(7));
for (const b of benches.filter((x) => !filter || x.name.includes(filter))) {
  const r = await time(b);
  const ok = b.budgetMs === undefined || r.median <= b.budgetMs;
  if (!ok) over++;
  console.log(
    b.name.padEnd(58) + r.median.toFixed(3).padStart(11) + r.p95.toFixed(3).padStart(10) + (b.budgetMs === undefined ? '-' : `${b.budgetMs}`).padStart(9) + String(r.runs).padStart(7) + (ok ? '' : '  OVER BUDGET'),
  );
}
if (over) console.log(`\n${over} benchmark(s) over budget`);
