import { svg, nothing, type TemplateResult } from 'lit';
import type { CooperantGeometry, GroupBox, UnitBox } from '../layout/cooperant';
import type { CooperantRank } from '../select/cooperant-posts';

export interface CooperantRenderContext {
  /** Id of the element holding the summary sentence (labels the chart). */
  labelledBy: string;
  unitLabel: (u: UnitBox) => string;
  groupLabel: (g: GroupBox) => string;
  tabIndex: (key: string) => 0 | -1;
  /** The key of the highlighted unit or group (hover or focus), if any. */
  highlight?: string | undefined;
  /** Relation to a selection shared between widgets: `linked`, `dimmed`, or `''` when nothing is selected. */
  link?: ((u: UnitBox | GroupBox) => 'linked' | 'dimmed' | '') | undefined;
}

/** Focus key of a group (bars mode and canvas mode focus groups, not units). */
export const groupKey = (key: string) => `group:${key}`;

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The mark of one unit at the origin, its shape by rank: senior officer ▬■, officer ■, NCO ●, not stated ◆. */
export function unitShape(rank: CooperantRank, s: number, hollow: boolean): TemplateResult {
  if (hollow)
    return svg`<rect class="shape" x="0.75" y="0.75" width=${round1(s - 1.5)} height=${round1(s - 1.5)} rx="2"></rect>`;
  switch (rank) {
    case 'senior-officer': {
      const bar = Math.max(1, Math.round(s * 0.2));
      const top = Math.max(bar + 1, Math.round(s * 0.32));
      return svg`<rect class="shape" x="0" y="0" width=${s} height=${bar}></rect><rect class="shape" x="0" y=${top} width=${s} height=${s - top}></rect>`;
    }
    case 'officer':
      return svg`<rect class="shape" x=${round1(s * 0.08)} y=${round1(s * 0.08)} width=${round1(s * 0.84)} height=${round1(s * 0.84)}></rect>`;
    case 'nco':
      return svg`<circle class="shape" cx=${s / 2} cy=${s / 2} r=${round1(s * 0.46)}></circle>`;
    default: {
      const h = s / 2;
      return svg`<polygon class="shape" points="${h},0 ${s},${h} ${h},${s} 0,${h}"></polygon>`;
    }
  }
}

/** CSS classes of a unit: its rank (colour), hollow when not itemised, dashed when approximate. */
export function unitClasses(u: UnitBox, highlight?: string, link = ''): string {
  const unit = u.unit;
  return [
    'mark',
    'unit',
    unit.kind === 'not-itemised' ? 'not-itemised' : `rank-${unit.rank}`,
    unit.precision === 'approx' ? 'approx' : '',
    unit.precision === 'derived' ? 'derived' : '',
    highlight === u.key ? 'active' : '',
    link,
  ]
    .filter(Boolean)
    .join(' ');
}

function renderUnit(u: UnitBox, ctx: CooperantRenderContext): TemplateResult {
  const s = u.size;
  const tabIndex = ctx.tabIndex(u.key);
  const link = ctx.link?.(u) ?? '';
  const ring = tabIndex === 0 || ctx.highlight === u.key || link === 'linked';
  return svg`<g
    class=${unitClasses(u, ctx.highlight, link)}
    part="mark"
    role="listitem"
    aria-label=${ctx.unitLabel(u)}
    tabindex=${tabIndex}
    data-key=${u.key}
    transform="translate(${u.x},${u.y})"
  >${unitShape(u.unit.rank, s, u.unit.kind === 'not-itemised')}${
    // only the unit in the tab order (the one that can have focus) or the highlighted one needs a ring: fewer nodes
    ring
      ? svg`<rect class="focus-ring" x="-2.5" y="-2.5" width=${s + 5} height=${s + 5} rx="3"></rect>`
      : nothing
  }</g>`;
}

function groupClasses(g: GroupBox): string {
  return ['group', `kind-${g.group.kind}`, g.group.approx ? 'approx' : ''].filter(Boolean).join(' ');
}

function renderLabels(g: GroupBox, geo: CooperantGeometry): TemplateResult {
  return svg`${g.name ? svg`<text class="label name" part="label" aria-hidden="true" x=${g.labelX} y=${g.labelY}>${g.name}</text>` : nothing}<text
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
    class=${[groupClasses(g), 'focusable', ctx.highlight === key ? 'active' : '', ctx.link?.(g) ?? '']
      .filter(Boolean)
      .join(' ')}
    part="mark"
    role="listitem"
    aria-label=${ctx.groupLabel(g)}
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
            svg`<g class=${groupClasses(g)}>${renderLabels(g, geo)}<g role="list" aria-label=${ctx.groupLabel(g)}>${(
              byGroup.get(g.key) ?? []
            ).map((u) => renderUnit(u, ctx))}</g></g>`,
        );
  return svg`<svg
    part="svg"
    class=${['cooperant', geo.mode, geo.canvas ? 'on-canvas' : ''].filter(Boolean).join(' ')}
    role="group"
    aria-labelledby=${ctx.labelledBy}
    width=${geo.width}
    height=${geo.height}
    viewBox="0 0 ${geo.width} ${geo.height}"
  >${body}</svg>`;
}
