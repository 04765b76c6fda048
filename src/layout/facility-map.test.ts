import { describe, expect, it } from 'vitest';
import { loadMapGeo, testMapTexts } from '../../test/fixtures/map-geo';
import { defaultDatasetForTests } from '../../test/fixtures/default-dataset';
import { maliCapitalFixture } from '../../test/fixtures/map-elsewhere';
import { fitTargets, selectFacilityPoints } from '../select/facility-points';
import {
  AREA_TRACKING,
  CANVAS_LABELS,
  clampZoom,
  hitMarker,
  layoutBaseMap,
  layoutMarks,
  namedGroups,
  niceKm,
  panTo,
  placeLabels,
  reachable,
  zoomAnchor,
  zoomAround,
  type MapGeoData,
  type MapLabel,
  type MarksOptions,
} from './facility-map';
import { estimateWidth } from './text-fit';
import { planarPath } from './planar';

const geo = loadMapGeo();
const data = defaultDatasetForTests;
const view = selectFacilityPoints(data);
const text: MarksOptions = { texts: testMapTexts(view, data, geo) };

/** A tiny square "country" and "region" around lon 0…2, lat 0…2. */
const square: MapGeoData = (() => {
  const ring = [
    [0, 0],
    [0, 2],
    [2, 2],
    [2, 0],
    [0, 0],
  ];
  const f = (id: string) => ({
    type: 'Feature' as const,
    properties: { id, name: id },
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
  });
  return {
    regions: { type: 'FeatureCollection', features: [f('sq')] },
    countries: { type: 'FeatureCollection', features: [f('mli')] },
  };
})();

const boxOf = (l: MapLabel, fs = 12) => {
  const tracking =
    l.cls === 'region' || l.cls === 'country' ? Array.from(l.text).length * fs * AREA_TRACKING : 0;
  const w = estimateWidth(l.text, fs, l.cls === 'facility' ? 700 : 400) + tracking;
  const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
  return { x0, x1: x0 + w, y0: l.y - fs, y1: l.y + fs * 0.2 };
};
const overlap = (a: ReturnType<typeof boxOf>, b: ReturnType<typeof boxOf>) =>
  a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;

