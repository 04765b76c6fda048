/**
 * Reading one spreadsheet cell: numbers, dates, vocabularies. A cell that does not read as expected gives an error
 * with, where the intent is obvious, an offered fix (the cell's text as it should be written). Nothing here changes a
 * value silently: the caller shows the fix and applies it only when the user accepts it.
 */
import { isIsoDate } from '../schema/dates';

/** A fix offered for one cell: the text to put in the cell instead, and why. */
export interface CellFix {
  /** The corrected cell text. */
  value: string;
  /** What the fix does, in plain words (`decimal comma read as a point`). */
  reason: string;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; expected: string; fix?: CellFix };

const NBSP = /[\u00a0\u202f\u2009]/g;

/** Strips accents and case: `Libellé` → `libelle`. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

const plainNumber = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Reads the digits of a number written with thousands separators and/or a decimal comma. Returns the number and
 * what was read, or undefined when the text is no such number.
 */
function readLooseNumber(text: string): { value: number; reasons: string[] } | undefined {
  let s = text.replace(NBSP, ' ').trim();
  const reasons: string[] = [];
  if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) {
    s = s.replace(/ /g, '');
    reasons.push('spaces between thousands removed');
  }
  if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(s) || /^\d{1,3}(,\d{3})+\.\d+$/.test(s)) {
    s = s.replace(/,/g, '');
    reasons.push('commas between thousands removed');
  } else if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(s) || /^\d{1,3}(\.\d{3})+,\d+$/.test(s)) {
    s = s.replace(/\./g, '').replace(',', '.');
    reasons.push('points between thousands removed');
    if (s.includes('.')) reasons.push('decimal comma read as a point');
  } else if (/^\d+,\d+$/.test(s)) {
    s = s.replace(',', '.');
    reasons.push('decimal comma read as a point');
  }
  if (!plainNumber.test(s)) return undefined;
  return { value: Number(s), reasons };
}

const scales: [RegExp, number, string][] = [
  [/^(md|mds|mrd|mrds|milliards?|billions?|bn)$/, 1e9, 'billion'],
  [/^(m|mn|millions?)$/, 1e6, 'million'],
  [/^(k|milliers?|thousands?)$/, 1e3, 'thousand'],
];
const currencyWords: [RegExp, string][] = [
  [/^(€|eur|euros?)$/, 'EUR'],
  [/^(fcfa|f ?cfa|cfa|xof)$/, 'XOF'],
];

/** Prints a number without exponent or float noise (12.5e6 → "12500000"). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/**
 * Reads a cell as a number ≥ 0 in plain notation (`12500000`, `0.5`). Notations a person would write
 * (`12,5`, `1 200 000`, `1,200,000`, `12,5 M€`, `700 k€`, `3,3 milliards FCFA`) are refused with their fix offered.
 */
export function readAmount(cell: string): CellResult<number> & { currency?: string } {
  const s = cell.replace(NBSP, ' ').trim();
  const expected = 'a number ≥ 0';
  if (plainNumber.test(s)) {
    const v = Number(s);
    return v >= 0 && Number.isFinite(v) ? { ok: true, value: v } : { ok: false, expected };
  }
  // split into number, scale word, currency word
  const m = /^([€]?)\s*([\d][\d .,]*?)\s*([a-zA-Zéè]*)\s*([€]|[a-zA-Z ]*)$/.exec(s);
  if (!m) return { ok: false, expected };
  const loose = readLooseNumber(m[2]!);
  if (!loose) return { ok: false, expected };
  let value = loose.value;
  const reasons = [...loose.reasons];
  let currency: string | undefined;
  const words = [m[3]!, m[4]!].join(' ').split(/\s+/).map(fold).filter(Boolean);
  if (m[1]) words.push('€');
  // "M€" and "k€" come glued together: split a trailing €
  const expanded = words.flatMap((w) => (w.length > 1 && w.endsWith('€') ? [w.slice(0, -1), '€'] : [w]));
  let scaled = false;
  for (const w of expanded) {
    const scale = scales.find(([re]) => re.test(w));
    if (scale && !scaled) {
      value *= scale[1];
      reasons.push(`"${w}" read as × ${scale[2]}`);
      scaled = true;
      continue;
    }
    const cur = currencyWords.find(([re]) => re.test(w));
    if (cur && !currency) {
      currency = cur[1];
      reasons.push(`"${w}" dropped: the currency (${cur[1]}) goes in the currency column`);
      continue;
    }
    return { ok: false, expected };
  }
  if (!Number.isFinite(value) || value < 0) return { ok: false, expected };
  const fixed = numberText(value);
  return {
    ok: false,
    expected,
    fix: { value: fixed, reason: reasons.join('; ') || 'written as a plain number' },
    ...(currency ? { currency } : {}),
  };
}

