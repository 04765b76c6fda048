import { afterEach, describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import '../components/budget-treemap/budget-treemap';
import '../components/cooperant-chart/cooperant-chart';
import type { ParsecElement } from '../components/base/parsec-element';
import { wellFormed } from '../util/safe-text';

/** Exports of widgets whose data holds flags, control characters, lone surrogates and spreadsheet formulas. */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const FLAGS = '🇫🇷🇲🇱🇪🇺'.repeat(12);
const NASTY = `${FLAGS}\u0000\u0007\uffff\ud800 end`;
const FORMULA = "-2+3+cmd|' /C calc'!A0";

function dataset(): Json {
  const d: Json = JSON.parse(JSON.stringify(raw));
  d.meta.title = { en: `Title ${NASTY}` };
  for (const p of d.programmes) p.name = { en: `${FORMULA} ${p.short}` };
  const top = d.budget.filter((b: Json) => !b.parent);
  top[0].label = { en: NASTY };
  top[1].label = { en: FORMULA };
  for (const e of d.cooperants.entities) e.name = { en: `=HYPERLINK("x") ${NASTY}` };
  return d;
}

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

async function mount(tag: string): Promise<ParsecElement<unknown>> {
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.style.width = '700px';
  const el = document.createElement(tag) as ParsecElement<unknown>;
  el.setAttribute('loading', 'eager');
  el.data = dataset();
  wrap.append(el);
  document.body.append(wrap);
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.tableComplete;
  return el;
}

describe('exports are safe for any text', () => {
  for (const tag of ['parsec-budget-treemap', 'parsec-cooperant-chart']) {
    it(`<${tag}>: a well-formed SVG, a PNG, a guarded CSV`, async () => {
      const el = await mount(tag);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();

      const svg = await (await el.exportBlob('svg')).text();
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).toBeNull();
      expect(svg.includes('\u0000') || svg.includes('\uffff')).toBe(false);
      // every surrogate in the file is half of a pair
      expect(wellFormed(svg)).toBe(svg);
      expect(svg).toContain('🇫🇷');

      const png = await el.exportBlob('png');
      expect(png.type).toBe('image/png');
      expect(png.size).toBeGreaterThan(1000);

      const csv = await (await el.exportBlob('csv')).text();
      expect(wellFormed(csv)).toBe(csv);
      for (const cell of csv.split(/\r\n/).flatMap((line) => line.split(','))) {
        const v = cell.replace(/^"/, '');
        expect(/^[=+\-@\t\r]/.test(v), `unguarded cell ${cell}`).toBe(false);
      }
    });
  }
});
