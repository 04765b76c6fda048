import { html, nothing, svg, type TemplateResult } from 'lit';
import type { LegendItem } from '../describe/types';
import type { GanttBar, GanttGeometry, GanttRow, Seg } from '../layout/gantt';
import { CATEGORY_COUNT } from '../styles/tokens';

export interface GanttRenderContext {
  /** Summary label of the whole chart. */
  label: string;
  /** The accessible name of a row (from `describe/gantt.ts`). */
  ariaLabel: (row: GanttRow) => string;
  /** Relation to a selection shared between widgets: `linked`, `dimmed`, or `''` when nothing is selected. */
  link?: ((row: GanttRow) => 'linked' | 'dimmed' | '') | undefined;
  tabIndex: (key: string) => 0 | -1;
  /** Row indices to draw: `[first, last)` (virtualised), plus `extra` (the focused row) when outside. */
  range: [number, number];
  extra?: number | undefined;
  /** Key of the highlighted row (hover or focus). */
  highlight?: string | undefined;
  /** Vertical band of the viewport, for arrows and rules. */
  band: [number, number];
}

/** CSS class of a categorical colour index (`c1`…`c6`). */
const colour = (i: number) => `c${(i % CATEGORY_COUNT) + 1}`;

const link = (ctx: GanttRenderContext, row: GanttRow) => {
  const l = ctx.link?.(row);
  return l ? ` ${l}` : '';
};

const rect = (s: Seg | null, y: number, h: number, cls: string) =>
  s ? svg`<rect class=${cls} x=${s.x} y=${y} width=${s.w} height=${h}></rect>` : nothing;

function renderBar(b: GanttBar, cls: string): TemplateResult {
  const flags = `${b.approx ? ' approx' : ''}${b.derived ? ' derived' : ''}`;
  return svg`<g class="${cls}${flags}">
    ${rect(b.softStart, b.y, b.h, 'soft')}${rect(b.solid, b.y, b.h, 'fill')}${rect(b.softEnd, b.y, b.h, 'soft')}
    ${b.open ? svg`<rect class="open" x=${b.open.x} y=${b.y} width=${b.open.w} height=${b.h}></rect>` : nothing}
    ${b.approx ? [b.softStart, b.solid, b.softEnd].map((s) => rect(s, b.y, b.h, 'hatch')) : nothing}
  </g>`;
}

const diamond = (cx: number, cy: number, r: number) =>
  `M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`;

function renderMarkShape(row: GanttRow): TemplateResult | typeof nothing {
  const m = row.mark;
  if (!m) return nothing;
  const cls = `shape${m.approx ? ' approx' : ''}${m.derived ? ' derived' : ''}`;
  const bracket = m.soft
    ? svg`<path class="bracket" d="M${m.soft.x},${m.cy - 5}v10M${m.soft.x},${m.cy}h${m.soft.w}M${m.soft.x + m.soft.w},${m.cy - 5}v10"></path>`
    : nothing;
  return svg`${bracket}${
    row.item?.kind === 'milestone'
      ? svg`<path class=${cls} d=${diamond(m.cx, m.cy, m.r)}></path>`
      : svg`<circle class=${cls} cx=${m.cx} cy=${m.cy} r=${m.r - 1}></circle>`
  }`;
}

function renderGhosts(row: GanttRow): TemplateResult[] {
  const b = row.bar;
  const y = b ? b.y : (row.mark?.cy ?? row.y + 8) - 6;
  const h = b ? b.h : 12;
  return row.ghosts.map((g) => {
    if (g.kind === 'extension')
      return svg`<rect class="ghost" x=${g.x} y=${y + 1} width=${g.w} height=${h - 2}></rect>`;
    if (g.kind === 'tick')
      return svg`<rect class="ghost tick" x=${g.x} y=${y - 3} width=${Math.max(2, g.w)} height=${h + 6}></rect>`;
    const cy = y + h / 2;
    const other = g.cx === g.x ? g.x + g.w : g.x;
    return svg`<path class="ghost link" d="M${g.cx},${cy}H${other}"></path>
      <path class="ghost" d=${diamond(g.cx, cy, 6)}></path>`;
  });
}

function renderLabels(row: GanttRow): TemplateResult[] {
  return row.labels.map(
    (l) =>
      svg`<text class="lbl ${l.kind}" part="label" aria-hidden="true" x=${l.x} y=${l.y} text-anchor=${l.anchor}>${l.text}</text>`,
  );
}

