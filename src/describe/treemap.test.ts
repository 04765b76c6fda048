import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests as data } from '../../test/fixtures/default-dataset';
import { syntheticBudget } from '../../test/fixtures/synthetic-budget';
import { translationFor } from '../i18n';
import { layoutTreemap } from '../layout/treemap';
import type { Dataset } from '../schema/dataset';
import { nodeAtPath, selectBudgetTree } from '../select/budget-tree';
import { sourcesById } from '../select/sources';
import { formatReported } from '../i18n/format';
import {
  nodeAmount,
  smallerText,
  tileText,
  tileWords,
  treemapConflicts,
  treemapLegend,
  treemapSummary,
  type TreemapContext,
  treemapTableWords,
} from './treemap';
import { treemapTable } from './treemap-table';
import { tableRows } from './table-rows';

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
    const g = layoutTreemap(root, 800, 450, { text: tileText(ctx, root, data) });
    const tile = g.tiles.find((t) => t.key === 'parsec-total')!;
    const w = tileWords(tile, ctx, root);
    // programmes of different or unknown periods are not one whole: no percentage of their sum
    expect(w.name).toBe(
      // the 19 billion FCFA report stays in FCFA: the default dataset states no XOF/EUR rate (no source of it cites one)
      'PARSEC — total amount, 29 million euros, also reported: 43 million euros, more than 19 billion CFA francs',
    );
    expect(w.tooltip.title).toBe('PARSEC — total amount');
    expect(w.tooltip.lines[0]).toBe('€29M');
    expect(w.tooltip.lines).toContain('Precision: exact');
    expect(w.tooltip.notes!.some((n) => /^also reported: €43M \(Civipol/.test(n))).toBe(true);
    expect(JSON.stringify(w.tooltip)).not.toMatch(/\b[SW]\d{2,3}\b/);
    expect(w.detail).toMatchObject({ id: 'parsec-total', kind: 'budget', programme: 'parsec' });
    expect(w.detail.sources.length).toBeGreaterThan(3);
  });

  it('words the same tile in French', () => {
    const ctx = context(data, 'fr');
    const g = layoutTreemap(root, 800, 450, { text: tileText(ctx, root, data) });
    const w = tileWords(
      g.tiles.find((t) => t.key === 'parsec-total')!,
      ctx,
      root,
    );
    expect(w.name).toMatch(/^PARSEC — montant total, 29 millions d’euros/);
    expect(w.tooltip.lines).toContain('Précision\u202f: exact');
    expect(treemapSummary(root, ctx)).toMatch(/^Treemap des budgets|^Carte proportionnelle|budgets/i);
  });

  it('keeps an XOF amount exact in XOF and derived once converted through a stated rate', () => {
    const d = structuredClone(data);
    // a rate as a dataset would state it, with a (fictional, test-only) source
    d.sources.push({
      id: 'TRATE',
      title: 'Test: a stated peg',
      publisher: 'Test fixture (fictional)',
      url: null,
      published: null,
    });
    d.rates = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['TRATE'] }];
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
    const table = treemapTable(root, 'Budgets', ctx, { ...treemapTableWords, ...tableRows });
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
    const g = layoutTreemap(parsec, 800, 450, { text: tileText(ctx, parsec) });
    for (const tile of g.tiles.filter((t) => t.depth === 1 && t.node.kind === 'line')) {
      const r = table.rows.find((x) => x.raw[0] === tile.node.label?.en)!;
      expect(r.raw[4]).toBeCloseTo(tile.share, 5);
    }
  });

  it('gives no percentage of a sum of programmes of different periods, and shares within one stated total', () => {
    const ctx = context(data, 'en');
    const top = layoutTreemap(root, 800, 450, { text: tileText(ctx, root, data) });
    expect(root.partsComparable).toBe(false);
    expect(treemapSummary(root, ctx)).toMatch(/not added up/);
    for (const t of top.tiles.filter((x) => x.depth === 1)) {
      expect(tileWords(t, ctx, root).name).not.toMatch(/%/);
      expect(t.labels.after ?? '').not.toMatch(/%/);
    }
    const table = treemapTable(root, 'x', ctx, { ...treemapTableWords, ...tableRows });
    expect(table.rows.filter((r) => r.text[1] === '1').every((r) => r.raw[4] === null)).toBe(true);
    const inside = layoutTreemap(parsec, 800, 450, { text: tileText(ctx, parsec, data) });
    expect(inside.tiles.some((t) => t.labels.lines.some((l) => l.role === 'share'))).toBe(true);
  });

  it('draws conflicting totals as bars on one scale, the drawn one first', () => {
    const ctx = context(data, 'fr');
    const g = layoutTreemap(parsec, 360, 300, { text: tileText(ctx, parsec, data) });
    const [c] = treemapConflicts(parsec, g, ctx);
    expect(c!.title).toMatch(/^PARSEC — montant total\u202f: les sources donnent des totaux différents$/);
    // the 19 billion FCFA report: no rate in the data, so no bar on the euro scale (its words stay in the tooltip)
    expect(c!.bars.map((b) => [b.drawn, Math.round(b.value / 1e6)])).toEqual([
      [true, 29],
      [false, 43],
    ]);
    expect(c!.bars[1]!.by).toMatch(/Civipol/);
  });

  it('draws parts that exceed their total and says by how much, never a share above 100 %', () => {
    const d = structuredClone(data);
    d.budget = [
      {
        id: 't',
        programme: 'mcd',
        parent: null,
        label: { en: 'Total' },
        amount: { amount: 12e6, currency: 'EUR', precision: 'exact', sources: ['S004'] },
      },
      {
        id: 'a',
        programme: 'mcd',
        parent: 't',
        label: { en: 'A' },
        amount: { amount: 8e6, currency: 'EUR', precision: 'exact', sources: ['S004'] },
      },
      {
        id: 'b',
        programme: 'mcd',
        parent: 't',
        label: { en: 'B' },
        amount: { amount: 12e6, currency: 'EUR', precision: 'exact', sources: ['S004'] },
      },
    ];
    const ctx = context(d, 'en');
    const r = selectBudgetTree(d, { programmes: ['mcd'] });
    const total = r.children[0]!;
    expect(total.overflow).toBe(true);
    const g = layoutTreemap(r, 800, 450, { text: tileText(ctx, r, d) });
    const tile = g.tiles.find((t) => t.key === 't')!;
    expect(tileWords(tile, ctx, r).tooltip.lines).toContain(
      'the parts add up to €20M, €8M more than the stated total €12M',
    );
    expect(tile.labels.after).toMatch(/€12M · parts: €20M/);
    const table = treemapTable(r, 'x', ctx, { ...treemapTableWords, ...tableRows });
    const shares = table.rows.filter((x) => x.text[1] === '2').map((x) => x.raw[4] as number);
    expect(shares.every((v) => v <= 1)).toBe(true);
  });

  it('lists in the legend only the programmes and encodings drawn', () => {
    const ctx = context(data, 'en');
    const g = layoutTreemap(parsec, 800, 450, { text: tileText(ctx, parsec) });
    const items = treemapLegend(g, data, ctx, colourClass);
    expect(items.map((i) => i.key)).toEqual(['p-parsec', 'approx', 'rest']);
    expect(items.find((i) => i.key === 'rest')!.swatch).toBe('dashed');
  });

  it('words a dataset that is not the default (synthetic programmes, 50 lines)', () => {
    const d = syntheticBudget(50, 5);
    const ctx = context(d, 'fr');
    const r = selectBudgetTree(d, { programmes: ['p0', 'p1', 'p2', 'p3', 'p4'] });
    const g = layoutTreemap(r, 600, 400, { text: tileText(ctx, r, d) });
    const words = g.tiles.map((t) => tileWords(t, ctx, r));
    expect(words.every((w) => w.name.length > 0 && !/undefined|NaN/.test(w.name))).toBe(true);
    const table = treemapTable(r, 'x', ctx, { ...treemapTableWords, ...tableRows });
    expect(table.rows.length).toBeGreaterThanOrEqual(55);
    expect(treemapLegend(g, d, ctx, colourClass).filter((i) => i.key.startsWith('p-'))).toHaveLength(5);
  });

  it('words the area of the lines too small to draw: count, amount, share; a legend entry only when it is drawn', () => {
    const d = syntheticBudget(30_000, 2);
    const r = selectBudgetTree(d);
    for (const lang of ['en', 'fr']) {
      const ctx = context(d, lang);
      const g = layoutTreemap(r, 960, 600, { text: tileText(ctx, r, d), smallerText: smallerText(ctx) });
      const areas = g.tiles.filter((t) => t.smaller);
      expect(areas.length).toBeGreaterThan(0);
      for (const a of areas) {
        const nodes = a.smaller!.nodes;
        expect(a.smaller!.count).toBe(nodes.length);
        const lines = new Intl.NumberFormat(lang).format(nodes.length);
        expect(lines).toMatch(lang === 'fr' ? /^\d+\u202f\d{3}$/ : /^\d+,\d{3}$/);
        const sum = nodes.reduce((s, n) => s + n.amount!.eur, 0);
        const precision = nodes.some((n) => n.amount!.precision === 'approx') ? 'approx' : 'exact';
        const amount = formatReported(
          { kind: 'money', amount: sum, currency: 'EUR', precision },
          lang,
          'EUR',
        );
        const w = tileWords(a, ctx, r);
        const title = lang === 'fr' ? `${lines}\u00a0lignes plus petites` : `${lines} smaller lines`;
        expect(w.tooltip.title).toBe(title);
        expect(w.tooltip.lines[0]).toContain(amount.short);
        expect(w.name).toContain(title);
        expect(w.name).toContain(amount.spoken);
        expect(w.detail.kind).toBe('budget-smaller');
        // written on the area where it fits, else numbered into the key
        const written = a.labels.lines.map((l) => l.text).join(' ');
        if (written) expect(written).toContain(amount.short);
      }
      const legend = treemapLegend(g, d, ctx, colourClass);
      expect(legend.filter((i) => i.key === 'smaller')).toHaveLength(1);
      // the table keeps every line
      const rows = treemapTable(r, 'x', ctx, { ...treemapTableWords, ...tableRows }).rows;
      expect(rows.length).toBeGreaterThanOrEqual(30_000);
    }
    // an area that holds every line of its parent: its lines, not "smaller" ones, and no 100 % share
    const all = layoutTreemap(r, 160, 120, {
      text: tileText(context(d, 'fr'), r, d),
      smallerText: smallerText(context(d, 'fr')),
    });
    const whole = all.tiles.filter((t) => t.smaller && t.smaller.count === t.node.children.length);
    expect(whole.length).toBeGreaterThan(0);
    for (const a of whole) {
      const w = tileWords(a, context(d, 'fr'), r);
      expect(w.tooltip.title).toBe(`${new Intl.NumberFormat('fr').format(a.smaller!.count)}\u00a0lignes`);
      expect(w.name).not.toContain('%');
    }
    // no line under a pixel: no area, no legend entry
    const ctx = context(data, 'en');
    const g = layoutTreemap(root, 800, 450, {
      text: tileText(ctx, root, data),
      smallerText: smallerText(ctx),
    });
    expect(g.tiles.some((t) => t.smaller)).toBe(false);
    expect(treemapLegend(g, data, ctx, colourClass).some((i) => i.key === 'smaller')).toBe(false);
  });
});
