import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import {
  groupUnits,
  selectCooperantPosts,
  unitsOf,
  unitsShown,
  type CooperantUnit,
  type UnitGroup,
} from '../select/cooperant-posts';
import {
  AUTO_BARS_ABOVE,
  hitCooperant,
  layoutCooperant,
  MAX_CELL,
  unitAcross,
  type CooperantLayoutOptions,
} from './cooperant';

const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error('default dataset invalid');
const data: Dataset = parsed.data;
const view = selectCooperantPosts(data);
const text = (gs: readonly UnitGroup[]) =>
  new Map(gs.map((g) => [g.key, { name: g.key, count: String(g.units.length) }]));
/** The layout with each group labelled by its key and count. */
const lay = (gs: readonly UnitGroup[], width: number, o: Partial<CooperantLayoutOptions> = {}) =>
  layoutCooperant(gs, width, { text: text(gs), ...o });

describe('layoutCooperant', () => {
  const groups = groupUnits(unitsOf(view, 2011), 'place');

  it('places one unit per post, in whole pixels, inside the width', () => {
    const geo = lay(groups, 800);
    expect(geo.units).toHaveLength(14);
    expect(geo.canvas).toBe(false);
    for (const u of geo.units) {
      expect(Number.isInteger(u.x) && Number.isInteger(u.y)).toBe(true);
      expect(u.x + u.size).toBeLessThanOrEqual(800);
      expect(u.y + u.size).toBeLessThanOrEqual(geo.height);
    }
    expect(Number.isInteger(geo.height)).toBe(true);
  });

  it('does not overlap units and keeps groups in reading order (one column, or columns from 640 px)', () => {
    for (const width of [360, 600, 800, 1280]) {
      const geo = lay(groups, width);
      const seen = new Set(geo.units.map((u) => `${u.x},${u.y}`));
      expect(seen.size).toBe(geo.units.length);
      const gs = geo.groups;
      for (let i = 1; i < gs.length; i++) {
        const [a, b] = [gs[i - 1]!, gs[i]!];
        // left to right in a row of columns, then the next row below the whole row
        if (b.y === a.y) expect(b.x).toBeGreaterThanOrEqual(a.x + a.w);
        else
          expect(b.y).toBeGreaterThanOrEqual(
            Math.max(...gs.filter((g) => g.y === a.y).map((g) => g.y + g.h)),
          );
        // no two blocks overlap
        for (const c of gs.slice(0, i))
          expect(b.x >= c.x + c.w || c.x >= b.x + b.w || b.y >= c.y + c.h || c.y >= b.y + b.h).toBe(true);
      }
      for (const u of geo.units) {
        const g = gs.find((x) => x.key === u.groupKey)!;
        expect(u.x >= g.x && u.x + u.size <= g.x + g.w && u.y >= g.y && u.y + u.size <= g.y + g.h).toBe(true);
      }
      expect(geo.columns).toBe(width < 640 ? 1 : Math.min(gs.length, Math.floor((width + 24) / 304)));
    }
  });

  it('uses the width: at 1280 px the groups of 2011 flow in 4 columns, 2 rows, each name whole', () => {
    const geo = lay(groups, 1280);
    expect(geo.columns).toBe(4);
    expect(new Set(geo.groups.map((g) => g.y)).size).toBe(2);
    const right = Math.max(...geo.units.map((u) => u.x + u.size));
    expect(right / 1280).toBeGreaterThan(0.75);
  });

  it('keeps unit keys stable across groupings (for the animated transition)', () => {
    const a = lay(groups, 800);
    const b = lay(groupUnits(unitsOf(view, 2011), 'rank'), 800);
    expect(new Set(a.units.map((u) => u.key))).toEqual(new Set(b.units.map((u) => u.key)));
    const moved = a.units.filter((u) => {
      const v = b.units.find((x) => x.key === u.key)!;
      return v.x !== u.x || v.y !== u.y;
    });
    expect(moved.length).toBeGreaterThan(0);
  });

  it('stacks labels above units when narrow', () => {
    const geo = lay(groups, 320);
    expect(geo.stacked).toBe(true);
    expect(Math.min(...geo.units.map((u) => u.x))).toBe(0);
    for (const g of geo.groups) {
      const first = geo.units.find((u) => u.groupKey === g.key)!;
      expect(first.y).toBeGreaterThan(g.labelY);
    }
  });

  it('shortens a long label to fit its column', () => {
    const geo = layoutCooperant(groups, 600, {
      text: new Map(
        groups.map((g) => [g.key, { name: `${g.key} ${'very long name '.repeat(12)}`, count: '1' }]),
      ),
    });
    expect(geo.groups.every((g) => g.name === null || g.name.endsWith('…'))).toBe(true);
  });

  it('gives the label column the width of the longest name (up to 40 %), then wraps before shortening', () => {
    const long = new Map(
      groups.map((g) => [g.key, { name: 'Bamako-Sénou airport / Air Base 101', count: '1 post' }]),
    );
    // 630 px (one column of labels): the whole name on one line (the column grows to it), the units beside it
    const shorter = new Map(
      groups.map((g) => [g.key, { name: 'Bamako-Sénou airport / Air Base', count: '1' }]),
    );
    const wide = layoutCooperant(groups, 630, { text: shorter });
    expect(wide.columns).toBe(1);
    expect(wide.groups[0]!.nameLines).toEqual(['Bamako-Sénou airport / Air Base']);
    expect(wide.units[0]!.x).toBeGreaterThan(31 * 12 * 0.56);
    expect(wide.units[0]!.x).toBeLessThanOrEqual(630 * 0.4 + 8);
    // 500 px: the column is capped at 40 %, the name wraps on two lines, whole
    const mid = layoutCooperant(groups, 500, { text: long });
    const g = mid.groups[0]!;
    expect(g.nameLines).toHaveLength(2);
    expect(g.nameLines.join(' ')).toBe('Bamako-Sénou airport / Air Base 101');
    expect(g.countY).toBeGreaterThan(g.labelY + 12);
    // narrow: beside the count, on two lines, the units below both
    const narrow = layoutCooperant(groups, 240, { text: long });
    const n = narrow.groups[0]!;
    expect(n.nameLines.length).toBeGreaterThan(1);
    const first = narrow.units.find((u) => u.groupKey === n.key)!;
    expect(first.y).toBeGreaterThan(n.labelY + 12);
  });

  it('bars: solid itemised and hollow not-itemised segments proportional to counts', () => {
    const years = groupUnits(unitsShown(view, 'all', 'year'), 'year', { years: view.years });
    const geo = lay(years, 800, { mode: 'bars' });
    expect(geo.units).toHaveLength(0);
    const [g2011, g2016] = geo.groups;
    expect(g2011!.bar!.solid).toBeGreaterThan(0);
    expect(g2016!.bar!.solid).toBe(0);
    // 14 posts vs 10: the longest bar is the 14
    expect(g2011!.bar!.solid + g2011!.bar!.hollow).toBeGreaterThan(g2016!.bar!.hollow);
    expect(Math.abs(g2011!.bar!.solid / 9 - g2016!.bar!.hollow / 10)).toBeLessThan(1);
  });

  it('goes to canvas past the threshold, shrinking cells', () => {
    const many: CooperantUnit[] = Array.from({ length: 5000 }, (_, i) => ({
      ...unitsOf(view, 2011)[i % 9]!,
      key: `u${i}`,
    }));
    const geo = lay(groupUnits(many, 'rank'), 800, { mode: 'units' });
    expect(geo.canvas).toBe(true);
    expect(geo.cell).toBeLessThan(24);
    expect(geo.height).toBeLessThan(900);
  });

  it('is pure: same input, same output', () => {
    expect(lay(groups, 700)).toEqual(lay(groups, 700));
  });

  it('finds the unit at a point by arithmetic on the grid (canvas hit test)', () => {
    const many: CooperantUnit[] = Array.from({ length: 5000 }, (_, i) => ({
      ...unitsOf(view, 2011)[i % 9]!,
      key: `u${i}`,
    }));
    const geo = lay(groupUnits(many, 'rank'), 800, { mode: 'units' });
    for (const u of [geo.units[0]!, geo.units[1234]!, geo.units.at(-1)!]) {
      expect(hitCooperant(geo, u.x + geo.unitSize / 2, u.y + geo.unitSize / 2)?.key).toBe(u.key);
    }
    // left of the units (labels), and below the last group
    expect(hitCooperant(geo, 2, geo.units[0]!.y + 1)).toBeUndefined();
    expect(hitCooperant(geo, 400, geo.height + 50)).toBeUndefined();
    // bars have no units
    expect(hitCooperant(lay(groups, 800, { mode: 'bars' }), 300, 10)).toBeUndefined();
  });

  it('moves up and down to the nearest unit of the next row, across groups', () => {
    const geo = lay(groups, 800);
    const first = geo.units[0]!;
    const down = unitAcross(geo, first.key, true)!;
    const next = geo.units.find((u) => u.key === down)!;
    expect(next.y).toBeGreaterThan(first.y);
    expect(next.groupKey).not.toBe(first.groupKey);
    expect(unitAcross(geo, first.key, false)).toBeNull();
    expect(unitAcross(geo, 'group:bamako', true)).toBeUndefined();
  });

  it('fits group names with the measure it is given', () => {
    const wide = lay(groups, 800, { measure: (t, size) => t.length * size * 4 });
    const narrow = lay(groups, 800, { measure: (t, size) => t.length * size * 0.3 });
    expect(narrow.groups.every((g) => g.name === g.key)).toBe(true);
    expect(wide.groups.some((g) => g.name !== g.key)).toBe(true);
  });

  it('units grow to fill the row of the largest group, up to a maximum cell', () => {
    // 2011 by place: the largest group has 5 units; at 1280 px they would need 200 px cells, capped
    const wide = lay(groups, 1280);
    expect(wide.cell).toBe(MAX_CELL);
    expect(wide.cell).toBeGreaterThan(24);
    // 360 px (stacked): 5 units of 36 px fill half the row; 14 in one group (by year) fill it
    const narrow = lay(groups, 360);
    expect(narrow.cell).toBe(MAX_CELL);
    const byYear = groupUnits(unitsOf(view, 2011), 'year', { years: view.years });
    const row = lay(byYear, 360);
    expect(row.cell).toBe(Math.floor(360 / 14));
    const last = row.units.at(-1)!;
    expect(last.x + last.size).toBeLessThanOrEqual(360);
    expect(row.groups[0]!.rows).toBe(1);
  });

  it('past 500 posts draws bars by itself and says why; the reader can still ask for units', () => {
    const units = (n: number): CooperantUnit[] =>
      Array.from({ length: n }, (_, i) => ({ ...unitsOf(view, 2011)[i % 9]!, key: `u${i}` }));
    const at = lay(groupUnits(units(AUTO_BARS_ABOVE), 'rank'), 800);
    expect(at.mode).toBe('units');
    expect(at.switched).toBeNull();
    const past = lay(groupUnits(units(AUTO_BARS_ABOVE + 1), 'rank'), 800);
    expect(past.mode).toBe('bars');
    expect(past.switched).toBe('count');
    expect(past.units).toHaveLength(0);
    const asked = lay(groupUnits(units(AUTO_BARS_ABOVE + 1), 'rank'), 800, { mode: 'units' });
    expect(asked.mode).toBe('units');
    expect(asked.switched).toBeNull();
    expect(asked.units).toHaveLength(AUTO_BARS_ABOVE + 1);
    // bars asked for: nothing to say
    expect(lay(groups, 800, { mode: 'bars' }).switched).toBeNull();
  });
});
