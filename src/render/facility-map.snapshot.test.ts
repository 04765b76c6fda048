import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { loadMapGeo } from '../../test/fixtures/map-geo';
import { defaultDataset } from '../controllers/dataset';
import { layoutBaseMap, layoutMarks, type MarksOptions } from '../layout/facility-map';
import { selectFacilityPoints } from '../select/facility-points';
import { renderBaseMap, renderMarks, type FacilityMapRenderContext } from './facility-map';

const geo = loadMapGeo();
const data = defaultDataset();
const text: MarksOptions = {
  groupLabel: (g) => (g.anchor.type === 'region' ? `${g.place.admin1} region` : (g.place.name.en ?? '')),
  itemLabel: (i) => i.facility.label.en ?? '',
  placeLabel: (p) => p.name.en ?? '',
  regionLabel: (id, name) => (id === 'mopti' ? null : name),
  countryLabel: (id, name) => (id === 'mli' ? null : name),
};
const ctx = (focusKeys?: Set<string>): FacilityMapRenderContext => ({
  label: 'Map summary',
  listLabel: 'Facilities by place',
  markerLabel: (m) => `marker ${m.key}`,
  placeLabel: (m) => m.group.place.name.en ?? '',
  itemLabel: (r) => `item ${r.key}`,
  ringLabel: (m) => `items at ${m.group.place.name.en}`,
  tabIndex: (key) => (key === 'g:p:koro' ? 0 : -1),
  scaleText: '50 km',
  attribution: 'Natural Earth',
  svgMarkers: !focusKeys,
  focusKeys,
});

function normalise(html: string): string {
  return html
    .replace(/<!--\?lit\$[0-9]+\$-->/g, '')
    .replace(/<!---->/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/>\s+</g, '>\n<')
    .trim();
}

function snapshot(region: string, width: number, height: number, expanded: string | null, marksOnly = false) {
  const base = layoutBaseMap(geo, width, height, region);
  const marks = layoutMarks(base, selectFacilityPoints(data), { ...text, expanded });
  const div = document.createElement('div');
  render(
    marksOnly
      ? renderMarks(base, marks, ctx())
      : [renderBaseMap(base, marks), renderMarks(base, marks, ctx())],
    div,
  );
  return normalise(div.innerHTML);
}

describe('renderFacilityMap', () => {
  it('Mopti region, 480 × 300', async () => {
    const html = snapshot('mopti', 480, 300, null);
    expect(html).toContain('role="list"');
    expect(html).toContain('Natural Earth');
    expect(html).toContain('class="halo"');
    await expect(html).toMatchFileSnapshot('../../test/output/facility-map-mopti.svg');
  });

  it('Sévaré expanded into a ring (marks layer)', async () => {
    const html = snapshot('mopti', 640, 400, 'g:p:sevare', true);
    expect(html).toContain('data-key="i:parsec-psig-barracks"');
    expect(html).toContain('aria-expanded="true"');
    await expect(html).toMatchFileSnapshot('../../test/output/facility-map-sevare-open.svg');
  });

  it('Mali, 360 × 330 (marks layer)', async () => {
    const html = snapshot('mali', 360, 330, null, true);
    expect(html).toContain('data-key="g:p:segou"');
    await expect(html).toMatchFileSnapshot('../../test/output/facility-map-mali-narrow.svg');
  });

  it('canvas mode keeps only focus targets in SVG', () => {
    const base = layoutBaseMap(geo, 480, 300, 'mopti');
    const marks = layoutMarks(base, selectFacilityPoints(data), { ...text, canvasThreshold: 1 });
    const div = document.createElement('div');
    render(renderMarks(base, marks, ctx(new Set(['g:p:koro']))), div);
    expect(div.querySelectorAll('[data-key]')).toHaveLength(1);
    expect(div.querySelector('.symbol')).toBeNull();
  });
});