describe('layoutBaseMap', () => {
  it('makes the inset once for the heights that put it in the same corner, as made afresh', () => {
    const a = layoutBaseMap(geo, 960, 595, 'mopti');
    const b = layoutBaseMap(geo, 960, 745, 'mopti');
    expect(b.inset!.projection).toBe(a.inset!.projection);
    const fresh = layoutBaseMap(structuredClone(geo), 960, 745, 'mopti');
    expect(fresh.inset!.projection).not.toBe(b.inset!.projection);
    const paths = (i: typeof b.inset) => [i!.x, i!.y, i!.w, i!.h, i!.land, i!.context, i!.focus];
    expect(paths(b.inset)).toEqual(paths(fresh.inset));
    expect(b.inset!.projection.k).toBe(fresh.inset!.projection.k);
    // another width: another inset
    expect(layoutBaseMap(geo, 400, 360, 'mopti').inset!.projection).not.toBe(a.inset!.projection);
  });

  it('projects only what meets the view: a feature cut away whole is drawn as when it was projected', () => {
    for (const [w, h, fit] of [
      [960, 595, 'mopti'],
      [360, 324, 'bamako'],
      [800, 500, 'mali'],
    ] as const) {
      const b = layoutBaseMap(geo, w, h, fit);
      const box = [-2, -2, w + 2, h + 2] as [number, number, number, number];
      const all = [...geo.regions.features, ...geo.countries.features];
      let cut = 0;
      for (const p of [...b.regions, ...b.countries]) {
        const f = all.find((x) => x.properties.id === p.id)!;
        const full = planarPath(b.projection, f, box);
        expect(p.d).toBe(full.d);
        if (!p.d) cut++;
      }
      if (fit === 'bamako') expect(cut).toBeGreaterThan(3);
    }
  });

  it('without outlines: the same projection, regions’ centres, inset and markers, no path written', () => {
    let countries = 0;
    for (const [w, h, fit] of [
      [960, 595, fitTargets(view)],
      [360, 324, 'bamako'],
      [800, 500, 'mopti'],
    ] as const) {
      const full = layoutBaseMap(geo, w, h, fit);
      const light = layoutBaseMap(geo, w, h, fit, false);
      expect([light.projection.k, light.projection.tx, light.projection.ty]).toEqual([
        full.projection.k,
        full.projection.tx,
        full.projection.ty,
      ]);
      expect(light.regions.map((r) => [r.id, r.name, r.cx, r.cy, r.focus])).toEqual(
        full.regions.map((r) => [r.id, r.name, r.cx, r.cy, r.focus]),
      );
      expect(light.regions.every((r) => r.d === '')).toBe(true);
      expect(light.countries).toEqual([]);
      countries += full.countries.length;
      expect(light.inset).toEqual(full.inset);
      expect([light.focusIds, light.covered, light.note]).toEqual([full.focusIds, full.covered, full.note]);
      // what the markers' layout of the update that measures the chart's share reads: the same markers
      const opts = { measure: estimateWidth, fontSize: 12 };
      const a = layoutMarks(light, view, opts);
      const b = layoutMarks(full, view, opts);
      expect(a.markers.map((m) => [m.key, m.x, m.y, m.visible])).toEqual(
        b.markers.map((m) => [m.key, m.x, m.y, m.visible]),
      );
      expect(a.offView).toEqual(b.offView);
    }
    // the outlines left out are drawn otherwise
    expect(countries).toBeGreaterThan(0);
  });

  it('fits the focus region inside the box (tiny square)', () => {
    const b = layoutBaseMap(square, 400, 300, 'sq');
    const [x0, y0] = b.projection([0, 2])!;
    const [x1, y1] = b.projection([2, 0])!;
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(400);
    expect(y1).toBeLessThanOrEqual(300);
    // Mercator: north is up, east is right
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
  });

  it('places Sévaré west of Koro and both inside the Mopti view', () => {
    const b = layoutBaseMap(geo, 800, 500, 'mopti');
    const sevare = b.projection([-4.1, 14.533])!;
    const koro = b.projection([-3.0814, 14.0683])!;
    for (const [x, y] of [sevare, koro]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(800);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(500);
    }
    expect(sevare[0]).toBeLessThan(koro[0]);
    expect(sevare[1]).toBeLessThan(koro[1]); // Sévaré is north of Koro
    expect(b.regions).toHaveLength(9);
    expect(b.regions.find((r) => r.focus)!.id).toBe('mopti');
    expect(b.countries.some((c) => c.id === 'mli')).toBe(false);
  });

  it('the Mali view is wider in degrees than the Mopti view', () => {
    const mopti = layoutBaseMap(geo, 800, 500, 'mopti').projection.k;
    const mali = layoutBaseMap(geo, 800, 500, 'mali').projection.k;
    expect(mali).toBeLessThan(mopti);
  });
});

