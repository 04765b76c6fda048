import { html, nothing, type TemplateResult } from 'lit';
import { formatIsoDate } from '../i18n/format';
import type { Translation } from '../i18n/translation';
import type { Source } from '../schema/sources';

/** Unique publishers of the given sources, in first-cited order. */
export function publishers(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => (seen.has(s.publisher) ? false : (seen.add(s.publisher), true)));
}

/** The line under a chart: the publishers of the figures shown (linked when they have a URL) and the as-of date. */
export function renderSourceLine(
  sources: readonly Source[],
  asOf: string | undefined,
  lang: string,
  t: Translation,
): TemplateResult {
  const list = publishers(sources);
  return html`<p class="source" part="source">
    ${t.sourceLine}:
    ${list.map(
      (s, i) =>
        html`${i ? ', ' : ''}${s.url ? html`<a href=${s.url} rel="noopener noreferrer" target="_blank">${s.publisher}</a>` : s.publisher}`,
    )}${asOf ? html` · ${t.asOf(formatIsoDate(asOf, lang))}` : nothing}
  </p>`;
}

/** Sources of a figure as a short text: `Expertise France (2017), Civipol`. */
export function sourcesText(sources: readonly Source[]): string {
  return sources
    .map((s) => (s.published ? `${s.publisher} (${s.published.slice(0, 4)})` : s.publisher))
    .join(', ');
}
