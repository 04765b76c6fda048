import { squarifySteps } from './squarify';
import type { BudgetNode } from '../select/budget-tree';
import { estimateWidth, fitText, wrapText, type Measure } from './text-fit';
import { finish } from '../util/steps';

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
  /**
   * On canvas, the lines of a parent too small to draw one by one, drawn as one area: the first line that covers no
   * pixel and every smaller one, from the start of its row in the squarified tiling (the area is the rectangle those
   * lines fill, so its size is their amount). The tile's `node` is the parent; `nodes` are the lines, largest first.
   */
  smaller?: { count: number; nodes: BudgetNode[]; amount: number };
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
  /** Text of the area of a parent's lines too small to draw (on canvas), given the lines and their share. */
  smallerText?: (nodes: readonly BudgetNode[], amount: number, share: number, parent: BudgetNode) => TileText;
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
  return finish(layoutTreemapSteps(focus, width, height, options));
}

/** How much work (nodes visited or tiles made) a step of {@link layoutTreemapSteps} does before it yields. */
const STEP_WORK = 4096;

/**
 * The cells of one level, in the order they are placed: their nodes, and their values as d3's `sum` values them (each
 * leaf relative to the largest one). The values in a typed array, the corners of a layout in another (four numbers a
 * cell, x0, y0, x1, y1: see {@link squarifySteps}): no object for each of a programme's 100,000 lines.
 */
interface Level {
  nodes: BudgetNode[];
  values: Float64Array;
}

/** The two levels drawn of a branch: its parts, and each part's own parts (`undefined`: it has none). */
interface Ranked {
  /** The largest leaf's amount: values are relative to it. */
  largest: number;
  level1: Level;
  parts: (Level | undefined)[];
}

/**
 * {@link layoutTreemap} in steps: the generator yields after each share of the work (a few thousand nodes or tiles),
 * so that a caller can spread a large treemap over several tasks; its return value is the geometry. The same
 * geometry as d3's `hierarchy` → `sum` → `sort` → `treemap` (squarified, rounded, padded) of the whole tree, computed
 * on the two levels drawn only.
 */
