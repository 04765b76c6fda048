import * as z from 'zod/mini';
import { Id, Precision, SourceRefs } from './common';
import { namedRule } from './rule-names';
import { isIsoDate } from './rules';
import { LocalText } from './text';

export { isIsoDate };

export const IsoDate = z
  .string()
  .check(namedRule(z.refine(isIsoDate, 'a date like 2020-01-28, 2017-07 or 2011'), 'isoDate'));
export type IsoDate = z.infer<typeof IsoDate>;

/** One reported date with its precision and sources. */
export const DateReport = z.strictObject({
  value: IsoDate,
  precision: Precision,
  sources: SourceRefs,
  note: z.optional(LocalText),
});
export type DateReport = z.infer<typeof DateReport>;

/**
 * A date as the sources give it: the value drawn, plus conflicting reports kept as `alternatives`;
 * or `{unknown: true}` when no source gives it.
 */
export const ReportedDate = z.union([
  z.strictObject({
    value: IsoDate,
    precision: Precision,
    sources: SourceRefs,
    note: z.optional(LocalText),
    alternatives: z.optional(z.array(DateReport)),
  }),
  z.strictObject({ unknown: z.literal(true), sources: z.optional(z.array(Id)), note: z.optional(LocalText) }),
]);
export type ReportedDate = z.infer<typeof ReportedDate>;
export type KnownDate = Extract<ReportedDate, { value: string }>;
export { dateGranularity, isKnownDate, type DateGranularity } from './read';
