#!/usr/bin/env node
// Long tasks of the four widgets with large data (issue 16): for each widget at 100k and 250k items, the longest
// task on the main thread from the moment the data is set to the chart drawn (and its table, rendered when the page
// is idle), and on the map at 250k items the latency of key presses (arrow keys between marks, + and − zoom), from
// the event to the next frame. Writes bench/results/long-tasks.md.
//
// Usage: node bench/long-tasks.mjs [widget …] [--sizes 100000,250000] [--presses 9] [--dist dir] [--profile]
//   --dist dir   serve the bundle from another directory than dist/ (a build made with `vite build --mode bundle
//                --outDir dir`), to measure a change without touching dist/
//   --profile    write a CPU profile of each load to bench/results/raw-long-tasks-<widget>-<n>.json (git-ignored;
//                open it in DevTools › Performance)
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { launchBrowser, loadCases, median } from './run.mjs';
import { startServer } from '../scripts/serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = opt('sizes', '100000,250000').split(',').map(Number);
const PRESSES = Number(opt('presses', '9'));
const DIST = opt('dist', undefined);
const PROFILE = args.includes('--profile');
const VALUED = ['--sizes', '--presses', '--dist'];
const only = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1]));
/** How long the page must stay free of long tasks after the chart is drawn before a load counts as over. */
const QUIET_MS = 1500;
/** Gives up on a load after this long (the row then says so). */
const LOAD_LIMIT_MS = 300_000;

if (!DIST && !existsSync('dist/parsec-widgets.js')) execSync('npm run build', { stdio: 'inherit' });

const cases = await loadCases(only);
const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();

/** Where the dataset of the current case is served from (git-ignored; removed at the end). */
const DATA_FILE = 'bench/results/raw-long-tasks-data.json';

/** A fresh page of bench/page.html with the dataset (DATA_FILE) fetched and parsed before any clock starts. */
async function openPage(tag) {
  const page = await browser.newPage({ viewport: { width: 960, height: 600 }, reducedMotion: 'reduce' });
  if (DIST)
    await page.route('**/dist/*', async (route) => {
      const file = join(resolve(DIST), new URL(route.request().url()).pathname.replace(/^\/dist\//, ''));
      const type = extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream';
      route.fulfill({ status: 200, contentType: type, body: await readFile(file) });
    });
  await page.goto(`${base}/bench/page.html`);
  await page.waitForFunction((t) => customElements.get(t), tag);
  await page.evaluate(async (file) => {
    window.__data = await (await fetch(`/${file}`, { cache: 'no-store' })).json();
    // let the parse's garbage and tasks settle before measuring
    await new Promise((r) => setTimeout(r, 500));
  }, DATA_FILE);
  return page;
}

/**
 * Sets the data on a new element and waits until it is drawn and the page has been quiet for QUIET_MS; returns the
 * long tasks seen meanwhile (PerformanceObserver 'longtask': every task over 50 ms) and the time to drawn.
 */
function loadAndWatch(page, tag) {
  return page.evaluate(
    async ({ tag, QUIET_MS, LOAD_LIMIT_MS }) => {
      const tasks = [];
      const observer = new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration })),
      );
      observer.observe({ type: 'longtask', buffered: false });
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      const el = document.createElement(tag);
      el.setAttribute('loading', 'eager');
      el.data = window.__data;
      document.body.append(el);
      let state;
      for (;;) {
        state = el.loader?.state?.status;
        const drawn = el.shadowRoot?.querySelector('[data-marks], [part="error"], .state.empty');
        if (state !== 'loading' && el.rendered && !el.isUpdatePending && drawn) break;
        if (performance.now() - t0 > LOAD_LIMIT_MS) break;
        await sleep(10);
      }
      await frame();
      const drawnAt = performance.now() - t0;
      // the table and any work scheduled for idle time: wait until no long task has ended for QUIET_MS
      for (;;) {
        await sleep(250);
        const last = tasks.length ? tasks[tasks.length - 1].start + tasks[tasks.length - 1].duration : t0;
        if (performance.now() - Math.max(last, t0 + drawnAt) > QUIET_MS) break;
        if (performance.now() - t0 > LOAD_LIMIT_MS) break;
      }
      observer.disconnect();
      const failed = state !== 'ready' || !!el.shadowRoot.querySelector('[role="alert"]');
      const items = (() => {
        const d = window.__data;
        return {
          'parsec-budget-treemap': d.budget?.length,
          'parsec-phase-gantt': d.timeline?.length,
          'parsec-facility-map': d.facilities?.length,
          // units: the posts counted in the years the case fills (itemised or not)
          'parsec-cooperant-chart': d.cooperants?.totals
            ?.filter((t) => d.cooperants.posts.some((p) => p.years.includes(t.year)))
            .reduce((s, t) => s + t.count.value, 0),
        }[tag];
      })();
      return {
        drawn: drawnAt,
        tasks: tasks.map((t) => ({ start: t.start - t0, duration: t.duration })),
        failed,
        issues: failed ? JSON.stringify(el.loader?.state?.issues?.slice(0, 2) ?? state) : undefined,
        items,
        nodes: el.shadowRoot.querySelectorAll('*').length,
      };
    },
    { tag, QUIET_MS, LOAD_LIMIT_MS },
  );
}

