#!/usr/bin/env node
// Validation speed: zod alone (parseDatasetWithZod, what parseDataset did before) against parseDataset (the checks
// generated from the schema at build time, src/schema/checks/, then the cross-references; zod only when they are not
// sure), on generated datasets of 100, 10,000 and 100,000 budget lines
// (test/fixtures/any-programme/large-generated.ts), a page's data object as input.
// Both give the same result (src/schema/fast-check.test.ts); this measures time only. Medians of --runs runs (default
// 7) after 2 warm-ups, both validators alternating on the same data; writes bench/results/validate.md.
// Usage: node bench/validate.mjs [--runs 7] [--sizes 100,10000,100000]
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { build } from 'esbuild';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', 7));
const SIZES = arg('--sizes', '100,10000,100000').split(',').map(Number);
const WARMUPS = 2;

/**
 * The modules bundled as they ship (one module, imports resolved): a module runner would read every import through
 * a getter, which costs the generated checks, calling each other across modules, more than it costs zod.
 */
async function bundled(contents) {
  const out = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
const parse = await bundled("export * from './src/schema/parse';");
const fixtures = await bundled("export * from './test/fixtures/any-programme/large-generated';");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/**
 * Wall time and this process's CPU time of one call (the CPU time is steadier on a busy machine), averaged over
 * `repeat` calls (small datasets: one call is shorter than the timer's noise).
 */
const time = (f, repeat) => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  let r;
  for (let i = 0; i < repeat; i++) r = f();
  const ms = (performance.now() - t) / repeat;
  const used = process.cpuUsage(cpu);
  if (!r.ok) throw new Error(`the bench dataset is invalid: ${r.issues[0]?.path}: ${r.issues[0]?.message}`);
  return { ms, cpu: (used.user + used.system) / 1000 / repeat };
};

/**
 * About `n` budget lines (programmes of up to 8,334 lines each: a total line and its children), with a timeline of 4
 * phases per programme and a facility per 100 lines and a post per 250 (at least 10 of each).
 */
function dataset(n) {
  const programmes = Math.max(1, Math.ceil(n / 8334));
  const linesPerProgramme = Math.max(1, Math.round(n / programmes) - 1);
  const places = Math.min(150, Math.max(10, Math.round(n / 100)));
  const facilities = Math.max(10, Math.round(n / 100));
  const posts = Math.max(10, Math.round(n / 250));
  return fixtures.largeGenerated({ programmes, linesPerProgramme, places, facilities, posts });
}

/** The two ways in: a page's data object (`data`), and JSON text (`src`, an inline script). */
const inputs = {
  object: { zod: (d) => parse.parseDatasetWithZod(d), fast: (d) => parse.parseDataset(d), of: (d) => d },
  'JSON text': {
    zod: (t) => parse.parseDatasetTextWithZod(t),
    fast: (t) => parse.parseDatasetText(t),
    of: (d) => JSON.stringify(d),
  },
};

const rows = [];
for (const n of SIZES) {
  const data = dataset(n);
  for (const [input, way] of Object.entries(inputs)) {
    const value = way.of(data);
    const repeat = Math.min(50, Math.max(1, Math.round(20_000 / n)));
    const zod = [];
    const fast = [];
    for (let run = 0; run < WARMUPS + RUNS; run++) {
      // alternate which goes first, so that neither always pays for the other's garbage
      const pair = run % 2 ? [fast, zod] : [zod, fast];
      for (const list of pair) {
        const t = time(() => (list === zod ? way.zod(value) : way.fast(value)), repeat);
        if (run >= WARMUPS) list.push(t);
      }
    }
    const m = (list, key) => median(list.map((t) => t[key]));
    const row = { input, lines: data.budget.length, zod: m(zod, 'ms'), fast: m(fast, 'ms') };
    row.cpuRatio = m(zod, 'cpu') / m(fast, 'cpu');
    rows.push(row);
    console.log(
      `${row.lines} budget lines, ${input}: zod ${row.zod.toFixed(1)} ms, fast checks ${row.fast.toFixed(1)} ms ` +
        `(${(row.zod / row.fast).toFixed(1)}×; CPU time ${row.cpuRatio.toFixed(1)}×)`,
    );
  }
}

const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const md = [
  '# Validation speed',
  '',
  `Measured by \`node bench/validate.mjs\` (Node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}):`,
  `medians of ${RUNS} runs after ${WARMUPS} warm-ups (a run of 100 lines: the mean of 50 calls), zod and the fast checks`,
  'alternating. "fast checks": `parseDataset` / `parseDatasetText` (the checks generated from the schema at build',
  'time, src/schema/checks/, plain code, then the cross-references; zod only when the fast checks are not sure);',
  '"zod": `parseDatasetWithZod` / `parseDatasetTextWithZod` (zod alone, the',
  'validation before). Same results: src/schema/fast-check.test.ts. Nothing is copied that is already as zod outputs it',
  "(the result shares the input's values; its root is its own; zod copies all); JSON text is parsed first. Datasets:",
  'test/fixtures/any-programme/large-generated.ts',
  '(with a timeline, a facility per 100 lines and a post per 250). The CPU-time ratio (this process) is steadier than',
  'the wall-time one on a busy machine. Both are bundled by esbuild as they ship (a module runner would read every',
  'import through a getter). A widget checks only the sections it reads before it draws (the treemap: the budget,',
  'programmes, rates, vocabulary, meta and sources), the others after its first frame.',
  '',
  '| input | budget lines | zod | fast checks | zod / fast | zod / fast (CPU time) |',
  '|---|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.input} | ${r.lines.toLocaleString('en')} | ${fmt(r.zod)} ms | ${fmt(r.fast)} ms | ` +
      `${(r.zod / r.fast).toFixed(1)}× | ${r.cpuRatio.toFixed(1)}× |`,
  ),
  '',
];
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/validate.md', md.join('\n'));
console.log('wrote bench/results/validate.md');