describe('layoutMarks', () => {
  const base = layoutBaseMap(geo, 800, 500, 'mopti');
  const marks = layoutMarks(base, view, text);

  it('one marker per group, ordered west to east', () => {
    expect(marks.markers).toHaveLength(view.groups.length);
    const xs = marks.markers.map((m) => m.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const sevare = marks.markers.find((m) => m.key === 'g:p:sevare')!;
    expect(sevare.shape).toBe('cluster');
    // things, not records: 1 workshop + 2 vehicles + 1 barracks
    expect(sevare.badge).toBe('4');
    // Mopti: 8 pinasses + 6 speedboats + 1 training space, not 3 records
    expect(marks.markers.find((m) => m.key === 'g:p:mopti')!.badge).toBe('15');
    const koro = marks.markers.find((m) => m.key === 'g:p:koro')!;
    expect(koro.shape).toBe('border');
    expect(koro.moved).toBe(false);
    const [kx, ky] = base.projection([-3.0814, 14.0683])!;
    expect(Math.abs(koro.x - kx)).toBeLessThan(0.2);
    expect(Math.abs(koro.y - ky)).toBeLessThan(0.2);
  });

  it('moves crowded markers (Mopti, airport, Sévaré) apart, with their anchors kept', () => {
    const near = marks.markers.filter((m) =>
      ['g:p:mopti', 'g:p:sevare', 'g:p:mopti-airport'].includes(m.key),
    );
    expect(near).toHaveLength(3);
    for (let i = 0; i < near.length; i++)
      for (let j = i + 1; j < near.length; j++) {
        const a = near[i]!;
        const b = near[j]!;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r);
      }
    expect(near.some((m) => m.moved)).toBe(true);
  });

  it('labels never overlap, at any width, and stay inside the map', () => {
    for (const w of [320, 360, 480, 640, 800, 1024, 1400]) {
      for (const region of ['mopti', 'mali']) {
        const b = layoutBaseMap(geo, w, Math.round(w * 0.62), region);
        const m = layoutMarks(b, view, { ...text, expanded: 'g:r:mopti' });
        const boxes = m.labels.map((l) => boxOf(l));
        for (let i = 0; i < boxes.length; i++) {
          expect(boxes[i]!.x0).toBeGreaterThanOrEqual(0);
          expect(boxes[i]!.x1).toBeLessThanOrEqual(w);
          for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
        }
      }
    }
  });

  it('gives facility labels priority over towns', () => {
    const labels = placeLabels(
      [
        { key: 't:a', text: 'Town', x: 100, y: 100, r: 3, cls: 'town', priority: 2 },
        { key: 'g:b', text: 'Facility', x: 100, y: 100, r: 3, cls: 'facility', priority: 4 },
      ],
      [],
      200,
      200,
      12,
    );
    expect(labels[0]!.key).toBe('g:b');
    expect(labels[0]!.anchor).toBe('start'); // right first
    expect(labels[1]!.anchor).toBe('end'); // the town goes left
  });

  it('drops a label that fits nowhere', () => {
    const labels = placeLabels(
      [{ key: 'x', text: 'A very long label', x: 20, y: 20, r: 3, cls: 'town', priority: 1 }],
      [{ x0: 0, y0: 0, x1: 40, y1: 40 }],
      40,
      40,
      12,
    );
    expect(labels).toEqual([]);
  });

  it('opens a cluster into a list beside it, every item on a labelled row, over no other label', () => {
    for (const w of [360, 768, 1280])
      for (const key of ['g:p:sevare', 'g:p:mopti', 'g:r:mopti']) {
        const b = layoutBaseMap(geo, w, Math.round(w * 0.62), fitTargets(view));
        const m = layoutMarks(b, view, { ...text, expanded: key });
        const c = m.markers.find((x) => x.key === key)!;
        expect(c.expanded).toBe(true);
        expect(c.ring.map((r) => r.key)).toEqual(c.group.items.map((i) => `i:${i.id}`));
        const p = m.panel!;
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x + p.w).toBeLessThanOrEqual(w);
        expect(p.y + p.h).toBeLessThanOrEqual(b.height);
        // every item has its label, inside the panel; no other label meets the panel
        for (const r of c.ring) {
          const l = m.labels.find((x) => x.key === r.key)!;
          expect(l.text.length).toBeGreaterThan(0);
          expect(l.x).toBeGreaterThan(p.x);
          expect(l.y).toBeLessThan(p.y + p.h);
        }
        for (const l of m.labels.filter((x) => x.cls !== 'item')) {
          const bx = boxOf(l);
          expect(overlap(bx, { x0: p.x, x1: p.x + p.w, y0: p.y, y1: p.y + p.h })).toBe(false);
        }
      }
    const m = layoutMarks(base, view, { ...text, expanded: 'g:p:sevare' });
    // same input, same output
    expect(layoutMarks(base, view, { ...text, expanded: 'g:p:sevare' })).toEqual(m);
  });

  it('keeps west west: Sévaré and the airport are drawn east of Mopti, at every width, region and zoom', () => {
    for (const w of [320, 360, 480, 768, 1024, 1280])
      for (const fit of ['mopti', 'mali', fitTargets(view)] as const)
        for (const k of [1, 2]) {
          const b = layoutBaseMap(geo, w, Math.round(w * 0.7), fit);
          const [ax, ay] = b.projection([-4.1986, 14.4958]);
          const zoom = clampZoom({ k, x: w / 2 - k * ax, y: w * 0.35 - k * ay }, w, Math.round(w * 0.7));
          const m = layoutMarks(b, view, { ...text, zoom });
          const at = (key: string) => m.markers.find((x) => x.key === key)!;
          expect(at('g:p:sevare').x, `${w} ${JSON.stringify(fit).slice(0, 20)} ${k}`).toBeGreaterThan(
            at('g:p:mopti').x,
          );
          expect(at('g:p:mopti-airport').x).toBeGreaterThan(at('g:p:mopti').x);
        }
  });

  it('a marker moved aside never hides a town dot (Bandiagara stays visible)', () => {
    for (const w of [360, 768, 1280]) {
      const b = layoutBaseMap(geo, w, Math.round(w * 0.62), fitTargets(view));
      const m = layoutMarks(b, view, text);
      for (const t of m.towns)
        for (const mk of m.markers.filter((x) => x.moved))
          expect(Math.hypot(mk.x - t.x, mk.y - t.y), `${w} ${mk.key} ${t.id}`).toBeGreaterThan(mk.r);
    }
  });

  it('gives a cluster one arc per kind, in proportion to its things', () => {
    const mopti = marks.markers.find((m) => m.key === 'g:p:mopti')!;
    // equipment (style 1), training (style 2)
    expect(mopti.segments.map((s) => s.style)).toEqual([1, 2]);
    const single = marks.markers.find((m) => m.key === 'g:p:koro')!;
    expect(single.segments).toEqual([]);
  });

  it("a cluster's ring: one arc per style it holds, in style order, a whole circle for one style", () => {
    // kinds and quantities drawn at random over three of the default data's places
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const kinds = ['infrastructure', 'equipment', 'training', 'border', 'unit'] as const;
    let clusters = 0;
    let whole = 0;
    for (let round = 0; round < 20; round++) {
      const d = structuredClone(data);
      const towns = d.places.filter((p) => p.kind !== 'airport').slice(0, 3);
      d.facilities = Array.from({ length: 6 + round }, (_, i) => ({
        ...data.facilities[i % data.facilities.length]!,
        id: `f-${round}-${i}`,
        kind: kinds[Math.floor(rnd() * (round % 2 ? kinds.length : 1))]!,
        place: towns[Math.floor(rnd() * towns.length)]!.id,
        placePrecision: 'town' as const,
        quantity: { value: 1 + Math.floor(rnd() * 3), precision: 'exact' as const, sources: [] },
      }));
      const v = selectFacilityPoints(d);
      const b = layoutBaseMap(geo, 800, 500, fitTargets(v));
      for (const m of layoutMarks(b, v, { texts: testMapTexts(v, d, geo) }).markers) {
        const styles = [...new Set(m.group.items.map((i) => i.style))].sort((a, c) => a - c);
        if (m.group.items.length === 1) {
          expect(m.segments).toEqual([]);
          continue;
        }
        clusters++;
        expect(m.segments.map((x) => x.style)).toEqual(styles);
        if (styles.length === 1) {
          whole++;
          expect(m.segments[0]!.d).toMatch(/^M0,-[\d.]+A/);
        }
      }
    }
    expect(clusters).toBeGreaterThan(20);
    expect(whole).toBeGreaterThan(0);
  });

  it('zoom moves markers and shrinks the scale bar distance and the inset view', () => {
    const z = zoomAround({ k: 1, x: 0, y: 0 }, 2, 400, 250, 800, 500);
    expect(z.k).toBe(2);
    const m2 = layoutMarks(base, view, { ...text, zoom: z });
    expect(m2.transform).toBe(`translate(${z.x},${z.y}) scale(2)`);
    expect(m2.scaleBar.km).toBeLessThanOrEqual(marks.scaleBar.km);
    expect(m2.insetView.w).toBeLessThan(marks.insetView.w);
    expect(marks.scaleBar.km).toBeGreaterThan(0);
  });

  it('clamps zoom to 1–8 and keeps the content over the view', () => {
    expect(clampZoom({ k: 20, x: 0, y: 0 }, 100, 100).k).toBe(8);
    expect(clampZoom({ k: 0.2, x: 50, y: 50 }, 100, 100)).toEqual({ k: 1, x: 0, y: 0 });
    expect(clampZoom({ k: 2, x: -500, y: 10 }, 100, 100)).toEqual({ k: 2, x: -100, y: 0 });
  });

  it('niceKm picks 1, 2 or 5 × 10ⁿ', () => {
    expect(niceKm(130)).toBe(100);
    expect(niceKm(49)).toBe(20);
    expect(niceKm(7)).toBe(5);
  });

  it('hit-tests canvas markers at the zoomed position, nearest first, within reach', () => {
    const z = zoomAround({ k: 1, x: 0, y: 0 }, 3, 400, 250, 800, 500);
    const m = layoutMarks(base, view, { ...text, zoom: z, canvasThreshold: 1 });
    const koro = m.markers.find((x) => x.key === 'g:p:koro')!;
    expect(koro.visible).toBe(true);
    expect(hitMarker(m, koro.x + 3, koro.y - 2)).toBe('g:p:koro');
    expect(hitMarker(m, koro.x + 30, koro.y + 30)).toBeUndefined();
    // the unzoomed position of Koro is not Koro any more
    const before = marks.markers.find((x) => x.key === 'g:p:koro')!;
    expect(hitMarker(m, before.x, before.y)).not.toBe('g:p:koro');
  });

  it('zooms at the focused marker, else at a marker near the centre of those in view', () => {
    const koro = marks.markers.find((x) => x.key === 'g:p:koro')!;
    expect(zoomAnchor(marks, 'g:p:koro')).toEqual({ x: koro.ax, y: koro.ay });
    const a = zoomAnchor(marks);
    // on a marker, never on an empty spot
    expect(marks.markers.some((m) => m.ax === a.x && m.ay === a.y)).toBe(true);
    // a focused marker out of view does not pull the zoom off screen
    const z = zoomAround({ k: 1, x: 0, y: 0 }, 8, 0, 0, 800, 500);
    const far = layoutMarks(base, view, { ...text, zoom: z });
    const p = zoomAnchor(far, 'g:p:koro');
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.x).toBeLessThanOrEqual(800);
  });

  it('switches to canvas above the threshold', () => {
    expect(marks.canvas).toBe(false);
    expect(layoutMarks(base, view, { ...text, canvasThreshold: 5 }).canvas).toBe(true);
  });

  it('names on canvas only markers of the groups namedGroups gives ahead of the base map (their names measured)', () => {
    expect(namedGroups(view)).toBe(view.groups);
    // 900 items at 300 towns of the Mopti region, 1 to 5 at each: past the canvas threshold, more groups than named
    const towns = Array.from({ length: 300 }, (_, i) => ({
      ...data.places[0]!,
      id: `many-town-${i}`,
      name: { fr: `Village ${i}`, en: `Village ${i}` },
      kind: 'town' as const,
      lat: 13.5 + ((i * 37) % 200) / 100,
      lon: -5.3 + ((i * 53) % 400) / 100,
    }));
    const facilities = Array.from({ length: 900 }, (_, i) => ({
      ...data.facilities[0]!,
      id: `many-${i}`,
      place: towns[(i * 7) % (i % 3 ? 300 : 61)]!.id,
      placePrecision: 'town' as const,
    }));
    const big = { ...data, places: [...data.places, ...towns], facilities };
    const v = selectFacilityPoints(big);
    const b = layoutBaseMap(geo, 960, 600, fitTargets(v));
    const m = layoutMarks(b, v, { texts: testMapTexts(v, big, geo) });
    expect(m.canvas).toBe(true);
    const named = namedGroups(v);
    expect(named).toHaveLength(CANVAS_LABELS);
    const keys = new Set(named.map((g) => `g:${g.key}`));
    expect(m.canvasFocus.length).toBeGreaterThan(20);
    for (const mk of m.canvasFocus) expect(keys.has(mk.key)).toBe(true);
    // the groups with the most things first
    const least = Math.min(...named.map((g) => g.things));
    expect(v.groups.filter((g) => g.things > least).every((g) => keys.has(`g:${g.key}`))).toBe(true);
  });
});

