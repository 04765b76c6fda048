import { afterEach, describe, expect, it } from 'vitest';
import { nigerPolice } from '../../../test/fixtures/any-programme/niger-police';
import '../budget-treemap/budget-treemap';
import type { Measure } from '../../layout/text-fit';
import type { ParsecElement } from './parsec-element';
import { DECLARED_FONT } from './warm';

/** Text is measured in the font the widget renders with: the one its styles declare, or the page's own. */

type Widget = ParsecElement<unknown> & { measure: Measure };
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const canvasWidth = (text: string, font: string) => {
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = font;
  return Math.ceil(ctx.measureText(text).width * 100) / 100;
};
const TEXT = 'Mmmm iiii 1234';

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

async function mount(setUp: (wrap: HTMLElement, el: Widget) => void) {
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.style.width = '640px';
  const el = document.createElement('parsec-budget-treemap') as unknown as Widget;
  el.setAttribute('loading', 'eager');
  el.data = structuredClone(nigerPolice) as Widget['data'];
  setUp(wrap, el);
  wrap.append(el);
  document.body.append(wrap);
  await el.updateComplete;
  return el;
}

describe('the font text is measured in', () => {
  it('the font the styles declare, as the computed style gives it back', async () => {
    const el = await mount(() => {});
    expect(getComputedStyle(el).fontFamily).toBe(DECLARED_FONT);
    expect(el.measure(TEXT, 14)).toBe(canvasWidth(TEXT, `400 14px ${DECLARED_FONT}`));
  });

  it("the page's own font (--parsec-font-family), from the frame after the first update on", async () => {
    const el = await mount((wrap) => wrap.style.setProperty('--parsec-font-family', 'monospace'));
    const first = el.measure;
    await frame();
    await el.updateComplete;
    expect(getComputedStyle(el).fontFamily).toBe('monospace');
    expect(el.measure).not.toBe(first);
    expect(el.measure(TEXT, 14)).toBe(canvasWidth(TEXT, '400 14px monospace'));
    expect(el.measure(TEXT, 14)).not.toBe(canvasWidth(TEXT, `400 14px ${DECLARED_FONT}`));
  });

  it("a change of the page's font lays the widget out again in the new font", async () => {
    const el = await mount(() => {});
    await frame();
    expect(el.measure(TEXT, 14)).toBe(canvasWidth(TEXT, `400 14px ${DECLARED_FONT}`));
    el.style.fontFamily = 'serif';
    el.requestUpdate();
    await el.updateComplete;
    await frame();
    await el.updateComplete;
    expect(el.measure(TEXT, 14)).toBe(canvasWidth(TEXT, '400 14px serif'));
  });
});
