#!/usr/bin/env node
// npm run bench: renders each widget with synthetic data of growing size in headless Chromium (viewport 960×600),
// each run in a fresh page, 2 warm-ups then 7 measured runs; reports the median first paint (data in memory → the
// frame after paint) and update (a new data object of the same size), and writes bench/results/bench.md.
// Usage: node bench/run.mjs [case-name ...] [--runs 7]
// bench/compare.mjs imports the measuring code below (launchBrowser, loadCases, measureWidget, median).
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../scripts/lib/e2e.mjs';
import { runnerImport } from 'vite';
import { startServer } from '../scripts/serve.mjs';

export const WARMUPS = 2;
/** Chromium as the e2e scripts launch it, with the precise heap sizes the bench reports. */
export function launchBrowser() {
  return launchChromium(['--enable-precise-memory-info']);
}

/** The bench cases in bench/cases (optionally only those named). */
export async function loadCases(only = []) {
  const cases = [];
  for (const file of readdirSync('bench/cases').sort()) {
    if (!/\.(mjs|ts)$/.test(file)) continue;
    const { module } = await runnerImport(`./bench/cases/${file}`);
    const c = module.default;
    if (!only.length || only.includes(c.name)) cases.push(c);
  }
  return cases;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One run of a widget in a fresh page of `browser` (bench/page.html served at `base`). */
export async function measureWidget(browser, base, tag, json) {
  const page = await browser.newPage({ viewport: { width: 960, height: 600 }, reducedMotion: 'reduce' });
  await page.goto(`${base}/bench/page.html`);
  await page.waitForFunction((t) => customElements.get(t), tag);
  const r = await page.evaluate(
    async ({ tag, json }) => {
      const data = JSON.parse(json);
      const again = JSON.parse(json);
      const painted = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
      // drawn = no loading state left (a map waits for its base map, large data for its prepare steps): the frame
      // after the one in which the chart replaced "Loading data…", not the loading state's own frame
      const loading = () => el.shadowRoot.querySelector('.state.loading, .state.lazy');
      const drawn = async () => {
        for (let i = 0; i < 6000; i++) {
          await el.updateComplete;
          await painted();
          if (!loading()) return;
        }
      };
      const t0 = performance.now();
      const el = document.createElement(tag);
      el.data = data;
      document.body.append(el);
      await drawn();
      const first = performance.now() - t0;
      const heapFirst = performance.memory?.usedJSHeapSize ?? 0;
      const failed = !!el.shadowRoot.querySelector('[role="alert"]') || !!loading();
      const t1 = performance.now();
      el.data = again;
      await drawn();
      const update = performance.now() - t1;
      const nodes = el.shadowRoot.querySelectorAll('*').length;
      return { first, update, failed, nodes, heapFirst, heap: performance.memory?.usedJSHeapSize ?? 0 };
    },
    { tag, json },
  );
  await page.close();
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

async function main() {
  const args = process.argv.slice(2);
  const runsArg = args.indexOf('--runs');
  const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 7;
  const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');

  if (!existsSync('dist/parsec-widgets.js')) execSync('npm run build', { stdio: 'inherit' });

  const cases = await loadCases(only);
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchBrowser();
  const once = (tag, json) => measureWidget(browser, base, tag, json);

  const results = [];
  for (const c of cases) {
    for (const n of c.sizes) {
      const json = JSON.stringify(await c.makeData(n));
      const firsts = [];
      const updates = [];
      let last;
      for (let i = 0; i < WARMUPS + RUNS; i++) {
        last = await once(c.tag, json);
        if (last.failed) throw new Error(`${c.name} n=${n}: the widget shows an error state`);
        if (i >= WARMUPS) {
          firsts.push(last.first);
          updates.push(last.update);
        }
      }
      const row = {
        widget: c.name,
        n,
        first: median(firsts),
        update: median(updates),
        nodes: last.nodes,
        heapMB: last.heap / 2 ** 20,
      };
      results.push(row);
      console.log(
        `${c.name} n=${n}: first paint ${row.first.toFixed(0)} ms, update ${row.update.toFixed(0)} ms, ${row.nodes} shadow nodes`,
      );
    }
  }
  await browser.close();
  server.close();

  const md = [
    '# Render benchmark',
    '',
    `\`npm run bench\` on this machine (${process.platform}, Node ${process.version}, Debian Chromium), viewport 960×600,`,
    `fresh page per run, ${WARMUPS} warm-ups + ${RUNS} runs, medians. First paint: data object in memory → element`,
    'appended → frame after paint (includes validation, selection, layout and render). Update: a new data object of the same size.',
    '',
    '| widget | N | first paint (ms) | update (ms) | shadow DOM nodes | JS heap (MB) |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.widget} | ${r.n.toLocaleString('en')} | ${r.first.toFixed(0)} | ${r.update.toFixed(0)} | ${r.nodes.toLocaleString('en')} | ${r.heapMB.toFixed(1)} |`,
    ),
    '',
  ].join('\n');
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/bench.md', md);
  console.log(`\nwrote bench/results/bench.md`);
}
