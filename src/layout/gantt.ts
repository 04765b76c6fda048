import { utcCalendarTicks } from './time-ticks';
import {
  isUnknown,
  type DateSpan,
  type PhaseGroup,
  type PhaseItem,
  type PhaseRows,
  type ShownDate,
} from '../select/phase-rows';
import { estimateWidth, fitText, wrapText, type Measure } from './text-fit';
import { finish } from '../util/steps';

/** A horizontal segment in pixels. */
export interface Seg {
  x: number;
  w: number;
}

/** A text placed in a row. `anchor` is the SVG `text-anchor`. */
export interface GanttLabel {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'end';
  /** `edge`: the item lies beyond the window, its year written at that edge (`◂ 1985`, `2024 ▸`). */
  kind: 'date' | 'ghost' | 'open' | 'edge';
  /** A label written over a mark (inside an open tail) sits on a plate of the background colour. */
  plate?: Seg;
}

/** A conflicting report drawn beside the drawn date: an extension past the bar, a tick inside it, or a ghost mark. */
export interface GanttGhost {
  kind: 'extension' | 'tick' | 'mark';
  x: number;
  w: number;
  /** Centre of a ghost diamond (kind `mark`). */
  cx: number;
  which: 'start' | 'end' | 'date';
  alt: DateSpan;
}

export interface GanttBar {
  y: number;
  h: number;
  /** The part between the end of the start period and the start of the end period. */
  solid: Seg | null;
  /** A month- or year-precise start or end: the whole month or year, drawn soft. */
  softStart: Seg | null;
  softEnd: Seg | null;
  /** An unknown end: an open tail up to the as-of date. */
  open: Seg | null;
  approx: boolean;
  derived: boolean;
}

export interface GanttMark {
  cx: number;
  cy: number;
  r: number;
  /** The month or year the date stands for, when it is not day-precise. */
  soft: Seg | null;
  approx: boolean;
  derived: boolean;
}

export interface GanttRow {
  key: string;
  kind: 'group' | 'item';
  level: 1 | 2;
  pos: number;
  setSize: number;
  y: number;
  h: number;
  group: PhaseGroup;
  item: PhaseItem | null;
  expanded: boolean;
  colour: number;
  /**
   * The row's name as it fits (left column, or above the bar when narrow); null when nothing fits. Fitted (measured)
   * when first read.
   */
  readonly name: string | null;
  /** The name on one to three lines as it fits (measured); empty when nothing fits. Fitted when first read. */
  readonly nameLines: readonly string[];
  nameX: number;
  nameY: number;
  /** A group's summary bar (first to last instant of its items). */
  summary: Seg | null;
  bar: GanttBar | null;
  mark: GanttMark | null;
  planned: (GanttBar & { y: number }) | null;
  ghosts: GanttGhost[];
  /** The labels of the row, placed (measured) when first read. */
  readonly labels: GanttLabel[];
  /** What the row draws in the plot, left to right (bar, mark and labels): where its cells are focused. */
  readonly extent: Seg | null;
}

/** The labels of an item's row and what they widen, placed when first read. */
interface Placed {
  labels: GanttLabel[];
  extent: Seg | null;
  altLines: number;
}

type ItemRowFields = Omit<GanttRow, 'name' | 'nameLines' | 'labels' | 'extent'>;

/**
 * An item's row: its place and marks set at layout, its name fitted and its labels placed when first read (100,000
 * rows are laid out for the few drawn). Serialises as a plain row.
 */
class ItemRow implements GanttRow {
  key: string;
  kind: 'group' | 'item';
  level: 1 | 2;
  pos: number;
  setSize: number;
  y: number;
  h: number;
  group: PhaseGroup;
  item: PhaseItem | null;
  expanded: boolean;
  colour: number;
  nameX: number;
  nameY: number;
  summary: Seg | null;
  bar: GanttBar | null;
  mark: GanttMark | null;
  planned: (GanttBar & { y: number }) | null;
  ghosts: GanttGhost[];
  #fit: (() => string[]) | null;
  #lines: readonly string[] | null = null;
  #place: Placed | (() => Placed);
  constructor(f: ItemRowFields, fit: () => string[], place: Placed | (() => Placed)) {
    this.key = f.key;
    this.kind = f.kind;
    this.level = f.level;
    this.pos = f.pos;
    this.setSize = f.setSize;
    this.y = f.y;
    this.h = f.h;
    this.group = f.group;
    this.item = f.item;
    this.expanded = f.expanded;
    this.colour = f.colour;
    this.nameX = f.nameX;
    this.nameY = f.nameY;
    this.summary = f.summary;
    this.bar = f.bar;
    this.mark = f.mark;
    this.planned = f.planned;
    this.ghosts = f.ghosts;
    this.#fit = fit;
    this.#place = place;
  }
  get nameLines(): readonly string[] {
    if (!this.#lines) {
      this.#lines = this.#fit!();
      this.#fit = null;
    }
    return this.#lines;
  }
  get name(): string | null {
    return this.nameLines.join(' ') || null;
  }
  #placed(): Placed {
    if (typeof this.#place === 'function') this.#place = this.#place();
    return this.#place;
  }
  get labels(): GanttLabel[] {
    return this.#placed().labels;
  }
  get extent(): Seg | null {
    return this.#placed().extent;
  }
  /** The row as a plain object, in the order of {@link GanttRow}. */
  toJSON(): Record<string, unknown> {
    const { key, kind, level, pos, setSize, y, h, group, item, expanded, colour } = this;
    const { nameLines, nameX, nameY, summary, bar, mark, planned, ghosts, labels, extent } = this;
    return {
      ...{ key, kind, level, pos, setSize, y, h, group, item, expanded, colour },
      ...{ nameLines, nameX, nameY, summary, bar, mark, planned, ghosts, labels, extent },
    };
  }
}

