// `npm run test:e2e`: builds the site, then runs the browser suite (headless Chromium) against it; extra arguments go
// to vitest (e.g. a file filter: `npm run test:e2e -- diagram-keyboard`).
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const run = (args) => spawnSync('npx', args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const built = run(['vite', 'build', '--logLevel', 'warn']);
if (built !== 0) process.exit(built);
process.exit(run(['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', ...process.argv.slice(2)]));
