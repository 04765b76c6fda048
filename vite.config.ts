import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
// @ts-expect-error plain ESM build helper without types
import { minifyTemplates } from './scripts/vite/minify-templates.mjs';
// @ts-expect-error plain ESM build helper without types
import { minifyCssTemplates } from './scripts/vite/minify-css.mjs';
import { boxCss } from './src/layout/box';

/** `parsec-widgets.css`: each widget's box reserved before its script runs (a page links it with the script). */
const boxStylesheet = () => ({
  name: 'parsec-box-css',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }) {
    this.emitFile({ type: 'asset', fileName: 'parsec-widgets.css', source: boxCss() });
  },
});

/** One entry per widget so a page with one chart pays for one chart. Widget issues add theirs here. */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  'budget-treemap': 'src/budget-treemap.ts',
  'phase-gantt': 'src/phase-gantt.ts',
  'facility-map': 'src/facility-map.ts',
  'cooperant-chart': 'src/cooperant-chart.ts',
  dataset: 'src/dataset.ts',
  autoloader: 'src/autoloader.ts',
  // side-effect-free subpaths: importing an event class, the validator or a formatter defines no element
  'events/index': 'src/events/index.ts',
  'schema/index': 'src/schema/index.ts',
  'i18n/format': 'src/i18n/format.ts',
  // spreadsheet and IATI import: a separate entry that no widget imports
  'import/index': 'src/import/index.ts',
};

/** The self-contained files for CDNs (`dist/cdn/`): the autoloader loads each widget's chunk on first use. */
export const cdnEntries: Record<string, string> = {
  autoloader: 'src/autoloader.ts',
  'parsec-widgets': 'src/bundle.ts',
  'budget-treemap': 'src/budget-treemap.ts',
  'phase-gantt': 'src/phase-gantt.ts',
  'facility-map': 'src/facility-map.ts',
  'cooperant-chart': 'src/cooperant-chart.ts',
  dataset: 'src/dataset.ts',
  // the importer for the embed builder (demo/builder.js), never loaded by a widget
  import: 'src/import/index.ts',
};

// dependencies stay imports in dist/esm (world-atlas: the map's country outlines, JSON a consumer's bundler loads)
const external = [
  /^lit($|\/)/,
  /^@lit\//,
  /^d3($|-)/,
  /^zod($|\/)/,
  /^topojson-client($|\/)/,
  /^world-atlas($|\/)/,
];

/**
 * The bundle build writes beside the other outputs in dist/ (`emptyOutDir: false`): its chunks of an earlier build
 * (hashed names, e.g. the lazily loaded geometry) are removed first, so that `npm pack` ships only the current ones.
 */
const cleanBundleChunks = () => {
  let outDir = 'dist';
  return {
    name: 'parsec-clean-bundle-chunks',
    configResolved(config: { build: { outDir: string } }) {
      // the folder this build writes to (`--outDir` elsewhere must not clean dist/)
      outDir = config.build.outDir;
    },
    buildStart() {
      // once per process (the guard costs nothing; the classic script is built after, by `--mode iife`)
      const done = Symbol.for('parsec-widgets.bundle-chunks-cleaned');
      const g = globalThis as { [done]?: boolean };
      if (g[done] || !existsSync(outDir)) return;
      g[done] = true;
      for (const f of readdirSync(outDir, { withFileTypes: true }))
        if (f.isFile() && f.name.endsWith('.js')) rmSync(join(outDir, f.name));
    },
  };
};

/**
 * The classic script (`parsec-widgets.iife.js`) cannot fetch parts on demand: everything it may use is inline. The
 * world's country outlines (up to 260 KB gzip) stay out of it: its map draws places beyond the bundled geometry on a
 * graticule, as it does when the outlines fail to load, unless the page gives `geo`/`geo-src`.
 */
const noWorldOutlines = () => ({
  name: 'parsec-no-world-outlines',
  enforce: 'pre' as const,
  resolveId(id: string) {
    return /^world-atlas\//.test(id) ? '\0parsec-no-world-outlines' : null;
  },
  load(id: string) {
    return id === '\0parsec-no-world-outlines'
      ? "throw new Error('world outlines are not in the classic-script build: use the module files or geo-src');"
      : null;
  },
});

/**
 * A classic script is decoded in the page's charset (a module is always UTF-8): the classic file is written in ASCII,
 * every other character as a `\\u` escape, so that "Ségou" stays "Ségou" on a page declared ISO-8859-1 or not at all.
 */
const asciiOnly = () => ({
  name: 'parsec-ascii-only',
  generateBundle(_: unknown, bundle: Record<string, { type: string; code?: string }>) {
    for (const file of Object.values(bundle))
      if (file.type === 'chunk' && file.code)
        file.code = file.code.replace(
          /[\u0080-\uffff]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        );
  },
});

export default defineConfig(({ mode }) =>
  mode === 'cdn'
    ? {
        plugins: [minifyTemplates(), minifyCssTemplates(), boxStylesheet()],
        // ES modules with every dependency inside, split so that a page pays only for the widgets it shows
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: true,
          target: 'es2022',
          minify: true,
          lib: { entry: cdnEntries, formats: ['es'] },
          rolldownOptions: {
            output: {
              minify: true,
              entryFileNames: '[name].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
              // what every widget needs (Lit, the base element, controllers, checks of the data, words) in one file
              // rather than six: fewer requests and better compression (the autoloader page −1.4 KB gzip); a module
              // only some widgets share stays in its own chunk
              codeSplitting: { groups: [{ name: 'core', minShareCount: 4 }] },
            },
          },
        },
      }
    : mode === 'bundle' || mode === 'iife'
      ? {
          plugins:
            mode === 'iife'
              ? [noWorldOutlines(), minifyTemplates(), minifyCssTemplates(), asciiOnly()]
              : [cleanBundleChunks(), minifyTemplates(), minifyCssTemplates(), boxStylesheet()],
          // one self-contained file for plain pages: Lit, the d3 parts used, validation, the default dataset
          build: {
            outDir: 'dist',
            emptyOutDir: false,
            target: 'es2022',
            minify: true,
            lib: {
              entry: 'src/bundle.ts',
              name: 'ParsecWidgets',
              formats: [mode === 'iife' ? 'iife' : 'es'],
              fileName: () => (mode === 'iife' ? 'parsec-widgets.iife.js' : 'parsec-widgets.js'),
            },
            // as the CDN files: what the bundle shares with its lazy chunks stays in it (one file at first)
            rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true } },
          },
        }
      : {
          plugins: [minifyTemplates(), minifyCssTemplates()],
          // ESM per entry for npm users; dependencies stay external
          build: {
            outDir: 'dist/esm',
            emptyOutDir: true,
            target: 'es2022',
            sourcemap: true,
            lib: { entry: entries, formats: ['es'] },
            rolldownOptions: {
              external,
              output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
            },
          },
        },
);
