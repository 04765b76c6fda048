import { localText } from '../i18n/format';
import type { Dataset, GlossaryEntry } from '../schema/dataset';
import { datasetLanguages } from '../schema/read';

/** The abbreviations of a dataset by term (cached per dataset). */
export type Glossary = ReadonlyMap<string, GlossaryEntry>;

const cache = new WeakMap<Dataset, Glossary>();
const EMPTY: Glossary = new Map();
/** The languages of the dataset a glossary comes from: the fallback of its expansions after the reader's language. */
const languagesOf = new WeakMap<Glossary, readonly string[]>();

/** The glossary of a dataset: its terms as the sources spell them out (empty when the dataset has none). */
export function glossaryOf(data: Dataset): Glossary {
  if (!data.glossary?.length) return EMPTY;
  let g = cache.get(data);
  if (!g) {
    cache.set(data, (g = new Map(data.glossary.map((e) => [e.term, e]))));
    languagesOf.set(g, datasetLanguages(data));
  }
  return g;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<string, RegExp>();
/** A term as a whole word: not inside a longer word (`EMA` is not found in `EMAIL`). */
function wordOf(term: string): RegExp {
  let re = patterns.get(term);
  if (!re) patterns.set(term, (re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'u')));
  return re;
}

/** Expands each term the first time it is met: `DCM` → `DCM (Détachement de coordination militaire)`. */
export interface FirstUse {
  /** The text with each term not met before expanded once (later uses stay short). */
  expand(text: string): string;
  /** Sources of the expansions written so far (ids). */
  readonly sources: string[];
}

/**
 * A first-use expander for one reading unit (the labels of a chart, one tooltip, one table). `context` is the whole
 * text of that unit: a term whose expansion is already written in it is not expanded again. Pure.
 */
export function firstUse(glossary: Glossary, lang: string, context = ''): FirstUse {
  const seen = new Set<string>();
  const sources: string[] = [];
  const lower = context.toLocaleLowerCase(lang);
  const languages = languagesOf.get(glossary);
  for (const [term, e] of glossary) {
    const long = localText(e.expansion, lang, languages);
    if (long && lower.includes(long.toLocaleLowerCase(lang))) seen.add(term);
  }
  return {
    sources,
    expand(text) {
      if (!glossary.size || !text) return text;
      let out = text;
      for (const [term, e] of glossary) {
        if (seen.has(term)) continue;
        const m = wordOf(term).exec(out);
        if (!m) continue;
        seen.add(term);
        const long = localText(e.expansion, lang, languages);
        if (!long) continue;
        const end = m.index + term.length;
        out = `${out.slice(0, end)} (${long})${out.slice(end)}`;
        for (const s of e.sources) if (!sources.includes(s)) sources.push(s);
      }
      return out;
    },
  };
}
