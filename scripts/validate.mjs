#!/usr/bin/env node
// Usage: npm run validate -- <file.json> [more.json]
// Prints every problem with its JSON path and exits 1 when a file is invalid.
import { readFile } from 'node:fs/promises';
import { runnerImport } from 'vite';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- <file.json> [more.json]');
  process.exit(2);
}
const { module } = await runnerImport('./src/schema/parse.ts');
let failed = false;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot read (${e.code ?? e.message})`);
    failed = true;
    continue;
  }
  const result = module.parseDatasetText(text);
  if (result.ok) {
    const d = result.data;
    console.log(
      `${file}: valid — ${d.sources.length} sources, ${d.programmes.length} programmes, ${d.budget.length} budget lines, ` +
        `${d.timeline.length} timeline items, ${d.places.length} places, ${d.facilities.length} facilities, ` +
        `${d.cooperants.posts.length} cooperant posts`,
    );
  } else {
    failed = true;
    const total = result.total ?? result.issues.length;
    console.error(`${file}: ${result.atLeast ? 'at least ' : ''}${total} problem${total === 1 ? '' : 's'}`);
    for (const issue of result.issues) console.error(`  ${issue.path}: ${issue.message}`);
    if (total > result.issues.length) console.error(`  … and ${total - result.issues.length} more`);
  }
}
process.exit(failed ? 1 : 0);
