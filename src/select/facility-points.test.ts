import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests } from '../../test/fixtures/default-dataset';
import { syntheticMap } from '../../test/fixtures/synthetic-map';
import {
  selectFacilityPointsInSlices,
  dateRange,
  itemState,
  monthIndex,
  monthIso,
  periodEnd,
  regionId,
  fitTargets,
  sameFitTargets,
  selectFacilityPoints,
} from './facility-points';

const data = defaultDatasetForTests;

describe('selectFacilityPoints', () => {
  const view = selectFacilityPoints(data);

  it('keeps every facility of the default dataset, once', () => {
    expect(view.itemCount).toBe(data.facilities.length);
    const ids = view.groups.flatMap((g) => g.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(data.facilities.length);
    expect(view.later).toBe(0);
  });

  it('gathers the items at Sévaré into one group at the town point, sorted by id', () => {
    const g = view.groups.find((x) => x.key === 'p:sevare')!;
    expect(g.anchor).toEqual({ type: 'point', lon: -4.1, lat: 14.533 });
    expect(g.items.map((i) => i.id)).toEqual([
      'parsec-aim-vehicles',
      'parsec-maintenance-workshop',
      'parsec-psig-barracks',
    ]);
  });

  it('puts region-precision items at the region, never at a town', () => {
    const r = view.groups.find((x) => x.key === 'r:mopti')!;
    expect(r.anchor).toEqual({ type: 'region', region: 'mopti' });
    expect(r.items.every((i) => i.facility.placePrecision === 'region')).toBe(true);
    expect(r.items.map((i) => i.id)).toContain('parsec-ambulances');
    const town = view.groups.find((x) => x.key === 'p:mopti')!;
    expect(town.items.some((i) => i.facility.placePrecision === 'region')).toBe(false);
  });

  it('marks approximate places (Koro border set-up) and counts (6 speedboats)', () => {
    expect(view.groups.find((x) => x.key === 'p:koro')!.approx).toBe(true);
    expect(view.groups.find((x) => x.key === 'p:sevare')!.approx).toBe(false);
    const boats = view.groups.flatMap((g) => g.items).find((i) => i.id === 'parsec-speedboats')!;
    expect(boats.count).toBe(6);
  });

  it('filters by date: known by then shown, later hidden, undated kept as undated', () => {
    const v = selectFacilityPoints(data, { atDate: '2019-01-01' });
    const items = v.groups.flatMap((g) => g.items);
    const ids = items.map((i) => i.id);
    expect(ids).toContain('parsec-all-terrain-vehicles'); // 2018-11-30
    expect(ids).toContain('parsec-training-space'); // 2018 (whole year is before)
    expect(ids).not.toContain('parsec-speedboats'); // 2019-07-12
    expect(items.find((i) => i.id === 'parsec-koro-border-post')!.state).toBe('undated');
    expect(v.later).toBeGreaterThan(0);
    expect(v.itemCount + v.later).toBe(data.facilities.length);
  });

  it('lists gazetteer places without facilities as towns, not airports', () => {
    const ids = view.towns.map((t) => t.id);
    expect(ids).toContain('bandiagara');
    expect(ids).not.toContain('sevare');
    expect(ids).not.toContain('bamako-airport');
  });
});

describe('selectFacilityPointsInSlices', () => {
  it('selects the same view as in one task, pausing between slices', async () => {
    const data = syntheticMap(3000);
    let pauses = 0;
    for (const atDate of [undefined, '2020-06']) {
      const sliced = await selectFacilityPointsInSlices(data, { atDate }, async () => void pauses++, 700);
      expect(sliced).toEqual(selectFacilityPoints(data, { atDate }));
    }
    // 3000 facilities in slices of 700: four pauses among them and one before sorting, for each date
    expect(pauses).toBe(10);
  });
});

describe('helpers', () => {
  it('sameFitTargets: the same places from another dataset object, and nothing else', () => {
    const a = fitTargets(selectFacilityPoints(data));
    const copy = JSON.parse(JSON.stringify(data)) as typeof data;
    expect(sameFitTargets(a, fitTargets(selectFacilityPoints(copy)))).toBe(true);
    const moved = JSON.parse(JSON.stringify(data)) as typeof data;
    const town = moved.places.find((p) =>
      moved.facilities.some((f) => f.place === p.id && f.placePrecision !== 'region'),
    )!;
    town.lon += 0.01;
    expect(sameFitTargets(a, fitTargets(selectFacilityPoints(moved)))).toBe(false);
    expect(sameFitTargets(a, { ...a, regions: [...a.regions, 'kidal'] })).toBe(false);
    expect(sameFitTargets(a, { ...a, areas: a.areas.slice(1) })).toBe(false);
  });

  it('fitTargets: the regions of every place, each once, sorted', () => {
    const v = selectFacilityPoints(data);
    const ids = [...new Set(v.groups.map((g) => regionId(g.place.admin1)))].sort();
    expect(ids.length).toBeGreaterThan(1);
    expect(fitTargets(v).areas).toEqual(ids);
  });

  it('regionId matches data/geo ids', () => {
    expect(regionId('Ségou')).toBe('segou');
    expect(regionId('Bamako District')).toBe('bamako');
    expect(regionId('Mopti')).toBe('mopti');
  });
  it('periodEnd and itemState compare dates at their precision', () => {
    expect(periodEnd('2018')).toBe('2018-12-31');
    expect(periodEnd('2019-07')).toBe('2019-07-31');
    const f = data.facilities.find((x) => x.id === 'parsec-training-space')!;
    expect(itemState(f, '2018-06-01')).toBe('later');
    expect(itemState(f, '2019')).toBe('shown');
    expect(itemState(f, undefined)).toBe('shown');
  });
});

describe('date slider months', () => {
  it('counts months and goes back to the first day of a month', () => {
    expect(monthIndex('2019-07-12')).toBe(2019 * 12 + 6);
    expect(monthIndex('2018')).toBe(2018 * 12);
    expect(monthIso(monthIndex('2019-07-12'))).toBe('2019-07-01');
  });

  it('runs from the earliest dated facility to the as-of date', () => {
    const [lo, hi] = dateRange(data);
    expect(monthIso(lo)).toBe('2018-01-01');
    expect(hi).toBe(monthIndex(data.meta.asOf));
  });

  it('its first month is the earliest month of any dated facility, whatever the precisions, else the as-of month', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const two = (n: number) => String(n).padStart(2, '0');
    for (let round = 0; round < 50; round++) {
      const d = structuredClone(data);
      for (const f of d.facilities) {
        const y = 2015 + Math.floor(rnd() * 12);
        const m = 1 + Math.floor(rnd() * 12);
        const r = rnd();
        const value =
          r < 0.2 ? `${y}` : r < 0.6 ? `${y}-${two(m)}` : `${y}-${two(m)}-${two(1 + Math.floor(rnd() * 28))}`;
        if (rnd() < 0.15) delete (f as { date?: unknown }).date;
        else f.date = { value, precision: 'exact', sources: f.sources };
      }
      const dated = d.facilities.flatMap((f) => (f.date && 'value' in f.date ? [f.date.value] : []));
      const hi = monthIndex(d.meta.asOf);
      expect(dateRange(d)).toEqual([Math.min(hi, ...dated.map(monthIndex)), hi]);
    }
    const none = structuredClone(data);
    for (const f of none.facilities) delete (f as { date?: unknown }).date;
    expect(dateRange(none)).toEqual([monthIndex(none.meta.asOf), monthIndex(none.meta.asOf)]);
  });
});
