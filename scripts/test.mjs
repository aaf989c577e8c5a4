// `npm test`: every check a change must pass, ending with one plain line `N passed, N failed` and a non-zero exit on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;

function step(name, cmd, args, opts = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  return r.status === 0;
}

/** A check that counts as one test. */
function check(name, cmd, args) {
  if (step(name, cmd, args)) passed++;
  else {
    failed++;
    console.log(`FAILED: ${name}`);
  }
}

/** A vitest run whose individual tests are counted from its JSON report. */
function vitest(name, args) {
  const dir = mkdtempSync(join(tmpdir(), 'cnlab-vitest-'));
  const out = join(dir, 'report.json');
  const ok = step(name, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!ok && report.numFailedTests === 0) {
      failed++;
      console.log(`FAILED: ${name} (suite error)`);
    }
  } else {
    failed++;
    console.log(`FAILED: ${name} (no report)`);
  }
  rmSync(dir, { recursive: true, force: true });
}

check('svelte-check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);
check('lint', 'npx', ['eslint', '.']);
vitest('unit, component and transcript tests', []);
if (existsSync(join(root, 'lessons')) && existsSync(join(root, 'src/lessons/check.ts'))) {
  check('lesson checks', 'npx', ['tsx', 'src/node/cli.ts', 'lessons', 'check']);
}
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`\nChromium not found at ${chromium}: the browser suite needs it.`);
  console.log('Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM to a Chromium binary.');
  failed++;
} else {
  check('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  vitest('browser suite (headless Chromium)', ['--config', 'tests/e2e/vitest.config.ts']);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
