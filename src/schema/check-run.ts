/**
 * What the checks generated from the schema (src/schema/checks/, written by scripts/gen-fast-check.mjs) share at run time,
 * zod-free and tiny: the answer "not sure", the count of values read, whether the input is private data, and the
 * runner that never throws.
 * @module
 */

/** The answer "not sure: ask zod". */
export const NOT_SURE: unique symbol = Symbol('ask zod');

/** As in toPlainData: past this many values (keys and list items) in one run, zod gives the answer. */
export const MAX_VALUES = 20_000_000;

/**
 * The state of the current run: `count`, the values read so far; `reuse`, the input is private plain data (from
 * JSON.parse, or a copy): objects, lists and records that are already what zod outputs (their fields in the schema's
 * order) are returned as they are instead of copied. `known`: the ids of the dataset's sources, once checked: a list of
 * `sources` checked below the top level that cites another id sets `unknownSource` (the cross-references, which
 * otherwise need not walk the dataset for these, then find and word the problem).
 */
export const run: { count: number; reuse: boolean; known?: Set<string>; unknownSource: boolean } = {
  count: 0,
  reuse: false,
  unknownSource: false,
};

/** Starts a run of one or more checks (see {@link run}); end it with {@link endRun}. */
export function beginRun(isPrivate: boolean): void {
  run.count = 0;
  run.reuse = isPrivate;
  run.known = undefined;
  run.unknownSource = false;
}

export function endRun(): void {
  run.reuse = false;
  run.known = undefined;
}

/**
 * What zod would output for `input` against the schema `check` was generated from, when zod finds no problem in it;
 * {@link NOT_SURE} otherwise. Never throws (a getter or a proxy that throws is left to zod). `isPrivate`: see
 * {@link run} (equal to zod's output, field order included, either way).
 */
export function runCheck(check: (v: unknown) => unknown, input: unknown, isPrivate = false): unknown {
  beginRun(isPrivate);
  try {
    return check(input);
  } catch {
    return NOT_SURE;
  } finally {
    endRun();
  }
}
