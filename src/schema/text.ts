import * as z from 'zod/mini';

const NonEmpty = z.string().check(z.minLength(1, 'a non-empty text'));

/**
 * A BCP 47 language tag as a text's key: `fr`, `en`, `de`, `sv`, `fr-ML`, `zh-Hant` (a primary subtag of 2–3
 * letters, then subtags of 1–8 letters or digits).
 */
export const LanguageTag = z
  .string()
  .check(
    z.regex(
      /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/,
      'a BCP 47 language tag such as "fr", "en", "de" or "fr-ML"',
    ),
  );

/**
 * Text in one or more languages, keyed by BCP 47 tag (`{ "fr": "…", "en": "…" }`, `{ "sv": "…" }`); at least one.
 * Widgets pick the reader's language, else its primary subtag, else the dataset's first language (see
 * `pickText`). Data text is always rendered as text, never as HTML.
 */
export const LocalText = z
  .record(LanguageTag, NonEmpty)
  .check(z.refine((t) => Object.keys(t).length > 0, 'a text in at least one language, like {"en": "…"}'));
export type LocalText = z.infer<typeof LocalText>;

/**
 * The text of `t` for a reader of `lang`: the exact tag, else its primary subtag (`fr-ML` → `fr`), else another
 * regional variant of it (`en` → `en-GB`), else the first of `fallback` that the text has (the dataset's languages,
 * first first), else the text's first language. `''` when there is no text.
 */
export function pickText(t: LocalText | undefined, lang: string, fallback: readonly string[] = []): string {
  if (!t) return '';
  const exact = t[lang];
  if (exact !== undefined) return exact;
  const primary = lang.split('-')[0]!.toLowerCase();
  const keys = Object.keys(t);
  const sameBase =
    keys.find((k) => k.toLowerCase() === primary) ??
    keys.find((k) => k.split('-')[0]!.toLowerCase() === primary);
  if (sameBase !== undefined) return t[sameBase]!;
  for (const f of fallback) if (t[f] !== undefined) return t[f]!;
  return keys.length ? t[keys[0]!]! : '';
}

/** The languages of a dataset, its first being the fallback: the languages of its title, in their order. */
export function datasetLanguages(data: { meta: { title: LocalText } }): string[] {
  return Object.keys(data.meta.title);
}
