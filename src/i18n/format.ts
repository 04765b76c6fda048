import { dateGranularity, type IsoDate } from '../schema/dates';
import { convert, type Bound, type Currency } from '../schema/quantity';
import type { LocalText } from '../schema/text';
import { baseLanguage, translationFor } from './index';
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

/** Picks the text in `lang`, else the other language; `''` when absent. */
export function localText(t: LocalText | undefined, lang: string): string {
  if (!t) return '';
  return (baseLanguage(lang) === 'fr' ? (t.fr ?? t.en) : (t.en ?? t.fr)) ?? '';
}

/** Money in a compact form: `29 M €` (fr), `€29M` (en). */
export function formatMoney(amount: number, currency: Currency, lang: string, compact = true): string {
  return (compact ? compactMoney : fullMoney)(`${lang}|${currency}`).format(amount);
}

export function formatPercent(x: number, lang: string): string {
  return percent(lang).format(x);
}

export function formatInteger(x: number, lang: string): string {
  return formatNumber(x, lang);
}

/** An ISO date at its own precision: `3 March 2017`, `July 2017`, `2011`. */
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

/** Formats an amount with its hedge, converting to `display` currency at the fixed peg when needed. */
export function formatHedgedMoney(
  m: { amount: number; currency: Currency; bound?: Bound | undefined; max?: number | undefined },
  display: Currency,
  lang: string,
  compact = true,
): HedgedText {
  const t = translationFor(lang);
  const f = (v: number) => formatMoney(convert(v, m.currency, display), display, lang, compact);
  const say = (v: number) =>
    t.spokenMoney(compactWords(lang).format(convert(v, m.currency, display)), display);
  const v = f(m.amount);
  const s = say(m.amount);
  switch (m.bound) {
    case 'about':
      return { short: `≈ ${v}`, spoken: `${t.about} ${s}` };
    case 'at-least':
      return { short: `> ${v}`, spoken: `${t.atLeast} ${s}` };
    case 'at-most':
      return { short: `< ${v}`, spoken: `${t.atMost} ${s}` };
    case 'range': {
      const hi = m.max === undefined ? v : f(m.max);
      return { short: `${v}–${hi}`, spoken: t.range(s, m.max === undefined ? s : say(m.max)) };
    }
    default:
      return { short: v, spoken: s };
  }
}
