/**
 * The programme palette: one colour per programme, by the programme's index in the dataset, the same in the four
 * widgets and in both themes (the dark theme draws the same marks on its own background).
 *
 * Ten colours chosen together so that (checked by `palette.test.ts`, which computes the figures):
 * - each is a mark ≥ 3:1 against the light (`#ffffff`) and the dark (`#0d1117`) panel background, and carries white
 *   text ≥ 4.5:1 (the treemap writes its labels on the tiles);
 * - every pair, and every colour against the "Other" grey, stays apart under simulated deuteranopia, protanopia and
 *   tritanopia (Machado et al. 2009), by CIEDE2000: the minimum and its threshold are in the test.
 *
 * Together these bind every colour to a narrow band of lightness (L* 41–50), so the colours differ by hue and chroma
 * only; a dichromat tells them apart less easily than a reader with full colour vision, which is why colour is never
 * the only cue (every tile and every Gantt row is labelled with its programme).
 *
 * A programme past the tenth gets no colour of its own: it is drawn in the neutral "Other" grey, labelled, and the
 * legends name it under "Other" — a palette colour is never reused for a second programme.
 * Pages override a colour with `--parsec-color-1` … `--parsec-color-10` and `--parsec-color-other`.
 */
export const PALETTE = [
  '#3d6ee0', // blue
  '#837601', // olive yellow
  '#507f5f', // green
  '#cd374a', // red
  '#6359a8', // violet
  '#825c1b', // brown
  '#186f6a', // teal
  '#a64970', // rose
  '#666b40', // olive drab
  '#8f6797', // mauve
] as const;

/** The neutral of everything past the palette: "Other" groups and programmes beyond the tenth. */
export const OTHER_GREY = '#6e7781';

/** Number of categorical colours (`--parsec-color-1` … `--parsec-color-10`). */
export const CATEGORY_COUNT = PALETTE.length;

const inPalette = (i: number) => Number.isInteger(i) && i >= 0 && i < CATEGORY_COUNT;

/**
 * CSS class of a programme's colour from its index in the dataset: `c1` … `c10`, else `other` (the neutral grey).
 * The one mapping every widget uses: the same programme has the same colour everywhere.
 */
export function colourClass(index: number): string {
  return inPalette(index) ? `c${index + 1}` : 'other';
}

/**
 * The theme property and built-in value of that colour, for painting on a canvas (`--_cat-3`, `#507f5f`; past the
 * palette `--_other`).
 */
export function colourToken(index: number): { property: string; fallback: string } {
  return inPalette(index)
    ? { property: `--_cat-${index + 1}`, fallback: PALETTE[index]! }
    : { property: '--_other', fallback: OTHER_GREY };
}
