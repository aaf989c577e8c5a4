import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../core/presets';
import { Session } from '../../session';

async function run(line: string) {
  const s = new Session(createWorld({ seed: 1 }), 'host1');
  let out = '';
  let err = '';
  const code = await s.run(line, { out: (t) => (out += t), err: (t) => (err += t), readLine: async () => null });
  return { out, err, code };
}

describe('awk', () => {
  it('splits fields on blanks or -F and prints them with OFS', async () => {
    expect((await run(`echo ' a  b c ' | awk '{print $2, $NF, NF}'`)).out).toBe('b c 3\n');
    expect((await run(`echo 'a:b:c' | awk -F: -v OFS=- '{print $1, $3}'`)).out).toBe('a-c\n');
  });

  it('compares numeric fields as numbers and strings as strings', async () => {
    expect((await run(`printf '9\\n10\\n' | awk '$1 > 5'`)).out).toBe('9\n10\n');
    expect((await run(`printf 'b\\na\\n' | awk '$1 < "b"'`)).out).toBe('a\n');
  });

  it('runs BEGIN, the rules with next and END, and exits with exit', async () => {
    expect((await run(`printf '1\\n2\\n3\\n' | awk 'BEGIN {n = 0} $1 == 2 {next} {n += $1} END {print n, NR}'`)).out).toBe('4 3\n');
    expect((await run(`echo x | awk '{exit 3}'`)).code).toBe(3);
  });

  it('rebuilds $0 when a field is assigned, and formats with printf', async () => {
    expect((await run(`echo 'a b c' | awk '{$2 = "X"; print}'`)).out).toBe('a X c\n');
    expect((await run(`awk 'BEGIN {printf "%05.1f|%-3s|%x\\n", 3.14159, "a", 255}'`)).out).toBe('003.1|a  |ff\n');
  });

  it('reports a syntax error as mawk does, exit 2', async () => {
    expect(await run(`awk '{print $1'`)).toEqual({ out: '', err: 'mawk: line 1: syntax error at or near end of file\n', code: 2 });
  });
});
