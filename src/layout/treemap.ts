import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy';
import type { BudgetNode } from '../select/budget-tree';
import { estimateWidth, fitText, wrapText, type Measure } from './text-fit';

/** One line of text written on a tile, already fitted to it (measured). */
export interface TreemapLine {
  text: string;
  role: 'name' | 'amount' | 'share' | 'alt';
}

export interface TreemapLabels {
  /**
   * The lines written on the tile, top to bottom. A header band (a programme with parts) has one line: its name,
   * then `after` (amount · share) on the same line.
   */
  lines: TreemapLine[];
  after?: string | null;
  /** A number into the key under the chart, when the tile is too small for its name. */
  key?: number;
}

/** The words a tile may carry, longest first; the layout picks what fits (from `describe/treemap.ts`). */
export interface TileText {
  name: string;
  /** A shorter name from the data (a programme's `short`), used when the name does not fit. */
  short?: string | undefined;
  amount: string;
  /** Absent when the level above is not one whole (no percentage of a sum of non-comparable amounts). */
  share?: string | undefined;
  alt?: string | undefined;
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
  text: (node: BudgetNode, share: number) => TileText;
  fontSize?: number;
  /** Measures label text in the widget's font (default: an estimate, for Node tests). */
  measure?: Measure;
  /** Above this many tiles (600 by default), depth-2 tiles go to canvas. */
  canvasThreshold?: number;
}

/** Height of a programme's header band, in pixels. */
export const TREEMAP_HEADER = 20;
const HEADER = TREEMAP_HEADER;

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
  // the part no source itemises comes last (bottom right), so the known parts lead the picture
  const rest = (n: BudgetNode) => (n.kind === 'rest' ? 1 : 0);
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
    .sort(
      (a, b) =>
        rest(a.data) - rest(b.data) || (b.value ?? 0) - (a.value ?? 0) || a.data.id.localeCompare(b.data.id),
    );
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
  let key = 0;
  for (const t of tiles) if (t.labels.key !== undefined) t.labels.key = ++key;
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
  const labels: TreemapLabels = { lines: [] };
  const pad = 4;
  const line = fontSize * 1.25;
  const measure = options.measure ?? estimateWidth;
  const room = w - 2 * pad;
  const fits = (t: string, weight?: number) => measure(t, fontSize, weight) <= room;
  // the label text is only formatted for tiles that can hold at least a key number
  const text = labelled && w >= 16 && h >= 16 ? options.text(n.data, share) : null;
  if (!text) {
    // no room for a label
  } else if (depth === 1 && hasChildren) {
    labelHeader(labels, text, room, h, fontSize, measure);
  } else {
    // label cascade: full name (wrapped on up to two lines) → the data's short name → a key number; then the amount,
    // the share and a conflicting report, each only if it fits whole
    const rows = Math.floor((h - pad) / line);
    // two lines, three on a tall tile (a narrow column of a big amount), never more
    const nameLines =
      rows >= 1 ? fullLines(text.name, room, rows >= 5 ? 3 : Math.min(2, rows), fontSize, measure) : null;
    if (nameLines) nameLines.forEach((l) => labels.lines.push({ text: l, role: 'name' }));
    else if (text.short && rows >= 1 && fits(text.short, 500))
      labels.lines.push({ text: text.short, role: 'name' });
    else if (w >= 16 && h >= 16) labels.key = 0;
    const more: TreemapLine[] = [{ text: text.amount, role: 'amount' }];
    if (text.share) more.push({ text: text.share, role: 'share' });
    if (text.alt) more.push({ text: text.alt, role: 'alt' });
    for (const m of more) {
      if (labels.lines.length >= rows - (labels.key !== undefined ? 1 : 0) || !fits(m.text)) break;
      labels.lines.push(m);
    }
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

/** A text on at most `max` lines without cutting it, else `null`. */
function fullLines(
  text: string,
  room: number,
  max: number,
  fontSize: number,
  measure: Measure,
): string[] | null {
  const lines = wrapText(text, room, fontSize, max, measure, 500);
  if (!lines || lines.join(' ') !== text.replace(/\s+/g, ' ').trim()) return null;
  return lines;
}

/** A programme's header band: its name (or short name, or a key), then amount · share · conflicting report. */
function labelHeader(
  labels: TreemapLabels,
  text: TileText,
  room: number,
  h: number,
  fontSize: number,
  measure: Measure,
): void {
  if (h <= HEADER * 2.5) return;
  const name =
    measure(text.name, fontSize, 700) <= room
      ? text.name
      : text.short && measure(text.short, fontSize, 700) <= room
        ? text.short
        : null;
  if (!name) {
    labels.key = 0;
    return;
  }
  labels.lines.push({ text: name, role: 'name' });
  const left = room - measure(name, fontSize, 700) - 8;
  const share = text.share ? ` · ${text.share}` : '';
  const candidates = [
    text.alt ? `${text.amount}${share} · ${text.alt}` : null,
    `${text.amount}${share}`,
    text.amount,
  ];
  labels.after = candidates.find((c) => c !== null && measure(c, fontSize) <= left) ?? null;
}

/** One reported total to draw as a bar (its value in the currency shown and its words). */
export interface ConflictInput {
  key: string;
  title: string;
  bars: { value: number; text: string; by: string; drawn: boolean }[];
}

export interface ConflictBarGeometry {
  y: number;
  w: number;
  drawn: boolean;
  /** The words after the bar (value, then who reports it), fitted to the room left. */
  label: string;
  labelX: number;
}

export interface ConflictGeometry {
  key: string;
  /** The title, wrapped on at most two lines. */
  title: string[];
  y: number;
  bars: ConflictBarGeometry[];
}

/**
 * Conflicting totals side by side: per total, a title line and one bar per report, all on one scale (the largest
 * report fills the bar room), the words after each bar. Measured, so the words never overflow `width`.
 */
export function layoutConflicts(
  conflicts: readonly ConflictInput[],
  width: number,
  measure: Measure = estimateWidth,
  fontSize = 12,
): { height: number; blocks: ConflictGeometry[] } {
  const rowH = 18;
  const blocks: ConflictGeometry[] = [];
  let y = 0;
  for (const c of conflicts) {
    const max = Math.max(...c.bars.map((b) => b.value), 1);
    const labels = c.bars.map((b) => `${b.text} · ${b.by}`);
    const widest = Math.max(...labels.map((l) => measure(l, fontSize)));
    const room = Math.max(width * 0.3, width - widest - 8);
    const title = wrapText(c.title, width, fontSize, 2, measure, 600) ?? [];
    const block: ConflictGeometry = { key: c.key, title, y, bars: [] };
    y += rowH * Math.max(1, title.length);
    c.bars.forEach((b, i) => {
      const w = Math.max(2, Math.round((b.value / max) * room));
      const labelX = w + 6;
      const label =
        fitText(labels[i]!, width - labelX, fontSize, 4, measure) ??
        fitText(b.text, width - labelX, fontSize, 1, measure) ??
        '';
      block.bars.push({ y, w, drawn: b.drawn, label, labelX });
      y += rowH;
    });
    blocks.push(block);
    y += 6;
  }
  return { height: y, blocks };
}
