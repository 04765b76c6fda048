// Custom Elements Manifest (`npm run cem`): the public API of the elements, for Storybook's docs and controls, editors,
// and the React / Vue typings generated from it (dist/types/react.d.ts, dist/types/vue.d.ts).
// The analyzer reads JSDoc (`@fires`, `@csspart`, `@cssprop`, `@slot`); the `parsecPublicApi` plugin below then
//   - keeps only the public API: no private, protected, `#` or `_` members, no statics, no Lit lifecycle, no @internal;
//   - names and types every event from its class (`static readonly type = 'parsec-…'` in src/events and the dataset);
//   - adds the parts every widget inherits from the base element and the `--parsec-*` theme tokens of
//     src/styles/tokens.ts (with their light defaults), and the widget's own tokens found in its styles;
//   - points module paths at the shipped files (`dist/esm/….js`) instead of `src/….ts`.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8') : '');

/** Parts rendered by the base element for every widget, with what they are. */
const BASE_PARTS = {
  base: 'The wrapper of everything.',
  svg: 'The chart.',
  legend: 'The legend under the chart.',
  title: 'The title above the chart (shown in print and exports).',
  loading: 'The placeholder shown while the dataset loads (its height is reserved, so nothing shifts).',
  empty: 'The message shown when the dataset has nothing to draw.',
  error: 'The error message (`role="alert"`), with the JSON path of each problem.',
  tooltip: 'The tooltip.',
  table: 'The data table (always present for screen readers).',
  'table-toggle': 'The button that shows or hides the data table.',
  'export-toggle': 'The button that opens the download choices.',
  export: 'The download choices (SVG, PNG, CSV).',
  source: 'The source line.',
};

/** What each theme token of src/styles/tokens.ts sets. */
const TOKEN_TEXT = {
  '--parsec-color-text': 'Text colour.',
  '--parsec-color-muted': 'Secondary text: notes, axis labels, the source line.',
  '--parsec-color-background': 'Background of the widget.',
  '--parsec-color-surface': 'Background of the tooltip, buttons and table header.',
  '--parsec-color-border': 'Borders and rules.',
  '--parsec-color-accent': 'Links, the selected mark and linked highlights.',
  '--parsec-color-focus': 'The keyboard focus ring.',
  '--parsec-color-error': 'The error message.',
  '--parsec-color-on-mark': 'Text written on a coloured mark.',
  '--parsec-color-unknown': 'Marks whose category is not stated.',
  '--parsec-font-family': 'Font family.',
  '--parsec-font-size': 'Base font size.',
  '--parsec-radius': 'Corner radius of buttons, the tooltip and the table.',
};
TOKEN_TEXT['--parsec-color-other'] =
  'The neutral of "Other" groups and of programmes past the palette (a colour is never reused).';

/** The programme palette of src/styles/palette.ts: its colours (`--parsec-color-1` …) and the "Other" grey. */
function paletteTokens() {
  const text = read('src/styles/palette.ts');
  const list = /export const PALETTE = \[([\s\S]*?)\]/.exec(text)?.[1] ?? '';
  const colours = [...list.matchAll(/'(#[0-9a-fA-F]{3,8})'/g)].map((m) => m[1]);
  const found = new Map(colours.map((c, i) => [`--parsec-color-${i + 1}`, c]));
  const other = /export const OTHER_GREY = '(#[0-9a-fA-F]{3,8})'/.exec(text)?.[1];
  if (other) found.set('--parsec-color-other', other);
  return found;
}

/**
 * Theme tokens with their light default, read from the first `var(--parsec-x, default)` in tokens.ts, and the
 * palette's (tokens.ts writes those from palette.ts).
 */
function themeTokens() {
  const found = new Map();
  for (const m of read('src/styles/tokens.ts').matchAll(/var\((--parsec-[a-z0-9-]+),\s*([^;]+?)\);/g)) {
    if (!found.has(m[1])) found.set(m[1], m[2].trim());
  }
  for (const [name, colour] of paletteTokens()) {
    found.set(name, colour);
    TOKEN_TEXT[name] ??=
      `Categorical colour ${name.slice('--parsec-color-'.length)} (programmes, kinds, ranks).`;
  }
  return found;
}

