import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests as data } from '../../test/fixtures/default-dataset';
import { syntheticBudget } from '../../test/fixtures/synthetic-budget';
import { selectBudgetTree } from '../select/budget-tree';
import { estimateWidth, fitText } from './text-fit';
import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy';
import type { BudgetNode } from '../select/budget-tree';
import { layoutConflicts, layoutTreemap, layoutTreemapSteps, TREEMAP_HEADER } from './treemap';

/** The rectangles of d3's own hierarchy → sum → sort → treemap of the whole tree, as the layout configures it. */
function d3Rects(focus: BudgetNode, width: number, height: number) {
  const amount = (n: BudgetNode) => {
    const v = n.amount?.eur ?? 0;
    return Number.isFinite(v) && v > 0 ? v : 0;
  };
  let largest = 0;
  for (const d of hierarchy(focus, (n) => n.children))
    if (!d.children) largest = Math.max(largest, amount(d.data));
  const rest = (n: BudgetNode) => (n.kind === 'rest' ? 1 : 0);
  const root = hierarchy(focus, (n) => n.children)
    .sum((n) => (n.children.length || !largest ? 0 : amount(n) / largest))
    .sort((a, b) => rest(a.data) - rest(b.data) || b.value! - a.value! || a.data.id.localeCompare(b.data.id));
  const outer = (n: { depth: number; children?: unknown }) => (n.depth === 1 && n.children ? 2 : 0);
  treemap<BudgetNode>()
    .tile(treemapSquarify)
    .size([width, height])
    .round(true)
    .paddingInner(2)
    .paddingTop((n) =>
      n.depth === 1 && n.children && n.y1 - n.y0 > TREEMAP_HEADER * 2.5 ? TREEMAP_HEADER : 0,
    )
    .paddingRight(outer)
    .paddingBottom(outer)
    .paddingLeft(outer)(root);
  const r = root as HierarchyRectangularNode<BudgetNode>;
  return r
    .descendants()
    .filter((d) => d.depth === 1 || d.depth === 2)
    .map((d) => [d.data.id, d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0]);
}

const text = () => ({ name: 'A name of some length', amount: '€29M', share: '86%' });

