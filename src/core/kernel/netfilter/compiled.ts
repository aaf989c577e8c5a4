// The kernel's view of a stored rule: its canonical argv parsed once into a RuleSpec, cached per rule object
// (the cache is not world state; a restored world simply re-parses).
import type { Rule } from './types';
import type { RuleSpec } from './rule-spec';
import { parseRuleSpec } from './rule-parse';

const cache = new WeakMap<Rule, { argv: string[]; spec: RuleSpec }>();

/** The parsed form of `rule.argv` (re-parsed if the argv array was replaced). */
export function compiledRule(rule: Rule): RuleSpec {
  const hit = cache.get(rule);
  if (hit && hit.argv === rule.argv) return hit.spec;
  const spec = parseRuleSpec(rule.argv);
  cache.set(rule, { argv: rule.argv, spec });
  return spec;
}
