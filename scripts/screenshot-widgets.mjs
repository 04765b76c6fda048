// Screenshots each widget of a page (element screenshots), e.g. to look at the demo article:
// node scripts/screenshot-widgets.mjs http://127.0.0.1:8080/demo/article-en.html /tmp/en 1024 [light|dark]
import { chromium } from 'playwright-core';
const [url, prefix, width = '1024', scheme = 'light'] = process.argv.slice(2);
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const p = await b.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
const errs = [];
p.on('pageerror', (e) => errs.push(e.message));
p.on('console', (m) => m.type() === 'error' && errs.push(m.text()));
await p.goto(url, { waitUntil: 'networkidle' });
for (const tag of [
  'parsec-budget-treemap',
  'parsec-phase-gantt',
  'parsec-facility-map',
  'parsec-cooperant-chart',
]) {
  const el = p.locator(tag).first();
  if (!(await el.count())) continue;
  await el.scrollIntoViewIfNeeded();
  await p.waitForTimeout(500);
  await el.screenshot({ path: `${prefix}-${tag.replace('parsec-', '')}.png` });
}
console.log(errs.join('\n') || 'no errors');
await b.close();
