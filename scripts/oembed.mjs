#!/usr/bin/env node
// oEmbed descriptions of the iframe embeds, with absolute URLs for the address the demo is served from.
// Usage: node scripts/oembed.mjs --base https://example.org/widgets/ [--out dist/oembed] [--lang en,fr]
//        [--width 720] [--height 520]
// `--base` is the URL of the folder that holds `demo/` and `dist/` once published (demo/embed.html loads
// ../dist/parsec-widgets.js). Writes one file per widget and language, `<out>/<widget>.<lang>.json` (oEmbed 1.0,
// type "rich"): the iframe of demo/embed.html?widget=…&lang=…, titled with the chart's own title in that language
// (the title the widget writes above the chart: chart name — dataset title), and demo/embed-parent.js, which fits the
// iframe's height to the chart. Titles come from the default dataset (data/parsec.json), which the embed page shows.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const esc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `https://example.org/widgets` → `https://example.org/widgets/`; anything but an absolute http(s) URL throws. */
export function normaliseBase(base) {
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`--base must be an absolute URL (https://…/), got "${base ?? ''}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`--base must be an http(s) URL, got "${base}"`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The oEmbed 1.0 "rich" response for one widget in one language; every URL absolute. */
export function oembed({ base, widget, lang, title, width = 720, height = 520 }) {
  const root = normaliseBase(base);
  const src = new URL('demo/embed.html', root);
  src.search = new URLSearchParams({ widget, lang }).toString();
  const parent = new URL('demo/embed-parent.js', root).href;
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'parsec-widgets',
    provider_url: root,
    title,
    width,
    height,
    html:
      `<iframe src="${esc(src.href)}" title="${esc(title)}" lang="${esc(lang)}" width="${width}" ` +
      `height="${height}" style="border:0;width:100%" loading="lazy"></iframe>` +
      `<script src="${esc(parent)}"></script>`,
  };
}

function parseArgs(argv) {
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
    if (v === undefined) throw new Error(`${a}: expected a value`);
    flags[k] = v;
  }
  return flags;
}

async function main() {
  const flags = parseArgs(process.argv.slice(2));
  const base = normaliseBase(flags.base);
  const out = flags.out ?? 'dist/oembed';
  const langs = (flags.lang ?? 'en,fr')
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const width = Number(flags.width ?? 720);
  const height = Number(flags.height ?? 520);
  if (!(width > 0 && height > 0)) throw new Error('--width and --height must be positive numbers of pixels');
  const { runnerImport } = await import('vite');
  const { module: lib } = await runnerImport('./scripts/lib/chart-titles.ts');
  const data = lib.validDataset(JSON.parse(await readFile('data/parsec.json', 'utf8')));
  await mkdir(out, { recursive: true });
  for (const widget of Object.keys(lib.WIDGETS))
    for (const lang of langs) {
      const title = lib.chartTitle(widget, data, lang);
      const file = join(out, `${widget}.${lang}.json`);
      await writeFile(
        file,
        JSON.stringify(oembed({ base, widget, lang, title, width, height }), null, 2) + '\n',
      );
      console.log(`${file}: ${title}`);
    }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((e) => {
    console.error(`oembed: ${e.message}`);
    process.exit(2);
  });
