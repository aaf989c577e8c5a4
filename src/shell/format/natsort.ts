// fvbommel/sortorder.NaturalLess: digit runs compare as numbers, so "net2" < "net10" (docker's name order).

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i];
    const cb = b[j];
    const da = isDigit(ca);
    const db = isDigit(cb);
    if (da && db) {
      // Skip leading zeros, compare run lengths, then digits; more leading zeros sorts later on a tie.
      let zi = i;
      while (a[zi] === '0') zi++;
      let zj = j;
      while (b[zj] === '0') zj++;
      let ei = zi;
      while (isDigit(a[ei])) ei++;
      let ej = zj;
      while (isDigit(b[ej])) ej++;
      const na = a.slice(zi, ei);
      const nb = b.slice(zj, ej);
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (zi - i !== zj - j) return zi - i < zj - j;
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

export function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
}
