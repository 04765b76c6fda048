import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import { groupUnits, selectCooperantPosts, unitsOf, type CooperantUnit } from '../select/cooperant-posts';
import { layoutCooperant } from './cooperant';

const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error('default dataset invalid');
const data: Dataset = parsed.data;
const view = selectCooperantPosts(data);
const text = (g: { key: string; units: unknown[] }) => ({ name: g.key, count: String(g.units.length) });

describe('layoutCooperant', () => {
  const groups = groupUnits(unitsOf(view, 2011), 'place');

  it('places one unit per post, in whole pixels, inside the width', () => {
    const geo = layoutCooperant(groups, 800, { text });
    expect(geo.units).toHaveLength(14);
    expect(geo.canvas).toBe(false);
    for (const u of geo.units) {
      expect(Number.isInteger(u.x) && Number.isInteger(u.y)).toBe(true);
      expect(u.x + u.size).toBeLessThanOrEqual(800);
      expect(u.y + u.size).toBeLessThanOrEqual(geo.height);
    }
    expect(Number.isInteger(geo.height)).toBe(true);
  });

  it('does not overlap units and keeps groups in order, top to bottom', () => {
    const geo = layoutCooperant(groups, 800, { text });
    const seen = new Set(geo.units.map((u) => `${u.x},${u.y}`));
    expect(seen.size).toBe(geo.units.length);
    const ys = geo.groups.map((g) => g.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (let i = 1; i < geo.groups.length; i++)
      expect(geo.groups[i]!.y).toBeGreaterThanOrEqual(geo.groups[i - 1]!.y + geo.groups[i - 1]!.h);
  });

  it('keeps unit keys stable across groupings (for the animated transition)', () => {
    const a = layoutCooperant(groups, 800, { text });
    const b = layoutCooperant(groupUnits(unitsOf(view, 2011), 'rank'), 800, { text });
    expect(new Set(a.units.map((u) => u.key))).toEqual(new Set(b.units.map((u) => u.key)));
    const moved = a.units.filter((u) => {
      const v = b.units.find((x) => x.key === u.key)!;
      return v.x !== u.x || v.y !== u.y;
    });
    expect(moved.length).toBeGreaterThan(0);
  });

  it('stacks labels above units when narrow', () => {
    const geo = layoutCooperant(groups, 320, { text });
    expect(geo.stacked).toBe(true);
    expect(Math.min(...geo.units.map((u) => u.x))).toBe(0);
    for (const g of geo.groups) {
      const first = geo.units.find((u) => u.groupKey === g.key)!;
      expect(first.y).toBeGreaterThan(g.labelY);
    }
  });

  it('shortens a long label to fit its column', () => {
    const geo = layoutCooperant(groups, 600, {
      text: (g) => ({ name: `${g.key} ${'very long name '.repeat(5)}`, count: '1' }),
    });
    expect(geo.groups.every((g) => g.name === null || g.name.endsWith('…'))).toBe(true);
  });

  it('bars: solid itemised and hollow not-itemised segments proportional to counts', () => {
    const years = groupUnits(unitsOf(view, 'all'), 'year', { years: view.years });
    const geo = layoutCooperant(years, 800, { text, mode: 'bars' });
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
    const geo = layoutCooperant(groupUnits(many, 'rank'), 800, { text });
    expect(geo.canvas).toBe(true);
    expect(geo.cell).toBeLessThan(24);
    expect(geo.height).toBeLessThan(900);
  });

  it('is pure: same input, same output', () => {
    expect(layoutCooperant(groups, 700, { text })).toEqual(layoutCooperant(groups, 700, { text }));
  });
});
