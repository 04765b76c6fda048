import { html, nothing, svg, type TemplateResult } from 'lit';
import { cssom } from './cssom';
import type { ZoomController } from '../controllers/zoom';
import type { GanttEdgeWords } from '../describe/gantt';
import type { GanttStrings } from '../i18n/strings/gantt';
import { renderZoomToolbar } from './zoom-toolbar';
import type { LegendItem } from '../describe/types';
import {
  cellKey,
  GRID_COLUMNS,
  NAME_LINE,
  type AxisLabel,
  type GanttBar,
  type GanttGeometry,
  type GanttRow,
  type GridColumn,
  type Seg,
} from '../layout/gantt';
import { colourClass } from '../styles/palette';

export interface GanttRenderContext {
  /** Summary label of the whole chart. */
  label: string;
  /** The accessible name of a row (from `describe/gantt.ts`). */
  ariaLabel: (row: GanttRow) => string;
  /** The accessible name of a cell (from `describe/gantt.ts`); cells are drawn only with it. */
  cellLabel?: ((row: GanttRow, col: GridColumn) => string) | undefined;
  /** The column headers, in the order of `GRID_COLUMNS`. */
  columns?: readonly string[] | undefined;
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

/** CSS class of a programme's colour index: the one mapping of styles/palette.ts (`c1`…`c10`, past them `other`). */
const colour = colourClass;

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
      svg`${l.plate ? svg`<rect class="plate" x=${l.plate.x} y=${l.y - 10} width=${l.plate.w} height="13" rx="2"></rect>` : nothing}<text class="lbl ${l.kind}" part="label" aria-hidden="true" x=${l.x} y=${l.y} text-anchor=${l.anchor}>${l.text}</text>`,
  );
}

function renderName(row: GanttRow, cls: string): TemplateResult[] {
  return row.nameLines.map(
    (line, i) =>
      svg`<text class=${cls} aria-hidden="true" x=${row.nameX} y=${row.nameY + i * NAME_LINE}>${line}</text>`,
  );
}

/** The focus box of a cell: the name, the start or end of what is drawn, or all of it with its labels. */
function cellBox(
  row: GanttRow,
  col: GridColumn,
  geo: GanttGeometry,
): { x: number; y: number; w: number; h: number } {
  const top = row.y + 2;
  const h = row.h - 4;
  if (col === 'name') {
    if (!geo.narrow) return { x: 2, y: top, w: geo.plotX0 - 9, h };
    return {
      x: geo.plotX0 - 3,
      y: top,
      w: geo.plotX1 - geo.plotX0 + 6,
      h: Math.max(1, row.nameLines.length) * NAME_LINE + 2,
    };
  }
  const e = row.extent ?? { x: geo.plotX0, w: geo.plotX1 - geo.plotX0 };
  const band = geo.narrow
    ? { y: row.nameY + (row.nameLines.length - 1) * NAME_LINE + 2, h: 0 }
    : { y: top, h };
  const bh = geo.narrow ? row.y + row.h - 2 - band.y : band.h;
  const edge = Math.min(e.w, 24);
  if (col === 'start') return { x: e.x - 4, y: band.y, w: edge + 8, h: bh };
  if (col === 'end') return { x: e.x + e.w - edge - 4, y: band.y, w: edge + 8, h: bh };
  return { x: e.x - 6, y: band.y, w: e.w + 12, h: bh };
}

function renderCells(
  row: GanttRow,
  geo: GanttGeometry,
  ctx: GanttRenderContext,
): TemplateResult | typeof nothing {
  const label = ctx.cellLabel;
  if (!label) return nothing;
  return svg`${GRID_COLUMNS.map((col) => {
    const key = cellKey(row.key, col);
    const b = cellBox(row, col, geo);
    return svg`<g class="cell" role="gridcell" aria-label=${label(row, col)} tabindex=${ctx.tabIndex(key)} data-key=${key}
      ><rect class="cell-ring" x=${b.x} y=${b.y} width=${Math.max(1, b.w)} height=${Math.max(1, b.h)} rx="3"></rect
    ></g>`;
  })}`;
}

function rowAttrs(row: GanttRow, index: number, ctx: GanttRenderContext) {
  return { index: index + 2, label: ctx.ariaLabel(row), tab: ctx.tabIndex(row.key) };
}

