/**
 * The fast path (plan.ts) for any part of the zod schema: the schema's plan made at run time ({@link planOf}) and
 * run, for tests that compare it with zod. The widgets and parse.ts run the same plan compiled into code at build time
 * (src/schema/checks/, see plan-code.ts), which src/schema/checks.test.ts keeps up to date.
 * @module
 */
import type * as z from 'zod/mini';
import { NOT_SURE, runPlan } from './plan';
import { planOf } from './plan-of';

export { NOT_SURE };

/**
 * What zod would output for `input` against `schema` when zod finds no problem in it; {@link NOT_SURE} otherwise.
 * See {@link runPlan}.
 */
export function fastParse(
  schema: z.core.$ZodType,
  input: unknown,
  options: { private?: boolean } = {},
): unknown {
  return runPlan(planOf(schema), input, options);
}
