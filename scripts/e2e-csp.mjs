#!/usr/bin/env node
// Trusted Types end to end: the BUILT bundle under `require-trusted-types-for 'script'`, as docs/embedding.md
// recommends. Checks, in Debian's Chromium:
//   1. one copy of the bundle, `trusted-types lit-html`: the four widgets render, 0 CSP violations, 0 errors;
//   2. two copies — the page test/e2e/two-copies.html (the ES bundle twice and the IIFE bundle), served with
//      `trusted-types lit-html 'allow-duplicates'`: the same;
//   3. the same page with `trusted-types lit-html` without 'allow-duplicates': Lit's second policy is refused by the
//      browser ("Policy with name lit-html already exists"): reported, the first copy's widgets still render
//      (why docs/embedding.md gives 'allow-duplicates').
// Usage: npm run build && node scripts/e2e-csp.mjs   (E2E_DIST=dir: serve /dist/ from another build directory)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { launchChromium, tally } from './lib/e2e.mjs';

const root = resolve('.');
const BASE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const TT = "require-trusted-types-for 'script'";
const tags = ['parsec-budget-treemap', 'parsec-phase-gantt', 'parsec-facility-map', 'parsec-cooperant-chart'];
const cases = [
  { name: 'one copy', copies: 1, policy: 'trusted-types lit-html', expectDuplicateError: false },
  {
    name: 'two copies',
    page: '/test/e2e/two-copies.html',
    policy: "trusted-types lit-html 'allow-duplicates'",
    expectDuplicateError: false,
  },
  {
    name: 'two copies, no allow-duplicates',
    page: '/test/e2e/two-copies.html',
    policy: 'trusted-types lit-html',
    expectDuplicateError: true,
  },
];

const page = (c) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${c.name}</title>
${Array.from({ length: c.copies }, (_, i) => `<script type="module" src="/dist/parsec-widgets.js${i ? `?copy=${i + 1}` : ''}"></script>`).join('\n')}
</head><body>${tags.map((t) => `<${t} loading="eager"></${t}>`).join('\n')}</body></html>`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const c = cases[Number(url.searchParams.get('case'))];
  const csp = `${BASE_CSP}; ${TT}; ${c?.policy ?? 'trusted-types lit-html'}`;
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204);
    return res.end();
  }
  if (url.pathname === '/csp.html' && c) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
    return res.end(c.page ? await readFile(join(root, c.page)) : page(c));
  }
  const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  const dist = process.env.E2E_DIST;
  try {
    const file = dist && path.startsWith('/dist/') ? join(resolve(dist), path.slice(6)) : join(root, path);
    const body = await readFile(file);
    const type = extname(path) === '.js' ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const result = tally();
const { fail } = result;
try {
  for (const [i, c] of cases.entries()) {
    console.log(`${c.name}: ${TT}; ${c.policy}`);
    const p = await browser.newPage();
    const errors = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    p.on('pageerror', (e) => errors.push(e.message));
    await p.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
      );
    });
    await p.goto(`${base}/csp.html?case=${i}`, { waitUntil: 'networkidle' });
    const result = await p.evaluate(async (tags) => {
      const out = {};
      for (const tag of tags) {
        await customElements.whenDefined(tag);
        const el = document.querySelector(tag);
        await el.updateComplete;
        await el.tableComplete;
        out[tag] =
          !!el.shadowRoot.querySelector('svg[part="svg"]') && !el.shadowRoot.querySelector('[role="alert"]');
      }
      return { drawn: out, violations: window.__violations };
    }, tags);
    for (const [tag, ok] of Object.entries(result.drawn)) if (!ok) fail(`${tag} did not draw`);
    const duplicate = errors.filter((e) => /Policy with name "?lit-html"? already exists/.test(e));
    const others = errors.filter((e) => !duplicate.includes(e) && !/Trusted Type|trusted-types/.test(e));
    // the refused second policy is itself reported as a `trusted-types` violation; anything else is a failure
    const violations = result.violations.filter(
      (v) => !(c.expectDuplicateError && v.startsWith('trusted-types: trusted-types-policy')),
    );
    if (violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
    if (others.length) fail(`errors: ${others.join(' | ')}`);
    if (c.expectDuplicateError && !duplicate.length)
      fail('expected the browser to refuse the second lit-html policy (is the check still needed?)');
    if (!c.expectDuplicateError && duplicate.length) fail(`duplicate policy: ${duplicate.join(' | ')}`);
    console.log(
      `  widgets drawn: ${Object.values(result.drawn).filter(Boolean).length}/4, violations: ${violations.length}` +
        (c.expectDuplicateError ? `, second policy refused: ${duplicate.length ? 'yes' : 'no'}` : ''),
    );
    await p.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (result.failures) {
  console.error(`${result.failures} failure(s)`);
  process.exit(1);
}
console.log('Trusted Types: ok');
