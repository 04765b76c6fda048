#!/usr/bin/env node
// The CDN autoloader (dist/cdn/autoloader.js, built by `npm run build`) in Chromium: a page with one treemap loads the
// treemap's code and no code of the other widgets; a gantt added later is loaded and drawn on first use.
// Usage: npm run build && node scripts/e2e-autoloader.mjs
import { launchChromium, tally } from './lib/e2e.mjs';
import { startServer } from './serve.mjs';

const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const result = tally();
const { check } = result;
const others = ['phase-gantt', 'facility-map', 'cooperant-chart'];
try {
  console.log('/test/e2e/autoloader.html');
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on(
    'console',
    (m) => m.type() === 'error' && !/favicon/.test(m.location().url) && errors.push(m.text()),
  );
  const scripts = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto(`${base}/test/e2e/autoloader.html`, { waitUntil: 'networkidle' });
  await page.locator('parsec-budget-treemap svg[role] [part~="mark"]').first().waitFor({ timeout: 15000 });
  const defined = await page.evaluate(() =>
    ['parsec-budget-treemap', 'parsec-phase-gantt', 'parsec-facility-map', 'parsec-cooperant-chart'].filter(
      (t) => customElements.get(t),
    ),
  );
  check(defined.join() === 'parsec-budget-treemap', `only the treemap is defined (${defined.join(', ')})`);
  const loaded = scripts.filter((s) => others.some((w) => s.includes(w)));
  check(
    loaded.length === 0,
    `no code of the other widgets loaded (${scripts.length} scripts: ${scripts.join(', ')})`,
  );

  // a widget added after load is found and defined
  await page.evaluate(() => {
    const el = document.createElement('parsec-phase-gantt');
    el.setAttribute('loading', 'eager');
    document.querySelector('main').append(el);
  });
  await page.locator('parsec-phase-gantt svg[role]').first().waitFor({ timeout: 15000 });
  check(
    scripts.some((s) => s.includes('phase-gantt')),
    'a gantt added later loads its own chunk and renders',
  );
  check(!scripts.some((s) => /facility-map|cooperant-chart/.test(s)), 'still no map or cooperant code');
  check(errors.length === 0, `no page error${errors.length ? `: ${errors.join('; ')}` : ''}`);
} finally {
  await browser.close();
  server.close();
}
if (result.failures) {
  console.error(`e2e-autoloader: ${result.failures} failure(s)`);
  process.exit(1);
}
console.log('e2e-autoloader: passed');
