import { afterEach, describe, expect, it } from 'vitest';
import '../components/budget-treemap/budget-treemap';
import type { ParsecElement } from '../components/base/parsec-element';
import type { ParsecWarningDetail } from '../events/warning';
import { malmoCity, nigerPolice } from '../../test/fixtures/any-programme';
import raw from '../../data/parsec.json';

/**
 * The treemap's `currency`: any ISO 4217 code; absent, the dataset's main currency; a code the data has no cited rate
 * into is refused — drawn in the main currency, said under the chart and with `parsec-warning` — never drawn with a
 * wrong symbol.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

afterEach(() => document.querySelectorAll('.wrap').forEach((w) => w.remove()));

interface Shown {
  text: string;
  /** The currency the treemap drew in (its context). */
  currency: string;
  warnings: ParsecWarningDetail[];
  errors: string[];
}

async function treemap(data: unknown, currency: string | null, lang = 'en'): Promise<Shown> {
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.style.width = '768px';
  wrap.lang = lang;
  document.body.append(wrap);
  const el = document.createElement('parsec-budget-treemap') as ParsecElement<unknown>;
  const warnings: ParsecWarningDetail[] = [];
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  window.addEventListener('error', onError);
  el.addEventListener('parsec-warning', (e) => warnings.push(e.detail));
  el.setAttribute('loading', 'eager');
  if (currency !== null) el.setAttribute('currency', currency);
  el.data = structuredClone(data) as Json;
  wrap.append(el);
  await el.updateComplete;
  for (let i = 0; i < 500 && (el as Json).loader.state.status === 'loading'; i++)
    await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  if (el.rendered) await el.tableComplete;
  window.removeEventListener('error', onError);
  const root = el.shadowRoot!;
  const names = [...root.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label'));
  expect(root.querySelector('svg[part="svg"]'), 'drawn').not.toBeNull();
  return {
    text: [root.textContent ?? '', ...names].join('\n'),
    currency: (el as Json).ctx.currency,
    warnings,
    errors,
  };
}

const noRate = (asked: string, shown: string) => `Amounts in ${shown}: the data gives no rate into ${asked}`;

describe('currency on the default dataset (EUR; no rate into another currency)', () => {
  it('absent: EUR, no warning', async () => {
    const s = await treemap(raw, null);
    expect(s.currency).toBe('EUR');
    expect(s.text).toMatch(/€/);
    expect(s.warnings).toEqual([]);
  });

  for (const asked of ['USD', 'SEK', 'XOF'])
    it(`currency="${asked}": refused — drawn in EUR, a notice under the chart, one parsec-warning`, async () => {
      const s = await treemap(raw, asked);
      expect(s.currency).toBe('EUR');
      expect(s.text).toContain(noRate(asked, 'EUR'));
      expect(s.warnings.map((w) => [w.attribute, w.value, w.fallback])).toEqual([['currency', asked, 'EUR']]);
      expect(s.warnings[0]!.message).toContain(`the data gives no rate into ${asked}`);
      // never a wrong symbol: no amount in the refused currency
      const symbol = {
        USD: /\$|US dollars/,
        SEK: /\bkr\b|SEK\s?\d|\d\s?SEK/,
        XOF: /F\s?CFA\s?\d|CFA francs/,
      }[asked]!;
      const amounts = s.text.replace(noRate(asked, 'EUR'), '');
      if (asked !== 'XOF') expect(amounts).not.toMatch(symbol);
      expect(s.errors).toEqual([]);
    });

  it('currency="": not a currency — the default (EUR), one parsec-warning, no notice', async () => {
    const s = await treemap(raw, '');
    expect(s.currency).toBe('EUR');
    expect(s.warnings.map((w) => [w.attribute, w.value])).toEqual([['currency', '']]);
    expect(s.text).not.toContain('the data gives no rate into');
  });

  it('currency="EUR;}" and "€": not currencies — the default, a warning each', async () => {
    for (const v of ['EUR;}', '€']) {
      const s = await treemap(raw, v);
      expect(s.currency).toBe('EUR');
      expect(s.warnings.map((w) => w.value)).toEqual([v]);
    }
  });
});

describe('currency on datasets of other programmes', () => {
  it('Malmö (SEK; one EUR line, no rate): absent → SEK, no warning; the EUR line listed apart', async () => {
    const s = await treemap(malmoCity, null);
    expect(s.currency).toBe('SEK');
    expect(s.text).toMatch(/SEK/);
    expect(s.text).toMatch(/EU-bidrag[^\n]*no rate from EUR to SEK/);
    // nothing was asked: no "shown instead" notice (EUR is no default of the widget)
    expect(s.text).not.toContain('the data gives no rate into');
    expect(s.warnings).toEqual([]);
  });

  it('Malmö with currency="EUR": refused (no rate into EUR) — SEK, the notice, a warning', async () => {
    const s = await treemap(malmoCity, 'EUR');
    expect(s.currency).toBe('SEK');
    expect(s.text).toContain(noRate('EUR', 'SEK'));
    expect(s.warnings.map((w) => [w.value, w.fallback])).toEqual([['EUR', 'SEK']]);
  });

  it('Malmö with currency="sek": accepted as SEK, no warning', async () => {
    const s = await treemap(malmoCity, 'sek');
    expect(s.currency).toBe('SEK');
    expect(s.warnings).toEqual([]);
  });

  it('Niger (EUR totals, XOF lines, a cited EUR/XOF peg): absent → EUR; XOF → XOF through the peg', async () => {
    const eur = await treemap(nigerPolice, null);
    expect(eur.currency).toBe('EUR');
    expect(eur.warnings).toEqual([]);
    const xof = await treemap(nigerPolice, 'XOF', 'fr');
    expect(xof.currency).toBe('XOF');
    expect(xof.text).toMatch(/F\s?CFA/u);
    expect(xof.warnings).toEqual([]);
  });

  it('Niger with currency="USD": refused — EUR, the notice, a warning', async () => {
    const s = await treemap(nigerPolice, 'USD');
    expect(s.currency).toBe('EUR');
    expect(s.text).toContain(noRate('USD', 'EUR'));
    expect(s.text).not.toMatch(/\$/);
    expect(s.warnings).toHaveLength(1);
  });
});
