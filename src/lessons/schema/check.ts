// A `check` block: a YAML list of conditions, each one predicate key (optionally wrapped in `not`) and a `label`.
import { z } from 'zod';
import { PREDICATE_KINDS, PREDICATE_SCHEMAS, type Predicate, type PredicateKind } from './predicates';
import { parseWith, type IssuePath, type Parsed, type SchemaIssue } from './issues';

/** One condition as written: `{ network: {...}, label: ... }` or `{ not: { network: {...} } }`. */
export interface CheckItem {
  label?: string;
  pred: Predicate;
}

const ITEM_KEYS = [...PREDICATE_KINDS, 'not'];

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses the predicate part of a mapping (every key except `label`). */
function parsePredicate(raw: Record<string, unknown>, path: IssuePath, allowLabel: boolean): Parsed<Predicate> {
  const keys = Object.keys(raw).filter((k) => !(allowLabel && k === 'label'));
  const unknown = keys.filter((k) => !ITEM_KEYS.includes(k));
  if (unknown.length) {
    return {
      ok: false,
      issues: unknown.map((k) => ({ path: [...path, k], message: `unknown condition \`${k}\` (known: ${ITEM_KEYS.join(', ')})`, atKey: true })),
    };
  }
  if (keys.length !== 1) {
    return { ok: false, issues: [{ path, message: keys.length ? `one condition per item, found ${keys.map((k) => `\`${k}\``).join(' and ')}` : 'needs a condition, e.g. `network: {name: mynet}`' }] };
  }
  const kind = keys[0];
  if (kind === 'not') {
    const inner = raw.not;
    if (!isMapping(inner)) return { ok: false, issues: [{ path: [...path, 'not'], message: 'must be a mapping holding one condition' }] };
    const r = parsePredicate(inner, [...path, 'not'], false);
    return r.ok ? { ok: true, value: { kind: 'not', pred: r.value } } : r;
  }
  const k = kind as PredicateKind;
  const r = parseWith(PREDICATE_SCHEMAS[k], raw[k], [...path, k]);
  if (!r.ok) return r;
  const args = k === 'ran' && typeof r.value === 'string' ? { command: r.value } : r.value;
  return { ok: true, value: { kind: k, args } as Predicate };
}

/** Parses one list item of a check block. */
export function parseCheckItem(raw: unknown, path: IssuePath): Parsed<CheckItem> {
  if (!isMapping(raw)) return { ok: false, issues: [{ path, message: 'each condition is a mapping, e.g. `- network: {name: mynet}`' }] };
  const issues: SchemaIssue[] = [];
  if (raw.label !== undefined && (typeof raw.label !== 'string' || !raw.label.trim())) issues.push({ path: [...path, 'label'], message: 'must be non-empty text' });
  const pred = parsePredicate(raw, path, true);
  if (!pred.ok) issues.push(...pred.issues);
  if (issues.length || !pred.ok) return { ok: false, issues };
  return { ok: true, value: { label: raw.label as string | undefined, pred: pred.value } };
}

/** Parses a whole check block (a YAML list). */
export function parseCheckBlock(raw: unknown): Parsed<CheckItem[]> {
  if (!Array.isArray(raw)) return { ok: false, issues: [{ path: [], message: 'a check block is a YAML list: start each condition with `- `' }] };
  if (raw.length === 0) return { ok: false, issues: [{ path: [], message: 'a check block needs at least one condition' }] };
  const items: CheckItem[] = [];
  const issues: SchemaIssue[] = [];
  raw.forEach((entry, i) => {
    const r = parseCheckItem(entry, [i]);
    if (r.ok) items.push(r.value);
    else issues.push(...r.issues);
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: items };
}

/** The JSON-schema view of a check item, for editors and the generated reference. */
export const checkItemSchema = z.union(
  PREDICATE_KINDS.map((k) => z.strictObject({ label: z.string().optional(), [k]: PREDICATE_SCHEMAS[k] })),
);
