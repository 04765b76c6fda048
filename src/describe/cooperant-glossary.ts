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

/** A letter or a digit, in any script. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** The code point ending just before `i` (a surrogate pair read whole), or `''` at the start. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1);
}
/**
 * Where a term stands as a whole word in a text (not inside a longer word: `EMA` is not found in `EMAIL`), or -1. A
 * plain search, each hit checked at its edges: no pattern per term to compile.
 */
function wordAt(text: string, term: string): number {
  if (!term) return -1;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    const after = text.codePointAt(i + term.length);
    if (WORD_CHAR.test(charBefore(text, i))) continue;
    if (after !== undefined && WORD_CHAR.test(String.fromCodePoint(after))) continue;
    return i;
  }
  return -1;
}

/** Expands each term the first time it is met: `DCM` → `DCM (Détachement de coordination militaire)`. */
export interface FirstUse {
  /** The text with each term not met before expanded once (later uses stay short). */
  expand(text: string): string;
  /** Sources of the expansions written so far (ids). */
  readonly sources: string[];
  /** Every term has been met: `expand` returns its text as it is from now on. */
  readonly done: boolean;
}

/**
 * A first-use expander for one reading unit (the labels of a chart, one tooltip, one table). `context` is the whole
 * text of that unit: a term whose expansion is already written in it is not expanded again. Pure.
 */
export function firstUse(glossary: Glossary, lang: string, context = ''): FirstUse {
  const seen = new Set<string>();
  const sources: string[] = [];
  const lower = context ? context.toLocaleLowerCase(lang) : '';
  const languages = languagesOf.get(glossary);
  // no context: nothing is written yet (every expansion is to come)
  if (lower)
    for (const [term, e] of glossary) {
      const long = localText(e.expansion, lang, languages);
      if (long && lower.includes(long.toLocaleLowerCase(lang))) seen.add(term);
    }
  return {
    sources,
    get done() {
      return seen.size >= glossary.size;
    },
    expand(text) {
      if (!glossary.size || !text) return text;
      let out = text;
      for (const [term, e] of glossary) {
        if (seen.has(term)) continue;
        const at = wordAt(out, term);
        if (at < 0) continue;
        seen.add(term);
        const long = localText(e.expansion, lang, languages);
        if (!long) continue;
        const end = at + term.length;
        out = `${out.slice(0, end)} (${long})${out.slice(end)}`;
        for (const s of e.sources) if (!sources.includes(s)) sources.push(s);
      }
      return out;
    },
  };
}
