import { describe, expect, it } from 'vitest';
import defaultJson from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import { selectPhaseRows } from '../select/phase-rows';
import { textsOf } from '../../test/fixtures/gantt-texts';
import { syntheticGantt } from '../../test/fixtures/synthetic-gantt';
import { estimateWidth } from './text-fit';
import {
  ALT_LINE,
  baseWindow,
  defaultWindow,
  itemExtent,
  layoutGantt,
  NAME_LINE,
  offWindow,
  ROW_WRAP,
  showsAll,
  splitKey,
  storyWindow,
  viewportHeight,
  panWindow,
  ROW,
  ROW_NARROW,
  rowsInRange,
  timeAtX,
  treeMove,
  xAtTime,
  zoomAnchor,
  zoomWindow,
  type GanttOptions,
  type GanttTexts,
} from './gantt';

const parsed = parseDataset(defaultJson);
if (!parsed.ok) throw new Error('default dataset invalid');
const data: Dataset = parsed.data;
const view = selectPhaseRows(data);

const tick: GanttTexts['tick'] = (d, unit) => `${unit}:${d.toISOString().slice(0, 10)}`;
const text: GanttOptions['text'] = textsOf(view, (alt) => `alt ${alt.value}`, tick, 'end unknown');
// the whole extent unless a test says otherwise (the opening window is tested on its own below)
const opts = (o: Partial<GanttOptions> = {}): GanttOptions => ({
  width: 900,
  collapsed: new Set(),
  asOf: view.asOf.lo,
  text,
  window: defaultWindow(view, o.today),
  ...o,
});

