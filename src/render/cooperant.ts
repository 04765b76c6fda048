import { html, svg, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { declaredRankClass, groupKey, type GroupByOption } from '../describe/cooperant';
import type { LegendItem } from '../describe/types';
import type { Translation } from '../i18n/translation';
import type { CooperantGeometry, CooperantMode, GroupBox, UnitBox } from '../layout/cooperant';
import { COOPERANT_GROUP_BYS, type CooperantGroupBy, type CooperantRank } from '../select/cooperant-posts';
import { PALETTE } from '../styles/palette';

export { groupKey } from '../describe/cooperant';

export interface CooperantRenderContext {
  /** Id of the element holding the summary sentence (labels the chart). */
  labelledBy: string;
  /** The accessible name of a mark by key (a unit key, or `group:<key>`), from `describe/`. */
  name: (key: string) => string;
  tabIndex: (key: string) => 0 | -1;
  /** The key of the highlighted unit or group (hover or focus), if any. */
  highlight?: string | undefined;
  /** Relation of a mark (by key) to a selection shared between widgets: `linked`, `dimmed`, or `''`. */
  link?: ((key: string) => 'linked' | 'dimmed' | '') | undefined;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A number for a path: one decimal at most, no trailing zeros. */
const n1 = (v: number) => String(round1(v));

/**
 * The outline of one unit in its cell of side `s` at (`x`, `y`), as one path (one element per unit: no group, no
 * transform), its shape by rank: senior officer ▬■, officer ■, NCO ●, not stated ◆, not itemised a hollow rounded
 * square; a rank the dataset declares (its index `declared`): ▲ or ▼ in turn (with a colour in turn, see
 * `unitClasses`).
 */
export function unitPath(
  rank: CooperantRank,
  s: number,
  hollow: boolean,
  declared?: number,
  x = 0,
  y = 0,
): string {
  if (hollow) {
    // the stroke (1.5) inside the cell: a square of s − 1.5 from (0.75, 0.75), corners of radius 2
    const w = round1(s - 1.5);
    const r = Math.min(2, w / 2);
    const side = n1(w - 2 * r);
    return `M${n1(x + 0.75 + r)},${n1(y + 0.75)}h${side}a${r},${r} 0 0 1 ${r},${r}v${side}a${r},${r} 0 0 1 -${r},${r}h-${side}a${r},${r} 0 0 1 -${r},-${r}v-${side}a${r},${r} 0 0 1 ${r},-${r}z`;
  }
  const h = n1(s / 2);
  const S = n1(s);
  if (declared !== undefined)
    return declared % 2 === 0
      ? `M${n1(x + s / 2)},${n1(y)}l${h},${S}h-${S}z`
      : `M${n1(x)},${n1(y)}h${S}l-${h},${S}z`;
  switch (rank) {
    case 'senior-officer': {
      const bar = Math.max(1, Math.round(s * 0.2));
      const top = Math.max(bar + 1, Math.round(s * 0.32));
      return `M${n1(x)},${n1(y)}h${S}v${bar}h-${S}zM${n1(x)},${n1(y + top)}h${S}v${n1(s - top)}h-${S}z`;
    }
    case 'officer': {
      const o = round1(s * 0.08);
      const side = n1(s * 0.84);
      return `M${n1(x + o)},${n1(y + o)}h${side}v${side}h-${side}z`;
    }
    case 'nco': {
      const r = round1(s * 0.46);
      return `M${n1(x + s / 2 - r)},${n1(y + s / 2)}a${r},${r} 0 1 0 ${n1(2 * r)},0a${r},${r} 0 1 0 -${n1(2 * r)},0z`;
    }
    default:
      return `M${n1(x + s / 2)},${n1(y)}l${h},${h}l-${h},${h}l-${h},-${h}z`;
  }
}

const BUILT_IN_RANKS: readonly string[] = ['senior-officer', 'officer', 'nco', 'not-stated'];

/**
 * CSS classes of a unit: its rank (colour; a rank the dataset declares is `rank-declared`, one colour for all of
 * them, drawn as a triangle), hollow when not itemised, dashed when approximate.
 */
export function unitClasses(u: UnitBox, highlight?: string, link = ''): string {
  const unit = u.unit;
  return [
    'mark',
    'unit',
    unit.kind === 'not-itemised'
      ? 'not-itemised'
      : BUILT_IN_RANKS.includes(unit.rank)
        ? `rank-${unit.rank}`
        : declaredRankClass(unit.rank, unit.declaredRank),
    unit.precision === 'approx' ? 'approx' : '',
    unit.precision === 'derived' ? 'derived' : '',
    highlight === u.key ? 'active' : '',
    link,
  ]
    .filter(Boolean)
    .join(' ');
}

/** An attribute written when its value changed (as a template's part writes it). */
const set = (el: Element, name: string, value: string) =>
  el.getAttribute(name) !== value && el.setAttribute(name, value);

/**
 * The units of a group as the children of its list (`<g role="list" ${unitPaths(units, ctx)}>`): one path per unit
 * (its shape at its place) carrying its role, name, tab stop and key, made and updated in one loop — not a template
 * instance per unit, whose five parts cost more than the path itself in a first paint (100 units: ~4 ms). The same
 * elements, attributes and order as a template per unit; paths are reused in order, the ones left over removed.
 */
class UnitPaths extends Directive {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  render(_units: readonly UnitBox[], _ctx: CooperantRenderContext): typeof nothing {
    return nothing;
  }
  override update(
    part: ElementPart,
    [units, ctx]: [readonly UnitBox[], CooperantRenderContext],
  ): typeof noChange {
    const list = part.element;
    let el = list.firstElementChild;
    for (const u of units) {
      if (!el) {
        el = list.appendChild(list.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'path'));
        el.setAttribute('part', 'mark');
        el.setAttribute('role', 'listitem');
      }
      const unit = u.unit;
      const hollow = unit.kind === 'not-itemised';
      set(el, 'class', unitClasses(u, ctx.highlight, ctx.link?.(u.key) ?? ''));
      set(el, 'aria-label', ctx.name(u.key));
      set(el, 'tabindex', String(ctx.tabIndex(u.key)));
      set(el, 'data-key', u.key);
      set(el, 'd', unitPath(unit.rank, u.size, hollow, hollow ? undefined : unit.declaredRank, u.x, u.y));
      el = el.nextElementSibling;
    }
    while (el) {
      const next = el.nextElementSibling;
      el.remove();
      el = next;
    }
    return noChange;
  }
}
const unitPaths = directive(UnitPaths);

/** The ring around a unit: the one highlighted (hover or focus) or one in a shared selection (dashed). */
function unitRing(u: UnitBox, kind: 'active' | 'linked'): TemplateResult {
  return svg`<rect class="focus-ring ring-${kind}" x=${u.x - 2.5} y=${u.y - 2.5} width=${u.size + 5} height=${u.size + 5} rx="3"></rect>`;
}

function groupClasses(g: GroupBox): string {
  return ['group', `kind-${g.group.kind}`, g.group.approx ? 'approx' : ''].filter(Boolean).join(' ');
}

function renderLabels(g: GroupBox, geo: CooperantGeometry): TemplateResult {
  const name =
    g.nameLines.length > 1
      ? svg`<text class="label name" part="label" aria-hidden="true" x=${g.labelX} y=${g.labelY}>${g.nameLines.map(
          (l, i) => svg`<tspan x=${g.labelX} dy=${i ? '1.35em' : 0}>${l}</tspan>`,
        )}</text>`
      : g.name
        ? svg`<text class="label name" part="label" aria-hidden="true" x=${g.labelX} y=${g.labelY}>${g.name}</text>`
        : nothing;
  return svg`${name}<text
      class="label count"
      part="label"
      aria-hidden="true"
      text-anchor=${geo.mode === 'units' && geo.stacked ? 'end' : 'start'}
      x=${g.countX}
      y=${g.countY}
    >${g.count}</text>`;
}

function renderBar(g: GroupBox): TemplateResult | typeof nothing {
  const b = g.bar;
  if (!b) return nothing;
  return svg`${b.solid > 0 ? svg`<rect class="bar solid" x=${b.x} y=${b.y} width=${b.solid} height=${b.h}></rect>` : nothing}${
    b.hollow > 0
      ? svg`<rect class="bar hollow ${g.group.approx ? 'approx' : ''}" x=${b.x + b.solid + 0.75} y=${b.y + 0.75} width=${Math.max(0, b.hollow - 1.5)} height=${b.h - 1.5}></rect>`
      : nothing
  }`;
}

/** A focusable group (bars mode, or units on canvas): its label, bar, and a hit and focus box. */
function renderFocusGroup(g: GroupBox, geo: CooperantGeometry, ctx: CooperantRenderContext): TemplateResult {
  const key = groupKey(g.key);
  return svg`<g
    class=${[groupClasses(g), 'focusable', ctx.highlight === key ? 'active' : '', ctx.link?.(key) ?? '']
      .filter(Boolean)
      .join(' ')}
    part="mark"
    role="listitem"
    aria-label=${ctx.name(key)}
    tabindex=${ctx.tabIndex(key)}
    data-key=${key}
  >
    <rect class="hit" x=${g.x} y=${g.y - 2} width=${g.w} height=${g.h + 4}></rect>
    ${renderLabels(g, geo)}${renderBar(g)}
    <rect class="focus-ring" x=${g.x + 1} y=${g.y - 3} width=${Math.max(0, g.w - 2)} height=${g.h + 6} rx="3"></rect>
  </g>`;
}

/**
 * The cooperant chart from its geometry. Units mode: each group a `role="list"` of `listitem` units (shapes by
 * rank, hollow when not itemised, dashed when approximate). Bars mode, or units on canvas: one list of groups. Pure.
 */
export function renderCooperant(geo: CooperantGeometry, ctx: CooperantRenderContext): TemplateResult {
  const byGroup = new Map<string, UnitBox[]>();
  if (geo.mode === 'units' && !geo.canvas)
    for (const u of geo.units) {
      let list = byGroup.get(u.groupKey);
      if (!list) byGroup.set(u.groupKey, (list = []));
      list.push(u);
    }
  const body =
    geo.mode === 'bars' || geo.canvas
      ? svg`<g role="list">${geo.groups.map((g) => renderFocusGroup(g, geo, ctx))}</g>`
      : geo.groups.map(
          (g) =>
            svg`<g class=${groupClasses(g)}>${renderLabels(g, geo)}<g role="list" aria-label=${ctx.name(groupKey(g.key))} ${unitPaths(byGroup.get(g.key) ?? [], ctx)}></g></g>`,
        );
  // rings above every unit, drawn only where one shows: the highlighted unit, the units of a shared selection
  const rings: TemplateResult[] = [];
  if (geo.mode === 'units' && !geo.canvas && (ctx.highlight !== undefined || ctx.link))
    for (const u of geo.units)
      if (u.key === ctx.highlight) rings.push(unitRing(u, 'active'));
      else if (ctx.link?.(u.key) === 'linked') rings.push(unitRing(u, 'linked'));
  // a unit drawn on canvas that the pointer is on: a ring in SVG (the canvas is painted once per geometry)
  const pointed = geo.canvas && ctx.highlight ? geo.units.find((u) => u.key === ctx.highlight) : undefined;
  const ring = pointed
    ? svg`<rect class="unit-ring" x=${pointed.x - 1.5} y=${pointed.y - 1.5} width=${pointed.size + 3} height=${pointed.size + 3}></rect>`
    : nothing;
  return svg`<svg
    part="svg"
    data-plot
    class=${['cooperant', geo.mode, geo.canvas ? 'on-canvas' : ''].filter(Boolean).join(' ')}
    role="group"
    aria-labelledby=${ctx.labelledBy}
    width=${geo.width}
    height=${geo.height}
    viewBox="0 0 ${geo.width} ${geo.height}"
  >${body}${rings}${ring}</svg>`;
}

/** A legend swatch: a unit of the rank (symbol), a hollow or dashed unit, or a bar segment, as drawn in the chart. */
function legendSwatch(item: LegendItem): TemplateResult {
  if (item.swatch === 'symbol')
    return html`<svg width="14" height="14" viewBox="-1 -1 16 16" aria-hidden="true">
      <path
        class="unit ${item.className ?? ''}"
        d=${unitPath(
          item.key as CooperantRank,
          14,
          false,
          item.className?.includes('rank-declared')
            ? Number(/declared-k(\d+)/.exec(item.className)?.[1] ?? 0)
            : undefined,
        )}
      ></path>
    </svg>`;
  if (item.className?.startsWith('not-itemised'))
    return html`<svg width="14" height="14" viewBox="-1 -1 16 16" aria-hidden="true">
      <path class="unit ${item.className}" d=${unitPath('not-stated', 14, true)}></path>
    </svg>`;
  return html`<svg width="14" height="14" aria-hidden="true">
    <rect class="swatch ${item.className ?? ''}" x="0.75" y="0.75" width="12.5" height="12.5"></rect>
  </svg>`;
}

/** The legend of the cooperant chart, from its items (`describe/`): each swatch drawn like the marks it names. */
export function renderCooperantLegend(
  items: readonly LegendItem[],
  label: string,
): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  return html`<ul class="legend" part="legend" aria-label=${label}>
    ${items.map((item) => html`<li data-legend=${item.key}>${legendSwatch(item)}${item.label}</li>`)}
  </ul>`;
}

