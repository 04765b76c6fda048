import { render, type TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { layoutGantt, type GanttGeometry, type GanttOptions, type GanttTexts } from '../layout/gantt';
import { parseDataset } from '../schema/parse';
import { isUnknown, selectPhaseRows, type DateSpan, type PhaseRows } from '../select/phase-rows';
import { renderGanttAxis, renderGanttBody } from './gantt';

const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error('default dataset invalid');
const view = selectPhaseRows(parsed.data);

function normalise(s: string): string {
  return s
    .replace(/<!--\?lit\$[0-9]+\$-->|<!---->/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/\n\s*\n/g, '\n');
}

function html(t: TemplateResult): string {
  const div = document.createElement('div');
  render(t, div);
  return normalise(div.innerHTML);
}

/** The text map of a view, as plain test words (describe/gantt.ts gives the real ones). */
function textsOf(
  v: PhaseRows,
  ghost: (alt: DateSpan) => string,
  tick: GanttTexts['tick'],
  openEnd: string,
): GanttTexts {
  const items = v.groups.flatMap((g) => g.items);
  return {
    groups: new Map(v.groups.map((g) => [g.id, g.short])),
    items: new Map(items.map((i) => [i.id, i.label.en ?? i.id])),
    markDates: new Map(items.filter((i) => i.date).map((i) => [i.id, i.date!.value])),
    ghosts: new Map(
      items.flatMap((i) =>
        [i.start, i.end, i.date].flatMap((d) =>
          d && !isUnknown(d) ? d.alternatives.map((a) => [a, ghost(a)] as const) : [],
        ),
      ),
    ),
    openEnd,
    tick,
  };
}

function geometry(o: Partial<GanttOptions>): GanttGeometry {
  return layoutGantt(view, {
    width: 800,
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

function draw(geo: GanttGeometry, range?: [number, number]): string {
  const keys = geo.rows.map((r) => r.key);
  return (
    html(renderGanttAxis(geo, { asOf: 'as of Sep 2024', today: 'today' })) +
    html(
      renderGanttBody(geo, {
        label: 'Timeline',
        ariaLabel: (r) => r.key,
        tabIndex: (k) => (k === keys[0] ? 0 : -1),
        range: range ?? [0, geo.rows.length],
        highlight: keys[1],
        band: [0, geo.height],
      }),
    )
  );
}

describe('renderGantt', () => {
  it('default dataset, whole extent', async () => {
    const out = draw(geometry({}));
    expect(out).toContain('role="tree"');
    expect(out).toContain('class="ghost"');
    expect(out).toContain('class="open"');
    await expect(out).toMatchFileSnapshot('../../test/output/gantt-default.svg');
  });

  it('zoomed on 2019–2020 with the context missions collapsed', async () => {
    const geo = geometry({
      window: [Date.UTC(2019, 0, 1), Date.UTC(2021, 0, 1)],
      collapsed: new Set(['eucap-sahel-mali', 'eutm-mali', 'eu-stabilisation-centre']),
    });
    const out = draw(geo);
    expect(out).toContain('aria-expanded="false"');
    await expect(out).toMatchFileSnapshot('../../test/output/gantt-zoomed-collapsed.svg');
  });

  it('narrow, virtualised to the first rows', async () => {
    const geo = geometry({ width: 360 });
    const out = draw(geo, [0, 5]);
    expect((out.match(/aria-level="2"/g) ?? []).length).toBe(4);
    await expect(out).toMatchFileSnapshot('../../test/output/gantt-narrow.svg');
  });
});
