#!/usr/bin/env node
// Side-by-side benchmark (issue 7): our widgets next to the libraries a user would pick instead (bench/peers/), on the
// same seeded data (bench/cases/*), in the same run: first paint and update (medians), JS heap after render and gzip
// bytes of the smallest bundle that draws the chart. Writes bench/results/compare.{md,json} and compare-<chart>.svg.
// Needs the peers installed: cd bench && npm ci.
// Usage: node bench/compare.mjs [--runs 7] [--warmups 2] [--sizes 100,1000,10000] [--charts budget-treemap,...]
//        [--limit 60000] [--trace] [--report] [--dist dir]
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { execSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { startServer } from '../scripts/serve.mjs';
import { launchBrowser, loadCases, measureWidget, median } from './run.mjs';
import { plotSvg } from './plot.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const RUNS = Number(opt('runs', 7));
const WARMUPS = Number(opt('warmups', 2));
const SIZES = opt('sizes', null)?.split(',').map(Number);
const CHARTS = opt('charts', null)?.split(',');
/** A single run slower than this ends the series for that library (larger N are not tried). */
const RUN_LIMIT_MS = Number(opt('limit', 60_000));
/** A warm-up slower than this cuts the series to 3 runs without further warm-ups (noted in the table). */
const SLOW_MS = 30_000;
/** --trace: one more run of our widget per N under a Chromium trace (bench/results/raw-trace-<chart>-<n>.json, open in
 * DevTools › Performance), to profile a missed goal. */
const TRACE = args.includes('--trace');
/** --report: no measuring, rewrite compare.md and the plots from compare.json. */
const REPORT = args.includes('--report');
/** --dist dir: our bundle from another directory than dist/ (a `vite build --mode bundle --outDir dir`), to measure a
 * change without touching dist/. */
const DIST = opt('dist', undefined);

/** Sizes, then every chart at every N for us and each peer. */
async function measure() {
  if (!existsSync('bench/node_modules/echarts')) {
    console.error('compare: the peer libraries are not installed; run `cd bench && npm ci` first');
    process.exit(1);
  }
  if (!DIST && !existsSync('dist/parsec-widgets.js')) execSync('npm run build', { stdio: 'inherit' }); // --dist: never build into dist/
  const { peers } = await import('./peers/peers.mjs');

  // ---------- sizes ----------
  const gz = (buf) => gzipSync(buf, { level: 9 }).length;
  console.log('sizes: node scripts/size.mjs');
  spawnSync(process.execPath, ['scripts/size.mjs', '--write'], { stdio: 'ignore' }); // exits 1 over its budget, the table is written anyway
  const ourSize = {};
  for (const line of readFileSync('bench/results/size.md', 'utf8').split('\n')) {
    const m = /^\| ([\w-]+) \| [\d.]+ KB \| ([\d.]+) KB \|/.exec(line);
    if (m) ourSize[m[1]] = Math.round(Number(m[2]) * 1024);
  }
  async function treeShaken(entry) {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        lib: { entry, formats: ['es'], fileName: 'entry' },
        rolldownOptions: { output: { minify: true, codeSplitting: false } },
      },
    });
    const code = (Array.isArray(out) ? out : [out])
      .flatMap((o) => o.output)
      .filter((o) => o.type === 'chunk')
      .map((o) => o.code)
      .join('\n');
    return gz(Buffer.from(code));
  }
  const geometryGz = gz(readFileSync('data/geo/mali.topo.json'));
  async function peerSize(chart, p) {
    const loaded = p.files.reduce((s, f) => s + gz(readFileSync(f)), 0);
    let shaken = Infinity;
    if (p.entry) {
      try {
        shaken = await treeShaken(resolve(`bench/peers/${p.entry}`));
      } catch (e) {
        console.warn(`size: tree-shaken build of ${p.entry} failed: ${e.message}`);
      }
    }
    // our map entry carries its geometry; the peers get it as data, so it is added to theirs
    const extra = chart === 'facility-map' ? geometryGz : 0;
    return {
      bytes: Math.min(loaded, shaken) + extra,
      how: shaken < loaded ? 'tree-shaken build' : 'files loaded',
    };
  }

  // ---------- timing ----------
  const oursServer = await startServer(0); // with the strict CSP, as a newsroom page serves our widgets
  const peerServer = await startServer(0, undefined, { csp: false }); // Vega compiles expressions with Function
  const oursBase = `http://127.0.0.1:${oursServer.address().port}`;
  const peerBase = `http://127.0.0.1:${peerServer.address().port}`;
  const browser = await launchBrowser();
  // with --dist, our pages get /dist/* from that directory
  const ours = !DIST
    ? browser
    : {
        async newPage(o) {
          const page = await browser.newPage(o);
          await page.route('**/dist/*', async (route) => {
            const file = resolve(DIST, new URL(route.request().url()).pathname.replace(/^\/dist\//, ''));
            const type = file.endsWith('.js') ? 'text/javascript' : 'text/css';
            route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
          });
          return page;
        },
      };

  async function measurePeer(page, json) {
    const p = await browser.newPage({ viewport: { width: 960, height: 600 }, reducedMotion: 'reduce' });
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    try {
      await p.goto(`${peerBase}/bench/peers/${page}`);
      await p.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
      const r = await p.evaluate(async (json) => {
        const data = JSON.parse(json);
        const again = JSON.parse(json);
        const container = document.getElementById('chart');
        const painted = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
        const t0 = performance.now();
        await window.benchRender(data, container);
        await painted();
        const first = performance.now() - t0;
        const heapFirst = performance.memory?.usedJSHeapSize ?? 0;
        const t1 = performance.now();
        await window.benchUpdate(again);
        await painted();
        const update = performance.now() - t1;
        const drawn = container.querySelectorAll('*').length;
        return {
          first,
          update,
          heapFirst,
          heap: performance.memory?.usedJSHeapSize ?? 0,
          nodes: drawn,
          failed: drawn === 0,
        };
      }, json);
      if (errors.length) throw new Error(errors[0]);
      return r;
    } finally {
      await p.close();
    }
  }

  const withLimit = (promise, ms) =>
    Promise.race([
      promise,
      new Promise((_, no) => setTimeout(() => no(new Error(`run over ${ms / 1000} s`)), ms)),
    ]);

  /** Warm-ups then runs in fresh pages; medians. */
  async function series(label, once) {
    const firsts = [];
    const updates = [];
    const heaps = [];
    let note = '';
    let warmups = WARMUPS;
    let runs = RUNS;
    for (let i = 0; i < warmups + runs; i++) {
      const t = performance.now();
      const r = await withLimit(once(), RUN_LIMIT_MS);
      if (r.failed) throw new Error('nothing drawn (or the widget shows an error state)');
      if (i < warmups && performance.now() - t > SLOW_MS && runs > 3) {
        // too slow to repeat: what is left is 3 runs, no further warm-up
        runs = 3;
        warmups = i + 1;
        note = `${runs} runs`;
      }
      if (i >= warmups) {
        firsts.push(r.first);
        updates.push(r.update);
        heaps.push(r.heapFirst);
      }
    }
    const row = {
      first: median(firsts),
      update: median(updates),
      heapMB: median(heaps) / 2 ** 20,
      runs: firsts.length,
      note,
    };
    console.log(
      `  ${label}: first ${row.first.toFixed(0)} ms, update ${row.update.toFixed(0)} ms, heap ${row.heapMB.toFixed(1)} MB${note ? ` (${note})` : ''}`,
    );
    return row;
  }

  const cases = (await loadCases()).filter((c) => peers[c.name] && (!CHARTS || CHARTS.includes(c.name)));
  const results = [];
  for (const c of cases) {
    const sizes = SIZES ? SIZES.filter((n) => n <= 10_000 || c.sizes.includes(n)) : c.sizes;
    const libs = [{ lib: 'parsec-widgets', ours: true }, ...peers[c.name]];
    const dead = new Set();
    const chart = {
      chart: c.name,
      tag: c.tag,
      date: new Date().toISOString(),
      warmups: WARMUPS,
      runs: RUNS,
      sizes,
      libs: [],
      rows: [],
    };
    for (const l of libs) {
      const size = l.ours
        ? { bytes: ourSize[c.name], how: 'scripts/size.mjs entry' }
        : await peerSize(c.name, l);
      chart.libs.push({ lib: l.lib, ours: !!l.ours, floor: !!l.floor, gzip: size.bytes, sizeHow: size.how });
    }
    for (const n of sizes) {
      console.log(`${c.name} n=${n}`);
      const dataset = await c.makeData(n);
      for (const l of libs) {
        if (dead.has(l.lib)) {
          chart.rows.push({ n, lib: l.lib, skipped: 'slower than the limit at a smaller N' });
          continue;
        }
        try {
          const row = l.ours
            ? await series(l.lib, () => measureWidget(ours, oursBase, c.tag, JSON.stringify(dataset)))
            : await series(l.lib, () => measurePeer(l.page, JSON.stringify(l.convert(dataset))));
          chart.rows.push({ n, lib: l.lib, ...row });
          if (l.ours && TRACE) {
            const path = `bench/results/raw-trace-${c.name}-${n}.json`;
            await browser.startTracing(undefined, { path, screenshots: false });
            await measureWidget(ours, oursBase, c.tag, JSON.stringify(dataset));
            await browser.stopTracing();
            console.log(`  trace: ${path}`);
          }
        } catch (e) {
          console.log(`  ${l.lib}: ${e.message}`);
          chart.rows.push({ n, lib: l.lib, error: e.message.split('\n')[0] });
          if (/over .* s$/.test(e.message)) dead.add(l.lib);
        }
      }
    }
    results.push(chart);
  }
  await browser.close();
  oursServer.close();
  peerServer.close();
  return results;
}

const results = REPORT ? [] : await measure();

// ---------- report ----------
// with --charts, the charts not measured now keep their last results from compare.json
if ((CHARTS || REPORT) && existsSync('bench/results/compare.json')) {
  const previous = JSON.parse(readFileSync('bench/results/compare.json', 'utf8'));
  for (const old of previous.results ?? [])
    if (!results.some((r) => r.chart === old.chart))
      results.push({ warmups: previous.warmups, runs: previous.runs, date: previous.date, ...old });
}
const cell = (r, key, digits = 0) =>
  !r ? '' : r.error ? 'error' : r.skipped ? 'skipped' : `${r[key].toFixed(digits)}${r.note ? '*' : ''}`;
const ratio = (a, b) => (a != null && b != null && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const kb = (b) => (b == null ? '–' : `${(b / 1024).toFixed(1)} KB`);
/** Issue 7's goals for one chart, as list items: first paint ≤ fastest peer and ≤ 1.5× floor at every N; bundle ≤ ⅓. */
function goals(chart, get, okv, best, ours, smallestPeer) {
  const at = (pred) =>
    chart.sizes.filter((n) => {
      const v = okv(get(n, 'parsec-widgets'), 'first');
      return v != null && pred(n, v);
    });
  const missPeer = at((n, v) => {
    const p = best(n, 'first', (l) => !l.ours && !l.floor);
    return p != null && v > p;
  });
  const missFloor = at((n, v) => {
    const f = best(n, 'first', (l) => l.floor);
    return f != null && v > 1.5 * f;
  });
  const list = (ns) => ns.map((n) => n.toLocaleString('en')).join(', ');
  return [
    `- first paint ≤ the fastest peer at every N: ${missPeer.length ? `**missed** at N = ${list(missPeer)}` : 'met'}`,
    `- first paint ≤ 1.5 × the floor at every N: ${missFloor.length ? `**missed** at N = ${list(missFloor)}` : 'met'}`,
    `- bundle ≤ ⅓ of the smallest peer: ${ours != null && ours <= smallestPeer / 3 ? 'met' : '**missed**'} (${ratio(ours, smallestPeer)})`,
  ];
}
const md = [
  '# Side by side: parsec-widgets and the libraries a user would pick instead',
  '',
  `\`node bench/compare.mjs\` on ${new Date().toISOString().slice(0, 10)}, ${process.platform}, ${cpus().length} cores, Node ${process.version},`,
  'Debian Chromium (headless, no GPU), viewport 960×600, fresh page per run, warm-ups then runs (counts under each chart), medians.',
  'First paint: data in memory → chart drawn → the frame after paint. Update: a new data object of the same size.',
  'Heap: `performance.memory.usedJSHeapSize` after the first paint. Peers get the same seeded data, converted to their',
  'input in Node before timing. The floor is hand-written d3 (layout) + SVG or canvas. `*`: too slow to repeat, 3 runs',
  'without further warm-up. The machine is shared (2 cores, other processes running): expect ±20 % noise.',
  '',
];
for (const chart of results) {
  const libs = chart.libs.map((l) => l.lib);
  const get = (n, lib) => chart.rows.find((r) => r.n === n && r.lib === lib);
  const okv = (r, key) => (r && !r.error && !r.skipped ? r[key] : null);
  const best = (n, key, pred) => {
    const vs = chart.libs
      .filter(pred)
      .map((l) => okv(get(n, l.lib), key))
      .filter((v) => v != null);
    return vs.length ? Math.min(...vs) : null;
  };
  md.push(
    `## ${chart.chart} (\`<${chart.tag}>\`)`,
    '',
    `Measured ${chart.date.slice(0, 16).replace('T', ' ')} UTC, ${chart.warmups} warm-ups + ${chart.runs} runs.`,
    '',
  );
  for (const [key, title] of [
    ['first', 'First paint (ms)'],
    ['update', 'Update (ms)'],
  ]) {
    md.push(
      `${title}:`,
      '',
      `| N | ${libs.join(' | ')} | ours / fastest peer | ours / floor |`,
      `|---:|${libs.map(() => '---:').join('|')}|---:|---:|`,
    );
    for (const n of chart.sizes) {
      const ours = okv(get(n, 'parsec-widgets'), key);
      const peer = best(n, key, (l) => !l.ours && !l.floor);
      const floor = best(n, key, (l) => l.floor);
      md.push(
        `| ${n.toLocaleString('en')} | ${libs.map((lib) => cell(get(n, lib), key)).join(' | ')} | ${ratio(ours, peer)} | ${ratio(ours, floor)} |`,
      );
    }
    md.push('');
  }
  md.push(
    'JS heap after first paint (MB):',
    '',
    `| N | ${libs.join(' | ')} |`,
    `|---:|${libs.map(() => '---:').join('|')}|`,
  );
  for (const n of chart.sizes)
    md.push(
      `| ${n.toLocaleString('en')} | ${libs.map((lib) => cell(get(n, lib), 'heapMB', 1)).join(' | ')} |`,
    );
  const smallestPeer = Math.min(...chart.libs.filter((l) => !l.ours && !l.floor).map((l) => l.gzip));
  const ours = chart.libs.find((l) => l.ours).gzip;
  md.push(
    '',
    `Smallest bundle that draws the chart (gzip -9; ours / smallest peer: ${ratio(ours, smallestPeer)}, goal ≤ 0.33×):`,
    '',
    '| library | gzip | measured as |',
    '|---|---:|---|',
    ...chart.libs.map((l) => `| ${l.lib} | ${kb(l.gzip)} | ${l.sizeHow} |`),
    '',
    `Plot: [compare-${chart.chart}.svg](compare-${chart.chart}.svg)`,
    '',
    'Goals (issue 7):',
    '',
    ...goals(chart, get, okv, best, ours, smallestPeer),
    '',
  );
  const errors = chart.rows.filter((r) => r.error);
  if (errors.length) md.push('Errors:', '', ...errors.map((r) => `- ${r.lib} at N = ${r.n}: ${r.error}`), '');
}
md.push(
  'Map peers: the geometry (data/geo/mali.topo.json, gzip) is added to their bundle size, since our map entry embeds it.',
  'Cooperant peers draw the picture our chart draws by default (`mode="auto"`): one unit per post by place up to 500',
  'posts (Plot.waffleX, one SVG pattern per series; the floors one square per post), one bar per place past it.',
  'Tree-shaken peer builds use vite with the same settings as scripts/size.mjs (entries in bench/peers/*/*.entry.mjs).',
  '',
);
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/compare.md', md.join('\n'));
await writeFile(
  'bench/results/compare.json',
  JSON.stringify(
    { date: new Date().toISOString(), cores: cpus().length, node: process.version, results },
    null,
    2,
  ) + '\n',
);
for (const chart of results) await writeFile(`bench/results/compare-${chart.chart}.svg`, plotSvg(chart));
console.log('\nwrote bench/results/compare.md, compare.json and compare-<chart>.svg');
