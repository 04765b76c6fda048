import * as z from 'zod/mini';
import { Id } from './common';
import { IsoDate } from './dates';

/** A public document that figures cite by `id`. */
export const Source = z.strictObject({
  id: Id,
  title: z.string().check(z.minLength(1, 'a non-empty title')),
  publisher: z.string().check(z.minLength(1, 'a non-empty publisher')),
  url: z.nullable(z.string().check(z.regex(/^https?:\/\//, 'an http(s) URL'))),
  language: z.optional(z.string()),
  published: z.nullable(IsoDate),
  seedFile: z.optional(z.nullable(z.string())),
});
export type Source = z.infer<typeof Source>;
