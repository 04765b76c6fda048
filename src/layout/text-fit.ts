import { graphemes } from '../util/safe-text';
/**
 * Text measured, never guessed: layouts receive a {@link Measure} (canvas `measureText` in the browser, see
 * `util/measure.ts`; {@link estimateWidth} in Node tests, where no font exists) and fit or wrap labels with it.
 */

/** Width in pixels of `text` at `fontSize` (and `weight`, 400 by default) in the widget's font. */
export type Measure = (text: string, fontSize: number, weight?: number) => number;

/** Average advance of a character, in em, of a sans-serif font; only for Node tests, where nothing can be measured. */
export const CHAR_EM = 0.56;

/** A deterministic metric for Node tests and snapshots (about 0.56 em a character, bold 6 % wider). */
export const estimateWidth: Measure = (text, fontSize, weight = 400) =>
  Array.from(text).length * fontSize * CHAR_EM * (weight >= 600 ? 1.06 : 1);

/** @deprecated use a {@link Measure}; kept for callers that have none. */
export function textWidth(text: string, fontSize: number, measure: Measure = estimateWidth): number {
  return measure(text, fontSize);
}

/**
 * Fits a text in `maxWidth` pixels: whole, else cut at a word or character with an ellipsis (at least `minChars`
 * kept), else `null`. The cut is found by measuring, so a wide "W" and a narrow "i" are both respected.
 */
export function fitText(
  text: string,
  maxWidth: number,
  fontSize: number,
  minChars = 4,
  measure: Measure = estimateWidth,
  weight?: number,
): string | null {
  if (measure(text, fontSize, weight) <= maxWidth) return text;
  // cut between user-perceived characters: never half a flag, an emoji sequence or an accented letter
  const chars = graphemes(text);
  // the longest prefix whose text + "…" fits (binary search: widths grow with the prefix)
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, fontSize, weight) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  if (lo < Math.min(minChars, chars.length)) return null;
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/**
 * Wraps a text on at most `maxLines` lines of `maxWidth` pixels, breaking between words (a word longer than a line is
 * cut). The last line ends with an ellipsis when the text does not fit; `null` when not even one line fits. With
 * `whole`, `null` as soon as anything would have to be cut (nothing cut is measured to be thrown away).
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
  measure: Measure = estimateWidth,
  weight?: number,
  whole?: boolean,
): string[] | null {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (measure(next, fontSize, weight) <= maxWidth) {
      line = next;
      continue;
    }
    if (!line) {
      if (whole) return null;
      // one word wider than the line: cut it
      const cut = fitText(words[i]!, maxWidth, fontSize, 2, measure, weight);
      if (!cut) return lines.length ? lines : null;
      lines.push(cut);
      line = '';
      if (lines.length === maxLines) return lines;
      continue;
    }
    if (lines.length === maxLines - 1) break;
    lines.push(line);
    line = words[i]!;
    if (measure(line, fontSize, weight) > maxWidth) {
      if (whole) return null;
      const cut = fitText(line, maxWidth, fontSize, 2, measure, weight);
      if (!cut) return lines;
      lines.push(cut);
      return lines;
    }
  }
  if (i < words.length) {
    if (whole) return null;
    const rest = [line, ...words.slice(i)].join(' ');
    const last = fitText(rest, maxWidth, fontSize, 3, measure, weight);
    if (last) lines.push(last);
    return lines.length ? lines : null;
  }
  if (line) lines.push(line);
  return lines.length ? lines : null;
}
