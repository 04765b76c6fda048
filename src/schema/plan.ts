/**
 * The fast path for valid data, zod-free: a plan of the schema (plain data: types, patterns, bounds, the names of our
 * own refinements; made from the zod schema by plan-of.ts) compiled on first use into plain closures (no `eval`, no `new Function`: strict CSP) that check a value and copy it
 * as zod outputs it — fields in the schema's order — in a fraction of zod's time. They answer only "valid, and here is
 * zod's output" or "not sure" ({@link NOT_SURE}): a problem, or anything they do not handle, is left to zod, which
 * finds it and words it (loaded only then). They may refuse more than zod (that only costs time), never accept more:
 * src/schema/fast-check.test.ts compares both on hundreds of mutated datasets.
 *
 * The input is read the way `toPlainData` copies it: own enumerable keys (`Object.keys`), each value read once, lists
 * by index up to `length`. An unknown field is refused even where zod strips it (an object that is not strict): the
 * copy would have walked into it.
 * @module
 */
import { RULES, type RuleName } from './rules';

import { NOT_SURE } from './check-run';

/** The answer "not sure: ask zod" (the generated checks' too). */
export { NOT_SURE };
const F = NOT_SURE;
type Check = (v: unknown) => unknown;

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

/** One schema of the plan. `checks`: all must hold (on the output). `never`: what the fast path leaves to zod. */
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

/** As in toPlainData: past this many values (keys and list items), zod gives the answer. */
const MAX_VALUES = 20_000_000;
let count = 0;
/**
 * The input is private plain data (from JSON.parse, or a copy): objects, lists and records that are already what zod
 * outputs (their fields in the schema's order) are returned as they are instead of copied.
 */
let reuse = false;

const never: Check = () => F;
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The predicate of a check. */
function predicateOf(c: PlanCheck): (x: unknown) => boolean {
  if ('re' in c) {
    const re = c.re;
    return (x) => re.test(x as string);
  }
  if ('minLength' in c) {
    const n = c.minLength;
    return (x) => (x as string).length >= n;
  }
  if ('maxLength' in c) {
    const n = c.maxLength;
    return (x) => (x as string).length <= n;
  }
  if ('gt' in c) {
    const n = c.gt;
    return (x) => (x as number) > n;
  }
  if ('gte' in c) {
    const n = c.gte;
    return (x) => (x as number) >= n;
  }
  if ('lt' in c) {
    const n = c.lt;
    return (x) => (x as number) < n;
  }
  if ('lte' in c) {
    const n = c.lte;
    return (x) => (x as number) <= n;
  }
  return RULES[c.rule];
}

/** `base` and then every check, on the value (for texts and numbers, whose output is their input). */
function predicate(base: (x: unknown) => boolean, checks: ((x: unknown) => boolean)[]): Check {
  if (checks.length === 0) return (x) => (base(x) ? x : F);
  if (checks.length === 1) {
    const [a] = checks as [(x: unknown) => boolean];
    return (x) => (base(x) && a(x) ? x : F);
  }
  return (x) => {
    if (!base(x)) return F;
    for (let i = 0; i < checks.length; i++) if (!checks[i]!(x)) return F;
    return x;
  };
}

/** `checks` on an output built by `check` (objects, lists, records). */
function refined(check: Check, checks: ((x: unknown) => boolean)[]): Check {
  if (checks.length === 0) return check;
  return (v) => {
    const o = check(v);
    if (o === F) return F;
    for (let i = 0; i < checks.length; i++) if (!checks[i]!(o)) return F;
    return o;
  };
}

const compiled = new WeakMap<PlanNode, Check>();

/** The check compiled for `node` (cached: a node used in many places is compiled once). */
function compile(node: PlanNode): Check {
  let c = compiled.get(node);
  if (!c) compiled.set(node, (c = build(node)));
  return c;
}

