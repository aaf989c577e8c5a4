// Tab completion: command names first, then whatever the program offers (subcommands, flags, live object names).
// Like bash's programmable completion, `sudo CMD ...` and `ip netns exec NS CMD ...` complete as CMD would.
import type { Session } from './session';
import type { World } from '../core/world';
import { completerFor, type Completer } from './completers';
import { listPrograms } from './registry';
import { programOnPath } from './path';
import { roughWords } from './parser';
import type { ProcessEnv } from './types';
import './completions/docker';
import { ipCompleter, tcpdumpCompleter } from './completions/iproute2';

/** Completers for tools that register none of their own (a program's own completer always wins). */
const FALLBACK: Record<string, Completer> = { ip: ipCompleter, tcpdump: tcpdumpCompleter };

/** sudo's options that take a value (`-u USER`), so the wrapped command is found after them. */
const SUDO_VALUE_OPTS = new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-U', '-r', '-t']);

/** Strips command wrappers: returns the words of the command they run. */
function unwrap(words: string[]): string[] {
  if (words[0] === 'sudo') {
    let i = 1;
    while (i < words.length && words[i].startsWith('-')) i += SUDO_VALUE_OPTS.has(words[i]) ? 2 : 1;
    return i < words.length ? unwrap(words.slice(i)) : [];
  }
  if (words[0] === 'ip' && words.length >= 4 && words[1] === 'netns' && words[2] === 'exec') return unwrap(words.slice(4));
  return words;
}

/** Whether the current word is the command name after a wrapper (`sudo <TAB>`, `ip netns exec red <TAB>`). */
function atWrappedCommand(words: string[]): boolean {
  if (words.length === 0) return false;
  if (words[0] === 'sudo') return unwrap(words).length === 0 && !SUDO_VALUE_OPTS.has(words[words.length - 1]);
  return words.length === 4 && words[0] === 'ip' && words[1] === 'netns' && words[2] === 'exec';
}

function commandNames(world: World, env: ProcessEnv): string[] {
  return listPrograms(env.flavor).filter((p) => programOnPath(world, env, p.name)).map((p) => p.name);
}

/** Completes the word that ends at `cursor`; candidates are sorted and unique. */
export function completeLine(session: Session, line: string, cursor: number): { from: number; candidates: string[] } {
  const before = line.slice(0, cursor);
  // Completion restarts after pipes and list operators.
  const segStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1;
  const segment = before.slice(segStart);
  const endsWithSpace = /\s$/.test(segment) || segment.trim() === '';
  const words = roughWords(segment);
  const current = endsWithSpace ? '' : (words.pop() ?? '');
  const from = cursor - current.length;
  const env = session.env;
  let pool: string[];
  const inner = unwrap(words);
  if (words.length === 0 || atWrappedCommand(words)) {
    pool = commandNames(session.world, env);
  } else if (inner.length === 0) {
    pool = [];
  } else {
    const program = programOnPath(session.world, env, inner[0]);
    const completer = program && (completerFor(program.name) ?? FALLBACK[program.name]);
    pool = completer ? completer({ world: session.world, env, words: inner, current }) : [];
  }
  const candidates = [...new Set(pool.filter((c) => c.startsWith(current)))].sort();
  return { from, candidates };
}
