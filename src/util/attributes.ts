import { ParsecWarningEvent, type ParsecWarningDetail } from '../events/warning';
import type { Dataset } from '../schema/dataset';
import { isIsoDate } from '../schema/rules';
import type { Currency } from '../schema/quantity';

/**
 * Attribute values are parsed, never trusted: each function here takes what a page wrote and returns a value the
 * widget can draw with, or `undefined` when the value cannot be used (the caller then falls back and warns once).
 * Pure, except {@link warnOnce}, and tested in Node.
 */

/**
 * A BCP 47 tag in canonical form, or `undefined` when Intl rejects it (`i-klingon`, `x-private`, `123`, `''`).
 * The common slip `en_US` is read as `en-US`.
 */
export function parseLang(tag: string | null | undefined): string | undefined {
  if (typeof tag !== 'string') return undefined;
  const t = tag.trim().replace(/_/g, '-');
  if (!t || t.length > 64) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(t);
    if (!canonical) return undefined;
    // the formatters must accept it too (they resolve to a supported locale or the default)
    new Intl.NumberFormat(canonical);
    return canonical;
  } catch {
    return undefined;
  }
}

const currencyCodes = new Map<string, boolean>();

/**
 * An ISO 4217 code: three letters A–Z (`eur`, ` SEK ` → `EUR`, `SEK`) that `Intl.NumberFormat` accepts as a currency;
 * else `undefined` (`€`, `EUR;}`, `''`, `EURO`). Whether the data can be shown in it is the treemap's to say
 * (`canShowIn` in select/budget-tree.ts): a code the data has no rate into is refused there, with a notice.
 */
export function parseCurrency(value: unknown): Currency | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(v)) return undefined;
  let ok = currencyCodes.get(v);
  if (ok === undefined) {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: v });
      ok = true;
    } catch {
      // RangeError: Invalid currency code
      ok = false;
    }
    currencyCodes.set(v, ok);
  }
  return ok ? v : undefined;
}

/** An ISO date (`2019`, `2019-07`, `2019-07-14`) that exists in the calendar, else `undefined`. */
export function parseIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return isIsoDate(v) ? v : undefined;
}

/** One of `allowed` (trimmed, case-insensitive), else `undefined`. */
export function parseEnum<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return allowed.find((a) => a.toLowerCase() === v);
}

/**
 * A comma-separated list of programme ids: `all` is kept; `undefined` when the list is empty or names an unknown
 * programme (the widget then shows its default selection). Without data, the list is kept (it is checked later).
 */
export function parseProgrammeList(value: unknown, data: Dataset | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v.toLowerCase() === 'all') return 'all';
  const ids = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!data) return ids.length ? ids.join(',') : undefined;
  const known = new Set(data.programmes.map((p) => p.id));
  return ids.length && ids.every((id) => known.has(id)) ? ids.join(',') : undefined;
}

/** A year the data has cooperant figures for, or `all`; else `undefined`. */
export function parseCooperantYear(value: unknown, data: Dataset | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v.toLowerCase() === 'all') return 'all';
  if (!/^\d{1,4}$/.test(v)) return undefined;
  const y = Number(v);
  if (!data) return String(y);
  const years = new Set<number>();
  for (const t of data.cooperants.totals) years.add(t.year);
  for (const p of data.cooperants.posts) for (const py of p.years) years.add(py);
  return years.has(y) ? String(y) : undefined;
}

/**
 * A treemap drill path (`parsec/phase-1`): kept when every id names a budget line (or a programme) of the data; else
 * `undefined`. (Where a known id is not below the one before it, the treemap stops at the last step that is.)
 */
export function parseBudgetPath(value: unknown, data: Dataset | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ids = value.split('/').filter(Boolean);
  if (!ids.length) return '';
  if (!data) return ids.join('/');
  const known = new Set<string>();
  for (const b of data.budget) known.add(b.id);
  for (const p of data.programmes) known.add(p.id);
  // the group of the smallest programmes when there are too many (select/budget-tree.ts)
  known.add('root~other');
  return ids.every((id) => known.has(id)) ? ids.join('/') : undefined;
}

/** The default fetch timeout of `src`, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * A `timeout` attribute: a duration like `30s`, `1500ms`, or a bare number of seconds (`30`), between 1 ms and
 * 24 days; else `undefined`. Returns milliseconds.
 */
export function parseTimeout(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s)?\s*$/i.exec(value);
  if (!m) return undefined;
  const ms = Number(m[1]) * (m[2]?.toLowerCase() === 'ms' ? 1 : 1000);
  return ms >= 1 && ms <= 2 ** 31 - 1 ? Math.round(ms) : undefined;
}

/** What to do with one attribute: its property, the default, and how to read a value (with the dataset if any). */
export interface AttributeRule {
  attribute: string;
  property: string;
  /** The value used when the given one cannot be. */
  fallback: unknown;
  /** The usable value, or `undefined` when the given one cannot be used. */
  parse(value: unknown, data: Dataset | undefined): unknown;
  /** Rules that depend on the dataset are checked once it is ready. */
  needsData?: boolean;
}

const ISO_DATE = (attribute: string, property = attribute): AttributeRule => ({
  attribute,
  property,
  fallback: undefined,
  parse: parseIsoDate,
});