export interface CooperantControls {
  groupBy: CooperantGroupBy;
  /** The group-by options in the order offered, with their words (`describe/`). */
  groupByOptions: readonly GroupByOption[];
  /** The years of the data; a year picker is drawn when there are several (not when grouping by year). */
  years: readonly number[];
  /** The year shown (`'2011'`) or `'all'`. */
  year: string;
  /** The mode drawn, and the words of the units/bars toggle. */
  mode: CooperantMode;
  modeWords: { label: string; options: Record<CooperantMode, string> };
  onGroupBy: (by: CooperantGroupBy) => void;
  onYear: (year: string) => void;
  onMode: (mode: CooperantMode) => void;
}

/** The group-by select, the year select and the units/bars toggle (two pressed-state buttons). */
export function renderCooperantControls(c: CooperantControls, t: Translation): TemplateResult {
  const s = t.cooperant;
  const change = (e: Event) => (e.target as HTMLSelectElement).value;
  const modes: CooperantMode[] = ['units', 'bars'];
  return html`<div class="toolbar" part="controls">
    <label
      >${s.groupBy}
      <select
        @change=${(e: Event) => {
          const by = change(e) as CooperantGroupBy;
          if (COOPERANT_GROUP_BYS.includes(by)) c.onGroupBy(by);
        }}
        .value=${c.groupBy}
      >
        ${c.groupByOptions.map(
          (o) => html`<option value=${o.value} ?selected=${o.value === c.groupBy}>${o.label}</option>`,
        )}
      </select>
    </label>
    ${
      c.years.length < 2 || c.groupBy === 'year'
        ? nothing
        : html`<label
            >${s.yearControl}
            <select @change=${(e: Event) => c.onYear(change(e))} .value=${c.year}>
              ${c.years.map((y) => html`<option value=${y} ?selected=${c.year === String(y)}>${y}</option>`)}
              <option value="all" ?selected=${c.year === 'all'}>${s.allYears}</option>
            </select>
          </label>`
    }
    <span class="mode-toggle" role="group" aria-label=${c.modeWords.label}
      ><span class="mode-label" aria-hidden="true">${c.modeWords.label}</span>${modes.map(
        (m) =>
          html`<button
            type="button"
            data-mode=${m}
            aria-pressed=${c.mode === m ? 'true' : 'false'}
            @click=${() => c.onMode(m)}
          >
            ${c.modeWords.options[m]}
          </button>`,
      )}</span
    >
  </div>`;
}