describe('planar Mercator (in place of d3-geo)', () => {
  it('matches d3.geoMercator fitted to the same region, to a tenth of a pixel', async () => {
    const { geoMercator } = await import('d3');
    const { mercatorFit } = await import('./planar');
    const mopti = geo.regions.features.find((f) => f.properties.id === 'mopti')!;
    const extent: [[number, number], [number, number]] = [
      [20, 20],
      [780, 480],
    ];
    const ours = mercatorFit(extent, mopti);
    const d3p = geoMercator().fitExtent(extent, mopti);
    for (const p of [
      [-4.1, 14.533],
      [-3.0814, 14.0683],
      [-8.0028, 12.6392],
    ] as [number, number][]) {
      const [x, y] = ours(p);
      const [dx, dy] = d3p(p)!;
      expect(Math.abs(x - dx)).toBeLessThan(0.1);
      expect(Math.abs(y - dy)).toBeLessThan(0.1);
      const back = ours.invert([x, y]);
      expect(back[0]).toBeCloseTo(p[0], 9);
      expect(back[1]).toBeCloseTo(p[1], 9);
    }
  });

  it('measures great-circle distances like d3.geoDistance', async () => {
    const { geoDistance } = await import('d3');
    const { sphereDistance } = await import('./planar');
    const a: [number, number] = [-4.1, 14.533];
    const b: [number, number] = [-8.0028, 12.6392];
    expect(sphereDistance(a, b)).toBeCloseTo(geoDistance(a, b), 12);
  });

  it('draws symbols of the area d3 gives them', async () => {
    const { symbol, symbolSquare } = await import('d3');
    const { symbolPath } = await import('./planar');
    expect(symbolPath('square', 64)).toBe('M-4,-4L4,-4L4,4L-4,4Z');
    expect(symbol(symbolSquare, 64).digits(1)()).toBe('M-4,-4h8v8h-8Z');
  });
});

