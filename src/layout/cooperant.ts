import { groupSize, type CooperantUnit, type UnitGroup } from '../select/cooperant-posts';
import { estimateWidth, wrapText, type Measure } from './text-fit';

export type CooperantMode = 'units' | 'bars';
/** What the reader or the page asks for: `auto` draws units up to `AUTO_BARS_ABOVE` posts, bars past it. */
export type CooperantModeChoice = CooperantMode | 'auto';
/** Why bars are drawn although units were not refused: too many posts to tell apart, or more than the pixels hold. */
export type CooperantSwitch = 'count' | 'pixels';

/** One unit (post) placed: its top-left corner and size. */
export interface UnitBox {
  key: string;
  unit: CooperantUnit;
  groupKey: string;
  x: number;
  y: number;
  size: number;
  /** Position in its group (1-based), for ARIA. */
  pos: number;
}

/** One group: its block, its label and (in bars mode) its bar. */
export interface GroupBox {
  key: string;
  group: UnitGroup;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The name as drawn (its lines joined; shortened with an ellipsis only when two lines do not hold it; `null`
   * when nothing fits), its lines, and the count text. */
  name: string | null;
  nameLines: string[];
  count: string;
  labelX: number;
  labelY: number;
  countX: number;
  countY: number;
  /** Bars mode: the itemised (solid) and not itemised (hollow) segments. */
  bar?: { x: number; y: number; h: number; solid: number; hollow: number } | undefined;
  /** Units mode: how many columns and rows of units. */
  cols: number;
  rows: number;
}

export interface CooperantGeometry {
  width: number;
  height: number;
  mode: CooperantMode;
  /** Set when bars are drawn by the chart itself (not asked for): past `AUTO_BARS_ABOVE` posts, or past the pixels. */
  switched: CooperantSwitch | null;
  /** Labels above the units (narrow, or groups in columns) rather than in a column on the left. */
  stacked: boolean;
  /** Groups side by side: wide charts place small groups in this many columns, reading left to right. */
  columns: number;
  /** Cell pitch and unit size, in pixels. */
  cell: number;
  unitSize: number;
  groups: GroupBox[];
  units: UnitBox[];
  /** Too many units for SVG: draw them on canvas, keep SVG for labels and focus on groups. */
  canvas: boolean;
}

/** The label texts of a group: its name and its count (from `describe/`, in the reader's language). */
export interface GroupText {
  name: string;
  count: string;
}

export interface CooperantLayoutOptions {
  /** `units`, `bars`, or `auto` (the default): units up to `autoBarsAbove` posts, bars past it. */
  mode?: CooperantModeChoice;
  /** Past this many posts, `auto` draws bars (default `AUTO_BARS_ABOVE`). */
  autoBarsAbove?: number;
  /** Label texts by group key; a group missing from the map is labelled by its key. */
  text: ReadonlyMap<string, GroupText>;
  /** Measures text in the widget's font (default: a deterministic estimate, for Node). */
  measure?: Measure;
  fontSize?: number;
  /** Above this many units, units go to canvas. */
  canvasThreshold?: number;
  /** Height the units should roughly fill when there are many (cells shrink to fit it). */
  targetHeight?: number;
}

const GAP = 12;
/** The smallest unit cell, in pixels. */
const MIN_CELL = 3;
/** Units grow to fill the row of the largest group, up to this cell (pixels). */
export const MAX_CELL = 36;
/** The cell units keep when many of them have to fit the target height. */
const BASE_CELL = 24;
/** Past this many posts units stop telling a story (a moiré of dots): `auto` draws bars and says so. */
export const AUTO_BARS_ABOVE = 500;
/** Names wrap on up to this many lines before an ellipsis. */
const NAME_LINES = 3;
/** Units of wide charts flow in columns of groups at least this wide, this far apart. */
const MIN_COLUMN = 280;
const COLUMN_GAP = 24;
/** Columns start at this width (below it, one label column on the left, then labels above units). */
const COLUMNS_FROM = 640;
/**
 * Units are drawn while, at the smallest cell, they fill at most this many times the target height; past it the
 * groups are drawn as bars (`geometry.mode` says which).
 */
