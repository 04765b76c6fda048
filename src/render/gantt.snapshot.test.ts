import { describe, expect, it } from 'vitest';
import { expectJsonSnapshot, expectSvgSnapshot, snapshotMarkup } from '../../test/snapshot';
import { ganttLegend } from '../describe/gantt';
import { translationFor } from '../i18n';
import { sourcesById } from '../select/sources';
import raw from '../../data/parsec.json';
import {
  defaultWindow,
  layoutGantt,
  type GanttGeometry,
  type GanttOptions,
  type GanttRow,
} from '../layout/gantt';
import { parseDataset } from '../schema/parse';
import { selectPhaseRows } from '../select/phase-rows';
import { textsOf } from '../../test/fixtures/gantt-texts';
import { renderGanttAxis, renderGanttBody, renderGanttLegend, type GanttRenderContext } from './gantt';

const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error('default dataset invalid');
const view = selectPhaseRows(parsed.data);

function geometry(o: Partial<GanttOptions>): GanttGeometry {
  return layoutGantt(view, {
    width: 900,
    collapsed: new Set(),
    asOf: view.asOf.lo,
    text: textsOf(
      view,
      (alt) => `W: ${alt.value}`,
      (d, unit) => (unit === 'year' ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7)),
      'end unknown',
    ),
    ...o,
  });
}

function draw(geo: GanttGeometry, range?: [number, number], link?: GanttRenderContext['link']): string {
  const keys = geo.rows.map((r) => r.key);
  return (
    snapshotMarkup(renderGanttAxis(geo)) +
    snapshotMarkup(
      renderGanttBody(geo, {
        label: 'Timeline',
        ariaLabel: (r) => r.key,
        cellLabel: (r, c) => `${r.key} ${c}`,
        columns: ['Item', 'Start', 'End', 'Status'],
        tabIndex: (k) => (k === keys[0] ? 0 : -1),
        range: range ?? [0, geo.rows.length],
        highlight: keys[1],
        band: [0, geo.height],
        link,
      }),
    )
  );
}

describe('renderGantt', () => {
  it('default dataset, whole extent, with the legend of what is drawn', () => {
    const geo = geometry({});
    const out = draw(geo);
    expect(out).toContain('role="treegrid"');
    expect(out).toContain('role="gridcell"');
    // the opening window: PARSEC, and the items before it marked at the left edge
    expect(geo.before!.count).toBe(6);
    expect(out).toContain('◂ 1985');
    expect(out).toContain('class="ghost"');
    expect(out).toContain('class="open"');
    expectSvgSnapshot(out, 'gantt-default');
    const ctx = { t: translationFor('en'), lang: 'en', sources: sourcesById(parsed.data) };
    const legend = snapshotMarkup(renderGanttLegend(ganttLegend(geo, ctx), 'Legend'));
    expect(legend.match(/<li/g)).toHaveLength(6);
    expectSvgSnapshot(legend, 'gantt-legend');
    expectJsonSnapshot(
      geo.rows.slice(0, 6).map((row) => {
        // item rows place their labels when read: serialised, as the JSON of the geometry is
        const { group, item, ...r } = (row as { toJSON?: () => GanttRow }).toJSON?.() ?? row;
        return { ...r, group: group.id, item: item?.id ?? null };
      }),
      'gantt-default-layout',
    );
  });

  it('the whole extent: the as-of label on the tick line, its tick label given way', () => {
    const geo = geometry({ window: defaultWindow(view) });
    const out = draw(geo);
    expect(out).toContain('class="asof-label"');
    expect(geo.before).toBeNull();
    expectSvgSnapshot(out, 'gantt-whole');
  });

  it('zoomed on 2019–2020 with the context missions collapsed', () => {
    const geo = geometry({
      window: [Date.UTC(2019, 0, 1), Date.UTC(2021, 0, 1)],
      collapsed: new Set(['eucap-sahel-mali', 'eutm-mali', 'eu-stabilisation-centre']),
    });
    const out = draw(geo);
    expect(out).toContain('aria-expanded="false"');
    expectSvgSnapshot(out, 'gantt-zoomed-collapsed');
  });

  it('narrow, virtualised to the first rows', () => {
    const geo = geometry({ width: 360 });
    const out = draw(geo, [0, 5]);
    expect((out.match(/aria-level="2"/g) ?? []).length).toBe(4);
    expectSvgSnapshot(out, 'gantt-narrow');
  });

  it('a selection shared from another widget: related rows linked, the others dimmed', () => {
    const geo = geometry({
      collapsed: new Set(['mcd', 'eucap-sahel-mali', 'eutm-mali', 'eu-stabilisation-centre']),
    });
    const out = draw(geo, undefined, (r) => (r.item?.place === 'bamako-airport' ? 'linked' : 'dimmed'));
    expect(out).toMatch(/class="row item milestone c\d linked"/);
    expect(out).toContain(' dimmed"');
    expectSvgSnapshot(out, 'gantt-linked');
  });
});
