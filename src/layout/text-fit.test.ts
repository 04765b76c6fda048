import { describe, expect, it } from 'vitest';
import { estimateWidth, fitText, wrapText, type Measure } from './text-fit';

// a proportional metric: "W" and "M" are wide, "i", "l" and "." narrow, like a real font
const proportional: Measure = (text, size) =>
  Array.from(text).reduce((w, c) => w + size * (/[WM]/.test(c) ? 0.9 : /[il.]/.test(c) ? 0.25 : 0.55), 0);

describe('fitText(text, width, size, minChars, measure)', () => {
  it('keeps a text that fits, cuts one that does not at the longest prefix that fits with an ellipsis', () => {
    expect(fitText('PARSEC', 100, 12)).toBe('PARSEC');
    const cut = fitText('Programme d’appui au renforcement', 80, 12)!;
    expect(cut).toMatch(/…$/);
    expect(estimateWidth(cut, 12)).toBeLessThanOrEqual(80);
    expect(fitText('Programme', 20, 12)).toBeNull();
  });

  it('measures: narrow letters fit more characters than wide ones in the same room', () => {
    const narrow = fitText('illillillillillill', 40, 12, 1, proportional)!;
    const wide = fitText('WMWMWMWMWMWMWMWMWM', 40, 12, 1, proportional)!;
    expect(narrow.length).toBeGreaterThan(wide.length + 3);
    expect(proportional(narrow, 12)).toBeLessThanOrEqual(40);
    expect(proportional(wide, 12)).toBeLessThanOrEqual(40);
  });

  it('never cuts inside a surrogate pair', () => {
    const flags = '🇲🇱🇫🇷🇪🇺🇩🇪🇳🇪';
    const cut = fitText(flags, 30, 12, 1)!;
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('wrapText(text, width, size, lines, measure)', () => {
  it('wraps between words on at most n lines, each within the width', () => {
    const lines = wrapText('Mobile secured camp for the Mopti PSIG', 90, 12, 3)!;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const l of lines) expect(estimateWidth(l, 12)).toBeLessThanOrEqual(90);
    expect(lines.join(' ').replace(/…$/, '')).toMatch(/^Mobile secured camp/);
  });

  it('ends the last line with an ellipsis when the text does not fit', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 60, 12, 2)!;
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });

  it('keeps a short text on one line and returns null when nothing fits', () => {
    expect(wrapText('PARSEC', 200, 12, 2)).toEqual(['PARSEC']);
    expect(wrapText('PARSEC', 5, 12, 2)).toBeNull();
  });
});
