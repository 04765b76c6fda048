/**
 * The widgets' validation without zod: the dataset's plan generated at build time from the zod schema (fast-plan.ts)
 * run by plan.ts, then the cross-references (references.ts). It answers only for data it accepts; anything else —
 * problems, or what it leaves to zod — goes to parse.ts (zod), which a widget loads only then (a chunk of its own).
 * Also what the widgets need of validation without zod: its result types, the size that chooses slices, the count of
 * validations, and the bundled default (validated at build time).
 * @module
 */
import type { Dataset, DatasetInput } from './dataset';
import { DATASET_PLAN } from './fast-plan';
import { NOT_SURE, runPlan } from './plan';
import { completeSections, referenceIssues } from './references';

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
let validations = 0;
/**
 * How many datasets this page validated (each call of parseDataset, parseDatasetText or their sliced forms, and each
 * dataset the widgets' fast path accepts), for tests: a page's own data given to several widgets is validated once.
 */
export function validationCount(): number {
  return validations;
}

/** Counts one validation (see {@link validationCount}). */
export function countValidation(): void {
  validations++;
}

/**
 * The dataset as parseDataset would give it, when it would give it — valid, by the generated fast path and the
 * cross-references — counted as one validation; `undefined` when the fast path is not sure (parse.ts decides, and
 * words the problems). `private`: see {@link runPlan}. Never throws.
 */
export function fastDataset(input: unknown, options: { private?: boolean } = {}): Dataset | undefined {
  try {
    const shaped = runPlan(DATASET_PLAN, input, options);
    if (shaped === NOT_SURE || referenceIssues(shaped as DatasetInput).length) return undefined;
    validations++;
    return shaped as Dataset;
  } catch {
    return undefined;
  }
}

/**
 * A dataset validated at build time — the bundled default, which `npm run build` and a unit test check (parseDataset
 * gives it back unchanged) — taken as it is, with what parseDataset would add (absent sections, empty): the browser
 * does not validate it again.
 */
export function trustedDataset(value: unknown): ParseResult<Dataset> {
  return { ok: true, data: completeSections(value as DatasetInput) as Dataset };
}

/** Items in the dataset's lists, read without throwing (a rough size, to choose between one pass and slices). */
export function datasetSize(input: unknown): number {
  try {
    if (input === null || typeof input !== 'object') return 0;
    const d = input as Record<string, unknown>;
    const c = (d.cooperants ?? {}) as Record<string, unknown>;
    let n = 0;
    for (const list of [
      d.sources,
      d.programmes,
      d.budget,
      d.timeline,
      d.places,
      d.facilities,
      c.posts,
      c.totals,
    ])
      if (Array.isArray(list)) n += list.length;
    return n;
  } catch {
    return 0;
  }
}

/** Past this many items (see {@link datasetSize}), the loaders validate in slices. */
export const SLICED_FROM = 50_000;