export interface GanttTick {
  x: number;
  /** Empty when the label would collide with the as-of or today label (the tick line stays). */
  label: string;
  /** The tick starts a year (drawn stronger). */
  major: boolean;
}

export interface GanttArrow {
  key: string;
  d: string;
  /** Vertical extent, to draw only the arrows near the visible rows. */
  y0: number;
  y1: number;
}

export interface GanttGeometry {
  width: number;
  /** Height of all rows. */
  height: number;
  narrow: boolean;
  plotX0: number;
  plotX1: number;
  /** Width of the name column (0 when narrow). */
  nameWidth: number;
  rows: GanttRow[];
  ticks: GanttTick[];
  asOfX: number | null;
  todayX: number | null;
  /** The as-of and today labels on the tick line, measured and clear of the tick labels (null when off the window). */
  asOfLabel: AxisLabel | null;
  todayLabel: AxisLabel | null;
  arrows: GanttArrow[];
  /** The time window drawn, UTC ms. */
  window: [number, number];
  /** Items entirely before or after the window: counted, never dropped silently. */
  before: EdgeCount | null;
  after: EdgeCount | null;
}

/** A label on the axis's tick line. */
export interface AxisLabel {
  x: number;
  anchor: 'start' | 'end';
  text: string;
}

/** Items off one edge of the window: how many, and the instant of the farthest. */
export interface EdgeCount {
  count: number;
  farthest: number;
}

export type TickUnit = 'year' | 'month' | 'day';

/** The words the layout places, from `describe/gantt.ts` (a text map, not callbacks into the element). */
export interface GanttTexts {
  /** Name of each programme, by programme id. */
  groups: ReadonlyMap<string, string>;
  /** Name of each item, by item id. */
  items: ReadonlyMap<string, string>;
  /** A short date written next to a milestone or event, by item id (absent: none). */
  markDates: ReadonlyMap<string, string>;
  /** The text of each conflicting report (the alternative date object of the view), e.g. `Civipol: Dec 2023`. */
  ghosts: ReadonlyMap<DateSpan, string>;
  /** Written after an open bar (unknown end). */
  openEnd: string;
  /** A tick label (a pure formatter: the ticks depend on the window). */
  tick: (d: Date, unit: TickUnit) => string;
  /** The label of the as-of line (`as of Sep 2024`) and of the today line, placed on the axis. */
  asOf?: string;
  today?: string;
}

export interface GanttOptions {
  width: number;
  /** Ids of collapsed groups. */
  collapsed: ReadonlySet<string>;
  /** Time window (UTC ms); default: the opening window, where the main programme lies (`storyWindow`). */
  window?: [number, number] | null | undefined;
  asOf: number;
  today?: number | null | undefined;
  /** Narrow layout (names above bars, fewer ticks); default: width ≤ 800. */
  narrow?: boolean;
  fontSize?: number;
  text: GanttTexts;
  /** Measures text in the widget's font (default: a deterministic estimate, for Node tests). */
  measure?: Measure;
}

export const ROW = 26;
export const ROW_NARROW = 40;
/** Height of a second line of a row's name. */
export const NAME_LINE = 14;
/** Rows whose name needs two lines are this much taller (three lines: twice). */
export const ROW_WRAP = 12;
/** Extra height of a row whose item has conflicting reports (their labels go on a line under the bar). */
export const ALT_LINE = 14;

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The default window: the data's extent (and `include`, e.g. today) with a 3% margin each side. */
export function defaultWindow(view: PhaseRows, include?: number | null): [number, number] {
  const lo = Math.min(view.domain[0], include ?? Infinity);
  const hi = Math.max(view.domain[1], include ?? -Infinity);
  const pad = Math.max((hi - lo) * 0.03, 864e5 * 15);
  return [lo - pad, hi + pad];
}

/** Where an item lies: a phase from its start to its end (the as-of date for an unknown end), else its date. */
export function itemExtent(i: PhaseItem, asOf: number): [number, number] | null {
  if (i.kind === 'phase' && i.start) {
    const end = i.end && !isUnknown(i.end) ? i.end.hi : Math.max(asOf, i.start.hi);
    return [i.start.lo, end];
  }
  return i.date ? [i.date.lo, i.date.hi] : null;
}

/**
 * The window a reader should see first: where the items of the main programme (the programme with the most items)
 * lie — their dated starts, ends and dates, open tails left out, a lone far outlier dropped — padded by 8 % each side.
 * The whole extent when that window would show nearly everything anyway, or when there is no programme to follow.
 */
export function storyWindow(view: PhaseRows, include?: number | null): [number, number] {
  const full = defaultWindow(view, include);
  const main = view.groups
    .filter((g) => g.kind === 'programme')
    .reduce<PhaseGroup | null>((a, g) => (!a || g.items.length > a.items.length ? g : a), null);
  if (!main) return full;
  const times: number[] = [];
  for (const i of main.items) {
    if (i.kind === 'phase' && i.start) {
      times.push(i.start.lo);
      if (i.end && !isUnknown(i.end)) times.push(i.end.hi);
    } else if (i.date) times.push((i.date.lo + i.date.hi) / 2);
  }
  times.sort((a, b) => a - b);
  if (times.length < 2) return full;
  let a = 0;
  let b = times.length - 1;
  // drop a first or last instant far from the others (more than half the rest's span away), keeping 80 %
  while (b - a + 1 > Math.ceil(times.length * 0.8)) {
    const rest = times[b - 1]! - times[a + 1]!;
    if (times[a + 1]! - times[a]! > rest / 2) a++;
    else if (times[b]! - times[b - 1]! > rest / 2) b--;
    else break;
  }
  const lo = times[a]!;
  const hi = times[b]!;
  const pad = Math.max((hi - lo) * 0.08, 864e5 * 30);
  const w: [number, number] = [lo - pad, hi + pad];
  return w[1] - w[0] > (full[1] - full[0]) * 0.7 ? full : w;
}

