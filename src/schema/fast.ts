/**
 * The widgets' validation without zod: the checks generated at build time from the zod schema (src/schema/checks/, one function
 * per schema node), section by section, then the cross-references (references.ts). It answers only for data it
 * accepts; anything else — problems, or what it leaves to zod — goes to parse.ts (zod), which a widget loads only then
 * (a chunk of its own). A widget's entry carries the checks of the sections it reads only (its `static checks`): the
 * others are checked after it draws, from a chunk of their own (fast-all.ts).
 * Also what the widgets need of validation without zod: its result types, the size that chooses slices, the count of
 * validations, and the bundled default (validated at build time).
 * @module
 */
import { beginRun, endRun, NOT_SURE, run } from './check-run';
import { DATASET_KEYS, DATASET_REQUIRED } from './checks/index';
import { checkMeta } from './checks/meta';
import { checkRates } from './checks/rates';
import { checkSchema } from './checks/schema';
import { checkSources } from './checks/sources';
import type { Dataset, DatasetInput } from './dataset';
import { completeSections, referenceIssues } from './references';
import type { ParseResult } from './result';
import { SECTIONS, type Section } from './section-list';

export { MAX_ISSUES, type DataIssue, type ParseFailure, type ParseResult } from './result';

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

/** A generated check: the value as zod outputs it, or NOT_SURE. */
export type Check = (v: unknown) => unknown;
/** The generated checks of some sections (a widget's `static checks`: those of the sections it reads). */
export type SectionChecks = Partial<Record<Section, Check>>;

/**
 * What every widget checks before it draws, whatever sections it reads: the top level, `meta`, `sources` (the ids
 * every `sources` list cites), and the small section every widget reads (`rates`, which converts amounts).
 */
const FIRST: Partial<Record<string, Check>> = {
  $schema: checkSchema,
  meta: checkMeta,
  sources: checkSources,
  rates: checkRates,
};
const FIRST_SECTIONS: readonly Section[] = ['rates'];

/** Whether `checks` has the check of every section in `sections` (those checked first are always there). */
export function hasChecks(sections: readonly Section[], checks: SectionChecks): boolean {
  return sections.every((s) => checks[s] || FIRST[s]);
}

/**
 * A dataset object the fast path accepted for some sections: `data` is what zod outputs for the top level and those
 * sections (the others empty, as if left out, until they are checked: see {@link fastSections}'s `prior`).
 */
export interface CheckedSections {
  data: Dataset;
  sections: ReadonlySet<Section>;
}

interface Shapes {
  /** The top-level fields in the schema's order: checked ones as zod outputs them, the others as given. */
  view: Record<string, unknown>;
  /** The fields checked by this pass. */
  checked: string[];
  sourcesChecked: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The fields of a dataset's top level, when they are known ones and the required ones are there; else undefined
 * (zod says what is wrong).
 */
export function topLevelFields(input: object): Set<string> | undefined {
  const own = new Set(Object.keys(input));
  for (const key of own) if (!(DATASET_KEYS as readonly string[]).includes(key)) return undefined;
  for (const key of DATASET_REQUIRED) if (!own.has(key)) return undefined;
  return own;
}

/**
 * The shapes: the top level (known fields only, the required ones present), then the first fields (unless `prior`
 * checked them) and `sections` not yet checked, by the generated checks; undefined when they are not sure.
 */
function checkShapes(
  input: unknown,
  sections: readonly Section[],
  checks: SectionChecks,
  prior: CheckedSections | undefined,
): Shapes | undefined {
  if (!isRecord(input)) return undefined;
  const own = topLevelFields(input);
  if (!own) return undefined;
  const todo = new Map<string, Check>();
  if (!prior) for (const [key, check] of Object.entries(FIRST)) todo.set(key, check!);
  for (const s of sections)
    if (!prior?.sections.has(s) && !todo.has(s)) {
      const check = checks[s];
      // a section the widget brought no check for: zod decides
      if (!check) return undefined;
      todo.set(s, check);
    }
  const view: Record<string, unknown> = {};
  beginRun();
  try {
    for (const key of DATASET_KEYS) {
      if (!own.has(key)) continue;
      const check = todo.get(key);
      if (check) {
        const y = check(input[key]);
        if (y === NOT_SURE) return undefined;
        view[key] = y;
      } else if (prior && (FIRST[key] || prior.sections.has(key as Section)))
        view[key] = (prior.data as Record<string, unknown>)[key];
      else view[key] = input[key];
      // the ids every `sources` list below may cite, once the sources are known
      if (key === 'sources') run.known = new Set((view.sources as { id: string }[]).map((s) => s.id));
    }
    return { view, checked: [...todo.keys()], sourcesChecked: !run.unknownSource };
  } catch {
    return undefined;
  } finally {
    endRun();
  }
}

/**
 * The whole dataset as parseDataset would give it — every field checked by the generated checks — and its
 * cross-reference problems; undefined when the checks are not sure (zod decides). Its values are the input's where
 * they are already what zod outputs (see check-run.ts); its root is its own.
 */
export function shapedDataset(
  input: unknown,
  checks: SectionChecks,
): { data: DatasetInput; issues: ReturnType<typeof referenceIssues> } | undefined {
  const shapes = checkShapes(input, SECTIONS, checks, undefined);
  if (!shapes) return undefined;
  const data = shapes.view as unknown as DatasetInput;
  return { data, issues: referenceIssues(data, { sourcesChecked: shapes.sourcesChecked }) };
}

/**
 * The dataset checked for `sections` only (besides the top level, `meta`, `sources` and `rates`) with
 * their cross-references, by the generated `checks` of those sections: what zod outputs for them, the others empty
 * (not read: a widget reads only the sections it declares). With `prior` (an earlier answer for the same input), only
 * the sections it did not check, added to its `data` (in place: one object per dataset, whose sections fill in as
 * widgets need them). Undefined when the checks are not sure (zod decides, and words the problems). Never throws.
 * Not counted as a validation (the dataset controller counts each dataset object once).
 */
export function fastSections(
  input: unknown,
  sections: readonly Section[],
  checks: SectionChecks,
  options: { prior?: CheckedSections } = {},
): CheckedSections | undefined {
  try {
    const prior = options.prior;
    const shapes = checkShapes(input, sections, checks, prior);
    if (!shapes) return undefined;
    const only = new Set(shapes.checked);
    const issues = referenceIssues(shapes.view as unknown as DatasetInput, {
      only,
      sourcesChecked: shapes.sourcesChecked,
    });
    if (issues.length) return undefined;
    const view = shapes.view;
    const checked = new Set(prior?.sections);
    for (const s of [...FIRST_SECTIONS, ...sections]) checked.add(s);
    if (prior) {
      const data = prior.data as Record<string, unknown>;
      for (const key of only) if (view[key] !== undefined) data[key] = view[key];
      return { data: prior.data, sections: checked };
    }
    // the fields in the schema's order, those not checked empty (as if left out), the absent ones completed
    const empty = completeSections({} as DatasetInput) as Record<string, unknown>;
    const data: Record<string, unknown> = {};
    // (a field not checked that a dataset may simply leave out holds `undefined`: it keeps its place for later)
    for (const key of Object.keys(view))
      if (only.has(key)) data[key] = view[key];
      else data[key] = key in empty ? empty[key] : undefined;
    return { data: completeSections(data as unknown as DatasetInput) as Dataset, sections: checked };
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
