// A small spf13/cobra: a tree of subcommands with declared flags, argument rules, and docker's help and error texts.
import { FlagSet, describeFlagError, type FlagSpec, type FlagValues } from './flags';
import type { CommandContext } from './types';
import { pflagUsages } from './format/pflag-usage';

/** Positional argument rules, as docker/cli's cli.NoArgs / ExactArgs / RequiresMinArgs / ... */
export type ArgsRule = { none: true } | { exact: number } | { min: number; max?: number } | { max: number };

/** What a leaf command's run function receives. */
export interface Invocation {
  values: FlagValues;
  given: Set<string>;
  args: string[];
  /** `docker network ls` */
  path: string;
  cmd: CobraCommand;
}

export interface CobraCommand {
  name: string;
  aliases?: string[];
  /** docker's "aliases" annotation: the full Aliases line when it lists other paths (`docker container run, docker run`). */
  aliasesLine?: string;
  /** The use line after the parent's path, e.g. `ls [OPTIONS]`. */
  use: string;
  short: string;
  long?: string;
  example?: string;
  flags?: FlagSpec[];
  /** Flags inherited by every subcommand (cobra PersistentFlags). */
  persistentFlags?: FlagSpec[];
  args?: ArgsRule;
  subcommands?: CobraCommand[];
  hidden?: boolean;
  /** Root help grouping: `top` (Common Commands), `swarm` (Swarm Commands). */
  category?: 'top' | 'swarm';
  /** Order among Common Commands. */
  topOrder?: number;
  /** pflag SetInterspersed: false stops flag parsing at the first argument (`docker run IMAGE CMD -x`). */
  interspersed?: boolean;
  run?(ctx: CommandContext, inv: Invocation): Promise<number>;
}

/** How a CLI words its usage errors (docker and kubectl differ). */
export interface CliStyle {
  /** Printed for a flag parse error; returns [text, exit code]. */
  flagError(path: string, message: string, cmd: CobraCommand, usage: string): [string, number];
  /** Footer line for the root help (docker's "For more help ..."). */
  additionalHelp?: string;
  /** Wrap width for the Options block. */
  flagCols: number;
}

export const DOCKER_STYLE: CliStyle = {
  flagError(path, message, cmd, usage) {
    const sub = cmd.subcommands?.length ? `\n\n${usage}` : '';
    return [`${message}\nSee '${path} --help'.${sub}\n`, 125];
  },
  additionalHelp: 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/',
  flagCols: 79,
};

const MIN_NAME_PADDING = 11;

