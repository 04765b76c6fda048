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
 * A cell of the two levels drawn: the fields d3's treemap tiling reads and writes, without a d3 hierarchy node for
 * every line below them (a programme's 100,000 lines are summed, never laid out).
 */
interface Cell {
  data: BudgetNode;
  depth: 1 | 2;
  value: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  children?: Cell[];
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
  const { largest } = ranked;
  // the corners start as a number that is not a small integer (-0): V8 stores them as doubles from the start, instead
  // of moving 100,000 cells to a new shape when squarify writes their first fractional corner (squarify 99 -> ~5 ms)
  const cell = (data: BudgetNode, depth: 1 | 2, value: number): Cell => ({
    data,
    depth,
    value,
    x0: -0,
    y0: -0,
    x1: -0,
    y1: -0,
  });
  const level1: Cell[] = [];
  for (const r of ranked.level1) {
    const one = cell(r.data, 1, r.value);
    if (r.children) {
      const kids: Cell[] = new Array<Cell>(r.children.length);
      for (let i = 0; i < kids.length; i++) {
        const k = r.children[i]!;
        kids[i] = cell(k.data, 2, k.value);
        if (++work >= STEP_WORK) {
          work = 0;
          yield;
        }
      }
      one.children = kids;
    }
    level1.push(one);
  }
  let total = 0;
  for (let i = level1.length - 1; i >= 0; i--) total += level1[i]!.value;
  const root = { value: total, children: level1 };
  let count = level1.length;
  for (const c of level1) count += c.children?.length ?? 0;
  const canvas = count > (options.canvasThreshold ?? 600);
  /** Per parent on canvas, where its lines too small to draw begin (in sorted order) and the rectangle they fill. */
  const smaller = new Map<Cell, { from: number; x0: number; y0: number; x1: number; y1: number }>();
  // d3's treemap, as configured before: paddingInner(2) (1 px taken from each side of every tile), a programme with
  // parts padded by 2 px and a header band when it is tall enough
  if (level1.length) yield* squarifySteps(root, -1, -1, width + 1, height + 1);
  for (const c of level1) {
    inset(c, 1);
    if (!c.children) continue;
    // inside the programme's 2 px padding and header band, less the 1 px its parts' padding gives back
    const top = c.y1 - c.y0 > HEADER * 2.5 ? HEADER : 0;
    let x0 = c.x0 + 1;
    let y0 = c.y0 + top - 1;
    let x1 = c.x1 - 1;
    let y1 = c.y1 - 1;
    if (x1 < x0) x0 = x1 = (x0 + x1) / 2;
    if (y1 < y0) y0 = y1 = (y0 + y1) / 2;
    yield* squarifySteps(c, x0, y0, x1, y1);
    if (canvas) {
      const area = smallerArea(c.children);
      if (area) smaller.set(c, area);
    }
    for (const k of c.children) inset(k, 1);
    work += c.children.length;
    if (work >= STEP_WORK) {
      work = 0;
      yield;
    }
  }

  const tiles: TreemapTile[] = [];
  for (let i = 0; i < level1.length; i++) {
    const c = level1[i]!;
    round(c);
    tiles.push(tile(c, null, i, level1.length, total, options, fontSize, true));
    const parentValue = c.value;
    const kids = c.children ?? [];
    const area = smaller.get(c);
    const drawn = area ? area.from : kids.length;
    for (let j = 0; j < drawn; j++) {
      const k = round(kids[j]!);
      // on canvas, a line too small to show a pixel is not drawn, hit or labelled: it has no tile
      if (canvas && (k.x1 <= k.x0 || k.y1 <= k.y0)) continue;
      // tiles drawn on canvas carry no label
      tiles.push(tile(k, c.data.id, j, kids.length, parentValue, options, fontSize, !canvas));
      if (++work >= STEP_WORK) {
        work = 0;
        yield;
      }
    }
    if (area) {
      const nodes: BudgetNode[] = [];
      let value = 0;
      for (let j = kids.length - 1; j >= area.from; j--) value += kids[j]!.value;
      for (let j = area.from; j < kids.length; j++) nodes.push(kids[j]!.data);
      const a: Cell = { data: c.data, depth: 2, value, x0: area.x0, y0: area.y0, x1: area.x1, y1: area.y1 };
      const share = parentValue > 0 ? value / parentValue : 0;
      const t = tile(a, c.data.id, 0, 1, parentValue, options, fontSize, true, () =>
        options.smallerText
          ? options.smallerText(nodes, largest ? value * largest : value, share, c.data)
          : null,
      );
      t.hasChildren = false;
      t.smaller = { count: nodes.length, nodes, amount: largest ? value * largest : value };
      tiles.push(t);
    }
  }
  let key = 0;
  for (const t of tiles) if (t.labels.key !== undefined) t.labels.key = ++key;
  return { width, height, total: largest ? total * largest : total, tiles, canvas };
}

/** A cell's value and place among its siblings, before it is laid out (see {@link rankSteps}). */
interface Ranked {
  data: BudgetNode;
  value: number;
  /** What it is sorted by, largest first: its value, or -1 for the part no source itemises (it comes last). */
  rank: number;
  children?: Ranked[];
}

/** The ranked levels of each branch laid out (a resize, the share measured, drilling back up rank nothing again). */
const rankedLevels = new WeakMap<BudgetNode, { largest: number; level1: Ranked[] }>();

/**
 * The two levels drawn of `focus`, valued as d3's `sum` values them and sorted as the tiles are placed, in steps (a
 * programme can have 250,000 lines).
 */
function* rankSteps(focus: BudgetNode): Generator<void, { largest: number; level1: Ranked[] }> {
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
  const level1: Ranked[] = [];
  for (const c of focus.children) {
    const one: Ranked = { data: c, value: 0, rank: 0 };
    if (c.children.length) {
      const kids: Ranked[] = [];
      for (const k of c.children) {
        const value = sumOf(k);
        kids.push({ data: k, value, rank: k.kind === 'rest' ? -1 : value });
        if (work >= STEP_WORK) {
          work = 0;
          yield;
        }
      }
      let sum = 0;
      for (let i = kids.length - 1; i >= 0; i--) sum += kids[i]!.value;
      one.value = sum;
      one.children = kids;
    } else one.value = sumOf(c);
    one.rank = c.kind === 'rest' ? -1 : one.value;
    level1.push(one);
  }
  // the part no source itemises comes last (bottom right), so the known parts lead the picture; the rank is read
  // without reaching the node (compared only among the lines of one value, see sortSteps)
  const order = (a: Ranked, b: Ranked) =>
    b.rank - a.rank || b.value - a.value || a.data.id.localeCompare(b.data.id);
  // a programme's parts are sorted in steps
  for (const c of level1) if (c.children) c.children = yield* sortSteps(c.children, order);
  return { largest, level1: yield* sortSteps(level1, order) };
}

/**
 * Where a parent's lines too small to draw begin, on canvas: the row (of the squarified tiling) of its first line that
 * would cover no pixel once padded and rounded, and the rectangle that row and the rows after it fill, padded as a
 * tile is; `null` when every line covers a pixel or the area would not.
 */
function smallerArea(
  kids: readonly Cell[],
): { from: number; x0: number; y0: number; x1: number; y1: number } | null {
  // a line of no amount has no area to show: it is not what begins the area (it joins it when it comes after)
  let k = kids.findIndex((c) => c.value > 0 && empty(c));
  if (k < 0) return null;
  // back to the first line of its row: a row's cells share their thickness and follow one another without a gap
  while (k > 0) {
    const a = kids[k - 1]!;
    const b = kids[k]!;
    const dice = a.y0 === b.y0 && a.y1 === b.y1 && a.x1 === b.x0;
    const slice = a.x0 === b.x0 && a.x1 === b.x1 && a.y1 === b.y0;
    if (!dice && !slice) break;
    k--;
  }
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = k; i < kids.length; i++) {
    const c = kids[i]!;
    if (c.x0 < x0) x0 = c.x0;
    if (c.y0 < y0) y0 = c.y0;
    if (c.x1 > x1) x1 = c.x1;
    if (c.y1 > y1) y1 = c.y1;
  }
  const area = { data: kids[k]!.data, depth: 2 as const, value: 0, x0, y0, x1, y1 };
  inset(area, 1);
  round(area);
  return area.x1 > area.x0 && area.y1 > area.y0 ? { ...area, from: k } : null;
}

