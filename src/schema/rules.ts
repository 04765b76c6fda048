/**
 * The refinements of the dataset schema that are functions of ours rather than zod's checks (a date that exists, a
 * text in at least one language, a timeline item's dates), zod-free: the schema (dataset.ts, dates.ts, text.ts) and
 * the fast path generated from it (src/schema/checks/) both run these, so they cannot disagree.
 * @module
 */

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date (no 2021-02-30). */
export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  /** The number of the two digits at `i`. */
  const two = (i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
  if (s.length === 4) return true;
  const month = two(5);
  if (month < 1 || month > 12) return false;
  if (s.length === 7) return true;
  // the year as Date.UTC reads it (0 to 99: 1900 to 1999), whose February has 29 days in a leap year
  let year = two(0) * 100 + two(2);
  if (year < 100) year += 1900;
  const last =
    month === 2
      ? year % 4 || (year % 100 === 0 && year % 400)
        ? 28
        : 29
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  const day = two(8);
  return day >= 1 && day <= last;
}

/** A text given in at least one language. */
export function hasOneLanguage(t: Record<string, string>): boolean {
  // (as Object.keys(t).length > 0, with nothing allocated)
  for (const k in t) if (Object.hasOwn(t, k)) return true;
  return false;
}

/** The date a timeline item misses for its kind: a phase needs a start and an end, a milestone or an event a date. */
export function timelineDateIssues(item: {
  kind: string;
  start?: unknown;
  end?: unknown;
  date?: unknown;
}): { path: ['start' | 'end' | 'date']; message: string; input: unknown }[] {
  const out: { path: ['start' | 'end' | 'date']; message: string; input: unknown }[] = [];
  if (item.kind === 'phase') {
    if (!item.start) out.push({ path: ['start'], message: 'a phase needs a start date', input: item.start });
    if (!item.end)
      out.push({
        path: ['end'],
        message: 'a phase needs an end date (or {"unknown": true})',
        input: item.end,
      });
  } else if (!item.date)
    out.push({ path: ['date'], message: `a ${item.kind} needs a date`, input: item.date });
  return out;
}

/** Each rule by the name the generated plan gives it: true when the (already shaped) value passes it. */
export const RULES = {
  isoDate: isIsoDate as (x: unknown) => boolean,
  oneLanguage: hasOneLanguage as (x: unknown) => boolean,
  safeInt: Number.isSafeInteger,
  // (as timelineDateIssues(x).length === 0, with nothing allocated)
  timelineDates: (x: unknown) => {
    const t = x as { kind: string; start?: unknown; end?: unknown; date?: unknown };
    return t.kind === 'phase' ? !!t.start && !!t.end : !!t.date;
  },
} satisfies Record<string, (x: unknown) => boolean>;
export type RuleName = keyof typeof RULES;