/** The note said when the chart draws bars by itself (`describe/`), or nothing. */
export function renderCooperantNote(note: string): TemplateResult | typeof nothing {
  return note ? html`<p class="note" role="status">${note}</p>` : nothing;
}

/**
 * Paints the units on a canvas (past the SVG limit), with the same shapes as in SVG while they are big enough to tell
 * apart. `colour` reads a theme custom property.
 */
export function paintCooperantUnits(
  ctx: CanvasRenderingContext2D,
  g: CooperantGeometry,
  colour: (name: string, fallback: string) => string,
): void {
  const fills: Record<string, string> = {
    'senior-officer': colour('--_cat-1', PALETTE[0]),
    officer: colour('--_cat-2', PALETTE[1]),
    nco: colour('--_cat-3', PALETTE[2]),
    'not-stated': colour('--_unknown', '#6e7781'),
  };
  const fg = colour('--_fg', '#1b1f24');
  const s = g.unitSize;
  for (const u of g.units) {
    const unit = u.unit;
    if (unit.kind === 'not-itemised') {
      ctx.strokeStyle = fg;
      ctx.lineWidth = 1;
      ctx.setLineDash(unit.precision === 'approx' && s >= 6 ? [2, 2] : []);
      ctx.strokeRect(u.x + 0.5, u.y + 0.5, Math.max(1, s - 1), Math.max(1, s - 1));
      continue;
    }
    ctx.fillStyle =
      fills[unit.rank] ??
      [colour('--_cat-4', PALETTE[3]), colour('--_cat-5', PALETTE[4]), colour('--_cat-6', PALETTE[5])][
        (unit.declaredRank ?? 0) % 3
      ]!;
    if (unit.rank === 'nco' && s >= 4) {
      ctx.beginPath();
      ctx.arc(u.x + s / 2, u.y + s / 2, s * 0.46, 0, Math.PI * 2);
      ctx.fill();
    } else if (unit.rank === 'not-stated' && s >= 5) {
      ctx.beginPath();
      ctx.moveTo(u.x + s / 2, u.y);
      ctx.lineTo(u.x + s, u.y + s / 2);
      ctx.lineTo(u.x + s / 2, u.y + s);
      ctx.lineTo(u.x, u.y + s / 2);
      ctx.fill();
    } else if (unit.rank === 'senior-officer' && s >= 6) {
      const bar = Math.max(1, Math.round(s * 0.2));
      const top = Math.max(bar + 1, Math.round(s * 0.32));
      ctx.fillRect(u.x, u.y, s, bar);
      ctx.fillRect(u.x, u.y + top, s, s - top);
    } else ctx.fillRect(u.x, u.y, s, s);
  }
  ctx.setLineDash([]);
}
