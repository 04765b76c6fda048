import { describe, expect, it } from 'vitest';
// @ts-expect-error topojson-server (a devDependency for scripts/build-geo.mjs) ships no types
import { topology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';
import { malmoCity } from '../../test/fixtures/any-programme';
import { nigerFixture, somaliaFixture } from '../../test/fixtures/map-elsewhere';
import { loadMapGeo, loadWorldGeo, testMapTexts } from '../../test/fixtures/map-geo';
import { geometryFor } from '../components/facility-map/world-geo';
import type { Dataset } from '../schema/dataset';
import { fitTargets, selectFacilityPoints } from '../select/facility-points';
import { clampZoom, layoutBaseMap, layoutMarks, type MapLabel } from './facility-map';
import { decodePageGeo, GeoError } from './geo-decode';
import { featureContains, type MapGeoData } from './map-geometry';
import { estimateWidth } from './text-fit';

const world = loadWorldGeo('50m');
const malmo = malmoCity as unknown as Dataset;

/** The label boxes of a layout overlap nowhere (a name never runs over another). */
function noOverlap(labels: readonly MapLabel[]) {
  const box = (l: MapLabel) => {
    const w = estimateWidth(l.text, 12, l.cls === 'facility' ? 700 : 400) * 1.05;
    const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
    return { x0, x1: x0 + w, y0: l.y - 11, y1: l.y + 2 };
  };
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = box(labels[i]!);
      const b = box(labels[j]!);
      const hit = a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;
      expect(hit, `${labels[i]!.text} / ${labels[j]!.text}`).toBe(false);
    }
}

describe('the world outlines (world-atlas) for places beyond the bundled geometry', () => {
  const cases: [string, Dataset, string, string[]][] = [
    ['Niger', nigerFixture(), 'NE', ['NG', 'ML', 'DZ']],
    ['Malmö', malmo, 'SE', ['DK']],
    ['Somalia', somaliaFixture(), 'SO', ['ET', 'KE']],
  ];
  for (const [name, data, subject, around] of cases)
    it(`${name}: real outlines, the country of the places as the subject, every place drawn, an inset`, () => {
      const view = selectFacilityPoints(data);
      const fit = fitTargets(view);
      expect(geometryFor(fit.points)).toBe('50m');
      for (const w of [360, 768, 1280]) {
        const b = layoutBaseMap(world, w, Math.round(w * 0.62), fit);
        expect(b.covered).toBe(true);
        expect(b.graticule).toBe('');
        expect(b.attribution).toBe('Natural Earth');
        expect(b.regions).toEqual([]);
        const byIso = new Map(b.countries.map((c) => [c.iso2, c]));
        expect(byIso.get(subject)?.focus, subject).toBe(true);
        for (const c of around) {
          expect(byIso.get(c), c).toBeDefined();
          expect(byIso.get(c)!.focus).toBe(false);
        }
        // only what meets the view is projected: far fewer than the world's 241 countries
        expect(b.countries.length).toBeLessThan(40);
        expect(b.inset).not.toBeNull();
        expect(b.inset!.land).not.toBe('');
        const m = layoutMarks(b, view, { texts: testMapTexts(view, data, world) });
        expect(m.markers.every((x) => x.visible)).toBe(true);
        expect(m.offView).toEqual([]);
        noOverlap(m.labels);
        // a country is named only where its name fits in what is drawn of it
        for (const l of m.labels.filter((x) => x.cls === 'country')) {
          const c = b.countries.find((x) => `c:${x.id}` === l.key)!;
          expect(estimateWidth(l.text, 12)).toBeLessThanOrEqual(c.w);
        }
      }
    });

  it('names the subject and its neighbours at a desktop width (Niger: Niger, Nigeria…)', () => {
    const data = nigerFixture();
    const view = selectFacilityPoints(data);
    const b = layoutBaseMap(world, 1280, 794, fitTargets(view));
    const m = layoutMarks(b, view, { texts: testMapTexts(view, data, world) });
    const names = m.labels.filter((l) => l.cls === 'country').map((l) => l.text);
    expect(names).toContain('Niger');
    expect(names).toContain('Nigeria');
  });

  it('nothing dropped: zoomed in, what leaves the view is counted at its edges (drawn + beyond = all)', () => {
    for (const data of [nigerFixture(), somaliaFixture(), malmo]) {
      const view = selectFacilityPoints(data);
      const total = view.groups.reduce((s, g) => s + g.things, 0);
      for (const w of [360, 1280])
        for (const k of [2, 5, 8]) {
          const b = layoutBaseMap(world, w, Math.round(w * 0.62), fitTargets(view));
          const zoom = clampZoom({ k, x: -w * (k - 1) * 0.5, y: -b.height * (k - 1) * 0.5 }, w, b.height);
          const m = layoutMarks(b, view, { texts: testMapTexts(view, data, world), zoom });
          const drawn = m.markers.filter((x) => x.visible).reduce((s, x) => s + x.group.things, 0);
          expect(drawn + m.offView.reduce((s, o) => s + o.things, 0)).toBe(total);
        }
    }
  });

  it('no ring jumps across the antimeridian (Fiji is never a line drawn across an inset)', () => {
    for (const f of world.countries.features) {
      const g = f.geometry;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const ring of polys.flat())
        for (let i = 1; i < ring.length; i++)
          expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!), f.properties.name).toBeLessThanOrEqual(180);
    }
    const somalia = selectFacilityPoints(somaliaFixture());
    const inset = layoutBaseMap(world, 1248, 750, fitTargets(somalia)).inset!;
    // every path of the inset stays in it, and none is a hairline as wide as the inset
    for (const d of [inset.land, inset.context])
      for (const part of d.split('M').filter(Boolean)) {
        const xs = part
          .replace('Z', '')
          .split('L')
          .map((p) => Number(p.split(',')[0]));
        const ys = part
          .replace('Z', '')
          .split('L')
          .map((p) => Number(p.split(',')[1]));
        const wide = Math.max(...xs) - Math.min(...xs) > inset.w * 0.8;
        expect(wide && Math.max(...ys) - Math.min(...ys) < 1).toBe(false);
      }
  });

  it('asks for a country by name or ISO code: `region="niger"` fits Niger', () => {
    const b = layoutBaseMap(world, 800, 500, 'niger');
    expect(b.focusLevel).toBe('country');
    expect(b.countries.find((c) => c.id === b.focus)?.iso2).toBe('NE');
    expect(layoutBaseMap(world, 800, 500, 'se').countries.find((c) => c.focus)?.name).toBe('Sweden');
  });

  it('the bundled geometry still serves places inside it, and says of itself what it is', () => {
    const mali = loadMapGeo();
    expect(geometryFor([[-4.1, 14.5]])).toBe('bundled');
    expect(
      geometryFor([
        [2.1, 13.5],
        [45.3, 2],
      ]),
    ).toBe('110m');
    expect(mali.home).toBe('mli');
    expect(mali.attribution).toBe('Natural Earth');
    expect(mali.note?.en).toMatch(/before the reform/);
    expect(mali.box).toEqual({ lon: [-14, 6], lat: [8, 26] });
  });
});