describe('layoutTreemap(focus, width, height)', () => {
  const root = selectBudgetTree(data);
  const geo = layoutTreemap(root, 800, 450, { text });

  it('fills the box with whole-pixel tiles sized by amount', () => {
    const top = geo.tiles.filter((t) => t.depth === 1);
    for (const t of geo.tiles) for (const v of [t.x, t.y, t.w, t.h]) expect(Number.isInteger(v)).toBe(true);
    const area = top.reduce((s, t) => s + t.w * t.h, 0);
    expect(area / (800 * 450)).toBeGreaterThan(0.97);
    const [a, b] = top;
    // areas are proportional to amounts (within rounding and padding)
    expect((a!.w * a!.h) / (b!.w * b!.h)).toBeCloseTo(a!.node.amount!.eur / b!.node.amount!.eur, 0);
  });

  it('keeps children inside their parent and gives ARIA positions', () => {
    for (const c of geo.tiles.filter((t) => t.depth === 2)) {
      const p = geo.tiles.find((t) => t.key === c.parentKey)!;
      expect(c.x).toBeGreaterThanOrEqual(p.x);
      expect(c.y).toBeGreaterThanOrEqual(p.y);
      expect(c.x + c.w).toBeLessThanOrEqual(p.x + p.w);
      expect(c.y + c.h).toBeLessThanOrEqual(p.y + p.h);
      expect(c.pos).toBeGreaterThanOrEqual(1);
      expect(c.pos).toBeLessThanOrEqual(c.setSize);
    }
  });

  it('shares add up to 100 % of the shown total', () => {
    const top = geo.tiles.filter((t) => t.depth === 1);
    expect(top.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 9);
  });

  it('is deterministic', () => {
    expect(layoutTreemap(root, 800, 450, { text })).toEqual(geo);
  });

  it('never lets a label overflow its tile, across or down', () => {
    for (const [w, h] of [
      [200, 120],
      [360, 340],
      [1280, 700],
    ] as const) {
      const g = layoutTreemap(root, w, h, { text });
      for (const t of g.tiles) {
        for (const line of t.labels.lines)
          expect(estimateWidth(line.text, 12, line.role === 'name' ? 500 : 400)).toBeLessThanOrEqual(
            t.w - 8 + 1e-9,
          );
        const rows = t.labels.lines.length + (t.labels.key !== undefined ? 1 : 0);
        if (!(t.depth === 1 && t.hasChildren)) expect(rows * 15).toBeLessThanOrEqual(t.h);
      }
    }
  });

  it('writes a name whole (wrapped on two lines), else the short name, else a key number; never an ellipsis', () => {
    const long = () => ({
      name: 'Mobile secured camp for the Mopti PSIG',
      short: 'Camp',
      amount: '€1M',
      share: '3%',
    });
    for (const [w, h] of [
      [800, 450],
      [360, 300],
      [200, 120],
    ] as const) {
      const g = layoutTreemap(root, w, h, { text: long });
      for (const t of g.tiles) {
        const names = t.labels.lines.filter((l) => l.role === 'name').map((l) => l.text);
        expect(names.join(' ')).not.toMatch(/…/);
        if (names.length && names[0] !== 'Camp')
          expect(names.join(' ')).toBe('Mobile secured camp for the Mopti PSIG');
        if (!names.length && t.labels.key !== undefined) expect(t.labels.key).toBeGreaterThan(0);
      }
    }
    const keys = layoutTreemap(root, 200, 120, { text: long })
      .tiles.map((t) => t.labels.key)
      .filter((k) => k !== undefined);
    expect(keys).toEqual(keys.map((_, i) => i + 1));
  });

  it('puts the part no source itemises last, after the known parts', () => {
    const parsec = root.children.find((c) => c.programme === 'parsec')!;
    const g = layoutTreemap(parsec, 800, 450, { text });
    const order = g.tiles.filter((t) => t.depth === 1).map((t) => t.node.kind);
    expect(order.at(-1)).toBe('rest');
  });

  it('moves depth-2 tiles to canvas past the threshold', () => {
    const big = selectBudgetTree(syntheticBudget(10_000, 8));
    const g = layoutTreemap(big, 960, 600, { text });
    expect(g.canvas).toBe(true);
    expect(geo.canvas).toBe(false);
    // on canvas, only the lines that cover a pixel are tiles, up to the first that does not: from its row on, the
    // lines of a parent are one area
    const parts = g.tiles.filter((t) => t.depth === 2 && !t.smaller);
    expect(parts.length).toBeGreaterThan(1_000);
    expect(parts.length).toBeLessThan(10_000);
    expect(parts.every((t) => t.w > 0 && t.h > 0)).toBe(true);
    expect(g.tiles.filter((t) => t.depth === 1)).toHaveLength(8);
    // the same rounded rectangles as when every line is laid out on SVG
    const all = layoutTreemap(big, 960, 600, { text, canvasThreshold: Infinity });
    expect(all.tiles.filter((t) => t.depth === 2)).toHaveLength(10_000);
    const rect = (t: { key: string; x: number; y: number; w: number; h: number }) => [
      t.key,
      t.x,
      t.y,
      t.w,
      t.h,
    ];
    const laidOut = new Map(all.tiles.map((t) => [t.key, t]));
    for (const t of parts) expect(rect(t)).toEqual(rect(laidOut.get(t.key)!));
    const areas = g.tiles.filter((t) => t.smaller);
    expect(areas.length).toBeGreaterThan(0);
    for (const a of areas) {
      const lines = all.tiles.filter((t) => t.parentKey === a.parentKey);
      const drawn = new Set(parts.filter((t) => t.parentKey === a.parentKey).map((t) => t.key));
      // every line of the parent is drawn or counted in its area, never both
      expect(a.smaller!.count + drawn.size).toBe(lines.length);
      expect(a.smaller!.nodes.every((n) => !drawn.has(n.id))).toBe(true);
      // the lines in the area are the smallest, and where d3 puts them is inside it
      const inArea = new Set(a.smaller!.nodes.map((n) => n.id));
      const smallestDrawn = Math.min(...parts.filter((t) => drawn.has(t.key)).map((t) => t.node.amount!.eur));
      for (const l of lines)
        if (inArea.has(l.key) && l.w > 0 && l.h > 0) {
          expect(l.node.amount!.eur).toBeLessThanOrEqual(smallestDrawn);
          expect(l.x).toBeGreaterThanOrEqual(a.x);
          expect(l.y).toBeGreaterThanOrEqual(a.y);
          expect(l.x + l.w).toBeLessThanOrEqual(a.x + a.w);
          expect(l.y + l.h).toBeLessThanOrEqual(a.y + a.h);
        }
      // not a programme with parts: a part, not drilled into, in its parent's colour
      expect(a.depth).toBe(2);
      expect(a.hasChildren).toBe(false);
      expect(a.node.id).toBe(a.parentKey);
    }
    // every line is drawn or in an area: none is left blank
    expect(parts.length + areas.reduce((s, a) => s + a.smaller!.count, 0)).toBe(10_000);
    // with every line laid out (SVG), or lines that all cover a pixel, there is no such area
    expect(all.tiles.some((t) => t.smaller)).toBe(false);
    const few = layoutTreemap(selectBudgetTree(syntheticBudget(700, 4)), 960, 600, {
      text,
      canvasThreshold: 0,
    });
    expect(few.canvas).toBe(true);
    expect(few.tiles.filter((t) => t.depth === 2)).toHaveLength(700);
    expect(few.tiles.some((t) => t.smaller)).toBe(false);
  });

  it('labels the area of the lines too small to draw with the words it is given, where they fit', () => {
    const big = selectBudgetTree(syntheticBudget(10_000, 8));
    const seen: [number, number, string][] = [];
    const g = layoutTreemap(big, 960, 600, {
      text,
      smallerText: (nodes, _amount, share, parent) => {
        seen.push([nodes.length, share, parent.id]);
        return { name: `${nodes.length} lines`, amount: '€1M' };
      },
    });
    const areas = g.tiles.filter((t) => t.smaller);
    const labelled = areas.filter((a) => a.labels.lines.some((l) => l.role === 'name'));
    expect(labelled.length).toBeGreaterThan(0);
    for (const a of areas) {
      // its name, else a number into the key under the chart, as any tile
      const name = a.labels.lines.filter((l) => l.role === 'name').map((l) => l.text);
      if (labelled.includes(a)) expect(name.join(' ')).toBe(`${a.smaller!.count} lines`);
      else if (a.w >= 16 && a.h >= 16) expect(a.labels.key).toBeGreaterThan(0);
      expect(seen).toContainEqual([a.smaller!.count, a.share, a.parentKey]);
      const parent = g.tiles.find((t) => t.key === a.parentKey)!;
      const sum = a.smaller!.nodes.reduce((s, n) => s + n.amount!.eur, 0);
      expect(a.share).toBeCloseTo(sum / parent.node.amount!.eur, 6);
      expect(Math.abs(a.smaller!.amount - sum) / sum).toBeLessThan(1e-9);
    }
  });

  it('draws the rectangles d3 lays out for the whole tree, from the two levels drawn', () => {
    const trees = [
      root,
      selectBudgetTree(data, { programmes: 'all' }),
      selectBudgetTree(syntheticBudget(400, 3)),
      // a group of programmes: three levels below the focus, two drawn
      selectBudgetTree(syntheticBudget(3_000, 40)),
      // one programme of 20,000 lines (amounts met more than once, ordered by id): sorted and tiled in steps
      selectBudgetTree(syntheticBudget(20_000, 1)),
    ];
    for (const tree of trees)
      for (const [w, h] of [
        [800, 450],
        [360, 420],
        [120, 80],
      ] as const) {
        const g = layoutTreemap(tree, w, h, { text, canvasThreshold: Infinity });
        const depthFirst = g.tiles.map((t) => [t.key, t.x, t.y, t.w, t.h]);
        const ours = new Map(depthFirst.map((r) => [r[0], r]));
        const theirs = d3Rects(tree, w, h);
        expect(ours.size).toBe(theirs.length);
        for (const r of theirs) expect(ours.get(r[0] as string)).toEqual(r);
      }
  });

  it('gives the same geometry in steps as at once, and yields on a large tree', () => {
    const big = selectBudgetTree(syntheticBudget(50_000, 8));
    const steps = layoutTreemapSteps(big, 960, 600, { text });
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThan(5);
    expect(r.value).toEqual(layoutTreemap(big, 960, 600, { text }));
  });
});

