import { svg, nothing, type TemplateResult } from 'lit';
import {
  TREEMAP_HEADER,
  type ConflictGeometry,
  type TreemapGeometry,
  type TreemapTile,
} from '../layout/treemap';
import { OTHER_COLOUR } from '../select/budget-tree';
import { colourClass } from '../styles/palette';

export interface TreemapRenderContext {
  /** Summary label of the whole chart. */
  label: string;
  ariaLabel: (tile: TreemapTile) => string;
  tabIndex: (key: string) => 0 | -1;
  /** Whether depth-2 tiles are drawn in SVG (false: they are on canvas). */
  svgDepth2: boolean;
  /** The key of the highlighted tile (hover or focus), if any. */
  highlight?: string | undefined;
  /** Relation to a selection shared between widgets: `linked`, `dimmed`, or `''` when nothing is selected. */
  link?: (tile: TreemapTile) => 'linked' | 'dimmed' | '';
}

/** CSS class of a programme's colour index: the one mapping of styles/palette.ts (`c1`…`c10`, past them `other`). */
export { colourClass };

/** The colour of a tile: its programme's, or the "Other" group's for the programmes grouped in it. */
export const tileColour = (t: TreemapTile): number =>
  t.parentKey === 'root~other' ? OTHER_COLOUR : t.node.colour;

