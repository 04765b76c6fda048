import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { layoutCooperant, type CooperantMode } from '../layout/cooperant';
import { parseDataset } from '../schema/parse';
import { groupUnits, selectCooperantPosts, unitsOf, type CooperantGroupBy } from '../select/cooperant-posts';
import { groupKey, renderCooperant } from './cooperant';

const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error('default dataset invalid');
const view = selectCooperantPosts(parsed.data);

function normalise(s: string): string {
  return s
    .replace(/<!--\?lit\$[0-9]+\$-->|<!---->/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/\n\s*\n/g, '\n');
}

function draw(by: CooperantGroupBy, mode: CooperantMode, width: number, year: number | 'all'): string {
  const groups = groupUnits(unitsOf(view, year), by, { years: view.years });
  const geo = layoutCooperant(groups, width, {
    mode,
    text: new Map(groups.map((g) => [g.key, { name: g.key, count: `${g.units.length}` }])),
  });
  const names = new Map(geo.groups.map((g) => [groupKey(g.key), `${g.key}: ${g.group.units.length}`]));
  const keys = mode === 'bars' ? geo.groups.map((g) => groupKey(g.key)) : geo.units.map((u) => u.key);
  const div = document.createElement('div');
  render(
    renderCooperant(geo, {
      labelledBy: 'summary',
      name: (k) => names.get(k) ?? k,
      tabIndex: (k) => (k === keys[0] ? 0 : -1),
      highlight: keys[1],
    }),
    div,
  );
  return normalise(div.innerHTML);
}

describe('renderCooperant', () => {
  it('units by place (2011): 14 listitems, 5 hollow not-itemised', async () => {
    const out = draw('place', 'units', 640, 2011);
    expect(out.match(/role="listitem"/g)).toHaveLength(14);
    expect(out.match(/class="mark unit not-itemised derived/g)).toHaveLength(5);
    expect(out.match(/tabindex="0"/g)).toHaveLength(1);
    // focus rings only on the tab stop and the highlighted unit
    expect(out.match(/class="focus-ring"/g)).toHaveLength(2);
    await expect(out).toMatchFileSnapshot('../../test/output/cooperant-units-place.svg');
  });

  it('units by year: 2016 units dashed (approx)', async () => {
    const out = draw('year', 'units', 640, 'all');
    expect(out.match(/not-itemised approx/g)).toHaveLength(10);
    await expect(out).toMatchFileSnapshot('../../test/output/cooperant-units-year.svg');
  });

  it('bars by rank, narrow', async () => {
    const out = draw('rank', 'bars', 360, 2011);
    expect(out.match(/role="listitem"/g)).toHaveLength(4);
    expect(out).toContain('class="bar hollow');
    await expect(out).toMatchFileSnapshot('../../test/output/cooperant-bars-rank-narrow.svg');
  });
});
