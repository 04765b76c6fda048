/**
 * The sections of a dataset and their problems, zod-free (what the widgets read of a validation).
 * @module
 */
import type { Dataset } from './dataset';
import { MAX_ISSUES, type DataIssue, type ParseFailure, type ParseResult } from './result';

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

export const isSection = (key: unknown): key is Section => (SECTIONS as readonly unknown[]).includes(key);

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