function tileClasses(t: TreemapTile, highlight: string | undefined, link: string): string {
  const n = t.node;
  // the area of lines too small to draw: a tint of its parent's colour, none of the parent's own encodings
  const p = t.smaller ? undefined : n.amount?.precision;
  return [
    `mark tile depth-${t.depth}`,
    colourClass(tileColour(t)),
    t.smaller ? 'smaller' : n.kind === 'rest' ? 'rest' : '',
    p === 'approx' || p === 'derived' ? p : '',
    !t.smaller && n.sumOfParts ? 'sum' : '',
    t.hasChildren ? 'parent' : '',
    highlight === t.key ? 'active' : '',
    link,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A label's line: its role (a class), and its text. */
type Row = { text: string; role: string };

/**
 * A label of up to four lines in one template (no list of parts to keep: a tile's lines are few), in the tile's own
 * coordinates (its group is translated): the first line is the text's own, each next one a tspan 15 px below.
 */
function renderRows(r: readonly Row[]): TemplateResult {
  const [a, b, c, d] = r;
  const cls = `label ${a!.role}`;
  if (!b) return svg`<text class=${cls} part="label" aria-hidden="true" x="4" y="15">${a!.text}</text>`;
  if (!c)
    return svg`<text class=${cls} part="label" aria-hidden="true" x="4" y="15">${a!.text}<tspan class=${b.role} x="4" dy="15">${b.text}</tspan></text>`;
  if (!d)
    return svg`<text class=${cls} part="label" aria-hidden="true" x="4" y="15">${a!.text}<tspan class=${b.role} x="4" dy="15">${b.text}</tspan><tspan class=${c.role} x="4" dy="15">${c.text}</tspan></text>`;
  return svg`<text class=${cls} part="label" aria-hidden="true" x="4" y="15">${a!.text}${r
    .slice(1)
    .map((l) => svg`<tspan class=${l.role} x="4" dy="15">${l.text}</tspan>`)}</text>`;
}

function renderLabel(t: TreemapTile): TemplateResult | typeof nothing {
  const { lines, after, key } = t.labels;
  if (t.depth === 1 && t.hasChildren) {
    if (key !== undefined)
      return svg`<text class="label header key" aria-hidden="true" x="4" y="14">${key}</text>`;
    if (!lines.length) return nothing;
    return svg`<text class="label header" part="label" aria-hidden="true" x="4" y="14">${lines[0]!.text}${
      after ? svg`<tspan class="amount" dx="8">${after}</tspan>` : nothing
    }</text>`;
  }
  if (!lines.length && key === undefined) return nothing;
  return renderRows(key !== undefined ? [{ text: String(key), role: 'key' }, ...lines] : lines);
}

/**
 * A tile: a group translated to its corner (relative to its parent's, whose group holds it), so that its fill, label
 * and rings are drawn in its own coordinates, mostly constant ones (fewer attributes to set).
 */
function renderTile(
  t: TreemapTile,
  ctx: TreemapRenderContext,
  children: TemplateResult[],
  ox = 0,
  oy = 0,
): TemplateResult {
  const n = t.node;
  const approx = n.amount?.precision === 'approx' && !t.smaller;
  const label = renderLabel(t);
  // what a tile draws over its fill, in one part: most tiles (a part of a programme) have only their label
  const edge = t.smaller && t.w > 2 && t.h > 2;
  const band = t.depth === 1 && t.hasChildren && t.h > TREEMAP_HEADER * 2.5;
  const hatch = approx && n.kind !== 'rest';
  // one ring, on the focused or hovered tile (and linked ones): not one per tile, which would double the nodes
  const ring = t.key === ctx.highlight || ctx.link?.(t) === 'linked';
  const over =
    !edge && !band && !hatch && !ring && !children.length
      ? label
      : [
          // its edge inside the area, on whole pixels: crisp, in the full colour (3:1 against the panel)
          edge
            ? svg`<rect class="edge" x="0.5" y="0.5" width=${t.w - 1} height=${t.h - 1} rx="1.5"></rect>`
            : nothing,
          band ? svg`<rect class="band" width=${t.w} height=${TREEMAP_HEADER} rx="2"></rect>` : nothing,
          hatch ? svg`<rect class="hatch" width=${t.w} height=${t.h} rx="2"></rect>` : nothing,
          label,
          children.length ? svg`<g role="group">${children}</g>` : nothing,
          ring
            ? svg`<rect class="focus-ring" x="1.5" y="1.5" width=${Math.max(0, t.w - 3)} height=${Math.max(0, t.h - 3)} rx="2"></rect>`
            : nothing,
        ];
  return svg`<g
    class=${tileClasses(t, ctx.highlight, ctx.link?.(t) ?? '')}
    part="mark"
    role="treeitem"
    aria-level=${t.depth}
    aria-setsize=${t.setSize}
    aria-posinset=${t.pos}
    aria-label=${ctx.ariaLabel(t)}
    aria-expanded=${t.hasChildren ? 'true' : nothing}
    tabindex=${ctx.tabIndex(t.key)}
    data-key=${t.key}
    transform="translate(${t.x - ox} ${t.y - oy})"
  ><rect class="fill" width=${t.w} height=${t.h} rx="2"></rect>${over}</g>`;
}

/** The treemap as an SVG tree (`role="tree"`, tiles as nested `treeitem`s), from its geometry. Pure. */
export function renderTreemap(geo: TreemapGeometry, ctx: TreemapRenderContext): TemplateResult {
  const byParent = new Map<string, TreemapTile[]>();
  const top: TreemapTile[] = [];
  for (const t of geo.tiles) {
    if (t.depth === 1) top.push(t);
    // the area of the lines too small to draw is in SVG, also when the lines drawn are on canvas
    else if (ctx.svgDepth2 || t.smaller) {
      let list = byParent.get(t.parentKey!);
      if (!list) byParent.set(t.parentKey!, (list = []));
      list.push(t);
    }
  }
  return svg`<svg
    part="svg"
    class="treemap"
    role="tree"
    aria-label=${ctx.label}
    width=${geo.width}
    height=${geo.height}
    viewBox="0 0 ${geo.width} ${geo.height}"
  >
    <defs>
      <pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
      </pattern>
    </defs>
    ${top.map((t) =>
      renderTile(
        t,
        ctx,
        (byParent.get(t.key) ?? []).map((c) => renderTile(c, ctx, [], t.x, t.y)),
      ),
    )}
  </svg>`;
}

/**
 * Conflicting totals drawn as marks: per total, its title and one bar per report on one scale — the drawn report
 * filled in the programme's colour, the others outlined and dashed — each followed by its value and publishers.
 */
export function renderConflicts(
  blocks: readonly ConflictGeometry[],
  width: number,
  height: number,
  colourOf: (key: string) => string,
): TemplateResult | typeof nothing {
  if (!blocks.length) return nothing;
  return svg`<svg class="conflicts" part="conflicts" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">
    ${blocks.map(
      (b) => svg`<g class=${colourOf(b.key)}>${b.title.map(
        (line, i) => svg`<text class="conflict-title" x="0" y=${b.y + 13 + i * 18}>${line}</text>`,
      )}
        ${b.bars.map(
          (
            r,
          ) => svg`<rect class=${r.drawn ? 'conflict-bar drawn' : 'conflict-bar alt'} x="0.75" y=${r.y + 3.75} width=${Math.max(1, r.w - 1.5)} height="10.5" rx="1"></rect>
            <text class="conflict-label" x=${r.labelX} y=${r.y + 13}>${r.label}</text>${r.more.map(
              (line, i) => svg`<text class="conflict-label" x="0" y=${r.y + 31 + i * 18}>${line}</text>`,
            )}`,
        )}</g>`,
    )}
  </svg>`;
}
