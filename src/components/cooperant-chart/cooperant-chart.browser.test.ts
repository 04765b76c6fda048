import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { civilianStaffDataset } from '../../../test/fixtures/civilian-staff';
import { syntheticCooperantDataset } from '../../../test/fixtures/synthetic-cooperant';
import type { ParsecDataErrorEvent } from '../../events/data-error';
import type { ParsecHoverEvent } from '../../events/hover';
import type { ParsecSelectEvent } from '../../events/select';
import '../dataset/dataset';
import { framesUntil, loaded } from '../../../test/mount';
import './cooperant-chart';
import type { ParsecCooperantChart } from './cooperant-chart';

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
const hosts: HTMLElement[] = [];

async function mount(attrs: Record<string, string> = {}, parentLang?: string): Promise<ParsecCooperantChart> {
  const parent = document.createElement('div');
  parent.style.width = '800px';
  if (parentLang) parent.lang = parentLang;
  const el = document.createElement('parsec-cooperant-chart');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  parent.append(el);
  document.body.append(parent);
  hosts.push(parent);
  await el.updateComplete;
  await loaded(el);
  await frame();
  await el.updateComplete;
  // the data table follows the chart's first paint
  if (el.rendered) await el.tableComplete;
  return el;
}
const root = (el: HTMLElement) => el.shadowRoot!;
const units = (el: HTMLElement) => [...root(el).querySelectorAll<SVGPathElement>('.unit[role="listitem"]')];
const key = (el: HTMLElement) => (root(el).activeElement as HTMLElement | null)?.dataset.key;
const press = (target: Element, k: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));

afterEach(() => {
  hosts.splice(0).forEach((h) => h.remove());
});

