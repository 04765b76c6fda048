import * as z from 'zod/mini';

// No code generation: zod's JIT compiles parsers with `new Function`, which a strict CSP forbids. On 100,000 budget
// lines the interpreter measured no slower here (1.7–2.7 s against 2.1–2.5 s with the JIT, on a busy 2-core machine).
z.config({ jitless: true });

/** An identifier: lower-case letters, digits and dashes, or a source id such as `W01`. */
export const Id = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id of letters, digits, "-" or "_"'));

/** How a figure was obtained: stated as such, hedged by its source, or computed here from cited inputs. */
export const Precision = z.enum(['exact', 'approx', 'derived']);
export type Precision = z.infer<typeof Precision>;

/** Source ids (into `sources`) that back a figure, a date or a statement; at least one. */
export const SourceRefs = z.array(Id).check(z.minLength(1, 'at least one source id'));