export function* layoutTreemapSteps(
  focus: BudgetNode,
  width: number,
  height: number,
  options: TreemapOptions,
): Generator<void, TreemapGeometry> {
  const fontSize = options.fontSize ?? 12;
  let work = 0;
  // the values and order of the two levels drawn do not depend on the size: worked out once per branch
  let ranked = rankedLevels.get(focus);
  if (!ranked) rankedLevels.set(focus, (ranked = yield* rankSteps(focus)));
  const { largest, level1, parts } = ranked;
  const n1 = level1.nodes.length;
  let total = 0;
  for (let i = n1 - 1; i >= 0; i--) total += level1.values[i]!;
  let count = n1;
  for (const p of parts) count += p?.nodes.length ?? 0;
  const canvas = count > (options.canvasThreshold ?? 600);
  // d3's treemap, as configured before: paddingInner(2) (1 px taken from each side of every tile), a programme with
  // parts padded by 2 px and a header band when it is tall enough
  const at1 = new Float64Array(n1 * 4);
  if (n1) yield* squarifySteps(level1.values, total, at1, -1, -1, width + 1, height + 1);
  /** The corners of each first-level cell's parts. */
  const partsAt: (Float64Array | undefined)[] = [];
  /** Per parent on canvas, where its lines too small to draw begin (in sorted order) and the rectangle they fill. */
  const smaller: (Area | null)[] = [];
  for (let i = 0; i < n1; i++) {
    inset(at1, i, 1);
    const p = parts[i];
    if (!p) continue;
    // inside the programme's 2 px padding and header band, less the 1 px its parts' padding gives back
    const o = i * 4;
    const top = at1[o + 3]! - at1[o + 1]! > HEADER * 2.5 ? HEADER : 0;
    let x0 = at1[o]! + 1;
    let y0 = at1[o + 1]! + top - 1;
    let x1 = at1[o + 2]! - 1;
    let y1 = at1[o + 3]! - 1;
    if (x1 < x0) x0 = x1 = (x0 + x1) / 2;
    if (y1 < y0) y0 = y1 = (y0 + y1) / 2;
    const at = (partsAt[i] = new Float64Array(p.values.length * 4));
    yield* squarifySteps(p.values, level1.values[i]!, at, x0, y0, x1, y1);
    if (canvas) smaller[i] = smallerArea(p.values, at);
    insetAll(at, 1);
    work += p.values.length;
    if (work >= STEP_WORK) {
      work = 0;
      yield;
    }
  }

  const tiles: TreemapTile[] = [];
  for (let i = 0; i < n1; i++) {
    const c = level1.nodes[i]!;
    round(at1, i);
    tiles.push(tile(c, 1, level1.values[i]!, at1, i, null, i, n1, total, options, fontSize, true));
    const p = parts[i];
    const at = partsAt[i];
    if (!p || !at) continue;
    const parentValue = level1.values[i]!;
    const n = p.nodes.length;
    const area = smaller[i];
    const drawn = area ? area.from : n;
    for (let j = 0; j < drawn; j++) {
      round(at, j);
      // on canvas, a line too small to show a pixel is not drawn, hit or labelled: it has no tile
      if (canvas && empty(at, j, 0)) continue;
      // tiles drawn on canvas carry no label
      tiles.push(
        tile(p.nodes[j]!, 2, p.values[j]!, at, j, c.id, j, n, parentValue, options, fontSize, !canvas),
      );
      if (++work >= STEP_WORK) {
        work = 0;
        yield;
      }
    }
    if (area) {
      const nodes = p.nodes.slice(area.from);
      let value = 0;
      for (let j = n - 1; j >= area.from; j--) value += p.values[j]!;
      const share = parentValue > 0 ? value / parentValue : 0;
      const amount = largest ? value * largest : value;
      const t = tile(c, 2, value, area.at, 0, c.id, 0, 1, parentValue, options, fontSize, true, () =>
        options.smallerText ? options.smallerText(nodes, amount, share, c) : null,
      );
      t.hasChildren = false;
      t.smaller = { count: nodes.length, nodes, amount };
      tiles.push(t);
    }
  }
  let key = 0;
  for (const t of tiles) if (t.labels.key !== undefined) t.labels.key = ++key;
  return { width, height, total: largest ? total * largest : total, tiles, canvas };
}

/** The ranked levels of each branch laid out (a resize, the share measured, drilling back up rank nothing again). */
const rankedLevels = new WeakMap<BudgetNode, Ranked>();

/**
 * The two levels drawn of `focus`, valued as d3's `sum` values them and sorted as the tiles are placed, in steps (a
 * programme can have 250,000 lines).
 */
function* rankSteps(focus: BudgetNode): Generator<void, Ranked> {
  let work = 0;
  // leaves are sized relative to the largest one: sums and areas stay finite from 5e-324 € to 1e20 €
  let largest = 0;
  const stack: BudgetNode[] = [focus];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children.length) for (const c of n.children) stack.push(c);
    else largest = Math.max(largest, amountOf(n));
    if (++work >= STEP_WORK) {
      work = 0;
      yield;
    }
  }
  // d3's sum: a leaf's amount over the largest, a parent's the sum of its parts added from the last to the first
  const sumOf = (n: BudgetNode): number => {
    work++;
    const kids = n.children;
    if (!kids.length) return +(largest ? amountOf(n) / largest : 0) || 0;
    let sum = 0;
    for (let i = kids.length - 1; i >= 0; i--) sum += sumOf(kids[i]!);
    return sum;
  };
  const top = focus.children;
  const values1 = new Float64Array(top.length);
  const parts1: (Level | undefined)[] = [];
  for (let i = 0; i < top.length; i++) {
    const c = top[i]!;
    const kids = c.children;
    if (kids.length) {
      const values = new Float64Array(kids.length);
      for (let j = 0; j < kids.length; j++) {
        values[j] = sumOf(kids[j]!);
        if (work >= STEP_WORK) {
          work = 0;
          yield;
        }
      }
      let sum = 0;
      for (let j = kids.length - 1; j >= 0; j--) sum += values[j]!;
      values1[i] = sum;
      // a programme's parts are sorted in steps
      const level = { nodes: kids, values };
      parts1.push(placed(level, yield* orderSteps(level)));
    } else {
      values1[i] = sumOf(c);
      parts1.push(undefined);
    }
  }
  const order = yield* orderSteps({ nodes: top, values: values1 });
  const level1 = placed({ nodes: top, values: values1 }, order);
  return { largest, level1, parts: Array.from(order, (i) => parts1[i]) };
}

