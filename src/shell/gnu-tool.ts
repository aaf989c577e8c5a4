// Coreutils-style programs (GNU on Ubuntu/Debian, BusyBox in alpine): declared flags give parsing, --help and usage errors.
import { FlagSet, describeFlagError, type FlagSpec, type ParsedArgs } from './flags';
import type { CommandContext, Flavor, Program } from './types';
import { readFile } from './vfs';

export interface ToolSpec {
  name: string;
  summary: string;
  /** Synopsis after the name, e.g. `[OPTION]... [FILE]...`. */
  synopsis: string;
  /** Lines shown under the usage line in --help. */
  description: string;
  flags: FlagSpec[];
  flavors?: Flavor[];
  /** Exit status for usage errors (2 for grep/sort, 1 for head/tail/wc). */
  usageExit: number;
  /** GNU prints the usage line before "Try ..." for some tools (grep). */
  usageLineOnError?: boolean;
  run(ctx: CommandContext, opts: ParsedArgs): Promise<number>;
}

const BUSYBOX_BANNER = 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.';

/** GNU-style option table: `  -n, --lines=NUM    text`, descriptions aligned at column 29. */
export function gnuOptionLines(flags: FlagSpec[]): string {
  return flags
    .filter((f) => !f.hidden)
    .map((f) => {
      const value = f.type === 'bool' || f.type === 'count' ? '' : `=${f.valueName ?? 'VALUE'}`;
      const names = f.short && f.name !== f.short ? `-${f.short}, --${f.name}${value}` : f.short ? `-${f.short}${value ? ' ' + value.slice(1) : ''}` : `    --${f.name}${value}`;
      const left = `  ${names}`;
      return left.length >= 28 ? `${left}\n${' '.repeat(29)}${f.help}` : `${left.padEnd(29)}${f.help}`;
    })
    .join('\n');
}

function gnuHelp(spec: ToolSpec): string {
  return (
    `Usage: ${spec.name} ${spec.synopsis}\n${spec.description}\n\n${gnuOptionLines(spec.flags)}\n` +
    `      --help        display this help and exit\n`
  );
}

function busyboxHelp(spec: ToolSpec): string {
  const opts = spec.flags
    .filter((f) => !f.hidden && f.short)
    .map((f) => `\t-${f.short}${f.type === 'bool' || f.type === 'count' ? '' : ' ' + (f.valueName ?? 'N')}\t${f.help}`)
    .join('\n');
  return `${BUSYBOX_BANNER}\n\nUsage: ${spec.name} ${spec.synopsis}\n\n${spec.description}\n${opts ? '\n' + opts + '\n' : ''}`;
}

/** Wraps a tool spec as a Program that parses with the flavor's dialect and prints its help and errors. */
export function defineTool(spec: ToolSpec): Program {
  return {
    name: spec.name,
    summary: spec.summary,
    flavors: spec.flavors,
    async run(ctx) {
      const busybox = ctx.env.flavor === 'busybox';
      const set = new FlagSet({ flags: spec.flags }, busybox ? 'busybox' : 'gnu');
      const result = set.parse(ctx.argv.slice(1));
      if (!result.ok) {
        const msg = describeFlagError(result.error, busybox ? 'busybox' : 'gnu');
        if (busybox) {
          ctx.err(`${spec.name}: ${msg}\n${busyboxHelp(spec)}`);
          return 1;
        }
        const usage = spec.usageLineOnError ? `Usage: ${spec.name} ${spec.synopsis}\n` : '';
        ctx.err(`${spec.name}: ${msg}\n${usage}Try '${spec.name} --help' for more information.\n`);
        return spec.usageExit;
      }
      if (result.parsed.help === '--help') {
        if (busybox) {
          ctx.err(busyboxHelp(spec));
          return 0;
        }
        ctx.out(gnuHelp(spec));
        return 0;
      }
      return spec.run(ctx, result.parsed);
    },
  };
}

/** Reads the named files (or stdin when none / `-`), reporting missing ones as coreutils does. */
export function readInputs(ctx: CommandContext, files: string[], tool: string): { texts: { name: string; text: string }[]; failed: boolean } {
  const texts: { name: string; text: string }[] = [];
  let failed = false;
  if (files.length === 0) files = ['-'];
  for (const f of files) {
    if (f === '-') {
      texts.push({ name: '(standard input)', text: ctx.stdin ?? '' });
      continue;
    }
    const r = readFile(ctx.world, ctx.env, f);
    if (r.ok) texts.push({ name: f, text: r.content });
    else {
      failed = true;
      const why = r.error === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
      ctx.err(`${tool}: ${f}: ${why}\n`);
    }
  }
  return { texts, failed };
}

/** Splits text into lines without the trailing empty piece. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}