describe('layoutGantt', () => {
  const geo = layoutGantt(view, opts());
  const row = (key: string) => geo.rows.find((r) => r.key === key)!;

  it('has one header per programme and one row per item, stacked without gaps', () => {
    expect(geo.rows.filter((r) => r.kind === 'group')).toHaveLength(view.groups.length);
    expect(geo.rows.filter((r) => r.kind === 'item')).toHaveLength(view.itemCount);
    for (let i = 1; i < geo.rows.length; i++)
      expect(geo.rows[i]!.y).toBe(geo.rows[i - 1]!.y + geo.rows[i - 1]!.h);
    expect(geo.height).toBe(geo.rows.at(-1)!.y + geo.rows.at(-1)!.h);
  });

  it('gives rows with conflicting reports a line for their labels', () => {
    const r = row('parsec-overall');
    expect(r.h).toBeGreaterThanOrEqual(ROW + ALT_LINE);
    expect(r.h).toBe(
      ROW + ALT_LINE * new Set(r.labels.filter((l) => l.kind === 'ghost').map((l) => l.y)).size,
    );
    // both conflicting reports (start and end) are labelled
    expect(r.labels.filter((l) => l.kind === 'ghost').map((l) => l.text)).toEqual([
      'alt 2017-09',
      'alt 2023-12',
    ]);
    const launch = row('parsec-launch');
    expect(launch.h).toBe(ROW + (launch.nameLines.length - 1) * ROW_WRAP);
  });

  it('draws a month-precise derived end as a soft end, and Civipol’s end as a ghost extension with its label', () => {
    const r = row('parsec-overall');
    const bar = r.bar!;
    expect(bar.derived).toBe(true);
    expect(bar.softStart).toBeNull(); // day-precise start
    expect(bar.softEnd).not.toBeNull();
    // the soft end begins where the solid part ends
    expect(bar.softEnd!.x).toBeCloseTo(bar.solid!.x + bar.solid!.w, 0);
    const ext = r.ghosts.find((g) => g.kind === 'extension')!;
    expect(ext.alt.value).toBe('2023-12');
    expect(ext.x).toBeCloseTo(bar.softEnd!.x + bar.softEnd!.w, 0);
    // the alternative start (Sept 2017) lies inside the bar: a tick
    const tick = r.ghosts.find((g) => g.kind === 'tick')!;
    expect(tick.alt.value).toBe('2017-09');
    expect(tick.x).toBeGreaterThan(bar.solid!.x);
    expect(r.labels.filter((l) => l.kind === 'ghost').length).toBeGreaterThan(0);
  });

  it('draws an unknown end as an open tail to the as-of date, with the planned end under it', () => {
    const r = row('parsec-phase-2-implementation');
    expect(r.bar!.solid).toBeNull();
    expect(r.bar!.open).not.toBeNull();
    expect(r.bar!.open!.x + r.bar!.open!.w).toBeCloseTo(geo.asOfX!, 0);
    expect(r.planned).not.toBeNull();
    expect(r.planned!.softEnd).not.toBeNull(); // planned end "2020" is year-precise
  });

  it('draws milestones as marks, with a bracket over a month or a year', () => {
    expect(row('parsec-launch').mark!.soft).toBeNull();
    expect(row('eutm-established').mark!.soft!.w).toBeGreaterThan(0);
    expect(row('mcd-1996-ema-envr').mark!.soft!.w).toBeGreaterThan(row('eutm-established').mark!.soft!.w);
    expect(row('eutm-not-renewed').mark!.derived).toBe(true);
    expect(row('eucap-launch').ghosts[0]!.kind).toBe('mark');
  });

  it('places labels inside the plot, never overlapping each other in a row', () => {
    for (const r of geo.rows) {
      const boxes = r.labels
        .filter((l) => l.kind !== 'ghost')
        .map((l) => {
          const w = l.text.length * 11 * 0.56;
          return l.anchor === 'start' ? [l.x, l.x + w] : [l.x - w, l.x];
        });
      for (const [a, b] of boxes) {
        expect(a).toBeGreaterThanOrEqual(geo.plotX0 - 0.5);
        expect(b).toBeLessThanOrEqual(geo.plotX1 + 0.5);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(boxes[i]![1] <= boxes[j]![0] || boxes[j]![1] <= boxes[i]![0]).toBe(true);
    }
  });

  it('routes the dependency arrow from phase 1’s end to phase 2’s start', () => {
    const a = geo.arrows.find((x) => x.key === 'parsec-phase-1-diagnostic>parsec-phase-2-implementation')!;
    expect(a).toBeDefined();
    expect(a.d.startsWith('M')).toBe(true);
    expect(a.y1).toBeGreaterThan(a.y0);
  });

  it('collapses a group to its header and summary bar', () => {
    const g = layoutGantt(view, opts({ collapsed: new Set(['parsec']) }));
    const header = g.rows.find((r) => r.key === 'group:parsec')!;
    expect(header.expanded).toBe(false);
    expect(header.summary!.w).toBeGreaterThan(0);
    expect(g.rows.some((r) => r.group.id === 'parsec' && r.kind === 'item')).toBe(false);
  });

  it('adapts ticks to the window: years for the whole data, months or days when zoomed', () => {
    expect(geo.ticks.filter((t) => t.label).every((t) => t.label.startsWith('year:'))).toBe(true);
    const z = layoutGantt(view, opts({ window: [Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1)] }));
    expect(z.ticks.some((t) => t.label.startsWith('month:'))).toBe(true);
    // marks outside the window are not drawn
    expect(z.rows.find((r) => r.key === 'parsec-launch')!.mark).toBeNull();
    expect(z.rows.find((r) => r.key === 'parsec-cessna-handover')!.mark).not.toBeNull();
    expect(z.asOfX).toBeNull();
  });

  it('goes narrow at 480 px: names above bars, taller rows, fewer ticks', () => {
    const n = layoutGantt(view, opts({ width: 360 }));
    expect(n.narrow).toBe(true);
    expect(n.nameWidth).toBe(0);
    const r = n.rows.find((x) => x.key === 'parsec-launch')!;
    expect(r.h).toBe(ROW_NARROW + NAME_LINE * (r.nameLines.length - 1));
    expect(r.nameY + NAME_LINE * (r.nameLines.length - 1)).toBeLessThan(r.mark!.cy - 6);
    expect(n.ticks.length).toBeLessThan(geo.ticks.length);
    expect(Math.max(...n.rows.flatMap((x) => x.labels.map((l) => l.x)))).toBeLessThanOrEqual(360);
  });

  it('draws a today line only when asked', () => {
    expect(geo.todayX).toBeNull();
    const t = layoutGantt(view, opts({ today: Date.UTC(2024, 0, 1) }));
    expect(t.todayX).toBeGreaterThan(t.plotX0);
    // a today beyond the data widens the default window so that the line shows
    const later = layoutGantt(view, opts({ today: Date.UTC(2030, 0, 1) }));
    expect(later.todayX).not.toBeNull();
    expect(later.window[1]).toBeGreaterThan(Date.UTC(2030, 0, 1));
  });

  it('is pure and rounded', () => {
    expect(layoutGantt(view, opts())).toEqual(geo);
    for (const r of geo.rows)
      if (r.bar?.solid) expect(r.bar.solid.x * 10).toBe(Math.round(r.bar.solid.x * 10));
  });
});

