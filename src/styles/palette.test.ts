import { describe, expect, it } from 'vitest';
import { VISIONS, closestPair, contrast, deltaE2000, labAs, type Vision } from '../../test/colour-vision';
import { CATEGORY_COUNT, OTHER_GREY, PALETTE, colourClass, colourToken } from './palette';
import { tokens } from './tokens';

/** The panel backgrounds of the two themes (`--_bg` in tokens.ts). */
const LIGHT_BG = '#ffffff';
const DARK_BG = '#0d1117';

/**
 * The floor of the smallest CIEDE2000 distance between two programme colours, or a colour and the "Other" grey.
 *
 * - Under simulated dichromacy: 7. The palette must stay ≥ 3:1 on both backgrounds and carry white text ≥ 4.5:1, so
 *   every colour sits between L* 41 and 50: the colours differ by hue and chroma, the axis a dichromat loses first.
 *   ΔE00 ≈ 1 is a just-noticeable difference for large patches side by side (Sharma et al. 2005); marks need several
 *   times that (Stone, Szafir & Setlur 2014, "An engineering model for color difference as a function of size"), and
 *   7 is the most a ten-colour set reaches in that band under all three dichromacies (a search of the band; see
 *   palette.ts). Colour is never the only cue: every mark is labelled.
 * - With full colour vision: 13 — twice the step above, so that two programmes never look alike at a glance.
 */
const MIN_DICHROMAT = 7;
const MIN_NORMAL = 13;

describe('CIEDE2000 and the simulation, on published figures', () => {
  // Sharma, Wu & Dalal (2005), table 1: pairs 1, 7, 17, 25 and 34
  const cases: [number[], number[], number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  ];
  it.each(cases)('ΔE00 of %j and %j is %f', (a, b, want) => {
    expect(deltaE2000(a as [number, number, number], b as [number, number, number])).toBeCloseTo(want, 4);
    expect(deltaE2000(b as [number, number, number], a as [number, number, number])).toBeCloseTo(want, 4);
  });

  it('sRGB white is L* 100, a dichromat sees red and green alike and blue apart, a tritanope the reverse', () => {
    expect(labAs('#ffffff', 'normal')[0]).toBeCloseTo(100, 2);
    for (const v of VISIONS) expect(labAs('#808080', v)[1]).toBeCloseTo(0, 0);
    const d = (a: string, b: string, v: Vision) => deltaE2000(labAs(a, v), labAs(b, v));
    expect(d('#d62728', '#2ca02c', 'normal')).toBeGreaterThan(50);
    expect(d('#bd3a3a', '#6a7a00', 'deuteranopia')).toBeLessThan(12);
    expect(d('#bd3a3a', '#6a7a00', 'protanopia')).toBeLessThan(20);
    expect(d('#1f77b4', '#2ca02c', 'tritanopia')).toBeLessThan(d('#1f77b4', '#2ca02c', 'deuteranopia'));
  });
});

describe('the programme palette', () => {
  const colours = [...PALETTE];

  it('has at least ten colours, all different, none the "Other" grey', () => {
    expect(CATEGORY_COUNT).toBeGreaterThanOrEqual(10);
    expect(new Set(colours.map((c) => c.toLowerCase())).size).toBe(colours.length);
    expect(colours).not.toContain(OTHER_GREY);
  });

  it.each(colours.map((c, i) => [i + 1, c]))(
    'colour %i (%s): a mark ≥ 3:1 on both backgrounds, white text on it ≥ 4.5:1',
    (_, c) => {
      expect(contrast(c, LIGHT_BG)).toBeGreaterThanOrEqual(3);
      expect(contrast(c, DARK_BG)).toBeGreaterThanOrEqual(3);
      expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('the "Other" grey: a mark ≥ 3:1 on both backgrounds, white text on it ≥ 4.5:1', () => {
    expect(contrast(OTHER_GREY, LIGHT_BG)).toBeGreaterThanOrEqual(3);
    expect(contrast(OTHER_GREY, DARK_BG)).toBeGreaterThanOrEqual(3);
    expect(contrast(OTHER_GREY, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(VISIONS)('%s: every two colours, and each colour and the "Other" grey, stay apart', (vision) => {
    const worst = closestPair([...colours, OTHER_GREY], vision);
    const floor = vision === 'normal' ? MIN_NORMAL : MIN_DICHROMAT;
    expect(worst.distance, `${worst.a} and ${worst.b}`).toBeGreaterThanOrEqual(floor);
  });

  it('the first colours, those of most datasets, are the farthest apart', () => {
    // a dataset of 2 to 4 programmes gets colours far apart under every vision
    const worst = (n: number) =>
      Math.min(...VISIONS.map((v) => closestPair([...colours.slice(0, n), OTHER_GREY], v).distance));
    expect(worst(2)).toBeGreaterThanOrEqual(15);
    expect(worst(4)).toBeGreaterThanOrEqual(MIN_DICHROMAT);
  });

  it('the theme sheet carries the palette, overridable through --parsec-color-N and --parsec-color-other', () => {
    const css = tokens.cssText;
    colours.forEach((c, i) => expect(css).toContain(`--_cat-${i + 1}: var(--parsec-color-${i + 1}, ${c});`));
    expect(css).toContain(`--_other: var(--parsec-color-other, ${OTHER_GREY});`);
    // one palette for both themes: the dark blocks do not redefine it
    expect(css.match(/--_cat-1:/g)).toHaveLength(1);
  });

  it('one mapping from a programme index to its colour, "other" past the palette, never a reused colour', () => {
    const classes = Array.from({ length: 14 }, (_, i) => colourClass(i));
    expect(classes.slice(0, 10)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10']);
    expect(classes.slice(10)).toEqual(['other', 'other', 'other', 'other']);
    expect(colourClass(-1)).toBe('other');
    expect(colourClass(Number.NaN)).toBe('other');
    expect(colourToken(2)).toEqual({ property: '--_cat-3', fallback: PALETTE[2] });
    expect(colourToken(10)).toEqual({ property: '--_other', fallback: OTHER_GREY });
  });
});
