// Shell arithmetic, `$((expression))`: integers with bash's operators (+ - * / % **, comparisons, && || !, unary
// minus, parentheses) and variables named bare or as $NAME.
export class ArithError extends Error {}

export function evalArith(source: string, lookup: (name: string) => string): number {
  const tokens = source.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  const rest = source.replace(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!]|\s/g, '');
  if (rest) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${rest}")`);
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const value = (name: string): number => {
    const v = lookup(name).trim();
    if (v === '') return 0;
    if (!/^-?\d+$/.test(v)) return evalArith(v, lookup);
    return Number(v);
  };
  const binary = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
    let left = next();
    while (peek() in ops) {
      const op = take();
      left = ops[op](left, next());
    }
    return left;
  };
  const primary = (): number => {
    const t = take();
    if (t === undefined) throw new ArithError('syntax error: operand expected (error token is "")');
    if (t === '(') {
      const v = or();
      if (take() !== ')') throw new ArithError('syntax error: `)\' expected');
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) return value(t);
    throw new ArithError(`syntax error: operand expected (error token is "${t}")`);
  };
  const power = (): number => {
    const base = primary();
    return peek() === '**' ? (take(), base ** power()) : base;
  };
  const div = (a: number, b: number) => {
    if (b === 0) throw new ArithError('division by 0 (error token is "0")');
    return Math.trunc(a / b);
  };
  const mul = binary(power, { '*': (a, b) => a * b, '/': div, '%': (a, b) => (b === 0 ? div(a, b) : a % b) });
  const add = binary(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const cmp = binary(add, { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b) });
  const eq = binary(cmp, { '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) });
  const and = binary(eq, { '&&': (a, b) => +(!!a && !!b) });
  const or = binary(and, { '||': (a, b) => +(!!a || !!b) });
  if (!tokens.length) return 0;
  const result = or();
  if (i < tokens.length) throw new ArithError(`syntax error in expression (error token is "${tokens.slice(i).join(' ')}")`);
  return result;
}