describe('windows', () => {
  it('zooms around a point and pans by a share', () => {
    const w: [number, number] = [0, 1000 * 864e5];
    expect(zoomWindow(w, 0.5)).toEqual([250 * 864e5, 750 * 864e5]);
    expect(zoomWindow(w, 0.5, 0)).toEqual([0, 500 * 864e5]);
    expect(panWindow(w, 0.25)).toEqual([250 * 864e5, 1250 * 864e5]);
    // never narrower than two weeks
    const tiny = zoomWindow(w, 1e-9);
    expect(tiny[1] - tiny[0]).toBe(14 * 864e5);
  });
  it('pads the data extent by default', () => {
    const [a, b] = defaultWindow(view);
    expect(a).toBeLessThan(view.domain[0]);
    expect(b).toBeGreaterThan(view.domain[1]);
  });
});

describe('rowsInRange', () => {
  // 10,000 rows parsed and laid out: a functional check, given time on a loaded machine (speed is in npm run bench)
  it('finds the rows of a viewport among 10,000', { timeout: 30_000 }, () => {
    const r = parseDataset(syntheticGantt(10000));
    if (!r.ok) throw new Error('synthetic invalid');
    const bigView = selectPhaseRows(r.data);
    const big = layoutGantt(
      bigView,
      opts({ text: textsOf(bigView, (alt) => `alt ${alt.value}`, tick, 'end unknown') }),
    );
    expect(big.rows.length).toBe(10000 + big.rows.filter((x) => x.kind === 'group').length);
    const [a, b] = rowsInRange(big.rows, 5000, 5600);
    expect(big.rows[a]!.y).toBeLessThanOrEqual(5000);
    expect(big.rows[a]!.y + big.rows[a]!.h).toBeGreaterThan(5000);
    expect(big.rows[b - 1]!.y).toBeLessThan(5600);
    expect(b - a).toBeLessThan(40);
  });
});

