#!/usr/bin/env node
// Writes src/schema/checks/: the dataset schema compiled into plain functions (no zod, no eval), one module per
// top-level field (a widget's entry carries those of the sections it reads), that the widgets' fast path runs, so that
// zod is loaded only for data they are not sure of. `--check`: fails when a file is stale instead
// (src/schema/checks.test.ts checks the same in `npm test`).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import * as prettier from 'prettier';

const dir = 'src/schema/checks';
const out = await build({
  stdin: {
    contents: [
      "export { DatasetShape } from './src/schema/dataset';",
      "export { planOf } from './src/schema/plan-of';",
      "export { planCode } from './src/schema/plan-code';",
    ].join('\n'),
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'error',
});
const mod = await import(
  `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`
);
const files = mod.planCode(mod.planOf(mod.DatasetShape));
const options = await prettier.resolveConfig(`${dir}/index.ts`);
const wanted = new Map();
for (const [name, source] of Object.entries(files)) {
  const file = `${dir}/${name}.ts`;
  wanted.set(`${name}.ts`, await prettier.format(source, { ...options, filepath: file }));
}
const present = await readdir(dir).catch(() => []);
if (process.argv.includes('--check')) {
  let stale = present.filter((f) => !wanted.has(f));
  for (const [name, text] of wanted)
    if ((await readFile(`${dir}/${name}`, 'utf8').catch(() => '')) !== text) stale.push(name);
  if (stale.length) {
    console.error(`${dir}/ is stale (${stale.join(', ')}): run npm run schema`);
    process.exit(1);
  }
} else {
  await mkdir(dir, { recursive: true });
  for (const f of present) if (!wanted.has(f)) await rm(`${dir}/${f}`);
  for (const [name, text] of wanted) await writeFile(`${dir}/${name}`, text);
  console.log(`wrote ${dir}/ (${[...wanted.keys()].join(', ')})`);
}