export const MAX_UNIT_HEIGHTS = 4;
const BAR_H = 18;
const r = (v: number) => Math.round(v);

/**
 * Places groups of units (a unit chart), or the same groups as horizontal bars, in `width` pixels. Every unit has
 * a stable key so a renderer can animate it from one grouping to another. Pure; coordinates in whole pixels.
 */
export function layoutCooperant(
  groups: readonly UnitGroup[],
  width: number,
  options: CooperantLayoutOptions,
): CooperantGeometry {
  const fontSize = options.fontSize ?? 12;
  const lineH = r(fontSize * 1.35);
  const stacked = width < 480;
  const measure = options.measure ?? estimateWidth;
  const texts = groups.map((g) => options.text.get(g.key) ?? { name: g.key, count: String(groupSize(g)) });
  // the label column is as wide as the widest name (bold), between 120 px and 40 % of the width; longer names wrap
  const widest = Math.max(0, ...texts.map((t) => measure(t.name, fontSize, 600)));
  const labelW = stacked ? width : Math.max(120, Math.min(r(width * 0.4), Math.ceil(widest) + 12));
  const areaX = stacked ? 0 : labelW + 8;
  const areaW = Math.max(20, width - areaX);
  const n = groups.reduce((s, g) => s + groupSize(g), 0);
  // cell pitch: 24 px for small counts, shrinking so that many units fill about `targetHeight`
  const target = options.targetHeight ?? 420;
  // more units than pixels: at the smallest cell they would need over MAX_UNIT_HEIGHTS × the target height → bars
  const pixels = n * MIN_CELL * MIN_CELL > areaW * target * MAX_UNIT_HEIGHTS;
  const choice = options.mode ?? 'auto';
  const many = choice === 'auto' && n > (options.autoBarsAbove ?? AUTO_BARS_ABOVE);
  const mode: CooperantMode = choice === 'bars' || pixels || many ? 'bars' : 'units';
  const switched: CooperantSwitch | null =
    choice === 'bars' ? null : pixels ? 'pixels' : many ? 'count' : null;
  const canvas = mode === 'units' && n > (options.canvasThreshold ?? 2000);
  // wide: groups side by side in columns (labels above their units), so the width is used, not left empty
  const columns =
    mode === 'units' && !canvas && width >= COLUMNS_FROM
      ? Math.max(1, Math.min(groups.length, Math.floor((width + COLUMN_GAP) / (MIN_COLUMN + COLUMN_GAP))))
      : 1;
  const blocks = stacked || columns > 1;
  const colW = columns > 1 ? Math.floor((width - (columns - 1) * COLUMN_GAP) / columns) : width;
  const unitX = blocks ? 0 : areaX;
  const unitW = blocks ? colW : areaW;

  const maxCount = groups.reduce((m, g) => Math.max(m, groupSize(g)), 0);
  let cell = BASE_CELL;
  if (n > 0) {
    const fit = Math.floor(Math.sqrt((unitW * columns * target) / n));
    // the largest group fills its row, up to MAX_CELL, while the whole still fits the target height
    const row = Math.floor(unitW / Math.max(1, maxCount));
    cell = Math.max(MIN_CELL, Math.min(BASE_CELL, fit), Math.min(MAX_CELL, row, fit));
  }
  const gap = cell >= 12 ? r(cell * 0.25) : cell >= 5 ? 1 : 0;
  const size = cell - gap;
  const cols = Math.max(1, Math.floor((unitW + gap) / cell));

  const countRoom = r(Math.max(0, ...texts.map((t) => measure(t.count, fontSize))) + 10);
  const barScale = maxCount ? Math.max(0, areaW - countRoom) / maxCount : 0;

  const boxes: GroupBox[] = [];
  const units: UnitBox[] = [];
  let y = 0;
  let rowH = 0;
  groups.forEach((g, gi) => {
    const { name, count } = texts[gi]!;
    const col = gi % columns;
    const x0 = col * (colW + COLUMN_GAP);
    // names are drawn in bold (600), whole, else wrapped on up to three lines; units above leave room for the count
    const room = blocks ? (mode === 'bars' ? width : colW - measure(count, fontSize) - 12) : labelW - 10;
    const lines = wrapText(name, room, fontSize, NAME_LINES, measure, 600) ?? [];
    const nameH = lineH * Math.max(1, lines.length);
    const top = y;
    const bodyY = blocks ? top + nameH + 4 : top;
    let rows = 0;
    let h: number;
    let bar: GroupBox['bar'];
    let countX: number;
    let countY: number;
    if (mode === 'bars') {
      const solid = r(g.itemised * barScale);
      const hollow = r(g.notItemised * barScale);
      bar = { x: areaX, y: bodyY, h: BAR_H, solid, hollow };
      h = Math.max(bodyY - top + BAR_H, stacked ? 0 : nameH);
      countX = areaX + solid + hollow + 6;
      countY = bodyY + r(BAR_H / 2 + fontSize * 0.35);
    } else {
      rows = Math.max(1, Math.ceil(groupSize(g) / cols));
      const body = rows * cell - gap;
      g.units.forEach((u, i) => {
        units.push({
          key: u.key,
          unit: u,
          groupKey: g.key,
          x: x0 + unitX + (i % cols) * cell,
          y: bodyY + Math.floor(i / cols) * cell,
          size,
          pos: i + 1,
        });
      });
      h = Math.max(bodyY - top + body, blocks ? 0 : nameH + lineH);
      countX = 0;
      countY = blocks ? top + fontSize : top + fontSize + nameH;
    }
    boxes.push({
      key: g.key,
      group: g,
      x: x0,
      y: top,
      w: colW,
      h,
      name: lines.length ? lines.join(' ') : null,
      nameLines: lines,
      count,
      labelX: x0,
      labelY: top + fontSize,
      countX: mode === 'bars' ? countX : blocks ? x0 + colW - 2 : 0,
      countY,
      bar,
      cols: mode === 'bars' ? 0 : cols,
      rows,
    });
    // the next row of columns starts below the tallest block of this one
    rowH = Math.max(rowH, h);
    if (col === columns - 1 || gi === groups.length - 1) {
      y = top + rowH + GAP + (blocks ? 4 : 0);
      rowH = 0;
    }
  });
  return {
    width,
    height: Math.max(0, y - GAP),
    mode,
    switched,
    stacked: blocks,
    columns,
    cell,
    unitSize: size,
    groups: boxes,
    units,
    canvas,
  };
}

