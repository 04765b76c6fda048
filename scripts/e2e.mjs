#!/usr/bin/env node
// End-to-end check of the BUILT bundle as a newsroom uses it: plain pages and the demo articles served over HTTP
// with a strict CSP, in Debian's Chromium. For every widget on the page: it renders (no error state), its chart
// has a role and a label, a mark is reachable with Tab, axe-core finds no WCAG A/AA violation, no console error.
// Usage: npm run build && node scripts/e2e.mjs
import { launchChromium, tally } from './lib/e2e.mjs';
import { startServer } from './serve.mjs';

const pages = [
  '/test/e2e/plain-en.html',
  '/test/e2e/plain-fr.html',
  '/demo/article-en.html',
  '/demo/article-fr.html',
];
const tags = ['parsec-budget-treemap', 'parsec-phase-gantt', 'parsec-facility-map', 'parsec-cooperant-chart'];
const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const result = tally();
const { fail } = result;
try {
  for (const path of pages) {
    console.log(path);
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const errors = [];
    page.on(
      'console',
      (m) => m.type() === 'error' && !/favicon/.test(m.location().url) && errors.push(m.text()),
    );
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + path, { waitUntil: 'networkidle' });
    const defined = await page.evaluate((t) => t.filter((tag) => customElements.get(tag)), tags);
    if (!defined.includes('parsec-budget-treemap'))
      fail('parsec-budget-treemap is not defined by the bundle');
    const expectedLang = path.includes('-fr') ? 'fr' : 'en';
    for (const tag of defined) {
      const info = await page.evaluate(async (tag) => {
        const el = document.querySelector(tag);
        if (!el) return { missing: true };
        // widgets far below the fold render when they approach the viewport, as a reader scrolls
        el.scrollIntoView();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        await el.updateComplete;
        await el.tableComplete;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const root = el.shadowRoot;
        const chart = root.querySelector('svg[role]');
        return {
          alert: root.querySelector('[role="alert"]')?.textContent ?? null,
          role: chart?.getAttribute('role') ?? null,
          label:
            chart?.getAttribute('aria-label') ??
            (chart?.getAttribute('aria-labelledby') ?? '')
              .split(' ')
              .map((id) => root.getElementById(id)?.textContent.trim() ?? '')
              .join(' ')
              .trim() ??
            null,
          lang: root.querySelector('[part="base"]')?.getAttribute('lang') ?? null,
          table: root.querySelectorAll('table').length,
          source: root.querySelector('[part="source"]')?.textContent.trim() ?? null,
        };
      }, tag);
      if (info.missing) continue;
      if (info.alert) fail(`${tag}: error state: ${info.alert}`);
      if (!info.role || !info.label) fail(`${tag}: chart without role or label`);
      if (info.lang !== expectedLang) fail(`${tag}: lang ${info.lang}, expected ${expectedLang}`);
      if (!info.table) fail(`${tag}: no data table`);
      if (!info.source) fail(`${tag}: no source line`);
      console.log(`  ${tag}: ${info.role} "${(info.label ?? '').slice(0, 70)}…"`);
    }
    // Tab from the top of the page reaches a mark inside the first widget
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Tab');
    let reached = null;
    for (let i = 0; i < 30 && !reached; i++) {
      reached = await page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        return inner && inner.matches('[data-key]')
          ? `${host.tagName.toLowerCase()} ${inner.getAttribute('data-key')}`
          : null;
      });
      if (!reached) await page.keyboard.press('Tab');
    }
    if (!reached) fail('Tab never reached a mark');
    else console.log(`  Tab reaches ${reached}`);
    // axe-core, served from this origin (the CSP forbids inline scripts), limited to the widgets
    await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async (defined) => {
      const r = await window.axe.run(
        { include: defined.map((t) => [t]) },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } },
      );
      return r.violations.map((v) => `${v.id}: ${v.nodes.length} node(s) ${v.nodes[0]?.target.join(' ')}`);
    }, defined);
    for (const v of violations) fail(`axe ${v}`);
    if (errors.length) errors.forEach((e) => fail(`console: ${e}`));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (result.failures) {
  console.error(`e2e: ${result.failures} failure(s)`);
  process.exit(1);
}
console.log('e2e: all checks passed');
