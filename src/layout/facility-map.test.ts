import { describe, expect, it } from 'vitest';
import { loadMapGeo, testMapTexts } from '../../test/fixtures/map-geo';
import { defaultDataset } from '../controllers/dataset';
import { selectFacilityPoints } from '../select/facility-points';
import {
  AREA_TRACKING,
  clampZoom,
  hitMarker,
  layoutBaseMap,
  layoutMarks,
  niceKm,
  placeLabels,
  zoomAnchor,
  zoomAround,
  type MapGeoData,
  type MapLabel,
  type MarksOptions,
} from './facility-map';
import { estimateWidth } from './text-fit';

const geo = loadMapGeo();
const data = defaultDataset();
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
    expect(sevare.badge).toBe('3');
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

  it('expands a cluster into a ring of its items, from the top, clockwise, by id', () => {
    const m = layoutMarks(base, view, { ...text, expanded: 'g:p:sevare' });
    const c = m.markers.find((x) => x.key === 'g:p:sevare')!;
    expect(c.expanded).toBe(true);
    expect(c.ring.map((r) => r.key)).toEqual([
      'i:parsec-aim-vehicles',
      'i:parsec-maintenance-workshop',
      'i:parsec-psig-barracks',
    ]);
    expect(c.ring[0]!.x).toBeCloseTo(c.x, 0);
    expect(c.ring[0]!.y).toBeLessThan(c.y);
    expect(c.ring[1]!.x).toBeGreaterThan(c.x);
    // same input, same output
    expect(layoutMarks(base, view, { ...text, expanded: 'g:p:sevare' })).toEqual(m);
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
