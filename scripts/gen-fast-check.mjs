#!/usr/bin/env node
// Writes src/schema/fast-plan.ts: the dataset schema's plan (plain data, no zod) that the widgets' fast path runs, so
// that zod is loaded only for data the fast path is not sure of. `--check`: fails when the file is stale instead
// (src/schema/fast-plan.test.ts checks the same in `npm test`).
import { readFile, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import * as prettier from 'prettier';

const file = 'src/schema/fast-plan.ts';
const out = await build({
  stdin: {
    contents:
      "export { DatasetShape } from './src/schema/dataset'; export { planOf, planSource } from './src/schema/plan-of';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'error',
});
const mod = await import(
  `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`
);
const source = mod.planSource(mod.planOf(mod.DatasetShape), 'DATASET_PLAN');
const formatted = await prettier.format(source, { ...(await prettier.resolveConfig(file)), filepath: file });
if (process.argv.includes('--check')) {
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current !== formatted) {
    console.error(`${file} is stale: run npm run schema`);
    process.exit(1);
  }
} else {
  await writeFile(file, formatted);
  console.log(`wrote ${file}`);
}
