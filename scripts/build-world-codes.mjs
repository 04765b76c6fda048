#!/usr/bin/env node
// The ISO 3166-1 alpha-2 code of each country of world-atlas (whose ids are ISO 3166-1 numeric), so the map can name
// a country in the reader's language through Intl.DisplayNames (`Suède`, `Schweden`). Writes data/geo/world-iso2.json.
// Regenerate (after a world-atlas update): npm i --no-save i18n-iso-countries@7.14.0 && node scripts/build-world-codes.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const ids = new Set();
for (const res of ['110m', '50m']) {
  const topo = JSON.parse(await readFile(require.resolve(`world-atlas/countries-${res}.json`), 'utf8'));
  for (const g of topo.objects.countries.geometries) if (g.id !== undefined) ids.add(g.id);
}
const out = {};
for (const id of [...ids].sort()) {
  const a2 = countries.numericToAlpha2(id);
  if (!a2) throw new Error(`no ISO 3166-1 alpha-2 code for world-atlas id ${id}`);
  out[id] = a2;
}
await writeFile('data/geo/world-iso2.json', `${JSON.stringify(out)}\n`);
console.log(`data/geo/world-iso2.json: ${Object.keys(out).length} countries`);