describe('fit to the data, and what is beyond the view', () => {
  const fit = fitTargets(view);

  it('fits the data places by default: every marker in view, Ségou and Koro included, regions of the places in focus', () => {
    for (const w of [360, 768, 1280]) {
      const b = layoutBaseMap(geo, w, Math.round(w * 0.62), fit);
      expect(b.focus).toBe('');
      expect(b.covered).toBe(true);
      expect(b.focusIds).toEqual(['mopti', 'segou']);
      const m = layoutMarks(b, view, text);
      expect(m.markers.every((x) => x.visible)).toBe(true);
      expect(m.offView).toEqual([]);
    }
  });

  it('counts at the edge every marker beyond the view: drawn things + edge counts = every thing of the data', () => {
    const total = view.groups.reduce((s, g) => s + g.things, 0);
    for (const w of [360, 1280])
      for (const k of [1, 3, 8]) {
        const b = layoutBaseMap(geo, w, Math.round(w * 0.62), 'mopti');
        const m = layoutMarks(b, view, {
          ...text,
          zoom: clampZoom({ k, x: -w * (k - 1) * 0.3, y: 0 }, w, b.height),
        });
        const drawn = m.markers.filter((x) => x.visible).reduce((s, x) => s + x.group.things, 0);
        const beyond = m.offView.reduce((s, o) => s + o.things, 0);
        expect(drawn + beyond).toBe(total);
        for (const o of m.offView) {
          expect(o.x - o.rx).toBeGreaterThanOrEqual(0);
          expect(o.x + o.rx).toBeLessThanOrEqual(w);
        }
      }
  });

  it('an edge marker pans to what it points at when it lies on the map, and says when it does not', () => {
    const b = layoutBaseMap(geo, 800, 500, fit);
    const m = layoutMarks(b, view, { ...text, zoom: clampZoom({ k: 8, x: -4000, y: -2000 }, 800, 500) });
    expect(m.offView.length).toBeGreaterThan(0);
    const o = m.offView[0]!;
    expect(reachable(o.target, 800, 500)).toBe(true);
    const z = panTo(m.zoom, o.target, 800, 500);
    const after = layoutMarks(b, view, { ...text, zoom: z });
    expect(after.markers.find((x) => x.group.key === o.groups[0])!.visible).toBe(true);
    // Bamako lies west of the Mopti region's map: no pan reaches it
    const mopti = layoutBaseMap(geo, 800, 500, 'mopti');
    const [bx, by] = mopti.projection([-8.0028, 12.6392]);
    expect(reachable({ x: bx, y: by }, 800, 500)).toBe(false);
  });

  it('a view of Mali or of places inside the geometry keeps the base map, at any aspect', () => {
    for (const [w, h] of [
      [768, 690],
      [360, 324],
      [1280, 794],
    ] as const) {
      const mali = layoutBaseMap(geo, w, h, 'mali');
      expect(mali.covered).toBe(true);
      expect(mali.regions.length).toBe(9);
      expect(mali.countries.length).toBeGreaterThan(5);
      expect(mali.graticule).toBe('');
      expect(layoutBaseMap(geo, w, h, fit).covered).toBe(true);
    }
  });

  it('draws places beyond the offline geometry on a graticule, with no country and no inset', () => {
    const b = layoutBaseMap(geo, 800, 500, {
      points: [
        [45.34, 2.04],
        [42.55, -0.36],
        [49.18, 11.28],
      ],
    });
    expect(b.covered).toBe(false);
    expect(b.countries).toEqual([]);
    expect(b.regions).toEqual([]);
    expect(b.inset).toBeNull();
    expect(b.graticule).toMatch(/^M[\d.]+,0V500/);
    const [x, y] = b.projection([45.34, 2.04]);
    expect(x).toBeGreaterThan(0);
    expect(y).toBeLessThan(500);
  });

  it('southern Mali asked on the Mopti region: all of it counted at the edges, no two edge markers overlap', () => {
    const d = maliCapitalFixture();
    const v = selectFacilityPoints(d);
    for (const w of [360, 800, 1280]) {
      const b = layoutBaseMap(geo, w, Math.round(w * 0.62), 'mopti');
      const m = layoutMarks(b, v, { texts: testMapTexts(v, d, geo) });
      const things = v.groups.reduce((s, g) => s + g.things, 0);
      const drawn = m.markers.filter((x) => x.visible).reduce((s, x) => s + x.group.things, 0);
      expect(drawn + m.offView.reduce((s, o) => s + o.things, 0)).toBe(things);
      for (let i = 0; i < m.offView.length; i++)
        for (let j = i + 1; j < m.offView.length; j++) {
          const a = m.offView[i]!;
          const c = m.offView[j]!;
          expect(Math.abs(a.x - c.x) >= a.rx + c.rx || Math.abs(a.y - c.y) >= 20, `${w}`).toBe(true);
        }
    }
  });
});