/** Whether a cell (not yet padded) covers no pixel once padded by 1 px and rounded, as its tile would be. */
function empty(c: Cell): boolean {
  return thin(c.x0, c.x1) || thin(c.y0, c.y1);
}

/** {@link inset} by 1 px then {@link round} on one axis, without a copy of the cell: whether nothing is left. */
function thin(a: number, b: number): boolean {
  let a1 = a + 1;
  let b1 = b - 1;
  if (b1 < a1) a1 = b1 = (a1 + b1) / 2;
  return Math.round(b1) <= Math.round(a1);
}

const amountOf = (n: BudgetNode) => {
  const v = n.amount?.eur ?? 0;
  return Number.isFinite(v) && v > 0 ? v : 0;
};

/**
 * `items` in the order of {@link rankSteps}' comparison `order` (largest rank first, then value, then id; the first
 * one first on a tie, as a stable sort), in steps: the values sorted as numbers (a typed array's own sort, no
 * comparison called), each line put in the first free place of its value (found by bisection: lines of one value keep
 * their order, then are sorted by `order`); the part no source itemises (rank -1) after them, sorted by `order`.
 */
function* sortSteps(items: Ranked[], order: (a: Ranked, b: Ranked) => number): Generator<void, Ranked[]> {
  const rest: Ranked[] = [];
  const lines: Ranked[] = [];
  for (const r of items) (r.rank < 0 ? rest : lines).push(r);
  const n = lines.length;
  const values = Float64Array.from(lines, (r) => r.value).sort();
  /** At the first place of each value: how many lines of that value are placed. */
  const placed = new Uint32Array(n);
  const at: Ranked[] = new Array<Ranked>(n);
  let work = 0;
  for (const r of lines) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! < r.value) lo = mid + 1;
      else hi = mid;
    }
    at[lo + placed[lo]++] = r;
    if (++work % STEP_WORK === 0) yield;
  }
  const sorted: Ranked[] = [];
  for (let i = n - 1; i >= 0; i--) {
    // a value's lines from its first place up (the places above it hold none)
    const k = placed[i]!;
    if (k === 1) sorted.push(at[i]!);
    else if (k) for (const r of at.slice(i, i + k).sort(order)) sorted.push(r);
    if (++work % STEP_WORK === 0) yield;
  }
  return sorted.concat(rest.sort(order));
}

