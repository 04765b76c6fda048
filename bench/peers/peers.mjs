// Peer libraries for bench/compare.mjs: for each chart, the pages that draw the same seeded data with another library
// (or by hand with d3, the "floor"), how our dataset becomes their input (in Node, not timed), and which files make up
// the smallest bundle that draws the chart (gzip -9: the minified files the page loads, or a tree-shaken entry built
// with vite, whichever is smaller).
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { geoBounds } from 'd3';

const NM = 'bench/node_modules';

// ---------- treemap: budget lines (leaves) under programmes ----------
function budgetTree(ds) {
  const names = new Map(ds.programmes.map((p) => [p.id, p.short ?? p.name?.en ?? p.id]));
  const groups = new Map();
  for (const b of ds.budget) {
    if (b.parent == null || !(b.amount?.amount > 0)) continue;
    if (!groups.has(b.programme)) groups.set(b.programme, []);
    groups.get(b.programme).push({ id: b.id, name: b.label.en ?? b.id, value: b.amount.amount });
  }
  return {
    name: 'budget',
    children: [...groups].map(([id, children]) => ({ id, name: names.get(id) ?? id, children })),
  };
}
const nested = (ds) => budgetTree(ds);
/** Flat id/parent table (Vega stratify, Highcharts). */
function flat(ds) {
  const t = budgetTree(ds);
  const rows = [{ id: 'root', parent: null, name: 'budget' }];
  for (const g of t.children) {
    rows.push({ id: g.id, parent: 'root', name: g.name });
    for (const l of g.children) rows.push({ id: l.id, parent: g.id, name: l.name, value: l.value });
  }
  return rows;
}

// ---------- gantt: timeline items as tasks ----------
function tasks(ds) {
  const day = (v) => (v.length === 7 ? `${v}-01` : v);
  const plus = (d, days) => new Date(Date.parse(d) + days * 864e5).toISOString().slice(0, 10);
  const out = [];
  for (const t of ds.timeline) {
    if (t.kind === 'phase') {
      if (!t.start?.value) continue;
      const start = day(t.start.value);
      const end = t.end?.value ? day(t.end.value) : plus(start, 365);
      out.push({
        id: t.id,
        name: t.label.en ?? t.id,
        start,
        end: end < start ? start : end,
        kind: 'phase',
        programme: t.programme,
        after: t.after ?? [],
      });
    } else if (t.date?.value) {
      const d = day(t.date.value);
      out.push({
        id: t.id,
        name: t.label.en ?? t.id,
        start: d,
        end: d,
        kind: t.kind,
        programme: t.programme,
        after: [],
      });
    }
  }
  return out;
}
const frappeTasks = (ds) =>
  tasks(ds).map((t) => ({
    id: t.id,
    name: t.name,
    start: t.start,
    end: t.end,
    progress: 0,
    dependencies: t.after.join(', '),
    custom_class: t.kind,
  }));

// ---------- map: facilities as points over the base map ----------
let geo;
function baseMap() {
  if (geo) return geo;
  const topo = JSON.parse(readFileSync('data/geo/mali.topo.json', 'utf8'));
  const regions = feature(topo, topo.objects.regions);
  const countries = feature(topo, topo.objects.countries);
  const focus = regions.features.find((f) => f.properties.id === 'mopti') ?? regions.features[0];
  geo = { regions, countries, focus, bounds: geoBounds(focus) };
  return geo;
}
function points(ds) {
  const places = new Map(ds.places.map((p) => [p.id, p]));
  const pts = [];
  for (const f of ds.facilities) {
    const p = places.get(f.place);
    if (p?.lat == null || p?.lon == null) continue;
    pts.push({ lon: p.lon, lat: p.lat, kind: f.kind, q: f.quantity?.value ?? 1 });
  }
  return { ...baseMap(), points: pts };
}

// ---------- cooperant chart: the posts of one year as units, by place ----------
/** Past this many posts our chart's default mode ("auto") draws bars (AUTO_BARS_ABOVE in src/layout/cooperant.ts):
 * the peers draw the same picture, units up to it, bars past it. */
