// The Custom Elements Manifest (custom-elements.json, made by `npm run cem`) against the components' code: every
// attribute, dispatched event, `part=` and `--parsec-*` token of a widget is listed, and nothing private is.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OTHER_GREY, PALETTE } from '../src/styles/palette';

interface Named {
  name: string;
  description?: string;
  privacy?: string;
  static?: boolean;
  type?: { text: string };
  fieldName?: string;
}
interface Declaration extends Named {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  members?: Named[];
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: (Named & { default?: string })[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { declaration: { module?: string } }[] }[];
}

const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
let manifest: Manifest;

beforeAll(() => {
  if (!existsSync('custom-elements.json'))
    execFileSync('node', ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet']);
  manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
}, 60_000);

/** Source files reached from `entry` by value imports (written independently of the manifest config). */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = read(file);
    for (const line of code.split('\n')) {
      const m = /^(?:import|export)\s+(?!type\s)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/.exec(line);
      const spec = m?.[1] ?? /^\} from '(\.{1,2}\/[^']+)'/.exec(line)?.[1];
      if (!spec || isTypeOnlyBlock(code, line)) continue;
      const base = join(dirname(file), spec);
      const next = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
      if (next) queue.push(next);
    }
  }
  return [...seen];
}
/** `} from '…'` closing a multi-line `import type {` block. */
function isTypeOnlyBlock(code: string, line: string): boolean {
  if (!line.startsWith('}')) return false;
  const end = code.indexOf(line);
  const start = code.lastIndexOf('\nimport', end);
  return /^\nimport type /.test(code.slice(start, start + 14));
}

/** Event type names by class, from `static readonly type = '…'`. */
function eventTypes(): Map<string, string> {
  const files = ['src/events', 'src/components/dataset']
    .flatMap((dir) => readdirSync(dir).map((f) => `${dir}/${f}`))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const types = new Map<string, string>();
  for (const f of files)
    for (const m of read(f).matchAll(/class (\w+) extends Event \{\s*static readonly type = '([^']+)'/g))
      types.set(m[1], m[2]);
  return types;
}

const widgets = () =>
  manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({ d, src: mod.path.replace(/^dist\/esm\/(.*)\.js$/, 'src/$1.ts') })),
  );