/** Whether a window shows the whole extent of the data (with `include`, e.g. today). */
export function showsAll(w: readonly [number, number], view: PhaseRows, include?: number | null): boolean {
  const full = defaultWindow(view, include);
  return w[0] <= full[0] && w[1] >= full[1];
}

/** Items entirely before and after a window (folded programmes included). */
export function offWindow(
  view: PhaseRows,
  win: readonly [number, number],
): { before: EdgeCount | null; after: EdgeCount | null } {
  return finish(offWindowSteps(view, win));
}

/** {@link offWindow} in steps of {@link ITEMS_PER_PASS_STEP} items. */
function* offWindowSteps(
  view: PhaseRows,
  win: readonly [number, number],
): Generator<void, { before: EdgeCount | null; after: EdgeCount | null }> {
  let before: EdgeCount | null = null;
  let after: EdgeCount | null = null;
  const asOf = view.asOf.lo;
  let n = 0;
  for (const g of view.groups)
    for (const i of g.items) {
      if (++n % ITEMS_PER_PASS_STEP === 0) yield;
      // itemExtent's bounds, without an array for each of 100,000 items
      let lo: number;
      let hi: number;
      if (i.kind === 'phase' && i.start) {
        lo = i.start.lo;
        hi = i.end && !isUnknown(i.end) ? i.end.hi : Math.max(asOf, i.start.hi);
      } else if (i.date) {
        lo = i.date.lo;
        hi = i.date.hi;
      } else continue;
      if (hi <= win[0]) {
        before ??= { count: 0, farthest: lo };
        before.count++;
        before.farthest = Math.min(before.farthest, lo);
      } else if (lo >= win[1]) {
        after ??= { count: 0, farthest: hi };
        after.count++;
        after.farthest = Math.max(after.farthest, hi);
      }
    }
  return { before, after };
}

/** Zooms a window by `factor` (< 1 zooms in) around `at` (UTC ms; default its centre), within sane limits. */
export function zoomWindow(w: [number, number], factor: number, at?: number): [number, number] {
  const c = at ?? (w[0] + w[1]) / 2;
  const span = w[1] - w[0];
  const next = Math.min(Math.max(span * factor, 864e5 * 14), 864e5 * 365.25 * 200);
  const k = next / span;
  return [Math.round(c - (c - w[0]) * k), Math.round(c + (w[1] - c) * k)];
}

/** Pans a window by a share of its span (negative: to the past). */
export function panWindow(w: [number, number], share: number): [number, number] {
  const d = Math.round((w[1] - w[0]) * share);
  return [w[0] + d, w[1] + d];
}

function tickUnit(ticks: Date[]): TickUnit {
  if (ticks.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1)) return 'year';
  if (ticks.every((d) => d.getUTCDate() === 1)) return 'month';
  return 'day';
}

/**
 * Greedy label placement: right of the anchor if free, else left, else hidden. Soft obstacles (the strokes of
 * dependency arrows, which pass behind a label's halo) are avoided when a side is free of them, crossed otherwise.
 */
/** An interval of x, `[from, to]`. */
type Span = [number, number];

class Placer {
  private taken: [number, number, boolean][] = [];
  constructor(
    private readonly x0: number,
    private readonly x1: number,
  ) {}
  occupy(a: number, b: number, soft = false) {
    this.taken.push([Math.min(a, b), Math.max(a, b), soft]);
  }
  private free(a: number, b: number, hard: boolean): boolean {
    return (
      a >= this.x0 && b <= this.x1 && this.taken.every(([p, q, soft]) => (hard && soft) || b <= p || a >= q)
    );
  }
  place(right: number, left: number, w: number): { x: number; anchor: 'start' | 'end' } | null {
    for (const hard of [false, true]) {
      if (this.free(right + 4, right + 4 + w, hard)) {
        this.occupy(right + 2, right + 6 + w);
        return { x: r1(right + 4), anchor: 'start' };
      }
      if (this.free(left - 4 - w, left - 4, hard)) {
        this.occupy(left - 6 - w, left - 2);
        return { x: r1(left - 4), anchor: 'end' };
      }
    }
    return null;
  }
}

/**
 * The Gantt's geometry: one row per programme (a header with its summary bar) and per item of an expanded
 * programme; bars with soft ends at month or year precision, open tails for unknown ends, ghost extensions, ticks
 * and marks for conflicting reports, planned bars, dependency arrows routed along the gaps between rows, ticks
 * that adapt to the window. Pure: no DOM, no clock; coordinates rounded to 0.1 px.
 */
export function layoutGantt(view: PhaseRows, options: GanttOptions): GanttGeometry {
  return finish(layoutGanttSteps(view, options));
}

/** Rows laid out between two pauses of {@link layoutGanttSteps}. */
const ROWS_PER_STEP = 1000;
/** Items read between two pauses of a pass over all items (the window's edges, the arrows' strokes). */
const ITEMS_PER_PASS_STEP = 10_000;

/**
 * {@link layoutGantt} in steps: the generator pauses every {@link ROWS_PER_STEP} rows (and between its passes over
 * all items), so that a caller can yield to the page between steps (100,000 rows); it returns the geometry.
 */
