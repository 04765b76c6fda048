import { readdirSync, readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { DatasetShape } from './dataset';
import { planOf } from './plan-of';
import { planCode } from './plan-code';

describe('the checks generated from the schema (src/schema/checks/)', () => {
  const dir = 'src/schema/checks';
  const files = planCode(planOf(DatasetShape));
  const all = Object.values(files).join('\n');

  it('are what scripts/gen-fast-check.mjs makes of the schema today (run npm run schema when this fails)', async () => {
    const options = await prettier.resolveConfig(`${dir}/index.ts`);
    expect(readdirSync(dir).sort()).toEqual(
      Object.keys(files)
        .map((f) => `${f}.ts`)
        .sort(),
    );
    for (const [name, source] of Object.entries(files)) {
      const file = `${dir}/${name}.ts`;
      const formatted = await prettier.format(source, { ...options, filepath: file });
      expect(readFileSync(file, 'utf8'), file).toBe(formatted);
    }
    // (prettier formats 15 modules: seconds on a busy machine)
  }, 30_000);

  it('leave nothing of the dataset to zod that the schema names (every refinement is one of ours)', () => {
    expect(all).not.toMatch(/\(_v: any\): unknown \{\s*return F;/);
    expect(all).toContain('RULES.timelineDates(');
  });

  it('are plain code: no eval, no Function constructor (strict CSP)', () => {
    expect(all).not.toMatch(/\beval\b|\bFunction\s*\(/);
  });

  it('give each top-level field a module of its own, for a widget to carry only the sections it reads', () => {
    for (const [name, check] of [
      ['budget', 'checkBudget'],
      ['timeline', 'checkTimeline'],
      ['schema', 'checkSchema'],
    ])
      expect(files[name!]).toContain(`export const ${check} = `);
    // the budget's module does not hold (or import) the timeline's checks
    expect(files.budget).not.toMatch(/['"]phase['"]/);
    expect(files.timeline).toMatch(/['"]phase['"]/);
  });
});
