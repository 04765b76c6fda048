import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests } from '../../test/fixtures/default-dataset';
import { malmoCity, nigerPolice } from '../../test/fixtures/any-programme';
import { translationFor } from '../i18n';
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import { canShowIn, mainCurrency, nodeAtPath, selectBudgetTree, shownCurrency } from '../select/budget-tree';
import { sourcesById } from '../select/sources';
import { layoutTreemap } from '../layout/treemap';
import {
  nodeAmount,
  tileText,
  tileWords,
  treemapTableWords,
  undisclosedText,
  type TreemapContext,
} from './treemap';
import { treemapTable } from './treemap-table';
import { tableRows } from './table-rows';

/** Amounts in several currencies: converted through the dataset's stated rates only, never added without one. */
const parsed = (d: unknown): Dataset => {
  const r = parseDataset(structuredClone(d));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.data;
};
const context = (d: Dataset, lang: string, currency: string): TreemapContext => ({
  t: translationFor(lang),
  lang,
  sources: sourcesById(d),
  currency,
  rates: d.rates ?? [],
});

describe('treemap amounts across currencies', () => {
  it('shows a dataset all in SEK in SEK, even when EUR is asked and no rate links them', () => {
    const d = parsed(malmoCity);
    expect(shownCurrency(d, 'EUR')).toBe('SEK');
    expect(shownCurrency(parsed(nigerPolice), 'XOF')).toBe('XOF');
    expect(shownCurrency(defaultDatasetForTests, 'XOF')).toBe('EUR');
  });

  it("nothing asked: the dataset's main currency (that of most programme totals), not EUR", () => {
    expect(shownCurrency(parsed(malmoCity))).toBe('SEK');
    expect(mainCurrency(parsed(malmoCity))).toBe('SEK');
    expect(shownCurrency(parsed(nigerPolice))).toBe('EUR');
    expect(shownCurrency(defaultDatasetForTests)).toBe('EUR');
    const usd = structuredClone(malmoCity) as {
      budget: { parent?: string; amount: { currency?: string } }[];
    };
    for (const b of usd.budget) if (!b.parent) b.amount.currency = 'USD';
    expect(shownCurrency(parsed(usd))).toBe('USD');
    // no known total: the most common known amount; no amount at all: nothing to say
    const lines = structuredClone(malmoCity) as { budget: { parent?: string; amount: unknown }[] };
    lines.budget[0]!.amount = { unknown: true, sources: ['SE1'] };
    expect(mainCurrency(parsed(lines))).toBe('SEK');
    expect(mainCurrency({ ...parsed(malmoCity), budget: [] })).toBeUndefined();
  });

  it('a currency is shown only when a programme total is in it or converts to it through a stated rate', () => {
    expect(canShowIn(parsed(nigerPolice), 'XOF')).toBe(true);
    expect(canShowIn(parsed(nigerPolice), 'USD')).toBe(false);
    expect(canShowIn(parsed(malmoCity), 'EUR')).toBe(false);
    expect(canShowIn(defaultDatasetForTests, 'USD')).toBe(false);
    expect(shownCurrency(defaultDatasetForTests, 'USD')).toBe('EUR');
    expect(shownCurrency(parsed(malmoCity), 'SEK')).toBe('SEK');
  });

  it('lists an amount no rate converts apart, in its own currency, saying why; never adds it', () => {
    const d = parsed(malmoCity);
    const root = selectBudgetTree(d, { currency: 'SEK' });
    const total = nodeAtPath(root, ['trygg-total']).node;
    expect(total.children.filter((c) => c.kind === 'line').map((c) => c.id)).toEqual([
      'trygg-ljus',
      'trygg-fritid',
    ]);
    const eu = total.undisclosed.find((c) => c.id === 'trygg-eu')!;
    expect(eu.amount).toBeNull();
    expect(eu.unconverted).toMatchObject({ amount: 500_000, currency: 'EUR' });
    // the drawn parts and the not-itemised rest add up to the SEK total, the EUR grant is not in it
    const drawn = total.children.reduce((s, c) => s + c.amount!.eur, 0);
    expect(drawn).toBe(45_000_000);
    const en = context(d, 'en', 'SEK');
    expect(undisclosedText(total, en)).toBe('Not added (the data gives no rate into SEK): EU-bidrag (€500K)');
    // the page asked for euros, which nothing converts to: it is told
    expect(undisclosedText(total, en, 'EUR')).toBe(
      'Amounts in SEK: the data gives no rate into EUR. Not added (the data gives no rate into SEK): EU-bidrag (€500K)',
    );
    expect(undisclosedText(total, context(d, 'fr', 'SEK'), 'EUR')).toMatch(
      /^Montants en SEK\u202f: les données ne donnent aucun taux vers EUR\. /u,
    );
    const rest = total.children.find((c) => c.kind === 'rest')!;
    expect(rest.includesApart).toBe(true);
    const g = layoutTreemap(total, 600, 400, { text: tileText(en, total, d) });
    const tile = g.tiles.find((t) => t.node === rest)!;
    expect(tileWords(tile, en, total).tooltip.lines).toContain(
      'it includes the lines listed apart, in another currency (no rate to add them)',
    );
    const row = treemapTable(total, 'x', en, { ...treemapTableWords, ...tableRows }).rows.find(
      (r) => r.raw[0] === 'EU-bidrag',
    )!;
    expect(row.raw[2]).toBeNull();
    expect(row.text[2]).toMatch(/€500K · not added/);
    expect(undisclosedText(total, context(d, 'fr', 'SEK'))).toMatch(
      /^Non additionné \(les données ne donnent aucun taux vers SEK\)\u202f: EU-bidrag \(500\s?k\s?€\)$/u,
    );
  });

  it('converts through the stated peg, either way, and marks the converted amount derived', () => {
    const d = parsed(nigerPolice);
    const inEur = nodeAtPath(selectBudgetTree(d), ['pol-ne-total']).node;
    const vehicles = inEur.children.find((c) => c.id === 'pol-ne-vehicles')!;
    expect(vehicles.amount!.eur).toBeCloseTo(3e9 / 655.957, 3);
    expect(nodeAmount(vehicles, context(d, 'en', 'EUR'))!.short).toBe('≈ €4.57M');
    const training = inEur.children.find((c) => c.id === 'pol-ne-training')!;
    expect(nodeAmount(training, context(d, 'en', 'EUR'))).toMatchObject({ precision: 'exact' });
    const inXof = nodeAtPath(selectBudgetTree(d, { currency: 'XOF' }), ['pol-ne-total']).node;
    const trainingXof = inXof.children.find((c) => c.id === 'pol-ne-training')!;
    expect(trainingXof.amount!.eur).toBeCloseTo(4_500_000 * 655.957, 3);
    expect(nodeAmount(trainingXof, context(d, 'en', 'XOF'))).toMatchObject({ precision: 'derived' });
    expect(nodeAmount(trainingXof, context(d, 'en', 'XOF'))!.short).toMatch(/\*$/);
  });
});