function renderItemRow(row: GanttRow, geo: GanttGeometry, ctx: GanttRenderContext): TemplateResult {
  const item = row.item!;
  return svg`<g
    class="row item ${item.kind} ${colour(row.colour)}${ctx.highlight === row.key ? ' active' : ''}${link(ctx, row)}"
    part="mark"
    role="treeitem"
    aria-level="2"
    aria-setsize=${row.setSize}
    aria-posinset=${row.pos}
    aria-label=${ctx.ariaLabel(row)}
    tabindex=${ctx.tabIndex(row.key)}
    data-key=${row.key}
  >
    <rect class="hit" x="0" y=${row.y} width=${geo.width} height=${row.h}></rect>
    ${row.name ? svg`<text class="name" aria-hidden="true" x=${row.nameX} y=${row.nameY}>${row.name}</text>` : nothing}
    ${row.planned ? renderBar(row.planned, 'planned') : nothing}
    ${row.bar ? renderBar(row.bar, 'bar') : nothing}
    ${renderGhosts(row)}
    ${renderMarkShape(row)}
    ${renderLabels(row)}
    <rect class="focus-ring" x="1.5" y=${row.y + 1.5} width=${geo.width - 3} height=${row.h - 3} rx="3"></rect>
  </g>`;
}

function renderGroupHeader(row: GanttRow, geo: GanttGeometry): TemplateResult {
  const cy = geo.narrow ? row.y + 30 : row.y + row.h / 2;
  const tx = geo.narrow ? geo.plotX0 + 6 : 10;
  const ty = geo.narrow ? row.y + 10 : cy;
  const chevron = row.expanded ? `M${tx - 4},${ty - 2}l4,4l4,-4` : `M${tx - 2},${ty - 4}l4,4l-4,4`;
  return svg`<rect class="hit header-bg" x="0" y=${row.y} width=${geo.width} height=${row.h}></rect>
    <path class="chevron" d=${chevron}></path>
    ${row.name ? svg`<text class="name group-name" aria-hidden="true" x=${row.nameX} y=${row.nameY}>${row.name}</text>` : nothing}
    ${row.summary ? svg`<rect class="summary" x=${row.summary.x} y=${cy - 3} width=${row.summary.w} height="6" rx="1"></rect>` : nothing}
    <rect class="focus-ring" x="1.5" y=${row.y + 1.5} width=${geo.width - 3} height=${row.h - 3} rx="3"></rect>`;
}

/** The time axis (ticks, as-of and today markers): a separate SVG above the scrolling rows. Pure. */
export function renderGanttAxis(geo: GanttGeometry, labels: { asOf: string; today: string }): TemplateResult {
  const h = 30;
  const near = (x: number) => (x > geo.plotX1 - 90 ? 'end' : 'start');
  return svg`<svg class="axis" part="axis" aria-hidden="true" width=${geo.width} height=${h} viewBox="0 0 ${geo.width} ${h}">
    <line class="axis-line" x1=${geo.plotX0} x2=${geo.plotX1} y1=${h - 0.5} y2=${h - 0.5}></line>
    ${geo.ticks.map(
      (t) => svg`<g class="tick${t.major ? ' major' : ''}">
        <line x1=${t.x} x2=${t.x} y1=${h - 6} y2=${h}></line>
        <text x=${t.x} y="12" text-anchor="middle">${t.label}</text>
      </g>`,
    )}
    ${
      geo.asOfX !== null
        ? svg`<text class="asof-label" x=${geo.asOfX + (near(geo.asOfX) === 'end' ? -3 : 3)} y="24" text-anchor=${near(geo.asOfX)}>${labels.asOf}</text>`
        : nothing
    }
    ${
      geo.todayX !== null
        ? svg`<text class="today-label" x=${geo.todayX + (near(geo.todayX) === 'end' ? -3 : 3)} y="24" text-anchor=${near(geo.todayX)}>${labels.today}</text>`
        : nothing
    }
  </svg>`;
}

/**
 * The rows as an SVG tree (`role="tree"`: programmes are expandable `treeitem`s, items are their children),
 * drawing only the rows of `ctx.range` (virtualised) and the focused one. Pure.
 */
