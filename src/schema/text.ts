import * as z from 'zod/mini';
import { namedRule } from './rule-names';
import { hasOneLanguage } from './rules';

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
  .check(
    namedRule(z.refine(hasOneLanguage, 'a text in at least one language, like {"en": "…"}'), 'oneLanguage'),
  );
export type LocalText = z.infer<typeof LocalText>;
export { datasetLanguages, pickText } from './read';
