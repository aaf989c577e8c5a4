import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** Runs the `cnlab` command with `input` on stdin; returns stdout without terminal escapes. */
function cnlab(args: string[], input: string): string {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/node/cli.ts'), ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return r.stdout.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
}

describe('cnlab exec and cnlab shell: continuation lines', () => {
  it('exec echoes the lines typed at PS2 after "> " and runs them as one command', () => {
    expect(cnlab(['exec'], 'echo "one\ntwo"\necho a |\ngrep a\nhistory\n')).toBe(
      [
        'learner@host1:~$ echo "one', '> two"', 'one', 'two',
        'learner@host1:~$ echo a |', '> grep a', 'a',
        'learner@host1:~$ history', '    1  echo "one', 'two"', '    2  echo a | grep a', '    3  history', '',
      ].join('\n'),
    );
  });

  it('shell prompts with "> " for the rest of an open command', () => {
    // Piped input arrives at once, so readline has echoed it all before the PS2 prompt and the output follow.
    const out = cnlab(['shell'], "echo 'x\ny'\nexit\n");
    expect(out).toContain("learner@host1:~$ echo 'x\ny'\nexit\n> x\ny\nlearner@host1:~$ exit");
    expect(out).not.toContain('unexpected EOF');
  }, 40_000);
});