describe('the layout a first update measures the chart with (no words)', () => {
  it('places no label and moves no marker, and has the markers in view and beyond it of the layout drawn', () => {
    const d = maliCapitalFixture();
    const v = selectFacilityPoints(d);
    const cases = [
      { view, texts: text.texts!, fit: fitTargets(view) as Parameters<typeof layoutBaseMap>[3] },
      { view, texts: text.texts!, fit: 'mopti' },
      { view: v, texts: testMapTexts(v, d, geo), fit: 'mopti' },
      { view: v, texts: testMapTexts(v, d, geo), fit: fitTargets(v) },
    ];
    let moved = 0;
    let beyond = 0;
    let labelled = 0;
    for (const c of cases)
      for (const w of [360, 960])
        for (const k of [1, 3]) {
          const b = layoutBaseMap(geo, w, Math.round(w * 0.62), c.fit);
          const zoom = clampZoom({ k, x: -w * (k - 1) * 0.3, y: 0 }, w, b.height);
          const full = layoutMarks(b, c.view, { texts: c.texts, zoom });
          const bare = layoutMarks(b, c.view, { zoom });
          expect(bare.labels).toEqual([]);
          expect(bare.canvasFocus).toEqual([]);
          expect(bare.markers.some((m) => m.moved)).toBe(false);
          const shown = (l: typeof full) =>
            l.markers
              .filter((m) => m.visible)
              .map((m) => m.key)
              .sort();
          expect(shown(bare)).toEqual(shown(full));
          expect(bare.offView).toEqual(full.offView);
          expect(bare.towns).toEqual(full.towns);
          expect(bare.scaleBar).toEqual(full.scaleBar);
          moved += full.markers.filter((m) => m.moved).length;
          beyond += full.offView.length;
          labelled += full.labels.length;
        }
    // the cases hold labels, markers moved aside and markers beyond the view
    expect(labelled).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
    expect(beyond).toBeGreaterThan(0);
  });
});
