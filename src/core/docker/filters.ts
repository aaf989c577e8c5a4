// Docker API list filters (`--filter key=value`): the key/value bag the daemon receives and validates.

/** filters.Args: each key maps to the set of values given for it (repeated keys are ORed, keys ANDed). */
export type FilterArgs = Map<string, string[]>;

/** Builds the bag from CLI `key=value` strings (already validated for the `=`). */
export function filterArgs(pairs: string[]): FilterArgs {
  const args: FilterArgs = new Map();
  for (const p of pairs) {
    const eq = p.indexOf('=');
    const key = p.slice(0, eq).trim().toLowerCase();
    const value = p.slice(eq + 1).trim();
    args.set(key, [...(args.get(key) ?? []), value]);
  }
  return args;
}

/** filters.Args.Validate: every key must be accepted, else `invalid filter '<key>'`. */
export function unknownFilterKey(args: FilterArgs, accepted: readonly string[]): string | null {
  for (const key of args.keys()) if (!accepted.includes(key)) return key;
  return null;
}

/** Exact match against any of the values (filters.Args.ExactMatch). */
export function exactMatch(args: FilterArgs, key: string, value: string): boolean {
  const vals = args.get(key);
  return !vals || vals.includes(value);
}

/** Go regexp match against any of the values (filters.Args.Match): a value matches if it equals or matches as a regexp. */
export function fuzzyMatch(args: FilterArgs, key: string, value: string): boolean {
  const vals = args.get(key);
  if (!vals) return true;
  return vals.some((v) => {
    if (v === value) return true;
    try {
      return new RegExp(v).test(value);
    } catch {
      return false;
    }
  });
}

/** label=key or label=key=value matching against a label map (filters.Args.MatchKVList). */
export function labelMatch(args: FilterArgs, key: string, labels: Record<string, string>): boolean {
  const vals = args.get(key);
  if (!vals) return true;
  return vals.every((v) => {
    const eq = v.indexOf('=');
    if (eq < 0) return v in labels;
    const k = v.slice(0, eq);
    return k in labels && labels[k] === v.slice(eq + 1);
  });
}
