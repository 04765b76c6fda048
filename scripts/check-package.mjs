#!/usr/bin/env node
// The package as a developer receives it: `npm pack` (prepack builds and writes the manifest), then
//   1. the tarball holds what the exports, `customElements`, `unpkg`/`jsdelivr` and the README promise;
//   2. publint and arethetypeswrong (profile esm-only: the package ships ES modules only) report no error;
//   3. a fresh project installs the tarball and type-checks test/consumer/ (strict, skipLibCheck false) under
//      moduleResolution bundler, node16 and nodenext; React 19 JSX and Vue GlobalComponents typings included;
//   4. Vite builds one tiny app per import and reports its gzip size: the root and the side-effect-free subpaths
//      must not bring any widget, and importing an event class (from the root or ./events) costs at most 5 KB gzip.
// Prints its checks; with --write also writes bench/results/package.md (so CI leaves the working tree as it found it).
// Usage: npm run check:package [-- --keep] (keeps the temporary folder) [-- --write].
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { splitChunks } from './lib/chunks.mjs';

const root = resolve(import.meta.dirname, '..');
/** Only the consumer app needs them (the repository's own React host is plain JS). */
const REACT_DOM_TYPES = '19.3.0';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'parsec-pack-'));
const keep = process.argv.includes('--keep');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const failures = [];
const fail = (msg) => {
  failures.push(msg);
  console.error(`  ✗ ${msg}`);
};
const ok = (msg) => console.log(`  ✓ ${msg}`);
const run = (cmd, args, opts = {}) => {
  try {
    return { ok: true, out: execFileSync(cmd, args, { encoding: 'utf8', stdio: 'pipe', ...opts }) };
  } catch (e) {
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = ['# The packed package', '', 'Measured by `npm run check:package`.', ''];

try {
  // 1. pack
  console.log('npm pack');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
  if (!packed.ok) throw new Error(`npm pack failed:\n${packed.out}`);
  const info = JSON.parse(packed.out.slice(packed.out.search(/^\[\s*\{/m)))[0];
  const tarball = join(work, info.filename);
  const files = new Set(info.files.map((f) => f.path));
  console.log(
    `  ${info.filename}: ${kb(info.size)} packed, ${kb(info.unpackedSize)} unpacked, ${info.entryCount} files`,
  );
  report.push(
    `Tarball \`${info.filename}\`: ${kb(info.size)} packed, ${kb(info.unpackedSize)} unpacked, ${info.entryCount} files.`,
    '',
  );
  const targets = new Set(['custom-elements.json', 'LICENSE', 'README.md', pkg.main, pkg.types, pkg.unpkg]);
  for (const [key, value] of Object.entries(pkg.exports)) {
    for (const target of typeof value === 'string' ? [value] : Object.values(value)) {
      if (!target.includes('*')) targets.add(target);
      else if (![...files].some((f) => f.startsWith(target.slice(2, target.indexOf('*')))))
        fail(`export ${key}: nothing matches ${target}`);
    }
  }
  for (const t of targets) {
    const path = t.replace(/^\.\//, '');
    if (!files.has(path)) fail(`the tarball lacks ${path}`);
  }
  if (![...files].some((f) => f.endsWith('.map')))
    ok(`every export target is in the tarball (${targets.size} files)`);
  else fail('source maps are shipped');

  // 2. publint and arethetypeswrong on the tarball
  console.log('publint');
  const lint = run(bin('publint'), ['run', tarball, '--level', 'warning']);
  console.log(lint.out.trim().replace(/^/gm, '  '));
  if (!lint.ok || /error/i.test(lint.out.replace(/0 errors?/i, ''))) fail('publint reports problems');
  console.log('arethetypeswrong (esm-only)');
  const attw = run(bin('attw'), [
    tarball,
    '--profile',
    'esm-only',
    '--format',
    'ascii',
    '--exclude-entrypoints',
    './cdn/*',
    './bundle.iife',
    './parsec-widgets.css',
    './data/parsec.json',
    './data/schema.json',
    './custom-elements.json',
    './package.json',
  ]);
  console.log(attw.out.trim().replace(/^/gm, '  ').split('\n').slice(-12).join('\n'));
  if (!attw.ok) fail('arethetypeswrong reports problems');

  // 3. a consumer project
  console.log('consumer project');
  const app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  cpSync(join(root, 'test/consumer'), join(app, 'src'), { recursive: true });
  const dev = pkg.devDependencies;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  const install = run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      tarball,
      `typescript@${dev.typescript}`,
      `vite@${dev.vite}`,
      `react@${dev.react}`,
      `@types/react@${dev['@types/react']}`,
      `react-dom@${dev['react-dom']}`,
      `@types/react-dom@${REACT_DOM_TYPES}`,
      `vue@${dev.vue}`,
    ],
    { cwd: app },
  );
  if (!install.ok) throw new Error(`npm install in the consumer failed:\n${install.out}`);
  for (const [resolution, module] of [
    ['bundler', 'esnext'],
    ['node16', 'node16'],
    ['nodenext', 'nodenext'],
  ]) {
    const config = {
      compilerOptions: {
        target: 'es2022',
        module,
        moduleResolution: resolution,
        lib: ['es2022', 'dom', 'dom.iterable'],
        jsx: 'react-jsx',
        resolveJsonModule: true,
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        types: [],
      },
      include: ['src'],
      // node16 has no import attributes (`with { type: 'json' }`)
      exclude: resolution === 'node16' ? ['src/json.ts'] : [],
    };
    writeFileSync(join(app, `tsconfig.${resolution}.json`), JSON.stringify(config, null, 2));
    const tsc = run(join(app, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${resolution}.json`], { cwd: app });
    if (tsc.ok) ok(`tsc, moduleResolution ${resolution}, skipLibCheck false: no error`);
    else fail(`tsc, moduleResolution ${resolution}:\n${tsc.out}`);
  }

  {
    // one widget's subpath on its own: every event typed without the root's declarations
    const config = JSON.parse(readFileSync(join(app, 'tsconfig.nodenext.json'), 'utf8'));
    writeFileSync(
      join(app, 'tsconfig.subpath.json'),
      JSON.stringify({ compilerOptions: config.compilerOptions, files: ['src/subpath.ts'] }, null, 2),
    );
    const tsc = run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.subpath.json'], { cwd: app });
    if (tsc.ok) ok('tsc, parsec-widgets/phase-gantt alone: all six events typed');
    else fail(`tsc, parsec-widgets/phase-gantt alone:\n${tsc.out}`);
  }

  // the React example, built from the installed tarball, in Chromium
  {
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'silent',
      root: join(app, 'src'),
      base: './',
      build: { outDir: join(app, 'react-dist'), emptyOutDir: true, target: 'es2022' },
    });
    const { startServer } = await import('./serve.mjs');
    const { chromium } = await import('playwright-core');
    const server = await startServer(0, join(app, 'react-dist'));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html`, { waitUntil: 'networkidle' });
      await page.locator('#budgets [role="treeitem"]').first().waitFor({ timeout: 20000 });
      const legend = await page.evaluate(
        () => !!document.getElementById('budgets').shadowRoot.querySelector('[part~="legend"]'),
      );
      await page.locator('#budgets .tile.depth-2 > .fill').first().click();
      await page.waitForFunction(() => document.body.dataset.picked, null, { timeout: 5000 }).catch(() => {});
      const picked = await page.evaluate(() => document.body.dataset.picked ?? '');
      if (picked && !legend && !errors.length)
        ok(`the React example renders in Chromium: no-legend applied, onparsec-select gave "${picked}"`);
      else fail(`React example: picked "${picked}", legend ${legend}, errors ${errors.join(' | ')}`);
    } finally {
      await browser.close();
      server.close();
    }
  }

  // 4. what each import costs once bundled (Vite, production, gzip -9)
  console.log('bundle size per import');
  const imports = {
    "import 'parsec-widgets' (the root: defines nothing)": "import 'parsec-widgets';",
    '{ ParsecSelectEvent } from the root':
      "import { ParsecSelectEvent } from 'parsec-widgets'; console.log(ParsecSelectEvent);",
    '{ formatMoney } from the root':
      "import { formatMoney } from 'parsec-widgets'; console.log(formatMoney);",
    '{ parseDataset } from the root':
      "import { parseDataset } from 'parsec-widgets'; console.log(parseDataset);",
    "import 'parsec-widgets/budget-treemap'": "import 'parsec-widgets/budget-treemap';",
    "import 'parsec-widgets/phase-gantt'": "import 'parsec-widgets/phase-gantt';",
    "import 'parsec-widgets/facility-map'": "import 'parsec-widgets/facility-map';",
    "import 'parsec-widgets/cooperant-chart'": "import 'parsec-widgets/cooperant-chart';",
    "import 'parsec-widgets/dataset'": "import 'parsec-widgets/dataset';",
    '{ ParsecSelectEvent } from parsec-widgets/events':
      "import { ParsecSelectEvent } from 'parsec-widgets/events'; console.log(ParsecSelectEvent);",
    '{ parseDataset } from parsec-widgets/schema':
      "import { parseDataset } from 'parsec-widgets/schema'; console.log(parseDataset);",
    '{ formatMoney } from parsec-widgets/format':
      "import { formatMoney } from 'parsec-widgets/format'; console.log(formatMoney);",
    "import 'parsec-widgets/autoloader' (entry only; widgets load on use)":
      "import 'parsec-widgets/autoloader';",
    "import 'parsec-widgets/bundle' (all four, self-contained)": "import 'parsec-widgets/bundle';",
  };
  // Vite's API (same version as the app's) so the build says which modules of the package each output holds
  const { build } = await import('vite');
  const widgetModule = /node_modules\/parsec-widgets\/dist\/esm\/components\/([a-z-]+)\/\1\.js$/;
  const sizes = [];
  let i = 0;
  for (const [name, code] of Object.entries(imports)) {
    const dir = join(app, `size-${i++}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'entry.js'), code + '\n');
    let result;
    try {
      result = await build({
        configFile: false,
        logLevel: 'silent',
        root: dir,
        build: {
          write: false,
          target: 'es2022',
          modulePreload: false,
          rolldownOptions: { input: join(dir, 'entry.js') },
        },
      });
    } catch (e) {
      fail(`vite build of "${name}": ${e.message}`);
      continue;
    }
    // what the import loads at once (the entry chunk and its static imports), apart from what it fetches only when
    // used (dynamic imports: the default dataset, the map geometry, the autoloader's widgets)
    const { eager, lazy: lazyChunks } = splitChunks(result);
    const js = Buffer.from(eager.map((c) => c.code).join('\n'));
    const gzip = gzipSync(js, { level: 9 }).length;
    const lazy = lazyChunks.length
      ? gzipSync(Buffer.from(lazyChunks.map((c) => c.code).join('\n')), { level: 9 }).length
      : 0;
    const moduleIds = eager.flatMap((c) => c.moduleIds.map((id) => id.replaceAll('\\', '/')));
    const widgets = [...new Set(moduleIds.map((id) => widgetModule.exec(id)?.[1]).filter(Boolean))].filter(
      (w) => w !== 'base',
    );
    // the self-contained bundle holds no module of dist/esm: name the tags its code names (minified: any quotes)
    if (moduleIds.some((id) => id.endsWith('/dist/parsec-widgets.js')))
      for (const tag of ['budget-treemap', 'phase-gantt', 'facility-map', 'cooperant-chart', 'dataset'])
        if (['"', "'", '`'].some((q) => js.includes(`${q}parsec-${tag}${q}`))) widgets.push(tag);
    sizes.push({ name, min: js.length, gzip, lazy, widgets });
  }
  report.push(
    '| import | minified | gzip | fetched only when used (gzip) | widget code included |',
    '|---|---:|---:|---:|---|',
  );
  for (const s of sizes) {
    report.push(
      `| ${s.name} | ${kb(s.min)} | ${kb(s.gzip)} | ${s.lazy ? kb(s.lazy) : '—'} | ${s.widgets.join(', ') || 'none'} |`,
    );
    console.log(
      `  ${s.name}: ${kb(s.gzip)} gzip${s.lazy ? `, then ${kb(s.lazy)} when used` : ''}` +
        `${s.widgets.length ? ` (${s.widgets.join(', ')})` : ''}`,
    );
  }
  const size = (prefix) => sizes.find((s) => s.name.startsWith(prefix));
  // the root and the side-effect-free subpaths bring no widget; an event class costs at most 5 KB gzip from either
  for (const s of sizes.filter((s) =>
    / the root|^import 'parsec-widgets' |parsec-widgets\/(events|schema|format)$/.test(s.name),
  ))
    if (s.widgets.length) fail(`${s.name} pulls widget code: ${s.widgets.join(', ')}`);
  for (const prefix of [
    '{ ParsecSelectEvent } from the root',
    '{ ParsecSelectEvent } from parsec-widgets/events',
  ]) {
    const ev = size(prefix);
    if (!ev) fail(`no measurement for ${prefix}`);
    else if (ev.gzip > 5 * 1024) fail(`${ev.name} costs ${kb(ev.gzip)} gzip, over 5 KB`);
    else ok(`${ev.name}: ${kb(ev.gzip)} gzip, within 5 KB`);
  }
  const bare = size("import 'parsec-widgets' (");
  if (bare && bare.gzip > 1024) fail(`importing the root for its side effects costs ${kb(bare.gzip)} gzip`);
  for (const w of ['budget-treemap', 'phase-gantt', 'facility-map', 'cooperant-chart']) {
    const one = size(`import 'parsec-widgets/${w}'`);
    if (one && one.widgets.join() !== w) fail(`the ${w} subpath holds the code of ${one.widgets.join(', ')}`);
  }
  const all = size("import 'parsec-widgets/bundle'");
  if (all && all.widgets.length < 5) fail(`the bundle defines only ${all.widgets.join(', ')}`);
  // the autoloader's entry chunk holds no widget: each is a chunk of its own, loaded on first use
  const loader = size("import 'parsec-widgets/autoloader'");
  if (loader?.widgets.length) fail(`the autoloader's entry chunk holds ${loader.widgets.join(', ')}`);
  if (loader && loader.gzip > 2 * 1024)
    fail(`the autoloader's entry chunk is ${kb(loader.gzip)} gzip, over 2 KB`);
} catch (e) {
  fail(e.message);
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
report.push('');
mkdirSync(join(root, 'bench/results'), { recursive: true });
if (process.argv.includes('--write'))
  writeFileSync(join(root, 'bench/results/package.md'), report.join('\n'));
if (failures.length) {
  console.error(`check-package: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log('check-package: the packed package is complete, typed and tree-shakes');