/**
 * Key presses on a drawn map: the first mark focused, then each key pressed through the browser's input pipeline
 * (CDP Input.dispatchKeyEvent). Latency: the event's timestamp to the next frame after its handlers (a task queued
 * from `requestAnimationFrame`, so after that frame's style, layout and paint), and the Event Timing duration (event to
 * the next paint, rounded to 8 ms).
 */
async function keyPresses(page, tag, keys) {
  await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    const first = el.shadowRoot.querySelector('[data-marks] [data-key][tabindex="0"]');
    first?.focus();
    window.__keys = [];
    window.__timing = [];
    // listeners once per page (a second series of keys on the same page reuses them)
    if (window.__listening) return !!first;
    window.__listening = true;
    window.addEventListener(
      'keydown',
      (e) => {
        const t = e.timeStamp;
        const key = e.key;
        // the frame after the handlers, once rendered (a task queued from its animation frame callback)
        requestAnimationFrame(() =>
          setTimeout(() => window.__keys.push({ key, frame: performance.now() - t }), 0),
        );
      },
      { capture: true },
    );
    new PerformanceObserver((list) =>
      list
        .getEntries()
        .forEach((e) => e.name === 'keydown' && window.__timing.push({ duration: e.duration })),
    ).observe({ type: 'event', durationThreshold: 16, buffered: false });
    return !!first;
  }, tag);
  await page.waitForTimeout(500);
  for (const key of keys) {
    await page.keyboard.press(key);
    // the next press waits for this one's work and a quiet moment
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => setTimeout(r, 300), 0))),
    );
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => ({
    keys: window.__keys,
    timing: window.__timing,
    focused: document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-key') ?? null,
  }));
}

const rows = [];
const keyRows = [];
for (const c of cases) {
  for (const n of SIZES) {
    await mkdir('bench/results', { recursive: true });
    await writeFile(DATA_FILE, JSON.stringify(await c.makeData(n)));
    const page = await openPage(c.tag);
    let cdp;
    if (PROFILE) {
      cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const r = await loadAndWatch(page, c.tag);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      await mkdir('bench/results', { recursive: true });
      await writeFile(`bench/results/raw-long-tasks-${c.name}-${n}.json`, JSON.stringify(profile));
    }
    const longest = Math.max(0, ...r.tasks.map((t) => t.duration));
    const row = {
      widget: c.name,
      n,
      items: r.items,
      drawn: r.drawn,
      longest,
      count: r.tasks.length,
      total: r.tasks.reduce((s, t) => s + t.duration, 0),
      failed: r.failed,
      nodes: r.nodes,
    };
    rows.push(row);
    console.log(
      `${c.name} n=${n}: drawn at ${row.drawn.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms ` +
        `(${row.count} long tasks, ${row.total.toFixed(0)} ms in all)${row.failed ? ` — ERROR STATE ${r.issues}` : ''}`,
    );
    if (c.tag === 'parsec-facility-map' && n === Math.max(...SIZES) && !r.failed) {
      const arrows = Array.from({ length: PRESSES }, (_, i) => (i % 3 === 2 ? 'ArrowDown' : 'ArrowRight'));
      const zooms = Array.from({ length: PRESSES }, (_, i) => (i % 2 ? 'Minus' : 'Equal'));
      for (const [label, keys] of [
        ['arrow keys (next mark)', arrows],
        ['+ / − (zoom at the focused mark)', zooms.map((k) => (k === 'Equal' ? '+' : '-'))],
      ]) {
        if (cdp) await cdp.send('Profiler.start');
        const k = await keyPresses(page, c.tag, keys);
        if (cdp) {
          const { profile } = await cdp.send('Profiler.stop');
          const file = `bench/results/raw-long-tasks-keys-${label.startsWith('arrow') ? 'arrows' : 'zoom'}.json`;
          await writeFile(file, JSON.stringify(profile));
        }
        const frames = k.keys.map((x) => x.frame);
        const timing = k.timing.map((x) => x.duration);
        const keyRow = {
          widget: c.name,
          n,
          label,
          presses: keys.length,
          seen: frames.length,
          median: frames.length ? median(frames) : NaN,
          max: Math.max(...frames),
          timingMedian: timing.length ? median(timing) : null,
          timingCount: timing.length,
          focused: k.focused,
        };
        keyRows.push(keyRow);
        console.log(
          `  ${label}: event → next frame median ${keyRow.median.toFixed(0)} ms, max ${keyRow.max.toFixed(0)} ms ` +
            `over ${keyRow.seen} presses (Event Timing ≥ 16 ms: ${keyRow.timingCount} entries` +
            `${keyRow.timingMedian !== null ? `, median ${keyRow.timingMedian} ms` : ''}); focus on ${k.focused}`,
        );
      }
    }
    await page.close();
  }
}
await browser.close();
server.close();
await rm(DATA_FILE, { force: true });