export function* layoutGanttSteps(view: PhaseRows, options: GanttOptions): Generator<void, GanttGeometry> {
  const width = Math.max(160, Math.round(options.width));
  // names above their bars up to 800 px: a name column there would cut a third of the names
  const narrow = options.narrow ?? width <= 800;
  const fs = options.fontSize ?? 12;
  // the name column: a third of the width, up to 360 px (two lines of 330 px hold the longest names at 1280 px)
  const nameWidth = narrow ? 0 : Math.round(Math.min(360, Math.max(130, width * 0.3)));
  const plotX0 = narrow ? 8 : nameWidth + 10;
  const plotX1 = width - (narrow ? 8 : 14);
  const win = options.window ?? storyWindow(view, options.today);
  // a UTC time scale is linear in milliseconds: one multiplication per coordinate, no Date objects (10,000 rows);
  // calendar ticks without d3-scale, d3-time and d3-time-format (~27 KB less in the bundle)
  const k = (plotX1 - plotX0) / (win[1] - win[0]);
  const x = (d: Date) => plotX0 + (d.getTime() - win[0]) * k;
  const X = (t: number) => r1(Math.max(plotX0 - 4, Math.min(plotX1 + 4, plotX0 + (t - win[0]) * k)));
  const inWindow = (t: number) => t >= win[0] && t <= win[1];
  const seg = (lo: number, hi: number): Seg | null => {
    if (hi <= win[0] || lo >= win[1]) return null;
    const a = X(lo);
    const b = X(hi);
    return { x: a, w: r1(Math.max(1, b - a)) };
  };
  const rowH = narrow ? ROW_NARROW : ROW;
  const text = options.text;
  const measure = options.measure ?? estimateWidth;
  // obstacles of every row's labels: the as-of and today lines
  const lines = [options.asOf, options.today].filter((t): t is number => t != null && inWindow(t)).map(X);

  // a name that does not fit on one line takes two, or three when two do not hold it whole (its row is taller; a
  // third line that does not hold the rest ends in an ellipsis); one measure per row at layout for a name that fits
  // on one line, its lines wrapped when first read: 10,000 names are not wrapped for the few rows drawn
  const nameLineCount = (full: string, max: number, weight?: number) =>
    measure(full, fs, weight) <= max ? 1 : wrapText(full, max, fs, 2, measure, weight, true) ? 2 : 3;
  const fitName = (full: string, max: number, count: number, weight?: number): string[] =>
    count === 1
      ? [full]
      : (wrapText(full, max, fs, count, measure, weight) ??
        [fitText(full, max, fs, 3, measure, weight)].filter((l): l is string => !!l));
  const lazyName = (row: GanttRow, full: string, max: number, count: number, weight?: number) => {
    let fitted: string[] | undefined;
    const get = () => (fitted ??= fitName(full, max, count, weight));
    Object.defineProperty(row, 'nameLines', { enumerable: true, get });
    Object.defineProperty(row, 'name', { enumerable: false, get: () => get().join(' ') || null });
  };
  const rows: GanttRow[] = [];
  // the predecessors named by the items' dependencies (a few among 100,000 rows), their rows and row indexes
  const referenced = new Set<string>();
  for (const g of view.groups) for (const i of g.items) for (const id of i.after) referenced.add(id);
  yield;
  const rowOf = new Map<string, { row: GanttRow; index: number }>();
  const strokesAt = yield* arrowStrokes();
  yield;
  let y = 0;
  // the index of an item row among the items of the expanded programmes (where the arrows' strokes are noted)
  let shownIndex = 0;
  for (const [gi, g] of view.groups.entries()) {
    const expanded = !options.collapsed.has(g.id);
    const full = text.groups.get(g.id) ?? g.short;
    const max = narrow ? plotX1 - plotX0 - 20 : nameWidth - 22;
    const count = nameLineCount(full, max, 700);
    const extra = (count - 1) * (narrow ? NAME_LINE : ROW_WRAP);
    const summary = g.span ? seg(g.span[0], g.span[1]) : null;
    // narrow: the summary bar under the name; none in the window, no empty band for it
    const h = (narrow && !summary ? ROW : rowH) + extra;
    const header: GanttRow = {
      key: `group:${g.id}`,
      kind: 'group',
      level: 1,
      pos: gi + 1,
      setSize: view.groups.length,
      y,
      h,
      group: g,
      item: null,
      expanded,
      colour: g.colour,
      name: null,
      nameLines: [],
      nameX: narrow ? plotX0 + 18 : 22,
      nameY: narrow ? y + 14 : r1(y + h / 2 + fs * 0.35 - ((count - 1) * NAME_LINE) / 2),
      summary,
      bar: null,
      mark: null,
      planned: null,
      ghosts: [],
      labels: [],
      extent: summary,
    };
    lazyName(header, full, max, count, 700);
    rows.push(header);
    y += h;
    if (!expanded) continue;
    for (let ii = 0; ii < g.items.length; ii++) {
      const item = g.items[ii]!;
      const row = itemRow(item, ii, g, y, shownIndex++);
      if (referenced.has(item.id)) rowOf.set(item.id, { row, index: rows.length });
      rows.push(row);
      y += row.h;
      if (rows.length % ROWS_PER_STEP === 0) yield;
    }
  }
  yield;

  /**
   * Where the dependency arrows run vertically, by the item whose row they cross (the predecessor's, those between,
   * the successor's): obstacles for the labels of those rows, known before the rows are placed. Each row gets the
   * strokes as merged intervals (3 px either side), asked for when its labels are placed (the rows drawn, not all
   * 100,000): the arrows are listed once, sorted by their first row, and a row reads those that may reach it.
   */
  function* arrowStrokes(): Generator<void, (shownIndex: number) => readonly Span[]> {
    if (!referenced.size) return () => [];
    // the position among the shown items of those that have or are a predecessor
    const shown: PhaseItem[] = [];
    const pos = new Map<string, number>();
    const byId = new Map<string, PhaseItem>();
    let n = 0;
    for (const g of view.groups) {
      if (options.collapsed.has(g.id)) continue;
      for (const it of g.items) {
        if (n % ITEMS_PER_PASS_STEP === ITEMS_PER_PASS_STEP - 1) yield;
        if (it.after.length || referenced.has(it.id)) {
          pos.set(it.id, n);
          byId.set(it.id, it);
          shown.push(it);
        }
        n++;
      }
    }
    const when = (it: PhaseItem, end: boolean): number | null => {
      if (it.kind !== 'phase')
        return it.date ? (it.date.granularity === 'day' ? it.date.lo : (it.date.lo + it.date.hi) / 2) : null;
      const e = itemExtent(it, options.asOf);
      return e ? e[end ? 1 : 0] : null;
    };
    // a stroke at x over rows p…q (both included), and the arrow's head (x) on row q
    const strokes: { p: number; q: number; x: number; head: number }[] = [];
    for (const succ of shown)
      for (const id of succ.after) {
        const p = pos.get(id);
        const q = pos.get(succ.id)!;
        const t1 = p === undefined ? null : when(byId.get(id)!, true);
        const t2 = when(succ, false);
        if (p === undefined || p >= q || t1 === null || t2 === null || !inWindow(t1) || !inWindow(t2))
          continue;
        if (narrow && p + 1 !== q) continue;
        strokes.push({ p, q, x: X(t1) + 5, head: X(t2) - 7 });
      }
    if (!strokes.length) return () => [];
    // by first row; a row's strokes start at most `longest` rows above it: a binary search, then a short scan
    strokes.sort((a, b) => a.p - b.p);
    const longest = strokes.reduce((m, a) => Math.max(m, a.q - a.p), 0);
    const firstFrom = (row: number) => {
      let lo = 0;
      let hi = strokes.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (strokes[m]!.p < row) lo = m + 1;
        else hi = m;
      }
      return lo;
    };
    return (k) => {
      const xs: number[] = [];
      for (let i = firstFrom(k - longest); i < strokes.length && strokes[i]!.p <= k; i++) {
        const a = strokes[i]!;
        if (a.q < k) continue;
        xs.push(a.x);
        if (a.q === k) xs.push(a.head);
      }
      if (!xs.length) return [];
      const out: Span[] = [];
      for (const x of xs.sort((a, b) => a - b)) {
        const last = out[out.length - 1];
        if (last && x - 3 <= last[1]) last[1] = x + 3;
        else out.push([x - 3, x + 3]);
      }
      return out;
    };
  }

  function itemRow(item: PhaseItem, index: number, g: PhaseGroup, y0: number, shownIndex: number): GanttRow {
    const full = text.items.get(item.id) ?? item.id;
    const max = narrow ? plotX1 - plotX0 : nameWidth - 30;
    const count = nameLineCount(full, max);
    // narrow: the name above the bar (a second line pushes the bar down); wide: the bar centred on the name
    const extra = (count - 1) * (narrow ? NAME_LINE : ROW_WRAP);
    const top = narrow ? y0 + 19 + extra : y0 + 5 + extra / 2;
    const barH = 12;
    const mid = top + barH / 2;
    const ghosts: GanttGhost[] = [];
    let bar: GanttBar | null = null;
    let mark: GanttMark | null = null;
    let planned: GanttRow['planned'] = null;
    let right = plotX0;
    let left = plotX1;
    if (item.kind === 'phase' && item.start) {
      const s = item.start;
      const e = item.end;
      const soft = (d: DateSpan) => (d.granularity === 'day' ? null : seg(d.lo, d.hi));
      if (e && !isUnknown(e)) {
        bar = {
          y: top,
          h: barH,
          solid: seg(s.granularity === 'day' ? s.lo : s.hi, e.granularity === 'day' ? e.hi : e.lo),
          softStart: soft(s),
          softEnd: soft(e),
          open: null,
          approx: s.precision === 'approx' || e.precision === 'approx',
          derived: s.precision === 'derived' || e.precision === 'derived',
        };
        left = X(s.lo);
        right = X(e.hi);
        addGhosts(s, 'start', s.lo, e.hi);
        addGhosts(e, 'end', s.lo, e.hi);
      } else {
        // end unknown: the start, then an open tail to the as-of date
        const tailEnd = Math.max(options.asOf, s.hi);
        bar = {
          y: top,
          h: barH,
          solid: null,
          softStart: soft(s),
          softEnd: null,
          open: seg(s.hi, tailEnd),
          approx: s.precision === 'approx',
          derived: s.precision === 'derived',
        };
        left = X(s.lo);
        right = X(tailEnd);
        addGhosts(s, 'start', s.lo, tailEnd);
      }
      const p = item.planned;
      if (p && (p.start || p.end)) {
        const ps = p.start ?? s;
        const pe = p.end;
        if (pe) {
          planned = {
            y: top + barH + 2,
            h: 4,
            solid: seg(ps.granularity === 'day' ? ps.lo : ps.hi, pe.granularity === 'day' ? pe.hi : pe.lo),
            softStart: ps.granularity === 'day' ? null : seg(ps.lo, ps.hi),
            softEnd: pe.granularity === 'day' ? null : seg(pe.lo, pe.hi),
            open: null,
            approx: pe.precision === 'approx',
            derived: pe.precision === 'derived',
          };
        }
      }
    } else if (item.date) {
      const d = item.date;
      const t = d.granularity === 'day' ? d.lo : (d.lo + d.hi) / 2;
      if (inWindow(t)) {
        mark = {
          cx: X(t),
          cy: mid,
          r: 6,
          soft: d.granularity === 'day' ? null : seg(d.lo, d.hi),
          approx: d.precision === 'approx',
          derived: d.precision === 'derived',
        };
        left = mark.soft ? Math.min(mark.soft.x, mark.cx - 7) : mark.cx - 7;
        right = mark.soft ? Math.max(mark.soft.x + mark.soft.w, mark.cx + 7) : mark.cx + 7;
      }
      addGhosts(d, 'date', t, t);
    }

    /**
     * The labels (the date beside a milestone, "end unknown", the year at an edge, the conflicting reports) placed
     * clear of each other, of the as-of and today lines and of the arrows, and what the row draws with them. Measured
     * text: run for the rows drawn (or read), not for all rows at layout; a row whose conflicting reports may need a
     * second line is placed at once (its height depends on it).
     */
    const place = (): Placed => {
      const placer = new Placer(plotX0, plotX1);
      const arrowsHere = strokesAt(shownIndex);
      for (const lx of lines) placer.occupy(lx - 3, lx + 3);
      for (const [a, b] of arrowsHere) placer.occupy(a, b, true);
      const labels: GanttLabel[] = [];
      if (bar || mark) placer.occupy(left, right);
      for (const gh of ghosts) placer.occupy(gh.x, gh.x + gh.w);
      // the date beside a milestone, or "end unknown" after an open bar
      const after = bar?.open
        ? text.openEnd
        : item.kind !== 'phase' && mark
          ? (text.markDates.get(item.id) ?? null)
          : null;
      if (after) {
        // "end unknown →" only after its tail: written before the bar it would point the wrong way; with no room
        // after it (the tail runs past the window), inside the tail's end, on a halo
        const w = measure(after, fs - 1);
        const open = bar?.open;
        let at = placer.place(right, open ? -Infinity : left, w);
        let plate: Seg | undefined;
        if (!at && open && open.w >= w + 16) {
          at = { x: r1(open.x + open.w - 6), anchor: 'end' };
          plate = { x: r1(at.x - w - 3), w: r1(w + 6) };
        }
        if (at)
          labels.push({
            ...at,
            y: r1(mid + fs * 0.35),
            text: after,
            kind: open ? 'open' : 'date',
            ...(plate && { plate }),
          });
      }
      // an item beyond the window: its year at that edge, pointing at it
      const drawn = !!mark || !!(bar && (bar.solid || bar.softStart || bar.softEnd || bar.open));
      const span = drawn ? null : itemExtent(item, options.asOf);
      if (span && (span[1] <= win[0] || span[0] >= win[1])) {
        const early = span[1] <= win[0];
        const year = text.tick(new Date(early ? span[0] : span[1] - 1), 'year');
        const s = early ? `◂ ${year}` : `${year} ▸`;
        labels.push({
          x: early ? plotX0 + 2 : plotX1 - 2,
          y: r1(mid + fs * 0.35),
          text: s,
          anchor: early ? 'start' : 'end',
          kind: 'edge',
        });
      }
      // conflicting reports: on their own lines under the bar (a second line when the first is taken)
      const altPlacers = [new Placer(plotX0, plotX1), new Placer(plotX0, plotX1)];
      for (const p of altPlacers) {
        for (const lx of lines) p.occupy(lx - 3, lx + 3);
        for (const [a, b] of arrowsHere) p.occupy(a, b, true);
      }
      let altLines = ghosts.length ? 1 : 0;
      for (const gh of ghosts) {
        const s = text.ghosts.get(gh.alt) ?? '';
        if (!s) continue;
        const w = measure(s, fs - 1);
        const anchorR = gh.kind === 'extension' && gh.which === 'end' ? gh.x + gh.w : gh.x;
        const anchorL = gh.kind === 'extension' && gh.which === 'start' ? gh.x : anchorR;
        for (let line = 0; line < altPlacers.length; line++) {
          const at = altPlacers[line]!.place(anchorR - 4, anchorL + 4, w);
          if (!at) continue;
          altLines = Math.max(altLines, line + 1);
          const ly = r1(top + barH + (planned ? 6 : 0) + fs + line * ALT_LINE);
          labels.push({ ...at, y: ly, text: s, kind: 'ghost' });
          break;
        }
      }
      let ex: Seg | null = bar || mark ? { x: r1(left), w: r1(right - left) } : null;
      for (const l of labels) {
        const w = measure(l.text, fs - 1);
        const a = l.anchor === 'start' ? l.x : l.x - w;
        const lo = Math.min(ex?.x ?? a, a);
        const hi = Math.max(ex ? ex.x + ex.w : a + w, a + w);
        ex = { x: r1(lo), w: r1(hi - lo) };
      }
      return { labels, extent: ex, altLines };
    };
    // the first conflicting report always finds its place on the first line (both lines start with the same
    // obstacles), so only a row with two or more may need a second: placed now, the others when read
    const placed = ghosts.length > 1 ? place() : null;
    const altLines = placed ? placed.altLines : ghosts.length ? 1 : 0;
    const h = rowH + extra + altLines * ALT_LINE;
    return new ItemRow(
      {
        key: item.id,
        kind: 'item',
        level: 2,
        pos: index + 1,
        setSize: g.items.length,
        y: y0,
        h,
        group: g,
        item,
        expanded: false,
        colour: item.colour,
        nameX: narrow ? plotX0 : 30,
        nameY: narrow ? y0 + 14 : r1(mid + fs * 0.35 - ((count - 1) * NAME_LINE) / 2),
        summary: null,
        bar,
        mark,
        planned,
        ghosts,
      },
      () => fitName(full, max, count),
      placed ?? place,
    );

    function addGhosts(d: ShownDate, which: 'start' | 'end' | 'date', lo: number, hi: number) {
      for (const alt of d.alternatives) {
        if (which === 'date') {
          const t = alt.granularity === 'day' ? alt.lo : (alt.lo + alt.hi) / 2;
          if (!inWindow(t)) continue;
          const a = X(t);
          const b = X(lo);
          ghosts.push({ kind: 'mark', x: Math.min(a, b), w: r1(Math.abs(b - a)), cx: a, which, alt });
        } else if (alt.hi > hi) {
          const s2 = seg(hi, alt.hi);
          if (s2) ghosts.push({ kind: 'extension', ...s2, cx: s2.x + s2.w, which, alt });
        } else if (alt.lo < lo) {
          const s2 = seg(alt.lo, lo);
          if (s2) ghosts.push({ kind: 'extension', ...s2, cx: s2.x, which, alt });
        } else {
          const s2 = seg(alt.lo, alt.hi);
          if (s2) ghosts.push({ kind: 'tick', ...s2, cx: s2.x, which, alt });
        }
      }
    }
  }

  // dependencies: from the predecessor's end to the successor's start, along the gap above the successor's row
  // (narrow: only between adjacent rows, a longer arrow would cross the names written above the bars between them)
  const arrows: GanttArrow[] = [];
  for (let index = 0; index < rows.length; index++) {
    if (index % (ROWS_PER_STEP * 10) === 0) yield;
    const row = rows[index]!;
    const item = row.item;
    if (!item) continue;
    for (const id of item.after) {
      const at = rowOf.get(id);
      const from = at?.row;
      if (!at || !from?.item) continue;
      if (narrow && at.index + 1 !== index) continue;
      const fb = from.bar;
      const x1 = fb
        ? Math.max(...[fb.solid, fb.softEnd, fb.open].filter((s): s is Seg => !!s).map((s) => s.x + s.w))
        : (from.mark?.cx ?? null);
      const tb = row.bar;
      const x2 = tb
        ? Math.min(...[tb.softStart, tb.solid, tb.open].filter((s): s is Seg => !!s).map((s) => s.x))
        : (row.mark?.cx ?? null);
      if (x1 === null || x2 === null || !Number.isFinite(x1) || !Number.isFinite(x2)) continue;
      const y1 = r1(fb ? fb.y + fb.h / 2 : from.mark!.cy);
      const y2 = r1(tb ? tb.y + tb.h / 2 : row.mark!.cy);
      const gap = r1(row.y + (narrow ? 16 : 2));
      const xa = r1(x1 + 5);
      const xb = r1(x2 - 7);
      const d =
        `M${x1},${y1}H${xa}V${gap}H${xb}V${y2}H${r1(x2 - 1)}` +
        `M${r1(x2 - 5)},${r1(y2 - 3)}L${r1(x2 - 1)},${y2}L${r1(x2 - 5)},${r1(y2 + 3)}`;
      arrows.push({ key: `${id}>${item.id}`, d, y0: Math.min(y1, y2), y1: Math.max(y1, y2) });
    }
  }

  const count = Math.max(2, Math.floor((plotX1 - plotX0) / (narrow ? 100 : 80)));
  const tickDates = utcCalendarTicks(win[0], win[1], count);
  const unit = tickUnit(tickDates);
  const ticks: GanttTick[] = tickDates.map((d) => ({
    x: r1(x(d)),
    label: text.tick(d, unit),
    major: d.getUTCMonth() === 0 && d.getUTCDate() === 1,
  }));
  const line = (t: number | null | undefined) => (t != null && inWindow(t) ? r1(x(new Date(t))) : null);
  // the as-of and today labels on the tick line, beside their line (inside the plot), measured; a tick label they
  // would touch gives way (its tick stays)
  const axisFs = 11;
  const tickBox = (t: GanttTick): [number, number] => {
    const w = measure(t.label, axisFs, t.major ? 600 : 400);
    return [t.x - w / 2 - 3, t.x + w / 2 + 3];
  };
  const axisLabel = (lx: number | null, words: string | undefined): AxisLabel | null => {
    if (lx === null || !words) return null;
    const w = measure(words, axisFs, 600);
    const right = lx + 3 + w <= plotX1 + (narrow ? 6 : 12);
    const box: [number, number] = right ? [lx, lx + 3 + w] : [lx - 3 - w, lx];
    for (const t of ticks) {
      const [a, b] = tickBox(t);
      if (t.label && b > box[0] && a < box[1]) t.label = '';
    }
    return { x: r1(right ? lx + 3 : lx - 3), anchor: right ? 'start' : 'end', text: words };
  };
  const asOfX = line(options.asOf);
  const todayX = line(options.today);
  const asOfLabel = axisLabel(asOfX, text.asOf);
  // today's label yields to the as-of label when they would touch
  let todayLabel = axisLabel(todayX, text.today);
  if (
    asOfLabel &&
    todayLabel &&
    Math.abs((todayX ?? 0) - (asOfX ?? 0)) < measure(asOfLabel.text, axisFs, 600) + 8
  )
    todayLabel = null;
  yield;
  const { before, after } = yield* offWindowSteps(view, win);

  return {
    width,
    height: y,
    narrow,
    plotX0,
    plotX1,
    nameWidth,
    rows,
    ticks,
    asOfX,
    todayX,
    asOfLabel,
    todayLabel,
    arrows,
    window: win,
    before,
    after,
  };
}

