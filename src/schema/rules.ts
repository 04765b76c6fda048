/**
 * The refinements of the dataset schema that are functions of ours rather than zod's checks (a date that exists, a
 * text in at least one language, a timeline item's dates), zod-free: the schema (dataset.ts, dates.ts, text.ts) and
 * the fast path generated from it (src/schema/checks/) both run these, so they cannot disagree.
 * @module
 */

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date (no 2021-02-30). */
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

/** A text given in at least one language. */
export function hasOneLanguage(t: Record<string, string>): boolean {
  return Object.keys(t).length > 0;
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
  isoDate: (x: unknown) => isIsoDate(x as string),
  oneLanguage: (x: unknown) => hasOneLanguage(x as Record<string, string>),
  safeInt: (x: unknown) => Number.isSafeInteger(x),
  timelineDates: (x: unknown) => timelineDateIssues(x as { kind: string }).length === 0,
} satisfies Record<string, (x: unknown) => boolean>;
export type RuleName = keyof typeof RULES;
