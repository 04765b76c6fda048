#!/usr/bin/env node
// A Vue 3 app (test/e2e/vue) built with Vite and run in Chromium: Vue passes the dataset as a property and an
// attribute as text, hears parsec-select, and its development build prints no warning.
// Vue's in-browser template compiler needs `new Function`, so this page is served without the strict CSP.
// Usage: node scripts/e2e-vue.mjs
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { launchChromium, tally } from './lib/e2e.mjs';
import { startServer } from './serve.mjs';

rmSync('dist-e2e/vue', { recursive: true, force: true });
await build({
  configFile: false,
  logLevel: 'silent',
  root: 'test/e2e/vue',
  base: '/dist-e2e/vue/',
  build: { outDir: '../../../dist-e2e/vue', emptyOutDir: true, target: 'es2022' },
});
const server = await startServer(0, '.', { csp: false });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const result = tally();
const { check } = result;
try {
  console.log('Vue 3 host');
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const messages = [];
  page.on('pageerror', (e) => messages.push(e.message));
  page.on(
    'console',
    (m) =>
      ['error', 'warning'].includes(m.type()) &&
      !/favicon/.test(m.location().url) &&
      !/Lit is in dev mode/.test(m.text()) &&
      messages.push(m.text()),
  );
  await page.goto(`${base}/dist-e2e/vue/index.html`, { waitUntil: 'networkidle' });
  await page.waitForFunction(
    () => document.getElementById('treemap')?.shadowRoot?.querySelector('[role="treeitem"]'),
    null,
    { timeout: 15000 },
  );
  await page.evaluate(() => document.getElementById('treemap').tableComplete);
  const caption = await page.evaluate(() =>
    document.getElementById('treemap').shadowRoot.querySelector('caption').textContent.trim(),
  );
  check(
    caption.endsWith('Given by Vue'),
    `Vue passes the dataset object as a property (caption "${caption}")`,
  );
  const label = await page.evaluate(() =>
    document
      .getElementById('treemap')
      .shadowRoot.querySelector('[role="treeitem"]')
      .getAttribute('aria-label'),
  );
  check(/CFA/.test(label), 'Vue passes currency="XOF" as an attribute');
  await page.locator('#treemap .tile.depth-2 > .fill').first().click();
  await page
    .waitForFunction(() => document.getElementById('selected').textContent.length > 0, null, {
      timeout: 5000,
    })
    .catch(() => {});
  const selected = await page.textContent('#selected');
  check(selected.length > 0, `@parsec-select reaches Vue state ("${selected}")`);
  check(
    messages.length === 0,
    `no page error or warning${messages.length ? `: ${messages.join(' | ')}` : ''}`,
  );
} finally {
  await browser.close();
  server.close();
}
if (result.failures) {
  console.error(`e2e-vue: ${result.failures} failure(s)`);
  process.exit(1);
}
console.log('e2e-vue: passed');
