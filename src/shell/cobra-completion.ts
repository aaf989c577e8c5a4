// Completion for cobra-style CLIs: subcommand names, then the leaf's flags, then its argument completer.
import type { CobraCommand } from './cobra';
import { findSub } from './cobra';
import type { CompletionRequest } from './completers';

/** Completes argument values for a command (container names, network names, ...). */
export type ArgCompleter = (req: CompletionRequest) => string[];

const argCompleters = new WeakMap<CobraCommand, ArgCompleter>();

export function registerArgCompleter(cmd: CobraCommand, completer: ArgCompleter): void {
  argCompleters.set(cmd, completer);
}

export function completeCobra(root: CobraCommand, req: CompletionRequest): string[] {
  let cmd = root;
  for (const w of req.words.slice(1)) {
    if (w.startsWith('-')) continue;
    const sub = findSub(cmd, w);
    if (sub) cmd = sub;
  }
  if (req.current.startsWith('-')) {
    const flags = [...(cmd.flags ?? []), ...(cmd.persistentFlags ?? [])].filter((f) => !f.hidden);
    return flags.flatMap((f) => (req.current.startsWith('--') || !f.short ? [`--${f.name}`] : [`-${f.short}`, `--${f.name}`]));
  }
  const subs = (cmd.subcommands ?? []).filter((c) => !c.hidden).map((c) => c.name);
  if (subs.length) return subs;
  return argCompleters.get(cmd)?.(req) ?? [];
}
