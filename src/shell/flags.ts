// The one declarative option parser every command uses: pflag (docker, kubectl), GNU getopt_long and musl/busybox getopt.
// Commands declare their flags; parsing, usage errors and help text all come from that declaration.

export type FlagType =
  | 'bool' // takes no value (pflag also accepts --flag=false)
  | 'string'
  | 'int'
  | 'stringArray' // repeatable; each occurrence appends one value
  | 'stringSlice' // repeatable; each occurrence appends comma-separated values
  | 'count'; // -vvv counts occurrences

/** The syntax and error wording family a command follows. */
export type FlagDialect = 'pflag' | 'gnu' | 'busybox';

export interface FlagSpec {
  /** Long name without dashes (`filter`); also the key in the parsed values. Single-letter-only flags use the letter. */
  name: string;
  short?: string;
  /** Extra long names that mean the same flag (e.g. iptables `--list` for `-L`). */
  aliases?: string[];
  type: FlagType;
  help: string;
  /** pflag's Type() shown after the flag in help (`filter`, `list`, `map`, `string`); defaults from `type`. */
  valueName?: string;
  default?: boolean | string | number | string[];
  /** Text for `(default ...)` in pflag help when the default is not the zero value. */
  defaultText?: string;
  /** Value used when the flag is given without one (pflag NoOptDefVal); makes the value optional. */
  noOptDefault?: string;
  hidden?: boolean;
  /** Validates and converts a raw value; return `{ error }` to reject it with the tool's wording. */
  parse?: (raw: string) => { value: unknown } | { error: string };
}

export interface FlagSetSpec {
  flags: FlagSpec[];
  /** Allow flags after positional arguments (pflag and GNU default true). */
  interspersed?: boolean;
  /** GNU: accept unambiguous prefixes of long options. Defaults to true for `gnu`. */
  allowAbbrev?: boolean;
  /** Whether an undeclared `-h` asks for help (cobra's hidden help flag); defaults to true for pflag only. */
  helpShort?: boolean;
}

export type FlagValues = Record<string, unknown>;

export interface ParsedArgs {
  values: FlagValues;
  /** Names of flags the user actually gave. */
  given: Set<string>;
  args: string[];
  /** How help was asked for (`-h` or `--help`) when the flag set does not define that flag itself. */
  help: '' | '-h' | '--help';
}

export type FlagErrorKind = 'unknown' | 'missing-value' | 'invalid-value' | 'unexpected-value' | 'ambiguous' | 'bad-syntax';

export interface FlagError {
  kind: FlagErrorKind;
  /** As the user typed it: `--filter`, `-f`, or for clusters the whole `-xyz`. */
  token: string;
  /** The single flag letter for short-option errors. */
  letter?: string;
  spec?: FlagSpec;
  value?: string;
  /** Converter's own error text (`strconv.ParseInt: parsing "x": invalid syntax`). */
  detail?: string;
  candidates?: string[];
}

export type ParseResult = { ok: true; parsed: ParsedArgs } | { ok: false; error: FlagError };

export class FlagSet {
  constructor(readonly spec: FlagSetSpec, readonly dialect: FlagDialect) {}

  private long(name: string): FlagSpec | undefined {
    return this.spec.flags.find((f) => f.name === name || f.aliases?.includes(name));
  }

  private short(letter: string): FlagSpec | undefined {
    return this.spec.flags.find((f) => f.short === letter);
  }

  private abbrev(prefix: string): FlagSpec[] {
    const names = this.spec.flags.flatMap((f) => [f.name, ...(f.aliases ?? [])].map((n) => ({ n, f })));
    const hits = names.filter(({ n }) => n.startsWith(prefix));
    return [...new Set(hits.map((h) => h.f))];
  }

  defaults(): FlagValues {
    const values: FlagValues = {};
    for (const f of this.spec.flags) values[f.name] = defaultOf(f);
    return values;
  }

