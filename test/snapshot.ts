import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, type TemplateResult } from 'lit';
import { expect } from 'vitest';

/** Where the goldens live: one standalone file per case, openable in a browser. */
export const OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');

/**
 * Renders a lit template into a detached element and returns stable, readable markup for a file snapshot:
 * lit's comment markers removed, numbers rounded to 2 decimals, one tag per line. The one normaliser of every golden.
 */
export function snapshotMarkup(template: TemplateResult): string {
  const host = document.createElement('div');
  render(template, host);
  return normalise(host.innerHTML);
}

function normalise(markup: string): string {
  return markup
    .replace(/<!--[^>]*-->/g, '')
    .replace(/(\d+\.\d{3,})/g, (m) => String(Math.round(Number(m) * 100) / 100))
    .replace(/>\s*</g, '>\n<')
    .replace(/\s+\n/g, '\n')
    .trim()
    .concat('\n');
}

/** A neutral look for goldens opened in a browser (the widgets' own styles live in their shadow roots). */
const GOLDEN_STYLE =
  '<style>text{font:12px sans-serif;fill:#1b1f24}rect,path,circle,polygon{fill:#9fb7cc;stroke:#fff}' +
  '[class~=hatch],[class~=focus-ring]{fill:none}line{stroke:#57606a}</style>';

/** A markup made standalone: the root `<svg>` gets its namespace and a neutral style; anything else is wrapped. */
function standalone(markup: string): string {
  const ns = 'xmlns="http://www.w3.org/2000/svg"';
  if (/^<svg[\s>]/.test(markup) && !markup.slice(markup.indexOf('>') + 1).includes('<svg'))
    return markup.replace(/^<svg/, `<svg ${ns}`).replace(/>\n/, `>\n${GOLDEN_STYLE}\n`);
  return `<svg ${ns}>\n${GOLDEN_STYLE}\n<foreignObject width="100%" height="100%">\n<div xmlns="http://www.w3.org/1999/xhtml">\n${markup}</div>\n</foreignObject>\n</svg>\n`;
}

function updating(): 'all' | 'new' | 'none' {
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: 'all' | 'new' | 'none' };
  return state?._updateSnapshot ?? 'none';
}

function compare(file: string, actual: string, changedFile: string): void {
  const mode = updating();
  const golden = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (golden === actual) {
    if (existsSync(changedFile)) rmSync(changedFile);
    return;
  }
  if (mode === 'all' || (golden === undefined && mode === 'new')) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (existsSync(changedFile)) rmSync(changedFile);
    return;
  }
  // a mismatch leaves the new picture beside the golden, to open both side by side
  writeFileSync(changedFile, actual);
  expect(
    actual,
    `${path.basename(file)} changed: see ${path.basename(changedFile)} (vitest -u to accept)`,
  ).toBe(golden ?? '(no golden yet)');
}

/**
 * Compares a rendered template with `test/output/<name>.svg`, a standalone SVG file (namespace and a neutral style)
 * that opens in a browser. On mismatch writes `<name>-changed.svg` beside it and fails; `vitest -u` accepts.
 */
export function expectSvgSnapshot(template: TemplateResult | string, name: string): void {
  const markup = typeof template === 'string' ? template : snapshotMarkup(template);
  compare(path.join(OUTPUT, `${name}.svg`), standalone(markup), path.join(OUTPUT, `${name}-changed.svg`));
}

/** Compares a layout (plain geometry) with `test/output/<name>.json`, numbers rounded to 2 decimals. */
export function expectJsonSnapshot(value: unknown, name: string): void {
  const text = `${JSON.stringify(
    value,
    (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v),
    2,
  )}\n`;
  compare(path.join(OUTPUT, `${name}.json`), text, path.join(OUTPUT, `${name}-changed.json`));
}