/**
 * The rules of every widget, then each widget's own: a widget names its own in `static attributeRules`, so that an
 * entry carries no other widget's parsers. Unset (`undefined`/`null`) values are never checked.
 */
export const COMMON_RULES: readonly AttributeRule[] = [
  {
    attribute: 'theme',
    property: 'theme',
    fallback: undefined,
    parse: (v) => parseEnum(v, ['light', 'dark']),
  },
  {
    attribute: 'loading',
    property: 'loading',
    fallback: 'lazy',
    parse: (v) => parseEnum(v, ['lazy', 'eager']),
  },
];

/** `<parsec-budget-treemap>` */
export const TREEMAP_RULES: readonly AttributeRule[] = [
  // absent or unusable: the dataset's main currency (select/budget-tree.ts `shownCurrency`)
  { attribute: 'currency', property: 'currency', fallback: undefined, parse: parseCurrency },
  {
    attribute: 'programmes',
    property: 'programmes',
    fallback: undefined,
    parse: parseProgrammeList,
    needsData: true,
  },
  { attribute: 'path', property: 'path', fallback: '', parse: parseBudgetPath, needsData: true },
];

/** `<parsec-phase-gantt>` */
export const GANTT_RULES: readonly AttributeRule[] = [
  ISO_DATE('from'),
  ISO_DATE('to'),
  ISO_DATE('as-of', 'asOf'),
  {
    attribute: 'programmes',
    property: 'programmes',
    fallback: undefined,
    // `all` is the gantt's default
    parse: (v, d) => {
      const p = parseProgrammeList(v, d);
      return p === 'all' ? '' : p;
    },
    needsData: true,
  },
  {
    attribute: 'collapsed',
    property: 'collapsed',
    fallback: undefined,
    parse: parseProgrammeList,
    needsData: true,
  },
];

/** `<parsec-facility-map>` */
export const MAP_RULES: readonly AttributeRule[] = [
  ISO_DATE('date'),
  {
    attribute: 'region',
    property: 'region',
    // empty (the default): the map fits the data's places
    fallback: '',
    parse: (v) => {
      const r = typeof v === 'string' ? v.trim().toLowerCase() : '';
      return r === '' || /^[a-z][a-z-]{0,40}$/.test(r) ? r : undefined;
    },
  },
];

/** `<parsec-cooperant-chart>` */
export const COOPERANT_RULES: readonly AttributeRule[] = [
  {
    attribute: 'group-by',
    property: 'groupBy',
    fallback: 'place',
    parse: (v) => parseEnum(v, ['place', 'entity', 'rank', 'service', 'year']),
  },
  {
    attribute: 'mode',
    property: 'mode',
    fallback: 'auto',
    parse: (v) => parseEnum(v, ['auto', 'units', 'bars']),
  },
  { attribute: 'year', property: 'year', fallback: undefined, parse: parseCooperantYear, needsData: true },
];

const warned = new WeakMap<EventTarget, Set<string>>();

/** Prints a console warning and fires `parsec-warning` on `target`, once per target and attribute value. */
export function warnOnce(target: EventTarget, detail: Omit<ParsecWarningDetail, 'message'>): boolean {
  const key = `${detail.attribute}\u0000${detail.value}`;
  let seen = warned.get(target);
  if (!seen) warned.set(target, (seen = new Set()));
  if (seen.has(key)) return false;
  seen.add(key);
  const tag = (target as Partial<Element>).localName ?? 'parsec';
  const shown = detail.value.length > 60 ? `${detail.value.slice(0, 57)}…` : detail.value;
  const why = detail.reason ? ` (${detail.reason})` : '';
  const message = `<${tag}> ${detail.attribute}=${JSON.stringify(shown)} cannot be used${why}; using ${
    detail.fallback ? JSON.stringify(detail.fallback) : 'the default'
  } instead.`;
  console.warn(message);
  target.dispatchEvent(new ParsecWarningEvent({ ...detail, message }));
  return true;
}

/**
 * Checks the attribute-backed properties of a widget against the common rules and its own (`own`, e.g.
 * {@link TREEMAP_RULES}) and replaces each unusable value with its fallback, warning once. `data` is the dataset
 * drawn, when ready (rules that need it wait for it). Returns the attributes that were replaced.
 */
export function guardAttributes(
  el: HTMLElement,
  data: Dataset | undefined,
  own: readonly AttributeRule[] = [],
): string[] {
  const rules = [...COMMON_RULES, ...own];
  const host = el as unknown as Record<string, unknown>;
  const replaced: string[] = [];
  for (const rule of rules) {
    const value = host[rule.property];
    if (value === undefined || value === null) continue;
    if (rule.needsData && !data) continue;
    let parsed: unknown;
    try {
      parsed = rule.parse(value, data);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) {
      if (parsed !== value)
        host[rule.property] = parsed === '' && rule.fallback === undefined ? undefined : parsed;
      continue;
    }
    host[rule.property] = rule.fallback;
    replaced.push(rule.attribute);
    warnOnce(el, {
      attribute: rule.attribute,
      value: String(value),
      fallback: rule.fallback === undefined ? '' : String(rule.fallback),
    });
  }
  return replaced;
}
