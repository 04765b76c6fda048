/**
 * What a validation gives, zod-free: the dataset or its problems (read by the widgets, parse.ts and section-list.ts).
 * @module
 */

/** One problem found in a dataset: where (a JSON path such as `timeline[3].end`) and what, in plain words. */
export interface DataIssue {
  path: string;
  message: string;
}

/** A failed parse: the first problems (at most {@link MAX_ISSUES}) and how many there are in all. */
export type ParseFailure = {
  ok: false;
  issues: DataIssue[];
  /** How many problems were found in all (`atLeast`: counting stopped at {@link MAX_COUNTED}). */
  total: number;
  atLeast?: true;
};
export type ParseResult<T> = { ok: true; data: T } | ParseFailure;

/** At most this many issues are listed; `total` counts them all. */
export const MAX_ISSUES = 100;
