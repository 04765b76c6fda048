/**
 * What the checks generated from the schema (src/schema/checks/, written by scripts/gen-fast-check.mjs) share at run time,
 * zod-free and tiny: the answer "not sure", the count of values read, and the runner that never throws.
 * @module
 */

/** The answer "not sure: ask zod". */
export const NOT_SURE: unique symbol = Symbol('ask zod');

/** As in toPlainData: past this many values (keys and list items) in one run, zod gives the answer. */
export const MAX_VALUES = 20_000_000;

/**
 * The state of the current run: `count`, the values read so far. `known`: the ids of the dataset's sources, once
 * checked: a list of `sources` checked below the top level that cites another id sets `unknownSource` (the
 * cross-references, which otherwise need not walk the dataset for these, then find and word the problem).
 *
 * `proto`: Object.prototype when it has no enumerable property at the run's start, else undefined: the checks take
 * only objects whose prototype it is (or which have none), whose keys `for in` gives are then all their own (no test
 * of each key); others (an instance of a class, an object of another realm, any object while Object.prototype is
 * polluted) are left to zod.
 *
 * The checks copy nothing that need not be: objects, lists and records that are already what zod outputs (their fields
 * in the schema's order) are their own output, so that a valid dataset comes out sharing the input's values (its
 * root excepted: see fast.ts). Nothing is ever written into the input.
 */
export const run: {
  count: number;
  known?: Set<string>;
  cited?: string;
  unknownSource: boolean;
  proto?: object;
} = {
  count: 0,
  known: undefined,
  cited: undefined,
  unknownSource: false,
  // (each field there from the start: a field added later, or set once, would make the engine drop the checks'
  // optimised code when a run sets it again)
  proto: undefined,
};

/** Whether `v` is an object the checks take (see {@link run}'s `proto`). */
export function plain(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const p = Object.getPrototypeOf(v);
  return p === run.proto || p === null;
}

/**
 * A checked object's output when it is not its input (its fields in another order, or some changed): `keys` in the
 * schema's order, those present (the bits of `has`), with their outputs (`values`).
 */
export function copy(has: number, keys: string[], values: unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (has & (1 << i)) o[keys[i]!] = values[i];
  return o;
}

/**
 * Notes a list of `sources` (checked: texts, or `undefined` where it may be left out) that cites an id not among
 * {@link run}'s `known` ones.
 */
export function cite(list: unknown): void {
  const l = list as string[] | undefined;
  if (l)
    for (let i = 0; i < l.length; i++) {
      const id = l[i]!;
      // (most lists cite the same few sources: the last one found known is not looked up again)
      if (id !== run.cited) {
        if (run.known!.has(id)) run.cited = id;
        else run.unknownSource = true;
      }
    }
}

/**
 * How validation in slices (parse.ts) checks a field (`key`) of the dataset or of an object there: a list item by item
 * (`item`: the check of an item), an object holding lists field by field (`fields`), anything else at once (`check`).
 * `optional`: `undefined` passes (a list or an object); `absent`: the field may be left out.
 */
export type Slice = { key: string; optional?: 1; absent?: 1 } & (
  { check: (v: unknown) => unknown } | { item: (v: unknown) => unknown } | { fields: readonly Slice[] }
);

/** Starts a run of one or more checks (see {@link run}); end it with {@link endRun}. */
export function beginRun(): void {
  run.count = 0;
  run.proto = Object.keys(Object.prototype).length ? undefined : Object.prototype;
  run.known = undefined;
  run.cited = undefined;
  run.unknownSource = false;
}

export function endRun(): void {
  run.known = undefined;
  run.cited = undefined;
}

/**
 * What zod would output for `input` against the schema `check` was generated from, when zod finds no problem in it;
 * {@link NOT_SURE} otherwise. Never throws (a getter or a proxy that throws is left to zod).
 */
export function runCheck(check: (v: unknown) => unknown, input: unknown): unknown {
  beginRun();
  try {
    return check(input);
  } catch {
    return NOT_SURE;
  } finally {
    endRun();
  }
}
