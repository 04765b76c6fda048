import type * as z from 'zod/mini';
import { DatasetShape, completeSections, referenceIssues, type Dataset, type DatasetInput } from './dataset';
import { worded } from './reference-words';
import {
  isSection,
  sectionOf,
  SECTIONS,
  type Section,
  type SectionedResult,
  type SectionIssues,
  type SectionProblems,
} from './section-list';
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

export {
  issuesOf,
  sectionOf,
  SECTIONS,
  wholeResult,
  type Section,
  type SectionedResult,
  type SectionIssues,
  type SectionProblems,
} from './section-list';

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
  for (const ref of worded(referenceIssues(clean as DatasetInput))) {
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
