import type { Dataset } from '../schema/dataset';
import type { Source } from '../schema/sources';

/** Sources by id for one dataset, cached. */
const sourceIndex = new WeakMap<Dataset, Map<string, Source>>();
export function sourcesById(data: Dataset): Map<string, Source> {
  let m = sourceIndex.get(data);
  if (!m) sourceIndex.set(data, (m = new Map(data.sources.map((s) => [s.id, s]))));
  return m;
}

/** The sources behind some ids, each once, in first-cited order; unknown ids are skipped. */
export function sourcesOf(index: Map<string, Source>, ...idLists: Iterable<string>[]): Source[] {
  return sourcesOfLists(index, idLists);
}

/**
 * {@link sourcesOf} for any number of id lists (one per item of a large dataset: spread as arguments, 100,000 lists
 * overflow the call stack).
 */
export function sourcesOfLists(index: Map<string, Source>, idLists: Iterable<Iterable<string>>): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const ids of idLists)
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const s = index.get(id);
      if (s) out.push(s);
    }
  return out;
}