describe('fitText(text, width, fontSize)', () => {
  it('keeps, shortens with an ellipsis, or drops', () => {
    expect(fitText('PARSEC', 100, 12)).toBe('PARSEC');
    expect(fitText('Programme d’appui au renforcement', 80, 12)).toMatch(/…$/);
    expect(fitText('Programme', 20, 12)).toBeNull();
  });
});

describe('layoutConflicts', () => {
  const conflict = {
    key: 'mcd',
    title: 'French security and defence cooperation in Mali: the sources give different totals',
    bars: [
      {
        value: 4.6e6,
        text: '€4.6M',
        by: 'Sénat (France), rapporteur Claude Nougein (2016) · drawn',
        drawn: true,
      },
      {
        value: 5e6,
        text: '€4.5M–€5M',
        by: 'NosDéputés.fr (Assemblée nationale proceedings) (2016)',
        drawn: false,
      },
    ],
  };

  it('puts the words after each bar when they fit whole there', () => {
    const { blocks, height } = layoutConflicts([conflict], 1280, estimateWidth);
    const bars = blocks[0]!.bars;
    expect(bars.map((b) => b.label)).toEqual(conflict.bars.map((b) => `${b.text} · ${b.by}`));
    expect(bars.every((b) => b.more.length === 0)).toBe(true);
    expect(height).toBe(18 * (1 + 2) + 6);
  });

  it('on a phone, keeps the value after the bar and who reports it whole under it, not cut', () => {
    const width = 330;
    const { blocks, height } = layoutConflicts([conflict], width, estimateWidth);
    const { title, bars } = blocks[0]!;
    // the title whole too, on up to three lines
    expect(title.join(' ')).toBe(conflict.title);
    for (const [i, b] of bars.entries()) {
      expect(b.label).toBe(conflict.bars[i]!.text);
      expect(b.more.length).toBeGreaterThan(0);
      expect(b.more.join(' ')).toBe(conflict.bars[i]!.by);
      for (const line of b.more) expect(estimateWidth(line, 12)).toBeLessThanOrEqual(width);
    }
    // each bar's lines below it, the next bar after them: nothing drawn over anything
    expect(bars[1]!.y).toBe(bars[0]!.y + 18 * (1 + bars[0]!.more.length));
    const rows = title.length + bars.reduce((n, b) => n + 1 + b.more.length, 0);
    expect(height).toBe(18 * rows + 6);
  });
});
