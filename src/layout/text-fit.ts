/** Average advance of a character, in em, for the system sans-serif fonts the widgets use. */
export const CHAR_EM = 0.56;

/** Estimated width of a text in pixels (no DOM; deterministic). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHAR_EM;
}

/**
 * Fits a text in `maxWidth` pixels: whole, else cut with an ellipsis (at least `minChars` kept), else `null`.
 */
export function fitText(text: string, maxWidth: number, fontSize: number, minChars = 4): string | null {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const n = Math.floor(maxWidth / (fontSize * CHAR_EM)) - 1;
  if (n < minChars) return null;
  return `${text.slice(0, n).trimEnd()}…`;
}