/** The nodes and values of `level` in `order`. */
function placed(level: Level, order: Uint32Array): Level {
  const nodes: BudgetNode[] = new Array<BudgetNode>(order.length);
  const values = new Float64Array(order.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    nodes[j] = level.nodes[i]!;
    values[j] = level.values[i]!;
  }
  return { nodes, values };
}

/**
 * The order in which a level's cells are placed — the largest value first (of equal values, by id; the first one
 * first on a tie, as a stable sort), the part no source itemises last (the known parts lead the picture), sorted
 * likewise — as indices, in steps: the values sorted as numbers (a typed array's own sort, no comparison called), each
 * line put in the first free place of its value (found by bisection: lines of one value keep their order, then are
 * sorted by id).
 */
function* orderSteps({ nodes, values }: Level): Generator<void, Uint32Array> {
  const lines: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < nodes.length; i++) (nodes[i]!.kind === 'rest' ? rest : lines).push(i);
  const n = lines.length;
  const sorted = new Float64Array(n);
  for (let j = 0; j < n; j++) sorted[j] = values[lines[j]!]!;
  sorted.sort();
  /** At the first place of each value: how many lines of that value are placed. */
  const count = new Uint32Array(n);
  const at = new Uint32Array(n);
  for (let from = 0; from < n; from += STEP_WORK) {
    place(lines, values, sorted, count, at, from, Math.min(n, from + STEP_WORK));
    if (from + STEP_WORK < n) yield;
  }
  const byId = (a: number, b: number) => nodes[a]!.id.localeCompare(nodes[b]!.id);
  const order = new Uint32Array(nodes.length);
  let o = 0;
  for (let i = n - 1; i >= 0; i--) {
    // a value's lines from its first place up (the places above it hold none)
    const k = count[i]!;
    if (k === 1) order[o++] = at[i]!;
    else if (k) for (const j of Array.from(at.subarray(i, i + k)).sort(byId)) order[o++] = j;
  }
  rest.sort((a, b) => values[b]! - values[a]! || byId(a, b));
  for (const j of rest) order[o++] = j;
  return order;
}