describe('treeMove', () => {
  const geo = layoutGantt(view, opts());
  const folded = layoutGantt(view, opts({ collapsed: new Set(['parsec']) }));
  const keys = geo.rows.map((r) => r.key);
  it('steps, jumps, enters and leaves a programme like a WAI-ARIA tree', () => {
    expect(treeMove(geo.rows, 'group:parsec', 'ArrowDown')).toEqual({
      to: keys[keys.indexOf('group:parsec') + 1],
    });
    expect(treeMove(geo.rows, keys[0]!, 'ArrowUp')).toEqual({ to: keys[0] });
    expect(treeMove(geo.rows, 'parsec-overall', 'Home')).toEqual({ to: keys[0] });
    expect(treeMove(geo.rows, 'parsec-overall', 'End')).toEqual({ to: keys.at(-1) });
    expect(treeMove(geo.rows, 'parsec-overall', 'ArrowLeft')).toEqual({ to: 'group:parsec' });
    expect(treeMove(geo.rows, 'parsec-overall', 'ArrowRight')).toEqual({ to: 'parsec-overall::name' });
    expect(treeMove(geo.rows, 'group:parsec', 'ArrowLeft')).toEqual({ fold: 'parsec', expand: false });
    expect(treeMove(folded.rows, 'group:parsec', 'ArrowRight')).toEqual({ fold: 'parsec', expand: true });
    expect(treeMove(folded.rows, 'group:parsec', 'ArrowLeft')).toBeNull();
    expect(treeMove(geo.rows, 'parsec-overall', 'x')).toBeUndefined();
    expect(treeMove(geo.rows, 'nope', 'ArrowDown')).toBeUndefined();
  });
  it('moves by cell like the WAI-ARIA treegrid: along the row, down the column, back to the row', () => {
    const next = keys[keys.indexOf('parsec-overall') + 1]!;
    expect(treeMove(geo.rows, 'group:parsec', 'ArrowRight')).toEqual({ to: 'group:parsec::name' });
    expect(treeMove(geo.rows, 'parsec-overall::name', 'ArrowRight')).toEqual({ to: 'parsec-overall::start' });
    expect(treeMove(geo.rows, 'parsec-overall::status', 'ArrowRight')).toEqual({
      to: 'parsec-overall::status',
    });
    expect(treeMove(geo.rows, 'parsec-overall::start', 'ArrowLeft')).toEqual({ to: 'parsec-overall::name' });
    expect(treeMove(geo.rows, 'parsec-overall::name', 'ArrowLeft')).toEqual({ to: 'parsec-overall' });
    expect(treeMove(geo.rows, 'parsec-overall::end', 'ArrowDown')).toEqual({ to: `${next}::end` });
    expect(treeMove(geo.rows, 'parsec-overall::end', 'Home')).toEqual({ to: 'parsec-overall::name' });
    expect(treeMove(geo.rows, 'parsec-overall::name', 'End')).toEqual({ to: 'parsec-overall::status' });
    expect(treeMove(geo.rows, 'parsec-overall::end', 'End', true)).toEqual({ to: `${keys.at(-1)}::end` });
    expect(splitKey('parsec-overall::end')).toEqual({ row: 'parsec-overall', col: 'end' });
    expect(splitKey('group:parsec')).toEqual({ row: 'group:parsec', col: null });
  });
});