/** Index range `[first, last)` of the rows that intersect `[y0, y1)` (rows are sorted by `y`). */
export function rowsInRange(rows: readonly GanttRow[], y0: number, y1: number): [number, number] {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (rows[m]!.y + rows[m]!.h <= y0) lo = m + 1;
    else hi = m;
  }
  let end = lo;
  while (end < rows.length && rows[end]!.y < y1) end++;
  return [lo, end];
}

/** The instant at plot x (clamped to the window). */
export function timeAtX(geo: GanttGeometry, x: number): number {
  const k = Math.max(0, Math.min(1, (x - geo.plotX0) / (geo.plotX1 - geo.plotX0)));
  return geo.window[0] + k * (geo.window[1] - geo.window[0]);
}

/** The plot x of an instant (not clamped). */
export function xAtTime(geo: GanttGeometry, t: number): number {
  return geo.plotX0 + ((t - geo.window[0]) / (geo.window[1] - geo.window[0])) * (geo.plotX1 - geo.plotX0);
}

/** The middle of what an item spans (a phase from start to end, else its date), or null when undated. */
function itemTime(i: PhaseItem, asOf: number): number | null {
  if (i.kind === 'phase' && i.start) {
    const end = i.end && !isUnknown(i.end) ? i.end.hi : Math.max(asOf, i.start.hi);
    return (i.start.lo + end) / 2;
  }
  return i.date ? (i.date.lo + i.date.hi) / 2 : null;
}