/** Two square regions A (lon 0…1) and B (lon 1…2) at lat 10…11, and the country they divide. */
const squares = (): FeatureCollection => {
  const sq = (x: number, w: number): number[][][] => [
    [
      [x, 10],
      [x + w, 10],
      [x + w, 11],
      [x, 11],
      [x, 10],
    ],
  ];
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'a',
        properties: { name: { en: 'Alpha', fr: 'Alpha-fr' } },
        geometry: { type: 'Polygon', coordinates: sq(0, 1) },
      },
      {
        type: 'Feature',
        properties: { id: 'b', name: 'Bêta District' },
        geometry: { type: 'Polygon', coordinates: sq(1, 1) },
      },
      {
        type: 'Feature',
        properties: { id: 'land', name: 'Squareland', level: 0 },
        geometry: { type: 'Polygon', coordinates: sq(0, 2) },
      },
      { type: 'Feature', properties: { id: 'town' }, geometry: { type: 'Point', coordinates: [0.5, 10.5] } },
    ],
  };
};

describe('a geometry the page gives (`geo`, `geo-src`)', () => {
  const check = (g: MapGeoData) => {
    expect(g.regions.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
    expect(g.countries.features.map((f) => f.properties.id)).toEqual(['land']);
    expect(g.regions.features[0]!.properties.names).toEqual({ en: 'Alpha', fr: 'Alpha-fr' });
    expect(g.regions.features[1]!.properties.name).toBe('Bêta District');
    expect(featureContains(g.regions.features[0]!, [0.5, 10.5])).toBe(true);
    expect(featureContains(g.regions.features[0]!, [1.5, 10.5])).toBe(false);
    // fitted to a place in A: A is the subject, B is not, Squareland is context
    const b = layoutBaseMap(g, 600, 400, { points: [[0.5, 10.5]], areas: ['nowhere'] });
    expect(b.covered).toBe(true);
    expect(b.focusIds).toEqual(['a']);
    expect(b.countries.map((c) => c.id)).toEqual(['land']);
    expect(b.regions.find((r) => r.id === 'a')?.names?.fr).toBe('Alpha-fr');
    // asked by id or by name as a slug
    expect(layoutBaseMap(g, 600, 400, 'b').focusIds).toEqual(['b']);
    expect(layoutBaseMap(g, 600, 400, 'beta-district').focus).toBe('b');
    expect(layoutBaseMap(g, 600, 400, 'squareland').focusLevel).toBe('country');
    // a place's admin1 matches a region's id: that region, and the one the place lies in
    expect(layoutBaseMap(g, 600, 400, { points: [[0.5, 10.5]], areas: ['b'] }).focusIds).toEqual(['a', 'b']);
  };

  it('reads a GeoJSON FeatureCollection: ids, names by language, levels; points are not areas', () => {
    const g = decodePageGeo({ ...squares(), note: { en: 'Boundaries of 2020.' }, attribution: '© Squares' });
    check(g);
    expect(g.note).toEqual({ en: 'Boundaries of 2020.' });
    expect(g.attribution).toBe('© Squares');
    expect(layoutBaseMap(g, 600, 400, 'a').attribution).toBe('© Squares');
  });

  it('reads a TopoJSON Topology (an object named countries is of countries)', () => {
    const fc = squares();
    const regions: FeatureCollection = { type: 'FeatureCollection', features: fc.features.slice(0, 2) };
    const countries: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ ...fc.features[2]!, properties: { id: 'land', name: 'Squareland' } }],
    };
    check(decodePageGeo(topology({ regions, countries })));
  });

  it('draws an item located only to a region at the centre of the region the page names so (admin1 → name)', () => {
    const data = nigerFixture();
    const f = data.facilities.find((x) => x.place === 'agadez')!;
    f.placePrecision = 'region';
    data.places.find((p) => p.id === 'agadez')!.admin1 = 'North Province';
    const g = decodePageGeo({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'n1', name: 'North Province' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [4, 16],
                [12, 16],
                [12, 22],
                [4, 22],
                [4, 16],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { id: 's1', name: 'South Province' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 12],
                [14, 12],
                [14, 16],
                [0, 16],
                [0, 12],
              ],
            ],
          },
        },
      ],
    });
    const view = selectFacilityPoints(data);
    const b = layoutBaseMap(g, 800, 500, fitTargets(view));
    expect(b.focusIds).toEqual(['n1', 's1']);
    const m = layoutMarks(b, view, { texts: testMapTexts(view, data, g) });
    const north = b.regions.find((r) => r.id === 'n1')!;
    const marker = m.markers.find((x) => x.region)!;
    expect([marker.ax, marker.ay]).toEqual([north.cx, north.cy]);
  });

  it('refuses what is not geometry, saying what was expected', () => {
    const fails = (input: unknown, path: string, message: RegExp) => {
      let error: unknown;
      try {
        decodePageGeo(input);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(input)?.slice(0, 40)).toBeInstanceOf(GeoError);
      expect((error as GeoError).path).toBe(path);
      expect((error as GeoError).message).toMatch(message);
    };
    fails(null, '(root)', /expected a TopoJSON Topology or a GeoJSON FeatureCollection .*; got null/);
    fails([1, 2], '(root)', /got an array/);
    fails({ type: 'Point', coordinates: [0, 0] }, '(root)', /got an object of type "Point"/);
    fails({ meta: {}, places: [] }, '(root)', /got an object with no "type"/);
    fails({ type: 'FeatureCollection' }, 'features', /needs a "features" array/);
    fails({ type: 'FeatureCollection', features: [] }, '(root)', /found no Polygon or MultiPolygon feature/);
    fails(
      { type: 'FeatureCollection', features: [42] },
      'features[0]',
      /expected a GeoJSON Feature; got a number/,
    );
    fails({ type: 'Topology', objects: {} }, '(root)', /needs "objects" and "arcs"/);
    const projected = squares();
    (projected.features[1]!.geometry as { coordinates: number[][][] }).coordinates[0]![2] = [250000, 1200000];
    fails(projected, 'features[1].geometry', /longitude\/latitude degrees .*\[250000, 1200000\]/);
  });
});