/** Puts `lines[from]` to `lines[to - 1]` each in the first free place of its value among the `sorted` values. */
function place(
  lines: readonly number[],
  values: Float64Array,
  sorted: Float64Array,
  count: Uint32Array,
  at: Uint32Array,
  from: number,
  to: number,
): void {
  const n = sorted.length;
  for (let j = from; j < to; j++) {
    const i = lines[j]!;
    const v = values[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    at[lo + count[lo]++] = i;
  }
}

/** Where a parent's lines too small to draw begin (in sorted order) and the rectangle they fill (its corners). */
interface Area {
  from: number;
  at: Float64Array;
}

/**
 * Where a parent's lines too small to draw begin, on canvas: the row (of the squarified tiling) of its first line that
 * would cover no pixel once padded and rounded, and the rectangle that row and the rows after it fill, padded as a
 * tile is; `null` when every line covers a pixel or the area would not. `at`: the lines' corners, not yet padded.
 */
function smallerArea(values: Float64Array, at: Float64Array): Area | null {
  const n = values.length;
  // a line of no amount has no area to show: it is not what begins the area (it joins it when it comes after)
  let k = 0;
  while (k < n && !(values[k]! > 0 && empty(at, k, 1))) k++;
  if (k === n) return null;
  // back to the first line of its row: a row's cells share their thickness and follow one another without a gap
  while (k > 0) {
    const a = (k - 1) * 4;
    const b = k * 4;
    const dice = at[a + 1] === at[b + 1] && at[a + 3] === at[b + 3] && at[a + 2] === at[b];
    const slice = at[a] === at[b] && at[a + 2] === at[b + 2] && at[a + 3] === at[b + 1];
    if (!dice && !slice) break;
    k--;
  }
  const box = new Float64Array([Infinity, Infinity, -Infinity, -Infinity]);
  for (let i = k; i < n; i++) {
    const o = i * 4;
    if (at[o]! < box[0]!) box[0] = at[o]!;
    if (at[o + 1]! < box[1]!) box[1] = at[o + 1]!;
    if (at[o + 2]! > box[2]!) box[2] = at[o + 2]!;
    if (at[o + 3]! > box[3]!) box[3] = at[o + 3]!;
  }
  inset(box, 0, 1);
  round(box, 0);
  return empty(box, 0, 0) ? null : { from: k, at: box };
}

/**
 * Whether cell `i` covers no pixel once padded by `p` px and rounded, as its tile would be (`p` = 0: the cell of a
 * tile, already padded and rounded).
 */
function empty(at: Float64Array, i: number, p: number): boolean {
  const o = i * 4;
  return thin(at[o]!, at[o + 2]!, p) || thin(at[o + 1]!, at[o + 3]!, p);
}

/** {@link inset} by `p` px then {@link round} on one axis, without a copy of the cell: whether nothing is left. */
function thin(a: number, b: number, p: number): boolean {
  let a1 = a + p;
  let b1 = b - p;
  if (b1 < a1) a1 = b1 = (a1 + b1) / 2;
  return Math.round(b1) <= Math.round(a1);
}

const amountOf = (n: BudgetNode) => {
  const v = n.amount?.eur ?? 0;
  return Number.isFinite(v) && v > 0 ? v : 0;
};

/** Takes `p` pixels from each side of cell `i`, as d3's padding does (a cell thinner than that collapses). */
function inset(at: Float64Array, i: number, p: number): void {
  const o = i * 4;
  let x0 = at[o]! + p;
  let y0 = at[o + 1]! + p;
  let x1 = at[o + 2]! - p;
  let y1 = at[o + 3]! - p;
  if (x1 < x0) x0 = x1 = (x0 + x1) / 2;
  if (y1 < y0) y0 = y1 = (y0 + y1) / 2;
  at[o] = x0;
  at[o + 1] = y0;
  at[o + 2] = x1;
  at[o + 3] = y1;
}

/** {@link inset} of every cell of `at`. */
function insetAll(at: Float64Array, p: number): void {
  for (let i = 0, n = at.length / 4; i < n; i++) inset(at, i, p);
}

/** Rounds cell `i`'s corners to whole pixels. */
function round(at: Float64Array, i: number): void {
  const o = i * 4;
  at[o] = Math.round(at[o]!);
  at[o + 1] = Math.round(at[o + 1]!);
  at[o + 2] = Math.round(at[o + 2]!);
  at[o + 3] = Math.round(at[o + 3]!);
}

/** The label of the tiles that have none (frozen: shared by all of them). */
const NO_LABEL: TreemapLabels = Object.freeze({ lines: Object.freeze([]) as unknown as TreemapLine[] });

function tile(
  node: BudgetNode,
  depth: 1 | 2,
  value: number,
  /** The corners of the cells (see {@link squarifySteps}), rounded, and which cell. */
  at: Float64Array,
  i: number,
  parentKey: string | null,
  index: number,
  setSize: number,
  /** The value of the level above: the shown total, or the parent tile's. */
  total: number,
  options: TreemapOptions,
  fontSize: number,
  labelled: boolean,
  /** The words of a tile that is not one node's (the area of the lines too small to draw). */
  own?: () => TileText | null,
): TreemapTile {
  const x0 = at[i * 4]!;
  const y0 = at[i * 4 + 1]!;
  const w = at[i * 4 + 2]! - x0;
  const h = at[i * 4 + 3]! - y0;
  const share = total > 0 ? value / total : 0;
  const hasChildren = node.children.length > 0;
  // the label text is only formatted for tiles that can hold at least a key number
  const text = labelled && w >= 16 && h >= 16 ? (own ? own() : options.text(node, share)) : null;
  return {
    key: node.id,
    node,
    depth,
    parentKey,
    x: x0,
    y: y0,
    w,
    h,
    share,
    pos: index + 1,
    setSize,
    hasChildren,
    // a tile without a label (most of 10,000 on canvas) shares one empty label, and fits nothing
    labels: text ? labelOf(text, depth === 1 && hasChildren, w, h, options, fontSize) : NO_LABEL,
  };
}

/** The label of a tile of `w` × `h` that has words: what of them fits, measured. */
function labelOf(
  text: TileText,
  header: boolean,
  w: number,
  h: number,
  options: TreemapOptions,
  fontSize: number,
): TreemapLabels {
  const labels: TreemapLabels = { lines: [] };
  const pad = 4;
  const line = fontSize * 1.25;
  const measure = options.measure ?? estimateWidth;
  const room = w - 2 * pad;
  const fits = (t: string, weight?: number) => measure(t, fontSize, weight) <= room;
  if (header) {
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
    else labels.key = 0;
    const more: TreemapLine[] = [{ text: text.amount, role: 'amount' }];
    if (text.share) more.push({ text: text.share, role: 'share' });
    if (text.alt) more.push({ text: text.alt, role: 'alt' });
    for (const m of more) {
      if (labels.lines.length >= rows - (labels.key !== undefined ? 1 : 0) || !fits(m.text)) break;
      labels.lines.push(m);
    }
  }
  return labels;
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
  const whole = text.replace(/\s+/g, ' ').trim();
  // on one line: what the wrapping would give, after one measure instead of one per word
  if (whole && measure(whole, fontSize, 500) <= room) return [whole];
  return wrapText(whole, room, fontSize, max, measure, 500, true);
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
  /** Who reports it, on lines of their own under the bar, when the words do not fit whole after it (narrow). */
  more: string[];
}

export interface ConflictGeometry {
  key: string;
  /** The title, wrapped on at most three lines (a phone). */
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
    const title = wrapText(c.title, width, fontSize, 3, measure, 600) ?? [];
    const block: ConflictGeometry = { key: c.key, title, y, bars: [] };
    y += rowH * Math.max(1, title.length);
    c.bars.forEach((b, i) => {
      const w = Math.max(2, Math.round((b.value / max) * room));
      const labelX = w + 6;
      // the value and who reports it after the bar; when they do not fit whole there, the value after the bar and
      // who reports it under it, on up to two lines of the whole width (a reader on a phone gets the source whole)
      const whole = measure(labels[i]!, fontSize) <= width - labelX;
      const label = whole ? labels[i]! : (fitText(b.text, width - labelX, fontSize, 1, measure) ?? '');
      const more = whole ? [] : (wrapText(b.by, width, fontSize, 2, measure) ?? []);
      block.bars.push({ y, w, drawn: b.drawn, label, labelX, more });
      y += rowH * (1 + more.length);
    });
    blocks.push(block);
    y += 6;
  }
  return { height: y, blocks };
}
