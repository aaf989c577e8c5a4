// tr (translate, -d delete, -s squeeze, ranges, \n \t escapes and [:class:]es) and uniq (-c, -d, -u) from coreutils,
// for the pipelines that reshape command output (`tr ',' '\n'`, `sort | uniq -c`).
import type { CommandContext, Program } from '../../types';
import { lines, readInputs } from '../../gnu-tool';

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

/** A SET as the list of characters it names. */
function expand(set: string): string[] {
  const s = set.replace(/\[:(\w+):\]/g, (m, c: string) => CLASSES[c] ?? m).replace(/\\([ntr\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : '\\'));
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i]);
  }
  return out;
}

async function tr(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const opts = args.filter((a) => /^-[dsc]+$/.test(a)).join('');
  const sets = args.filter((a) => !/^-[dsc]+$/.test(a));
  const del = opts.includes('d');
  const squeeze = opts.includes('s');
  if (!sets.length || (!del && !squeeze && sets.length < 2)) {
    ctx.err(sets.length ? `tr: missing operand after '${sets[0]}'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n` : "tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  const a = expand(sets[0]);
  const b = sets[1] !== undefined ? expand(sets[1]) : [];
  let out = '';
  let last = '';
  for (const ch of ctx.stdin ?? '') {
    let c: string | null = ch;
    if (del && a.includes(ch)) c = null;
    else if (!del && b.length) {
      const i = a.indexOf(ch);
      if (i >= 0) c = b[Math.min(i, b.length - 1)];
    }
    if (c === null) continue;
    const squeezeSet = del ? b : b.length ? b : a;
    if (squeeze && c === last && squeezeSet.includes(c)) continue;
    out += c;
    last = c;
  }
  ctx.out(out);
  return 0;
}

async function uniq(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const flags = args.filter((x) => /^-[cdu]+$/.test(x)).join('');
  const files = args.filter((x) => !/^-[cdu]+$/.test(x));
  const { texts, failed } = readInputs(ctx, files.slice(0, 1), 'uniq');
  const runs: [string, number][] = [];
  for (const l of texts.flatMap((t) => lines(t.text))) {
    const prev = runs[runs.length - 1];
    if (prev && prev[0] === l) prev[1]++;
    else runs.push([l, 1]);
  }
  let out = '';
  for (const [l, n] of runs) {
    if (flags.includes('d') && n < 2) continue;
    if (flags.includes('u') && n > 1) continue;
    out += flags.includes('c') ? `${String(n).padStart(7)} ${l}\n` : `${l}\n`;
  }
  ctx.out(out);
  return failed ? 1 : 0;
}

export const trProgram: Program = { name: 'tr', summary: 'translate or delete characters', run: tr };
export const uniqProgram: Program = { name: 'uniq', summary: 'report or omit repeated lines', run: uniq };
