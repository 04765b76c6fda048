/**
 * The names of the schema's own refinements (rules.ts), zod-free: the schema names each refinement it makes of a rule
 * ({@link namedRule}), so that the generator of the checks (plan-of.ts, at build time) can run the rule too.
 * @module
 */
import type { RuleName } from './rules';

const names = new WeakMap<object, RuleName>();

/** Names a refinement of the schema after the zod-free rule (rules.ts) it runs, so that the checks can run it too. */
export function namedRule<T extends object>(check: T, name: RuleName): T {
  names.set(check, name);
  return check;
}

/** The rule a refinement was named after ({@link namedRule}), if any. */
export function ruleNameOf(check: object): RuleName | undefined {
  return names.get(check);
}
