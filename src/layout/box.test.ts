import { describe, expect, it } from 'vitest';
import { BOX_RULES, boxCss, boxHeight, plotHeight, type BoxedTag } from './box';

const TAGS = Object.keys(BOX_RULES) as BoxedTag[];

describe('boxHeight', () => {
  it('is the plot share plus the room for the legends and notes, by width range', () => {
    // the treemap's plot is the share it always had: 0.95 × width below 480 px, 0.56 × width above, within 220–520
    expect(plotHeight('parsec-budget-treemap', 360)).toBe(342);
    expect(plotHeight('parsec-budget-treemap', 684)).toBe(383);
    expect(plotHeight('parsec-budget-treemap', 2000)).toBe(520);
    expect(boxHeight('parsec-budget-treemap', 684)).toBe(383 + 290);
    expect(boxHeight('parsec-budget-treemap', 324)).toBe(308 + 420);
    expect(boxHeight('parsec-facility-map', 684)).toBe(424 + 272);
    // the Gantt and the unit chart: a fixed box per width range, their rows or units scroll inside it
    expect(boxHeight('parsec-phase-gantt', 684)).toBe(915);
    expect(boxHeight('parsec-phase-gantt', 324)).toBe(1010);
    expect(boxHeight('parsec-cooperant-chart', 479)).toBe(660);
    expect(boxHeight('parsec-cooperant-chart', 480)).toBe(350);
  });

  it('takes the height attribute over the default, and ignores one that is not a positive number', () => {
    for (const tag of TAGS) {
      expect(boxHeight(tag, 700, { height: 480.4 })).toBe(480);
      expect(boxHeight(tag, 700, { height: 0 })).toBe(boxHeight(tag, 700));
      expect(boxHeight(tag, 700, { height: Number.NaN })).toBe(boxHeight(tag, 700));
    }
  });

  it('never depends on anything but the width and the attribute (same box in every language and dataset)', () => {
    for (const tag of TAGS)
      for (const w of [300, 500, 800]) expect(boxHeight(tag, w)).toBe(boxHeight(tag, w, {}));
  });
});

describe('boxCss', () => {
  const css = boxCss();
  it('writes each rule of BOX_RULES for the undefined elements, with its breakpoint', () => {
    for (const [tag, rule] of Object.entries(BOX_RULES)) {
      expect(css).toContain(`${tag}:not(:defined)::before {\n  block-size: `);
      expect(css).toContain(`@container (width < ${rule.breakpoint}px) {\n  ${tag}:not(:defined)::before`);
      expect(css).toContain(`${tag}[height]:not(:defined)::before`);
    }
    expect(css).toContain('block-size: calc(round(clamp(220px, 56cqi, 520px), 1px) + 290px);');
    expect(css).toContain('block-size: calc(round(clamp(220px, 95cqi, 520px), 1px) + 420px);');
  });
  it('sets no style a strict CSP would block and sizes nothing once the element is defined', () => {
    expect(css).not.toMatch(/url\(|expression|@import/);
    for (const line of css.split('\n').filter((l) => l.trim().startsWith('parsec-')))
      expect(line).toContain(':not(:defined)');
  });
});
