// `npm run bench`: in-process benchmarks under tsx, then the browser benchmarks when a build and Chromium exist.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const r = spawnSync('npx', ['tsx', 'bench/run.ts', ...args], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
if (existsSync(new URL('../bench/browser.ts', import.meta.url))) {
  const b = spawnSync('npx', ['tsx', 'bench/browser.ts', ...args], { cwd: root, stdio: 'inherit' });
  process.exit(b.status ?? 1);
}