const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
const ms = (x) => (Number.isFinite(x) ? x.toFixed(0) : '—');
const md = [
  '# Long tasks with large data',
  '',
  '`node bench/long-tasks.mjs` (run by `npm run bench` after `bench/run.mjs`): headless Chromium, viewport 960×600,',
  `the bundle \`${DIST ? `${DIST}/parsec-widgets.js` : 'dist/parsec-widgets.js'}\` (minified, as built by \`vite build --mode bundle\`)`,
  'under the strict CSP of `scripts/serve.mjs`, one fresh page per widget and size.',
  'The dataset is fetched and parsed before the clock starts; then a new element is given it as `data` and appended.',
  'Long tasks: `PerformanceObserver` `longtask` entries (every task over 50 ms) from the data set to the chart drawn and',
  `the page quiet for ${QUIET_MS / 1000} s (the data table, rendered when the page is idle, is included). Goal: no task over 200 ms.`,
  '',
  `Machine: ${cpus().length} cores, load average ${load} (1, 5, 15 min) at the end of the run; ${process.platform},`,
  `Node ${process.version}. Single runs: on this shared machine a figure moves by ±20 % between runs.`,
  '',
  '| widget | N | items drawn from | drawn at (ms) | longest task (ms) | long tasks | in long tasks (ms) |',
  '|---|---:|---|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.widget} | ${r.n.toLocaleString('en')} | ${(r.items ?? 0).toLocaleString('en')} items${r.failed ? ' (error state)' : ''} | ${ms(r.drawn)} | **${ms(r.longest)}** | ${r.count} | ${ms(r.total)} |`,
  ),
  '',
  '## Key presses on the map',
  '',
  `The map at ${Math.max(...SIZES).toLocaleString('en')} facilities, drawn; the first mark focused, then keys pressed`,
  'through the browser input pipeline (CDP), one at a time with a quiet moment between. Latency: the event timestamp to',
  'the frame after its handlers, rendered (a task queued from `requestAnimationFrame`). Event Timing: `PerformanceObserver` `event` entries for `keydown` of',
  '16 ms or more (event to next paint, rounded to 8 ms); fewer entries than presses means the others took under 16 ms.',
  'Goal: within 100 ms.',
  '',
  '| keys | presses | median (ms) | max (ms) | Event Timing entries ≥ 16 ms | their median (ms) |',
  '|---|---:|---:|---:|---:|---:|',
  ...keyRows.map(
    (k) =>
      `| ${k.label} | ${k.seen} / ${k.presses} | **${ms(k.median)}** | ${ms(k.max)} | ${k.timingCount} | ${k.timingMedian ?? '—'} |`,
  ),
  '',
].join('\n');
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/long-tasks.md', md);
console.log(`\nwrote bench/results/long-tasks.md (load average ${load})`);