export function renderGanttBody(geo: GanttGeometry, ctx: GanttRenderContext): TemplateResult {
  const [first, last] = ctx.range;
  const shown: GanttRow[] = geo.rows.slice(first, last);
  if (ctx.extra !== undefined && (ctx.extra < first || ctx.extra >= last) && geo.rows[ctx.extra])
    shown.push(geo.rows[ctx.extra]!);
  // group the drawn rows under their programme's treeitem
  const groups = new Map<string, { header: GanttRow; items: GanttRow[] }>();
  const headerOf = new Map(geo.rows.filter((r) => r.kind === 'group').map((r) => [r.group.id, r]));
  for (const r of shown) {
    const header = headerOf.get(r.group.id)!;
    let g = groups.get(r.group.id);
    if (!g) groups.set(r.group.id, (g = { header, items: [] }));
    if (r.kind === 'item') g.items.push(r);
  }
  const [b0, b1] = ctx.band;
  return svg`<svg
    part="svg"
    class="gantt"
    role="tree"
    aria-label=${ctx.label}
    width=${geo.width}
    height=${geo.height}
    viewBox="0 0 ${geo.width} ${geo.height}"
  >
    <defs>
      <pattern id="gantt-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
      </pattern>
    </defs>
    <g class="grid" aria-hidden="true">
      ${geo.ticks.map((t) => svg`<line class=${t.major ? 'major' : ''} x1=${t.x} x2=${t.x} y1=${b0} y2=${b1}></line>`)}
      ${geo.narrow ? nothing : svg`<line class="divider" x1=${geo.plotX0 - 5} x2=${geo.plotX0 - 5} y1=${b0} y2=${b1}></line>`}
    </g>
    ${[...groups.values()].map(
      ({ header, items }) => svg`<g
        class="row group ${colour(header.colour)}${ctx.highlight === header.key ? ' active' : ''}${header.expanded ? '' : ' collapsed'}${link(ctx, header)}"
        part="mark"
        role="treeitem"
        aria-level="1"
        aria-setsize=${header.setSize}
        aria-posinset=${header.pos}
        aria-expanded=${header.expanded ? 'true' : 'false'}
        aria-label=${ctx.ariaLabel(header)}
        tabindex=${ctx.tabIndex(header.key)}
        data-key=${header.key}
      >
        ${renderGroupHeader(header, geo)}
        ${items.length ? svg`<g role="group">${items.map((r) => renderItemRow(r, geo, ctx))}</g>` : nothing}
      </g>`,
    )}
    <g class="deps" aria-hidden="true">
      ${geo.arrows.filter((a) => a.y1 >= b0 && a.y0 <= b1).map((a) => svg`<path class="dep" d=${a.d}></path>`)}
    </g>
    ${geo.asOfX !== null ? svg`<line class="asof" aria-hidden="true" x1=${geo.asOfX} x2=${geo.asOfX} y1=${b0} y2=${b1}></line>` : nothing}
    ${geo.todayX !== null ? svg`<line class="today" aria-hidden="true" x1=${geo.todayX} x2=${geo.todayX} y1=${b0} y2=${b1}></line>` : nothing}
  </svg>`;
}

const swatches: Record<string, TemplateResult> = {
  soft: svg`<g class="bar"><rect class="soft" x="1" y="3" width="7" height="8"></rect><rect class="fill" x="8" y="3" width="10" height="8"></rect><rect class="soft" x="18" y="3" width="7" height="8"></rect></g>`,
  open: svg`<g class="bar"><rect class="open" x="1" y="3" width="24" height="8"></rect></g>`,
  approx: svg`<defs><pattern id="gantt-legend-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line></pattern></defs><g class="bar approx"><rect class="fill" x="1" y="3" width="24" height="8"></rect><rect class="hatch" x="1" y="3" width="24" height="8"></rect></g>`,
  ghost: svg`<rect class="ghost" x="1" y="3" width="24" height="8"></rect>`,
  planned: svg`<g class="planned"><rect class="fill" x="1" y="5" width="24" height="4"></rect></g>`,
  derived: svg`<g class="bar derived"><rect class="fill" x="1" y="3" width="24" height="8"></rect></g>`,
  deps: svg`<path class="dep" d="M1,4H8V10H24M20,7L24,10L20,13"></path>`,
};

/** The legend: one entry per encoding drawn (from `describe/gantt.ts`), with the swatch of the marks. Pure. */
export function renderGanttLegend(items: readonly LegendItem[], label: string): TemplateResult {
  return html`<ul class="legend c1" part="legend" aria-label=${label}>
    ${items.map(
      (i) =>
        html`<li data-legend=${i.key}>
          <svg width="26" height="14" viewBox="0 0 26 14" aria-hidden="true">
            ${swatches[i.key] ?? nothing}</svg
          >${i.label}
        </li>`,
    )}
  </ul>`;
}
