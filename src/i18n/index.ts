import { en } from './en';
import { fr } from './fr';
import type { Translation } from './translation';

export type { Translation } from './translation';
export { en, fr };

/** Languages with a string table. Others fall back to English strings, with Intl formats in their own locale. */
export const translations: Record<string, Translation> = { en, fr };

/** The primary subtag of a BCP 47 tag, lower case: `fr-ML` → `fr`. */
export function baseLanguage(lang: string): string {
  return lang.split('-')[0]!.toLowerCase();
}

/** The string table for a language tag. */
export function translationFor(lang: string): Translation {
  return translations[baseLanguage(lang)] ?? en;
}