function renderItemRow(
  row: GanttRow,
  index: number,
  geo: GanttGeometry,
  ctx: GanttRenderContext,
): TemplateResult {
  const item = row.item!;
  const a = rowAttrs(row, index, ctx);
  return svg`<g
    class="row item ${item.kind} ${colour(row.colour)}${ctx.highlight === row.key ? ' active' : ''}${link(ctx, row)}"
    part="mark"
    role="row"
    aria-level="2"
    aria-setsize=${row.setSize}
    aria-posinset=${row.pos}
    aria-rowindex=${a.index}
    aria-label=${a.label}
    tabindex=${a.tab}
    data-key=${row.key}
  >
    <rect class="hit" x="0" y=${row.y} width=${geo.width} height=${row.h}></rect>
    ${renderName(row, 'name')}
    ${row.planned ? renderBar(row.planned, 'planned') : nothing}
    ${row.bar ? renderBar(row.bar, 'bar') : nothing}
    ${renderGhosts(row)}
    ${renderMarkShape(row)}
    ${renderLabels(row)}
    <rect class="focus-ring" x="1.5" y=${row.y + 1.5} width=${geo.width - 3} height=${row.h - 3} rx="3"></rect>
    ${renderCells(row, geo, ctx)}
  </g>`;
}

function renderGroupRow(
  row: GanttRow,
  index: number,
  geo: GanttGeometry,
  ctx: GanttRenderContext,
): TemplateResult {
  const a = rowAttrs(row, index, ctx);
  const cy = geo.narrow ? row.y + row.h - 10 : row.y + row.h / 2;
  const tx = geo.narrow ? geo.plotX0 + 6 : 10;
  const ty = geo.narrow ? row.y + 10 : cy;
  const chevron = row.expanded ? `M${tx - 4},${ty - 2}l4,4l4,-4` : `M${tx - 2},${ty - 4}l4,4l-4,4`;
  return svg`<g
    class="row group ${colour(row.colour)}${ctx.highlight === row.key ? ' active' : ''}${row.expanded ? '' : ' collapsed'}${link(ctx, row)}"
    part="mark"
    role="row"
    aria-level="1"
    aria-setsize=${row.setSize}
    aria-posinset=${row.pos}
    aria-rowindex=${a.index}
    aria-expanded=${row.expanded ? 'true' : 'false'}
    aria-label=${a.label}
    tabindex=${a.tab}
    data-key=${row.key}
  >
    <rect class="hit header-bg" x="0" y=${row.y} width=${geo.width} height=${row.h}></rect>
    <path class="chevron" data-no-export d=${chevron}></path>
    ${renderName(row, 'name group-name')}
    ${row.summary ? svg`<rect class="summary" x=${row.summary.x} y=${cy - 3} width=${row.summary.w} height="6" rx="1"></rect>` : nothing}
    <rect class="focus-ring" x="1.5" y=${row.y + 1.5} width=${geo.width - 3} height=${row.h - 3} rx="3"></rect>
    ${renderCells(row, geo, ctx)}
  </g>`;
}

/** The time axis (ticks, as-of and today labels, measured and placed by the layout): an SVG above the rows. Pure. */
export function renderGanttAxis(geo: GanttGeometry): TemplateResult {
  const h = 24;
  const label = (l: AxisLabel | null, cls: string) =>
    l ? svg`<text class=${cls} x=${l.x} y="12" text-anchor=${l.anchor}>${l.text}</text>` : nothing;
  return svg`<svg class="axis" part="axis" aria-hidden="true" width=${geo.width} height=${h} viewBox="0 0 ${geo.width} ${h}">
    <line class="axis-line" x1=${geo.plotX0} x2=${geo.plotX1} y1=${h - 0.5} y2=${h - 0.5}></line>
    ${geo.ticks.map(
      (t) => svg`<g class="tick${t.major ? ' major' : ''}">
        <line x1=${t.x} x2=${t.x} y1=${h - 6} y2=${h}></line>
        ${t.label ? svg`<text x=${t.x} y="12" text-anchor="middle">${t.label}</text>` : nothing}
      </g>`,
    )}
    ${geo.asOfX !== null ? svg`<line class="asof" x1=${geo.asOfX} x2=${geo.asOfX} y1="2" y2=${h}></line>` : nothing}
    ${geo.todayX !== null ? svg`<line class="today" x1=${geo.todayX} x2=${geo.todayX} y1="2" y2=${h}></line>` : nothing}
    ${label(geo.asOfLabel, 'asof-label')}
    ${label(geo.todayLabel, 'today-label')}
  </svg>`;
}

/**
 * The rows as an SVG treegrid (`role="treegrid"`): a row per programme (expandable) and per item, flat with their
 * level, each with four gridcells (name, start, end, precision and doubts) after a header row; only the rows of
 * `ctx.range` (virtualised) and the focused one are drawn, with `aria-rowindex` and `aria-rowcount`. Pure.
 */