/**
 * Where zoom buttons and keys zoom, as an instant inside the window: the row's item (or programme), else the median
 * of the first programme's items in view (never an empty region), else the window's centre.
 */
export function zoomAnchor(geo: GanttGeometry, view: PhaseRows, row?: GanttRow): number {
  const [w0, w1] = geo.window;
  const clamp = (t: number) => Math.max(w0, Math.min(w1, t));
  if (row?.item) {
    const t = itemTime(row.item, view.asOf.lo);
    if (t !== null) return clamp(t);
  }
  const group = row?.group ?? view.groups[0];
  if (group) {
    const times = group.items
      .map((i) => itemTime(i, view.asOf.lo))
      .filter((t): t is number => t !== null && t >= w0 && t <= w1)
      .sort((a, b) => a - b);
    if (times.length) return times[Math.floor(times.length / 2)]!;
    if (group.span) return clamp((group.span[0] + group.span[1]) / 2);
  }
  return (w0 + w1) / 2;
}

/** The columns of the treegrid: each row's cells, in reading order. */
export const GRID_COLUMNS = ['name', 'start', 'end', 'status'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];

/** The focus key of a cell (`parsec-launch::start`); a row's key is its own. */
export const cellKey = (row: string, col: GridColumn): string => `${row}::${col}`;