/** Takes `p` pixels from each side of a cell, as d3's padding does (a cell thinner than that collapses). */
function inset(c: Cell, p: number): void {
  let x0 = c.x0 + p;
  let y0 = c.y0 + p;
  let x1 = c.x1 - p;
  let y1 = c.y1 - p;
  if (x1 < x0) x0 = x1 = (x0 + x1) / 2;
  if (y1 < y0) y0 = y1 = (y0 + y1) / 2;
  c.x0 = x0;
  c.y0 = y0;
  c.x1 = x1;
  c.y1 = y1;
}

function round(c: Cell): Cell {
  c.x0 = Math.round(c.x0);
  c.y0 = Math.round(c.y0);
  c.x1 = Math.round(c.x1);
  c.y1 = Math.round(c.y1);
  return c;
}

/** The label of the tiles that have none (frozen: shared by all of them). */
const NO_LABEL: TreemapLabels = Object.freeze({ lines: Object.freeze([]) as unknown as TreemapLine[] });

function tile(
  n: Cell,
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
  const w = n.x1 - n.x0;
  const h = n.y1 - n.y0;
  const share = total > 0 ? n.value / total : 0;
  const hasChildren = n.data.children.length > 0;
  // the label text is only formatted for tiles that can hold at least a key number
  const text = labelled && w >= 16 && h >= 16 ? (own ? own() : options.text(n.data, share)) : null;
  return {
    key: n.data.id,
    node: n.data,
    depth: n.depth,
    parentKey,
    x: n.x0,
    y: n.y0,
    w,
    h,
    share,
    pos: index + 1,
    setSize,
    hasChildren,
    // a tile without a label (most of 10,000 on canvas) shares one empty label, and fits nothing
    labels: text ? labelOf(text, n.depth === 1 && hasChildren, w, h, options, fontSize) : NO_LABEL,
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
