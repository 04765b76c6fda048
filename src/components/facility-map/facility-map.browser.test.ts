import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import raw from '../../../data/parsec.json';
import { syntheticMap } from '../../../test/fixtures/synthetic-map';
import type { ParsecDataErrorEvent } from '../../events/data-error';
import type { ParsecHoverEvent } from '../../events/hover';
import type { ParsecSelectEvent } from '../../events/select';
import { frame, mountWidget } from '../../../test/mount';
import './facility-map';
import type { ParsecFacilityMap } from './facility-map';

const mount = (html = '<parsec-facility-map></parsec-facility-map>', width = 800) =>
  mountWidget<ParsecFacilityMap>('parsec-facility-map', html, width);
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];
const key = (el: Element | null) => (el as SVGElement | null)?.dataset.key;

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

describe('<parsec-facility-map>', () => {
  it('draws the Mopti region with the default facilities at their towns', async () => {
    const el = await mount();
    const svg = $(el, 'svg.marks[role="group"]')!;
    expect(svg.getAttribute('aria-label')).toMatch(/18 facilities and deliveries at \d+ places/);
    const keys = $$(el, '[data-key]').map(key);
    expect(keys).toEqual(expect.arrayContaining(['g:p:sevare', 'g:p:koro', 'g:p:mopti', 'g:r:mopti']));
    // Sévaré west of Koro and north of it, on screen
    const box = (k: string) => $(el, `[data-key="${k}"]`)!.getBoundingClientRect();
    expect(box('g:p:sevare').x).toBeLessThan(box('g:p:koro').x);
    expect(box('g:p:sevare').y).toBeLessThan(box('g:p:koro').y);
    expect($(el, '[data-key="g:p:koro"]')!.getAttribute('aria-label')).toMatch(/approximate location/);
    expect($(el, '.attribution')!.textContent).toBe('Natural Earth');
    expect($(el, '.note')!.textContent).toMatch(/pre-reform/);
    expect($(el, '.basemap path.region.focus')).not.toBeNull();
    expect($$(el, 'table tbody tr')).toHaveLength(18);
  });

  it('roves west to east with arrows, opens a cluster with Enter and closes it with Escape', async () => {
    const el = await mount();
    const first = $(el, '[data-key][tabindex="0"]') as SVGGElement;
    expect($$(el, '[data-key][tabindex="0"]')).toHaveLength(1);
    first.focus();
    const xs: number[] = [first.getBoundingClientRect().x];
    for (let i = 0; i < 3; i++) {
      await userEvent.keyboard('{ArrowRight}');
      await el.updateComplete;
      xs.push((el.shadowRoot!.activeElement as Element).getBoundingClientRect().x);
    }
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const sevare = $(el, '[data-key="g:p:sevare"]') as SVGGElement;
    sevare.focus();
    await el.updateComplete;
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    await el.updateComplete;
    expect(sevare.getAttribute('aria-expanded')).toBe('true');
    expect(key(el.shadowRoot!.activeElement)).toBe('i:parsec-aim-vehicles');
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(key(el.shadowRoot!.activeElement)).toBe('i:parsec-maintenance-workshop');
    expect($(el, '.tooltip')!.textContent).toMatch(/maintenance workshop/);
    await userEvent.keyboard('{Escape}'); // closes the tooltip first
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[data-key^="i:"]')).toBeNull();
    expect(key(el.shadowRoot!.activeElement)).toBe('g:p:sevare');
  });

  it('zooms with the buttons, the keyboard and Ctrl + wheel only, and resets', async () => {
    const el = await mount();
    const g = $(el, '.basemap g.zoom')!;
    expect(g.getAttribute('transform')).toBe('translate(0,0) scale(1)');
    ($(el, '.zoom-in') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.zoom.k).toBe(2);
    expect(g.getAttribute('transform')).toMatch(/scale\(2\)$/);
    const chart = $(el, '.chart')!;
    chart.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.zoom.k).toBe(2);
    expect($(el, '.wheel-hint.on')!.textContent).toMatch(/Ctrl \+ scroll/);
    const wheel = new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true });
    chart.dispatchEvent(wheel);
    await el.updateComplete;
    expect(wheel.defaultPrevented).toBe(true);
    expect(el.zoom.k).toBe(2.5);
    ($(el, '[data-key][tabindex="0"]') as SVGGElement).focus();
    await userEvent.keyboard('-');
    await el.updateComplete;
    expect(el.zoom.k).toBe(1.25);
    ($(el, '.zoom-reset') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.zoom).toEqual({ k: 1, x: 0, y: 0 });
  });

  it('filters by date with the slider and the date attribute', async () => {
    const el = await mount('<parsec-facility-map date="2019-01-01"></parsec-facility-map>');
    const label = $(el, 'svg.marks')!.getAttribute('aria-label')!;
    expect(label).not.toMatch(/^Map of the Mopti region: 18/);
    expect($(el, 'output')!.textContent).toMatch(/January 1, 2019/);
    expect($(el, 'output')!.textContent).toMatch(/dated later, hidden/);
    const input = $(el, 'input[type="range"]') as HTMLInputElement;
    expect($(el, 'label[for="date"]')!.textContent).toMatch(/Show what existed on/);
    input.value = input.max;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(el.date).toBeUndefined();
    expect($(el, 'svg.marks')!.getAttribute('aria-label')).toMatch(/18 facilities/);
    input.value = String(Number(input.min));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(el.date).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('speaks French under a French parent', async () => {
    const el = await mount('<div lang="fr"><parsec-facility-map></parsec-facility-map></div>');
    expect($(el, 'svg.marks')!.getAttribute('aria-label')).toMatch(
      /^Carte de la région de Mopti : 18 installations/,
    );
    expect($(el, '.zoom-reset')!.textContent).toMatch(/Réinitialiser/);
    expect($(el, '[data-key="g:r:mopti"]')!.getAttribute('aria-label')).toMatch(/^Région de Mopti/);
  });

  it('follows the theme attribute', async () => {
    const el = await mount('<parsec-facility-map theme="dark"></parsec-facility-map>');
    const bg = getComputedStyle(el).backgroundColor;
    expect(bg).toBe('rgb(13, 17, 23)');
  });

  it('shows Mali with region="mali" and follows resizes', async () => {
    const el = await mount('<parsec-facility-map region="mali"></parsec-facility-map>', 640);
    expect($(el, 'svg.marks')!.getAttribute('aria-label')).toMatch(/Map of Mali/);
    expect($(el, '[data-key="g:p:segou"]')).not.toBeNull();
    expect($(el, 'svg.marks')!.getAttribute('width')).toBe('640');
    (el.parentElement as HTMLElement).style.width = '401.4px';
    await frame();
    await el.updateComplete;
    expect($(el, 'svg.marks')!.getAttribute('width')).toBe('401');
  });

  it('fires parsec-select and parsec-hover with place ids', async () => {
    const el = await mount();
    const selects: ParsecSelectEvent[] = [];
    const hovers: ParsecHoverEvent[] = [];
    el.addEventListener('parsec-select', (e) => selects.push(e));
    el.addEventListener('parsec-hover', (e) => hovers.push(e));
    const koro = $(el, '[data-key="g:p:koro"]') as SVGGElement;
    koro.focus();
    await el.updateComplete;
    expect(hovers.at(-1)!.detail!.places).toEqual(['koro']);
    await userEvent.keyboard('{Enter}');
    expect(selects).toHaveLength(1);
    expect(selects[0]!.detail).toMatchObject({
      widget: 'parsec-facility-map',
      id: 'parsec-koro-border-post',
      kind: 'facility',
      places: ['koro'],
    });
    expect(selects[0]!.detail.sources.length).toBeGreaterThan(0);
  });

  it('shows invalid data as an alert with the JSON path and fires parsec-data-error', async () => {
    const bad = structuredClone(raw) as { facilities: { place: string }[] };
    bad.facilities[0]!.place = 'nowhere';
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    document.body.append(wrap);
    const el = document.createElement('parsec-facility-map');
    const errors: ParsecDataErrorEvent[] = [];
    el.addEventListener('parsec-data-error', (e) => errors.push(e));
    el.data = bad;
    wrap.append(el);
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).toContain('facilities[0].place');
    expect(errors).toHaveLength(1);
  });

  it('draws 10,000 synthetic points on canvas and keeps the layout memoised on hover', async () => {
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.style.width = '800px';
    document.body.append(wrap);
    const el = document.createElement('parsec-facility-map');
    el.data = syntheticMap(10000);
    wrap.append(el);
    await el.updateComplete;
    await frame();
    await el.updateComplete;
    expect($(el, 'canvas')).not.toBeNull();
    expect($$(el, 'svg.marks .symbol').length).toBe(0);
    const calls = el.layoutCount;
    ($(el, '[data-key][tabindex="0"]') as SVGGElement).focus();
    await el.updateComplete;
    expect(el.layoutCount).toBe(calls);
  });

  it('is axe-clean (default and with an open cluster)', async () => {
    const el = await mount();
    let r = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    expect(r.violations).toEqual([]);
    ($(el, '[data-key="g:p:sevare"]') as SVGGElement).focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    r = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    expect(r.violations).toEqual([]);
  });
});