/** The row and column of a focus key (column null for a row). */
export function splitKey(key: string): { row: string; col: GridColumn | null } {
  const i = key.lastIndexOf('::');
  if (i < 0) return { row: key, col: null };
  const col = key.slice(i + 2) as GridColumn;
  return GRID_COLUMNS.includes(col) ? { row: key.slice(0, i), col } : { row: key, col: null };
}

/** What a key press does in the treegrid: move to a row or cell, fold or unfold a programme, or nothing. */
export type TreeMove = { to: string } | { fold: string; expand: boolean } | null;

/**
 * Navigation of the rows and cells (WAI-ARIA APG treegrid, rows focusable first). On a row: Up/Down step, Home/End
 * jump to the first/last row, Right unfolds a folded programme or enters the first cell, Left folds an unfolded
 * programme or goes up to the programme. On a cell: Left/Right step between cells (Left on the first goes back to
 * the row), Up/Down keep the column, Home/End go to the first/last cell, Ctrl+Home/End to the first/last row in
 * that column. `undefined` for keys it does not handle. Pure.
 */
export function treeMove(
  rows: readonly GanttRow[],
  key: string,
  pressed: string,
  ctrl = false,
): TreeMove | undefined {
  const { row: rowKey, col } = splitKey(key);
  const i = rows.findIndex((r) => r.key === rowKey);
  const row = rows[i];
  if (!row) return undefined;
  const at = (j: number) => {
    const r = rows[Math.max(0, Math.min(rows.length - 1, j))]!;
    return { to: col ? cellKey(r.key, col) : r.key };
  };
  if (col) {
    const c = GRID_COLUMNS.indexOf(col);
    const cell = (k: number) => ({ to: cellKey(row.key, GRID_COLUMNS[k]!) });
    switch (pressed) {
      case 'ArrowDown':
        return at(i + 1);
      case 'ArrowUp':
        return at(i - 1);
      case 'ArrowRight':
        return cell(Math.min(GRID_COLUMNS.length - 1, c + 1));
      case 'ArrowLeft':
        return c === 0 ? { to: row.key } : cell(c - 1);
      case 'Home':
        return ctrl ? at(0) : cell(0);
      case 'End':
        return ctrl ? at(rows.length - 1) : cell(GRID_COLUMNS.length - 1);
      default:
        return undefined;
    }
  }
  switch (pressed) {
    case 'ArrowDown':
      return at(i + 1);
    case 'ArrowUp':
      return at(i - 1);
    case 'Home':
      return at(0);
    case 'End':
      return at(rows.length - 1);
    case 'ArrowRight':
      if (row.kind === 'group' && !row.expanded) return { fold: row.group.id, expand: true };
      return { to: cellKey(row.key, 'name') };
    case 'ArrowLeft':
      if (row.kind === 'group') return row.expanded ? { fold: row.group.id, expand: false } : null;
      return { to: `group:${row.group.id}` };
    default:
      return undefined;
  }
}

/**
 * The height of the scrolling rows: at most `max`, ending at a row's bottom so that no row is cut mid-text (the
 * whole height when every row fits).
 */
export function viewportHeight(rows: readonly GanttRow[], max: number): number {
  const last = rows.at(-1);
  if (!last || last.y + last.h <= max) return last ? last.y + last.h : 0;
  const [first, end] = rowsInRange(rows, 0, max);
  let h = 0;
  for (let j = first; j < end; j++) if (rows[j]!.y + rows[j]!.h <= max) h = rows[j]!.y + rows[j]!.h;
  return h || max;
}

/** The window drawn: the zoomed one, else `from`/`to` (either may be missing), else null (the default window). */
export function baseWindow(
  view: PhaseRows,
  zoomed: [number, number] | null,
  from: number | null,
  to: number | null,
  today: number | null,
): [number, number] | null {
  if (zoomed) return zoomed;
  if (from === null && to === null) return null;
  const d = defaultWindow(view, today);
  const lo = from ?? d[0];
  const hi = to ?? d[1];
  return hi > lo ? [lo, hi] : null;
}
