import * as z from 'zod/mini';
import { Id, Precision, SourceRefs } from './common';
import { LocalText } from './text';

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `s` is a real calendar date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** An ISO date at day, month or year precision: `2017-03-03`, `2017-07`, `2011`. */
export const IsoDate = z.string().check(z.refine(isIsoDate, 'a date like 2020-01-28, 2017-07 or 2011'));
export type IsoDate = z.infer<typeof IsoDate>;

/** Calendar granularity of an ISO date string. */
export type DateGranularity = 'day' | 'month' | 'year';
export function dateGranularity(s: IsoDate): DateGranularity {
  return s.length === 10 ? 'day' : s.length === 7 ? 'month' : 'year';
}

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

/** True when the date is known (has a value). */
export function isKnownDate(d: ReportedDate | undefined): d is KnownDate {
  return d !== undefined && 'value' in d;
}
