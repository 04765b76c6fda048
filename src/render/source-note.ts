import { html, nothing, type TemplateResult } from 'lit';
import { formatIsoDate } from '../i18n/format';
import type { Translation } from '../i18n/translation';
import type { Source } from '../schema/sources';

/** Unique publishers of the given sources, in first-cited order. */
export function publishers(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => (seen.has(s.publisher) ? false : (seen.add(s.publisher), true)));
}

/** Publishers named in the source line; the others are counted (every source is in the data table). */
export const SOURCE_LINE_MAX = 6;

/**
 * The line under a chart: the publishers of the figures shown, most cited first (linked when they have a URL), at
 * most {@link SOURCE_LINE_MAX} then a count, and the as-of date.
 */
/** The publishers of a source line, most cited first, each once. */
function rankedPublishers(sources: readonly Source[]): Source[] {
  const counts = new Map<string, number>();
  for (const s of sources) counts.set(s.publisher, (counts.get(s.publisher) ?? 0) + 1);
  return publishers(sources)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => counts.get(b.s.publisher)! - counts.get(a.s.publisher)! || a.i - b.i)
    .map(({ s }) => s);
}

/** The source line as plain text, for exports: the same words as {@link renderSourceLine}. */
export function sourceLineText(
  sources: readonly Source[],
  asOf: string | undefined,
  lang: string,
  t: Translation,
): string {
  const list = rankedPublishers(sources);
  const shown = list.slice(0, SOURCE_LINE_MAX);
  const more = list.length - shown.length;
  return `${t.pair(t.sourceLine, shown.map((s) => s.publisher).join(', '))}${more > 0 ? ` ${t.morePublishers(more)}` : ''}${
    asOf ? ` · ${t.asOf(formatIsoDate(asOf, lang))}` : ''
  }`;
}

export function renderSourceLine(
  sources: readonly Source[],
  asOf: string | undefined,
  lang: string,
  t: Translation,
): TemplateResult {
  const list = rankedPublishers(sources);
  const shown = list.slice(0, SOURCE_LINE_MAX);
  const more = list.length - shown.length;
  return html`<p class="source" part="source">
    ${t.pair(t.sourceLine, '').trimEnd()}
    ${shown.map(
      (s, i) =>
        html`${i ? ', ' : ''}${s.url ? html`<a href=${s.url} rel="noopener noreferrer" target="_blank">${s.publisher}</a>` : s.publisher}`,
    )}${more > 0 ? html` ${t.morePublishers(more)}` : nothing}${asOf ? html` · ${t.asOf(formatIsoDate(asOf, lang))}` : nothing}
  </p>`;
}

export { sourcesText } from '../describe/common';
