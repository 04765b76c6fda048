/**
 * Reading validated data, zod-free (the widgets import these without the schema): a text in a language, a dataset's
 * languages, a date's granularity, whether a date or an amount is known.
 * @module
 */
import type { IsoDate, KnownDate, ReportedDate } from './dates';
import type { KnownMoney, ReportedMoney } from './quantity';
import type { LocalText } from './text';

/**
 * The text of `t` for a reader of `lang`: the exact tag, else its primary subtag (`fr-ML` → `fr`), else another
 * regional variant of it (`en` → `en-GB`), else the first of `fallback` that the text has (the dataset's languages,
 * first first), else the text's first language. `''` when there is no text.
 */
export function pickText(t: LocalText | undefined, lang: string, fallback: readonly string[] = []): string {
  if (!t) return '';
  const exact = t[lang];
  if (exact !== undefined) return exact;
  const primary = lang.split('-')[0]!.toLowerCase();
  const keys = Object.keys(t);
  const sameBase =
    keys.find((k) => k.toLowerCase() === primary) ??
    keys.find((k) => k.split('-')[0]!.toLowerCase() === primary);
  if (sameBase !== undefined) return t[sameBase]!;
  for (const f of fallback) if (t[f] !== undefined) return t[f]!;
  return keys.length ? t[keys[0]!]! : '';
}

/** The languages of a dataset, its first being the fallback: the languages of its title, in their order. */
export function datasetLanguages(data: { meta: { title: LocalText } }): string[] {
  return Object.keys(data.meta.title);
}

/** Calendar granularity of an ISO date string. */
export type DateGranularity = 'day' | 'month' | 'year';
export function dateGranularity(s: IsoDate): DateGranularity {
  return s.length === 10 ? 'day' : s.length === 7 ? 'month' : 'year';
}

/** True when the date is known (has a value). */
export function isKnownDate(d: ReportedDate | undefined): d is KnownDate {
  return d !== undefined && 'value' in d;
}

/** True when the amount is known (has a number). */
export function isKnownMoney(m: ReportedMoney | undefined): m is KnownMoney {
  return m !== undefined && 'amount' in m;
}
