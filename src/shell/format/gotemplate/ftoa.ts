// Go's strconv.FormatFloat for float64 (strconv/ftoa.go): %e, %f and %g, shortest or to a precision.

/** Decimal digits d (no leading/trailing zeros) with the decimal point dp digits from the left: 0.d × 10^dp. */
interface Decimal {
  d: string;
  dp: number;
}

/** The exact decimal expansion of a positive finite double. */
function exactDecimal(x: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  let digits: string;
  let dp: number;
  if (e >= 0) {
    digits = (mant << BigInt(e)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-e)).toString();
    dp = digits.length + e;
  }
  return trim({ d: digits, dp });
}

function trim(a: Decimal): Decimal {
  const d = a.d.replace(/0+$/, '');
  return { d, dp: d.length === 0 ? 0 : a.dp };
}

/** The shortest digits that read back as x (JS and Go agree on these). */
function shortestDecimal(x: number): Decimal {
  const [mant, exp] = x.toExponential().split('e');
  return trim({ d: mant.replace('.', ''), dp: Number(exp) + 1 });
}

/** decimal.Round: to nd digits, ties to even (the expansion is exact, so a lone trailing 5 is a tie). */
function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const up = a.d[nd] === '5' && nd + 1 === a.d.length ? nd > 0 && Number(a.d[nd - 1]) % 2 === 1 : a.d[nd] >= '5';
  if (!up) return trim({ d: a.d.slice(0, nd), dp: a.dp });
  let i = nd - 1;
  while (i >= 0 && a.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String(Number(a.d[i]) + 1), dp: a.dp };
}

function fmtE(neg: boolean, a: Decimal, prec: number, fmt: string): string {
  let s = neg ? '-' : '';
  s += a.d.length > 0 ? a.d[0] : '0';
  if (prec > 0) s += '.' + a.d.slice(1, prec + 1).padEnd(prec, '0');
  const exp = a.d.length === 0 ? 0 : a.dp - 1;
  const mag = Math.abs(exp);
  return s + fmt + (exp < 0 ? '-' : '+') + (mag < 10 ? '0' + mag : String(mag));
}

function fmtF(neg: boolean, a: Decimal, prec: number): string {
  let s = neg ? '-' : '';
  if (a.dp > 0) s += a.d.slice(0, a.dp).padEnd(a.dp, '0');
  else s += '0';
  if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) {
      const j = a.dp + i;
      s += j >= 0 && j < a.d.length ? a.d[j] : '0';
    }
  }
  return s;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/** strconv.FormatFloat(v, fmt, prec, 64); prec < 0 means the shortest representation that reads back. */
export function formatFloat(v: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const x = Math.abs(v);
  const shortest = prec < 0;
  let a: Decimal;
  if (x === 0) a = { d: '', dp: 0 };
  else if (shortest) a = shortestDecimal(x);
  else a = exactDecimal(x);
  if (shortest) {
    if (fmt === 'e' || fmt === 'E') prec = Math.max(a.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(a.d.length - a.dp, 0);
    else prec = a.d.length;
  } else if (fmt === 'e' || fmt === 'E') a = round(a, prec + 1);
  else if (fmt === 'f') a = round(a, a.dp + prec);
  else {
    if (prec === 0) prec = 1;
    a = round(a, prec);
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, a, prec, fmt);
  if (fmt === 'f') return fmtF(neg, a, prec);
  // %g: %e when the exponent is small or large, else %f; trailing zeros dropped.
  let eprec = prec;
  if (eprec > a.d.length && a.d.length >= a.dp) eprec = a.d.length;
  if (shortest) eprec = 6;
  const exp = a.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > a.d.length) prec = a.d.length;
    return fmtE(neg, a, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > a.dp) prec = a.d.length;
  return fmtF(neg, a, Math.max(prec - a.dp, 0));
}
