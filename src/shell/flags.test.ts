import { describe, expect, it } from 'vitest';
import { FlagSet, describeFlagError, type FlagSpec } from './flags';

const docker: FlagSpec[] = [
  { name: 'filter', short: 'f', type: 'stringArray', help: '' },
  { name: 'format', type: 'string', help: '' },
  { name: 'no-trunc', type: 'bool', help: '' },
  { name: 'quiet', short: 'q', type: 'bool', help: '' },
  { name: 'count', short: 'c', type: 'int', help: '' },
];

function err(set: FlagSet, argv: string[]): string {
  const r = set.parse(argv);
  if (r.ok) throw new Error('expected an error');
  return describeFlagError(r.error, set.dialect);
}

describe('pflag dialect', () => {
  const set = new FlagSet({ flags: docker }, 'pflag');

  it('parses long, short, clustered and =-joined flags, interspersed with arguments', () => {
    const r = set.parse(['a', '-qf', 'driver=null', '--format={{.ID}}', 'b', '--filter', 'name=x', '--no-trunc=false']);
    expect(r.ok && r.parsed.values).toEqual({ filter: ['driver=null', 'name=x'], format: '{{.ID}}', 'no-trunc': false, quiet: true, count: 0 });
    expect(r.ok && r.parsed.args).toEqual(['a', 'b']);
  });

  it('stops at -- ', () => {
    const r = set.parse(['--', '-q']);
    expect(r.ok && r.parsed.args).toEqual(['-q']);
  });

  it('words errors as pflag does', () => {
    expect(err(set, ['--foo'])).toBe('unknown flag: --foo');
    expect(err(set, ['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(err(set, ['-qx'])).toBe("unknown shorthand flag: 'x' in -qx");
    expect(err(set, ['--filter'])).toBe('flag needs an argument: --filter');
    expect(err(set, ['-f'])).toBe("flag needs an argument: 'f' in -f");
    expect(err(set, ['--quiet=maybe'])).toBe('invalid argument "maybe" for "-q, --quiet" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(err(set, ['-c', 'x'])).toBe('invalid argument "x" for "-c, --count" flag: strconv.ParseInt: parsing "x": invalid syntax');
    expect(err(set, ['---x'])).toBe('bad flag syntax: ---x');
  });

  it('reports --help and -h without defining them', () => {
    const r = set.parse(['--help']);
    expect(r.ok && r.parsed.help).toBe('--help');
    const h = set.parse(['-h']);
    expect(h.ok && h.parsed.help).toBe('-h');
  });

  it('records which flags were given', () => {
    const r = set.parse(['-q']);
    expect(r.ok && [...r.parsed.given]).toEqual(['quiet']);
  });
});

describe('gnu dialect', () => {
  const set = new FlagSet(
    {
      flags: [
        { name: 'lines', short: 'n', type: 'string', help: '' },
        { name: 'line-buffered', type: 'bool', help: '' },
        { name: 'quiet', short: 'q', type: 'bool', help: '' },
      ],
    },
    'gnu',
  );

  it('accepts -n5, -n 5 and unambiguous long prefixes', () => {
    for (const argv of [['-n5'], ['-n', '5'], ['--lines=5'], ['--lines', '5']]) {
      const r = set.parse(argv);
      expect(r.ok && r.parsed.values.lines, argv.join(' ')).toBe('5');
    }
    const abbrev = set.parse(['--qui']);
    expect(abbrev.ok && abbrev.parsed.values.quiet).toBe(true);
  });

  it('words errors as GNU getopt does', () => {
    expect(err(set, ['-z'])).toBe("invalid option -- 'z'");
    expect(err(set, ['--zzz'])).toBe("unrecognized option '--zzz'");
    expect(err(set, ['-n'])).toBe("option requires an argument -- 'n'");
    expect(err(set, ['--lines'])).toBe("option '--lines' requires an argument");
    expect(err(set, ['--quiet=1'])).toBe("option '--quiet' doesn't allow an argument");
    expect(err(set, ['--line'])).toBe("option '--line' is ambiguous; possibilities: '--lines' '--line-buffered'");
  });

  it('does not treat -h as help unless asked to', () => {
    expect(err(set, ['-h'])).toBe("invalid option -- 'h'");
  });
});

describe('busybox dialect', () => {
  it('words errors as musl getopt does', () => {
    const set = new FlagSet({ flags: [{ name: 'c', short: 'c', type: 'int', help: '' }] }, 'busybox');
    expect(err(set, ['-z'])).toBe('unrecognized option: z');
    expect(err(set, ['-c'])).toBe('option requires an argument: c');
  });
});
