// Build-time validation of the commands a lesson shows (`term`) or replays (`solution`): every line must parse as
// the lab's shell parses it, and name programs (and docker subcommands) the lab really has.
import { isCompound, type Script, type Word } from '../../shell/ast';
import { parseLine } from '../../shell/parser';
import { findProgram } from '../../shell/registry';
import type { Flavor } from '../../shell/types';
import type { CobraCommand } from '../../shell/cobra';
import type { FlagSpec } from '../../shell/flags';
import { dockerRoot } from '../../shell/commands/docker';

const FLAVORS: Flavor[] = ['ubuntu', 'busybox', 'debian'];

/** Programs whose subcommands form a cobra tree, so `docker netwrk ls` is caught at build time. */
const COBRA_ROOTS: Record<string, CobraCommand> = { docker: dockerRoot };

/** A word with no quoting tricks or expansions: its literal text; otherwise null (it cannot be checked). */
function literal(word: Word | undefined): string | null {
  if (!word) return null;
  let s = '';
  for (const part of word) {
    if (part.kind !== 'lit') return null;
    s += part.text;
  }
  return s;
}

function takesValue(flags: FlagSpec[], token: string): boolean {
  if (token.includes('=')) return false;
  const spec = token.startsWith('--') ? flags.find((f) => f.name === token.slice(2) || f.aliases?.includes(token.slice(2))) : flags.find((f) => f.short && f.short === token.slice(-1));
  return !!spec && spec.type !== 'bool' && spec.noOptDefault === undefined;
}

/** Walks a cobra tree along the arguments; returns the unknown command path (and the word), or null when it exists. */
function cobraProblem(root: CobraCommand, args: string[]): Problem | null {
  let cmd = root;
  let path = root.name;
  const flags: FlagSpec[] = [...(root.flags ?? []), ...(root.persistentFlags ?? [])];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a.startsWith('-') && a !== '-') {
      if (takesValue(flags, a)) i++;
      continue;
    }
    if (!cmd.subcommands?.length) return null;
    const sub = cmd.subcommands.find((s) => s.name === a || s.aliases?.includes(a));
    if (!sub) return cmd.run ? null : { message: `unknown command \`${path} ${a}\``, word: a };
    cmd = sub;
    path = `${path} ${sub.name}`;
    flags.push(...(sub.flags ?? []), ...(sub.persistentFlags ?? []));
  }
  return null;
}

/** A problem with a command line, and the word it is about (to point at its column). */
interface Problem {
  message: string;
  word?: string;
}

/** Problems with the program names in a parsed script, including inside `$(...)`. */
function scriptProblems(script: Script): Problem[] {
  const problems: Problem[] = [];
  const visitWord = (w: Word) => {
    for (const part of w) if (part.kind === 'cmdsub') problems.push(...problemsOf(part.source));
  };
  for (const item of script.items) {
    for (const pipeline of [item.first, ...item.rest.map((r) => r.pipeline)]) {
      for (const cmd of pipeline.commands) {
        // Loops and conditionals: every command inside them is checked too.
        if (isCompound(cmd)) {
          if (cmd.kind === 'for') cmd.words.forEach(visitWord);
          const inner = cmd.kind === 'for' || cmd.kind === 'group' ? [cmd.body] : cmd.kind === 'while' ? [cmd.cond, cmd.body] : [...cmd.branches.flatMap((b) => [b.cond, b.body]), ...(cmd.otherwise ? [cmd.otherwise] : [])];
          for (const s of inner) problems.push(...scriptProblems(s));
          continue;
        }
        cmd.words.forEach(visitWord);
        cmd.assignments.forEach((a) => visitWord(a.value));
        let words = cmd.words.map(literal);
        // `sudo [-i] CMD ...` runs CMD: check that one.
        while (words[0] === 'sudo') {
          words = words.slice(1);
          while (words[0]?.startsWith('-')) words = words.slice(1);
        }
        const name = words[0];
        if (name === null || name === undefined) continue;
        if (!FLAVORS.some((f) => findProgram(name, f))) {
          problems.push({ message: `unknown command \`${name}\` (the lab has no such program; type \`help\` in the lab for the list)`, word: name });
          continue;
        }
        const root = COBRA_ROOTS[name];
        if (root && words.every((w) => w !== null)) {
          const p = cobraProblem(root, words.slice(1) as string[]);
          if (p) problems.push(p);
        }
      }
    }
  }
  return problems;
}

function problemsOf(line: string): Problem[] {
  const parsed = parseLine(line);
  if (!parsed.ok) return [{ message: parsed.incomplete ? `incomplete command (${parsed.message} is never closed)` : `cannot parse: ${parsed.message}` }];
  return scriptProblems(parsed.script);
}

/** Why a command line would not run in the lab, or an empty list. */
export function lineProblems(line: string): string[] {
  return problemsOf(line).map((p) => p.message);
}

/** lineProblems with the 0-based offset in `line` of the word each problem is about (0 when none). */
export function lineProblemsAt(line: string): { message: string; at: number }[] {
  return problemsOf(line).map((p) => {
    const m = p.word === undefined ? null : new RegExp(`(^|[\\s;|&(])${p.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s;|&)])`).exec(line);
    return { message: p.message, at: m ? m.index + m[1].length : 0 };
  });
}
