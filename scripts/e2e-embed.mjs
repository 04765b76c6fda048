#!/usr/bin/env node
// End-to-end checks of embedding with the BUILT files over HTTP in Debian's Chromium (issue: newsroom and CMS
// embedding): bad input anywhere, two copies of the bundle, 50 widgets, 1,000 attach/detach cycles, the iframe page
// reporting its height, the embed builder, and a React 19 host. Usage: npm run build && node scripts/e2e-embed.mjs
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { launchChromium, tally } from './lib/e2e.mjs';
import { startServer } from './serve.mjs';

const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
const result = tally();
const { check } = result;
async function open(path, { permissions = [] } = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, permissions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on(
    'console',
    (m) => m.type() === 'error' && !/favicon|404 \(Not Found\)/.test(m.text()) && errors.push(m.text()),
  );
  await page.addInitScript(() => {
    window.__dataErrors = [];
    document.addEventListener('parsec-data-error', (e) =>
      window.__dataErrors.push({ id: e.target.id, stage: e.detail.stage }),
    );
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  return { page, errors, close: () => context.close() };
}
const settle = (page) =>
  page.evaluate(async () => {
    await Promise.all(
      [...document.querySelectorAll('*')].filter((e) => e.updateComplete).map((e) => e.updateComplete),
    );
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });

try {
  console.log('bad input anywhere');
  {
    const { page, errors, close } = await open('/test/e2e/bad-input.html');
    await page.waitForTimeout(300);
    await settle(page);
    const states = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[id]')].map((el) => [
          el.id,
          {
            alert:
              el.shadowRoot?.querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
            chart: !!el.shadowRoot?.querySelector('svg[role]'),
            imgs: el.shadowRoot?.querySelectorAll('img, script').length ?? 0,
          },
        ]),
      ),
    );
    const alert = (id, re) =>
      check(re.test(states[id]?.alert ?? ''), `${id}: ${states[id]?.alert?.slice(0, 90) ?? 'no alert'}`);
    check(states.ok.chart && !states.ok.alert, 'the valid widget beside the broken ones renders');
    alert('missing', /404/);
    alert('html', /HTML page/);
    alert('truncated', /does not parse/);
    alert('empty', /meta: expected an object, got nothing/);
    alert('types', /meta\.asOf/);
    for (const id of ['hostile', 'g-hostile', 'm-hostile', 'c-hostile'])
      check(
        states[id] && !states[id].alert && states[id].chart && states[id].imgs === 0,
        `${id}: hostile strings render as text`,
      );
    alert('g-empty', /meta/);
    alert('m-html', /HTML page/);
    alert('c-truncated', /does not parse/);
    check((await page.evaluate(() => window.__pwned)) === undefined, 'nothing from the data was executed');
    const events = await page.evaluate(() => window.__dataErrors);
    const ids = new Set(events.map((e) => e.id));
    check(
      ['missing', 'html', 'truncated', 'empty', 'types', 'g-empty', 'm-html', 'c-truncated'].every((i) =>
        ids.has(i),
      ),
      `a parsec-data-error event for each broken widget (${events.length} events)`,
    );
    const text = await page.evaluate(() =>
      document
        .getElementById('hostile')
        .shadowRoot.querySelector('[role="treeitem"]')
        .getAttribute('aria-label'),
    );
    check(text.includes('<script>'), 'a <script> string in the data is shown as text');
    check(errors.length === 0, `no page error (${errors.join(' | ')})`);
    await close();
  }

  console.log('two copies of the bundle on one page');
  {
    const { page, errors, close } = await open('/test/e2e/two-copies.html');
    await settle(page);
    const tiles = await page.evaluate(
      () =>
        document.querySelector('parsec-budget-treemap').shadowRoot.querySelectorAll('[role="treeitem"]')
          .length,
    );
    check(errors.length === 0, `no error thrown (${errors.join(' | ')})`);
    check(tiles > 0, `the widget renders (${tiles} tiles)`);
    await close();
  }

  console.log('50 widgets on one page');
  {
    const t0 = Date.now();
    const { page, errors, close } = await open('/test/e2e/many.html');
    await settle(page);
    const initially = await page.evaluate(() => [...document.body.children].filter((e) => e.rendered).length);
    for (let y = 0; y < 60; y++) {
      await page.mouse.wheel(0, 1200);
      await page.waitForTimeout(30);
    }
    await settle(page);
    const after = await page.evaluate(() => ({
      rendered: [...document.body.children].filter((e) => e.rendered).length,
      failed: [...document.body.children].filter((e) => e.shadowRoot?.querySelector('[role="alert"]')).length,
    }));
    check(initially < 50, `widgets below the fold wait (${initially} of 50 rendered at first)`);
    check(
      after.rendered === 50 && after.failed === 0,
      `all 50 render as the reader scrolls (${after.rendered}, ${after.failed} errors) in ${Date.now() - t0} ms`,
    );
    const t1 = Date.now();
    await page.keyboard.press('Tab');
    const focusTime = Date.now() - t1;
    console.log(`    keyboard response with 50 widgets: ${focusTime} ms (reported, not asserted)`);
    check(errors.length === 0, `no page error (${errors.join(' | ')})`);
    await close();
  }

  console.log('1,000 attach/detach cycles');
  {
    const { page, close } = await open('/test/e2e/plain-en.html');
    const r = await page.evaluate(async () => {
      const cycle = async (n) => {
        for (let i = 0; i < n; i++) {
          const el = document.createElement(['parsec-budget-treemap', 'parsec-cooperant-chart'][i % 2]);
          el.setAttribute('loading', 'eager');
          document.body.append(el);
          await el.updateComplete;
          el.remove();
        }
      };
      await cycle(50); // warm-up: caches, compiled code
      window.gc();
      await new Promise((r) => setTimeout(r, 100));
      window.gc();
      const before = performance.memory.usedJSHeapSize;
      await cycle(1000);
      await new Promise((r) => setTimeout(r, 100));
      window.gc();
      await new Promise((r) => setTimeout(r, 100));
      window.gc();
      return { before, after: performance.memory.usedJSHeapSize };
    });
    const growth = (r.after - r.before) / 2 ** 20;
    check(
      growth < 2,
      `heap after 1,000 cycles grew by ${growth.toFixed(2)} MB (from ${(r.before / 2 ** 20).toFixed(1)} MB)`,
    );
    await close();
  }

  console.log('iframe page reports its height to the parent');
  {
    const { page, errors, close } = await open('/demo/cms-iframe.html');
    await page
      .waitForFunction(() => Number(document.getElementById('f-treemap').height) > 200, null, {
        timeout: 15000,
      })
      .catch(() => {});
    const r = await page.evaluate(() => ({
      height: Number(document.getElementById('f-treemap').height),
      inner: Math.ceil(
        document.getElementById('f-treemap').contentDocument.documentElement.getBoundingClientRect().height,
      ),
      dark: Number(document.getElementById('f-cooperants').height),
    }));
    check(
      r.height > 200 && Math.abs(r.height - r.inner) <= 2,
      `iframe height ${r.height} px fits its content (${r.inner} px)`,
    );
    check(r.dark > 150, `second iframe resized too (${r.dark} px)`);
    check(errors.length === 0, `no page error (${errors.join(' | ')})`);
    await close();
  }

  console.log('embed builder');
  {
    const { page, errors, close } = await open('/demo/builder.html', {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.selectOption('select[name="widget"]', 'cooperants');
    await page.selectOption('select[name="lang"]', 'fr');
    await page.selectOption('select[name="opt:group-by"]', 'rank');
    await settle(page);
    const script = await page.inputValue('#snippet');
    check(
      /<parsec-cooperant-chart group-by="rank"><\/parsec-cooperant-chart>/.test(script) &&
        script.includes('lang="fr"'),
      'script snippet names the tag and its options',
    );
    const preview = await page.evaluate(() => {
      const el = document.querySelector('#preview parsec-cooperant-chart');
      return el && el.getAttribute('group-by') === 'rank' && !!el.shadowRoot.querySelector('svg[role]');
    });
    check(preview, 'the live preview shows the widget with its options');
    await page.check('input[name="kind"][value="iframe"]');
    const iframe = await page.inputValue('#snippet');
    check(
      /embed\.html\?widget=cooperants&amp;lang=fr&amp;group-by=rank/.test(iframe) &&
        iframe.includes('embed-parent.js'),
      'iframe snippet with its parent script',
    );
    await page.click('#copy');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    check(clip === iframe, 'Copy puts the snippet on the clipboard');
    check(errors.length === 0, `no page error (${errors.join(' | ')})`);
    await close();
  }

  console.log('aggressive host CSS, print, downloads');
  {
    const { page, errors, close } = await open('/demo/article-en.html');
    await settle(page);
    const css = await page.evaluate(() => {
      const root = document.querySelector('parsec-budget-treemap').shadowRoot;
      const rect = root.querySelector('.tile .fill');
      const text = root.querySelector('.label');
      const button = root.querySelector('[part="table-toggle"]');
      return {
        fill: getComputedStyle(rect).fill,
        fontSize: getComputedStyle(text).fontSize,
        buttonBg: getComputedStyle(button).backgroundColor,
        pageRect: getComputedStyle(
          document.body
            .appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
            .appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'rect')),
        ).fill,
      };
    });
    check(
      css.pageRect === 'rgb(255, 105, 180)',
      `the page's own CSS is hostile (its rects are ${css.pageRect})`,
    );
    check(
      css.fill !== 'rgb(255, 105, 180)' && css.fontSize === '12px' && css.buttonBg !== 'rgb(255, 0, 0)',
      `the widget is not affected (tile ${css.fill}, label ${css.fontSize}, button ${css.buttonBg})`,
    );
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 700, height: 900 });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await settle(page);
    const print = await page.evaluate(() => {
      const el = document.querySelector('parsec-cooperant-chart');
      const root = el.shadowRoot;
      return {
        rendered: [
          ...document.querySelectorAll(
            'parsec-budget-treemap, parsec-phase-gantt, parsec-facility-map, parsec-cooperant-chart',
          ),
        ].every((w) => w.rendered),
        title: getComputedStyle(root.querySelector('[part="title"]')).display,
        titleText: root.querySelector('[part="title"]').textContent.trim(),
        buttons: [...root.querySelectorAll('button')].every(
          (b) => getComputedStyle(b).display === 'none' || b.offsetParent === null,
        ),
        source: root.querySelector('[part="source"]').textContent.includes('September 2024'),
        width: Math.round(el.getBoundingClientRect().width),
        main: Math.round(el.parentElement.getBoundingClientRect().width),
      };
    });
    check(print.rendered, 'printing renders every widget, even those below the fold');
    check(
      print.title === 'block' && /EU and French security cooperation/.test(print.titleText),
      `print shows the title ("${print.titleText}")`,
    );
    check(print.buttons && print.source, 'print hides the buttons and keeps the source line with its date');
    check(
      Math.abs(print.width - print.main) <= 1,
      `print draws the chart at the column width (${print.width} of ${print.main} px)`,
    );
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.querySelector('parsec-budget-treemap').scrollIntoView());
    await page.locator('parsec-budget-treemap [part="export-toggle"]').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('parsec-budget-treemap [data-format="csv"]').click(),
    ]);
    const csvPath = await download.path();
    const csv = (await import('node:fs')).readFileSync(csvPath, 'utf8');
    check(
      download.suggestedFilename() === 'parsec-budget-treemap.csv' &&
        csv.startsWith('Name,Level,Amount (EUR),Precision,Share of the level above,Sources'),
      `CSV download (${download.suggestedFilename()}, ${csv.split('\r\n').length - 2} rows)`,
    );
    check(errors.length === 0, `no page error (${errors.join(' | ')})`);
    await close();
  }

  console.log('no JavaScript');
  {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/demo/article-en.html`);
    const fallback = await page.evaluate(() =>
      [...document.querySelectorAll('parsec-budget-treemap p, parsec-cooperant-chart p')].map(
        (p) => p.offsetHeight > 0 && p.textContent.trim().length > 20,
      ),
    );
    check(
      fallback.length === 2 && fallback.every(Boolean),
      'the tags show their own sentence and source link where scripts do not run',
    );
    await context.close();
  }

  console.log('React 19 host');
  {
    rmSync('dist-e2e', { recursive: true, force: true });
    await build({
      configFile: false,
      logLevel: 'silent',
      root: 'test/e2e/react',
      base: '/dist-e2e/react/',
      build: { outDir: '../../../dist-e2e/react', emptyOutDir: true, target: 'es2022' },
    });
    const { page, errors, close } = await open('/dist-e2e/react/index.html');
    await page.waitForFunction(() =>
      document.getElementById('treemap')?.shadowRoot?.querySelector('[role="treeitem"]'),
    );
    await settle(page);
    await page.evaluate(() => document.getElementById('treemap').tableComplete);
    const caption = await page.evaluate(() =>
      document.getElementById('treemap').shadowRoot.querySelector('caption').textContent.trim(),
    );
    check(caption.endsWith('Given by React'), 'React passes the dataset object as a property');
    const xof = await page.evaluate(() =>
      document
        .getElementById('treemap')
        .shadowRoot.querySelector('[role="treeitem"]')
        .getAttribute('aria-label'),
    );
    check(/CFA/.test(xof), 'React passes currency="XOF" as an attribute');
    await page.locator('#treemap .tile.depth-2 > .fill').first().click();
    // React commits the state update asynchronously after the event
    await page
      .waitForFunction(() => document.getElementById('selected').textContent.length > 0, null, {
        timeout: 5000,
      })
      .catch(() => {});
    const selected = await page.textContent('#selected');
    check(selected.length > 0, `onparsec-select reaches React state ("${selected}")`);
    await page.click('#lang');
    await settle(page);
    const fr = await page.evaluate(() =>
      document.getElementById('treemap').shadowRoot.querySelector('[part="table-toggle"]').textContent.trim(),
    );
    check(fr === 'Afficher les données', 'a lang change made by React is followed');
    check(errors.length === 0, `no page error (${errors.join(' | ')})`);
    await close();
  }
} finally {
  await browser.close();
  server.close();
}
if (result.failures) {
  console.error(`e2e-embed: ${result.failures} failure(s)`);
  process.exit(1);
}
console.log('e2e-embed: all checks passed');
