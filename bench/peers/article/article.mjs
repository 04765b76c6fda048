// The demo article's four charts drawn by the fastest peers of bench/compare.mjs at the article's size (N ≈ 100):
// Observable Plot + d3 for the treemap, the map and the unit chart (Plot.waffleY), frappe-gantt for the timeline.
// The dataset is the same file our widgets draw (data/parsec.json), converted here as bench/peers/peers.mjs does.
/* global d3, Plot, Gantt, topojson */
const en = (t, id) => (t && (t.en ?? t.fr)) || id;

function budgetTree(ds) {
  const names = new Map(ds.programmes.map((p) => [p.id, p.short ?? en(p.name, p.id)]));
  const groups = new Map();
  for (const b of ds.budget) {
    if (b.parent == null || !(b.amount?.amount > 0)) continue;
    if (!groups.has(b.programme)) groups.set(b.programme, []);
    // FCFA at the fixed euro peg, as our treemap shows it
    const value = b.amount.currency === 'XOF' ? b.amount.amount / 655.957 : b.amount.amount;
    groups.get(b.programme).push({ id: b.id, name: en(b.label, b.id), value });
  }
  return {
    name: 'budget',
    children: [...groups].map(([id, children]) => ({ id, name: names.get(id) ?? id, children })),
  };
}

function tasks(ds) {
  const day = (v) => (v.length === 7 ? `${v}-01` : v.length === 4 ? `${v}-01-01` : v);
  const plus = (d, days) => new Date(Date.parse(d) + days * 864e5).toISOString().slice(0, 10);
  const out = [];
  for (const t of ds.timeline) {
    const start = t.kind === 'phase' ? t.start?.value : t.date?.value;
    if (!start) continue;
    const s = day(start);
    const e = t.kind === 'phase' && t.end?.value ? day(t.end.value) : plus(s, t.kind === 'phase' ? 365 : 1);
    out.push({
      id: t.id,
      name: en(t.label, t.id),
      start: s,
      end: e < s ? s : e,
      progress: 0,
      custom_class: t.kind,
    });
  }
  return out;
}

function treemap(el, ds) {
  const W = el.clientWidth;
  const H = el.clientHeight;
  const root = d3
    .hierarchy(budgetTree(ds))
    .sum((d) => d.value ?? 0)
    .sort((a, b) => b.value - a.value);
  d3
    .treemap()
    .size([W, H])
    .paddingOuter(1)
    .paddingTop((d) => (d.depth === 1 ? 14 : 0))
    .paddingInner(1)
    .round(true)(root);
  const fmt = d3.format('.3s');
  const chart = Plot.plot({
    width: W,
    height: H,
    margin: 0,
    x: { domain: [0, W], range: [0, W], axis: null },
    y: { domain: [0, H], range: [0, H], axis: null },
    color: { type: 'ordinal', scheme: 'tableau10' },
    marks: [
      Plot.rect(root.leaves(), {
        x1: 'x0',
        x2: 'x1',
        y1: 'y0',
        y2: 'y1',
        fill: (d) => d.parent.data.id,
        title: (d) => `${d.data.name}: €${fmt(d.value)}`,
      }),
      Plot.text(root.children ?? [], {
        x: (d) => d.x0 + 3,
        y: (d) => d.y0 + 7,
        text: (d) => d.data.name,
        textAnchor: 'start',
        fontSize: 11,
        fontWeight: 'bold',
      }),
      Plot.text(root.leaves(), {
        x: (d) => d.x0 + 3,
        y: (d) => d.y0 + 20,
        text: (d) => (d.x1 - d.x0 > 60 && d.y1 - d.y0 > 30 ? `${d.data.name}\n€${fmt(d.value)}` : ''),
        textAnchor: 'start',
        lineWidth: 12,
        fill: 'white',
        fontSize: 10,
      }),
    ],
  });
  el.replaceChildren(chart);
}

function gantt(el, ds) {
  el.replaceChildren();
  new Gantt(el, tasks(ds), {
    view_mode: 'Year',
    readonly: true,
    infinite_padding: false,
    holidays: {},
    today_button: false,
    view_mode_select: false,
    scroll_to: '2016-06-01',
    popup_on: 'click',
    container_height: el.clientHeight,
  });
}

function map(el, ds, topo) {
  const regions = topojson.feature(topo, topo.objects.regions);
  const countries = topojson.feature(topo, topo.objects.countries);
  const focus = regions.features.find((f) => f.properties.id === 'mopti') ?? regions.features[0];
  const places = new Map(ds.places.map((p) => [p.id, p]));
  const points = [];
  for (const f of ds.facilities) {
    const p = places.get(f.place);
    if (p?.lat != null && p?.lon != null)
      points.push({ lon: p.lon, lat: p.lat, kind: f.kind, name: en(f.label, f.id) });
  }
  const chart = Plot.plot({
    width: el.clientWidth,
    height: el.clientHeight,
    projection: { type: 'mercator', domain: focus, inset: 24 },
    color: { type: 'ordinal', scheme: 'tableau10', legend: false },
    marks: [
      Plot.geo(countries, { fill: '#f3f1ec', stroke: '#999' }),
      Plot.geo(regions, { fill: (d) => (d === focus ? '#fff' : '#f3f1ec'), stroke: '#999' }),
      Plot.dot(points, { x: 'lon', y: 'lat', r: 5, fill: 'kind', stroke: 'white', title: 'name' }),
    ],
  });
  el.replaceChildren(chart);
}

function cooperants(el, ds) {
  const c = ds.cooperants;
  const year = c.totals[0]?.year;
  const posts = c.posts.filter((p) => !year || p.years.includes(year));
  const total = c.totals.find((t) => t.year === year)?.count.value ?? posts.length;
  const byRank = d3
    .rollups(
      posts,
      (v) => v.length,
      (p) => p.rank,
    )
    .map(([rank, n]) => ({ rank, n }));
  byRank.push({ rank: 'not itemised', n: Math.max(0, total - posts.length) });
  const chart = Plot.plot({
    width: el.clientWidth,
    height: el.clientHeight,
    marginBottom: 40,
    x: { label: null },
    y: { label: 'posts', grid: true },
    color: { legend: false, scheme: 'tableau10' },
    marks: [Plot.waffleY(byRank, { x: 'rank', y: 'n', fill: 'rank', unit: 1 }), Plot.ruleY([0])],
  });
  el.replaceChildren(chart);
}

const [ds, topo] = await Promise.all([
  fetch('/data/parsec.json').then((r) => r.json()),
  fetch('/data/geo/mali.topo.json').then((r) => r.json()),
]);
// the classic scripts are deferred: they ran before this module
treemap(document.getElementById('treemap'), ds);
gantt(document.getElementById('gantt'), ds);
map(document.getElementById('map'), ds, topo);
cooperants(document.getElementById('cooperant'), ds);
document.documentElement.dataset.drawn = 'true';
