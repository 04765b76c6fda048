import { html, svg, nothing, type TemplateResult } from 'lit';
import { cssom } from './cssom';
import { repeat } from 'lit/directives/repeat.js';
import { styleClass } from '../describe/facility-map';
import { slug, styleSymbol, type BaseMap, type MapMarker, type MarksLayout } from '../layout/facility-map';
import type { MapZoom, TextLookup } from '../layout/facility-map';

export { kindClass, styleClass } from '../describe/facility-map';

/** The chevron of an edge marker points out through its edge. */
const SIDE_ANGLE = { n: -90, e: 0, s: 90, w: 180 } as const;

/** How a marker stands to the selection shared through `<parsec-dataset>`. */
export type LinkState = 'linked' | 'dimmed' | undefined;

export interface FacilityMapRenderContext {
  /** Summary label of the whole map. */
  label: string;
  /** Label of the list of places. */
  listLabel: string;
  /** The accessible name of a marker or ring item, by key (from `describe/`). */
  name: (key: string) => string;
  /** Place names by group key: the accessible name of each place's list item. */
  places: TextLookup;
  /** Label of the list of the open cluster's items. */
  ringLabel: string;
  tabIndex: (key: string) => 0 | -1;
  highlight?: string | undefined;
  /** Scale-bar text (`50 km`). */
  scaleText: string;
  attribution: string;
  /** Markers drawn in SVG (false: on canvas, SVG keeps only focus targets for labelled markers). */
  svgMarkers: boolean;
  /** Keys of the markers that keep an SVG focus target in canvas mode. */
  focusKeys?: ReadonlySet<string> | undefined;
  /** Markers related to the shared selection are outlined, the others dimmed. */
  link?: ((m: MapMarker) => LinkState) | undefined;
}

/** The base map (countries, the geometry's regions, region outlines of region-only items) under the zoom transform. */
export function renderBaseMap(base: BaseMap, marks: MarksLayout): TemplateResult {
  const outlined = new Set(
    marks.markers
      .filter((m) => m.group.anchor.type === 'region')
      .map((m) => (m.group.anchor as { region: string }).region),
  );
  // a region is outlined when a region-only item names it (by id, or by its id or name as a slug)
  const named = (r: BaseMap['regions'][number]) =>
    outlined.has(r.id) || outlined.has(slug(r.id)) || outlined.has(slug(r.name));
  return svg`<svg class="basemap" aria-hidden="true" width=${base.width} height=${base.height} viewBox="0 0 ${base.width} ${base.height}">
    <rect class="water" width=${base.width} height=${base.height}></rect>
    <g class="zoom" transform=${marks.transform}>
      ${base.graticule ? svg`<path class="graticule" d=${base.graticule}></path>` : nothing}
      ${base.countries.map((c) => svg`<path class=${c.focus ? 'country focus' : 'country'} d=${c.d}></path>`)}
      ${base.regions.map((r) => svg`<path class=${r.focus ? 'region focus' : 'region'} d=${r.d}></path>`)}
      ${base.regions.filter(named).map((r) => svg`<path class="region-outline" d=${r.d}></path>`)}
    </g>
  </svg>`;
}

function shape(m: MapMarker): TemplateResult {
  if (m.shape === 'cluster')
    return svg`<circle class="cluster" r=${m.r}></circle>${m.segments.map(
      (s) => svg`<path class="segment ${styleClass(s.style)}" d=${s.d}></path>`,
    )}<text class="badge-in" y="4">${m.badge}</text>`;
  const item = m.group.items[0]!;
  return svg`<path class="symbol ${item.state}" d=${styleSymbol(item.style)}></path>${
    m.badge ? svg`<text class="badge" x=${m.r + 2} y="4">${m.badge}</text>` : nothing
  }`;
}

