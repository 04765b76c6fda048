import { describe, expect, it } from 'vitest';
import { twelveProgrammes } from '../../test/fixtures/twelve-programmes';
import { translationFor } from '../i18n';
import { layoutTreemap } from '../layout/treemap';
import { tileColour } from '../render/treemap';
import { parseDataset } from '../schema/parse';
import { selectBudgetTree } from '../select/budget-tree';
import { selectPhaseRows } from '../select/phase-rows';
import { sourcesById } from '../select/sources';
import { colourClass } from '../styles/palette';
import { tileText, treemapLegend, type TreemapContext } from './treemap';

/**
 * One colour per programme, by its index in the dataset, in every widget: the first ten programmes get the ten
 * colours, the others the neutral "Other" grey, and a legend names them under "Other" (never a reused colour).
 */
describe('programme colours on a dataset of twelve programmes', () => {
  const parsed = parseDataset(structuredClone(twelveProgrammes));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  const data = parsed.data;
  const index = new Map(data.programmes.map((p, i) => [p.id, i]));

  it('the Gantt: each programme its own colour class, the eleventh and twelfth the "Other" grey', () => {
    const rows = selectPhaseRows(data);
    const classes = rows.groups.map((g) => [g.short, colourClass(g.colour)]);
    expect(classes).toEqual(data.programmes.map((p, i) => [p.short, i < 10 ? `c${i + 1}` : 'other']));
  });

  for (const lang of ['en', 'fr']) {
    it(`the treemap (${lang}): the same class per programme; Kilo in grey, named in the legend under "Other"`, () => {
      const ctx: TreemapContext = {
        t: translationFor(lang),
        lang,
        sources: sourcesById(data),
        currency: 'EUR',
      };
      const root = selectBudgetTree(data);
      const g = layoutTreemap(root, 800, 450, { text: tileText(ctx, root, data) });
      for (const tile of g.tiles.filter((t) => t.depth === 1 && t.node.programme))
        expect(colourClass(tileColour(tile)), tile.node.programme).toBe(
          colourClass(index.get(tile.node.programme!)!),
        );
      const kilo = g.tiles.find((t) => t.node.programme === 'p11' && t.depth === 1);
      expect(kilo, 'Kilo is among the largest, drawn on its own').toBeDefined();
      expect(colourClass(tileColour(kilo!))).toBe('other');

      const legend = treemapLegend(g, data, ctx, colourClass);
      const swatches = legend.filter((i) => i.swatch === 'fill');
      // no colour stands for two entries
      expect(new Set(swatches.map((i) => i.className)).size).toBe(swatches.length);
      expect(
        legend.find((i) => i.label === 'Kilo'),
        'no swatch of its own',
      ).toBeUndefined();
      const other = legend.find((i) => i.key === 'other')!;
      expect(other.className).toBe('other');
      expect(other.label).toBe(lang === 'en' ? 'Other (5), Kilo' : 'Autres (5), Kilo');
      expect(swatches.filter((i) => i.key.startsWith('p-')).map((i) => i.className)).toEqual(
        ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'].map((_, i) => `c${i + 1}`),
      );
    });
  }

  it('a programme past the palette without an "Other" group is named "Other: …"', () => {
    const ctx: TreemapContext = {
      t: translationFor('fr'),
      lang: 'fr',
      sources: sourcesById(data),
      currency: 'EUR',
    };
    const root = selectBudgetTree(data, { programmes: ['p01', 'p11', 'p12'] });
    const g = layoutTreemap(root, 800, 450, { text: tileText(ctx, root, data) });
    const legend = treemapLegend(g, data, ctx, colourClass);
    expect(legend.map((i) => [i.label, i.className])).toEqual([
      ['Alpha', 'c1'],
      ['Autres\u202f: Kilo, Lima', 'other'],
    ]);
  });
});
