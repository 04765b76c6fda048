import { describe, expect, it, vi } from 'vitest';
import raw from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import { civilianStaffDataset } from '../../test/fixtures/civilian-staff';
import { syntheticCooperantDataset } from '../../test/fixtures/synthetic-cooperant';
import {
  COOPERANT_GROUP_BYS,
  groupByChoices,
  groupByChoicesOf,
  groupsShown,
  groupSize,
  groupUnits,
  NOT_ITEMISED,
  NOT_STATED,
  notStatedCount,
  selectCooperantPosts,
  unitsOf,
  unitsShown,
  unitSourceIds,
  type UnitGroup,
} from './cooperant-posts';

const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error('default dataset invalid');
const data: Dataset = parsed.data;

const withCooperants = (c: Partial<Dataset['cooperants']>): Dataset => ({
  ...data,
  cooperants: { ...data.cooperants, ...c },
});

describe('selectCooperantPosts', () => {
  const view = selectCooperantPosts(data);

  it('gives 2011: 14 counted, 9 itemised, 5 not itemised (derived)', () => {
    const y2011 = view.years.find((y) => y.year === 2011)!;
    expect(y2011.total?.value).toBe(14);
    expect(y2011.itemised).toBe(9);
    expect(y2011.notItemised).toBe(5);
    expect(y2011.units).toHaveLength(14);
    const rest = y2011.units.filter((u) => u.kind === 'not-itemised');
    expect(rest).toHaveLength(5);
    expect(rest.every((u) => u.precision === 'derived' && u.place === null && u.entity === null)).toBe(true);
    expect(rest[0]!.sources).toEqual(['S004']);
    expect(y2011.overflow).toBe(false);
  });

  it('gives 2016 as about ten, none itemised, approximate units', () => {
    const y2016 = view.years.find((y) => y.year === 2016)!;
    expect(y2016.itemised).toBe(0);
    expect(y2016.total?.bound).toBe('about');
    expect(y2016.units).toHaveLength(10);
    expect(y2016.units.every((u) => u.precision === 'approx' && u.kind === 'not-itemised')).toBe(true);
  });

  it('defaults to the year with itemised posts', () => {
    expect(view.defaultYear).toBe(2011);
    expect(view.years.map((y) => y.year)).toEqual([2011, 2016]);
  });

  it('keys are unique across years (every unit of every year, for small multiples by year)', () => {
    const keys = unitsShown(view, 'all', 'year').map((u) => u.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(24);
  });

  it('"all years" gives each itemised post once and never adds the counts of different years', () => {
    const all = unitsOf(view, 'all');
    // 9 distinct posts; not 14 + about 10 = 24, nor the 5 + 10 not itemised summed into "≈ 15"
    expect(all).toHaveLength(9);
    expect(all.every((u) => u.kind === 'post')).toBe(true);
    expect(groupUnits(all, 'place').some((g) => g.kind === 'not-itemised')).toBe(false);
    // a post held three years is one unit, keyed by its first year, its years listed
    const multi = selectCooperantPosts(
      withCooperants({
        posts: data.cooperants.posts.map((p, i) => (i === 0 ? { ...p, years: [2011, 2013, 2016] } : p)),
      }),
    );
    const units = unitsOf(multi, 'all');
    expect(units).toHaveLength(9);
    expect(units[0]).toMatchObject({ key: 'dcm-chief@2011', year: 2011, years: [2011, 2013, 2016] });
    // one year at a time still counts the post in that year
    expect(unitsOf(multi, 2013).map((u) => u.key)).toEqual(['dcm-chief@2013']);
    expect(unitsOf(multi, 2013)[0]!.years).toEqual([2013]);
    // the per-year view is untouched by the distinct list (no shared arrays mutated)
    expect(multi.years[0]!.units[0]!.years).toEqual([2011]);
  });

  it('never subtracts below zero: more itemised than the total is flagged', () => {
    const v = selectCooperantPosts(
      withCooperants({
        totals: [{ year: 2011, count: { value: 3, precision: 'exact', sources: ['S004'] } }],
      }),
    );
    const y = v.years[0]!;
    expect(y.notItemised).toBe(0);
    expect(y.overflow).toBe(true);
    expect(y.units).toHaveLength(9);
  });

  it('a year with posts and no total draws only the itemised posts', () => {
    const v = selectCooperantPosts(withCooperants({ totals: [] }));
    expect(v.years).toHaveLength(1);
    expect(v.years[0]!.total).toBeNull();
    expect(v.years[0]!.notItemised).toBe(0);
  });
});

describe('groupUnits', () => {
  const view = selectCooperantPosts(data);
  const units2011 = unitsOf(view, 2011);

  it('by place: not stated and not itemised are their own groups, last', () => {
    const groups = groupUnits(units2011, 'place');
    const keys = groups.map((g) => g.key);
    expect(keys.slice(-2)).toEqual([NOT_STATED, NOT_ITEMISED]);
    expect(groups.find((g) => g.key === 'bamako')!.units).toHaveLength(4);
    expect(groups.find((g) => g.key === NOT_STATED)!.units.map((u) => u.post?.id)).toEqual(['dem-adviser']);
    expect(groups.find((g) => g.key === NOT_ITEMISED)!.notItemised).toBe(5);
    expect(groups[0]!.key).toBe('bamako');
    expect(groups.reduce((s, g) => s + g.units.length, 0)).toBe(14);
  });

  it('by rank: natural order, not-itemised never guessed into a rank', () => {
    const groups = groupUnits(units2011, 'rank');
    expect(groups.map((g) => g.key)).toEqual(['senior-officer', 'officer', 'nco', NOT_ITEMISED]);
    expect(groups.map((g) => g.units.length)).toEqual([4, 2, 3, 5]);
  });

  it('by service: mostly not stated', () => {
    const groups = groupUnits(units2011, 'service');
    expect(groups.map((g) => [g.key, g.units.length])).toEqual([
      ['air-force', 1],
      [NOT_STATED, 8],
      [NOT_ITEMISED, 5],
    ]);
  });

  it('by entity: ties ordered as the dataset lists entities', () => {
    const order = data.cooperants.entities.map((e) => e.id);
    const groups = groupUnits(units2011, 'entity', { order });
    expect(groups.map((g) => g.key)).toEqual([
      'dcm',
      'ema-koulikoro',
      'garde-nationale',
      'dmhta',
      'emp',
      'dem',
      'air-force',
      NOT_ITEMISED,
    ]);
  });

  it('by year: both years side by side with their totals; not-itemised units stay in their year', () => {
    const groups = groupUnits(unitsShown(view, 'all', 'year'), 'year', { years: view.years });
    expect(groups.map((g) => g.key)).toEqual(['2011', '2016']);
    expect(groups[0]).toMatchObject({ itemised: 9, notItemised: 5, approx: false, total: { value: 14 } });
    expect(groups[1]).toMatchObject({ itemised: 0, notItemised: 10, approx: true });
    expect(groups[1]!.total).toMatchObject({ value: 10, precision: 'approx', bound: 'about' });
  });

  it('offers groupings mostly "not stated" last: service is 8 of 9 not stated in 2011', () => {
    expect(notStatedCount(units2011, 'service')).toEqual({ notStated: 8, itemised: 9 });
    expect(notStatedCount(units2011, 'place')).toEqual({ notStated: 1, itemised: 9 });
    const choices = groupByChoices(units2011);
    expect(choices.map((c) => c.by)).toEqual(['place', 'entity', 'rank', 'year', 'service']);
    expect(choices.at(-1)).toMatchObject({ by: 'service', mostlyNotStated: true, notStated: 8, itemised: 9 });
    expect(choices.filter((c) => c.mostlyNotStated)).toHaveLength(1);
    // exactly 80 % is "mostly"; 7 of 9 (78 %) is not
    const seven = units2011.map((u, i) => (i === 0 ? { ...u, service: 'army' as const } : u));
    expect(groupByChoices(seven).at(-1)!.by).toBe('year');
    // nothing itemised (2016): no grouping is called mostly unknown
    expect(groupByChoices(unitsOf(view, 2016)).every((c) => !c.mostlyNotStated)).toBe(true);
  });

  it('counts the choices of a year as its units are made: the same as a pass over its units', () => {
    for (const d of [data, civilianStaffDataset, syntheticCooperantDataset(600)]) {
      const v = selectCooperantPosts(d);
      for (const year of [...v.years.map((y) => y.year), 'all' as const])
        expect(groupByChoicesOf(v, year), `${year}`).toEqual(groupByChoices(unitsOf(v, year)));
    }
  });

  it('puts itemised units before not-itemised ones within a group', () => {
    const [g2011] = groupUnits(units2011, 'year');
    const firstRest = g2011!.units.findIndex((u) => u.kind === 'not-itemised');
    expect(firstRest).toBe(9);
  });
});

describe('groupsShown', () => {
  const datasets = [data, civilianStaffDataset, syntheticCooperantDataset(600)];

  it('gives the groups of groupUnits over the units shown: the same keys, counts, order and unit objects', () => {
    for (const d of datasets) {
      const v = selectCooperantPosts(d);
      const options = { years: v.years, order: d.places.map((p) => p.id) };
      for (const year of [...v.years.map((y) => y.year), 'all' as const])
        for (const by of COOPERANT_GROUP_BYS) {
          const at = `${year} by ${by}`;
          const ref = groupUnits(unitsShown(v, year, by), by, options);
          const got = groupsShown(v, year, by, options);
          const plain = (g: UnitGroup) => ({ ...g, units: undefined, size: groupSize(g) });
          expect(got.map(plain), at).toEqual(ref.map(plain));
          expect(
            got.map((g) => g.units),
            at,
          ).toEqual(ref.map((g) => g.units));
          // one year: the year's own unit objects (`all` makes its distinct posts afresh at each call)
          if (year !== 'all')
            expect(
              got.every((g, i) => g.units.every((u, j) => u === ref[i]!.units[j])),
              at,
            ).toBe(true);
        }
    }
  });

  it("counts one year's posts by group without making a unit, and makes every group's units in one read", () => {
    const v = selectCooperantPosts(syntheticCooperantDataset(600));
    const y = v.years.find((x) => x.year === v.defaultYear)!;
    const read = vi.spyOn(y, 'units', 'get');
    const groups = groupsShown(v, y.year, 'place');
    expect(groups.reduce((s, g) => s + groupSize(g), 0)).toBe(y.itemised + y.notItemised);
    expect(read).not.toHaveBeenCalled();
    expect(groups[0]!.units.length).toBe(groupSize(groups[0]!));
    for (const g of groups) expect(g.units).toBe(g.units);
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('unitSourceIds', () => {
  it("gives each source of a year's units once, in the order met, the same array for the same year", () => {
    const view = selectCooperantPosts(
      withCooperants({
        totals: [{ year: 2011, count: { value: 4, precision: 'exact', sources: ['S001'] } }],
        posts: data.cooperants.posts.slice(0, 3).map((p, i) => ({
          ...p,
          years: [2011],
          sources: i === 0 ? ['S004', 'S002'] : ['S002', 'S003'],
        })),
      }),
    );
    const y = view.years[0]!;
    // the not-itemised unit cites the total's source
    expect(unitSourceIds(y)).toEqual(['S004', 'S002', 'S003', 'S001']);
    expect(unitSourceIds(y)).toBe(unitSourceIds(y));
  });

  it('gives what a pass over the units gives, on other datasets (ids met before skipped, never lost)', () => {
    for (const d of [data, civilianStaffDataset, syntheticCooperantDataset(600)])
      for (const y of selectCooperantPosts(d).years)
        expect(unitSourceIds(y), `${y.year}`).toEqual([...new Set(y.units.flatMap((u) => u.sources))]);
  });
});
