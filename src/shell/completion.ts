// Tab completion: command names first, then whatever the program offers (subcommands, flags, live object names).
import type { Session } from './session';
import { completerFor } from './completers';
import { listPrograms, findProgram } from './registry';
import { roughWords } from './parser';

/** Completes the word that ends at `cursor`; candidates are sorted and unique. */
export function completeLine(session: Session, line: string, cursor: number): { from: number; candidates: string[] } {
  const before = line.slice(0, cursor);
  // Completion restarts after pipes and list operators.
  const segStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1;
  const segment = before.slice(segStart);
  const endsWithSpace = /\s$/.test(segment) || segment === '';
  const words = roughWords(segment);
  const current = endsWithSpace ? '' : (words.pop() ?? '');
  const from = cursor - current.length;
  const env = session.env;
  let pool: string[];
  if (words.length === 0) {
    pool = listPrograms(env.flavor).map((p) => p.name);
  } else {
    const program = findProgram(words[0], env.flavor);
    const completer = program && completerFor(program.name);
    pool = completer ? completer({ world: session.world, env, words, current }) : [];
  }
  const candidates = [...new Set(pool.filter((c) => c.startsWith(current)))].sort();
  return { from, candidates };
}
