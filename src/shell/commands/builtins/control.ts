// The builtins shell scripts lean on: break and continue (loops), test / [ (conditions), and `:`.
import type { CommandContext, Program } from '../../types';
import { stat } from '../files/tree';

function loopControl(kind: 'break' | 'continue'): Program {
  return {
    name: kind,
    summary: kind === 'break' ? 'exit for, while, or until loops' : 'resume the next iteration of a loop',
    async run(ctx) {
      const arg = ctx.argv[1];
      const n = arg === undefined ? 1 : Number(arg);
      if (arg !== undefined && (!/^\d+$/.test(arg) || n < 1)) {
        ctx.err(`bash: ${kind}: ${arg}: ${/^-?\d+$/.test(arg) ? 'loop count out of range' : 'numeric argument required'}\n`);
        return 1;
      }
      if (ctx.session.loopDepth === 0) {
        if (ctx.env.shell === 'bash') ctx.err(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
        return 0;
      }
      ctx.session.loopControl = { kind, levels: Math.min(n, ctx.session.loopDepth) };
      return 0;
    },
  };
}

export const breakCmd = loopControl('break');
export const continueCmd = loopControl('continue');

export const colon: Program = { name: ':', summary: 'null command', async run() { return 0; } };

const INT = /^\s*-?\d+\s*$/;

/** test's expression grammar (POSIX plus -a/-o): 0 true, 1 false, 2 an error (already printed). */
function evaluate(ctx: CommandContext, args: string[], name: string): number {
  const fail = (msg: string) => {
    ctx.err(`${ctx.env.shell === 'bash' ? 'bash: ' : ''}${name}: ${msg}\n`);
    return 2;
  };
  const unary = (op: string, x: string): number | null => {
    const e = stat(ctx.world, ctx.env, x);
    switch (op) {
      case '-z': return x === '' ? 0 : 1;
      case '-n': return x !== '' ? 0 : 1;
      case '-e': case '-a': return e ? 0 : 1;
      case '-f': return e && !e.dir ? 0 : 1;
      case '-d': return e?.dir ? 0 : 1;
      case '-s': return e && !e.dir && e.size > 0 ? 0 : 1;
      case '-r': case '-w': case '-x': return e ? 0 : 1;
      default: return null;
    }
  };
  const binary = (a: string, op: string, b: string): number | null => {
    switch (op) {
      case '=': case '==': return a === b ? 0 : 1;
      case '!=': return a !== b ? 0 : 1;
      case '<': return a < b ? 0 : 1;
      case '>': return a > b ? 0 : 1;
    }
    if (['-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(op)) {
      if (!INT.test(a)) return fail(`${a}: integer expression expected`);
      if (!INT.test(b)) return fail(`${b}: integer expression expected`);
      const x = Number(a);
      const y = Number(b);
      const r = { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op]!;
      return r ? 0 : 1;
    }
    return null;
  };
  const expr = (xs: string[]): number => {
    const orAt = xs.indexOf('-o');
    if (orAt > 0) {
      const l = expr(xs.slice(0, orAt));
      return l === 0 ? 0 : expr(xs.slice(orAt + 1));
    }
    const andAt = xs.indexOf('-a', 1);
    if (andAt > 0 && xs.length > 3) {
      const l = expr(xs.slice(0, andAt));
      return l !== 0 ? l : expr(xs.slice(andAt + 1));
    }
    if (xs[0] === '!' && xs.length > 1) {
      const r = expr(xs.slice(1));
      return r === 2 ? 2 : r === 0 ? 1 : 0;
    }
    if (xs[0] === '(' && xs[xs.length - 1] === ')') return expr(xs.slice(1, -1));
    if (xs.length === 0) return 1;
    if (xs.length === 1) return xs[0] !== '' ? 0 : 1;
    if (xs.length === 2) return unary(xs[0], xs[1]) ?? fail(`${xs[0]}: unary operator expected`);
    if (xs.length === 3) return binary(xs[0], xs[1], xs[2]) ?? fail(`${xs[1]}: binary operator expected`);
    return fail('too many arguments');
  };
  return expr(args);
}

export const test: Program = {
  name: 'test',
  summary: 'evaluate conditional expression',
  async run(ctx) {
    return evaluate(ctx, ctx.argv.slice(1), 'test');
  },
};

export const bracket: Program = {
  name: '[',
  summary: 'evaluate conditional expression',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args[args.length - 1] !== ']') {
      ctx.err(`${ctx.env.shell === 'bash' ? 'bash: ' : ''}[: missing \`]'\n`);
      return 2;
    }
    return evaluate(ctx, args.slice(0, -1), '[');
  },
};
