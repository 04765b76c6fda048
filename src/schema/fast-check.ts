/**
 * A fast path for valid data: the zod schema compiled, on first use, into plain closures (no `eval`, no
 * `new Function`: strict CSP) that check a value and copy it as zod outputs it — fields in the schema's order — in a
 * fraction of zod's time. They answer only "valid, and here is zod's output" or "not sure" ({@link NOT_SURE}): a
 * problem, or anything they do not handle, is left to zod, which finds it and words it. They may refuse more than zod
 * (that only costs time), never accept more: src/schema/fast-check.test.ts compares both on hundreds of mutated
 * datasets.
 *
 * The input is read the way `toPlainData` copies it: own enumerable keys (`Object.keys`), each value read once, lists
 * by index up to `length`. An unknown field is refused even where zod strips it (an object that is not strict): the
 * copy would have walked into it.
 * @module
 */
import type * as z from 'zod/mini';

/** The answer "not sure: ask zod". */
export const NOT_SURE: unique symbol = Symbol('ask zod');
const F = NOT_SURE;
type Check = (v: unknown) => unknown;

/** As in toPlainData: past this many values (keys and list items), zod gives the answer. */
const MAX_VALUES = 20_000_000;
let count = 0;
/**
 * The input is private plain data (from JSON.parse, or a copy): objects, lists and records that are already what zod
 * outputs (their fields in the schema's order) are returned as they are instead of copied.
 */
let reuse = false;

interface Def {
  type: string;
  coerce?: boolean;
  format?: string;
  checks?: { _zod: { def: CheckDef; check?: (p: { value: unknown; issues: unknown[] }) => void } }[];
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
  length?: number;
  value?: number;
  inclusive?: boolean;
  when?: unknown;
  fn?: (v: unknown) => unknown;
}
type Schema = { _zod: { def: Def; optin?: string } };

const never: Check = () => F;
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The predicate of each check of `schema` on its output (null when one is not handled: zod decides). */
function checksOf(schema: Schema): ((x: unknown) => boolean)[] | null {
  const out: ((x: unknown) => boolean)[] = [];
  for (const c of schema._zod.def.checks ?? []) {
    const d = c._zod.def;
    // length checks carry zod's default "when" (a value with a length): always true on a text or a list
    if (d.when && !d.check.includes('length')) return null;
    switch (d.check) {
      case 'string_format': {
        const re = d.pattern;
        if (d.format !== 'regex' || !re || re.global || re.sticky) return null;
        out.push((x) => re.test(x as string));
        break;
      }
      case 'min_length': {
        const n = d.minimum!;
        out.push((x) => (x as string).length >= n);
        break;
      }
      case 'max_length': {
        const n = d.maximum!;
        out.push((x) => (x as string).length <= n);
        break;
      }
      case 'greater_than': {
        const n = d.value!;
        out.push(d.inclusive ? (x) => (x as number) >= n : (x) => (x as number) > n);
        break;
      }
      case 'less_than': {
        const n = d.value!;
        out.push(d.inclusive ? (x) => (x as number) <= n : (x) => (x as number) < n);
        break;
      }
      case 'number_format':
        if (d.format !== 'safeint') return null;
        out.push(Number.isSafeInteger);
        break;
      case 'custom': {
        // a refinement's own function when zod gives it; else zod's check, run on a payload of ours
        const fn = d.fn;
        const check = c._zod.check;
        if (fn) out.push((x) => !!fn(x));
        else if (check)
          out.push((value) => {
            const p = { value, issues: [] as unknown[] };
            check(p);
            return p.issues.length === 0;
          });
        else return null;
        break;
      }
      default:
        return null;
    }
  }
  return out;
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

const compiled = new WeakMap<object, Check>();

/** The check compiled for `schema` (cached: a schema used in many places is compiled once). */
function compile(schema: Schema): Check {
  let c = compiled.get(schema);
  if (c) return c;
  // a placeholder while compiling: a schema that contains itself is left to zod
  compiled.set(schema, never);
  c = build(schema);
  compiled.set(schema, c);
  return c;
}

function build(schema: Schema): Check {
  const d = schema._zod.def;
  if (d.coerce) return never;
  const checks = checksOf(schema);
  if (!checks) return never;
  switch (d.type) {
    case 'string': {
      // the common texts in one closure: an id or a code (one pattern), a non-empty text (one minimum length)
      const only = d.checks?.length === 1 ? d.checks[0]!._zod.def : undefined;
      const re = only?.check === 'string_format' ? only.pattern : undefined;
      if (re && checks.length === 1) return (x) => (typeof x === 'string' && re.test(x) ? x : F);
      const min = only?.check === 'min_length' ? only.minimum! : undefined;
      if (min !== undefined) return (x) => (typeof x === 'string' && x.length >= min ? x : F);
      return predicate((x) => typeof x === 'string', checks);
    }
    case 'number':
      if (d.format && d.format !== 'safeint') return never;
      return predicate(
        d.format === 'safeint' ? Number.isSafeInteger : (x) => typeof x === 'number' && Number.isFinite(x),
        checks.filter((c) => c !== Number.isSafeInteger),
      );
    case 'boolean':
      return predicate((x) => typeof x === 'boolean', checks);
    case 'enum': {
      const values = Object.values(d.entries ?? {});
      return predicate((x) => values.includes(x), checks);
    }
    case 'literal': {
      const values = d.values ?? [];
      return predicate((x) => values.includes(x), checks);
    }
    case 'optional':
    case 'nullable': {
      if (checks.length) return never;
      const inner = compile(d.innerType!);
      const empty = d.type === 'optional' ? undefined : null;
      return (x) => (x === empty ? x : inner(x));
    }
    case 'array': {
      const item = compile(d.element!);
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
      const key = compile(d.keyType!);
      const value = compile(d.valueType!);
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
      const options = (d.options ?? []).map(compile);
      if (d.inclusive === false) return never;
      return refined((v) => {
        for (let i = 0; i < options.length; i++) {
          const o = options[i]!(v);
          if (o !== F) return o;
        }
        return F;
      }, checks);
    }
    case 'object':
      return refined(object(d), checks);
    default:
      return never;
  }
}

/** A strict object (or one that strips, refusing unknown fields): its fields checked and copied in the schema's order. */
function object(d: Def): Check {
  if (d.catchall && d.catchall._zod.def.type !== 'never') return never;
  const keys = Object.keys(d.shape ?? {});
  if (keys.length > 30 || keys.includes('__proto__')) return never;
  const fields = keys.map((k) => d.shape![k]!);
  if (fields.some((f) => f._zod.optin !== undefined && f._zod.optin !== 'optional')) return never;
  const checks = fields.map(compile);
  const optional = fields.map((f) => f._zod.optin === 'optional');
  const bits: Record<string, unknown> = {};
  keys.forEach((k, i) => (bits[k] = 2 ** i));
  let required = 0;
  optional.forEach((o, i) => (required |= o ? 0 : 2 ** i));
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
 * What zod would output for `input` against `schema` when zod finds no problem in it; {@link NOT_SURE} otherwise.
 * Never throws (a getter or a proxy that throws is left to zod). `private`: `input` is plain data nobody else holds
 * (from JSON.parse, or a copy): what is already as zod would output it is returned as it is, not copied (equal to
 * zod's output, field order included).
 */
export function fastParse(
  schema: z.core.$ZodType,
  input: unknown,
  options: { private?: boolean } = {},
): unknown {
  count = 0;
  reuse = options.private === true;
  try {
    return compile(schema as unknown as Schema)(input);
  } catch {
    return F;
  } finally {
    reuse = false;
  }
}
