import type * as z from 'zod/mini';
import { DatasetShape, completeSections, referenceIssues, type Dataset, type DatasetInput } from './dataset';
import {
  MAX_ISSUES,
  parseDataset,
  parseDatasetText,
  toDataIssues,
  toPlainData,
  type DataIssue,
  type ParseFailure,
  type ParseResult,
} from './parse';

/**
 * The parts of a dataset that widgets read separately: a problem in one of them blocks only the widgets that read it
 * (`static sections` of each widget). A problem anywhere else — `meta`, `sources`, an unknown top-level field, a
 * value that is not a dataset at all — concerns every widget.
 */
export const SECTIONS = [
  'rates',
  'vocabulary',
  'programmes',
  'budget',
  'timeline',
  'places',
  'facilities',
  'cooperants',
  'glossary',
] as const;
export type Section = (typeof SECTIONS)[number];

/** The problems of one section: the first ones (at most {@link MAX_ISSUES}) and how many in all. */
export interface SectionProblems {
  issues: DataIssue[];
  total: number;
}
/** The problems of each broken section. */
export type SectionIssues = Partial<Record<Section, SectionProblems>>;

/**
 * A dataset validated section by section. `ok` when every widget-independent part (`meta`, `sources`, the top level)
 * is sound: `data` then holds the sound sections, and the broken ones empty (as if left out), with their problems in
 * `sectionIssues` and all of them together in `problems`. Otherwise the failure of the whole dataset.
 */
export type SectionedResult =
  { ok: true; data: Dataset; sectionIssues: SectionIssues; problems?: ParseFailure } | ParseFailure;

const isSection = (key: unknown): key is Section => (SECTIONS as readonly unknown[]).includes(key);

/** The section a formatted issue path (`cooperants.posts[3].rank`) lies in, if it lies in one. */
export function sectionOf(path: string): Section | undefined {
  const head = /^[^.[]+/.exec(path)?.[0];
  return isSection(head) ? head : undefined;
}

/** The problems of the given sections, together (in the order given); `undefined` when none of them is broken. */
export function issuesOf(
  sectionIssues: SectionIssues | undefined,
  sections: readonly Section[],
): SectionProblems | undefined {
  const broken = sections.map((s) => sectionIssues?.[s]).filter((p): p is SectionProblems => !!p);
  if (!broken.length) return undefined;
  return {
    issues: broken.flatMap((p) => p.issues).slice(0, MAX_ISSUES),
    total: broken.reduce((n, p) => n + p.total, 0),
  };
}

/** A sectioned result as a plain {@link ParseResult}: not ok when any section is broken (the whole list of problems). */
export function wholeResult(r: SectionedResult): ParseResult<Dataset> {
  if (!r.ok) return r;
  return r.problems ?? { ok: true, data: r.data };
}

type Outcome = { success: true; data: unknown } | { success: false; issues: DataIssue[] } | 'too-many';

function check(schema: z.ZodMiniType, key: string, value: unknown): Outcome {
  try {
    const r = schema.safeParse(value, { reportInput: true });
    if (r.success) return r;
    const issues = r.error.issues.map((i) => ({ ...i, path: [key, ...i.path] }));
    return { success: false, issues: toDataIssues(issues) };
  } catch {
    // too many problems for one pass of the schema (see parse.ts)
    return 'too-many';
  }
}

/**
 * Given a dataset (plain data, a copy of the page's) that failed as a whole (`whole`), finds which sections are
 * broken — from the problems listed when they are all listed, else by validating each section on its own — then
 * checks the cross-references of the sound ones (a reference into a broken section is not counted: that section is
 * left out). See {@link SectionedResult}.
 */
export function scopeFailure(value: unknown, whole: ParseFailure): SectionedResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return whole;
  const input = value as Record<string, unknown>;
  const shape = DatasetShape.shape as unknown as Record<string, z.ZodMiniType>;
  // an unknown top-level field (a misspelt section?) concerns every widget
  for (const key of Object.keys(input)) if (!(key in shape)) return whole;
  const found = new Map<Section, SectionProblems>();
  const add = (section: Section, issues: DataIssue[], total = issues.length) => {
    const p = found.get(section) ?? { issues: [], total: 0 };
    p.issues.push(...issues.slice(0, MAX_ISSUES - p.issues.length));
    p.total += total;
    found.set(section, p);
  };
  const clean: Record<string, unknown> = {};
  if (whole.total <= whole.issues.length && !whole.atLeast) {
    // every problem is listed: they name the broken sections, and the others are sound as they are (the schema
    // changes nothing of a sound value), so nothing is validated twice (a large dataset stays fast)
    for (const issue of whole.issues) {
      const section = sectionOf(issue.path);
      if (!section) return whole;
      add(section, [issue]);
    }
    for (const key of Object.keys(shape))
      if (key in input && !(isSection(key) && found.has(key))) clean[key] = input[key];
  } else {
    // more problems than listed: each section validated on its own
    for (const [key, schema] of Object.entries(shape)) {
      const r = check(schema, key, input[key]);
      if (!isSection(key)) {
        if (r === 'too-many' || !r.success) return whole;
      } else if (r === 'too-many') {
        const listed = whole.issues.filter((i) => sectionOf(i.path) === key);
        add(key, listed.length ? listed : [{ path: key, message: 'could not be validated' }], whole.total);
        continue;
      } else if (!r.success) {
        add(key, r.issues);
        continue;
      }
      if (key in input) clean[key] = r.data;
    }
  }
  const shapeBroken = new Set(found.keys());
  for (const ref of referenceIssues(clean as DatasetInput)) {
    // a reference into a section left out is not a problem of its own
    if (ref.target && isSection(ref.target) && shapeBroken.has(ref.target)) continue;
    const section = ref.path[0];
    if (!isSection(section)) return whole;
    add(section, toDataIssues([{ code: 'custom', ...ref } as unknown as z.core.$ZodIssue]));
  }
  if (!found.size) return whole;
  // the broken sections are left out: the widgets that read them show the problems, the others never see them
  for (const section of found.keys()) delete clean[section];
  const data = completeSections(clean as DatasetInput);
  const sectionIssues: SectionIssues = {};
  const all: DataIssue[] = [];
  let total = 0;
  for (const section of SECTIONS) {
    const p = found.get(section);
    if (!p) continue;
    sectionIssues[section] = p;
    all.push(...p.issues.slice(0, MAX_ISSUES - all.length));
    total += p.total;
  }
  return { ok: true, data, sectionIssues, problems: { ok: false, issues: all, total } };
}

/** {@link ParseResult} → {@link SectionedResult}; `value` gives the plain data when the whole failed. */
export function bySection(r: ParseResult<Dataset>, value: () => unknown): SectionedResult {
  if (r.ok) return { ok: true, data: r.data, sectionIssues: {} };
  // a failure at the root (not JSON, not an object, cycles, unreadable values) concerns every widget
  if (r.issues.every((i) => !sectionOf(i.path))) return r;
  let v: unknown;
  try {
    v = value();
  } catch {
    return r;
  }
  return scopeFailure(v, r);
}

/**
 * {@link parseDataset}, section by section when something is broken: the widgets that do not read a broken section
 * still draw. Never throws.
 */
export function parseDatasetBySection(input: unknown): SectionedResult {
  return bySection(parseDataset(input), () => {
    const plain = toPlainData(input);
    if (!plain.ok) throw new Error('not plain data');
    return plain.value;
  });
}

/** {@link parseDatasetText}, section by section when something is broken. Never throws. */
export function parseDatasetTextBySection(text: string): SectionedResult {
  return bySection(parseDatasetText(text), () => JSON.parse(text));
}
