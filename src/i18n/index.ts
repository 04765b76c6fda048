import { en } from './en';
import { fr } from './fr';
import type { Translation, WidgetStringsKey } from './translation';

export type { Translation, WidgetStringsKey } from './translation';
export { en, fr };

/**
 * Languages with a string table: `fr` and `en` built in, others added with {@link registerTranslation}. A language
 * with none falls back to English strings, with Intl formats in its own locale. The built-in tables get each widget's
 * own strings when its code is loaded (a page with one treemap does not carry the map's words); import `en` and `fr`
 * from the package root for the complete tables.
 */
export const translations: Record<string, Translation> = { en, fr };

/**
 * Adds (or replaces) the widgets' strings for a language: `registerTranslation('de', { ...en, $code: 'de', … })`.
 * The object is typed: every string of {@link Translation} must be there. Widgets rendered after the call use it for
 * `lang="de"` and its regional variants (`de-CH`), unless a table is registered for the variant itself.
 *
 * @example
 * ```ts
 * import { en, registerTranslation } from 'parsec-widgets';
 *
 * registerTranslation('de', { ...en, $code: 'de', treemapTitle: 'Budgets', loading: 'Daten werden geladen…' });
 * // <parsec-budget-treemap lang="de"> now speaks German (English for the strings not given)
 * ```
 */
export function registerTranslation(lang: string, table: Translation): void {
  translations[lang.toLowerCase()] = table;
}

/**
 * Adds a widget's own strings (`strings/<widget>.ts`) to the built-in tables. Called at load by the module that reads
 * them (`describe/<widget>.ts`), so each widget entry carries its own words and no other widget's.
 */
export function addStrings<K extends WidgetStringsKey>(
  key: K,
  tables: Record<'en' | 'fr', Translation[K]>,
): void {
  en[key] = tables.en;
  fr[key] = tables.fr;
}

/** The primary subtag of a BCP 47 tag, lower case: `fr-ML` → `fr`. */
export function baseLanguage(lang: string): string {
  return lang.split('-')[0]!.toLowerCase();
}

/** The string table for a language tag. */
export function translationFor(lang: string): Translation {
  return translations[lang.toLowerCase()] ?? translations[baseLanguage(lang)] ?? en;
}

/** Words of the dataset loader that the string tables do not have yet, by language (English for the others). */
const loaderWords = {
  en: {
    timedOut: (ms: number) => `no answer within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`}`,
    badUrl: 'the address is not a valid URL',
  },
  fr: {
    timedOut: (ms: number) =>
      `pas de réponse en ${ms < 1000 ? `${ms} ms` : `${String(Math.round(ms / 100) / 10).replace('.', ',')} s`}`,
    badUrl: 'l’adresse n’est pas une URL valide',
  },
};

/** The loader's words for a string table (`t`), in its language. */
export function loaderText(t: Translation): (typeof loaderWords)['en'] {
  return t === fr ? loaderWords.fr : loaderWords.en;
}