describe('the opening window', () => {
  const story = layoutGantt(view, opts({ window: undefined, width: 1280 }));
  const parsec = view.groups.find((g) => g.id === 'parsec')!;
  it('opens on the main programme: its span takes at least half of the axis, the rest is counted', () => {
    const [w0, w1] = story.window;
    expect(story.window).toEqual(storyWindow(view));
    const covered = Math.min(w1, Date.UTC(2021, 1, 1)) - Math.max(w0, Date.UTC(2017, 0, 30));
    expect(covered / (w1 - w0)).toBeGreaterThanOrEqual(0.5);
    // every dated start, end and date of PARSEC is in the window
    for (const i of parsec.items) {
      const t = i.start?.lo ?? i.date!.lo;
      expect(t).toBeGreaterThanOrEqual(w0);
      expect(t).toBeLessThanOrEqual(w1);
    }
    // items entirely outside: 1985 to 2015 before, up to 2024 after, none dropped
    const inside = view.groups
      .flatMap((g) => g.items)
      .filter((i) => {
        const e = itemExtent(i, view.asOf.lo)!;
        return e[1] > w0 && e[0] < w1;
      }).length;
    expect(story.before).toEqual({ count: 6, farthest: Date.UTC(1985, 4, 6) });
    expect(story.after!.count).toBeGreaterThan(0);
    expect(inside + story.before!.count + story.after!.count).toBe(view.itemCount);
    expect(offWindow(view, defaultWindow(view))).toEqual({ before: null, after: null });
    expect(showsAll(defaultWindow(view), view)).toBe(true);
    expect(showsAll(storyWindow(view), view)).toBe(false);
  });
  it('falls back to the whole extent when there is no programme to follow', () => {
    const ctx = { ...view, groups: view.groups.filter((g) => g.kind === 'context') };
    expect(storyWindow(ctx)).toEqual(defaultWindow(ctx));
  });
  it('writes the as-of label on the tick line, clear of every tick label', () => {
    for (const width of [1280, 768, 360]) {
      const g = layoutGantt(view, opts({ width }));
      const l = g.asOfLabel!;
      expect(l.text).toBe('as of Sep 2024');
      const w = estimateWidth(l.text, 11, 600);
      const box = l.anchor === 'start' ? [l.x, l.x + w] : [l.x - w, l.x];
      expect(box[0]).toBeGreaterThanOrEqual(g.plotX0 - 1);
      expect(box[1]).toBeLessThanOrEqual(width);
      for (const t of g.ticks.filter((t) => t.label)) {
        const tw = estimateWidth(t.label, 11, t.major ? 600 : 400);
        expect(t.x + tw / 2 <= box[0] || t.x - tw / 2 >= box[1]).toBe(true);
      }
    }
  });
  it('writes "end unknown" inside an open tail that runs past the window', () => {
    const g = layoutGantt(view, opts({ window: storyWindow(view), width: 1280 }));
    const p2 = g.rows.find((r) => r.key === 'parsec-phase-2-implementation')!;
    const l = p2.labels.find((x) => x.kind === 'open')!;
    expect(l.text).toBe('end unknown');
    expect(l.anchor).toBe('end');
    expect(l.x).toBeLessThanOrEqual(g.plotX1);
    expect(l.x - estimateWidth(l.text, 11)).toBeGreaterThan(p2.bar!.open!.x);
  });

  it('keeps the date beside a milestone off the as-of line', () => {
    // the as-of line a day after the launch: "2017-03-03" may not run into it
    const asOf = Date.UTC(2017, 2, 4);
    const g = layoutGantt(view, opts({ asOf, window: [Date.UTC(2016, 11, 1), Date.UTC(2017, 6, 1)] }));
    const x = g.asOfX!;
    for (const r of g.rows)
      for (const l of r.labels) {
        const w = estimateWidth(l.text, 11);
        const [a, b] = l.anchor === 'start' ? [l.x, l.x + w] : [l.x - w, l.x];
        expect(b <= x - 2 || a >= x + 2).toBe(true);
      }
    expect(g.rows.find((r) => r.key === 'parsec-launch')!.labels).toHaveLength(1);
  });
  it('keeps labels off the vertical strokes of the dependency arrows where a side is free, and never drops a date for them', () => {
    const windows: ([number, number] | undefined)[] = [
      undefined,
      [Date.UTC(2016, 11, 1), Date.UTC(2018, 0, 1)],
      [Date.UTC(2017, 1, 1), Date.UTC(2017, 10, 1)],
    ];
    let checked = 0;
    const crossed: string[] = [];
    for (const width of [1280, 900, 600])
      for (const window of windows) {
        const g = layoutGantt(view, opts({ width, window }));
        for (const a of g.arrows) {
          // M x1,y1 H xa V gap H xb V y2 …: two vertical strokes
          const n = a.d.match(/-?[\d.]+/g)!.map(Number);
          const [, y1, xa, gap, xb, y2] = n as [number, number, number, number, number, number];
          for (const [x, lo, hi] of [
            [xa, Math.min(y1, gap), Math.max(y1, gap)],
            [xb, gap, y2],
          ] as const)
            for (const r of g.rows)
              for (const l of r.labels) {
                const w = estimateWidth(l.text, 11);
                const [p, q] = l.anchor === 'start' ? [l.x, l.x + w] : [l.x - w, l.x];
                if (l.y - 9 > hi || l.y + 2 < lo) continue;
                checked++;
                if (!(q <= x - 2 || p >= x + 2)) crossed.push(`${l.text} at ${width}px`);
              }
        }
        // every milestone and event in the window keeps its date
        for (const r of g.rows) if (r.mark) expect(r.labels.some((l) => l.kind === 'date')).toBe(true);
      }
    expect(checked).toBeGreaterThan(0);
    // only where neither side is free: the launch date at 900 px, between its mark and phase 1's arrow (behind
    // the label's halo)
    expect(crossed).toEqual(['2017-03-03 at 900px']);
  });

  it('wraps a long name on two or three lines (a taller row), whole, and fits the viewport to whole rows', () => {
    const g = layoutGantt(view, opts({ width: 1280 }));
    const long = g.rows.find((r) => r.key === 'parsec-vehicles-handover')!;
    // two lines do not hold it whole: three do, and the row is taller by two wraps
    expect(long.nameLines.length).toBe(3);
    expect(long.nameLines.join(' ')).toBe(text.items.get('parsec-vehicles-handover'));
    expect(long.h).toBe(ROW + 2 * ROW_WRAP);
    const two = g.rows.find((r) => r.nameLines.length === 2)!;
    expect(two.h).toBe(ROW + ROW_WRAP);
    expect(two.nameLines.some((l) => l.endsWith('…'))).toBe(false);
    const short = g.rows.find((r) => r.key === 'eutm-established')!;
    expect(short.nameLines).toEqual(['EUTM Mali established']);
    expect(short.h).toBe(ROW);
    const cut = g.rows.filter((r) => r.nameLines.some((l) => l.endsWith('…')) || !r.nameLines.length);
    expect(cut).toEqual([]);
    const h = viewportHeight(g.rows, 300);
    expect(h).toBeLessThanOrEqual(300);
    expect(g.rows.some((r) => r.y + r.h === h)).toBe(true);
    expect(viewportHeight(g.rows, 1e6)).toBe(g.height);
  });
});

