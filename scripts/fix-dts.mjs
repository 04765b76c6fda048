#!/usr/bin/env node
// Rewrites relative specifiers in the emitted declaration files to full ESM paths (`./x` → `./x.js`,
// `./dir` → `./dir/index.js`), so that the types resolve under `moduleResolution: node16/nodenext` as well as
// `bundler`. The sources keep extensionless imports (Vite and `bundler` resolution need nothing more).
// Usage: node scripts/fix-dts.mjs [dir=dist/types]; exits 1 if a relative specifier points at no declaration file.
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist/types');
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.d.ts')) files.push(p);
  }
})(root);

const missing = [];
// Declarations that name the global namespaces of type packages (`GeoJSON.…`, `TopoJSON.…`, both dependencies of the
// package) reference them, so that they resolve in an app with `"types": []`.
const globals = { GeoJSON: 'geojson', TopoJSON: 'topojson-specification' };
// `from '…'`, `import '…'`, `import('…')`, `export … from '…'`, `declare module '…'` is left alone (not relative)
const pattern = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*|\.{1,2})\2/g;
let changed = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const refs = Object.entries(globals)
    .filter(([ns, pkg]) => new RegExp(`\\b${ns}\\.`).test(text) && !text.includes(`types="${pkg}"`))
    .map(([, pkg]) => `/// <reference types="${pkg}" />\n`)
    .join('');
  const out =
    refs +
    text.replace(pattern, (all, head, quote, spec) => {
      if (/\.(js|mjs|cjs|json)$/.test(spec)) return all;
      const base = resolve(dirname(file), spec);
      let next;
      if (existsSync(`${base}.d.ts`)) next = `${spec}.js`;
      else if (existsSync(join(base, 'index.d.ts'))) next = `${spec.replace(/\/$/, '')}/index.js`;
      else {
        missing.push(`${file}: ${spec}`);
        return all;
      }
      return `${head}${quote}${next}${quote}`;
    });
  if (out !== text) {
    writeFileSync(file, out);
    changed++;
  }
}
console.log(`fix-dts: ${changed} of ${files.length} declaration files rewritten`);
if (missing.length) {
  console.error(`fix-dts: relative imports without a declaration file:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
