// docker/cli's opts.MapOpts / ConvertKVStringsToMap: `key=value` flag values (a bare `key` maps to "").

export function kvPairs(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items) {
    const eq = it.indexOf('=');
    out[eq < 0 ? it : it.slice(0, eq)] = eq < 0 ? '' : it.slice(eq + 1);
  }
  return out;
}
