import * as z from 'zod/mini';

const NonEmpty = z.string().check(z.minLength(1, 'a non-empty text'));

/**
 * Text in French and/or English. At least one language is present; widgets fall back to the other.
 * Data text is always rendered as text, never as HTML.
 */
export const LocalText = z
  .object({ fr: z.optional(NonEmpty), en: z.optional(NonEmpty) })
  .check(z.refine((t) => t.fr !== undefined || t.en !== undefined, 'a text with "fr" or "en"'));
export type LocalText = z.infer<typeof LocalText>;
