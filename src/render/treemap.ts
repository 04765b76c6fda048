import { svg, nothing, type TemplateResult } from 'lit';
import type { TreemapGeometry, TreemapTile } from '../layout/treemap';
import { CATEGORY_COUNT } from '../styles/tokens';

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

/** CSS class of a categorical colour index (`c1`…`c6`). */
export const colourClass = (i: number) => `c${(i % CATEGORY_COUNT) + 1}`;

function tileClasses(t: TreemapTile, highlight: string | undefined, link: string): string {
  const n = t.node;
  const a = n.amount;
  return [
    'mark',
    'tile',
    `depth-${t.depth}`,
    colourClass(n.colour),
    n.kind === 'rest' ? 'rest' : '',
    a?.precision === 'approx' ? 'approx' : '',
    a?.precision === 'derived' ? 'derived' : '',
    n.sumOfParts ? 'sum' : '',
    t.hasChildren ? 'parent' : '',
    highlight === t.key ? 'active' : '',
    link,
  ]
    .filter(Boolean)
    .join(' ');
}

function renderLabel(t: TreemapTile): TemplateResult | typeof nothing {
  const { name, amount, share } = t.labels;
  if (!name) return nothing;
  const x = t.x + 4;
  if (t.depth === 1 && t.hasChildren) {
    return svg`<text class="label header" part="label" aria-hidden="true" x=${x} y=${t.y + 14}>${name}${
      amount ? svg`<tspan class="amount" dx="8">${amount}</tspan>` : nothing
    }</text>`;
  }
  return svg`<text class="label" part="label" aria-hidden="true" x=${x} y=${t.y + 15}>${name}${
    amount ? svg`<tspan class="amount" x=${x} dy="15">${amount}</tspan>` : nothing
  }${share ? svg`<tspan class="share" x=${x} dy="15">${share}</tspan>` : nothing}${
    t.labels.alt ? svg`<tspan class="alt" x=${x} dy="15">${t.labels.alt}</tspan>` : nothing
  }</text>`;
}

function renderTile(t: TreemapTile, ctx: TreemapRenderContext, children: TemplateResult[]): TemplateResult {
  const n = t.node;
  const approx = n.amount?.precision === 'approx';
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
  >
    <rect class="fill" x=${t.x} y=${t.y} width=${t.w} height=${t.h} rx="2"></rect>
    ${approx || n.kind === 'rest' ? svg`<rect class="hatch" x=${t.x} y=${t.y} width=${t.w} height=${t.h} rx="2"></rect>` : nothing}
    ${renderLabel(t)}
    ${children.length ? svg`<g role="group">${children}</g>` : nothing}
    ${
      // one ring, on the focused or hovered tile (and linked ones): not one per tile, which would double the nodes
      t.key === ctx.highlight || ctx.link?.(t) === 'linked'
        ? svg`<rect class="focus-ring" x=${t.x + 1.5} y=${t.y + 1.5} width=${Math.max(0, t.w - 3)} height=${Math.max(0, t.h - 3)} rx="2"></rect>`
        : nothing
    }
  </g>`;
}

/** The treemap as an SVG tree (`role="tree"`, tiles as nested `treeitem`s), from its geometry. Pure. */
export function renderTreemap(geo: TreemapGeometry, ctx: TreemapRenderContext): TemplateResult {
  const byParent = new Map<string, TreemapTile[]>();
  const top: TreemapTile[] = [];
  for (const t of geo.tiles) {
    if (t.depth === 1) top.push(t);
    else if (ctx.svgDepth2) {
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
      <pattern id="hatch-rest" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <line class="hatch-line-rest" x1="0" y1="0" x2="0" y2="6"></line>
      </pattern>
    </defs>
    ${top.map((t) =>
      renderTile(
        t,
        ctx,
        (byParent.get(t.key) ?? []).map((c) => renderTile(c, ctx, [])),
      ),
    )}
  </svg>`;
}
