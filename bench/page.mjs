#!/usr/bin/env node
// The newsroom page benchmark (issue 15): Lighthouse's mobile profile on the demo article (our four widgets, the
// bundle dist/parsec-widgets.js, served with the strict CSP of scripts/serve.mjs) and on the same article whose charts
// are drawn by the fastest peers of bench/compare.mjs at the article's size (bench/peers/article/: Plot + d3 and
// frappe-gantt, served without the CSP, which Plot's inline styles break). Medians of --runs (3) runs each, the two
// pages alternating, written side by side to bench/results/page.md.
//
// Usage: npm run bench:page   (builds the bundle, then: node bench/page.mjs [--runs 3] [--port 8741])
// Needs bench/node_modules (cd bench && npm ci) and Chromium (CHROME_PATH, default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import lighthouse from 'lighthouse';
// Lighthouse's own launcher (a dependency of lighthouse): starts Chromium with a debugging port and kills it by PID
import { launch } from 'chrome-launcher';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 3));
const PORT = Number(arg('port', 8741));
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu'];
const OUT = 'bench/results/page.md';

for (const [file, hint] of [
  ['dist/parsec-widgets.js', 'npm run build (npm run bench:page builds it)'],
  ['bench/node_modules/@observablehq/plot/dist/plot.umd.min.js', 'cd bench && npm ci'],
  ['bench/node_modules/frappe-gantt/dist/frappe-gantt.umd.js', 'cd bench && npm ci'],
]) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: run ${hint}`);
    process.exit(1);
  }
}

/** A server in a child process (stopped by its PID): ours with the strict CSP, the peers' without it. */
function serve(port, csp) {
  const code = `import { startServer } from './scripts/serve.mjs';
await startServer(${port}, '.', { csp: ${csp} });
console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (c) => reject(new Error(`server on ${port} exited (${c})`)));
  });
}

const pages = [
  { name: 'parsec-widgets (demo article)', url: `http://127.0.0.1:${PORT}/demo/article-en.html` },
  {
    name: 'peers: Plot + d3, frappe-gantt (bench/peers/article)',
    url: `http://127.0.0.1:${PORT + 1}/bench/peers/article/index.html`,
  },
];