function visibleSubs(cmd: CobraCommand): CobraCommand[] {
  return (cmd.subcommands ?? []).filter((c) => !c.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function namePadding(siblings: CobraCommand[]): number {
  return Math.max(MIN_NAME_PADDING, ...siblings.map((s) => s.name.length));
}

export function findSub(cmd: CobraCommand, name: string): CobraCommand | undefined {
  return cmd.subcommands?.find((c) => c.name === name || c.aliases?.includes(name));
}

/** cobra's UseLine with docker's DisableFlagsInUseLine. */
function useLine(parentPath: string, cmd: CobraCommand): string {
  return parentPath ? `${parentPath} ${cmd.use}` : cmd.use;
}

/** docker/cli's usage template rendered for `cmd` at `path` (whose parent path is `parentPath`). */
export function renderUsage(cmd: CobraCommand, path: string, parentPath: string, inherited: FlagSpec[], style: CliStyle): string {
  const subs = visibleSubs(cmd);
  const ownFlags = [...(cmd.flags ?? []), ...(cmd.persistentFlags ?? [])];
  const hasParent = parentPath !== '';
  let s = 'Usage:';
  if (!subs.length) s += `  ${useLine(parentPath, cmd)}`;
  else s += `  ${path}${ownFlags.some((f) => !f.hidden) ? ' [OPTIONS]' : ''} COMMAND`;
  s += `\n\n${(cmd.long ?? cmd.short).trim()}`;
  if (cmd.aliasesLine) {
    s += `\n\nAliases:\n  ${cmd.aliasesLine}`;
  } else if (cmd.aliases?.length) {
    s += `\n\nAliases:\n  ${[path, ...cmd.aliases.map((a) => `${parentPath} ${a}`)].join(', ')}`;
  }
  if (cmd.example) s += `\n\nExamples:\n${cmd.example}`;
  const localFlags = [...ownFlags, ...inherited];
  if (hasParent && localFlags.some((f) => !f.hidden)) s += `\n\nOptions:\n${pflagUsages(localFlags, style.flagCols).trimEnd()}`;
  if (!hasParent) {
    const tops = subs.filter((c) => c.category === 'top').sort((a, b) => (a.topOrder ?? 0) - (b.topOrder ?? 0));
    const mgmt = subs.filter((c) => c.subcommands?.length && c.category !== 'swarm');
    const swarm = subs.filter((c) => c.subcommands?.length && c.category === 'swarm');
    const ops = subs.filter((c) => !c.subcommands?.length && c.category !== 'top');
    const pad = namePadding(subs);
    if (tops.length) s += '\n\nCommon Commands:' + tops.map((c) => `\n  ${(c.name + ' ').padEnd(pad + 1)}${c.short}`).join('');
    if (mgmt.length) s += '\n\nManagement Commands:' + mgmt.map((c) => `\n  ${(c.name + ' ').padEnd(pad + 1)}${c.short}`).join('');
    if (swarm.length) s += '\n\nSwarm Commands:' + swarm.map((c) => `\n  ${(c.name + ' ').padEnd(pad + 1)}${c.short}`).join('');
    if (ops.length) s += '\n\nCommands:' + ops.map((c) => `\n  ${c.name.padEnd(pad)} ${c.short}`).join('');
    if (ownFlags.some((f) => !f.hidden)) s += `\n\nGlobal Options:\n${pflagUsages(ownFlags, style.flagCols).trimEnd()}`;
  } else if (subs.length) {
    const ops = subs.filter((c) => !c.subcommands?.length);
    const pad = namePadding(subs);
    if (ops.length) s += '\n\nCommands:' + ops.map((c) => `\n  ${c.name.padEnd(pad)} ${c.short}`).join('');
  }
  if (subs.length) s += `\n\nRun '${path} COMMAND --help' for more information on a command.`;
  if (!hasParent && style.additionalHelp) s += `\n\n${style.additionalHelp}`;
  return s + '\n';
}

function plural(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/** docker/cli's cli/required.go messages, or null when the arguments satisfy the rule. */
function checkArgs(rule: ArgsRule | undefined, args: string[], path: string, use: string, short: string): string | null {
  if (!rule) return null;
  const tail = `.\nSee '${path} --help'.\n\nUsage:  ${use}\n\n${short}`;
  if ('none' in rule) return args.length ? `${JSON.stringify(path)} accepts no arguments${tail}` : null;
  if ('exact' in rule) return args.length !== rule.exact ? `${JSON.stringify(path)} requires exactly ${rule.exact} ${plural(rule.exact)}${tail}` : null;
  if ('min' in rule) {
    if (rule.max !== undefined && (args.length < rule.min || args.length > rule.max)) {
      return `${JSON.stringify(path)} requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}${tail}`;
    }
    return args.length < rule.min ? `${JSON.stringify(path)} requires at least ${rule.min} ${plural(rule.min)}${tail}` : null;
  }
  return args.length > rule.max ? `${JSON.stringify(path)} requires at most ${rule.max} ${plural(rule.max)}${tail}` : null;
}

/**
 * Runs `argv` (without the program name) against the tree under `root`: finds the subcommand, parses its flags,
 * checks arguments, prints help or errors in the CLI's words, and calls `run`.
 */
export async function runCobra(root: CobraCommand, ctx: CommandContext, argv: string[], style: CliStyle, rootGlobals?: (values: FlagValues, ctx: CommandContext) => number | null): Promise<number> {
  // Root: global flags stop at the first non-flag word (docker parses them non-interspersed).
  const rootSet = new FlagSet({ flags: [...(root.flags ?? []), ...(root.persistentFlags ?? [])], interspersed: false }, 'pflag');
  const rootParsed = rootSet.parse(argv);
  if (!rootParsed.ok) {
    const [text, code] = style.flagError(root.name, describeFlagError(rootParsed.error, 'pflag'), root, renderUsage(root, root.name, '', [], style));
    ctx.err(text);
    return code;
  }
  if (rootGlobals) {
    const early = rootGlobals(rootParsed.parsed.values, ctx);
    if (early !== null) return early;
  }
  let rest = rootParsed.parsed.args;
  if (rootParsed.parsed.help && rest.length === 0) {
    ctx.out('\n' + renderUsage(root, root.name, '', [], style));
    return 0;
  }
  let cmd = root;
  let path = root.name;
  let parentPath = '';
  const inherited: FlagSpec[] = [...(root.persistentFlags ?? [])];
  while (rest.length && cmd.subcommands?.length) {
    const sub = findSub(cmd, rest[0]);
    if (!sub) break;
    if (cmd !== root) inherited.push(...(cmd.persistentFlags ?? []));
    parentPath = path;
    path = `${path} ${sub.name}`;
    cmd = sub;
    rest = rest.slice(1);
  }
  const usage = () => renderUsage(cmd, path, parentPath, cmd === root ? [] : inherited, style);
  if (cmd === root) {
    if (rest.length === 0) {
      ctx.err('\n' + usage());
      return 0;
    }
    ctx.err(`${root.name}: '${rest[0]}' is not a ${root.name} command.\nSee '${root.name} --help'\n`);
    return 1;
  }
  const set = new FlagSet({ flags: [...(cmd.flags ?? []), ...(cmd.persistentFlags ?? []), ...inherited], interspersed: cmd.interspersed }, 'pflag');
  const parsed = set.parse(rest);
  if (!parsed.ok) {
    const [text, code] = style.flagError(path, describeFlagError(parsed.error, 'pflag'), cmd, usage());
    ctx.err(text);
    return code;
  }
  // cobra honours a command's own `help` flag too (docker run/create declare it, as -h is --hostname there).
  if (parsed.parsed.help || parsed.parsed.values.help === true) {
    if (parsed.parsed.help === '-h') ctx.err('Flag shorthand -h has been deprecated, please use --help\n');
    ctx.out('\n' + usage());
    return 0;
  }
  const { args } = parsed.parsed;
  if (!cmd.run) {
    if (args.length === 0) {
      ctx.err('\n' + usage());
      return 0;
    }
    ctx.err('\n' + usage().trimEnd() + '\n');
    return 1;
  }
  const argErr = checkArgs(cmd.args, args, path, useLine(parentPath, cmd), cmd.short);
  if (argErr) {
    ctx.err(argErr + '\n');
    return 1;
  }
  return cmd.run(ctx, { values: parsed.parsed.values, given: parsed.parsed.given, args, path, cmd });
}
