import type { IsoDate } from '../schema/dates';
import type { Precision } from '../schema/common';
import { convert } from '../schema/convert';
import type { Bound, Currency, Rate } from '../schema/quantity';
import { dateGranularity, pickText } from '../schema/read';
import type { LocalText } from '../schema/text';
import { translationFor, type Translation } from './index';
import { formatNumber } from './numbers';

const memo = <T>(make: (key: string) => T) => {
  const cache = new Map<string, T>();
  return (key: string): T => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = make(key)));
    return v;
  };
};

const compactMoney = memo((k) => {
  const [lang, currency] = k.split('|') as [string, string];
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
});
const fullMoney = memo((k) => {
  const [lang, currency] = k.split('|') as [string, string];
  return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 });
});
const compactWords = memo(
  (lang) =>
    new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 }),
);
const percent = memo((lang) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }));

const dateFormats = memo((k) => {
  const [lang, g] = k.split('|') as [string, string];
  const opts: Intl.DateTimeFormatOptions =
    g === 'day'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : g === 'month'
        ? { month: 'long', year: 'numeric' }
        : { year: 'numeric' };
  return new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' });
});

/**
 * Picks the text in `lang`, else its primary subtag, else the first of `fallback` the text has (the dataset's
 * languages), else the text's first language; `''` when absent. See `pickText`.
 *
 * @example
 * ```ts
 * localText({ fr: 'Budgets', en: 'Budget' }, 'en-GB'); // 'Budget' (the primary subtag)
 * localText({ de: 'Haushalt', en: 'Budget' }, 'fr', ['en']); // 'Budget' (the dataset's languages next)
 * localText({ sv: 'Trygghet' }, 'fr'); // 'Trygghet' (the only language there is)
 * ```
 */
export function localText(t: LocalText | undefined, lang: string, fallback?: readonly string[]): string {
  return pickText(t, lang, fallback);
}

/**
 * Money in a compact form: `29 M €` (fr), `€29M` (en); in full with `compact` false.
 *
 * @example
 * ```ts
 * formatMoney(29_000_000, 'EUR', 'en'); // '€29M'
 * formatMoney(29_000_000, 'EUR', 'fr'); // '29 M €' (with no-break spaces)
 * formatMoney(1_234_567, 'EUR', 'en', false); // '€1,234,567'
 * ```
 */
export function formatMoney(amount: number, currency: Currency, lang: string, compact = true): string {
  return (compact ? compactMoney : fullMoney)(`${lang}|${currency}`).format(amount);
}

/**
 * A share (0 to 1) as a percentage in the reader's language.
 *
 * @example
 * ```ts
 * formatPercent(0.425, 'en'); // '42.5%'
 * formatPercent(0.425, 'fr'); // '42,5 %' (with a no-break space)
 * ```
 */
export function formatPercent(x: number, lang: string): string {
  return percent(lang).format(x);
}

export function formatInteger(x: number, lang: string): string {
  return formatNumber(x, lang);
}

/**
 * An ISO date at its own precision (day, month or year), in the reader's language.
 *
 * @example
 * ```ts
 * formatIsoDate('2017-03-03', 'en'); // 'March 3, 2017'
 * formatIsoDate('2017-07', 'fr'); // 'juillet 2017'
 * formatIsoDate('2011', 'en'); // '2011'
 * ```
 */
export function formatIsoDate(iso: IsoDate, lang: string): string {
  const g = dateGranularity(iso);
  const d = new Date(
    g === 'year' ? `${iso}-01-01T00:00:00Z` : g === 'month' ? `${iso}-01T00:00:00Z` : `${iso}T00:00:00Z`,
  );
  return dateFormats(`${lang}|${g}`).format(d);
}

/** A hedged amount, as written on a mark (`short`, with ≈ > <) and as read aloud (`spoken`, with words). */
export interface HedgedText {
  short: string;
  spoken: string;
}

/**
 * Formats an amount with its hedge in `display` currency, converted through one of the dataset's `rates`; an amount
 * no rate converts stays in its own currency (see {@link moneyShownIn}).
 *
 * @example
 * ```ts
 * formatHedgedMoney({ amount: 29_000_000, currency: 'EUR', bound: 'about' }, 'EUR', 'en');
 * // { short: '≈ €29M', spoken: 'about 29 million euros' }
 * const rates: Rate[] = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['bceao'] }];
 * formatHedgedMoney({ amount: 29_000_000, currency: 'EUR', bound: 'at-least' }, 'XOF', 'fr', true, rates).short;
 * // '> 19 Md F CFA'
 * ```
 */
export function formatHedgedMoney(
  m: { amount: number; currency: Currency; bound?: Bound | undefined; max?: number | undefined },
  display: Currency,
  lang: string,
  compact = true,
  rates: readonly Rate[] = [],
): HedgedText {
  const t = translationFor(lang);
  const to = moneyShownIn(m.currency, display, rates);
  const value = (v: number) => convert(v, m.currency, to, rates) ?? v;
  const f = (v: number) => formatMoney(value(v), to, lang, compact);
  const say = (v: number) => t.spokenMoney(compactWords(lang).format(value(v)), to);
  return hedge(m.bound, f, say, m.amount, m.max, t);
}

/**
 * The currency an amount in `from` is shown in when `display` is asked: `display` if a rate links them, else `from`.
 *
 * @example
 * ```ts
 * const rates: Rate[] = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['bceao'] }];
 * moneyShownIn('EUR', 'XOF', rates); // 'XOF': the peg converts it
 * moneyShownIn('SEK', 'EUR', rates); // 'SEK': no stated rate, never converted
 * ```
 */
export function moneyShownIn(from: Currency, display: Currency, rates: readonly Rate[] = []): Currency {
  return convert(1, from, display, rates) === null ? from : display;
}