/** gzip -9 of the scripts a run loaded (the local server does not compress; a CDN would). */
function gzipBytes(urls) {
  let total = 0;
  for (const u of urls) {
    const path = `.${new URL(u).pathname}`;
    if (existsSync(path)) total += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  return total;
}

async function audit(url) {
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
  try {
    // the default config: the mobile profile (Moto G Power, 4× CPU slowdown, slow 4G, simulated)
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const a = lhr.audits;
    const scripts = (a['network-requests'].details?.items ?? []).filter((i) => i.resourceType === 'Script');
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      si: a['speed-index'].numericValue,
      jsTransfer: scripts.reduce((s, i) => s + (i.transferSize ?? 0), 0),
      jsGzip: gzipBytes(scripts.map((i) => i.url)),
      jsFiles: scripts.length,
      jsPaths: scripts.map((i) => new URL(i.url).pathname),
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    chrome.kill();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const servers = [await serve(PORT, true), await serve(PORT + 1, false)];
const runs = pages.map(() => []);
try {
  for (let r = 0; r < RUNS; r++) {
    for (const [i, page] of pages.entries()) {
      const m = await audit(page.url);
      runs[i].push(m);
      console.log(
        `run ${r + 1}/${RUNS} ${page.name}: score ${m.score}, LCP ${Math.round(m.lcp)} ms, TBT ${Math.round(m.tbt)} ms, CLS ${m.cls.toFixed(3)}, JS ${(m.jsGzip / 1024).toFixed(1)} KB gzip`,
      );
      for (const w of m.warnings) console.log(`  warning: ${w}`);
    }
  }
} finally {
  for (const s of servers) process.kill(s.pid);
}

const med = (i, key) => median(runs[i].map((m) => m[key]));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v) => `${Math.round(v).toLocaleString('en')} ms`;
const rows = [
  ['Performance score', (i) => String(med(i, 'score'))],
  ['Largest Contentful Paint', (i) => ms(med(i, 'lcp'))],
  ['Total Blocking Time', (i) => ms(med(i, 'tbt'))],
  ['Cumulative Layout Shift', (i) => med(i, 'cls').toFixed(3)],
  ['First Contentful Paint', (i) => ms(med(i, 'fcp'))],
  ['Speed Index', (i) => ms(med(i, 'si'))],
  ['JS (gzip -9)', (i) => kb(med(i, 'jsGzip'))],
  ['JS as served (uncompressed)', (i) => `${kb(med(i, 'jsTransfer'))} in ${med(i, 'jsFiles')} files`],
];
const lhVersion = JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version;
const ours = (k) => med(0, k);
const peer = (k) => med(1, k);
const goal = (ok) => (ok ? 'met' : '**missed**');
const md = `# Newsroom page: the demo article, ours vs the fastest peers (Lighthouse, mobile)

\`npm run bench:page\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${process.platform}, ${cpus().length} cores (shared with other
processes: expect noise on TBT), Node ${process.version}, Lighthouse ${lhVersion} (default mobile profile: emulated Moto
G Power, simulated slow 4G and 4× CPU slowdown), Debian Chromium \`${CHROME_FLAGS.join(' ')}\`. Median of ${RUNS} runs per page,
the pages alternating; each metric's median is taken on its own.

- **Ours**: \`demo/article-en.html\` with \`dist/parsec-widgets.js\` (all four widgets, default dataset), served by
  \`scripts/serve.mjs\` with its strict CSP.
- **Peers**: \`bench/peers/article/index.html\`, the same article text whose four charts are drawn by the fastest peers
  at the article's size in \`bench/results/compare.md\` (N = 100): Observable Plot + d3 (treemap: d3.treemap +
  Plot.rect; map: Plot.geo + Plot.dot; cooperant posts: Plot.waffleY) and frappe-gantt, from the same
  \`data/parsec.json\` (and \`data/geo/mali.topo.json\` for the map, fetched as JSON, not counted as JS); their boxes
  are reserved in CSS. Served without the CSP (Plot and frappe-gantt write inline styles).
- JS: the scripts the page loaded, gzip -9 of each file (the local server does not compress). Lighthouse does not
  scroll: our widgets more than two screens below the fold draw (and fetch what they need, e.g. the map's geometry
  chunk) only as a reader comes near them, the peers draw all four charts at once. Loaded by ours:
  ${runs[0][0].jsPaths.map((p) => `\`${p}\``).join(', ')}; by the peers: ${runs[1][0].jsPaths.map((p) => `\`${p}\``).join(', ')}.

| metric | ${pages[0].name} | ${pages[1].name} |
|---|---:|---:|
${rows.map(([label, f]) => `| ${label} | ${f(0)} | ${f(1)} |`).join('\n')}

Each run (score / LCP / TBT / CLS):

| run | ours | peers |
|---:|---|---|
${runs[0]
  .map(
    (_, r) =>
      `| ${r + 1} | ${[0, 1].map((i) => `${runs[i][r].score} / ${ms(runs[i][r].lcp)} / ${ms(runs[i][r].tbt)} / ${runs[i][r].cls.toFixed(3)}`).join(' | ')} |`,
  )
  .join('\n')}

Goals (issue 15): TBT at least as good as the peers: ${goal(ours('tbt') <= peer('tbt'))}; LCP at least as good:
${goal(ours('lcp') <= peer('lcp'))}; score ≥ 95: ${goal(ours('score') >= 95)}; CLS ≤ 0.02: ${goal(ours('cls') <= 0.02)}.
`;
writeFileSync(OUT, md);
console.log(`\nwrote ${OUT}`);
