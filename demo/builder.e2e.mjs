#!/usr/bin/env node
/* global process, console, document */
// End-to-end check of the embed builder's "Your data" step in Chromium, keyboard only, at 1280 and 360 px:
// paste a table → problems listed and marked at their cells → apply the offered fixes → the preview draws the data →
// the inline snippet carries it; then an IATI file → timeline and map previews. Screenshots in $SHOTS (default
// /tmp/builder-shots). Usage: npm run build (or at least dist/parsec-widgets.js and dist/cdn/import.js), then
// node demo/builder.e2e.mjs
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { startServer } from '../scripts/serve.mjs';

const shots = process.env.SHOTS ?? '/tmp/builder-shots';
mkdirSync(shots, { recursive: true });
const server = await startServer(0);
const { port } = server.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
});
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed++;
};
const csv = [
  'id\tprogramme\tparent\tlibellé\tmontant\tdevise\tdébut période\tfin période\tsources',
  'total\tparsec\t\tPARSEC — total\t29000000\tEUR\t\t\thttps://example.org/action',
  'y1\tparsec\ttotal\tAnnée 1\t12,5 M€\tEUR\t30/01/2017\t2018-12-31\thttps://example.org/action',
  'y2\tparsec\ttotal\tAnnée 2\t16500000\tEUR\t2019-01\t2020-07\thttps://example.org/action',
].join('\n');
try {
  for (const width of [1280, 360]) {
    console.log(`— ${width} px`);
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/demo/builder.html`);
    await page.focus('#data-paste');
    await page.keyboard.insertText(csv);
    await page.keyboard.press('Tab'); // to "Check and preview"
    check(
      await page.evaluate(() => document.activeElement?.id === 'data-check'),
      'Tab reaches "Check and preview"',
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('#data-issues li');
    const issues = await page.$$eval('#data-issues li.error', (l) => l.map((x) => x.textContent));
    check(
      issues.some((t) =>
        t.startsWith('pasted table row 3, column "montant": expected a number ≥ 0, got "12,5 M€"'),
      ) &&
        issues.some((t) => t.includes('column "début période"') && t.includes('Replace with "2017-01-30"')),
      'errors listed at their cells with their offered fixes',
    );
    const bad = await page.$$eval('td.bad', (l) => l.map((x) => [x.id, x.getAttribute('aria-describedby')]));
    check(
      bad.length === 2 && bad.every(([, d]) => d?.startsWith('issue-')),
      'the two cells marked and described by their problem',
    );
    check(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= width,
      'no horizontal scroll of the page',
    );
    await page.screenshot({ path: `${shots}/builder-errors-${width}.png`, fullPage: true });
    for (let k = 0; k < 3 && (await page.$('#data-issues button.fix')); k++) {
      // after each fix, focus moves to the next offered fix
      if (k === 0) await page.focus('#data-issues button.fix');
      check(
        await page.evaluate(() => document.activeElement?.classList.contains('fix')),
        `fix ${k + 1} has the focus`,
      );
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
    }
    check(
      (await page.textContent('#data-status')).startsWith('Valid: 3 budget lines'),
      'valid once the fixes are applied',
    );
    check(
      (await page.inputValue('#data-paste')).includes('Année 1\t12500000\tEUR\t2017-01-30'),
      'the fixes are in the table',
    );
    await page.waitForFunction(() =>
      document.querySelector('#preview parsec-budget-treemap')?.shadowRoot?.textContent?.includes('Année 1'),
    );
    check(true, 'the treemap preview draws the imported lines');
    await page.check('input[name="kind"][value="inline"]');
    const snippet = await page.inputValue('#snippet');
    check(
      snippet.includes('<script type="application/json">{"meta"') &&
        !snippet.slice(60).includes('</script></script>'),
      'the inline snippet carries the dataset',
    );
    await page.screenshot({ path: `${shots}/builder-fixed-${width}.png`, fullPage: true });
    await page.click('#data-reset');
    await page.setInputFiles('#data-files', 'test/fixtures/iati/eutf-mopti-activity.xml');
    await page.waitForFunction(() => document.querySelector('#data-status').textContent.startsWith('Valid'));
    check(
      (await page.textContent('#data-status')).includes('2 places, 2 facilities'),
      'the IATI file imports',
    );
    await page.selectOption('select[name="widget"]', 'gantt');
    await page.waitForFunction(() =>
      document
        .querySelector('#preview parsec-phase-gantt')
        ?.shadowRoot?.textContent?.includes('PARSEC Mopti-Ségou'),
    );
    check(true, 'the timeline preview draws the activity');
    await page.screenshot({ path: `${shots}/builder-iati-gantt-${width}.png`, fullPage: true });
    await page.selectOption('select[name="widget"]', 'map');
    await page.selectOption('select[name="opt:region"]', 'mali');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${shots}/builder-iati-map-${width}.png`, fullPage: true });
    check(errors.length === 0, `no page error (${errors.join(' | ')})`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(failed ? `${failed} check(s) failed` : 'all checks passed');
process.exit(failed ? 1 : 0);
