import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests } from '../../test/fixtures/default-dataset';
import { malmoCity, nigerPolice } from '../../test/fixtures/any-programme';
import { translationFor } from '../i18n';
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import { selectBudgetTree, shownCurrency, type BudgetNode } from '../select/budget-tree';
import { sourcesById } from '../select/sources';
import { nodeAmount, nodePrecision, type TreemapContext } from './treemap';

const parsed = (d: unknown): Dataset => {
  const r = parseDataset(structuredClone(d));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.data;
};

describe('nodePrecision', () => {
  it('is the precision nodeAmount formats, for every node, in every currency a dataset can be shown in', () => {
    let compared = 0;
    let derived = 0;
    for (const d of [defaultDatasetForTests, parsed(malmoCity), parsed(nigerPolice)])
      for (const asked of ['EUR', 'XOF', 'SEK', 'USD']) {
        const currency = shownCurrency(d, asked);
        const ctx = {
          t: translationFor('en'),
          lang: 'en',
          sources: sourcesById(d),
          currency,
          rates: d.rates ?? [],
        } as TreemapContext;
        const walk = (n: BudgetNode) => {
          const p = nodePrecision(n, ctx);
          expect(p).toBe(nodeAmount(n, ctx)?.precision ?? null);
          compared++;
          if (p === 'derived') derived++;
          n.children.forEach(walk);
        };
        walk(selectBudgetTree(d, { programmes: 'all', currency }));
      }
    expect(compared).toBeGreaterThan(100);
    expect(derived).toBeGreaterThan(0);
  });
});
