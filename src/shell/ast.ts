// The shape of a parsed command line, as POSIX sh grammar names it: lists, and-or lists, pipelines, simple commands.

/** A piece of a word: literal text, a `$VAR`, or a `$(command)` substitution. `quoted` marks double/single quotes. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean }
  | { kind: 'cmdsub'; source: string; quoted: boolean }
  /** `$((expression))`: shell arithmetic. */
  | { kind: 'arith'; source: string; quoted: boolean };

export type Word = WordPart[];

export interface Redirect {
  /** File descriptor redirected: 1 (stdout) or 2 (stderr); 0 for `<`. */
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  /** Target word, or the fd number for `>&`. */
  target: Word | number;
}

export interface SimpleCommand {
  assignments: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

/** The compound commands: loops, conditionals and groups, each a list of commands of its own. */
export type CompoundCommand =
  | { kind: 'for'; name: string; words: Word[]; body: Script; redirects: Redirect[] }
  | { kind: 'while'; until: boolean; cond: Script; body: Script; redirects: Redirect[] }
  | { kind: 'if'; branches: { cond: Script; body: Script }[]; otherwise: Script | null; redirects: Redirect[] }
  /** `{ list; }` runs in this shell; `( list )` in a subshell (its variables and `cd` do not come back). */
  | { kind: 'group'; subshell: boolean; body: Script; redirects: Redirect[] };

export type Command = SimpleCommand | CompoundCommand;

export function isCompound(c: Command): c is CompoundCommand {
  return 'kind' in c;
}

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  /** Ended by `&`: runs as a background job. */
  background?: boolean;
  /** The list as written (words and operators), for `jobs` to show. */
  text?: string;
}

/** A whole line: and-or lists separated by `;` or `&` (the ones before `&` run in the background). */
export interface Script {
  items: AndOr[];
}
