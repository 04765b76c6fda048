import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { MAX_POST_COUNT } from '../schema/dataset';
import { parseDataset } from '../schema/parse';
import { groupUnits, selectCooperantPosts, unitsOf, type UnitGroup } from '../select/cooperant-posts';
import { layoutCooperant, MAX_UNIT_HEIGHTS } from './cooperant';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A dataset whose 2011 headline total is `count` (the itemised posts stay as they are). */
function withTotal(count: number) {
  const d: Json = JSON.parse(JSON.stringify(raw));
  const t = d.cooperants.totals.find((x: Json) => x.year === 2011);
  t.count.value = count;
  return parseDataset(d);
}
const text = (gs: readonly UnitGroup[]) =>
  new Map(gs.map((g) => [g.key, { name: g.key, count: String(g.units.length) }]));

/** The layout of 2011 by place with `count` posts, units asked for (the pixel limit is what is tested here). */
function layout(count: number, width: number) {
  const r = withTotal(count);
  if (!r.ok) throw new Error(r.issues[0]!.message);
  const groups = groupUnits(unitsOf(selectCooperantPosts(r.data), 2011), 'place');
  return {
    groups,
    geo: layoutCooperant(groups, width, { text: text(groups), targetHeight: 420, mode: 'units' }),
  };
}

const finite = (o: unknown): boolean =>
  JSON.stringify(o, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? 'NOT FINITE' : v)).includes(
    'NOT FINITE',
  ) === false;

describe('cooperant layout stays drawable', () => {
  it('units while they fit, in whole pixels', () => {
    const { geo } = layout(2000, 800);
    expect(geo.mode).toBe('units');
    expect(geo.units.length).toBe(2000);
    expect(geo.height).toBeLessThanOrEqual(420 * MAX_UNIT_HEIGHTS + 200);
    expect(finite(geo)).toBe(true);
  });

  it('counts that would draw more units than pixels switch to bars, with finite geometry', () => {
    const t = performance.now();
    const { groups, geo } = layout(MAX_POST_COUNT, 360);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(geo.mode).toBe('bars');
    expect(geo.units).toHaveLength(0);
    expect(geo.groups).toHaveLength(groups.length);
    expect(geo.height).toBeLessThan(1000);
    expect(finite(geo)).toBe(true);
    for (const b of geo.groups) expect(b.bar!.x + b.bar!.solid + b.bar!.hollow).toBeLessThanOrEqual(360);
  });

  it('the switch is where units at the smallest cell would overflow the height budget', () => {
    // 360 px (stacked): 360 × 420 × 4 / 3² = 67,200 units; 800 px: a 572 px area holds 106,773
    expect(layout(60_000, 360).geo.mode).toBe('units');
    expect(layout(70_000, 360).geo.mode).toBe('bars');
    const wide = layout(MAX_POST_COUNT, 800).geo;
    expect(wide.mode).toBe('units');
    expect(wide.canvas).toBe(true);
    expect(wide.height).toBeLessThanOrEqual(420 * MAX_UNIT_HEIGHTS + 200);
  });

  it('a zero or odd width still gives finite numbers', () => {
    for (const w of [0, 1, 19])
      for (const count of [0, 14, 5000]) expect(finite(layout(count, w).geo), `${w}/${count}`).toBe(true);
  });

  it('counts past the bound are refused by the schema with their path (1e7, 2^53 − 1)', () => {
    for (const count of [MAX_POST_COUNT + 1, 1e7, Number.MAX_SAFE_INTEGER]) {
      const r = withTotal(count);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.path).toMatch(/^cooperants\.totals\[\d+\]\.count\.value$/);
    }
  });
});
