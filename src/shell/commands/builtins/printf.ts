// bash's `printf` builtin: FORMAT with backslash escapes and %s %b %q %d %i %u %x %X %o %c %f %e %g %%, flags, width
// and precision (`*` too); the format is reused until the arguments run out; bad numbers warn and count as 0.
import type { CommandContext, Program } from '../../types';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', r: '\r', e: '\x1b', v: '\v', f: '\f', '"': '"', "'": "'" };

/** Backslash escapes of the format (and of %b arguments): \n, \t, \0NNN / \NNN octal, \xHH. Stops at \c when `stop`. */
function unescape(s: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      text += c;
      continue;
    }
    const n = s[i + 1];
    if (n === 'c') return { text, stop: true };
    const oct = (octalNeedsZero ? /^0([0-7]{0,3})/ : /^([0-7]{1,3})/).exec(s.slice(i + 1));
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(i + 1));
    if (oct) {
      text += String.fromCharCode(parseInt(oct[1] || '0', 8) & 0xff);
      i += oct[0].length;
    } else if (hex) {
      text += String.fromCharCode(parseInt(hex[1], 16));
      i += hex[0].length;
    } else if (ESCAPES[n] !== undefined) {
      text += ESCAPES[n];
      i++;
    } else text += c;
  }
  return { text, stop: false };
}

/** A numeric argument as bash reads it: decimal, 0x hex, 0 octal, 'c (the character's code); null when invalid. */
function toNumber(arg: string): number | null {
  if (/^['"]./.test(arg)) return arg.codePointAt(1)!;
  const t = arg.trim();
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  if (/^[+-]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^[+-]?\d+$/.test(t)) return parseInt(t, 10);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  return null;
}

function pad(s: string, flags: string, width: number | null, numeric: boolean): string {
  if (width === null || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

function shellQuote(s: string): string {
  if (s === '') return "''";
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : s.replace(/([^A-Za-z0-9_./:=@%+,-])/g, '\\$1');
}

async function run(ctx: CommandContext): Promise<number> {
  let args = ctx.argv.slice(1);
  if (args[0] === '--help') {
    ctx.out('printf: printf [-v var] format [arguments]\n    Formats and prints ARGUMENTS under control of the FORMAT.\n');
    return 0;
  }
  if (args[0] !== undefined && /^-[^v-]|^--./.test(args[0])) {
    ctx.err(`${ctx.env.shell}: printf: ${args[0].startsWith('--') ? '--' : args[0].slice(0, 2)}: invalid option\nprintf: usage: printf [-v var] format [arguments]\n`);
    return 2;
  }
  let target: string | null = null;
  if (args[0] === '-v') {
    target = args[1] ?? null;
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (!args.length) {
    ctx.err(`${ctx.env.shell}: printf: usage: printf [-v var] format [arguments]\n`);
    return 2;
  }
  const [format, ...rest] = args;
  let status = 0;
  let out = '';
  let k = 0;
  const next = () => (k < rest.length ? rest[k++] : undefined);
  const num = (spec: string): number => {
    const a = next();
    if (a === undefined) return 0;
    const n = toNumber(a);
    if (n === null) {
      ctx.err(`${ctx.env.shell}: printf: ${a}: invalid number\n`);
      status = 1;
      return parseFloat(a) || 0;
    }
    return spec === 'f' || spec === 'e' || spec === 'g' ? n : Math.trunc(n);
  };
  do {
    const start = k;
    const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sbqdiuxXocfeEgG%])|\\c|%/g;
    let last = 0;
    let m: RegExpExecArray | null;
    let stop = false;
    while ((m = re.exec(format)) !== null) {
      const lit = unescape(format.slice(last, m.index), true);
      out += lit.text;
      last = re.lastIndex;
      if (m[0] === '\\c') {
        stop = true;
        break;
      }
      if (m[0] === '%') {
        ctx.err(`${ctx.env.shell}: printf: \`${format.slice(m.index + 1, m.index + 2) || ''}': invalid format character\n`);
        return 1;
      }
      const [, flags, w, p, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = w === '*' ? num('d') : w ? Number(w) : null;
      const prec = p === '*' ? num('d') : p !== undefined ? Number(p) : null;
      let s: string;
      if (conv === 's' || conv === 'b' || conv === 'q' || conv === 'c') {
        const a = next() ?? '';
        if (conv === 'b') {
          const r = unescape(a, false);
          s = r.text;
          stop ||= r.stop;
        } else s = conv === 'q' ? shellQuote(a) : conv === 'c' ? a.slice(0, 1) : a;
        if (prec !== null && conv !== 'c') s = s.slice(0, prec);
        out += pad(s, flags, width, false);
        if (stop) break;
        continue;
      }
      const n = num(conv);
      if (conv === 'd' || conv === 'i' || conv === 'u') s = String(conv === 'u' && n < 0 ? BigInt.asUintN(64, BigInt(n)) : n);
      else if (conv === 'x' || conv === 'X' || conv === 'o') {
        const v = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n);
        s = v.toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') s = s.toUpperCase();
        if (flags.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
      } else if (conv === 'f') s = n.toFixed(prec ?? 6);
      else if (conv === 'e' || conv === 'E') s = n.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      else s = String(Number(n.toPrecision(prec || 6)));
      if (conv === 'E' || conv === 'G') s = s.toUpperCase();
      if ((conv === 'd' || conv === 'i') && prec !== null) s = (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(prec, '0');
      if (flags.includes('+') && n >= 0 && 'dieEfgG'.includes(conv)) s = `+${s}`;
      else if (flags.includes(' ') && n >= 0 && 'dieEfgG'.includes(conv)) s = ` ${s}`;
      out += pad(s, flags, width, true);
    }
    if (stop) break;
    out += unescape(format.slice(last), true).text;
    // The format is reused while arguments remain (and only if it consumed some).
    if (k === start) break;
  } while (k < rest.length);
  if (target !== null) ctx.session.env.vars[target] = out;
  else ctx.out(out);
  return status;
}

export const printf: Program = { name: 'printf', summary: 'formats and prints ARGUMENTS under control of the FORMAT', run };