/** `static readonly type = 'parsec-…'` of every event class, by class name. */
function eventClasses() {
  const types = new Map();
  const files = [
    ...(existsSync('src/events') ? readdirSync('src/events').map((f) => `src/events/${f}`) : []),
    'src/components/dataset/dataset.ts',
  ];
  for (const f of files) {
    for (const m of read(f).matchAll(/class (\w+Event) extends Event \{\s*static readonly type = '([^']+)'/g))
      types.set(m[2], m[1]);
  }
  return types;
}

/** The source files a component reaches through relative imports (its own code, the base, controllers, renderers). */
export function reachable(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    // value imports only: `import type` brings no code
    for (const m of read(file).matchAll(
      /(?:^|\n)(?:import|export)(?!\s+type\s)[^;]*?from '(\.{1,2}\/[^']+)'/g,
    )) {
      const base = join(dirname(file), m[1]);
      const next = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
      if (next) queue.push(next);
    }
  }
  return [...seen];
}

/** What each event means, for the events a component dispatches without a `@fires` line. */
const EVENT_TEXT = {
  'parsec-select': 'A mark was chosen (click, tap, Enter, Space).',
  'parsec-hover': 'The pointer or focus entered a mark (`detail`) or left the chart (`null`).',
  'parsec-data-error': 'The dataset could not be loaded or is invalid; `detail.issues` lists each problem.',
  'parsec-warning': 'An attribute could not be used as given; `detail` names it and the fallback used.',
  'parsec-path-change': 'The reader drilled in or out; `detail.path` lists the ids from the root.',
  'parsec-selection-change': 'The shared selection changed; `detail` is the selected mark or `null`.',
};

const LIFECYCLE = new Set([
  'render',
  'update',
  'updated',
  'firstUpdated',
  'willUpdate',
  'shouldUpdate',
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'createRenderRoot',
  'getUpdateComplete',
  'scheduleUpdate',
  'performUpdate',
]);

/** Public for tests, not for users. */
const INTERNAL = new Set(['layoutCount']);

