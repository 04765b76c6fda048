#!/usr/bin/env node
// Usage: npm run import -- <file.csv|file.tsv|activity.xml> [more.csv …] [--section budget] [--out dataset.json]
//        [--as-of 2024-01-31] [--lang fr|en] [--title "…"] [--base dataset.json] [--url https://…/activity.xml]
//        [--templates dir]
// Tables (one per section: budget, timeline, places, facilities, posts, programmes, sources) or one IATI activity
// file → a dataset, validated by the same schema as every dataset. Prints every problem at its cell (file, row,
// column) with the fix it offers, and exits 1 on an error. The dataset goes to --out, else to standard output.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { runnerImport } from 'vite';

const args = process.argv.slice(2);
const flags = {};
const files = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a.startsWith('--')) {
    const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), args[++i]];
    if (v === undefined) {
      console.error(`${a}: expected a value`);
      process.exit(2);
    }
    flags[k] = v;
  } else files.push(a);
}
const usage =
  'usage: npm run import -- <file.csv|file.tsv|activity.xml> [more.csv …] [--section budget] [--out dataset.json]\n' +
  '       [--as-of YYYY-MM-DD] [--lang fr|en] [--title "…"] [--base dataset.json] [--url URL]\n' +
  '       npm run import -- --templates <dir>   (writes the CSV templates)';
const { module: lib } = await runnerImport('./src/import/index.ts');

if (flags.templates) {
  await mkdir(flags.templates, { recursive: true });
  for (const s of Object.keys(lib.SECTIONS)) {
    const from = join('data/templates', `${s}.csv`);
    await writeFile(join(flags.templates, `${s}.csv`), await readFile(from));
    console.error(`wrote ${join(flags.templates, `${s}.csv`)}`);
  }
  process.exit(0);
}
if (files.length === 0) {
  console.error(usage);
  process.exit(2);
}
if (flags.section && !(flags.section in lib.SECTIONS)) {
  console.error(`--section: expected one of ${Object.keys(lib.SECTIONS).join(', ')}, got "${flags.section}"`);
  process.exit(2);
}
const inputs = [];
for (const file of files) {
  try {
    inputs.push({
      name: basename(file),
      text: await readFile(file, 'utf8'),
      ...(flags.section ? { section: flags.section } : {}),
    });
  } catch (e) {
    console.error(`${file}: cannot read (${e.code ?? e.message})`);
    process.exit(1);
  }
}
let base;
if (flags.base) {
  const { module: schema } = await runnerImport('./src/schema/parse.ts');
  const r = schema.parseDatasetText(await readFile(flags.base, 'utf8'));
  if (!r.ok) {
    console.error(`${flags.base}: not a valid dataset (npm run validate -- ${flags.base})`);
    process.exit(1);
  }
  base = r.data;
}
// tables are as of today unless told; an IATI file carries its own date (last updated)
const today = new Date().toISOString().slice(0, 10);
const xml = inputs.some((i) => lib.isXml(i));
const result = lib.importFiles(inputs, {
  ...(base ? { base } : {}),
  asOf: flags['as-of'] ?? (base || xml ? undefined : today),
  ...(flags.lang ? { lang: flags.lang } : {}),
  ...(flags.title ? { title: { [flags.lang ?? 'en']: flags.title } } : {}),
  ...(flags.url ? { url: flags.url } : {}),
});
const errors = result.issues.filter((i) => i.severity === 'error');
const warnings = result.issues.filter((i) => i.severity === 'warning');
for (const i of [...errors, ...warnings]) console.error(lib.formatIssue(i));
if (result.ok) {
  const d = result.data;
  const json = JSON.stringify(d, null, 2) + '\n';
  if (flags.out) await writeFile(flags.out, json);
  else process.stdout.write(json);
  console.error(
    `${flags.out ?? 'dataset'}: valid — ${d.sources.length} sources, ${d.programmes.length} programmes, ${d.budget.length} budget lines, ` +
      `${d.timeline.length} timeline items, ${d.places.length} places, ${d.facilities.length} facilities, ` +
      `${d.cooperants?.posts?.length ?? 0} posts` +
      (warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''),
  );
  process.exit(0);
}
console.error(`${errors.length} error${errors.length === 1 ? '' : 's'}: no dataset written`);
process.exit(1);