  parse(argv: readonly string[]): ParseResult {
    const values = this.defaults();
    const given = new Set<string>();
    const args: string[] = [];
    let help: ParsedArgs['help'] = '';
    const helpShort = this.spec.helpShort ?? this.dialect === 'pflag';
    const interspersed = this.spec.interspersed ?? true;
    const set = (f: FlagSpec, raw: string | undefined, token: string, letter?: string): FlagError | null => {
      const err = assign(values, given, f, raw, this.dialect);
      return err ? { ...err, token, letter, spec: f } : null;
    };

    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--') {
        args.push(...argv.slice(i + 1));
        break;
      }
      if (!a.startsWith('-') || a === '-') {
        if (!interspersed) {
          args.push(...argv.slice(i));
          break;
        }
        args.push(a);
        continue;
      }
      if (a.startsWith('--')) {
        const body = a.slice(2);
        if (this.dialect === 'pflag' && (body.startsWith('-') || body.startsWith('='))) {
          return { ok: false, error: { kind: 'bad-syntax', token: a } };
        }
        const eq = body.indexOf('=');
        const name = eq >= 0 ? body.slice(0, eq) : body;
        let f = this.long(name);
        if (!f && this.dialect === 'gnu' && (this.spec.allowAbbrev ?? true)) {
          const hits = this.abbrev(name);
          if (hits.length > 1) {
            return { ok: false, error: { kind: 'ambiguous', token: `--${name}`, candidates: hits.map((h) => `--${h.name}`) } };
          }
          f = hits[0];
        }
        if (!f) {
          if (name === 'help') {
            help = '--help';
            continue;
          }
          return { ok: false, error: { kind: 'unknown', token: this.dialect === 'pflag' ? `--${name}` : a } };
        }
        const token = `--${f.name}`;
        if (eq >= 0) {
          if (takesNoValue(f) && this.dialect !== 'pflag') {
            return { ok: false, error: { kind: 'unexpected-value', token, spec: f } };
          }
          const err = set(f, body.slice(eq + 1), token);
          if (err) return { ok: false, error: err };
        } else if (takesNoValue(f) || f.noOptDefault !== undefined) {
          const err = set(f, f.noOptDefault, token);
          if (err) return { ok: false, error: err };
        } else if (i + 1 < argv.length) {
          const err = set(f, argv[++i], token);
          if (err) return { ok: false, error: err };
        } else {
          return { ok: false, error: { kind: 'missing-value', token, spec: f } };
        }
        continue;
      }
      // A cluster of short flags: -abc, -n5, -n 5, -f=value (pflag).
      const cluster = a.slice(1);
      for (let j = 0; j < cluster.length; j++) {
        const letter = cluster[j];
        const f = this.short(letter);
        if (!f) {
          if (letter === 'h' && helpShort) {
            help ||= '-h';
            continue;
          }
          return { ok: false, error: { kind: 'unknown', token: a, letter } };
        }
        if (takesNoValue(f)) {
          if (this.dialect === 'pflag' && cluster[j + 1] === '=') {
            const err = set(f, cluster.slice(j + 2), a, letter);
            if (err) return { ok: false, error: err };
            break;
          }
          const err = set(f, undefined, a, letter);
          if (err) return { ok: false, error: err };
          continue;
        }
        let rest = cluster.slice(j + 1);
        if (this.dialect === 'pflag' && rest.startsWith('=')) rest = rest.slice(1);
        if (rest.length > 0) {
          const err = set(f, rest, a, letter);
          if (err) return { ok: false, error: err };
        } else if (f.noOptDefault !== undefined) {
          const err = set(f, f.noOptDefault, a, letter);
          if (err) return { ok: false, error: err };
        } else if (i + 1 < argv.length) {
          const err = set(f, argv[++i], a, letter);
          if (err) return { ok: false, error: err };
        } else {
          return { ok: false, error: { kind: 'missing-value', token: a, letter, spec: f } };
        }
        break;
      }
    }
    return { ok: true, parsed: { values, given, args, help } };
  }
}

function takesNoValue(f: FlagSpec): boolean {
  return f.type === 'bool' || f.type === 'count';
}

function defaultOf(f: FlagSpec): unknown {
  if (f.default !== undefined) return Array.isArray(f.default) ? [...f.default] : f.default;
  switch (f.type) {
    case 'bool':
      return false;
    case 'int':
    case 'count':
      return 0;
    case 'string':
      return '';
    case 'stringArray':
    case 'stringSlice':
      return [];
  }
}