describe('baseWindow, zoomAnchor, timeAtX', () => {
  const geo = layoutGantt(view, opts());
  it('takes the zoomed window, else from/to completed by the default window', () => {
    expect(baseWindow(view, [1, 2], 0, 5, null)).toEqual([1, 2]);
    expect(baseWindow(view, null, null, null, null)).toBeNull();
    const d = defaultWindow(view);
    expect(baseWindow(view, null, Date.UTC(2019, 0, 1), null, null)).toEqual([Date.UTC(2019, 0, 1), d[1]]);
    expect(baseWindow(view, null, Date.UTC(2030, 0, 1), Date.UTC(2029, 0, 1), null)).toBeNull();
  });
  it('zooms at the focused item, else among the main programme’s items, never outside the window', () => {
    const launch = geo.rows.find((r) => r.key === 'parsec-launch')!;
    expect(zoomAnchor(geo, view, launch)).toBe((launch.item!.date!.lo + launch.item!.date!.hi) / 2);
    const t = zoomAnchor(geo, view);
    const parsec = view.groups[0]!;
    expect(t).toBeGreaterThanOrEqual(parsec.span![0]);
    expect(t).toBeLessThanOrEqual(parsec.span![1]);
    const narrow = layoutGantt(view, opts({ window: [Date.UTC(1990, 0, 1), Date.UTC(1991, 0, 1)] }));
    const a = zoomAnchor(narrow, view, launch);
    expect(a).toBeGreaterThanOrEqual(narrow.window[0]);
    expect(a).toBeLessThanOrEqual(narrow.window[1]);
    expect(timeAtX(geo, xAtTime(geo, t))).toBeCloseTo(t, -3);
    expect(timeAtX(geo, -100)).toBe(geo.window[0]);
  });
});
