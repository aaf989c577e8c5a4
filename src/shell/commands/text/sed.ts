// sed (GNU sed 4.9; BusyBox sed in Alpine): the stream edits of one-liners — s/RE/REPL/FLAGS (g, p, N, I), p, d, q,
// with line, `$`, /RE/ and range addresses, -n, -e, -E/-r and -i; basic regular expressions are translated to
// JavaScript's (\( \) \{ \} \+ \? \| are the operators, the bare characters are literal).
import type { CommandContext, Program } from '../../types';
import { lines, readInputs } from '../../gnu-tool';
import { readFile, writeFile } from '../../vfs';

type Addr = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp };

interface Cmd {
  a1: Addr | null;
  a2: Addr | null;
  op: 's' | 'p' | 'd' | 'q' | '=';
  re?: RegExp;
  repl?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
}

class SedError extends Error {}

/** A basic (or, with -E, extended) regular expression as a JavaScript one. */
function toRegExp(src: string, ere: boolean, flags: string): RegExp {
  if (ere) return new RegExp(src, flags);
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i];
      out += '(){}+?|'.includes(n) ? n : `\\${n}`;
    } else out += '(){}+?|'.includes(c) ? `\\${c}` : c;
  }
  return new RegExp(out, flags);
}

/** Reads text up to an unescaped `delim`; returns it and the index after the delimiter. */
function until(s: string, i: number, delim: string): [string, number] {
  let out = '';
  for (; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === delim) {
      out += delim;
      i++;
    } else if (s[i] === delim) return [out, i + 1];
    else out += s[i];
  }
  throw new SedError(`unterminated \`s' command`);
}

function parseScript(script: string, ere: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  let i = 0;
  const addr = (): Addr | null => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))!;
      i += m[0].length;
      return { k: 'line', n: Number(m[0]) };
    }
    if (script[i] === '$') return i++, { k: 'last' };
    if (script[i] === '/') {
      const [re, next] = until(script, i + 1, '/');
      i = next;
      return { k: 're', re: toRegExp(re, ere, '') };
    }
    return null;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const a1 = addr();
    let a2: Addr | null = null;
    if (a1 && script[i] === ',') {
      i++;
      a2 = addr();
    }
    const op = script[i++];
    if (op === 's') {
      const delim = script[i++];
      const [re, j] = until(script, i, delim);
      const [repl, k] = until(script, j, delim);
      i = k;
      const fm = /^[gpiI0-9]*/.exec(script.slice(i))![0];
      i += fm.length;
      cmds.push({ a1, a2, op: 's', re: toRegExp(re, ere, (fm.includes('g') ? 'g' : '') + (/[iI]/.test(fm) ? 'i' : '')), repl, global: fm.includes('g'), print: fm.includes('p'), nth: Number(/\d+/.exec(fm)?.[0] ?? 0) });
    } else if (op === 'p' || op === 'd' || op === 'q' || op === '=') cmds.push({ a1, a2, op });
    else throw new SedError(`unknown command: \`${op ?? ''}'`);
  }
  return cmds;
}

function replacement(repl: string, m: RegExpExecArray | string[]): string {
  return repl.replace(/\\([0-9n&\\])|&/g, (whole: string, esc?: string) => {
    if (whole === '&') return m[0];
    if (esc === 'n') return '\n';
    if (esc === '&' || esc === '\\') return esc;
    return m[Number(esc)] ?? '';
  });
}

function runSed(cmds: Cmd[], input: string[], quiet: boolean): string {
  let out = '';
  const active = new Map<Cmd, boolean>();
  const hits = (a: Addr, n: number, line: string) => (a.k === 'line' ? a.n === n : a.k === 'last' ? n === input.length : a.re.test(line));
  for (let n = 1; n <= input.length; n++) {
    let line = input[n - 1];
    let deleted = false;
    let quit = false;
    for (const c of cmds) {
      let on = !c.a1 || hits(c.a1, n, line);
      if (c.a2) {
        const inRange = active.get(c) ?? false;
        if (inRange) {
          on = true;
          if (hits(c.a2, n, line) || (c.a2.k === 'line' && n >= c.a2.n)) active.set(c, false);
        } else if (on) active.set(c, !(c.a2.k === 'line' && c.a2.n <= n));
      }
      if (!on) continue;
      if (c.op === 'p') out += `${line}\n`;
      else if (c.op === '=') out += `${n}\n`;
      else if (c.op === 'd') {
        deleted = true;
        break;
      } else if (c.op === 'q') {
        quit = true;
        break;
      } else if (c.op === 's') {
        let count = 0;
        let changed = false;
        const next = line.replace(c.re!, (...args: unknown[]) => {
          count++;
          const groups = args.slice(0, args.findIndex((x) => typeof x === 'number')) as string[];
          if (c.nth && count !== c.nth) return groups[0];
          changed = true;
          return replacement(c.repl!, groups);
        });
        if (changed) {
          line = next;
          if (c.print) out += `${line}\n`;
        }
      }
    }
    if (!deleted && !quiet) out += `${line}\n`;
    if (quit) break;
  }
  return out;
}

async function run(ctx: CommandContext): Promise<number> {
  const bb = ctx.env.flavor === 'busybox';
  const args = ctx.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let ere = false;
  let inPlace = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') ere = true;
    else if (a === '-i' || a === '--in-place') inPlace = true;
    else if (a === '-e' || a === '--expression') scripts.push(args[++i] ?? '');
    else if (/^-[nErie]+$/.test(a)) {
      if (a.includes('n')) quiet = true;
      if (/[Er]/.test(a)) ere = true;
      if (a.includes('i')) inPlace = true;
      if (a.endsWith('e')) scripts.push(args[++i] ?? '');
    } else if (a.startsWith('-') && a !== '-') {
      ctx.err(bb ? `sed: unrecognized option: ${a.replace(/^-+/, '')}\n` : `sed: invalid option -- '${a.replace(/^-+/, '')[0]}'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n`);
      return 1;
    } else if (!scripts.length) scripts.push(a);
    else files.push(a);
  }
  if (!scripts.length) {
    ctx.err(bb ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n' : 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(scripts.join('\n'), ere);
  } catch (e) {
    if (!(e instanceof SedError) && !(e instanceof SyntaxError)) throw e;
    ctx.err(`sed: -e expression #1, char ${scripts.join('\n').length}: ${e instanceof SedError ? e.message : 'Invalid preceding regular expression'}\n`);
    return 1;
  }
  if (inPlace) {
    for (const f of files) {
      const r = readFile(ctx.world, ctx.env, f);
      if (!r.ok) {
        ctx.err(`sed: can't read ${f}: No such file or directory\n`);
        return 2;
      }
      const problem = writeFile(ctx.world, ctx.env, f, runSed(cmds, lines(r.content), quiet), false);
      if (problem) {
        ctx.err(`sed: couldn't open temporary file ${f}: ${problem}\n`);
        return 4;
      }
    }
    return 0;
  }
  const { texts, failed } = readInputs(ctx, files, 'sed');
  ctx.out(runSed(cmds, texts.flatMap((t) => lines(t.text)), quiet));
  return failed ? 2 : 0;
}

export const sed: Program = { name: 'sed', summary: 'stream editor for filtering and transforming text', run };