/**
 * The unit at a point of the plot (layout coordinates), found by arithmetic on the grid (no search through thousands
 * of units): for pointing at units drawn on canvas.
 */
export function hitCooperant(geo: CooperantGeometry, x: number, y: number): UnitBox | undefined {
  if (geo.mode !== 'units') return undefined;
  let start = 0;
  for (const b of geo.groups) {
    const n = groupSize(b.group);
    if (y >= b.y && y <= b.y + b.h && x >= b.x && x <= b.x + b.w) {
      const first = geo.units[start];
      if (!first || first.groupKey !== b.key) return undefined;
      const col = Math.floor((x - first.x) / geo.cell);
      const row = Math.floor((y - first.y) / geo.cell);
      if (col < 0 || row < 0 || col >= b.cols) return undefined;
      const i = row * b.cols + col;
      return i < n ? geo.units[start + i] : undefined;
    }
    start += n;
  }
  return undefined;
}

/**
 * The unit an arrow key goes to from `key`, up or down: the nearest row above or below (across groups), then the
 * nearest column in it; `null` at the top or bottom; `undefined` when `key` is not a unit.
 */
export function unitAcross(geo: CooperantGeometry, key: string, down: boolean): string | null | undefined {
  const units = geo.units;
  const u = units.find((v) => v.key === key);
  if (!u) return undefined;
  let rowY: number | undefined;
  for (const v of units)
    if (down ? v.y > u.y : v.y < u.y) if (rowY === undefined || (down ? v.y < rowY : v.y > rowY)) rowY = v.y;
  if (rowY === undefined) return null;
  let best: UnitBox | undefined;
  for (const v of units)
    if (v.y === rowY && (!best || Math.abs(v.x - u.x) < Math.abs(best.x - u.x))) best = v;
  return best?.key ?? null;
}
