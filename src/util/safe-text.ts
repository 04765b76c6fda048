/**
 * Text made safe for exports, whatever a dataset holds: cut at grapheme boundaries, valid XML, valid URI, and CSV
 * cells a spreadsheet will not run as formulas. Pure functions, tested in Node.
 */

type Segmenter = { segment(text: string): Iterable<{ segment: string }> };
let segmenter: Segmenter | null | undefined;

/**
 * The user-perceived characters of a text (`Intl.Segmenter`): a flag, an emoji with skin tone or a ZWJ sequence, a
 * letter with combining accents are each one. Falls back to code points where `Intl.Segmenter` is missing.
 */
export function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    const Ctor = (Intl as unknown as { Segmenter?: new (l?: string, o?: object) => Segmenter }).Segmenter;
    segmenter = Ctor ? new Ctor(undefined, { granularity: 'grapheme' }) : null;
  }
  if (!segmenter) return Array.from(text);
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** At most `max` graphemes of `text`, with `ellipsis` appended when it was cut (never half a character). */
export function cutGraphemes(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const g = graphemes(text);
  if (g.length <= max) return text;
  return `${g.slice(0, Math.max(0, max)).join('').trimEnd()}${ellipsis}`;
}

/** Lone surrogates (half of a pair) replaced by U+FFFD, so that `encodeURIComponent` and UTF-8 encoders accept it. */
export function wellFormed(text: string): string {
  const s = text as string & { toWellFormed?: () => string };
  if (typeof s.toWellFormed === 'function') return s.toWellFormed();
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * Text that can stand in an XML 1.0 document (an SVG file): characters XML forbids — C0 controls other than tab, line
 * feed and carriage return, U+FFFE and U+FFFF — removed, lone surrogates replaced by U+FFFD.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return wellFormed(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** A `data:` URL of an SVG document that never throws "URI malformed". */
export function svgDataUrl(svgText: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xmlSafe(svgText))}`;
}

/**
 * One CSV cell (RFC 4180): a cell a spreadsheet could run as a formula — starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return, whatever follows — is prefixed with `'`; cells with a comma, a quote or a line break are quoted.
 * Lone surrogates are replaced so the file encodes as UTF-8.
 */
export function csvCell(value: string): string {
  const v = wellFormed(value);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
