// The registry of per-program Tab completers (kept free of imports so programs can register at load time).
import type { World } from '../core/world';
import type { ProcessEnv } from './types';

/** What a program's completer gets: the words before the cursor and the partial word under it. */
export interface CompletionRequest {
  world: World;
  env: ProcessEnv;
  /** Complete words before the current one, argv[0] included. */
  words: string[];
  /** The partial word being completed (may be empty). */
  current: string;
}

export type Completer = (req: CompletionRequest) => string[];

const completers = new Map<string, Completer>();

/** Lets a program offer completions for its arguments. */
export function registerCompleter(program: string, completer: Completer): void {
  completers.set(program, completer);
}

export function completerFor(program: string): Completer | undefined {
  return completers.get(program);
}