export function renderGanttBody(geo: GanttGeometry, ctx: GanttRenderContext): TemplateResult {
  const [first, last] = ctx.range;
  const shown: number[] = [];
  for (let i = first; i < last; i++) shown.push(i);
  if (ctx.extra !== undefined && (ctx.extra < first || ctx.extra >= last) && geo.rows[ctx.extra])
    shown.push(ctx.extra);
  const [b0, b1] = ctx.band;
  const columns = ctx.columns ?? [];
  return svg`<svg
    part="svg"
    class="gantt"
    role="treegrid"
    aria-label=${ctx.label}
    aria-rowcount=${geo.rows.length + 1}
    aria-colcount=${GRID_COLUMNS.length}
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
    <g class="deps" aria-hidden="true">
      ${geo.arrows.filter((a) => a.y1 >= b0 && a.y0 <= b1).map((a) => svg`<path class="dep" d=${a.d}></path>`)}
    </g>
    ${
      columns.length
        ? svg`<g role="row" class="heads" aria-rowindex="1">${columns.map(
            (c) => svg`<g role="columnheader"><text class="head" x="0" y="10">${c}</text></g>`,
          )}</g>`
        : nothing
    }
    ${shown.map((i) => {
      const r = geo.rows[i]!;
      return r.kind === 'group' ? renderGroupRow(r, i, geo, ctx) : renderItemRow(r, i, geo, ctx);
    })}
    ${vertical(geo, geo.asOfX, 'asof', shown, b0, b1)}${vertical(geo, geo.todayX, 'today', shown, b0, b1)}
  </svg>`;
}

/**
 * The toolbar: zoom out, in, show all (once all is shown: back to the opening window), earlier, later, the window shown,
 * and the keyboard and wheel hint (shown while the chart has focus or after a plain wheel).
 */
export function renderGanttToolbar(
  zoom: ZoomController,
  t: GanttStrings,
  /** `hint`: null where there is no room for it (narrow charts). */
  state: {
    /** The whole extent is shown; `back`: a zoom or "show all" left the opening window. */
    whole: boolean;
    back: boolean;
    window: string;
    hint: boolean | null;
    pan: (direction: -1 | 1) => void;
  },
): TemplateResult {
  return html`<div class="toolbar" role="toolbar" aria-label=${t.toolbar}>
    ${renderZoomToolbar(
      zoom,
      {
        label: t.toolbar,
        zoomIn: t.zoomIn,
        zoomOut: t.zoomOut,
        reset: state.whole ? t.zoomOpening : t.zoomReset,
      },
      !state.whole || state.back,
    )}
    <button type="button" class="earlier" aria-label=${t.earlier} @click=${() => state.pan(-1)}>◀</button>
    <button type="button" class="later" aria-label=${t.later} @click=${() => state.pan(1)}>▶</button>
    <span class="window" aria-live="polite">${state.window}</span>
    ${state.hint === null ? nothing : html`<span class="hint${state.hint ? ' on' : ''}" aria-hidden="true">${t.hint}</span>`}
  </div>`;
}

/**
 * The as-of or today line across the rows; narrow, where names are written above the bars across the plot, it
 * stops at each name (a piece per row, under its name), so no name is crossed.
 */
function vertical(
  geo: GanttGeometry,
  x: number | null,
  cls: string,
  shown: number[],
  b0: number,
  b1: number,
) {
  if (x === null) return nothing;
  if (!geo.narrow)
    return svg`<line class=${cls} aria-hidden="true" x1=${x} x2=${x} y1=${b0} y2=${b1}></line>`;
  return shown.map((i) => {
    const r = geo.rows[i]!;
    const top = r.nameLines.length ? r.nameY + (r.nameLines.length - 1) * NAME_LINE + 4 : r.y;
    return svg`<line class=${cls} aria-hidden="true" x1=${x} x2=${x} y1=${top} y2=${r.y + r.h}></line>`;
  });
}

/** Markers at the edges of the window counting the items beyond it; each shows the whole extent. */
export function renderGanttEdges(
  geo: GanttGeometry,
  words: GanttEdgeWords,
  showAll: () => void,
): TemplateResult | typeof nothing {
  if (!words.before && !words.after) return nothing;
  const button = (text: string, name: string, cls: string) =>
    text
      ? html`<button
          type="button"
          class="edge ${cls}"
          title=${words.action}
          aria-label=${name}
          @click=${showAll}
        >
          ${text}
        </button>`
      : html`<span></span>`;
  // the counts travel into the exports as a note under the chart (data-export-note)
  return html`<div
    class="edges"
    data-export-note
    ${cssom({ 'padding-inline': `${geo.plotX0 - 4}px ${geo.width - geo.plotX1 - 4}px` })}
  >
    ${button(words.before, words.beforeName, 'before')}${button(words.after, words.afterName, 'after')}
  </div>`;
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
