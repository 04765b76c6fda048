import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { DatasetShape } from './dataset';
import { DATASET_PLAN } from './fast-plan';
import { planOf, planSource } from './plan-of';

describe('the generated fast-path plan (src/schema/fast-plan.ts)', () => {
  it('is what scripts/gen-fast-check.mjs makes of the schema today (run npm run schema when this fails)', async () => {
    const file = 'src/schema/fast-plan.ts';
    const source = planSource(planOf(DatasetShape), 'DATASET_PLAN');
    const formatted = await prettier.format(source, {
      ...(await prettier.resolveConfig(file)),
      filepath: file,
    });
    expect(readFileSync(file, 'utf8')).toBe(formatted);
    // and the module says what the schema says (a plan that the schema would print the same way)
    expect(planSource(DATASET_PLAN, 'DATASET_PLAN')).toBe(source);
  });

  it('leaves nothing of the dataset to zod that the schema names (every refinement is one of ours)', () => {
    expect(planSource(DATASET_PLAN, 'DATASET_PLAN')).not.toContain("type: 'never'");
  });
});