const PFLAG_BOOL: Record<string, boolean> = {
  '1': true, t: true, T: true, TRUE: true, true: true, True: true,
  '0': false, f: false, F: false, FALSE: false, false: false, False: false,
};

function assign(values: FlagValues, given: Set<string>, f: FlagSpec, raw: string | undefined, dialect: FlagDialect): Omit<FlagError, 'token'> | null {
  given.add(f.name);
  if (f.parse && raw !== undefined) {
    const r = f.parse(raw);
    if ('error' in r) return { kind: 'invalid-value', value: raw, detail: r.error };
    if (f.type === 'stringArray' || f.type === 'stringSlice') (values[f.name] as unknown[]).push(r.value);
    else values[f.name] = r.value;
    return null;
  }
  switch (f.type) {
    case 'bool': {
      if (raw === undefined) {
        values[f.name] = true;
        return null;
      }
      if (!(raw in PFLAG_BOOL)) {
        return { kind: 'invalid-value', value: raw, detail: `strconv.ParseBool: parsing ${goQuote(raw)}: invalid syntax` };
      }
      values[f.name] = PFLAG_BOOL[raw];
      return null;
    }
    case 'count':
      values[f.name] = (values[f.name] as number) + 1;
      return null;
    case 'int': {
      const text = raw ?? '';
      if (!/^[+-]?\d+$/.test(text)) {
        const detail = dialect === 'pflag' ? `strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax` : undefined;
        return { kind: 'invalid-value', value: text, detail };
      }
      values[f.name] = Number(text);
      return null;
    }
    case 'string':
      values[f.name] = raw ?? '';
      return null;
    case 'stringArray':
      (values[f.name] as string[]).push(raw ?? '');
      return null;
    case 'stringSlice':
      (values[f.name] as string[]).push(...(raw ?? '').split(',').filter((s, i, all) => s !== '' || all.length === 1));
      return null;
  }
}

/** Go's %q for plain strings (strconv.Quote, enough for flag values). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** pflag's "-f, --filter" or "--no-trunc" naming of a flag in error messages. */
function pflagName(f: FlagSpec): string {
  return f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

/** The error line each dialect prints (without the program prefix where the tool adds one). */
export function describeFlagError(e: FlagError, dialect: FlagDialect): string {
  if (dialect === 'pflag') {
    switch (e.kind) {
      case 'unknown':
        return e.letter ? `unknown shorthand flag: '${e.letter}' in ${e.token}` : `unknown flag: ${e.token}`;
      case 'missing-value':
        return e.letter ? `flag needs an argument: '${e.letter}' in ${e.token}` : `flag needs an argument: ${e.token}`;
      case 'invalid-value':
        return `invalid argument ${goQuote(e.value ?? '')} for ${goQuote(pflagName(e.spec!))} flag: ${e.detail ?? 'invalid value'}`;
      case 'bad-syntax':
        return `bad flag syntax: ${e.token}`;
      default:
        return `invalid flag: ${e.token}`;
    }
  }
  if (dialect === 'gnu') {
    switch (e.kind) {
      case 'unknown':
        return e.letter ? `invalid option -- '${e.letter}'` : `unrecognized option '${e.token}'`;
      case 'missing-value':
        return e.letter ? `option requires an argument -- '${e.letter}'` : `option '${e.token}' requires an argument`;
      case 'unexpected-value':
        return `option '${e.token}' doesn't allow an argument`;
      case 'ambiguous':
        return `option '${e.token}' is ambiguous; possibilities: ${(e.candidates ?? []).map((c) => `'${c}'`).join(' ')}`;
      default:
        return e.detail ?? `invalid argument '${e.value}' for '${e.token}'`;
    }
  }
  switch (e.kind) {
    case 'unknown':
      return `unrecognized option: ${e.letter ?? e.token}`;
    case 'missing-value':
      return `option requires an argument: ${e.letter ?? e.token}`;
    default:
      return e.detail ?? `invalid argument '${e.value}'`;
  }
}
