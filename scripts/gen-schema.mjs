#!/usr/bin/env node
// Writes data/schema.json (JSON Schema 2020-12) from the zod schema, the single source of truth.
// `node scripts/gen-schema.mjs --check` exits 1 when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { runnerImport } from 'vite';

const { module } = await runnerImport('./src/schema/json-schema.ts');
const text = module.datasetJsonSchemaText();
const target = 'data/schema.json';
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${target} is stale: run npm run schema`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  await writeFile(target, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}
