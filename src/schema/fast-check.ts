/**
 * The fast path (plan.ts) for any part of the zod schema: the schema's plan made at run time ({@link planOf}) and
 * run, for tests that compare it with zod. The widgets and parse.ts run the dataset's plan generated at build time
 * (fast-plan.ts), which src/schema/fast-plan.test.ts keeps equal to the one made here.
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
