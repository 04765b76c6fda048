#!/usr/bin/env node
// The built Storybook (storybook-static, `npm run build-storybook`) in Chromium: each widget's Docs page lists its
// public API from custom-elements.json (attributes, properties, events, --parsec-* tokens) and no private member.
// Usage: npm run build-storybook && node scripts/e2e-storybook.mjs
import { existsSync } from 'node:fs';
import { launchChromium, tally } from './lib/e2e.mjs';
import { startServer } from './serve.mjs';

if (!existsSync('storybook-static/iframe.html')) {
  console.error('e2e-storybook: run `npm run build-storybook` first');
  process.exit(1);
}
const server = await startServer(0, 'storybook-static', { csp: false });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const result = tally();
const { check } = result;
const widgets = {
  'budget-treemap': ['currency', 'no-legend', 'parsec-path-change'],
  'phase-gantt': ['as-of', 'collapsed', 'from'],
  'facility-map': ['region', 'date', 'zoom'],
  'cooperant-chart': ['group-by', 'mode', 'year'],
};
const everyWidget = [
  'data',
  'src',
  'theme',
  'no-tooltip',
  'parsec-select',
  'parsec-data-error',
  '--parsec-color-text',
];
const privateNames = [
  '_exportOpen',
  '_exportError',
  '#provider',
  '#reveal',
  'tableOpen',
  'layoutCount',
  'willUpdate',
];
try {
  for (const [widget, own] of Object.entries(widgets)) {
    console.log(`Docs: ${widget}`);
    const page = await browser.newPage();
    await page.goto(`${base}/iframe.html?id=widgets-${widget}--docs&viewMode=docs`, {
      waitUntil: 'networkidle',
    });
    await page.waitForSelector('table.docblock-argstable tbody tr', { timeout: 30000 });
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('table.docblock-argstable tbody tr td:first-child')].map((td) =>
        td.textContent.trim(),
      ),
    );
    const missing = [...everyWidget, ...own].filter((n) => !names.some((x) => x.startsWith(n)));
    check(
      missing.length === 0,
      `lists the public API${missing.length ? `; missing ${missing.join(', ')}` : ''}`,
    );
    const leaked = privateNames.filter((n) => names.some((x) => x.startsWith(n)));
    check(leaked.length === 0, `no private member${leaked.length ? `; found ${leaked.join(', ')}` : ''}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (result.failures) {
  console.error(`e2e-storybook: ${result.failures} failure(s)`);
  process.exit(1);
}
console.log('e2e-storybook: passed');
