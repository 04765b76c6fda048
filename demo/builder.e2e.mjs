#!/usr/bin/env node
/* global process, console, document */
// End-to-end check of the embed builder in Chromium. The "Your data" step, keyboard only, at 1280 and 360 px: paste a
// table → problems listed and marked at their cells → apply the offered fixes → the preview draws the data → the
// inline snippet carries it; then an IATI file → timeline and map previews. Then the options: "Groups collapsed" folds
// the gantt's groups (preview, snippet, iframe page), and the iframe snippet is titled with the chart's own title in
// the chosen language. Screenshots in $SHOTS (default /tmp/builder-shots). Usage: npm run build (or at least
// dist/parsec-widgets.js and dist/cdn/import.js), then node demo/builder.e2e.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { runnerImport } from 'vite';
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
  // the gantt's "Groups collapsed" option, and the iframe snippet titled with the chart's own title
  console.log('— options and the iframe snippet');
  {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/demo/builder.html`);
    // the treemap offers the currencies the data can be shown in: the default dataset states no rate, EUR only
    await page.waitForFunction(
      () => document.querySelector('select[name="opt:currency"]')?.options.length > 1,
    );
    const currencies = await page.$$eval('select[name="opt:currency"] option', (l) => l.map((o) => o.value));
    check(
      currencies.join() === ',EUR',
      `currencies offered for the default dataset: the data's own, EUR (${currencies})`,
    );
    await page.selectOption('select[name="widget"]', 'gantt');
    await page.selectOption('select[name="lang"]', 'fr');
    const groups = (el) =>
      page.evaluate((sel) => {
        const rows = [
          ...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('.row.group[aria-expanded]') ?? []),
        ];
        return {
          all: rows.length,
          open: rows.filter((r) => r.getAttribute('aria-expanded') === 'true').length,
        };
      }, el);
    await page.waitForFunction(() =>
      document.querySelector('#preview parsec-phase-gantt')?.shadowRoot?.querySelector('.row.group'),
    );
    const before = await groups('#preview parsec-phase-gantt');
    await page.check('input[name="opt:collapsed"]');
    await page.waitForFunction(() =>
      document.querySelector('#preview parsec-phase-gantt')?.shadowRoot?.querySelector('.row.group'),
    );
    const after = await groups('#preview parsec-phase-gantt');
    check(
      before.open > 0 && after.all > 0 && after.open === 0,
      `"Groups collapsed" folds every group of the preview (open groups: ${before.open} of ${before.all} → ${after.open} of ${after.all})`,
    );
    check(
      (await page.inputValue('#snippet')).includes(
        '<parsec-phase-gantt collapsed="all"></parsec-phase-gantt>',
      ),
      'the script snippet says collapsed="all"',
    );
    const shown = await page.evaluate(() =>
      document
        .querySelector('#preview parsec-phase-gantt')
        .shadowRoot.querySelector('[part~="title"]')
        .textContent.trim(),
    );
    await page.check('input[name="kind"][value="iframe"]');
    await page.waitForFunction(() => document.querySelector('#snippet').value.startsWith('<iframe'));
    const iframe = await page.inputValue('#snippet');
    const title = /title="([^"]*)"/.exec(iframe)?.[1] ?? '';
    const src = /src="([^"]*)"/.exec(iframe)?.[1].replaceAll('&amp;', '&') ?? '';
    check(
      title === shown &&
        title.includes('Coopération de sécurité') &&
        !iframe.includes('parsec-widgets chart'),
      `the iframe's title is the chart's own, in French ("${title}")`,
    );
    check(/[?&]collapsed=all(&|$)/.test(src), `the iframe URL carries collapsed=all (${src})`);
    // scripts/oembed.mjs names the charts without rendering them: the same title as the widget's
    const { module: titles } = await runnerImport('./scripts/lib/chart-titles.ts');
    const dataset = titles.validDataset(JSON.parse(readFileSync('data/parsec.json', 'utf8')));
    check(
      titles.chartTitle('gantt', dataset, 'fr') === title &&
        titles.chartTitle('treemap', dataset, 'en') ===
          'Budgets — EU and French security cooperation in central Mali',
      'the oEmbed generator (scripts/lib/chart-titles.ts) gives the titles the widgets render',
    );
    // the iframe page itself: groups folded, and its document titled like the iframe
    const frame = await browser.newPage({ viewport: { width: 800, height: 600 } });
    frame.on('pageerror', (e) => errors.push(String(e)));
    await frame.goto(src);
    await frame.waitForFunction(() =>
      document.querySelector('parsec-phase-gantt')?.shadowRoot?.querySelector('.row.group'),
    );
    const inFrame = await frame.evaluate(() => {
      const rows = [
        ...document.querySelector('parsec-phase-gantt').shadowRoot.querySelectorAll('.row.group'),
      ];
      return rows.filter((r) => r.getAttribute('aria-expanded') === 'true').length;
    });
    await frame.waitForFunction((t) => document.title === t, title, { timeout: 10000 }).catch(() => {});
    check(inFrame === 0, `the iframe page folds every group too (${inFrame} open)`);
    check(
      (await frame.title()) === title,
      `the iframe page's document title is the chart's ("${await frame.title()}")`,
    );
    await frame.close();
    // the other widgets and the other language: each iframe titled as its widget titles itself
    for (const [widget, lang] of [
      ['treemap', 'en'],
      ['map', 'fr'],
      ['cooperants', 'en'],
    ]) {
      await page.selectOption('select[name="widget"]', widget);
      await page.selectOption('select[name="lang"]', lang);
      const expected = titles.chartTitle(widget, dataset, lang);
      const got = await page
        .waitForFunction(
          (t) => {
            const m = /title="([^"]*)"/.exec(document.querySelector('#snippet').value);
            return m && m[1].replaceAll('&amp;', '&').replaceAll('&quot;', '"') === t && m[1];
          },
          expected,
          { timeout: 15000 },
        )
        .then(
          (h) => h.jsonValue(),
          async () => /title="([^"]*)"/.exec(await page.inputValue('#snippet'))?.[1] ?? 'no title',
        );
      check(got === expected, `${widget} in ${lang}: the iframe's title is "${expected}" (${got})`);
    }
    check(errors.length === 0, `no page error (${errors.join(' | ')})`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(failed ? `${failed} check(s) failed` : 'all checks passed');
process.exit(failed ? 1 : 0);