/** Reads a cell as a decimal number (a latitude, a longitude); a decimal comma is offered as a fix. */
export function readDecimal(cell: string, min: number, max: number): CellResult<number> {
  const s = cell.replace(NBSP, ' ').trim();
  const expected = `a number from ${min} to ${max}`;
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const v = Number(s);
    return v >= min && v <= max ? { ok: true, value: v } : { ok: false, expected };
  }
  const m = /^(-?)(\d+),(\d+)$/.exec(s);
  if (m) {
    const v = Number(`${m[1]}${m[2]}.${m[3]}`);
    if (v >= min && v <= max)
      return {
        ok: false,
        expected,
        fix: { value: `${m[1]}${m[2]}.${m[3]}`, reason: 'decimal comma read as a point' },
      };
  }
  return { ok: false, expected };
}

/** Reads a whole number ≥ 0 (`6`); `1 200` or `1,200` are offered without separators. */
export function readCount(cell: string): CellResult<number> {
  const s = cell.trim();
  const expected = 'a whole number ≥ 0';
  if (/^\d+$/.test(s)) return { ok: true, value: Number(s) };
  const loose = readLooseNumber(s);
  if (loose && Number.isInteger(loose.value) && loose.value >= 0)
    return { ok: false, expected, fix: { value: numberText(loose.value), reason: loose.reasons.join('; ') } };
  return { ok: false, expected };
}

const months: Record<string, number> = {};
[
  ['janvier', 'january', 'jan', 'janv'],
  ['fevrier', 'february', 'feb', 'fev', 'fevr'],
  ['mars', 'march', 'mar'],
  ['avril', 'april', 'apr', 'avr'],
  ['mai', 'may'],
  ['juin', 'june', 'jun'],
  ['juillet', 'july', 'jul', 'juil'],
  ['aout', 'august', 'aug'],
  ['septembre', 'september', 'sep', 'sept'],
  ['octobre', 'october', 'oct'],
  ['novembre', 'november', 'nov'],
  ['decembre', 'december', 'dec'],
].forEach((names, i) => names.forEach((n) => (months[n] = i + 1)));

const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * Reads a cell as an ISO date at day, month or year precision (`2017-01-30`, `2017-01`, `2017`). Dates written
 * otherwise are refused with the ISO text offered, at the precision written: `30/01/2017` → `2017-01-30`,
 * `01/2017` → `2017-01`, `janvier 2017` → `2017-01`, `30 janvier 2017` → `2017-01-30`.
 */
export function readDate(cell: string): CellResult<string> {
  const s = cell.trim();
  const expected = 'a date like 2020-01-28, 2017-07 or 2011';
  if (isIsoDate(s)) return { ok: true, value: s };
  const offer = (iso: string, reason: string): CellResult<string> =>
    isIsoDate(iso) ? { ok: false, expected, fix: { value: iso, reason } } : { ok: false, expected };
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
  if (m) return offer(`${m[1]}-${pad(m[2]!)}${m[3] ? `-${pad(m[3])}` : ''}`, 'zero-padded');
  m = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/.exec(s);
  if (m) return offer(`${m[1]}-${m[2]}-${m[3]}`, 'time of day dropped (the day is kept)');
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) return offer(`${m[3]}-${pad(b)}-${pad(a)}`, 'read as day/month/year');
    if (b > 12 && a <= 12) return offer(`${m[3]}-${pad(a)}-${pad(b)}`, 'read as month/day/year');
    return offer(`${m[3]}-${pad(b)}-${pad(a)}`, 'read as day/month/year (check: it could be month/day)');
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return offer(`${m[2]}-${pad(m[1]!)}`, 'read as month/year (the month precision is kept)');
  m = /^(?:(\d{1,2})(?:er)?\s+)?([a-zA-Zéûè.]+)\s+(\d{4})$/.exec(s);
  if (m) {
    const month = months[fold(m[2]!).replace(/\.$/, '')];
    if (month)
      return m[1]
        ? offer(`${m[3]}-${pad(month)}-${pad(m[1])}`, 'month name read')
        : offer(`${m[3]}-${pad(month)}`, 'month name read (the month precision is kept)');
  }
  return { ok: false, expected };
}

/** Reads a cell as one of a vocabulary, through its aliases (folded: case and accents ignored). */
export function readChoice<T extends string>(
  cell: string,
  choices: Record<T, readonly string[]>,
): CellResult<T> {
  const f = fold(cell);
  for (const [value, aliases] of Object.entries(choices) as [T, readonly string[]][])
    if (f === fold(value) || aliases.some((a) => fold(a) === f)) return { ok: true, value };
  return {
    ok: false,
    expected: `one of ${Object.keys(choices)
      .map((c) => JSON.stringify(c))
      .join(', ')}`,
  };
}

/** Words that mean "no source gives this value" in an amount or date cell. */
export const UNKNOWN_WORDS = [
  'unknown',
  'undisclosed',
  'inconnu',
  'inconnue',
  'non communiqué',
  'non connu',
  'nc',
  'n.c.',
  '?',
];
export const isUnknownWord = (cell: string) => UNKNOWN_WORDS.some((w) => fold(w) === fold(cell));

/** Splits a list cell: ids separated by `;`, `,` or spaces (`W01; W02`). */
export function readList(cell: string): string[] {
  return cell
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