/**
 * The word for how a figure was obtained: `exact`, `approximate`, `derived (computed from cited figures)`.
 *
 * @example
 * ```ts
 * import { en, fr, precisionWord } from 'parsec-widgets';
 * precisionWord('approx', en); // 'approximate'
 * precisionWord('derived', fr); // 'calculé (à partir de chiffres cités)'
 * ```
 */
export function precisionWord(p: Precision | undefined, t: Translation): string {
  return p === 'approx' ? t.approx : p === 'derived' ? t.derived : p === 'exact' ? t.exact : '';
}

/** One reported value: an amount of money, a count of things or people, or a date at its own precision. */
export type Reported =
  | {
      kind: 'money';
      amount: number;
      currency: Currency;
      precision: Precision;
      bound?: Bound | undefined;
      max?: number | undefined;
    }
  | {
      kind: 'count';
      value: number;
      precision: Precision;
      bound?: Bound | undefined;
      max?: number | undefined;
    }
  | { kind: 'date'; value: IsoDate; precision: Precision };

/** A reported value in words: as written on a mark (`short`), read aloud (`spoken`), and its precision. */
export interface ReportedText extends HedgedText {
  /** `exact`, `approx` or `derived` as shown (an exact amount converted to another currency is derived). */
  precision: Precision;
  /** The precision in words. */
  precisionText: string;
}

/**
 * Formats any reported value with its precision and hedge, in one way for every widget: money in `display` currency
 * when one of `rates` converts it (else in its own),
 * (a conversion makes an exact amount derived, marked `*` and read "derived"), counts with ≈ > < and ranges, dates
 * at their own precision (day, month or year).
 *
 * @example
 * ```ts
 * formatReported({ kind: 'count', value: 14, precision: 'approx' }, 'fr');
 * // { short: '≈ 14', spoken: 'environ 14', precision: 'approx', precisionText: 'approximatif' }
 * formatReported({ kind: 'date', value: '2017-07', precision: 'exact' }, 'en').short; // 'July 2017'
 * const rates: Rate[] = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['bceao'] }];
 * formatReported({ kind: 'money', amount: 29_000_000, currency: 'EUR', precision: 'exact' }, 'en', 'XOF', rates);
 * // { short: 'F CFA 19B*', precision: 'derived', … }: converted, so derived
 * ```
 */
export function formatReported(
  r: Reported,
  lang: string,
  display?: Currency,
  rates: readonly Rate[] = [],
): ReportedText {
  const t = translationFor(lang);
  if (r.kind === 'date') {
    const d = formatIsoDate(r.value, lang);
    const short = r.precision === 'approx' ? `≈ ${d}` : r.precision === 'derived' ? `${d}*` : d;
    const spoken = r.precision === 'approx' ? `${t.about} ${d}` : d;
    return { short, spoken, precision: r.precision, precisionText: precisionWord(r.precision, t) };
  }
  if (r.kind === 'count') {
    const h = hedge(
      r.bound,
      (v) => formatInteger(v, lang),
      (v) => formatInteger(v, lang),
      r.value,
      r.max,
      t,
    );
    const approx = r.precision === 'approx' && !r.bound;
    return {
      short: approx ? `≈ ${h.short}` : r.precision === 'derived' ? `${h.short}*` : h.short,
      spoken: approx ? `${t.about} ${h.spoken}` : h.spoken,
      precision: r.precision,
      precisionText: precisionWord(r.precision, t),
    };
  }
  const to = moneyShownIn(r.currency, display ?? r.currency, rates);
  const h = formatHedgedMoney(r, to, lang, true, rates);
  const precision: Precision = r.precision === 'exact' && to !== r.currency ? 'derived' : r.precision;
  const approx = precision === 'approx' && !r.bound;
  return {
    short: precision === 'derived' ? `${h.short}*` : approx ? `≈ ${h.short}` : h.short,
    spoken:
      precision === 'derived' ? `${h.spoken} (${t.derived})` : approx ? `${t.about} ${h.spoken}` : h.spoken,
    precision,
    precisionText: precisionWord(precision, t),
  };
}

function hedge(
  bound: Bound | undefined,
  short: (v: number) => string,
  say: (v: number) => string,
  value: number,
  max: number | undefined,
  t: Translation,
): HedgedText {
  const v = short(value);
  const s = say(value);
  switch (bound) {
    case 'about':
      return { short: `≈ ${v}`, spoken: `${t.about} ${s}` };
    case 'at-least':
      return { short: `> ${v}`, spoken: `${t.atLeast} ${s}` };
    case 'at-most':
      return { short: `< ${v}`, spoken: `${t.atMost} ${s}` };
    case 'range': {
      const hi = max === undefined ? value : max;
      return { short: `${v}–${short(hi)}`, spoken: t.range(s, say(hi)) };
    }
    default:
      return { short: v, spoken: s };
  }
}

/**
 * Builds, ahead of need, the formatters a chart's first paint uses in `lang` (money in `currency`, compact words,
 * percentages, dates at each precision): the first `Intl` formatter of a page pays ICU's start-up (10–30 ms), which
 * idle time after the widgets are defined can pay instead of their first paint. The memos keep what is built.
 */
export function warmFormats(lang: string, currency: Currency = 'EUR'): (() => unknown)[] {
  return [
    () => formatMoney(1, currency, lang),
    () => formatMoney(1, currency, lang, false),
    () => compactWords(lang),
    () => formatPercent(0.5, lang),
    () => formatInteger(1, lang),
    () => formatIsoDate('2020-01-01' as IsoDate, lang),
    () => formatIsoDate('2020-01' as IsoDate, lang),
    () => formatIsoDate('2020' as IsoDate, lang),
  ];
}
