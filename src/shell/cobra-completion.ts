// Completion for cobra-style CLIs, as cobra's `__complete` does it: walk the subcommand path (skipping flags and
// their values), then offer subcommands, the leaf's flags, a flag's values, or the leaf's positional arguments.
import type { CobraCommand } from './cobra';
import { findSub } from './cobra';
import type { FlagSpec } from './flags';
import type { CompletionRequest } from './completers';

/** Completes positional argument values (container names, network names, ...). `position` counts from 0. */
export type ArgCompleter = (req: CompletionRequest, position: number, args: string[]) => string[];

/** Completes the value of one flag (`--network <TAB>`). */
export type FlagValueCompleter = (req: CompletionRequest) => string[];

const argCompleters = new WeakMap<CobraCommand, ArgCompleter>();
const pathArgCompleters = new Map<string, ArgCompleter>();
const flagValueCompleters = new Map<string, FlagValueCompleter>();

export function registerArgCompleter(cmd: CobraCommand, completer: ArgCompleter): void {
  argCompleters.set(cmd, completer);
}

/** Registers argument completion by command path (`docker network inspect`), so it works whoever builds the tree. */
export function registerPathCompleter(path: string, completer: ArgCompleter): void {
  pathArgCompleters.set(path, completer);
}

/** Registers value completion for flag `name` of the command at `path` (`docker run`, `network`). */
export function registerFlagValueCompleter(path: string, name: string, completer: FlagValueCompleter): void {
  flagValueCompleters.set(`${path} --${name}`, completer);
}

interface Walked {
  cmd: CobraCommand;
  path: string;
  flags: FlagSpec[];
  args: string[];
  /** The flag whose value is being typed as the current word, if the previous word left one open. */
  pendingFlag: FlagSpec | null;
}

function findFlag(flags: FlagSpec[], word: string): FlagSpec | undefined {
  if (word.startsWith('--')) {
    const name = word.slice(2).split('=')[0];
    return flags.find((f) => f.name === name || f.aliases?.includes(name));
  }
  const letter = word.slice(-1);
  return flags.find((f) => f.short === letter);
}

function takesValue(f: FlagSpec | undefined): boolean {
  return !!f && f.type !== 'bool' && f.type !== 'count' && f.noOptDefault === undefined;
}

function walk(root: CobraCommand, words: string[]): Walked {
  let cmd = root;
  let path = root.name;
  let inherited = [...(root.persistentFlags ?? [])];
  let flags = [...(root.flags ?? []), ...inherited];
  const args: string[] = [];
  let pendingFlag: FlagSpec | null = null;
  for (const w of words.slice(1)) {
    if (pendingFlag) {
      pendingFlag = null;
      continue;
    }
    if (w.startsWith('-') && w !== '-') {
      const f = findFlag(flags, w);
      if (takesValue(f) && !w.includes('=') && (w.startsWith('--') || w.length === 2)) pendingFlag = f!;
      continue;
    }
    const sub = args.length === 0 ? findSub(cmd, w) : undefined;
    if (sub) {
      cmd = sub;
      path += ` ${sub.name}`;
      inherited = [...inherited, ...(sub.persistentFlags ?? [])];
      flags = [...(sub.flags ?? []), ...inherited];
    } else {
      args.push(w);
    }
  }
  return { cmd, path, flags, args, pendingFlag };
}

function flagNames(flags: FlagSpec[], current: string): string[] {
  const visible = flags.filter((f) => !f.hidden);
  return visible.flatMap((f) => (current.startsWith('--') || !f.short ? [`--${f.name}`] : [`-${f.short}`, `--${f.name}`]));
}

export function completeCobra(root: CobraCommand, req: CompletionRequest): string[] {
  const w = walk(root, req.words);
  if (w.pendingFlag) return flagValueCompleters.get(`${w.path} --${w.pendingFlag.name}`)?.(req) ?? [];
  if (req.current.startsWith('--') && req.current.includes('=')) {
    const name = req.current.slice(2, req.current.indexOf('='));
    const values = flagValueCompleters.get(`${w.path} --${name}`)?.(req) ?? [];
    return values.map((v) => `--${name}=${v}`);
  }
  if (req.current.startsWith('-')) return flagNames(w.flags, req.current);
  const subs = w.args.length === 0 ? (w.cmd.subcommands ?? []).filter((c) => !c.hidden).map((c) => c.name) : [];
  if (subs.length) return subs;
  const completer = argCompleters.get(w.cmd) ?? pathArgCompleters.get(w.path);
  return completer?.(req, w.args.length, w.args) ?? [];
}
