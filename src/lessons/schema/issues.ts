// Schema problems as authors should read them: a path into the YAML and a plain message (zod's issues, made friendly).
import type { z } from 'zod';

export type IssuePath = (string | number)[];

export interface SchemaIssue {
  path: IssuePath;
  message: string;
  /** The problem is the key at `path` itself (an unknown key), not its value. */
  atKey?: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  return `a ${typeof v}`;
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping (key: value lines)';
    case 'number':
    case 'int':
      return 'a number';
    case 'boolean':
      return '`true` or `false`';
    default:
      return expected;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

type ZodIssue = z.core.$ZodIssue;

/** Flattens zod issues: unknown keys point at each key; a union reports the branch that matches the value's shape. */
export function friendlyIssues(issues: readonly ZodIssue[], root: unknown, base: IssuePath = []): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    const value = valueAt(root, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: [...path, key], message: `unknown key \`${key}\``, atKey: true });
        break;
      case 'invalid_type':
        out.push({ path, message: value === undefined ? 'is required' : `must be ${expectedName(issue.expected)}, not ${typeName(value)}` });
        break;
      case 'invalid_union': {
        // Prefer the branch whose root type matched: its issues are about the author's actual mistake.
        const branch = issue.errors.find((errs) => !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0));
        if (branch) out.push(...friendlyIssues(branch, value, path));
        else out.push({ path, message: `has the wrong type (${typeName(value)})` });
        break;
      }
      case 'invalid_value':
        out.push({ path, message: `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}` });
        break;
      case 'too_small':
        out.push({ path, message: issue.origin === 'string' ? 'must not be empty' : issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : `must be at least ${String(issue.minimum)}` });
        break;
      case 'too_big':
        out.push({ path, message: `must be at most ${String(issue.maximum)}` });
        break;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}

/** Runs a zod schema and returns either the value or friendly issues. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, base: IssuePath = []): Parsed<z.output<S>> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: friendlyIssues(r.error.issues, raw, base) };
}
