import type { Source } from '../schema/sources';

/** Sources of a figure as a short text for readers (publishers, never ids): `Expertise France (2017), Civipol`. */
export function sourcesText(sources: readonly Source[]): string {
  const seen = new Set<string>();
  return sources
    .map((s) => (s.published ? `${s.publisher} (${s.published.slice(0, 4)})` : s.publisher))
    .filter((s) => (seen.has(s) ? false : (seen.add(s), true)))
    .join(', ');
}

/** Source ids of a figure as raw text for CSV and JSON: `W01; S001`. */
export function sourceIds(ids: Iterable<string>): string {
  return [...new Set(ids)].join('; ');
}
