// bash's secondary prompt (PS2): a line that ends inside quotes, after `|`, `&&` or `||`, or after a backslash is
// not run yet; the lines typed at `> ` continue it. The lines then run as one command, and history keeps them as
// one entry joined the way bash's cmdhist does.
import { parseLine } from './parser';

/** The compound commands left open by a line (`for ... ; do` with no `done` yet). */
export const COMPOUND = ['for', 'while', 'until', 'if', '{', '('];

/** bash's (and ash's) default PS2. */
export const PS2 = '> ';

/** Why `text` cannot run yet (the open quote or the operator it ends with), or null when it is complete. */
export function openConstruct(text: string): string | null {
  const r = parseLine(text);
  return !r.ok && r.incomplete ? r.message : null;
}

/** Whether an interactive shell would print PS2 and read another line before running `text`. */
export function needsMore(text: string): boolean {
  return openConstruct(text) !== null;
}

/**
 * The history entry for the physical lines of one command (joined by `\n`): a backslash-newline is dropped, a
 * line break inside quotes stays a newline, a line after `|`, `&&` or `||` is joined with a space.
 */
export function historyEntry(text: string): string {
  const lines = text.split('\n');
  let typed = lines[0];
  let entry = lines[0];
  for (const line of lines.slice(1)) {
    const open = openConstruct(typed);
    if (open === 'escape') entry = entry.slice(0, -1) + line;
    else if (open === '|' || open === '&&' || open === '||') entry += ` ${line}`;
    // Inside a loop, an if or a group: a space after the word that opens a body, else `; ` (cmdhist).
    else if (open !== null && COMPOUND.includes(open)) entry += /(^|[\s;])(do|then|else|\{|\(|in)$/.test(typed.trimEnd()) ? ` ${line}` : `; ${line}`;
    else if (open !== null) entry += `\n${line}`;
    else entry += `; ${line}`;
    typed += `\n${line}`;
  }
  return entry;
}
