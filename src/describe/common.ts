import { formatIsoDate, localText } from '../i18n/format';
import type { Translation } from '../i18n/translation';
import type { Dataset } from '../schema/dataset';
import type { Source } from '../schema/sources';

/** The caption of a chart in print and exports: `Budgets — <the dataset's title>`. */
export function captionTitle(chart: string, data: Dataset, lang: string): string {
  const title = localText(data.meta.title, lang);
  return chart ? `${chart} — ${title}` : title;
}

/** `data as of September 2024`, or nothing when the dataset gives no date. */
export function asOfText(data: Dataset, t: Translation, lang: string): string {
  return data.meta.asOf ? t.asOf(formatIsoDate(data.meta.asOf, lang)) : '';
}

/** Sources of a figure as a short text for readers (publishers, never ids): `Expertise France (2017), Civipol`. */
export function sourcesText(sources: readonly Source[]): string {
  const seen = new Set<string>();
  return sources
    .map((s) => (s.published ? `${s.publisher} (${s.published.slice(0, 4)})` : s.publisher))
    .filter((s) => (seen.has(s) ? false : (seen.add(s), true)))
    .join(', ');
}
