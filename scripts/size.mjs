#!/usr/bin/env node
// Size budget: gzip bytes of the whole bundle and of each widget entry built on its own (Lit, d3 parts, validation
// and, for the map, its geometry included), so a page with one chart knows what it pays. What an entry loads only
// when used (the default dataset, fetched by a widget that shows it) is its own chunk, reported apart.
// Prints the report and fails when the whole bundle exceeds the budget; `--write` (npm run bench) also writes
// bench/results/size.md, so that `npm test` leaves the working tree as it found it.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyTemplates } from './vite/minify-templates.mjs';
import { splitChunks } from './lib/chunks.mjs';

// The goal (issue: newsroom embedding) is 90 KB gzip for everything; the check fails above the hard limit so that
// growth is caught, and the report says how far the bundle is from the goal.
const GOAL_BUNDLE = 90 * 1024;
const LIMIT_BUNDLE = 100 * 1024;
const entries = {
  'parsec-widgets (all four)': 'src/bundle.ts',
  'budget-treemap': 'src/budget-treemap.ts',
  'phase-gantt': 'src/phase-gantt.ts',
  'facility-map': 'src/facility-map.ts',
  'cooperant-chart': 'src/cooperant-chart.ts',
};
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const rows = [];
for (const [name, entry] of Object.entries(entries)) {
  if (!existsSync(entry)) continue;
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyTemplates()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { output: { minify: true } },
    },
  });
  // what the entry loads at once: the entry chunk and its static imports; dynamic imports are loaded when used
  const { eager, lazy } = splitChunks(out);
  const code = eager.map((c) => c.code).join('\n');
  const lazyCode = lazy.map((c) => c.code).join('\n');
  rows.push({
    name,
    min: Buffer.byteLength(code),
    gzip: gz(Buffer.from(code)),
    lazy: lazy.length ? gz(Buffer.from(lazyCode)) : 0,
  });
}
const bundleFile = 'dist/parsec-widgets.js';
let bundle;
if (existsSync(bundleFile)) {
  const buf = await readFile(bundleFile);
  bundle = { min: buf.length, gzip: gz(buf) };
}
let iife;
if (existsSync('dist/parsec-widgets.iife.js')) {
  const buf = await readFile('dist/parsec-widgets.iife.js');
  iife = { min: buf.length, gzip: gz(buf) };
}
const geo = existsSync('data/geo/mali.topo.json') ? await readFile('data/geo/mali.topo.json') : null;
const data = await readFile('data/parsec.json');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const lines = [
  '# Bundle sizes',
  '',
  `Measured by \`npm run size\` (gzip -9). Whole bundle: goal ${kb(GOAL_BUNDLE)} gzip, hard limit ${kb(LIMIT_BUNDLE)}.`,
  '',
  '| entry (self-contained) | minified | gzip | loaded only when used (gzip) |',
  '|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${r.lazy ? kb(r.lazy) : '—'} |`),
  bundle ? `| dist/parsec-widgets.js (built) | ${kb(bundle.min)} | ${kb(bundle.gzip)} | |` : '',
  // the classic script cannot load chunks on demand: whatever the ES files fetch when used, it carries
  iife
    ? `| dist/parsec-widgets.iife.js (built; lazy parts inlined) | ${kb(iife.min)} | ${kb(iife.gzip)} | |`
    : '',
  '',
  'The last column is what an entry fetches only when used: the default dataset (a widget that shows it) and the base map (the first map on a page).',
  '',
  `Inputs: default dataset data/parsec.json ${kb(data.length)} raw, ${kb(gz(data))} gzip` +
    (geo ? `; map geometry data/geo/mali.topo.json ${kb(geo.length)} raw, ${kb(gz(geo))} gzip.` : '.'),
  '',
];
const text = lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
if (process.argv.includes('--write')) {
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/size.md', text + '\n');
}
console.log(text);
const whole = rows[0]?.gzip ?? bundle?.gzip ?? 0;
if (!whole) {
  console.error('size: nothing measured (no entry built and no dist/parsec-widgets.js)');
  process.exit(1);
}
if (whole > LIMIT_BUNDLE) {
  console.error(
    `size: over budget: the whole bundle is ${kb(whole)} gzip, over the ${kb(LIMIT_BUNDLE)} limit`,
  );
  process.exit(1);
}
if (whole > GOAL_BUNDLE)
  console.log(
    `size: within budget (limit ${kb(LIMIT_BUNDLE)}), but warning: the whole bundle is ${kb(whole)} gzip, ` +
      `${kb(whole - GOAL_BUNDLE)} over the ${kb(GOAL_BUNDLE)} goal`,
  );
else
  console.log(
    `size: within budget: the whole bundle is ${kb(whole)} gzip (goal ${kb(GOAL_BUNDLE)}, limit ${kb(LIMIT_BUNDLE)})`,
  );
