/**
 * The zod schema as a {@link PlanNode}: plain data (types, patterns, bounds, the names of our own refinements) that
 * scripts/gen-fast-check.mjs compiles into src/schema/checks/ at build time (plan-code.ts). What the plan cannot say (a
 * check it does not know, a refinement not named by `namedRule`, rule-names.ts) becomes `never`: zod decides.
 * Build time and tests only: no widget and no validation at run time imports it.
 * @module
 */
import type * as z from 'zod/mini';
import { ruleNameOf } from './rule-names';
import { RULES, type RuleName } from './rules';

/** A check on a text, a number, a list's length or an object's output. */
export type PlanCheck =
  | { re: RegExp }
  | { minLength: number }
  | { maxLength: number }
  | { gt: number }
  | { gte: number }
  | { lt: number }
  | { lte: number }
  | { rule: RuleName };

/** One schema of the plan. `checks`: all must hold (on the output). `never`: what the checks leave to zod. */
export type PlanNode =
  | { type: 'never' }
  | { type: 'string'; checks?: PlanCheck[] }
  | { type: 'number'; int?: true; checks?: PlanCheck[] }
  | { type: 'boolean'; checks?: PlanCheck[] }
  | { type: 'enum'; values: readonly unknown[]; checks?: PlanCheck[] }
  | { type: 'optional' | 'nullable'; inner: PlanNode; checks?: undefined }
  | { type: 'array'; item: PlanNode; checks?: PlanCheck[] }
  | { type: 'record'; key: PlanNode; value: PlanNode; checks?: PlanCheck[] }
  | { type: 'union'; options: PlanNode[]; checks?: PlanCheck[] }
  /** A strict object (or one that strips, refusing unknown fields), its fields in the schema's order. */
  | { type: 'object'; fields: { key: string; node: PlanNode; optional?: true }[]; checks?: PlanCheck[] };

interface Def {
  type: string;
  coerce?: boolean;
  format?: string;
  checks?: ZodCheck[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  options?: Schema[];
  keyType?: Schema;
  valueType?: Schema;
  entries?: Record<string, unknown>;
  values?: unknown[];
  inclusive?: boolean;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  when?: unknown;
  fn?: unknown;
}
type ZodCheck = { _zod: { def: CheckDef } };
type Schema = { _zod: { def: Def; optin?: string } };

const NEVER: PlanNode = { type: 'never' };

/** The plan of each check of `schema` (null when one is not handled: zod decides). */
function checksOf(schema: Schema): PlanCheck[] | null {
  const out: PlanCheck[] = [];
  for (const c of schema._zod.def.checks ?? []) {
    const d = c._zod.def;
    // length checks carry zod's default "when" (a value with a length): always true on a text or a list
    if (d.when && !d.check.includes('length')) return null;
    switch (d.check) {
      case 'string_format':
        if (d.format !== 'regex' || !d.pattern || d.pattern.global || d.pattern.sticky) return null;
        out.push({ re: d.pattern });
        break;
      case 'min_length':
        out.push({ minLength: d.minimum! });
        break;
      case 'max_length':
        out.push({ maxLength: d.maximum! });
        break;
      case 'greater_than':
        out.push(d.inclusive ? { gte: d.value! } : { gt: d.value! });
        break;
      case 'less_than':
        out.push(d.inclusive ? { lte: d.value! } : { lt: d.value! });
        break;
      case 'number_format':
        if (d.format !== 'safeint') return null;
        out.push({ rule: 'safeInt' });
        break;
      case 'custom': {
        const rule = ruleNameOf(c);
        if (!rule || !(rule in RULES)) return null;
        out.push({ rule });
        break;
      }
      default:
        return null;
    }
  }
  return out;
}

const plans = new WeakMap<object, PlanNode>();

/** The plan of `schema` (cached: a schema used in many places is one node, shared). */
export function planOf(schema: z.core.$ZodType): PlanNode {
  const s = schema as unknown as Schema;
  let p = plans.get(s);
  if (p) return p;
  // a placeholder while planning: a schema that contains itself is left to zod
  plans.set(s, NEVER);
  p = build(s);
  plans.set(s, p);
  return p;
}

const sub = (s: Schema) => planOf(s as unknown as z.core.$ZodType);
/** `checks` only when there are some (a shorter plan). */
const withChecks = <T extends PlanNode>(node: T, checks: PlanCheck[]): T =>
  checks.length ? { ...node, checks } : node;

function build(schema: Schema): PlanNode {
  const d = schema._zod.def;
  if (d.coerce) return NEVER;
  const checks = checksOf(schema);
  if (!checks) return NEVER;
  switch (d.type) {
    case 'string':
      return withChecks({ type: 'string' }, checks);
    case 'number': {
      if (d.format && d.format !== 'safeint') return NEVER;
      if (d.format !== 'safeint') return withChecks({ type: 'number' }, checks);
      // a whole number: its own checks for being one are the type's
      const rest = checks.filter((c) => !('rule' in c && c.rule === 'safeInt'));
      return withChecks({ type: 'number', int: true }, rest);
    }
    case 'boolean':
      return withChecks({ type: 'boolean' }, checks);
    case 'enum':
      return withChecks({ type: 'enum', values: Object.values(d.entries ?? {}) }, checks);
    case 'literal':
      return withChecks({ type: 'enum', values: d.values ?? [] }, checks);
    case 'optional':
    case 'nullable':
      if (checks.length) return NEVER;
      return { type: d.type, inner: sub(d.innerType!) };
    case 'array':
      return withChecks({ type: 'array', item: sub(d.element!) }, checks);
    case 'record':
      return withChecks({ type: 'record', key: sub(d.keyType!), value: sub(d.valueType!) }, checks);
    case 'union': {
      const options = (d.options ?? []).map(sub);
      if (d.inclusive === false) return NEVER;
      return withChecks({ type: 'union', options }, checks);
    }
    case 'object': {
      if (d.catchall && d.catchall._zod.def.type !== 'never') return NEVER;
      const keys = Object.keys(d.shape ?? {});
      if (keys.length > 30 || keys.includes('__proto__')) return NEVER;
      const fields = keys.map((k) => d.shape![k]!);
      if (fields.some((f) => f._zod.optin !== undefined && f._zod.optin !== 'optional')) return NEVER;
      return withChecks(
        {
          type: 'object',
          fields: keys.map((key, i) =>
            fields[i]!._zod.optin === 'optional'
              ? { key, node: sub(fields[i]!), optional: true as const }
              : { key, node: sub(fields[i]!) },
          ),
        },
        checks,
      );
    }
    default:
      return NEVER;
  }
}