const isPublic = (m) =>
  !m.static &&
  !INTERNAL.has(m.name) &&
  (!m.privacy || m.privacy === 'public') &&
  !/^[#_]/.test(m.name) &&
  !LIFECYCLE.has(m.name) &&
  !/@internal\b/.test(m.description ?? '');

/** `src/a/b.ts` or `/src/a/b` → `dist/esm/a/b.js` (the analyzer writes both forms). */
const shipped = (path) => path?.replace(/^\/?src\/(.*?)(\.ts)?$/, 'dist/esm/$1.js');

function parsecPublicApi() {
  return {
    name: 'parsec-public-api',
    packageLinkPhase({ customElementsManifest }) {
      const tokens = themeTokens();
      const events = eventClasses();
      for (const mod of customElementsManifest.modules) {
        const src = mod.path;
        for (const d of mod.declarations ?? []) {
          if (d.kind !== 'class') continue;
          if (d.members) d.members = d.members.filter(isPublic);
          if (d.superclass?.module) d.superclass.module = shipped(d.superclass.module);
          if (d.attributes)
            d.attributes = d.attributes.filter((a) => !/^[#_]/.test(a.fieldName ?? a.name ?? ''));
          if (d.customElement && d.tagName) {
            // every event class the element's code constructs, documented by `@fires` or not
            const dispatched = new Set();
            for (const f of reachable(src))
              for (const m of read(f).matchAll(/new (Parsec\w+Event)\(/g)) dispatched.add(m[1]);
            const names = new Set((d.events ?? []).map((e) => e.name));
            for (const [name, cls] of events)
              if (dispatched.has(cls) && !names.has(name))
                (d.events ??= []).push({ name, description: EVENT_TEXT[name] ?? '' });
          }
          if (d.events) {
            const byName = new Map();
            for (const e of d.events) {
              // nameless entries come from `dispatchEvent(new X(...))` without a type the analyzer can read
              if (!e.name || !events.has(e.name)) continue;
              const cls = events.get(e.name);
              const prev = byName.get(e.name);
              byName.set(e.name, {
                ...prev,
                ...e,
                description: e.description ?? prev?.description,
                type: { text: cls },
              });
            }
            d.events = [...byName.values()];
          }
          if (!d.customElement || !d.tagName || d.tagName === 'parsec-dataset') {
            continue;
          }
          // parts: the widget's own (JSDoc) and every `part="…"` its code renders (base element, renderers)
          const parts = new Map((d.cssParts ?? []).map((p) => [p.name, p]));
          const rendered = new Set(
            reachable(src).flatMap((f) => [...read(f).matchAll(/part="([a-z-]+)"/g)].map((m) => m[1])),
          );
          for (const name of rendered)
            if (!parts.has(name)) parts.set(name, { name, description: BASE_PARTS[name] ?? '' });
          d.cssParts = [...parts.values()].sort((a, b) => a.name.localeCompare(b.name));
          // tokens: the theme's, then the widget's own from its source and styles
          const props = new Map((d.cssProperties ?? []).map((p) => [p.name, p]));
          for (const [name, def] of tokens) {
            const p = props.get(name) ?? { name, description: TOKEN_TEXT[name] ?? '' };
            props.set(name, { ...p, default: p.default ?? def });
          }
          const own = read(src) + read(src.replace(/\.ts$/, '.styles.ts'));
          for (const m of own.matchAll(/(--parsec-[a-z0-9-]+)/g))
            if (!props.has(m[1])) props.set(m[1], { name: m[1], description: '' });
          d.cssProperties = [...props.values()];
        }
        for (const d of mod.declarations ?? [])
          for (const m of [...(d.members ?? []), ...(d.attributes ?? []), ...(d.events ?? [])])
            if (m.inheritedFrom?.module) m.inheritedFrom.module = shipped(m.inheritedFrom.module);
        for (const e of mod.exports ?? [])
          if (e.declaration?.module) e.declaration.module = shipped(e.declaration.module);
        // helpers exported beside an element (e.g. `sourcesById`) are not part of the package's API
        if (mod.declarations) mod.declarations = mod.declarations.filter((d) => d.kind === 'class');
        if (mod.exports)
          mod.exports = mod.exports.filter((e) => mod.declarations?.some((d) => d.name === e.name));
        mod.path = shipped(mod.path);
      }
    },
  };
}

/** A copy of the manifest for the framework typings: no read-only members (a JSX prop cannot set them). */
function settable(manifest) {
  const copy = structuredClone(manifest);
  for (const mod of copy.modules)
    for (const d of mod.declarations ?? []) if (d.members) d.members = d.members.filter((m) => !m.readonly);
  return copy;
}

/**
 * One import of every `Parsec*` name the generated file uses, each once (the generators miss or repeat some), from
 * dist/types/bundle.d.ts: the root exports no element class.
 */
function fixImports(text) {
  const body = text.replace(/^import type \{[^}]*\} from "\.\/bundle\.js";\n/m, '');
  const names = [...new Set(body.match(/\bParsec\w+\b/g) ?? [])]
    .filter((n) => !/Props$|ElementEvent$|SolidJsProps$/.test(n) && !new RegExp(`type ${n}\\b`).test(body))
    .sort();
  return body.replace(/^(import type \{ DefineComponent \} from "vue";\n)?/, (vue) => {
    return `${vue}import type {\n${names.map((n) => `  ${n},`).join('\n')}\n} from "./bundle.js";\n`;
  });
}

/**
 * Writes dist/types/react.d.ts (JSX IntrinsicElements for React 19: attributes, properties, `onparsec-*` handlers)
 * and dist/types/vue.d.ts (Vue's GlobalComponents) from the finished manifest, with maintained generators.
 */
function frameworkTypes() {
  return {
    name: 'parsec-framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = settable(customElementsManifest);
      generateJsxTypes(manifest, {
        outdir: 'dist/types',
        fileName: 'react.d.ts',
        globalTypePath: './bundle.js',
        stronglyTypedEvents: true,
      });
      // keep React's JSX namespaces only: an augmentation of a module the app lacks (preact, solid-js…) is an error
      // under `skipLibCheck: false`
      const react = readFileSync('dist/types/react.d.ts', 'utf8').replace(
        /\ndeclare (module "([^"]+)"|global) \{\n[\s\S]*?\n\}\n/g,
        (block, _what, name) => (name && /^react(\/|$)/.test(name) ? block : '\n'),
      );
      writeFileSync('dist/types/react.d.ts', fixImports(react));
      generateVuejsTypes(manifest, {
        outdir: 'dist/types',
        fileName: 'vue.d.ts',
        globalTypePath: './bundle.js',
        hideLogs: true,
      });
      // events are Event subclasses with their own `detail`, not `CustomEvent<…>` wrappers; no global JSX from Vue
      const vue = readFileSync('dist/types/vue.d.ts', 'utf8')
        .replace(/CustomEvent<(Parsec\w+Event)>/g, '$1')
        .replace(/\ndeclare global \{\n[\s\S]*?\n\}\n/g, '\n');
      writeFileSync('dist/types/vue.d.ts', fixImports(vue));
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [parsecPublicApi(), frameworkTypes()],
};