function build(node: PlanNode): Check {
  if (node.type === 'never') return never;
  if (node.type === 'optional' || node.type === 'nullable') {
    const inner = compile(node.inner);
    const empty = node.type === 'optional' ? undefined : null;
    return (x) => (x === empty ? x : inner(x));
  }
  const checks = (node.checks ?? []).map(predicateOf);
  switch (node.type) {
    case 'string': {
      // the common texts in one closure: an id or a code (one pattern), a non-empty text (one minimum length)
      const only = node.checks?.length === 1 ? node.checks[0]! : undefined;
      if (only && 're' in only) {
        const re = only.re;
        return (x) => (typeof x === 'string' && re.test(x) ? x : F);
      }
      if (only && 'minLength' in only) {
        const min = only.minLength;
        return (x) => (typeof x === 'string' && x.length >= min ? x : F);
      }
      return predicate((x) => typeof x === 'string', checks);
    }
    case 'number':
      return predicate(
        node.int ? Number.isSafeInteger : (x) => typeof x === 'number' && Number.isFinite(x),
        checks,
      );
    case 'boolean':
      return predicate((x) => typeof x === 'boolean', checks);
    case 'enum': {
      const values = node.values;
      return predicate((x) => values.includes(x), checks);
    }
    case 'array': {
      const item = compile(node.item);
      return refined((v) => {
        if (!Array.isArray(v)) return F;
        const n = v.length;
        if ((count += n) > MAX_VALUES) return F;
        // private data: the list itself while every item is its own output
        let o: unknown[] | undefined = reuse ? undefined : new Array(n);
        for (let i = 0; i < n; i++) {
          const x = v[i];
          const y = item(x);
          if (y === F) return F;
          if (o) o[i] = y;
          else if (y !== x) (o = v.slice(0, n))[i] = y;
        }
        return o ?? v;
      }, checks);
    }
    case 'record': {
      const key = compile(node.key);
      const value = compile(node.value);
      return refined((v) => {
        if (!isObject(v)) return F;
        const keys = Object.keys(v);
        if ((count += keys.length) > MAX_VALUES) return F;
        // private data: the record itself while every value is its own output
        let o: Record<string, unknown> | undefined = reuse ? undefined : {};
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          // zod leaves a `__proto__` key out of a record, the copy keeps it: let zod decide
          if (k === '__proto__' || key(k) === F) return F;
          const x = v[k];
          const y = value(x);
          if (y === F) return F;
          if (o) o[k] = y;
          else if (y !== x) {
            o = {};
            for (let j = 0; j < i; j++) o[keys[j]!] = v[keys[j]!];
            o[k] = y;
          }
        }
        return o ?? v;
      }, checks);
    }
    case 'union': {
      const options = node.options.map(compile);
      return refined((v) => {
        for (let i = 0; i < options.length; i++) {
          const o = options[i]!(v);
          if (o !== F) return o;
        }
        return F;
      }, checks);
    }
    case 'object':
      return refined(object(node.fields), checks);
  }
}

/** A strict object (or one that strips, refusing unknown fields): its fields checked and copied in the schema's order. */
function object(fields: { key: string; node: PlanNode; optional?: true }[]): Check {
  if (fields.length > 30 || fields.some((f) => f.key === '__proto__')) return never;
  const keys = fields.map((f) => f.key);
  const checks = fields.map((f) => compile(f.node));
  const bits: Record<string, unknown> = {};
  keys.forEach((k, i) => (bits[k] = 2 ** i));
  let required = 0;
  fields.forEach((f, i) => (required |= f.optional ? 0 : 2 ** i));
  const n = keys.length;
  return (v) => {
    if (!isObject(v)) return F;
    const own = Object.keys(v);
    if ((count += own.length) > MAX_VALUES) return F;
    let h = 0;
    // fields in the schema's order (zod's output order): private data can then be its own output
    let ordered = reuse;
    for (let i = 0, last = 0; i < own.length; i++) {
      const b = bits[own[i]!];
      if (typeof b !== 'number') return F;
      if (b < last) ordered = false;
      h |= last = b;
    }
    if ((h & required) !== required) return F;
    let o: Record<string, unknown> | undefined = ordered ? undefined : {};
    for (let i = 0, bit = 1; i < n; i++, bit *= 2)
      if (h & bit) {
        const k = keys[i]!;
        const x = v[k];
        const y = checks[i]!(x);
        if (y === F) return F;
        if (o) o[k] = y;
        else if (y !== x) {
          o = {};
          for (let j = 0, b = 1; j < i; j++, b *= 2) if (h & b) o[keys[j]!] = v[keys[j]!];
          o[k] = y;
        }
      }
    return o ?? v;
  };
}

/**
 * What zod would output for `input` against the schema `plan` was made from, when zod finds no problem in it;
 * {@link NOT_SURE} otherwise. Never throws (a getter or a proxy that throws is left to zod). `private`: `input` is
 * plain data nobody else holds (from JSON.parse, or a copy): what is already as zod would output it is returned as it
 * is, not copied (equal to zod's output, field order included).
 */
export function runPlan(plan: PlanNode, input: unknown, options: { private?: boolean } = {}): unknown {
  count = 0;
  reuse = options.private === true;
  try {
    return compile(plan)(input);
  } catch {
    return F;
  } finally {
    reuse = false;
  }
}
