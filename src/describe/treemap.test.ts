import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests as data } from '../../test/fixtures/default-dataset';
import { syntheticBudget } from '../../test/fixtures/synthetic-budget';
import { translationFor } from '../i18n';
import { layoutTreemap } from '../layout/treemap';
import type { Dataset } from '../schema/dataset';
import { nodeAtPath, selectBudgetTree } from '../select/budget-tree';
import { sourcesById } from '../select/sources';
import {
  nodeAmount,
  tileText,
  tileWords,
  treemapLegend,
  treemapSummary,
  treemapTable,
  type TreemapContext,
} from './treemap';

const context = (d: Dataset, lang: string, currency: 'EUR' | 'XOF' = 'EUR'): TreemapContext => ({
  t: translationFor(lang),
  lang,
  sources: sourcesById(d),
  currency,
});
const colourClass = (i: number) => `c${(i % 6) + 1}`;

describe('describe/treemap', () => {
  const root = selectBudgetTree(data);
  const parsec = nodeAtPath(root, ['parsec-total']).node;

  it('words a tile in English: name, amount read aloud, share, conflicting report; publishers, never ids', () => {
    const ctx = context(data, 'en');
    const g = layoutTreemap(root, 800, 450, { text: tileText(ctx) });
    const tile = g.tiles.find((t) => t.key === 'parsec-total')!;
    const w = tileWords(tile, ctx);
    expect(w.name).toMatch(
      /^PARSEC — total amount, 29 million euros, \d+(\.\d)?%, also reported: 43 million euros/,
    );
    expect(w.tooltip.title).toBe('PARSEC — total amount');
    expect(w.tooltip.lines[0]).toMatch(/^€29M · \d+(\.\d)?% of the level above$/);
    expect(w.tooltip.lines).toContain('Precision: exact');
    expect(w.tooltip.notes!.some((n) => /^also reported: €43M \(Civipol/.test(n))).toBe(true);
    expect(JSON.stringify(w.tooltip)).not.toMatch(/\b[SW]\d{2,3}\b/);
    expect(w.detail).toMatchObject({ id: 'parsec-total', kind: 'budget', programme: 'parsec' });
    expect(w.detail.sources.length).toBeGreaterThan(3);
  });

  it('words the same tile in French', () => {
    const ctx = context(data, 'fr');
    const g = layoutTreemap(root, 800, 450, { text: tileText(ctx) });
    const w = tileWords(
      g.tiles.find((t) => t.key === 'parsec-total')!,
      ctx,
    );
    expect(w.name).toMatch(/^PARSEC — montant total, 29 millions d’euros/);
    expect(w.tooltip.lines).toContain('Précision\u00a0: exact');
    expect(treemapSummary(root, ctx)).toMatch(/^Treemap des budgets|^Carte proportionnelle|budgets/i);
  });

  it('keeps an XOF amount exact in XOF and derived once converted', () => {
    const d = structuredClone(data);
    Object.assign(
      d.budget.find((b) => b.id === 'parsec-cessna')!,
      {
        amount: { amount: 2e9, currency: 'XOF', precision: 'exact', sources: ['S001'] },
      },
    );
    const node = nodeAtPath(selectBudgetTree(d), ['parsec-total']).node.children.find(
      (c) => c.id === 'parsec-cessna',
    )!;
    expect(nodeAmount(node, context(d, 'en', 'XOF'))).toMatchObject({ precision: 'exact' });
    expect(nodeAmount(node, context(d, 'en', 'XOF'))!.short).not.toMatch(/\*/);
    expect(nodeAmount(node, context(d, 'en', 'EUR'))).toMatchObject({ precision: 'derived' });
    expect(nodeAmount(node, context(d, 'en', 'EUR'))!.short).toMatch(/\*$/);
  });

  it('builds a table with every row, raw numbers and the tile share', () => {
    const ctx = context(data, 'en');
    const table = treemapTable(root, 'Budgets', ctx);
    expect(table.columns.map((c) => c.label)).toEqual([
      'Name',
      'Level',
      'Amount (EUR)',
      'Precision',
      'Share of the level above',
      'Sources',
    ]);
    const row = table.rows.find((r) => r.raw[0] === 'PARSEC — total amount')!;
    expect(row.raw.slice(1, 4)).toEqual([1, 29000000, 'exact']);
    expect(row.raw[5]).toMatch(/Expertise France .*\[W\d+\]|\[S\d+\]/);
    // shares of the parts of PARSEC are shares of PARSEC, as on the drilled tiles
    const g = layoutTreemap(parsec, 800, 450, { text: tileText(ctx) });
    for (const tile of g.tiles.filter((t) => t.depth === 1 && t.node.kind === 'line')) {
      const r = table.rows.find((x) => x.raw[0] === tile.node.label?.en)!;
      expect(r.raw[4]).toBeCloseTo(tile.share, 5);
    }
  });

  it('lists in the legend only the programmes and encodings drawn', () => {
    const ctx = context(data, 'en');
    const g = layoutTreemap(parsec, 800, 450, { text: tileText(ctx) });
    const items = treemapLegend(g, data, ctx, colourClass);
    expect(items.map((i) => i.key)).toEqual(['p-parsec', 'approx', 'rest']);
    expect(items.find((i) => i.key === 'rest')!.swatch).toBe('hatch');
  });

  it('words a dataset that is not the default (synthetic programmes, 50 lines)', () => {
    const d = syntheticBudget(50, 5);
    const ctx = context(d, 'fr');
    const r = selectBudgetTree(d, { programmes: ['p0', 'p1', 'p2', 'p3', 'p4'] });
    const g = layoutTreemap(r, 600, 400, { text: tileText(ctx) });
    const words = g.tiles.map((t) => tileWords(t, ctx));
    expect(words.every((w) => w.name.length > 0 && !/undefined|NaN/.test(w.name))).toBe(true);
    const table = treemapTable(r, 'x', ctx);
    expect(table.rows.length).toBeGreaterThanOrEqual(55);
    expect(treemapLegend(g, d, ctx, colourClass).filter((i) => i.key.startsWith('p-'))).toHaveLength(5);
  });
});
