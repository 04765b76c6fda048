import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { loadMapGeo, loadWorldGeo, testMapTexts } from '../../test/fixtures/map-geo';
import { expectJsonSnapshot, expectSvgSnapshot, snapshotMarkup } from '../../test/snapshot';
import { defaultDatasetForTests } from '../../test/fixtures/default-dataset';
import { layoutBaseMap, layoutMarks, type MarksOptions } from '../layout/facility-map';
import { nigerFixture, somaliaFixture } from '../../test/fixtures/map-elsewhere';
import type { MapGeoData } from '../layout/facility-map';
import type { Dataset } from '../schema/dataset';
import { fitTargets, selectFacilityPoints } from '../select/facility-points';
import { renderBaseMap, renderMarks, type FacilityMapRenderContext } from './facility-map';

const geo = loadMapGeo();
const data = defaultDatasetForTests;
const view = selectFacilityPoints(data);
const text: MarksOptions = { texts: testMapTexts(view, data, geo) };
const ctx = (focusKeys?: Set<string>, ring = ''): FacilityMapRenderContext => ({
  label: 'Map summary',
  listLabel: 'Facilities by place',
  name: (key) => (key.startsWith('i:') ? `item ${key}` : `marker ${key}`),
  places: new Map(view.groups.map((g) => [g.key, g.place.name.en ?? ''])),
  ringLabel: ring,
  tabIndex: (key) => (key === 'g:p:koro' ? 0 : -1),
  scaleText: '50 km',
  attribution: 'Natural Earth',
  svgMarkers: !focusKeys,
  focusKeys,
});

function snapshot(
  region: string,
  width: number,
  height: number,
  expanded: string | null,
  marksOnly = false,
  d: Dataset = data,
  g: MapGeoData = geo,
) {
  const v = d === data ? view : selectFacilityPoints(d);
  const base = layoutBaseMap(g, width, height, region || fitTargets(v));
  const marks = layoutMarks(base, v, { ...text, texts: testMapTexts(v, d, g), expanded });
  const open = marks.markers.find((m) => m.expanded);
  const c = ctx(undefined, open ? `items at ${open.group.place.name.en}` : '');
  const markup = snapshotMarkup(
    marksOnly
      ? renderMarks(base, marks, c)
      : html`${renderBaseMap(base, marks)}${renderMarks(base, marks, c)}`,
  );
  return { html: markup, marks };
}

describe('renderFacilityMap', () => {
  it('Mopti region, 480 × 300', () => {
    const { html, marks } = snapshot('mopti', 480, 300, null);
    expect(html).toContain('role="list"');
    expect(html).toContain('Natural Earth');
    expect(html).toContain('class="halo"');
    expectSvgSnapshot(html, 'facility-map-mopti');
    expectJsonSnapshot(
      {
        markers: marks.markers.map((m) => ({ key: m.key, x: m.x, y: m.y, r: m.r, moved: m.moved })),
        labels: marks.labels,
        scaleBar: marks.scaleBar,
      },
      'facility-map-mopti-layout',
    );
  });

  it('Sévaré expanded into a ring (marks layer)', () => {
    const { html } = snapshot('mopti', 640, 400, 'g:p:sevare', true);
    expect(html).toContain('data-key="i:parsec-psig-barracks"');
    expect(html).toContain('aria-expanded="true"');
    expectSvgSnapshot(html, 'facility-map-sevare-open');
  });

  it('Mali, 360 × 330 (marks layer)', () => {
    const { html } = snapshot('mali', 360, 330, null, true);
    expect(html).toContain('data-key="g:p:segou"');
    expectSvgSnapshot(html, 'facility-map-mali-narrow');
  });

  it('canvas mode keeps only focus targets in SVG', () => {
    const base = layoutBaseMap(geo, 480, 300, 'mopti');
    const marks = layoutMarks(base, view, { ...text, canvasThreshold: 1 });
    const div = document.createElement('div');
    render(renderMarks(base, marks, ctx(new Set(['g:p:koro']))), div);
    expect(div.querySelectorAll('[data-key^="g:"]')).toHaveLength(1);
    // Ségou lies beyond the Mopti region: counted by an edge marker, which keeps its focus target
    expect(div.querySelectorAll('[data-key^="o:"]')).toHaveLength(1);
    expect(div.querySelector('.symbol')).toBeNull();
  });

  it('fitted to the data: every place drawn, clusters ringed by their kinds, Mopti open as a list', () => {
    const { html, marks } = snapshot('', 640, 400, 'g:p:mopti');
    expect(marks.offView).toEqual([]);
    expect(html).toContain('class="segment c2"');
    expect(html).toContain('class="panel"');
    expect(html).toContain('data-key="g:p:segou"');
    expectSvgSnapshot(html, 'facility-map-fitted-open');
  });

  it('Niger (fictional fixture) on Natural Earth outlines: Niger the subject, its neighbours named, an inset', () => {
    const { html, marks } = snapshot('', 640, 400, null, false, nigerFixture(), loadWorldGeo('50m'));
    expect(marks.markers.every((m) => m.visible)).toBe(true);
    expect(marks.offView).toEqual([]);
    expect(html).toContain('class="country focus"');
    expect(html).not.toContain('class="graticule"');
    expect(html).toContain('class="inset-context"');
    expect(marks.labels.filter((l) => l.cls === 'country').map((l) => l.text)).toEqual(
      expect.arrayContaining(['Niger', 'Nigeria']),
    );
    expectSvgSnapshot(html, 'facility-map-niger-world');
  });

  it('Somalia (fictional fixture) beyond the bundled geometry with no other loaded: a graticule, no country', () => {
    const { html, marks } = snapshot('', 480, 400, null, false, somaliaFixture());
    expect(marks.markers.every((m) => m.visible)).toBe(true);
    expect(html).toContain('class="graticule"');
    expect(html).not.toContain('class="country"');
    expect(html).not.toContain('class="inset"');
    expectSvgSnapshot(html, 'facility-map-somalia-graticule');
  });
});
