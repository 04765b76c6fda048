import { afterEach, describe, expect, it } from 'vitest';
import '../components/budget-treemap/budget-treemap';
import '../components/phase-gantt/phase-gantt';
import type { ParsecElement } from '../components/base/parsec-element';
import { twelveProgrammes } from '../../test/fixtures/twelve-programmes';
import { OTHER_GREY, PALETTE } from '../styles/palette';
import { frame } from '../../test/mount';

/**
 * The drawn colours of twelve programmes: programme n has palette colour n in the treemap and in the Gantt, the
 * eleventh and twelfth the "Other" grey, in both themes; `--parsec-color-N` still overrides a colour everywhere.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

afterEach(() => document.querySelectorAll('.wrap').forEach((w) => w.remove()));

async function mount(tag: string, theme: string, style = ''): Promise<ParsecElement<unknown>> {
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.style.width = '768px';
  if (style) wrap.style.cssText += style;
  document.body.append(wrap);
  const el = document.createElement(tag) as ParsecElement<unknown>;
  el.setAttribute('loading', 'eager');
  el.setAttribute('lang', 'en');
  el.setAttribute('theme', theme);
  el.data = structuredClone(twelveProgrammes) as Json;
  wrap.append(el);
  await el.updateComplete;
  for (let i = 0; i < 500 && !el.shadowRoot?.querySelector('svg[part="svg"]'); i++)
    await new Promise((r) => setTimeout(r, 20));
  // what follows the first frame: the Gantt's rows below its viewport, the data table
  await frame();
  await el.updateComplete;
  if (el.rendered) await el.tableComplete;
  await el.updateComplete;
  return el;
}

const hex = (rgb: string) => {
  const m = rgb.match(/\d+/g)!.slice(0, 3).map(Number);
  return `#${m.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
};

/** The fill of each programme's main mark: the treemap's depth-1 tile, the Gantt's group bar. */
async function fills(tag: string, theme: string, style = ''): Promise<Map<string, string>> {
  const el = await mount(tag, theme, style);
  const root = el.shadowRoot!;
  const out = new Map<string, string>();
  if (tag === 'parsec-budget-treemap') {
    for (const g of root.querySelectorAll<SVGGElement>('.tile.depth-1[data-key$="-total"]')) {
      const rect = g.querySelector('rect')!;
      out.set(g.dataset.key!.replace('-total', ''), hex(getComputedStyle(rect).fill));
    }
  } else {
    // a programme's group row: its summary bar, keyed by the programme id
    for (const g of root.querySelectorAll<SVGGElement>('.row.group')) {
      const bar = g.querySelector('rect.summary');
      if (bar) out.set(g.dataset.key!.replace(/^\w+:/, ''), hex(getComputedStyle(bar).fill));
    }
  }
  return out;
}

describe('programme colours drawn', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: the treemap and the Gantt give each programme the same colour; past the tenth the grey`, async () => {
      const treemap = await fills('parsec-budget-treemap', theme);
      const gantt = await fills('parsec-phase-gantt', theme);
      const want = (i: number) => (i < PALETTE.length ? PALETTE[i]! : OTHER_GREY);
      twelveProgrammes.programmes.forEach((p, i) => {
        if (treemap.has(p.id)) expect(treemap.get(p.id), `treemap ${p.short}`).toBe(want(i));
      });
      // the treemap draws the 7 largest on their own (Kilo, the eleventh, among them)
      expect(treemap.get('p11')).toBe(OTHER_GREY);
      expect(treemap.size).toBe(7);
      expect(gantt.size).toBe(12);
      twelveProgrammes.programmes.forEach((p, i) =>
        expect(gantt.get(p.id), `gantt ${p.short}`).toBe(want(i)),
      );
    });
  }

  it('--parsec-color-2 set by the page recolours programme 2 in both widgets', async () => {
    const style = '--parsec-color-2: #123456;';
    expect((await fills('parsec-budget-treemap', 'light', style)).get('p02')).toBe('#123456');
    expect((await fills('parsec-phase-gantt', 'light', style)).get('p02')).toBe('#123456');
  });
});