describe('parsec-cooperant-chart', () => {
  it('shows the 14 posts of 2011, the 5 not itemised hollow in their own group', async () => {
    const el = await mount();
    expect(units(el)).toHaveLength(14);
    expect(root(el).querySelectorAll('svg.cooperant .unit.not-itemised')).toHaveLength(5);
    const summary = root(el).querySelector('#summary')!.textContent!;
    expect(summary).toContain('14 posts in 2011, of which 9 itemised');
    expect(summary).toContain('4 in Bamako');
    expect(summary).toContain('5 not itemised');
    const lists = [...root(el).querySelectorAll('svg [role="list"]')];
    expect(lists.at(-1)!.getAttribute('aria-label')).toMatch(/^Not itemised: 5 posts/);
    expect(root(el).querySelector('svg')!.getAttribute('aria-labelledby')).toBe('summary');
    expect(root(el).querySelector('table tbody')!.querySelectorAll('tr')).toHaveLength(11);
  });

  it('is reachable with the keyboard: one tab stop, arrows, Home/End, Enter selects with place ids', async () => {
    const el = await mount();
    const stops = root(el).querySelectorAll('[tabindex="0"]');
    expect([...stops].filter((s) => s.closest('svg'))).toHaveLength(1);
    const first = units(el)[0]!;
    first.focus();
    expect(key(el)).toBe('dcm-chief@2011');
    press(first, 'ArrowRight');
    await el.updateComplete;
    expect(key(el)).toBe('dcm-chancellor@2011');
    press(root(el).activeElement!, 'ArrowDown');
    await el.updateComplete;
    expect(key(el)).toMatch(/@2011$/);
    expect(key(el)).not.toMatch(/^dcm/);
    press(root(el).activeElement!, 'End');
    await el.updateComplete;
    expect(key(el)).toBe('~not-itemised@2011#5');
    press(root(el).activeElement!, 'Home');
    await el.updateComplete;
    expect(key(el)).toBe('dcm-chief@2011');
    const selected: ParsecSelectEvent[] = [];
    document.addEventListener('parsec-select', (e) => selected.push(e), { once: true });
    press(root(el).activeElement!, 'Enter');
    expect(selected).toHaveLength(1);
    expect(selected[0]!.detail).toMatchObject({
      widget: 'parsec-cooperant-chart',
      id: 'dcm-chief',
      kind: 'post',
      places: ['bamako'],
    });
    expect(selected[0]!.detail.sources.map((s) => s.id)).toEqual(['S004']);
  });

  it('shows a tooltip and fires parsec-hover on focus, without recomputing the layout', async () => {
    const el = await mount();
    const before = el.layoutCount;
    const hovers: ParsecHoverEvent[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e));
    const u = units(el).find((x) => x.dataset.key === 'air-force-mechanic@2011')!;
    u.focus();
    await el.updateComplete;
    const tip = root(el).querySelector<HTMLElement>('.tooltip')!;
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain('Mechanic');
    expect(tip.textContent).toContain('Air Force');
    expect(tip.textContent).toContain('Bamako-Sénou');
    expect(hovers.at(-1)!.detail).toMatchObject({ id: 'air-force-mechanic', places: ['bamako-airport'] });
    const rest = units(el).find((x) => x.dataset.key === '~not-itemised@2011#1')!;
    rest.focus();
    await el.updateComplete;
    expect(tip.textContent).toContain('14 posts in 2011 but itemises 9');
    expect(hovers.at(-1)!.detail).toMatchObject({ kind: 'post-not-itemised', places: [] });
    expect(el.layoutCount).toBe(before);
  });

  it('hover with the pointer: tooltip, parsec-hover with place ids, null on leave', async () => {
    const el = await mount();
    const hovers: (ParsecHoverEvent['detail'] | null)[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e.detail));
    const u = units(el).find((x) => x.dataset.key === 'dmhta-logistics-lead@2011')!;
    const r = u.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: r.x + 4, clientY: r.y + 4 };
    u.dispatchEvent(new PointerEvent('pointermove', at));
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('.tooltip')!.textContent).toContain(
      'Logistics and maintenance',
    );
    expect(hovers.at(-1)).toMatchObject({ id: 'dmhta-logistics-lead', places: ['kati'] });
    // leaving the chart: the pointer goes out of the unit to the page
    u.dispatchEvent(new PointerEvent('pointerout', { ...at, relatedTarget: document.body }));
    await el.updateComplete;
    expect(hovers.at(-1)).toBeNull();
    expect(root(el).querySelector<HTMLElement>('.tooltip')!.hidden).toBe(true);
  });

  it('regroups by rank, service and year through the labelled select', async () => {
    const el = await mount();
    const select = root(el).querySelector('select')!;
    expect(select.labels?.[0]?.textContent).toContain('Group by');
    select.value = 'rank';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.getAttribute('group-by')).toBe('rank');
    const names = [...root(el).querySelectorAll('.label.name')].map((t) => t.textContent);
    expect(names).toEqual(['Senior officer', 'Officer', 'Non-commissioned officer', 'Not itemised']);
    el.groupBy = 'year';
    await el.updateComplete;
    expect(units(el)).toHaveLength(24);
    expect(root(el).querySelectorAll('svg.cooperant .unit.approx')).toHaveLength(10);
    expect(root(el).querySelector('#summary')!.textContent).toContain(
      '14 posts in 2011, of which 9 itemised; about 10 posts in 2016, none itemised.',
    );
    expect([...root(el).querySelectorAll('.label.count')].map((t) => t.textContent)).toEqual([
      '14 posts · 9 itemised',
      '≈ 10 posts',
    ]);
  });

  it('animates units to their new group with the Web Animations API (not on first paint)', async () => {
    const el = await mount();
    const unit = () => root(el).querySelector<SVGPathElement>('[data-key="dcm-chief@2011"]')!;
    expect(unit().getAnimations()).toHaveLength(0);
    const before = unit().getAttribute('d');
    el.groupBy = 'rank';
    await el.updateComplete;
    expect(unit().getAttribute('d')).not.toBe(before);
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const moving = units(el).filter((u) => u.getAnimations().length > 0);
    if (reduced) expect(moving).toHaveLength(0);
    else expect(moving.length).toBeGreaterThan(0);
  });

  it('shows 2016 ("about ten", none itemised) through the year control', async () => {
    const el = await mount();
    const select = root(el).querySelectorAll('select')[1]!;
    expect(select.labels?.[0]?.textContent?.trim()).toMatch(/^Year/);
    expect([...select.options].map((o) => o.value)).toEqual(['2011', '2016', 'all']);
    select.value = '2016';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(units(el)).toHaveLength(10);
    expect(root(el).querySelectorAll('svg.cooperant .unit.approx')).toHaveLength(10);
    expect(root(el).querySelector('#summary')!.textContent).toBe('About 10 posts in 2016, none itemised.');
    expect(root(el).querySelector('.label.count')!.textContent).toBe('≈ 10 posts');
  });

  it('resists aggressive global CSS', async () => {
    const style = document.createElement('style');
    style.textContent = `body { letter-spacing: 6px; text-transform: uppercase; font-style: italic; }
      svg { width: 100% !important; height: 10px !important; } rect, circle, path { fill: red !important; }
      * { box-sizing: content-box !important; } select { display: none !important; }`;
    document.head.append(style);
    try {
      const el = await mount();
      const summary = root(el).querySelector('#summary')!;
      expect(getComputedStyle(summary).textTransform).toBe('none');
      expect(getComputedStyle(summary).letterSpacing).toBe('normal');
      const shape = root(el).querySelector('svg.cooperant .unit.rank-officer')!;
      expect(getComputedStyle(shape).fill).not.toBe('rgb(255, 0, 0)');
      expect(root(el).querySelector('svg.cooperant')!.getBoundingClientRect().height).toBeGreaterThan(100);
      expect(getComputedStyle(root(el).querySelector('select')!).display).not.toBe('none');
    } finally {
      style.remove();
    }
  });

  it('links a selection through <parsec-dataset> by place id', async () => {
    const wrap = document.createElement('div');
    wrap.style.width = '700px';
    wrap.innerHTML = `<parsec-dataset><parsec-cooperant-chart class="a"></parsec-cooperant-chart>
      <parsec-cooperant-chart class="b" mode="bars"></parsec-cooperant-chart></parsec-dataset>`;
    document.body.append(wrap);
    hosts.push(wrap);
    const a = wrap.querySelector<ParsecCooperantChart>('.a')!;
    const b = wrap.querySelector<ParsecCooperantChart>('.b')!;
    await customElements.whenDefined('parsec-dataset');
    for (const el of [a, b]) await el.updateComplete;
    await frame();
    const unit = units(a).find((u) => u.dataset.key === 'dcm-chief@2011')!;
    unit.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await a.updateComplete;
    await b.updateComplete;
    const linked = [...root(a).querySelectorAll<SVGGElement>('svg.cooperant .unit.linked')].map(
      (u) => u.dataset.key,
    );
    expect(linked.sort()).toEqual([
      'dcm-chancellor@2011',
      'dcm-chief@2011',
      'emp-director-of-studies@2011',
      'garde-nationale-project-lead@2011',
    ]);
    expect(root(a).querySelectorAll('svg.cooperant .unit.dimmed')).toHaveLength(10);
    expect([...root(b).querySelectorAll<SVGGElement>('.focusable.linked')].map((g) => g.dataset.key)).toEqual(
      ['group:bamako'],
    );
  });

  it('bars mode: one focusable bar per group with counts', async () => {
    const el = await mount({ mode: 'bars', 'group-by': 'year' });
    const bars = [...root(el).querySelectorAll<SVGGElement>('.focusable[role="listitem"]')];
    expect(bars).toHaveLength(2);
    expect(bars[0]!.querySelector('.bar.solid')).not.toBeNull();
    expect(bars[0]!.querySelector('.bar.hollow')).not.toBeNull();
    expect(bars[1]!.querySelector('.bar.hollow.approx')).not.toBeNull();
    bars[0]!.focus();
    press(bars[0]!, 'ArrowDown');
    await el.updateComplete;
    expect(key(el)).toBe('group:2016');
  });

  it('speaks French from a parent lang', async () => {
    const el = await mount({}, 'fr');
    const summary = root(el).querySelector('#summary')!.textContent!;
    expect(summary).toContain('14 postes en 2011, dont 9 détaillés');
    expect(summary).toContain('4 à Bamako');
    expect(root(el).querySelector('label')!.textContent).toContain('Regrouper par');
  });

  it('follows the theme attribute', async () => {
    const el = await mount({ theme: 'light' });
    const light = getComputedStyle(el).getPropertyValue('--_bg').trim();
    el.theme = 'dark';
    await el.updateComplete;
    const dark = getComputedStyle(el).getPropertyValue('--_bg').trim();
    expect(light).not.toBe(dark);
    expect(dark).toBe('#0d1117');
  });

  it('follows its container width', async () => {
    const el = await mount();
    expect(root(el).querySelector('svg.cooperant')!.getAttribute('width')).toBe('800');
    el.parentElement!.style.width = '360px';
    const width = () => root(el).querySelector('svg.cooperant')!.getAttribute('width');
    await framesUntil(el, () => width() === '360');
    expect(width()).toBe('360');
  });

  it('draws units on canvas past 2,000 when units are asked for, keeping groups focusable', async () => {
    const el = document.createElement('parsec-cooperant-chart');
    el.mode = 'units';
    el.data = syntheticCooperantDataset(10000);
    const parent = document.createElement('div');
    parent.style.width = '800px';
    parent.append(el);
    document.body.append(parent);
    hosts.push(parent);
    await el.updateComplete;
    expect(root(el).querySelector('canvas')).not.toBeNull();
    expect(units(el)).toHaveLength(0);
    expect(root(el).querySelectorAll('.focusable[role="listitem"]').length).toBeGreaterThan(3);
    expect(root(el).querySelector('#summary')!.textContent).toContain(
      '10,000 posts in 2011, of which 8,000 itemised',
    );
    // a unit painted on canvas is found by the layout's hit test: tooltip, parsec-hover, a ring in SVG
    const hovers: (ParsecHoverEvent['detail'] | null)[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e.detail));
    const svgBox = root(el).querySelector('svg.cooperant')!.getBoundingClientRect();
    const rect = root(el).querySelector<SVGRectElement>('.focusable .hit')!;
    rect.dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        composed: true,
        clientX: svgBox.x + svgBox.width * 0.6,
        clientY: svgBox.y + 4,
      }),
    );
    await el.updateComplete;
    expect(hovers.at(-1)).toMatchObject({ kind: 'post' });
    expect(root(el).querySelector('.tooltip')!.textContent).toContain('Synthetic post');
    expect(root(el).querySelectorAll('svg.cooperant .unit-ring')).toHaveLength(1);
  });

  it('reports invalid data with its JSON path', async () => {
    const el = document.createElement('parsec-cooperant-chart');
    const errors: ParsecDataErrorEvent[] = [];
    el.addEventListener('parsec-data-error', (e) => errors.push(e));
    const bad = syntheticCooperantDataset(10) as unknown as { cooperants: { posts: { rank: string }[] } };
    bad.cooperants.posts[0]!.rank = 'general';
    el.data = bad as never; // invalid on purpose
    document.body.append(el);
    hosts.push(el);
    await el.updateComplete;
    // data the fast path does not accept is validated by zod, loaded for it (a chunk of its own): a few turns
    for (let i = 0; i < 200 && !root(el).querySelector('[role="alert"]'); i++)
      await new Promise((r) => setTimeout(r, 10));
    await Promise.resolve();
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('cooperants.posts[0].rank');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail.issues[0]!.path).toContain('cooperants.posts[0].rank');
  });

  it('has no axe violations (units, bars, French)', async () => {
    const cases: Record<string, string>[] = [{}, { mode: 'bars' }, { 'group-by': 'year' }];
    for (const attrs of cases) {
      const el = await mount(attrs);
      const r = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      expect(r.violations).toEqual([]);
    }
    const fr = await mount({ theme: 'dark' }, 'fr');
    const r = await axe.run(fr, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    expect(r.violations).toEqual([]);
  });

  it('bug 4: no-tooltip keeps parsec-hover', async () => {
    const el = await mount({ 'no-tooltip': '' });
    const hovers: (ParsecHoverEvent['detail'] | null)[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e.detail));
    const tip = root(el).querySelector<HTMLElement>('.tooltip')!;
    const u = units(el).find((x) => x.dataset.key === 'dmhta-logistics-lead@2011')!;
    const r = u.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: r.x + 4, clientY: r.y + 4 };
    u.dispatchEvent(new PointerEvent('pointermove', at));
    await el.updateComplete;
    expect(hovers.at(-1)).toMatchObject({ widget: 'parsec-cooperant-chart', id: 'dmhta-logistics-lead' });
    expect(tip.hidden).toBe(true);
    u.dispatchEvent(new PointerEvent('pointerout', { ...at, relatedTarget: document.body }));
    await el.updateComplete;
    expect(hovers.at(-1)).toBeNull();
    // keyboard focus too, and groups in bars mode
    units(el)
      .find((x) => x.dataset.key === 'air-force-mechanic@2011')!
      .focus();
    await el.updateComplete;
    expect(hovers.at(-1)).toMatchObject({ id: 'air-force-mechanic', places: ['bamako-airport'] });
    expect(tip.hidden).toBe(true);
    el.mode = 'bars';
    await el.updateComplete;
    root(el).querySelector<SVGGElement>('.focusable[data-key="group:bamako"]')!.focus();
    await el.updateComplete;
    expect(hovers.at(-1)).toMatchObject({ id: 'bamako', kind: 'group', places: ['bamako'] });
    expect(tip.hidden).toBe(true);
  });

  it('bug 5: tooltip and highlight leave when keyboard focus leaves the chart', async () => {
    const el = await mount();
    const hovers: (ParsecHoverEvent['detail'] | null)[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e.detail));
    const tip = root(el).querySelector<HTMLElement>('.tooltip')!;
    const focusUnit = async () => {
      units(el)
        .find((x) => x.dataset.key === 'dcm-chief@2011')!
        .focus();
      await el.updateComplete;
      expect(tip.hidden).toBe(false);
      expect(root(el).querySelectorAll('svg.cooperant .active')).toHaveLength(1);
    };
    // to a control of the same widget (inside its shadow root, outside the chart)
    await focusUnit();
    root(el).querySelector('select')!.focus();
    await el.updateComplete;
    expect(tip.hidden).toBe(true);
    expect(root(el).querySelectorAll('svg.cooperant .active')).toHaveLength(0);
    expect(hovers.at(-1)).toBeNull();
    // out of the widget, to the page
    await focusUnit();
    const outside = document.createElement('button');
    outside.textContent = 'next';
    hosts[0]!.append(outside);
    outside.focus();
    await el.updateComplete;
    expect(tip.hidden).toBe(true);
    expect(root(el).querySelectorAll('svg.cooperant .active')).toHaveLength(0);
    expect(hovers.at(-1)).toBeNull();
  });

  it('bug 8: tooltips name publishers, never source ids; CSV has raw numbers', async () => {
    const sourceId = /\b[SW]\d{2,3}\b/;
    const el = await mount({ 'group-by': 'year' });
    const tip = root(el).querySelector<HTMLElement>('.tooltip')!;
    for (const k of ['dcm-chief@2011', '~not-itemised@2011#1', '~not-itemised@2016#3']) {
      units(el)
        .find((x) => x.dataset.key === k)!
        .focus();
      await el.updateComplete;
      expect(tip.textContent).toContain('Ambassade de France au Mali');
      expect(tip.textContent).not.toMatch(sourceId);
    }
    expect(tip.textContent).toContain('Ambassade du Mali en France');
    const csv = await (await el.exportBlob('csv')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Role,Year,Entity,Rank,Service,Place,Posts,Precision,Sources');
    expect(lines).toHaveLength(1 + 11 + 2);
    // numbers as numbers, precision as a code, not "≈ 10" nor "14 posts"
    expect(lines.find((l) => l.startsWith('Total,2011,'))).toMatch(/^Total,2011,,,,,14,exact,/);
    expect(lines.find((l) => l.startsWith('Total,2016,'))).toMatch(/^Total,2016,,,,,10,approx,/);
    expect(lines.find((l) => l.startsWith('Not itemised,2011,'))).toMatch(/,5,derived,/);
    expect(csv).not.toContain('≈');
    // the table on screen reads the same figures formatted, with publishers
    const cells = [...root(el).querySelectorAll('#table tbody tr.total td')].map((c) =>
      c.textContent!.trim(),
    );
    expect(cells).toContain('≈ 10');
    expect(root(el).querySelector('#table')!.textContent).not.toMatch(sourceId);
    // large counts: raw digits in the CSV, grouped digits on screen
    const big = document.createElement('parsec-cooperant-chart');
    big.data = syntheticCooperantDataset(10000);
    hosts[0]!.append(big);
    await big.updateComplete;
    const bigCsv = await (await big.exportBlob('csv')).text();
    expect(bigCsv.trim().split('\r\n')).toHaveLength(1 + 8000 + 2);
    expect(bigCsv).toMatch(/\r\nTotal,2011,,,,,10000,exact,/);
    expect(bigCsv).not.toContain('10,000');
    const group = root(big).querySelector<SVGGElement>('.focusable[role="listitem"]')!;
    group.focus();
    await big.updateComplete;
    const bigTip = root(big).querySelector<HTMLElement>('.tooltip')!;
    expect(bigTip.textContent).toContain('Ambassade de France au Mali');
    expect(bigTip.textContent).not.toMatch(sourceId);
  });

  it('export SVG has the units and the legend', async () => {
    const el = await mount();
    const text = await (await el.exportBlob('svg')).text();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const words = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    // the title, the group labels, the legend entries and the source line
    expect(words[0]).toMatch(/^French military cooperant posts/);
    expect(words).toContain('Bamako');
    expect(words).toContain('5 posts (14 − 9)');
    for (const entry of ['Senior officer', 'Officer', 'Non-commissioned officer', 'Not itemised (derived)'])
      expect(words).toContain(entry);
    expect(words.some((w) => w?.includes('Ambassade de France au Mali'))).toBe(true);
    // every unit, with its shape: 14 units (3 NCO circles), in the chart's own svg
    const chart = [...doc.querySelectorAll('svg > g > svg')].find((s) =>
      s.getAttribute('viewBox')?.startsWith('0 0 800'),
    )!;
    expect(chart).toBeDefined();
    // (classes are written out as styles: units are the chart's paths, NCO circles two half arcs)
    const paths = [...chart.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '');
    expect(paths).toHaveLength(14);
    expect(paths.filter((d) => d.includes(' 0 1 0 '))).toHaveLength(3);
    // the legend swatches are drawn too (one small svg per entry, outside the chart)
    expect([...doc.querySelectorAll('svg > svg')].length).toBeGreaterThanOrEqual(4);
    // units on canvas are exported as an image under the labels
    const big = document.createElement('parsec-cooperant-chart');
    big.mode = 'units';
    big.data = syntheticCooperantDataset(3000);
    hosts[0]!.append(big);
    await big.updateComplete;
    const bigSvg = await (await big.exportBlob('svg')).text();
    expect(bigSvg).toContain('<image');
    expect(bigSvg).toContain('data:image/png');
  });

  it('"all years" draws each itemised post once and never adds the years\' counts', async () => {
    const el = await mount({ year: 'all' });
    expect(units(el)).toHaveLength(9);
    expect(root(el).querySelectorAll('svg.cooperant .unit.not-itemised')).toHaveLength(0);
    const summary = root(el).querySelector('#summary')!.textContent!;
    expect(summary).toMatch(/^9 distinct posts itemised, each counted once/);
    expect(summary).toContain('not added up: 14 posts in 2011, of which 9 itemised; about 10 posts in 2016');
    const labels = [...root(el).querySelectorAll('svg .label')].map((t) => t.textContent).join(' | ');
    expect(labels).not.toMatch(/15|24|Not itemised/);
    // small multiples by year keep each year's own count
    el.groupBy = 'year';
    await el.updateComplete;
    expect([...root(el).querySelectorAll('.label.count')].map((t) => t.textContent)).toEqual([
      '14 posts · 9 itemised',
      '≈ 10 posts',
    ]);
  });

  it('offers "Service" last, saying 8 of 9 posts have none stated', async () => {
    const el = await mount();
    const options = [...root(el).querySelector('select')!.options].map((o) => [
      o.value,
      o.textContent!.trim(),
    ]);
    expect(options.map((o) => o[0])).toEqual(['place', 'entity', 'rank', 'year', 'service']);
    expect(options.at(-1)![1]).toBe('Service (8 of 9 not stated)');
  });

  it('spells out DCM, DMHTA, EMA, EMP, DEM in the labels, the tooltip and the table', async () => {
    const el = await mount({ 'group-by': 'entity' });
    const names = [...root(el).querySelectorAll('svg .label.name')].map(
      (t) => [...t.querySelectorAll('tspan')].map((l) => l.textContent).join(' ') || t.textContent,
    );
    expect(names).toContain('DCM (Military coordination detachment)');
    expect(names).toContain('DMHTA (Armed forces directorate of equipment, fuel and transport)');
    expect(names).toContain('DEM (Directorate of military schools)');
    // labels are whole: wrapped, never cut
    expect(names.join(' ')).not.toContain('…');
    const chief = root(el).querySelector<SVGGElement>('[data-key="dcm-chief@2011"]')!;
    chief.focus();
    await el.updateComplete;
    expect(root(el).querySelector('.tooltip')!.textContent).toContain(
      'Head of the DCM (Military coordination detachment)',
    );
    const table = root(el).querySelector('#table')!.textContent!;
    for (const term of ['DCM', 'DMHTA', 'EMA', 'EMP', 'DEM'])
      expect(table.split(`${term} (`).length - 1, term).toBe(1);
  });

  it('uses the width: units grow up to 36 px, long names whole at 1280 px', async () => {
    const el = await mount();
    el.parentElement!.style.width = '1280px';
    await framesUntil(el, () => root(el).querySelector('svg.cooperant')!.getAttribute('width') === '1280');
    // the cell pitch: from one unit to the next of the same shape in a row, over the cells between them
    const first = units(el)[0]!.parentElement;
    const row = units(el)
      .filter((u) => u.parentElement === first)
      .map((u) => ({ cls: u.getAttribute('class'), box: u.getBBox() }));
    const pitches = row.flatMap((a, i) =>
      row
        .slice(i + 1)
        .flatMap((b, k) => (b.cls === a.cls && b.box.y === a.box.y ? [(b.box.x - a.box.x) / (k + 1)] : [])),
    );
    expect(pitches[0]).toBe(36);
    const names = [...root(el).querySelectorAll('svg .label.name')].map((t) => t.textContent);
    expect(names).toContain('Bamako-Sénou airport / Air Base 101');
  });

  it('past 500 posts draws bars by itself and says so; the toggle goes back to units', async () => {
    const el = document.createElement('parsec-cooperant-chart');
    el.data = syntheticCooperantDataset(600);
    const parent = document.createElement('div');
    parent.style.width = '800px';
    parent.append(el);
    document.body.append(parent);
    hosts.push(parent);
    await el.updateComplete;
    await frame();
    await el.updateComplete;
    expect(root(el).querySelector('svg.cooperant')!.classList.contains('bars')).toBe(true);
    expect(root(el).querySelector('.note[role="status"]')!.textContent).toBe(
      '600 posts: drawn as bars, too many to tell apart one by one. Choose “Units” to see each post.',
    );
    const toggle = root(el).querySelector('[role="group"].mode-toggle')!;
    expect(toggle.getAttribute('aria-label')).toBe('Show as');
    const [unitsButton, barsButton] = [...toggle.querySelectorAll('button')];
    expect(barsButton!.getAttribute('aria-pressed')).toBe('true');
    expect(unitsButton!.getAttribute('aria-pressed')).toBe('false');
    unitsButton!.click();
    await el.updateComplete;
    expect(el.mode).toBe('units');
    expect(units(el)).toHaveLength(600);
    expect(root(el).querySelector('.note')).toBeNull();
    expect(unitsButton!.getAttribute('aria-pressed')).toBe('true');
    barsButton!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('.focusable[role="listitem"]').length).toBeGreaterThan(3);
    expect(root(el).querySelector('.note')).toBeNull();
  });

  it('dark: every data mark ≥ 3:1 and every text ≥ 4.5:1 against the background it is drawn on', async () => {
    const rgb = (c: string): number[] => {
      const m = c.match(/[\d.]+/g)!.map(Number);
      return m.slice(0, 3);
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const measured: Record<string, number> = {};
    // an explicit theme (its own panel), and no theme on a dark page (no box: the page's background under the marks)
    for (const theme of ['dark', 'light', 'page-dark']) {
      const page = theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)';
      document.body.style.background = page;
      const el = await mount(theme === 'page-dark' ? { 'group-by': 'year' } : { theme, 'group-by': 'year' });
      el.parentElement!.style.background = page;
      await frame();
      await el.updateComplete;
      // the background the marks are drawn on: the widget's own, else the host page's
      const own = getComputedStyle(root(el).querySelector('[part="base"]') ?? el).backgroundColor;
      const bg = own === 'rgba(0, 0, 0, 0)' || own === 'transparent' ? page : own;
      for (const shape of root(el).querySelectorAll<SVGElement>('svg.cooperant .unit')) {
        const cs = getComputedStyle(shape);
        const hollow = shape.closest('.not-itemised');
        const colour = hollow ? cs.stroke : cs.fill;
        const r = ratio(colour, bg);
        const k = `${theme} ${hollow ? 'hollow' : shape.classList[2]}`;
        measured[k] = Math.round(Math.min(measured[k] ?? 99, r) * 100) / 100;
        expect(r, `${k} ${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
      }
      for (const text of root(el).querySelectorAll<SVGTextElement>('svg.cooperant .label')) {
        const r = ratio(getComputedStyle(text).fill, bg);
        measured[`${theme} text`] = Math.round(Math.min(measured[`${theme} text`] ?? 99, r) * 100) / 100;
        expect(r, `label ${text.textContent}`).toBeGreaterThanOrEqual(4.5);
      }
      for (const p of root(el).querySelectorAll<HTMLElement>('.summary, .legend li'))
        expect(ratio(getComputedStyle(p).color, bg)).toBeGreaterThanOrEqual(4.5);
      el.mode = 'bars';
      await el.updateComplete;
      for (const bar of root(el).querySelectorAll<SVGElement>('svg.cooperant .bar')) {
        const cs = getComputedStyle(bar);
        const colour = bar.classList.contains('hollow') ? cs.stroke : cs.fill;
        const k = `${theme} bar ${bar.classList[1]}`;
        const r = ratio(colour, bg);
        measured[k] = Math.round(Math.min(measured[k] ?? 99, r) * 100) / 100;
        expect(r, k).toBeGreaterThanOrEqual(3);
      }
    }
    document.body.style.background = '';
    console.log('contrast', JSON.stringify(measured));
  });

  it('runs on another dataset (fictional civilian advisers): distinct posts, rank and service last', async () => {
    const el = await mount({ year: 'all' });
    el.data = civilianStaffDataset;
    await el.updateComplete;
    await frame();
    await el.updateComplete;
    expect(units(el)).toHaveLength(6);
    expect(root(el).querySelector('#summary')!.textContent).toMatch(/^6 distinct posts itemised/);
    const options = [...root(el).querySelector('select')!.options].map((o) => o.textContent!.trim());
    expect(options.slice(-2)).toEqual(['Rank (6 of 6 not stated)', 'Service (6 of 6 not stated)']);
    const years = [...root(el).querySelectorAll('select')[1]!.options].map((o) => o.value);
    expect(years).toEqual(['2019', '2020', '2021', 'all']);
    el.year = '2021';
    await el.updateComplete;
    expect(root(el).querySelector('#summary')!.textContent).toMatch(
      /^4 posts itemised in 2021, no total given/,
    );
  });
});
