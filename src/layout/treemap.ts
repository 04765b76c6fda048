import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy';
import type { BudgetNode } from '../select/budget-tree';
import { estimateWidth, fitText, type Measure } from './text-fit';

export interface TreemapLabels {
  /** Text of the name, amount and share lines that fit, already shortened; empty when nothing fits. */
  name: string | null;
  amount: string | null;
  share: string | null;
  /** "also reported: …" when the amount has conflicting reports and there is room. */
  alt?: string | null;
}

export interface TreemapTile {
  key: string;
  node: BudgetNode;
  depth: 1 | 2;
  parentKey: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Share of the level above (0–1): of the shown total for a top tile, of its parent tile for a part. */
  share: number;
  /** Position among siblings (1-based) and number of siblings, for ARIA. */
  pos: number;
  setSize: number;
  hasChildren: boolean;
  labels: TreemapLabels;
}

export interface TreemapGeometry {
  width: number;
  height: number;
  total: number;
  tiles: TreemapTile[];
  /** Depth-2 tiles are many: draw them on canvas, keep SVG for depth 1. */
  canvas: boolean;
}

export interface TreemapOptions {
  /** Text of each tile's label lines, given the node and its share (from `describe/treemap.ts`). */
  text: (
    node: BudgetNode,
    share: number,
  ) => { name: string; amount: string; share: string; alt?: string | undefined };
  fontSize?: number;
  /** Measures label text in the widget's font (default: an estimate, for Node tests). */
  measure?: Measure;
  /** Above this many tiles (600 by default), depth-2 tiles go to canvas. */
  canvasThreshold?: number;
}

const HEADER = 20;

/**
 * Squarified treemap of `focus` (two levels below it) in a `width` × `height` box. Pure: same input, same output;
 * coordinates rounded to whole pixels.
 */
export function layoutTreemap(
  focus: BudgetNode,
  width: number,
  height: number,
  options: TreemapOptions,
): TreemapGeometry {
  const fontSize = options.fontSize ?? 12;
  // leaves are sized relative to the largest one: sums and areas stay finite from 5e-324 € to 1e20 €
  const amount = (n: BudgetNode) => {
    const v = n.amount?.eur ?? 0;
    return Number.isFinite(v) && v > 0 ? v : 0;
  };
  let largest = 0;
  for (const d of hierarchy(focus, (n) => n.children))
    if (!d.children) largest = Math.max(largest, amount(d.data));
  const root = hierarchy(focus, (n) => n.children)
    .sum((n) => (n.children.length || !largest ? 0 : amount(n) / largest))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.data.id.localeCompare(b.data.id));
  const total = root.value ?? 0;
  treemap<BudgetNode>()
    .tile(treemapSquarify)
    .size([width, height])
    .round(true)
    .paddingInner(2)
    .paddingTop((n) => (n.depth === 1 && n.children && n.y1 - n.y0 > HEADER * 2.5 ? HEADER : 0))
    .paddingRight((n) => (n.depth === 1 && n.children ? 2 : 0))
    .paddingBottom((n) => (n.depth === 1 && n.children ? 2 : 0))
    .paddingLeft((n) => (n.depth === 1 && n.children ? 2 : 0))(root);

  const tiles: TreemapTile[] = [];
  const r = root as HierarchyRectangularNode<BudgetNode>;
  const level1 = r.children ?? [];
  let count = level1.length;
  for (const c of level1) count += c.children?.length ?? 0;

  const canvas = count > (options.canvasThreshold ?? 600);
  level1.forEach((c, i) => {
    tiles.push(tile(c, 1, null, i, level1.length, total, options, fontSize, true));
    const parentValue = c.value ?? 0;
    const kids = (c.children ?? []) as HierarchyRectangularNode<BudgetNode>[];
    // tiles drawn on canvas carry no label
    kids.forEach((k, j) =>
      tiles.push(tile(k, 2, c.data.id, j, kids.length, parentValue, options, fontSize, !canvas)),
    );
  });
  return { width, height, total: largest ? total * largest : total, tiles, canvas };
}

function tile(
  n: HierarchyRectangularNode<BudgetNode>,
  depth: 1 | 2,
  parentKey: string | null,
  index: number,
  setSize: number,
  /** The value of the level above: the shown total, or the parent tile's. */
  total: number,
  options: TreemapOptions,
  fontSize: number,
  labelled: boolean,
): TreemapTile {
  const w = n.x1 - n.x0;
  const h = n.y1 - n.y0;
  const share = total > 0 ? (n.value ?? 0) / total : 0;
  const hasChildren = (n.children?.length ?? 0) > 0;
  const labels: TreemapLabels = { name: null, amount: null, share: null };
  const pad = 4;
  const line = fontSize * 1.25;
  const measure = options.measure ?? estimateWidth;
  const fit = (t: string, room: number, min: number, weight?: number) =>
    fitText(t, room, fontSize, min, measure, weight);
  // the label text is only formatted for tiles that can hold at least a few characters
  const text =
    labelled && w >= measure('Mmm', fontSize) + 2 * pad && h >= line + pad
      ? options.text(n.data, share)
      : null;
  if (!text) {
    // no room for a label
  } else if (depth === 1 && hasChildren) {
    // a header band: "Name · amount · share" as far as it fits
    if (h > HEADER * 2.5) {
      labels.name = fit(text.name, w - 2 * pad, 3, 700);
      const used = labels.name ? measure(labels.name, fontSize, 700) + 8 : 0;
      if (labels.name === text.name) {
        const room = w - 2 * pad - used;
        labels.amount =
          (text.alt && fit(`${text.amount} · ${text.share} · ${text.alt}`, room, 999)) ||
          fit(`${text.amount} · ${text.share}`, room, 99);
      }
    }
  } else if (h >= line + pad) {
    labels.name = fit(text.name, w - 2 * pad, 3, 500);
    if (labels.name && h >= 2 * line + pad) labels.amount = fit(text.amount, w - 2 * pad, 99);
    if (labels.amount && h >= 3 * line + pad) labels.share = fit(text.share, w - 2 * pad, 99);
    // a conflicting report, when there is room for a fourth line
    if (labels.share && text.alt && h >= 4 * line + pad) labels.alt = fit(text.alt, w - 2 * pad, 999);
  }
  return {
    key: n.data.id,
    node: n.data,
    depth,
    parentKey,
    x: n.x0,
    y: n.y0,
    w,
    h,
    share,
    pos: index + 1,
    setSize,
    hasChildren,
    labels,
  };
}

/** The part tile (drawn on canvas when there are many) at a point of the treemap, else `undefined`. */
export function hitTile(g: TreemapGeometry, x: number, y: number): TreemapTile | undefined {
  return g.tiles.find((t) => t.depth === 2 && x >= t.x && x < t.x + t.w && y >= t.y && y < t.y + t.h);
}
