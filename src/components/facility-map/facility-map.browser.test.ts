import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import raw from '../../../data/parsec.json';
import { maliCapitalFixture, nigerFixture, somaliaFixture } from '../../../test/fixtures/map-elsewhere';
import { malmoCity } from '../../../test/fixtures/any-programme';
import type { Dataset } from '../../schema/dataset';
import { syntheticMap } from '../../../test/fixtures/synthetic-map';
import type { ParsecDataErrorEvent } from '../../events/data-error';
import type { ParsecHoverEvent } from '../../events/hover';
import type { ParsecSelectEvent } from '../../events/select';
import { frame, framesUntil, mountWidget, wrapOf } from '../../../test/mount';
import '../dataset/dataset';
import type { ParsecDataset } from '../dataset/dataset';
import './facility-map';
import type { ParsecFacilityMap } from './facility-map';
import type { MarksLayout } from '../../layout/facility-map';
import { selectFacilityPoints } from '../../select/facility-points';
import { sourcesById, sourcesOfLists } from '../../select/sources';
import type { Source } from '../../schema/sources';

const mount = (html = '<parsec-facility-map></parsec-facility-map>', width = 800) =>
  mountWidget<ParsecFacilityMap>('parsec-facility-map', html, width);
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];
const geoOf = (el: ParsecFacilityMap) => (el as unknown as { layout: MarksLayout }).layout;
/** Waits (up to 15 s) until `ok` holds, updating the element: a geometry chunk or a page's URL may take a while. */
async function until(el: ParsecFacilityMap, ok: () => boolean): Promise<boolean> {
  for (let i = 0; i < 300; i++) {
    await el.updateComplete;
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return ok();
}
const key = (el: Element | null) => (el as SVGElement | null)?.dataset.key;

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

describe('<parsec-facility-map>', () => {
  it('lists the sources of the items drawn, each once, in first-cited order', async () => {
    const el = await mount();
    const data = raw as unknown as Dataset;
    const view = selectFacilityPoints(data);
    const lists = view.groups.flatMap((g) => g.items.map((i) => i.facility.sources));
    const got = (el as unknown as { viewSources(v: typeof view, d: Dataset): Source[] }).viewSources(
      view,
      data,
    );
    const want = sourcesOfLists(sourcesById(data), lists);
    expect(want.length).toBeGreaterThan(1);
    expect(got.map((s) => s.id)).toEqual(want.map((s) => s.id));
  });

  it('draws the Mopti region with the default facilities at their towns', async () => {
    const el = await mount();
    const svg = $(el, 'svg.marks[role="group"]')!;
    // things, not records: 48 items from the 18 entries of the data
    expect(svg.getAttribute('aria-label')).toMatch(
      /^Map: facilities and deliveries, 48 items \(18 entries\) at \d+ places/,
    );
    const keys = $$(el, '[data-key]').map(key);
    expect(keys).toEqual(expect.arrayContaining(['g:p:sevare', 'g:p:koro', 'g:p:mopti', 'g:r:mopti']));
    // Sévaré west of Koro and north of it, on screen
    const box = (k: string) => $(el, `[data-key="${k}"]`)!.getBoundingClientRect();
    expect(box('g:p:sevare').x).toBeLessThan(box('g:p:koro').x);
    expect(box('g:p:sevare').y).toBeLessThan(box('g:p:koro').y);
    expect($(el, '[data-key="g:p:koro"]')!.getAttribute('aria-label')).toMatch(/approximate location/);
    expect($(el, '.attribution')!.textContent).toBe('Natural Earth');
    // what the geometry says of its regions, then what the data says changed (from the places' admin1Reform)
    expect(
      $$(el, '.note')
        .map((n) => n.textContent)
        .join(' '),
    ).toMatch(/before the reform .* After the reform, the data puts Koro in the Bandiagara region\./);
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
    // one wheel notch (100 px) zooms by √2, the shared zoom controller's step for a notch
    expect(el.zoom.k).toBeCloseTo(2 * Math.SQRT2, 2);
    ($(el, '[data-key][tabindex="0"]') as SVGGElement).focus();
    await userEvent.keyboard('-');
    await el.updateComplete;
    expect(el.zoom.k).toBeCloseTo(Math.SQRT2, 1);
    ($(el, 'div.zoom .reset') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.zoom).toEqual({ k: 1, x: 0, y: 0 });
  });

  it('filters by date with the slider and the date attribute', async () => {
    const el = await mount('<parsec-facility-map date="2019-01-01"></parsec-facility-map>');
    const label = $(el, 'svg.marks')!.getAttribute('aria-label')!;
    expect(label).not.toMatch(/^Map of the Mopti region: 18/);
    // a month, at the precision the slider steps by
    expect($(el, 'output')!.textContent).toMatch(/^January 2019/);
    expect($(el, 'output')!.textContent).toMatch(/dated later, hidden/);
    const input = $(el, 'input[type="range"]') as HTMLInputElement;
    expect($(el, 'label[for="date"]')!.textContent).toMatch(/Show what existed on/);
    input.value = input.max;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(el.date).toBeUndefined();
    expect($(el, 'svg.marks')!.getAttribute('aria-label')).toMatch(/18 entries/);
    input.value = String(Number(input.min));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(el.date).toMatch(/^\d{4}-\d{2}$/);
  });

  it('speaks French under a French parent', async () => {
    const el = await mount('<div lang="fr"><parsec-facility-map></parsec-facility-map></div>');
    expect($(el, 'svg.marks')!.getAttribute('aria-label')).toMatch(
      /^Carte\u202f: installations et livraisons, 48 éléments \(18 entrées\)/,
    );
    expect($(el, 'div.zoom .reset')!.textContent).toMatch(/Réinitialiser/);
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
    const width = () => $(el, 'svg.marks')!.getAttribute('width');
    await framesUntil(el, () => width() === '401');
    expect(width()).toBe('401');
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
    el.data = bad as never; // invalid on purpose
    wrap.append(el);
    await el.updateComplete;
    // data the fast path does not accept is validated by zod, loaded for it (a chunk of its own): a few turns
    for (let i = 0; i < 200 && !$(el, '[role="alert"]'); i++) await new Promise((r) => setTimeout(r, 10));
    await Promise.resolve();
    expect($(el, '[role="alert"]')!.textContent).toContain('facilities[0].place');
    expect(errors).toHaveLength(1);
  });

  it('draws 10,000 synthetic points on canvas and keeps the layout memoised on hover', async () => {
    // the bundled geometry loaded by a map before it on the page (run alone, this test waited for its chunk)
    await mount();
    const wrap = wrapOf(800);
    const el = document.createElement('parsec-facility-map');
    el.data = syntheticMap(10000);
    wrap.append(el);
    await el.updateComplete;
    await frame();
    await el.updateComplete;
    expect($(el, 'canvas')).not.toBeNull();
    expect($$(el, 'svg.marks .symbol').length).toBe(0);
    const calls = el.layoutCount;
    // the labelled markers' focus targets come in idle time after the first frame (unseen until focused), with no
    // layout of their own
    expect($$(el, 'svg.marks [data-key^="g:"]').length).toBe(0);
    expect(await until(el, () => $$(el, 'svg.marks [data-key^="g:"]').length > 0)).toBe(true);
    expect($$(el, 'svg.marks [data-key^="g:"]').length).toBe(geoOf(el).canvasFocus.length);
    expect(el.layoutCount).toBe(calls);
    ($(el, '[data-key][tabindex="0"]') as SVGGElement).focus();
    await el.updateComplete;
    expect(el.layoutCount).toBe(calls);
    // a canvas marker with no element: found by the layout's hit test, pointed at with a ring, hovered
    (el.shadowRoot!.activeElement as HTMLElement).blur();
    const geo = geoOf(el);
    const labelled = new Set(geo.labels.map((l) => l.key));
    const m = geo.markers.find((x) => x.visible && !labelled.has(x.key))!;
    const hovers: ParsecHoverEvent[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e));
    const box = $(el, 'svg.marks')!.getBoundingClientRect();
    $(el, 'svg.marks')!.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: box.x + m.x + 1,
        clientY: box.y + m.y - 1,
        bubbles: true,
        composed: true,
      }),
    );
    await el.updateComplete;
    expect(hovers.at(-1)!.detail!.id).toBe(m.group.items.length > 1 ? m.group.key : m.group.items[0]!.id);
    expect($(el, 'circle.pointed')).not.toBeNull();
    expect(el.layoutCount).toBe(calls);
  });

  it('draws its map once, at its share of the box, before the first frame; a new dataset is laid out at it too', async () => {
    const wrap = wrapOf(800);
    const el = document.createElement('parsec-facility-map');
    // another dataset than the one the box's allowances were measured on: its legend and notes are not as tall
    el.data = syntheticMap(100);
    const fill = () => Math.round($(el, '[data-fill]')?.getBoundingClientRect().height ?? 0);
    // the height of the base map drawn at each frame, from the first frame that shows it
    const drawn: number[] = [];
    await new Promise<void>((done) => {
      const tick = () => {
        const svg = $(el, 'svg.basemap');
        if (svg) drawn.push(Number(svg.getAttribute('height')));
        if (drawn.length >= 4) done();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      wrap.append(el);
    });
    expect(drawn[0]).toBe(fill());
    expect(new Set(drawn).size).toBe(1);
    const layout = geoOf(el);
    el.data = syntheticMap(100);
    await el.updateComplete;
    expect(geoOf(el)).not.toBe(layout);
    expect(geoOf(el).height).toBe(drawn[0]);
  });

  it('a large map shows a zoom at once, scaled, and lays its markers out at it in the tasks after that frame', async () => {
    const wrap = wrapOf(800);
    const el = document.createElement('parsec-facility-map');
    el.data = syntheticMap(18000);
    wrap.append(el);
    // drawn, measured in its box and laid out at its share (nothing left to lay out)
    const settling = () => (el as unknown as { settling: boolean }).settling;
    const fill = () => Math.round($(el, '[data-fill]')?.getBoundingClientRect().height ?? 0);
    await until(
      el,
      () =>
        !!geoOf(el)?.canvas &&
        !!$(el, '[data-fill-kept]') &&
        geoOf(el).height === fill() &&
        !settling() &&
        geoOf(el).zoom === el.zoom &&
        // its markers' focus targets, drawn in idle time after its first frame
        !!$(el, '[data-marks] [data-key][tabindex="0"]'),
    );
    const before = geoOf(el);
    expect(before.markers.length).toBeGreaterThanOrEqual(5000);
    const first = $(el, '[data-marks] [data-key][tabindex="0"]') as SVGGElement;
    const key = first.getAttribute('data-key')!;
    first.focus();
    // the key dispatched here, so that no task of the deferred layout can run before the checks below (through the
    // browser's input pipeline, a busy machine may run them first)
    first.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, composed: true }));
    await el.updateComplete;
    // answered in this frame: the zoom is set, the base map at it, the canvas and markers scaled, the labels hidden
    expect(el.zoom.k).toBe(2);
    const drawn = geoOf(el);
    expect(drawn.zoom.k).toBe(1);
    const at = drawn.markers.find((m) => m.key === key)!;
    expect($(el, '.chart')!.classList.contains('previewing')).toBe(true);
    expect($(el, '.basemap g.zoom')!.getAttribute('transform')).toBe(
      `translate(${el.zoom.x},${el.zoom.y}) scale(2)`,
    );
    expect(($(el, 'canvas') as HTMLCanvasElement).style.transform).toMatch(/scale\(2\)/);
    // the focused marker's point is where the preview shows it: where the new layout puts it
    await until(el, () => geoOf(el).zoom === el.zoom && !settling());
    const after = geoOf(el);
    expect(after).not.toBe(before);
    expect(after.zoom.k).toBe(2);
    expect([after.width, after.height]).toEqual([drawn.width, drawn.height]);
    const moved = after.markers.find((m) => m.key === key)!;
    expect(Math.abs(moved.ax - (el.zoom.x + 2 * (at.ax - drawn.zoom.x)))).toBeLessThan(1);
    expect(Math.abs(moved.ay - (el.zoom.y + 2 * (at.ay - drawn.zoom.y)))).toBeLessThan(1);
    await el.updateComplete;
    // settled: drawn at the layout's own zoom, nothing scaled any more
    expect($(el, '.chart')!.classList.contains('previewing')).toBe(false);
    expect($(el, '.basemap g.zoom')!.getAttribute('transform')).toBe(after.transform);
    expect(($(el, 'canvas') as HTMLCanvasElement).style.transform).toBe('');
    expect($(el, 'svg.marks > g.labels')!.children.length).toBeGreaterThan(0);
    // zoomed in and out again before the layout: back to where it was, drawn at that zoom
    await userEvent.keyboard('-');
    await userEvent.keyboard('+');
    await userEvent.keyboard('-');
    await until(el, () => geoOf(el).zoom === el.zoom && !settling());
    expect(el.zoom.k).toBe(1);
    expect($(el, '.basemap g.zoom')!.getAttribute('transform')).toBe(geoOf(el).transform);
    expect(($(el, 'canvas') as HTMLCanvasElement).style.transform).toBe('');
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

  it('bug 2: SVG export has the base map, place names and the legend', async () => {
    const el = await mount();
    const text = await (await el.exportBlob('svg')).text();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    // every drawn layer, each an svg at its place: the base map (countries and regions), then the markers
    const layers = [...doc.querySelectorAll('svg svg')].filter((s) => s.getAttribute('width') === '800');
    expect(layers.length).toBeGreaterThanOrEqual(2);
    const basemap = layers.find((l) =>
      [...l.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').length > 500),
    );
    expect(basemap).toBeDefined();
    expect(basemap!.querySelectorAll('path').length).toBeGreaterThanOrEqual(10);
    const words = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
    // place names, region names and the credit drawn on the map
    expect(words).toContain('Sévaré');
    expect(words).toContain('Koro');
    expect(words.some((w) => /Ségou|Tombouctou|Timbuktu/.test(w))).toBe(true);
    expect(words).toContain('Natural Earth');
    // the legend: every entry, with its swatch
    const legend = [...el.shadowRoot!.querySelectorAll('[part="legend"] li')].map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(legend.length).toBeGreaterThan(5);
    const all = words.join(' ');
    for (const entry of legend) expect(all).toContain(entry);
    expect(words).toContain('Border management');
    // title and source line; no toolbar
    expect(words.join(' ')).toMatch(/Sources?:/);
    expect(words.join(' ')).not.toMatch(/Show what existed on|Reset view/);
  });

  it('bug 3: a linked selection from <parsec-dataset> highlights related markers', async () => {
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.style.width = '800px';
    wrap.innerHTML = '<parsec-dataset><parsec-facility-map></parsec-facility-map></parsec-dataset>';
    document.body.append(wrap);
    const provider = wrap.querySelector('parsec-dataset') as ParsecDataset;
    const el = wrap.querySelector('parsec-facility-map') as ParsecFacilityMap;
    provider.data = structuredClone(raw);
    for (let i = 0; i < 50 && !$(el, '[data-key="g:p:koro"]'); i++) {
      await frame();
      await el.updateComplete;
    }
    const cls = (k: string) => $(el, `[data-key="${k}"]`)!.classList;
    expect($$(el, '.marker.linked, .marker.dimmed')).toHaveLength(0);
    // a place chosen elsewhere: its marker outlined, the others faint
    provider.select({
      widget: 'x',
      id: 'koro',
      kind: 'place',
      label: 'Koro',
      places: ['koro'],
      sources: [],
      datum: null,
    });
    await el.updateComplete;
    expect(cls('g:p:koro').contains('linked')).toBe(true);
    expect(cls('g:p:sevare').contains('dimmed')).toBe(true);
    // a programme chosen elsewhere (a treemap tile, a Gantt phase): the markers with its items
    const eucap = raw.facilities.find((f) => f.id === 'eucap-pinasses-mopti')!.programme;
    provider.select({
      widget: 'x',
      id: 'eucap',
      kind: 'budget',
      label: 'EUCAP',
      programme: eucap,
      sources: [],
      datum: null,
    });
    await el.updateComplete;
    expect(cls('g:p:mopti').contains('linked')).toBe(true);
    expect(cls('g:p:koro').contains('dimmed')).toBe(true);
    // a marker chosen in the map itself is the shared selection, and shows as linked
    ($(el, '[data-key="g:p:koro"]') as SVGGElement).focus();
    await el.updateComplete;
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(provider.selection?.id).toBe('parsec-koro-border-post');
    expect(cls('g:p:koro').contains('linked')).toBe(true);
    // choosing it again clears the selection
    provider.select(provider.selection);
    await el.updateComplete;
    expect($$(el, '.marker.linked, .marker.dimmed')).toHaveLength(0);
  });

  it('bug 4: no-tooltip keeps parsec-hover', async () => {
    const el = await mount('<parsec-facility-map no-tooltip></parsec-facility-map>');
    const hovers: ParsecHoverEvent[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e));
    const sevare = $(el, '[data-key="g:p:sevare"]') as SVGGElement;
    const r = sevare.querySelector('.hit')!.getBoundingClientRect();
    const at = { clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: true, composed: true };
    sevare.dispatchEvent(new PointerEvent('pointermove', at));
    await el.updateComplete;
    expect(hovers.at(-1)!.detail).toMatchObject({ id: 'p:sevare', places: ['sevare'] });
    ($(el, '[data-key="g:p:koro"]') as SVGGElement).focus();
    await el.updateComplete;
    expect(hovers.at(-1)!.detail).toMatchObject({ id: 'parsec-koro-border-post', places: ['koro'] });
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(true);
  });

  it('bug 5: tooltip and highlight ring leave when keyboard focus leaves the map', async () => {
    const el = await mount();
    const outside = document.createElement('button');
    outside.textContent = 'after';
    el.parentElement!.append(outside);
    const hovers: ParsecHoverEvent[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e));
    ($(el, '[data-key="g:p:koro"]') as SVGGElement).focus();
    await el.updateComplete;
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(false);
    expect($(el, '[data-key="g:p:koro"]')!.classList.contains('active')).toBe(true);
    outside.focus();
    await el.updateComplete;
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(true);
    expect($$(el, '.mark.active')).toHaveLength(0);
    expect(hovers.at(-1)!.detail).toBeNull();
    // the same when focus goes to the map's own buttons
    ($(el, '[data-key="g:p:sevare"]') as SVGGElement).focus();
    await el.updateComplete;
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(false);
    ($(el, 'div.zoom .zoom-in') as HTMLButtonElement).focus();
    await el.updateComplete;
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(true);
    expect($$(el, '.mark.active')).toHaveLength(0);
  });

  it('bug 8: tooltips name publishers, never source ids; CSV has raw numbers and ISO dates', async () => {
    const el = await mount();
    const sourceId = /\b[SW]\d{2,3}\b/;
    const tip = () => $(el, '.tooltip')!.textContent!.replace(/\s+/g, ' ');
    ($(el, '[data-key="g:p:sevare"]') as SVGGElement).focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    await el.updateComplete;
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    // the workshop's place note cites "S001": the reader reads its publisher
    expect(tip()).toMatch(/maintenance workshop/i);
    expect(tip()).toMatch(/Town given by Expertise France/);
    expect(tip()).toMatch(/Sources: .*Expertise France/);
    expect(tip()).not.toMatch(sourceId);
    for (const k of ['g:p:koro', 'g:p:mopti-airport', 'g:r:mopti']) {
      ($(el, `[data-key="${k}"]`) as SVGGElement).focus();
      await el.updateComplete;
      expect(tip()).not.toMatch(sourceId);
    }
    const csv = await (await el.exportBlob('csv')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(19);
    expect(lines[0]).toMatch(/How many,When,Date precision,Status,Amount,Currency/);
    const cessna = lines.find((l) => l.startsWith('Cessna'))!;
    expect(cessna).toMatch(/,equipment,1,2019-04-02,exact,delivered,5000000,EUR,parsec,town,/);
    expect(cessna).not.toMatch(/April|€/);
    const json = JSON.parse(await (await el.exportBlob('json')).text()) as {
      rows: Record<string, unknown>[];
    };
    const row = json.rows.find((r) => String(r['Facility or delivery']).startsWith('Cessna'))!;
    expect(row['How many']).toBe(1);
    expect(row['When']).toBe('2019-04-02');
    expect(row['Amount']).toBe(5000000);
  });

  it('zoom buttons zoom at the focused marker, not the empty centre', async () => {
    const el = await mount();
    // in the chart's own box: a note or a toolbar line that appears with the zoom may move the chart in the page
    const centre = (k: string) => {
      const r = $(el, `[data-key="${k}"] .hit`)!.getBoundingClientRect();
      const c = $(el, '.chart')!.getBoundingClientRect();
      return { x: r.x + r.width / 2 - c.x, y: r.y + r.height / 2 - c.y };
    };
    const before = centre('g:p:koro');
    ($(el, '[data-key="g:p:koro"]') as SVGGElement).focus();
    await el.updateComplete;
    // a click on the button takes the focus from the marker: the zoom still goes to it
    await userEvent.click($(el, 'div.zoom .zoom-in') as HTMLButtonElement);
    await el.updateComplete;
    expect(el.zoom.k).toBe(2);
    const after = centre('g:p:koro');
    expect(Math.abs(after.x - before.x)).toBeLessThan(2);
    expect(Math.abs(after.y - before.y)).toBeLessThan(2);
    // the + key on a focused marker does the same
    ($(el, '[data-key="g:p:koro"]') as SVGGElement).focus();
    await userEvent.keyboard('+');
    await el.updateComplete;
    expect(el.zoom.k).toBe(4);
    const again = centre('g:p:koro');
    expect(Math.abs(again.x - before.x)).toBeLessThan(2);
    expect(Math.abs(again.y - before.y)).toBeLessThan(2);

    // Ctrl + wheel zooms at the pointer: the marker under it stays under it
    ($(el, 'div.zoom .reset') as HTMLButtonElement).click();
    await el.updateComplete;
    const p = centre('g:p:koro');
    const box = $(el, '.chart')!.getBoundingClientRect();
    $(el, '.chart')!.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -200,
        ctrlKey: true,
        clientX: box.x + p.x,
        clientY: box.y + p.y,
        bubbles: true,
        cancelable: true,
        composed: true,
      }),
    );
    await el.updateComplete;
    expect(el.zoom.k).toBe(2);
    expect(Math.abs(centre('g:p:koro').x - p.x)).toBeLessThan(2);
    expect(Math.abs(centre('g:p:koro').y - p.y)).toBeLessThan(2);

    // with no marker focused: at a marker near the centre of those in view, which stays where it was
    const fresh = await mount();
    // positions within the map (the click may scroll the page)
    const shown = () => {
      const c = $(fresh, '.chart')!.getBoundingClientRect();
      return new Map(
        $$(fresh, '.marker[data-key]').map((m) => {
          const r = m.querySelector('.hit')!.getBoundingClientRect();
          return [key(m)!, { x: r.x + r.width / 2 - c.x, y: r.y + r.height / 2 - c.y }];
        }),
      );
    };
    const start = shown();
    await userEvent.click($(fresh, 'div.zoom .zoom-in') as HTMLButtonElement);
    await fresh.updateComplete;
    expect(fresh.zoom.k).toBe(2);
    const end = shown();
    expect(end.size).toBeGreaterThan(0);
    const still = [...end].filter(([k, p]) => {
      const q = start.get(k);
      return q && Math.abs(q.x - p.x) < 2 && Math.abs(q.y - p.y) < 2;
    });
    expect(still.length).toBeGreaterThan(0);
  });

  it('drags to pan when zoomed; a mouse released outside the map does not keep dragging', async () => {
    const el = await mount();
    ($(el, 'div.zoom .zoom-in') as HTMLButtonElement).click();
    await el.updateComplete;
    const before = { ...el.zoom };
    const chart = $(el, '.chart')!;
    const r = chart.getBoundingClientRect();
    const at = (x: number, y: number, buttons: number) => ({
      clientX: r.x + x,
      clientY: r.y + y,
      pointerId: 1,
      pointerType: 'mouse',
      button: 0,
      buttons,
      bubbles: true,
      composed: true,
    });
    chart.dispatchEvent(new PointerEvent('pointerdown', at(300, 200, 1)));
    chart.dispatchEvent(new PointerEvent('pointermove', at(340, 230, 1)));
    await el.updateComplete;
    const panned = { ...el.zoom };
    expect(panned).toEqual({ k: 2, x: before.x + 40, y: before.y + 30 });
    // released outside: no pointerup reaches the map; the next move has no button down
    chart.dispatchEvent(new PointerEvent('pointermove', at(200, 100, 0)));
    await el.updateComplete;
    expect(el.zoom).toEqual(panned);
  });

  it('issue 12: the toolbar keeps its height and the map its place at every date, at 1280, 768 and 360 px', async () => {
    for (const width of [1280, 768, 360])
      for (const lang of ['en', 'fr']) {
        const el = await mount(
          `<div lang="${lang}"><parsec-facility-map></parsec-facility-map></div>`,
          width,
        );
        const input = $(el, 'input[type="range"]') as HTMLInputElement;
        const tops = new Set<number>();
        const widths = new Set<number>();
        for (let v = Number(input.min); v <= Number(input.max); v += 3) {
          input.value = String(v);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await el.updateComplete;
          tops.add(Math.round($(el, '.chart')!.getBoundingClientRect().top));
          widths.add(Math.round($(el, 'output')!.getBoundingClientRect().width));
          // never wider than the widget
          expect($(el, 'output')!.getBoundingClientRect().right).toBeLessThanOrEqual(
            el.getBoundingClientRect().right + 1,
          );
          // never a day the slider does not mean
          expect($(el, 'output')!.textContent).not.toMatch(/\b\d{1,2},? \d{4}|\b1er? \w+ \d{4}/);
        }
        expect([...tops], `${width} ${lang}`).toHaveLength(1);
        expect([...widths]).toHaveLength(1);
        document.querySelectorAll('.wrap').forEach((n) => n.remove());
      }
  });

  it('issue 12: the open data table fits its box at 1280 and 768 px, Sources column visible; the CSV keeps every column', async () => {
    // at 360 px the table keeps its facility, place, count and sources, and scrolls sideways within its box
    for (const width of [1280, 768]) {
      const el = await mount('<parsec-facility-map></parsec-facility-map>', width);
      ($(el, 'button[aria-controls="table"], .footer button') as HTMLButtonElement).click();
      await el.updateComplete;
      await el.tableComplete;
      const wrap = $(el, '#table') as HTMLElement;
      expect(wrap.classList.contains('sr-only')).toBe(false);
      expect(wrap.scrollWidth, `${width}`).toBeLessThanOrEqual(wrap.clientWidth + 1);
      if (width === 1280) {
        const heads = $$(el, 'thead th').filter((h) => (h as HTMLElement).offsetParent !== null);
        expect(heads.map((h) => h.textContent)).toContain('Sources');
        expect(heads.length).toBe(9);
        // no word is cut inside: every header keeps its words whole
        for (const h of heads)
          expect((h as HTMLElement).scrollWidth).toBeLessThanOrEqual((h as HTMLElement).clientWidth + 1);
      }
      const csv = await (await el.exportBlob('csv')).text();
      expect(csv.split('\n')[0]!.split(',').length).toBeGreaterThanOrEqual(12);
      document.querySelectorAll('.wrap').forEach((n) => n.remove());
    }
  });

  it('issue 12: every thing of the data is drawn in view or counted at an edge, and cluster numbers are the quantities', async () => {
    const el = await mount('<parsec-facility-map region="mopti"></parsec-facility-map>', 800);
    const things = (raw.facilities as { quantity?: { value: number } }[]).reduce(
      (s, f) => s + (f.quantity ? f.quantity.value : 1),
      0,
    );
    for (const zoom of [
      { k: 1, x: 0, y: 0 },
      { k: 4, x: -1200, y: -600 },
    ]) {
      el.setZoom(zoom);
      await el.updateComplete;
      const drawn = $$(el, '.marker[data-key]').reduce((s, m) => {
        const mk = geoOf(el).markers.find((x) => x.key === key(m))!;
        return s + mk.group.things;
      }, 0);
      const beyond = $$(el, '.offview').reduce((s, o) => s + Number(o.querySelector('text')!.textContent), 0);
      expect(drawn + beyond).toBe(things);
    }
    el.resetZoom();
    await el.updateComplete;
    // Mopti: 8 pinasses + 6 speedboats + 1 training space
    expect($(el, '[data-key="g:p:mopti"] .badge-in')!.textContent).toBe('15');
    // every cluster's number is the sum of its rows' counts in the data table (a row with no count is one)
    await el.tableComplete;
    const heads = $$(el, 'thead th').map((h) => h.textContent!.trim());
    const [placeCol, countCol] = [heads.indexOf('Place'), heads.indexOf('How many')];
    const byPlace = new Map<string, number>();
    for (const tr of $$(el, 'tbody tr')) {
      const cells = [...tr.children].map((c) => c.textContent!.trim());
      const n = Number(cells[countCol]!.replace(/[^\d]/g, '')) || 1;
      byPlace.set(cells[placeCol]!, (byPlace.get(cells[placeCol]!) ?? 0) + n);
    }
    for (const m of $$(el, '.marker[data-key] .badge-in')) {
      const g = geoOf(el).markers.find((x) => x.key === key(m.closest('[data-key]')))!;
      const name = geoOf(el).labels.find((l) => l.key === g.key)?.text;
      if (name) expect(Number(m.textContent), name).toBe(byPlace.get(name));
    }
    // the pinasses for Ségou, beyond the Mopti region: an edge marker says so, and takes the reader there
    const pill = $(el, '.offview') as SVGGElement;
    expect(pill.getAttribute('aria-label')).toMatch(/^4 items \(1 entry\) beyond the west edge: Ségou/);
    expect(
      $$(el, '.note')
        .map((n) => n.textContent)
        .join(' '),
    ).toMatch(/Beyond the view.*4 items/);
    pill.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect($(el, '[data-key="g:p:segou"]')).not.toBeNull();
    expect($$(el, '.offview')).toHaveLength(0);
  });

  it('issue 12: Sévaré east of Mopti, an open cluster labels every item, no text meets another (1280, 768, 360)', async () => {
    for (const width of [1280, 768, 360])
      for (const region of ['', 'mali']) {
        const el = await mount(`<parsec-facility-map region="${region}"></parsec-facility-map>`, width);
        const at = (k: string) => $(el, `[data-key="${k}"] .hit`)!.getBoundingClientRect();
        expect(at('g:p:sevare').x, `${width} ${region}`).toBeGreaterThan(at('g:p:mopti').x);
        for (const open of ['g:p:mopti', 'g:p:sevare', 'g:r:mopti']) {
          el.shadowRoot!.querySelector<SVGGElement>(`[data-key="${open}"]`)!.focus();
          await userEvent.keyboard('{Enter}');
          await el.updateComplete;
          const items = $$(el, '.item[data-key]');
          expect(items.length).toBeGreaterThan(1);
          const texts = $$(el, 'text.label');
          expect($$(el, 'text.label.item')).toHaveLength(items.length);
          const boxes = texts.map((t) => t.getBoundingClientRect());
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!;
              const b = boxes[j]!;
              const hit =
                a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
              expect(
                hit,
                `${width} ${region} ${open}: ${texts[i]!.textContent} / ${texts[j]!.textContent}`,
              ).toBe(false);
            }
          await userEvent.keyboard('{Escape}');
          await el.updateComplete;
        }
        document.querySelectorAll('.wrap').forEach((n) => n.remove());
      }
  });

  it('issue 13: other countries — every place drawn or counted, no Mopti or Mali wording, real outlines beyond the bundled map', async () => {
    for (const [name, data] of [
      ['niger', nigerFixture()],
      ['somalia', somaliaFixture()],
      ['malmo', malmoCity as unknown as Dataset],
      ['mali-south', maliCapitalFixture()],
    ] as const)
      for (const width of [1280, 360]) {
        const el = await mount('<parsec-facility-map></parsec-facility-map>', width);
        el.data = data;
        expect(await until(el, () => !!geoOf(el)), name).toBe(true);
        await frame();
        await el.updateComplete;
        const markers = geoOf(el).markers;
        const places = new Set(data.facilities.map((f) => f.place));
        expect(new Set(markers.flatMap((m) => m.group.places))).toEqual(places);
        const beyond = geoOf(el).offView.reduce((s, o) => s + o.records, 0);
        const drawn = markers.filter((m) => m.visible).reduce((s, m) => s + m.group.items.length, 0);
        expect(drawn + beyond, name).toBe(data.facilities.length);
        expect(beyond, name).toBe(0);
        const words = [
          $(el, 'svg.marks')!.getAttribute('aria-label'),
          ...$$(el, '.note, .legend, text').map((n) => n.textContent),
        ].join(' ');
        expect(words, name).not.toMatch(/Mopti|reform|Bandiagara/);
        if (name !== 'mali-south') {
          // Natural Earth's outlines (world-atlas), the country of the places as the subject; no grid, no apology
          expect($(el, 'path.graticule'), name).toBeNull();
          expect($(el, 'path.country.focus'), name).not.toBeNull();
          expect($(el, 'path.region'), name).toBeNull();
          expect($(el, '.inset-land'), name).not.toBeNull();
          expect(words).not.toMatch(/No offline base map/);
          expect($(el, '.attribution')!.textContent).toBe('Natural Earth');
        } else expect($(el, 'path.region.focus')).not.toBeNull();
        if (width === 1280 && name !== 'mali-south')
          expect(
            $$(el, '.label.country').map((n) => n.textContent),
            name,
          ).toContain({ niger: 'Niger', somalia: 'Somalia', malmo: 'Sweden' }[name]);
        document.querySelectorAll('.wrap').forEach((n) => n.remove());
      }
    // asked for the Mopti region, a map of southern Mali counts all of it at the western edge
    const el = await mount('<parsec-facility-map region="mopti"></parsec-facility-map>', 800);
    el.data = maliCapitalFixture();
    await el.updateComplete;
    await frame();
    await el.updateComplete;
    expect(geoOf(el).markers.every((m) => !m.visible)).toBe(true);
    expect(geoOf(el).offView.reduce((s, o) => s + o.records, 0)).toBe(5);
  });

  it('issue 13: an empty state when nothing can be placed', async () => {
    const el = await mount('<parsec-facility-map></parsec-facility-map>', 600);
    el.data = { ...structuredClone(raw), facilities: [] } as unknown as typeof el.data;
    await el.updateComplete;
    await frame();
    await el.updateComplete;
    expect($(el, '.state.empty, [part="empty"]') ?? $(el, '.empty')).not.toBeNull();
    expect($(el, 'svg.marks')).toBeNull();
  });

  it('issue 12: the SVG export carries the notes of what is beyond the view and the legend', async () => {
    const el = await mount('<parsec-facility-map region="mopti"></parsec-facility-map>', 800);
    const svg = await (await el.exportBlob('svg')).text();
    expect(svg).toMatch(/Beyond the view/);
    expect(svg).toMatch(/Arrow at an edge/);
    expect(svg).toMatch(/>Koro</);
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(20);
  });

  describe('a geometry the page gives (geo, geo-src)', () => {
    /** Two regions of a fictional country around Niamey and Agadez (lon/lat squares), and the country. */
    const squares = {
      type: 'FeatureCollection',
      note: { en: 'Fictional boundaries (test).', fr: 'Limites fictives (test).' },
      attribution: 'Test geometry',
      features: [
        square('west', { en: 'West Province', fr: 'Province de l’Ouest' }, 0, 12, 5, 18),
        square('east', 'East Province', 5, 12, 14, 18),
        {
          ...square('land', 'Squareland', 0, 12, 14, 18),
          properties: { id: 'land', name: 'Squareland', level: 0 },
        },
      ],
    };
    function square(id: string, name: unknown, w: number, s: number, e: number, n: number) {
      const ring = [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ];
      return {
        type: 'Feature',
        properties: { id, name },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    }
    const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const errors = (el: ParsecFacilityMap) => {
      const got: ParsecDataErrorEvent[] = [];
      el.addEventListener('parsec-data-error', (e) => got.push(e));
      return got;
    };
    const alertText = (el: ParsecFacilityMap) => $(el, '[role="alert"]')?.textContent ?? '';

    it('draws on the geo property: its regions, its names in the page language, its note and credit; no bundled or world map', async () => {
      const el = await mount('<div lang="fr"><parsec-facility-map></parsec-facility-map></div>', 800);
      el.data = nigerFixture();
      el.geo = squares;
      expect(await until(el, () => !!geoOf(el))).toBe(true);
      await frame();
      await el.updateComplete;
      expect($$(el, '.basemap path.region')).toHaveLength(2);
      expect($$(el, '.basemap path.region.focus')).toHaveLength(2);
      expect($(el, '.basemap path.graticule')).toBeNull();
      expect($(el, '.attribution')!.textContent).toBe('Test geometry');
      const labels = $$(el, '.label.region').map((n) => n.textContent);
      expect(labels.some((t) => t === 'Province de l’Ouest' || t === 'East Province')).toBe(true);
      // every place drawn, none beyond the view
      expect(geoOf(el).markers.every((m) => m.visible)).toBe(true);
      // region="east" fits that region (by id), and the summary names it as the geometry does
      el.region = 'east';
      await el.updateComplete;
      expect($(el, 'svg.marks')!.getAttribute('aria-label')).toMatch(
        /^Carte de la région d’East Province\u202f:/,
      );
      expect(geoOf(el).offView.reduce((s, o) => s + o.records, 0)).toBeGreaterThan(0);
    });

    it('loads geo-src (a GeoJSON file) and draws on it', async () => {
      const url = blobUrl(JSON.stringify(squares));
      const el = await mount(`<parsec-facility-map geo-src="${url}"></parsec-facility-map>`, 800);
      el.data = nigerFixture();
      expect(await until(el, () => !!geoOf(el))).toBe(true);
      await el.updateComplete;
      expect($$(el, '.basemap path.region')).toHaveLength(2);
      expect($(el, '.attribution')!.textContent).toBe('Test geometry');
      URL.revokeObjectURL(url);
    });

    it('a geo-src that fails, is not JSON or is not geometry: an alert saying what was expected, and parsec-data-error', async () => {
      const cases: [string, string, RegExp][] = [
        ['/no/such/geometry-404.json', 'network', /the server answered 404/],
        [
          blobUrl('{ "type": "FeatureCollection", '),
          'parse',
          /not JSON .*expected a TopoJSON or GeoJSON file/,
        ],
        [
          blobUrl(JSON.stringify({ meta: { title: { en: 'a dataset' } } })),
          'schema',
          /expected a TopoJSON Topology or a GeoJSON FeatureCollection .*got an object with no "type"/,
        ],
        [
          blobUrl(
            JSON.stringify({
              type: 'FeatureCollection',
              features: [
                { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [2, 13] } },
              ],
            }),
          ),
          'schema',
          /found no Polygon or MultiPolygon feature/,
        ],
      ];
      for (const [url, stage, message] of cases) {
        const wrap = wrapOf(600);
        const el = document.createElement('parsec-facility-map') as ParsecFacilityMap;
        const got = errors(el);
        el.setAttribute('geo-src', url);
        el.data = nigerFixture();
        wrap.append(el);
        expect(await until(el, () => got.length > 0), url).toBe(true);
        await el.updateComplete;
        expect(got[0]!.detail.stage, url).toBe(stage);
        expect(got[0]!.detail.origin).toBe(url);
        expect(got[0]!.detail.issues[0]!.message, url).toMatch(message);
        // the reader sees the error state (never a blank map), the editor the problem under "details"
        expect($(el, 'svg.marks'), url).toBeNull();
        expect(alertText(el), url).toMatch(message);
        wrap.remove();
      }
    });

    it('an invalid geo property is an error state too; a valid one set next replaces it', async () => {
      const el = await mount('<parsec-facility-map></parsec-facility-map>', 600);
      const got = errors(el);
      el.data = nigerFixture();
      el.geo = { type: 'Topology', objects: {} };
      await el.updateComplete;
      expect(await until(el, () => got.length > 0)).toBe(true);
      expect(got[0]!.detail).toMatchObject({ origin: 'geo', stage: 'schema' });
      expect(alertText(el)).toMatch(/a TopoJSON Topology needs "objects" and "arcs"/);
      el.geo = squares;
      expect(await until(el, () => !!$(el, 'svg.marks'))).toBe(true);
      expect($(el, '[role="alert"]')).toBeNull();
    });

    it('aborts the geo-src fetch when the element is removed', async () => {
      const seen: AbortSignal[] = [];
      const real = window.fetch;
      window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes('slow-geometry')) {
          seen.push(init!.signal!);
          return new Promise(() => {});
        }
        return real(input, init);
      }) as typeof fetch;
      try {
        const wrap = document.createElement('div');
        wrap.className = 'wrap';
        wrap.innerHTML = '<parsec-facility-map geo-src="/slow-geometry.json"></parsec-facility-map>';
        document.body.append(wrap);
        const el = wrap.firstElementChild as ParsecFacilityMap;
        expect(await until(el, () => seen.length > 0)).toBe(true);
        expect($(el, '.state.loading')).not.toBeNull();
        el.remove();
        await new Promise((r) => setTimeout(r, 0));
        expect(seen[0]!.aborted).toBe(true);
      } finally {
        window.fetch = real;
      }
    });
  });
});
