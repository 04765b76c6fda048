import { describe, expect, it, vi } from 'vitest';
import raw from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import {
  guardAttributes,
  TREEMAP_RULES,
  parseBudgetPath,
  parseCooperantYear,
  parseCurrency,
  parseEnum,
  parseIsoDate,
  parseLang,
  parseProgrammeList,
  parseTimeout,
  DEFAULT_TIMEOUT_MS,
  warnOnce,
} from './attributes';

const r = parseDataset(raw);
if (!r.ok) throw new Error('default dataset invalid');
const data: Dataset = r.data;

describe('parseLang', () => {
  it('rejects the tags Intl rejects, so no formatter throws', () => {
    for (const t of [
      'i-klingon',
      'x-private',
      'en-GB-oed',
      '123',
      '',
      '  ',
      'root',
      'a'.repeat(100),
      'fr--FR',
    ])
      expect(parseLang(t), t).toBeUndefined();
    expect(parseLang(null)).toBeUndefined();
  });
  it('canonicalises the valid ones and reads en_US as en-US', () => {
    expect(parseLang('en_US')).toBe('en-US');
    expect(parseLang(' FR-ml ')).toBe('fr-ML');
    expect(parseLang('art-lojban')).toBe('jbo');
    for (const t of ['en', 'fr', 'zh-Hant-TW', 'fr-x-foo']) {
      const l = parseLang(t)!;
      expect(() => new Intl.NumberFormat(l).format(1)).not.toThrow();
      expect(() => new Intl.DateTimeFormat(l).format(0)).not.toThrow();
    }
  });
});

describe('attribute parsers', () => {
  it('timeout: 30s, 1500ms or a bare number of seconds; the default is 20 s', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(20_000);
    expect(parseTimeout('30s')).toBe(30_000);
    expect(parseTimeout(' 1500MS ')).toBe(1500);
    expect(parseTimeout('2.5')).toBe(2500);
    expect(parseTimeout('.5s')).toBe(500);
    for (const v of ['', 'soon', '-1', '0', '0ms', 'Infinity', '1e9', '30 min', '99999999s'])
      expect(parseTimeout(v), v).toBeUndefined();
  });
  it('currency: any ISO 4217 code of three letters A–Z that Intl accepts (the data decides later what it can show)', () => {
    expect(parseCurrency('eur')).toBe('EUR');
    expect(parseCurrency(' XOF ')).toBe('XOF');
    expect(parseCurrency('usd')).toBe('USD');
    expect(parseCurrency('SEK')).toBe('SEK');
    for (const v of ['', ' ', '€', 'EUR;}', 'EURO', 'EU', 'E1R', 'ÉUR', 'US$', '$', 42, null, {}])
      expect(parseCurrency(v), String(v)).toBeUndefined();
    // every code it accepts formats without a RangeError
    for (const v of ['eur', 'usd', 'sek', 'xof', 'jpy', 'chf'])
      expect(
        () => new Intl.NumberFormat('fr', { style: 'currency', currency: parseCurrency(v)! }),
      ).not.toThrow();
  });
  it('dates: real calendar dates only', () => {
    expect(parseIsoDate('2019-07')).toBe('2019-07');
    for (const v of ['bad', '2019-02-30', '2019-13', '', '20190', 'Infinity'])
      expect(parseIsoDate(v), v).toBeUndefined();
  });
  it('enums: case and spaces forgiven, others refused', () => {
    expect(parseEnum(' Dark', ['light', 'dark'])).toBe('dark');
    expect(parseEnum('dim', ['light', 'dark'])).toBeUndefined();
    expect(parseEnum('__proto__', ['light', 'dark'])).toBeUndefined();
  });
  it('programme lists: all, or ids that exist', () => {
    expect(parseProgrammeList('ALL', data)).toBe('all');
    expect(parseProgrammeList(' parsec , ', data)).toBe('parsec');
    expect(parseProgrammeList('parsec,nope', data)).toBeUndefined();
    expect(parseProgrammeList(',,', data)).toBeUndefined();
    expect(parseProgrammeList('anything', undefined)).toBe('anything');
  });
  it('years: those the cooperant figures cover', () => {
    expect(parseCooperantYear('2011', data)).toBe('2011');
    expect(parseCooperantYear('all', data)).toBe('all');
    for (const v of ['1999', '2011.5', 'NaN', '-1', '1e3', ''])
      expect(parseCooperantYear(v, data), v).toBeUndefined();
  });
  it('budget paths: every id known', () => {
    const top = data.budget.find((b) => !b.parent)!;
    expect(parseBudgetPath(`${top.id}/`, data)).toBe(top.id);
    expect(parseBudgetPath('', data)).toBe('');
    expect(parseBudgetPath(`${top.id}/nope`, data)).toBeUndefined();
    expect(parseBudgetPath('../..', data)).toBeUndefined();
  });
});

class FakeEl extends EventTarget {
  localName = 'parsec-budget-treemap';
  currency: unknown = 'EUR';
  programmes: unknown = undefined;
  path: unknown = '';
  theme: unknown = undefined;
  loading: unknown = 'lazy';
}

describe('guardAttributes', () => {
  it('replaces unusable values with the default and warns once per value, console and event', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = new FakeEl();
    const events: string[] = [];
    el.addEventListener('parsec-warning', (e) => events.push((e as CustomEvent).detail.attribute));
    el.currency = '€';
    el.theme = 'neon';
    el.programmes = 'nope';
    expect(guardAttributes(el as unknown as HTMLElement, undefined, TREEMAP_RULES)).toEqual([
      'theme',
      'currency',
    ]);
    // no currency: the treemap shows the dataset's main currency
    expect(el.currency).toBeUndefined();
    expect(el.theme).toBeUndefined();
    // programmes need the data
    expect(el.programmes).toBe('nope');
    expect(guardAttributes(el as unknown as HTMLElement, data, TREEMAP_RULES)).toEqual(['programmes']);
    expect(el.programmes).toBeUndefined();
    el.currency = '€';
    guardAttributes(el as unknown as HTMLElement, data, TREEMAP_RULES);
    expect(events).toEqual(['theme', 'currency', 'programmes']);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[1]![0])).toContain(
      'currency="€" cannot be used; using the default instead',
    );
    el.currency = 'xof';
    expect(guardAttributes(el as unknown as HTMLElement, data, TREEMAP_RULES)).toEqual([]);
    expect(el.currency).toBe('XOF');
    warn.mockRestore();
  });
  it('warnOnce tells each target once per value', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const a = new EventTarget();
    expect(warnOnce(a, { attribute: 'lang', value: 'x', fallback: 'en' })).toBe(true);
    expect(warnOnce(a, { attribute: 'lang', value: 'x', fallback: 'en' })).toBe(false);
    expect(warnOnce(a, { attribute: 'lang', value: 'y', fallback: 'en' })).toBe(true);
    expect(warn).toHaveBeenCalledTimes(2);
    warnOnce(a, {
      attribute: 'currency',
      value: 'USD',
      fallback: 'EUR',
      reason: 'the data gives no rate into USD',
    });
    expect(String(warn.mock.calls[2]![0])).toContain(
      'currency="USD" cannot be used (the data gives no rate into USD); using "EUR" instead.',
    );
    warn.mockRestore();
  });
});