describe('custom-elements.json', () => {
  it('describes the five elements, at paths of the shipped files', () => {
    expect(
      widgets()
        .map((w) => w.d.tagName)
        .sort(),
    ).toEqual([
      'parsec-budget-treemap',
      'parsec-cooperant-chart',
      'parsec-dataset',
      'parsec-facility-map',
      'parsec-phase-gantt',
    ]);
    for (const mod of manifest.modules) {
      expect(mod.path).toMatch(/^dist\/esm\/.+\.js$/);
      expect(existsSync(mod.path.replace(/^dist\/esm\/(.*)\.js$/, 'src/$1.ts')), mod.path).toBe(true);
      for (const e of mod.exports ?? [])
        if (e.declaration.module) expect(e.declaration.module).toMatch(/^dist\/esm\//);
    }
  });

  it('lists only the public API', () => {
    for (const { d } of widgets()) {
      for (const m of [...(d.members ?? []), ...(d.attributes ?? [])]) {
        expect(m.name, `${d.tagName} ${m.name}`).not.toMatch(/^[#_]/);
        expect(m.privacy ?? 'public', `${d.tagName} ${m.name}`).toBe('public');
        expect(m.static, `${d.tagName} ${m.name}`).not.toBe(true);
      }
      const names = (d.members ?? []).map((m) => m.name);
      for (const hidden of [
        'render',
        'willUpdate',
        'connectedCallback',
        'styles',
        'layoutCount',
        'tableOpen',
      ])
        expect(names, d.tagName).not.toContain(hidden);
      expect(names, d.tagName).toContain('data');
    }
  });

  it('lists every attribute the code declares', () => {
    for (const { d, src } of widgets()) {
      const code = [src, 'src/components/base/parsec-element.ts']
        .filter((f) => d.tagName !== 'parsec-dataset' || f === src)
        .map(read)
        .join('\n');
      const declared = [...code.matchAll(/@property\(([^)]*)\)\s+(?:override\s+)?(\w+)/g)]
        .filter((m) => !/attribute:\s*false/.test(m[1]))
        .map((m) => /attribute:\s*'([^']+)'/.exec(m[1])?.[1] ?? m[2].toLowerCase());
      expect(declared.length).toBeGreaterThan(0);
      const listed = (d.attributes ?? []).map((a) => a.name);
      for (const a of declared) expect(listed, `${d.tagName} [${a}]`).toContain(a);
    }
  });

  it('names and types every event the code dispatches', () => {
    const types = eventTypes();
    for (const { d, src } of widgets()) {
      const dispatched = new Set(
        reachable(src).flatMap((f) => [...read(f).matchAll(/new (Parsec\w+Event)\(/g)].map((m) => m[1])),
      );
      expect(dispatched.size, d.tagName).toBeGreaterThan(0);
      const listed = new Map((d.events ?? []).map((e) => [e.name, e]));
      for (const cls of dispatched) {
        const e = listed.get(types.get(cls)!);
        expect(e, `${d.tagName} ${cls}`).toBeDefined();
        expect(e!.type?.text).toBe(cls);
        expect(e!.description, `${d.tagName} ${e!.name}`).toBeTruthy();
      }
      for (const e of d.events ?? []) expect(e.name).toMatch(/^parsec-[a-z-]+$/);
    }
  });

  it('lists every part and --parsec-* token of each widget, with a description', () => {
    // the theme's tokens (tokens.ts) and the palette's, which tokens.ts writes from palette.ts
    const themeTokens = [
      ...[...read('src/styles/tokens.ts').matchAll(/--parsec-[a-z0-9-]*[a-z0-9]\b(?!-)/g)].map((m) => m[0]),
      ...PALETTE.map((_, i) => `--parsec-color-${i + 1}`),
      '--parsec-color-other',
    ];
    expect(new Set(themeTokens).size).toBeGreaterThanOrEqual(19);
    for (const { d, src } of widgets()) {
      if (d.tagName === 'parsec-dataset') continue;
      const files = reachable(src);
      const parts = new Set(
        files.flatMap((f) => [...read(f).matchAll(/part="([a-z-]+)"/g)].map((m) => m[1])),
      );
      for (const p of [
        'base',
        'svg',
        'loading',
        'empty',
        'error',
        'table',
        'table-toggle',
        'export',
        'source',
      ])
        expect(parts, `${d.tagName} renders part ${p}`).toContain(p);
      const listedParts = new Map((d.cssParts ?? []).map((p) => [p.name, p]));
      for (const p of parts) {
        expect(listedParts.has(p), `${d.tagName} part ${p}`).toBe(true);
        expect(listedParts.get(p)!.description, `${d.tagName} part ${p}`).toBeTruthy();
      }
      const tokens = new Set([
        ...themeTokens,
        ...[...(read(src) + read(src.replace(/\.ts$/, '.styles.ts'))).matchAll(/--parsec-[a-z0-9-]+/g)].map(
          (m) => m[0],
        ),
      ]);
      const listed = new Map((d.cssProperties ?? []).map((p) => [p.name, p]));
      for (const t of tokens) expect(listed.has(t), `${d.tagName} ${t}`).toBe(true);
      expect(listed.get('--parsec-color-text')?.default).toBe('#1b1f24');
      expect(listed.get(`--parsec-color-${PALETTE.length}`)?.default).toBe(PALETTE[PALETTE.length - 1]);
      expect(listed.get('--parsec-color-other')?.default).toBe(OTHER_GREY);
      expect(listed.get('--parsec-color-text')?.description).toBeTruthy();
    }
  });
});