function markerClasses(m: MapMarker, highlight: string | undefined, link: LinkState): string {
  const single = m.shape !== 'cluster' ? m.group.items[0]! : null;
  return [
    'mark',
    'marker',
    single ? styleClass(single.style) : 'many',
    m.region ? 'region' : '',
    m.group.approx ? 'approx' : '',
    single && single.state === 'undated' ? 'undated' : '',
    m.group.items.every((i) => i.state === 'undated') ? 'all-undated' : '',
    highlight === m.key ? 'active' : '',
    link ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}

function renderRing(m: MapMarker, marks: MarksLayout, ctx: FacilityMapRenderContext): TemplateResult {
  const p = marks.panel;
  const edge = p ? (p.x > m.x ? p.x : p.x + p.w) : m.x;
  return svg`${
    p
      ? svg`<line class="spoke" x1=${m.x} y1=${m.y} x2=${edge} y2=${Math.max(p.y + 6, Math.min(p.y + p.h - 6, m.y))}></line>
      <rect class="panel" x=${p.x} y=${p.y} width=${p.w} height=${p.h} rx="4"></rect>`
      : nothing
  }<g role="list" aria-label=${ctx.ringLabel}>
    ${m.ring.map(
      (it) => svg`<g role="listitem">
        <g
          class="mark item ${styleClass(it.item.style)} ${it.item.state} ${ctx.highlight === it.key ? 'active' : ''}"
          part="mark"
          role="button"
          tabindex=${ctx.tabIndex(it.key)}
          data-key=${it.key}
          aria-label=${ctx.name(it.key)}
          transform="translate(${it.x},${it.y})"
        >
          <circle class="hit" r="11"></circle>
          <path class="symbol ${it.item.state}" d=${styleSymbol(it.item.style, 90)}></path>
          <circle class="focus-ring" r="12"></circle>
        </g>
      </g>`,
    )}
  </g>`;
}

function renderMarker(m: MapMarker, ctx: FacilityMapRenderContext): TemplateResult {
  const draw = ctx.svgMarkers;
  const link = ctx.link?.(m);
  return svg`<g role="listitem" aria-label=${ctx.places.get(m.group.key) ?? ''}>
    <g
      class=${draw ? markerClasses(m, ctx.highlight, link) : `mark focus-only ${ctx.highlight === m.key ? 'active' : ''} ${link ?? ''}`}
      part="mark"
      role="button"
      tabindex=${ctx.tabIndex(m.key)}
      data-key=${m.key}
      aria-label=${ctx.name(m.key)}
      aria-expanded=${m.group.items.length > 1 && draw ? (m.expanded ? 'true' : 'false') : nothing}
      transform="translate(${m.x},${m.y})"
    >
      ${
        // on canvas the layout's hit test finds the marker under the pointer: no hit area of its own
        draw ? svg`<circle class="hit" r=${m.r + 4}></circle>${shape(m)}` : nothing
      }
      <circle class="focus-ring" r=${m.r + 4}></circle>
    </g>
  </g>`;
}

/** The layer over the base map (and over the canvas when there is one): markers, labels, inset, scale, credit. */
export function renderMarks(
  base: BaseMap,
  marks: MarksLayout,
  ctx: FacilityMapRenderContext,
): TemplateResult {
  const { width, height } = marks;
  // on canvas, the markers with a focus target: those the layout lists (it draws 250,000 markers on the canvas)
  const shown = ctx.svgMarkers
    ? marks.markers.filter((m) => m.visible)
    : (marks.canvas ? marks.canvasFocus : marks.markers).filter(
        (m) => m.visible && (ctx.focusKeys?.has(m.key) ?? false),
      );
  // an open cluster's ring is drawn after every marker, so it is on top (its own labelled list)
  const open = ctx.svgMarkers ? shown.find((m) => m.expanded) : undefined;
  const ins = base.inset;
  const sb = marks.scaleBar;
  // a canvas marker pointed at, with no element of its own: a ring drawn where it is
  const pointed =
    !ctx.svgMarkers && ctx.highlight && !ctx.focusKeys?.has(ctx.highlight)
      ? marks.markers.find((m) => m.key === ctx.highlight)
      : undefined;
  return svg`<svg
    part="svg"
    class="marks"
    data-plot
    role="group"
    aria-label=${ctx.label}
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
  >
    <g class="towns" aria-hidden="true">
      ${marks.towns.map((t) => svg`<circle class="town" cx=${t.x} cy=${t.y} r="2.5"></circle>`)}
    </g>
    ${
      ctx.svgMarkers
        ? svg`<g class="under" aria-hidden="true">
      ${shown.map((m) => (m.group.approx ? svg`<circle class=${ctx.link?.(m) === 'dimmed' ? 'halo dimmed' : 'halo'} cx=${m.ax} cy=${m.ay} r=${m.r + 9}></circle>` : nothing))}
      ${shown.map((m) => (m.moved ? svg`<line class="leader" x1=${m.ax} y1=${m.ay} x2=${m.x} y2=${m.y}></line>` : nothing))}
      ${shown.map((m) => (m.moved ? svg`<circle class="anchor" cx=${m.ax} cy=${m.ay} r="2.5"></circle>` : nothing))}
    </g>`
        : nothing
    }
    ${
      ins
        ? svg`<g class="inset" aria-hidden="true">
      <rect class="inset-bg" x=${ins.x} y=${ins.y} width=${ins.w} height=${ins.h}></rect>
      ${ins.context ? svg`<path class="inset-context" d=${ins.context}></path>` : nothing}
      <path class="inset-land" d=${ins.land}></path>
      <path class="inset-focus" d=${ins.focus}></path>
      <rect class="inset-view" x=${marks.insetView.x} y=${marks.insetView.y} width=${Math.max(2, marks.insetView.w)} height=${Math.max(2, marks.insetView.h)}></rect>
    </g>`
        : nothing
    }
    <g role="list" aria-label=${ctx.listLabel}>${repeat(
      // a stable order of nodes (by key, whatever the layout's order): a new width never moves the focused one
      [...shown].sort((a, b) => (a.key < b.key ? -1 : 1)),
      (m) => m.key,
      (m) => renderMarker(m, ctx),
    )}</g>
    ${marks.offView.map(
      (o) => svg`<g
        class="mark offview"
        part="mark"
        role="button"
        tabindex=${ctx.tabIndex(o.key)}
        data-key=${o.key}
        aria-label=${ctx.name(o.key)}
        transform="translate(${o.x},${o.y})"
      >
        <rect class="pill" x=${-o.rx} y="-10" width=${o.rx * 2} height="20" rx="10"></rect>
        <path class="arrow" transform="rotate(${SIDE_ANGLE[o.side]})" d="M${o.rx - 9},-4L${o.rx - 3},0L${o.rx - 9},4"></path>
        <text class="offview-count" x=${o.side === 'w' ? 3 : o.side === 'e' ? -3 : 0} y="4">${o.things}</text>
        <circle class="focus-ring" r=${o.rx + 3}></circle>
      </g>`,
    )}
    ${open ? renderRing(open, marks, ctx) : nothing}
    ${pointed ? svg`<circle class="pointed" cx=${pointed.x} cy=${pointed.y} r="6"></circle>` : nothing}
    <g class="labels" aria-hidden="true">
      ${marks.labels.map(
        (l) =>
          svg`<text class="label ${l.cls}" part="label" x=${l.x} y=${l.y} text-anchor=${l.anchor}>${l.text}</text>`,
      )}
    </g>

    ${
      sb.w > 0
        ? svg`<g class="scale" aria-hidden="true">
        <path class="scale-bar" d="M${sb.x},${sb.y - 5}V${sb.y}H${sb.x + sb.w}V${sb.y - 5}"></path>
        <text class="scale-text" x=${sb.x} y=${sb.y - 8}>${ctx.scaleText}</text>
      </g>`
        : nothing
    }
    <text class="attribution" x=${width - 6} y=${height - 6} text-anchor="end">${ctx.attribution}</text>
  </svg>`;
}

/** The layers of the marker SVG drawn in map coordinates (what a zoom moves); labels and towns are hidden meanwhile. */
const MAP_LAYERS = 'svg.marks > g.under, svg.marks > g[role="list"], svg.marks > .pointed';

/**
 * Shows what is drawn at `from` as it will be at `to`, at once, while the markers are laid out again (a large map does
 * it in the tasks after the frame): the base map at its new transform, the canvas and the markers' layers moved and
 * scaled through CSSOM (CSP-safe). The element marks its chart `previewing` (clipped, labels hidden).
 */
export function previewZoom(root: ParentNode, from: MapZoom, to: MapZoom): void {
  root
    .querySelector('.basemap g.zoom')
    ?.setAttribute('transform', `translate(${to.x},${to.y}) scale(${to.k})`);
  const s = to.k / from.k;
  const transform = `translate(${to.x - s * from.x}px, ${to.y - s * from.y}px) scale(${s})`;
  for (const el of root.querySelectorAll<HTMLElement | SVGElement>(`canvas, ${MAP_LAYERS}`)) {
    el.style.transformOrigin = '0 0';
    el.style.transform = transform;
  }
}

/** Ends a {@link previewZoom}: everything drawn at the layout's own zoom again. */
export function endPreview(root: ParentNode, marks: MarksLayout): void {
  root.querySelector('.basemap g.zoom')?.setAttribute('transform', marks.transform);
  for (const el of root.querySelectorAll<HTMLElement | SVGElement>(`canvas, ${MAP_LAYERS}`)) {
    el.style.removeProperty('transform');
    el.style.removeProperty('transform-origin');
  }
}

/** Colours of the five kinds, for the canvas (read from the theme by the element). */
export type KindColours = readonly string[];

/**
 * Paints markers on a canvas (past the SVG limit): a small square in the kind's colour at each marker in view; markers
 * unrelated to a shared selection are faint. From the marker `from`, until the clock passes `until` (a large map paints
 * in pieces, one a frame, in the markers' order): returns where it stopped (`marks.markers.length` once done).
 */
export function paintMarkers(
  ctx: CanvasRenderingContext2D,
  marks: MarksLayout,
  colours: KindColours,
  link?: (m: MapMarker) => LinkState,
  from = 0,
  until = Infinity,
): number {
  // the colour and the alpha are set only when they change (a 250,000-item map paints 80,000 squares)
  let fill = -1;
  let alpha = 1;
  ctx.globalAlpha = 1;
  const markers = marks.markers;
  for (let i = from; i < markers.length; i++) {
    if (i > from && i % 512 === 0 && performance.now() > until) {
      ctx.globalAlpha = 1;
      return i;
    }
    const m = markers[i]!;
    if (!m.visible) continue;
    const a = link?.(m) === 'dimmed' ? 0.25 : 1;
    if (a !== alpha) ctx.globalAlpha = alpha = a;
    const c = Math.min(m.group.items[0]!.style, colours.length - 1);
    if (c !== fill) ctx.fillStyle = colours[(fill = c)]!;
    ctx.fillRect(m.x - 2, m.y - 2, 4, 4);
  }
  ctx.globalAlpha = 1;
  return markers.length;
}

/** The words of the date filter (from `describe/`). */
export interface DateFilterText {
  label: string;
  valueText: string;
  output: string;
  /** The widest output the slider can show, measured (px): the output keeps that width, so nothing moves. */
  width?: number;
}

/** The date filter: a month slider from the first dated item to the as-of date (its end: every date). */
export function renderDateFilter(
  range: readonly [number, number],
  value: number,
  text: DateFilterText,
  onInput: (month: number) => void,
): TemplateResult {
  return html`<div class="date-filter">
    <label for="date">${text.label}</label>
    <input
      id="date"
      type="range"
      min=${range[0]}
      max=${range[1]}
      step="1"
      .value=${String(value)}
      aria-valuetext=${text.valueText}
      @input=${(e: Event) => onInput(Number((e.target as HTMLInputElement).value))}
    />
    <output
      for="date"
      aria-live="polite"
      ${cssom({ 'inline-size': text.width ? `${Math.ceil(text.width)}px` : '' })}
      >${text.output}</output
    >
  </div>`;
}
