// `cnlab lessons check` on fixtures: a clean lesson passes; each kind of broken lesson fails with its file:line.
import { describe, expect, it } from 'vitest';
import { lessonsCommand } from '../../src/node/lessons-check';

async function run(...args: string[]): Promise<{ code: number; lines: string[] }> {
  let out = '';
  const code = await lessonsCommand(args, (t) => (out += t));
  return { code, lines: out.trimEnd().split('\n').map((l) => l.replace(/ \d+ ms$/, ' N ms')) };
}

describe('cnlab lessons check', () => {
  it('passes a lesson whose checks are false before each solution and true after', async () => {
    expect(await run('check', 'tests/lessons/fixtures/replay/00-part/01-good.md')).toEqual({
      code: 0,
      lines: ['ok   tests/lessons/fixtures/replay/00-part/01-good.md (4 steps, 7 checks, 1 quiz) N ms', '1 lesson passed, 0 failed'],
    });
  });

  it('fails checks that hold too early or never, wrong prediction keys and failing setups, at their lines', async () => {
    const r = await run('check', 'tests/lessons/fixtures/replay');
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'ok   tests/lessons/fixtures/replay/00-part/01-good.md (4 steps, 7 checks, 1 quiz) N ms',
      'FAIL tests/lessons/fixtures/replay/00-part/02-already-true.md (1 step, 1 check, 0 quizzes) N ms',
      '  tests/lessons/fixtures/replay/00-part/02-already-true.md:13: step "Make red": "Network namespace `red` exists" already holds before the solution',
      'FAIL tests/lessons/fixtures/replay/00-part/03-not-after.md (1 step, 1 check, 0 quizzes) N ms',
      '  tests/lessons/fixtures/replay/00-part/03-not-after.md:11: step "Make br1": "Interface `br1` exists" does not hold after the solution (there is no interface br1)',
      'FAIL tests/lessons/fixtures/replay/00-part/04-wrong-key.md (1 step, 0 checks, 2 quizzes) N ms',
      '  tests/lessons/fixtures/replay/00-part/04-wrong-key.md:10: quiz count-q1: `docker network ls -q | wc -l` prints "3" at this point, but the answer key says "4"',
      '  tests/lessons/fixtures/replay/00-part/04-wrong-key.md:16: quiz count-q2: `docker network ls --format \'{{.Driver}}\' | sort | head -n 1` prints "bridge" at this point, but the answer key says "host"',
      'FAIL tests/lessons/fixtures/replay/00-part/05-setup-fails.md (1 step, 0 checks, 0 quizzes) N ms',
      '  tests/lessons/fixtures/replay/00-part/05-setup-fails.md:1: setup command `sudo ip link set nosuch up` failed with status 1: Cannot find device "nosuch"',
      '1 lesson passed, 4 failed',
    ]);
  });

  it('lets a command wait out its own timeouts (ping 10 s, a dropped TCP connect 127 s) before pressing Ctrl-C', async () => {
    expect(await run('check', 'tests/lessons/fixtures/waits')).toEqual({
      code: 0,
      lines: ['ok   tests/lessons/fixtures/waits/00-part/01-timeouts.md (1 step, 2 checks, 2 quizzes) N ms', '1 lesson passed, 0 failed'],
    });
  });

  it('stops at compile errors with file:line:col', async () => {
    expect(await run('check', 'tests/lessons/fixtures/broken')).toEqual({
      code: 1,
      lines: ['tests/lessons/fixtures/broken/00-part/01-broken.md:25:9: quiz: `answer` has no option `d` (options: a, b, c)', '0 lessons passed, 1 failed'],
    });
  });

  it('checks the course in lessons/', async () => {
    const r = await run('check');
    expect(r.lines[r.lines.length - 1]).toMatch(/^\d+ lessons? passed, 0 failed$/);
    expect(r.code).toBe(0);
  });

  it('checks the lessons of a part folder, as its usage says DIR may be', async () => {
    for (const dir of ['lessons/00-start', 'lessons/00-start/']) {
      expect(await run('check', dir)).toEqual({ code: 0, lines: ['ok   lessons/00-start/01-welcome.md (4 steps, 3 checks, 4 quizzes) N ms', '1 lesson passed, 0 failed'] });
    }
    const part = await run('check', 'tests/lessons/fixtures/replay/00-part');
    expect(part.code).toBe(1);
    expect(part.lines).toEqual((await run('check', 'tests/lessons/fixtures/replay')).lines);
  });

  it('checks each lesson once, in course order, however the paths overlap', async () => {
    const r = await run('check', 'lessons/01-docker-networking/02-default-bridge.md', 'lessons/00-start', 'lessons/00-start/01-welcome.md');
    expect(r.lines.map((l) => l.split(' (')[0])).toEqual(['ok   lessons/00-start/01-welcome.md', 'ok   lessons/01-docker-networking/02-default-bridge.md', '2 lessons passed, 0 failed']);
  });

  it('explains its usage and rejects unknown options and paths', async () => {
    expect((await run('--help')).lines[0]).toBe('Usage: cnlab lessons check [-v] [FILE|DIR...]');
    expect(await run('check', '--help')).toMatchObject({ code: 0, lines: expect.arrayContaining(['Usage: cnlab lessons check [-v] [FILE|DIR...]']) });
    expect(await run('check', '--fast')).toMatchObject({ code: 2, lines: expect.arrayContaining(['cnlab lessons check: unknown option --fast']) });
    expect(await run('check', 'no/such/file.md')).toEqual({ code: 2, lines: ['cnlab lessons check: no/such/file.md: no such file or directory'] });
    expect(await run('frobnicate')).toMatchObject({ code: 2, lines: expect.arrayContaining(['cnlab lessons: unknown command "frobnicate"']) });
  });
});