const AUTO_BARS_ABOVE = 500;
function units(ds) {
  const c = ds.cooperants;
  // the year our chart shows by default: the one with the most itemised posts
  const itemised = new Map();
  for (const p of c.posts) for (const y of p.years) itemised.set(y, (itemised.get(y) ?? 0) + 1);
  const year = [...itemised].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? c.totals[0]?.year;
  const names = new Map(ds.places.map((p) => [p.id, p.name?.en ?? p.id]));
  const out = [];
  for (const p of c.posts)
    if (p.years.includes(year))
      out.push({
        group: p.place ? (names.get(p.place) ?? p.place) : 'Place not stated',
        rank: p.rank,
        itemised: true,
      });
  const total = c.totals.find((t) => t.year === year)?.count.value ?? out.length;
  for (let i = out.length; i < total; i++) out.push({ group: 'Not itemised', rank: null, itemised: false });
  return { mode: out.length > AUTO_BARS_ABOVE ? 'bars' : 'units', units: out };
}

// d3 is split by module in its minified UMD; the floors' tree-shaken entries import only what they use
export const peers = {
  'budget-treemap': [
    {
      lib: 'echarts',
      page: 'treemap/echarts.html',
      convert: nested,
      files: [`${NM}/echarts/dist/echarts.min.js`],
      entry: 'treemap/echarts.entry.mjs',
    },
    { lib: 'vega', page: 'treemap/vega.html', convert: flat, files: [`${NM}/vega/build/vega.min.js`] },
    {
      lib: 'plot+d3',
      page: 'treemap/plot.html',
      convert: nested,
      files: [`${NM}/d3/dist/d3.min.js`, `${NM}/@observablehq/plot/dist/plot.umd.min.js`],
      entry: 'treemap/plot.entry.mjs',
    },
    {
      lib: 'highcharts',
      page: 'treemap/highcharts.html',
      convert: flat,
      files: [`${NM}/highcharts/highcharts.js`, `${NM}/highcharts/modules/treemap.js`],
    },
    {
      lib: 'd3+svg (floor)',
      floor: true,
      page: 'treemap/d3-svg.html',
      convert: nested,
      files: [`${NM}/d3/dist/d3.min.js`],
      entry: 'treemap/d3-svg.entry.mjs',
    },
    {
      lib: 'd3+canvas (floor)',
      floor: true,
      page: 'treemap/d3-canvas.html',
      convert: nested,
      files: [`${NM}/d3/dist/d3.min.js`],
      entry: 'treemap/d3-canvas.entry.mjs',
    },
  ],
  'phase-gantt': [
    {
      lib: 'frappe-gantt',
      page: 'gantt/frappe.html',
      convert: frappeTasks,
      files: [`${NM}/frappe-gantt/dist/frappe-gantt.umd.js`, `${NM}/frappe-gantt/dist/frappe-gantt.css`],
    },
    {
      lib: 'd3+svg (floor)',
      floor: true,
      page: 'gantt/d3-svg.html',
      convert: tasks,
      files: [`${NM}/d3/dist/d3.min.js`],
      entry: 'gantt/d3-svg.entry.mjs',
    },
  ],
  'facility-map': [
    {
      lib: 'echarts',
      page: 'map/echarts.html',
      convert: points,
      files: [`${NM}/echarts/dist/echarts.min.js`],
      entry: 'map/echarts.entry.mjs',
    },
    {
      lib: 'plot+d3',
      page: 'map/plot.html',
      convert: points,
      files: [`${NM}/d3/dist/d3.min.js`, `${NM}/@observablehq/plot/dist/plot.umd.min.js`],
      entry: 'map/plot.entry.mjs',
    },
    {
      lib: 'd3-geo+svg (floor)',
      floor: true,
      page: 'map/d3-svg.html',
      convert: points,
      files: [`${NM}/d3/dist/d3.min.js`],
      entry: 'map/d3-svg.entry.mjs',
    },
    {
      lib: 'd3-geo+canvas (floor)',
      floor: true,
      page: 'map/d3-canvas.html',
      convert: points,
      files: [`${NM}/d3/dist/d3.min.js`],
      entry: 'map/d3-canvas.entry.mjs',
    },
  ],
  'cooperant-chart': [
    {
      lib: 'plot+d3',
      page: 'cooperant/plot.html',
      convert: units,
      files: [`${NM}/d3/dist/d3.min.js`, `${NM}/@observablehq/plot/dist/plot.umd.min.js`],
      entry: 'cooperant/plot.entry.mjs',
    },
    {
      lib: 'd3+svg (floor)',
      floor: true,
      page: 'cooperant/d3-svg.html',
      convert: units,
      files: [`${NM}/d3/dist/d3.min.js`],
      entry: 'cooperant/d3-svg.entry.mjs',
    },
    {
      lib: 'd3+canvas (floor)',
      floor: true,
      page: 'cooperant/d3-canvas.html',
      convert: units,
      files: [`${NM}/d3/dist/d3.min.js`],
      entry: 'cooperant/d3-canvas.entry.mjs',
    },
  ],
};
