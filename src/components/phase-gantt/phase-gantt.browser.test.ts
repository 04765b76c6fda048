import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import raw from '../../../data/parsec.json';
import { syntheticGantt } from '../../../test/fixtures/synthetic-gantt';
import { SLICED_FROM } from '../../schema/fast';
import type { ParsecDataErrorEvent } from '../../events/data-error';
import type { ParsecHoverEvent } from '../../events/hover';
import type { ParsecSelectEvent } from '../../events/select';
import { frame, mountWidget, wrapOf } from '../../../test/mount';
import './phase-gantt';
import type { ParsecPhaseGantt } from './phase-gantt';

const mount = (html = '<parsec-phase-gantt></parsec-phase-gantt>', width = 900) =>
  mountWidget<ParsecPhaseGantt>('parsec-phase-gantt', html, width);
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];
const settle = async (el: ParsecPhaseGantt) => {
  await el.updateComplete;
  await frame();
  await el.updateComplete;
};

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

describe('<parsec-phase-gantt>', () => {
  it('draws every phase, milestone and event of the default dataset, with its doubts', async () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    const el = await mount();
    const svg = $(el, 'svg[role="treegrid"]')!;
    expect(svg.getAttribute('aria-label')).toBe(
      `Timeline of ${raw.timeline.length} phases, milestones and events in 6 programmes, from 1985 to 2024.`,
    );
    // the opening window shows PARSEC; show all to draw every item in its place
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    const items = $$(el, '[role="row"][aria-level="2"]');
    expect(items.map((i) => (i as SVGElement).dataset.key).sort()).toEqual(
      raw.timeline.map((t) => t.id).sort(),
    );
    expect($$(el, '[role="row"][aria-level="1"]')).toHaveLength(6);
    const overall = $(el, '[data-key="parsec-overall"]')!;
    const label = overall.getAttribute('aria-label')!;
    expect(label).toContain('from January 30, 2017 to some time in July 2020, derived (computed');
    expect(label).toContain('also reported: some time in September 2017 (Civipol)');
    expect(label).toContain('also reported: some time in December 2023 (Civipol)');
    expect(overall.querySelector('.ghost')).not.toBeNull();
    expect(overall.textContent).toMatch(/Civipol: Dec 2023/);
    const p2 = $(el, '[data-key="parsec-phase-2-implementation"]')!;
    expect(p2.getAttribute('aria-label')).toContain('end unknown');
    expect(p2.getAttribute('aria-label')).toContain('planned end some time in 2020');
    expect(p2.querySelector('.open')).not.toBeNull();
    expect($$(el, 'svg.gantt .dep')).toHaveLength(1);
    expect($(el, 'line.asof')).not.toBeNull();
    expect($(el, 'line.today')).toBeNull();
    expect($(el, '.axis .asof-label')!.textContent).toBe('as of Sep 2024');
    expect($(el, '[part="source"]')!.textContent).toMatch(/Civipol/);
    expect($$(el, 'table tbody tr').length).toBeGreaterThan(21);
  });

  it('is reachable with Tab and moves with arrows; Left/Right fold a programme', async () => {
    const el = await mount();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.parentElement!.prepend(before);
    before.focus();
    await userEvent.keyboard('{Tab}');
    // the toolbar buttons come first, then the rows: tab until a row has focus
    for (let i = 0; i < 8 && !el.shadowRoot!.activeElement?.matches('[role="row"]'); i++)
      await userEvent.keyboard('{Tab}');
    const first = el.shadowRoot!.activeElement as SVGGElement;
    expect(first.dataset.key).toBe('group:parsec');
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as SVGGElement).dataset.key).toBe('parsec-overall');
    expect($$(el, '[tabindex="0"]:is([role="row"], [role="gridcell"])')).toHaveLength(1);
    await userEvent.keyboard('{ArrowLeft}');
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as SVGGElement).dataset.key).toBe('group:parsec');
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    expect($(el, '[data-key="group:parsec"]')!.getAttribute('aria-expanded')).toBe('false');
    expect($(el, '[data-key="parsec-overall"]')).toBeNull();
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect($(el, '[data-key="parsec-overall"]')).not.toBeNull();
    await userEvent.keyboard('{End}');
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as SVGGElement).dataset.key).toBe('eu-stabilisation-decision');
    before.remove();
  });

  it('zooms with + and −, pans with Shift+arrows, buttons and from/to; Ctrl+wheel only', async () => {
    const el = await mount();
    const whole = el.timeWindow!;
    ($(el, '[data-key="parsec-launch"]') as SVGGElement).focus();
    await userEvent.keyboard('+');
    await settle(el);
    const zoomed = el.timeWindow!;
    expect(Date.parse(zoomed.to) - Date.parse(zoomed.from)).toBeLessThan(
      (Date.parse(whole.to) - Date.parse(whole.from)) * 0.6,
    );
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await settle(el);
    expect(Date.parse(el.timeWindow!.from)).toBeGreaterThan(Date.parse(zoomed.from));
    // "Show all": the whole extent, from the 1985 agreement to the as-of date
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    expect(el.timeWindow!.from < '1985-05-06' && el.timeWindow!.to > '2024-09-30').toBe(true);
    // then the same button goes back to the opening window
    expect($(el, 'button.reset')!.textContent!.trim()).toBe('Opening view');
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    expect(el.timeWindow).toEqual(whole);
    expect($(el, 'button.reset')!.textContent!.trim()).toBe('Show all');
    ($(el, 'button.zoom-in') as HTMLButtonElement).click();
    await settle(el);
    expect(el.timeWindow).not.toEqual(whole);
    el.setAttribute('from', '2019');
    el.setAttribute('to', '2020');
    await settle(el);
    expect(el.timeWindow).toEqual({ from: '2019-01-01', to: '2021-01-01' });
    expect($$(el, '.axis text').some((t) => /Jul|Apr/.test(t.textContent!))).toBe(true);
    // a plain wheel is left to the page; Ctrl+wheel zooms
    const chart = $(el, '.chart')!;
    const plain = new WheelEvent('wheel', { deltaY: -200, cancelable: true, bubbles: true });
    chart.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(false);
    const ctrl = new WheelEvent('wheel', { deltaY: -200, ctrlKey: true, cancelable: true, bubbles: true });
    chart.dispatchEvent(ctrl);
    expect(ctrl.defaultPrevented).toBe(true);
    await settle(el);
    expect(el.timeWindow).not.toEqual({ from: '2019-01-01', to: '2021-01-01' });
  });

  it('zooms with a two-finger pinch on touch screens', async () => {
    const el = await mount();
    const whole = el.timeWindow!;
    const sc = $(el, '.scroller')!;
    const box = sc.getBoundingClientRect();
    const y = box.top + 40;
    const mid = box.left + box.width * 0.75;
    const ev = (type: string, id: number, x: number) =>
      sc.dispatchEvent(
        new PointerEvent(type, {
          pointerId: id,
          pointerType: 'touch',
          clientX: x,
          clientY: y,
          bubbles: true,
        }),
      );
    ev('pointerdown', 1, mid - 20);
    ev('pointerdown', 2, mid + 20);
    ev('pointermove', 2, mid + 40);
    ev('pointermove', 2, mid + 80);
    ev('pointerup', 1, mid - 20);
    ev('pointerup', 2, mid + 80);
    await settle(el);
    const w = el.timeWindow!;
    expect(Date.parse(w.to) - Date.parse(w.from)).toBeLessThan(Date.parse(whole.to) - Date.parse(whole.from));
  });

  it('follows lang on a parent, the theme attribute and the container width', async () => {
    const el = await mount(
      '<div lang="fr"><parsec-phase-gantt theme="dark"></parsec-phase-gantt></div>',
      700,
    );
    expect($(el, 'svg[role="treegrid"]')!.getAttribute('aria-label')).toMatch(
      new RegExp(`^Chronologie de ${raw.timeline.length} `),
    );
    expect($(el, '[data-key="parsec-launch"]')!.getAttribute('aria-label')).toContain('3 mars 2017');
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
    expect($(el, 'svg.gantt')!.getAttribute('width')).toBe('700');
    (el.closest('.wrap') as HTMLElement).style.width = '360px';
    await settle(el);
    await settle(el);
    expect($(el, 'svg.gantt')!.getAttribute('width')).toBe('360');
    // narrow: no page scroll sideways
    expect(el.scrollWidth).toBeLessThanOrEqual(360);
  });

  it('fires parsec-select and parsec-hover with the item, its place and its sources', async () => {
    const el = await mount();
    const selected: ParsecSelectEvent[] = [];
    const hovered: ParsecHoverEvent[] = [];
    el.addEventListener('parsec-select', (e) => selected.push(e));
    el.addEventListener('parsec-hover', (e) => hovered.push(e));
    const row = $(el, '[data-key="parsec-cessna-handover"]') as SVGGElement;
    row.focus();
    await el.updateComplete;
    expect(hovered.at(-1)!.detail!.id).toBe('parsec-cessna-handover');
    expect($(el, '.tooltip')!.textContent).toMatch(/April 2, 2019/);
    await userEvent.keyboard('{Enter}');
    expect(selected).toHaveLength(1);
    const d = selected[0]!.detail;
    expect(d.widget).toBe('parsec-phase-gantt');
    expect(d.kind).toBe('milestone');
    expect(d.places).toEqual(['bamako-airport']);
    expect(d.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['W06', 'S001']));
  });

  it('virtualises 10,000 rows: only the rows in view are drawn, the focused one stays', async () => {
    const el = await mount('<parsec-phase-gantt></parsec-phase-gantt>');
    el.data = syntheticGantt(10000);
    await settle(el);
    const drawn = $$(el, '[role="row"]').length;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(120);
    const sc = $(el, '.scroller') as HTMLElement;
    expect(sc.scrollHeight).toBeGreaterThan(10000 * 20);
    sc.scrollTop = 100000;
    sc.dispatchEvent(new Event('scroll'));
    await settle(el);
    const keys = $$(el, '[role="row"][aria-level="2"]').map((r) => (r as SVGGElement).dataset.key);
    expect(keys).not.toContain('syn-0');
    // the row in the tab order is still drawn
    expect($$(el, '[tabindex="0"]')).toHaveLength(1);
    expect($$(el, 'table tbody tr').length).toBeLessThanOrEqual(700);
  });

  it('first frame: the rows in view, without reading the layout; the rows below follow in the next frame', async () => {
    const wrap = wrapOf(900);
    const el = document.createElement('parsec-phase-gantt');
    el.data = syntheticGantt(300);
    // a layout read in the update (offsetHeight, clientHeight…) would be a layout of the page before the frame
    const reads = [0];
    const proto = HTMLElement.prototype;
    const desc = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
    Object.defineProperty(proto, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        if (this.classList.contains('scroller')) reads[0]!++;
        return desc.get!.call(this);
      },
    });
    try {
      wrap.append(el);
      await el.updateComplete;
      expect(reads[0]).toBe(0);
    } finally {
      delete (proto as { clientHeight?: number }).clientHeight;
    }
    const bottom = () =>
      Math.max(
        ...$$(el, 'svg.gantt [role="row"][data-key] > .hit').map((r) => Number(r.getAttribute('y')) + 26),
      );
    // the viewport's rows (760 px before it is measured), none of the 260 px below it
    expect(bottom()).toBeLessThan(760 + 26 * 2);
    await settle(el);
    const sc = $(el, '.scroller') as HTMLElement;
    expect(bottom()).toBeGreaterThan(sc.clientHeight + 200);
  });

  it('draws more rows when the scrolling area is taller than first drawn', async () => {
    const el = await mount(
      '<parsec-phase-gantt height="2200" style="--parsec-gantt-max-height: 1500px"></parsec-phase-gantt>',
    );
    el.data = syntheticGantt(300);
    await settle(el);
    await settle(el);
    const sc = $(el, '.scroller') as HTMLElement;
    expect(sc.clientHeight).toBeGreaterThan(1000);
    const bottoms = $$(el, 'svg.gantt [role="row"][data-key] > .hit').map(
      (r) => Number(r.getAttribute('y')) + Number(r.getAttribute('height')),
    );
    expect(Math.max(...bottoms)).toBeGreaterThan(sc.clientHeight + 200);
  });

  it('zooms 5,000 rows in slices: the window named at once, the rows drawn when laid out, a second zoom from the first', async () => {
    const el = await mount();
    el.data = syntheticGantt(5000);
    await settle(el);
    const span = (w: { from: string; to: string }) => Date.parse(w.to) - Date.parse(w.from);
    const before = el.timeWindow!;
    const label = () => $(el, '.toolbar .window')!.textContent;
    const busy = () => $(el, '.chart')!.getAttribute('aria-busy') === 'true';
    const l0 = label();
    expect(busy()).toBe(false);
    el.zoomBy(0.5);
    await el.updateComplete;
    expect(busy()).toBe(true);
    expect(label()).not.toBe(l0);
    expect(el.timeWindow).toEqual(before);
    // a second zoom while the first is laid out zooms from the window asked for, not from the one drawn
    el.zoomBy(0.5);
    await el.updateComplete;
    const asked = label();
    let turns = 0;
    while (busy()) {
      await new Promise((r) => setTimeout(r, 0));
      turns++;
      await el.updateComplete;
    }
    expect(turns).toBeGreaterThan(1);
    expect(label()).toBe(asked);
    const after = el.timeWindow!;
    expect(span(after) / span(before)).toBeGreaterThan(0.2);
    expect(span(after) / span(before)).toBeLessThan(0.3);
    expect($$(el, '[role="row"]').length).toBeGreaterThan(10);
  });

  it('shows invalid data as an alert with the JSON path and fires parsec-data-error', async () => {
    const bad = JSON.parse(JSON.stringify(raw));
    delete bad.timeline[9].end;
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    document.body.append(wrap);
    const el = document.createElement('parsec-phase-gantt');
    const errors: ParsecDataErrorEvent[] = [];
    el.addEventListener('parsec-data-error', (e) => errors.push(e));
    el.data = bad;
    wrap.append(el);
    await el.updateComplete;
    // data the fast path does not accept is validated by zod, loaded for it (a chunk of its own): a few turns
    for (let i = 0; i < 200 && !$(el, '[role="alert"]'); i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 0));
    const alert = $(el, '[role="alert"]')!;
    expect(alert.textContent).toContain('timeline[9].end');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail.issues[0]!.path).toBe('timeline[9].end');
  });

  it('is axe-clean (WCAG 2 A and AA), with the table open too', async () => {
    const el = await mount();
    let r = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    expect(r.violations).toEqual([]);
    ($(el, 'button[part="table-toggle"]') as HTMLButtonElement).click();
    await settle(el);
    r = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    expect(r.violations).toEqual([]);
  });

  it('never recomputes the layout on hover or focus', async () => {
    const el = await mount();
    const n = el.layoutCount;
    ($(el, '[data-key="parsec-launch"]') as SVGGElement).focus();
    await el.updateComplete;
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(el.layoutCount).toBe(n);
  });
});

describe('<parsec-phase-gantt collapsed>', () => {
  it('starts with every programme collapsed to its summary bar', async () => {
    const el = await mount('<parsec-phase-gantt collapsed="all"></parsec-phase-gantt>');
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    expect($$(el, '[role="row"][aria-expanded="false"]')).toHaveLength(6);
    expect($$(el, '[role="row"][aria-level="2"]')).toHaveLength(0);
    expect($$(el, 'svg.gantt .summary')).toHaveLength(6);
  });
});

describe('<parsec-phase-gantt as-of today>', () => {
  it('draws the as-of line at the as-of attribute, and a today line only on request', async () => {
    const el = await mount('<parsec-phase-gantt as-of="2021-06" today></parsec-phase-gantt>');
    // the opening window ends in May 2021: the as-of line shows with the whole extent
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    expect($(el, '.axis .asof-label')!.textContent).toBe('as of Jun 2021');
    expect($(el, 'svg.gantt line.today')).not.toBeNull();
    // the open phase now ends at the new as-of date
    const open = $(el, '[data-key="parsec-phase-2-implementation"] .open')!;
    const asOf = $(el, 'svg.gantt line.asof')!;
    const right = Number(open.getAttribute('x')) + Number(open.getAttribute('width'));
    expect(Math.abs(right - Number(asOf.getAttribute('x1')))).toBeLessThan(1);
  });
});

describe('<parsec-phase-gantt> issue 10 bugs', () => {
  it('a large dataset is prepared in tasks, then every row is reachable by keyboard and in the table', async () => {
    const el = await mount();
    const n = SLICED_FROM;
    const big = syntheticGantt(n) as { timeline: { end?: { alternatives?: unknown[] } }[] };
    el.data = big as never;
    await el.updateComplete;
    expect($(el, '[part="loading"]')).not.toBeNull();
    expect($(el, 'svg[role="treegrid"]')).toBeNull();
    // the page's timers turn while the rows, words, names, layout and keys are made ("Loading data…"); the table
    // after the first draw
    let turns = 0;
    while (!$(el, 'svg[role="treegrid"]')) {
      await new Promise((r) => setTimeout(r, 0));
      turns++;
      await el.updateComplete;
    }
    expect(el.preparedSteps).toBe(8);
    expect(turns).toBeGreaterThan(10);
    // the last row, far out of view, is reached with End, drawn and scrolled to
    const rows = $$(el, '[role="row"]');
    expect(rows.length).toBeLessThan(120);
    const before = document.createElement('button');
    el.parentElement!.prepend(before);
    before.focus();
    for (let i = 0; i < 9 && !el.shadowRoot!.activeElement?.matches('[role="row"]'); i++)
      await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{End}');
    await settle(el);
    const focused = el.shadowRoot!.activeElement as SVGGElement;
    expect(focused.getAttribute('role')).toBe('row');
    expect(focused.getAttribute('aria-posinset')).toBe(focused.getAttribute('aria-setsize'));
    expect(($(el, '.scroller') as HTMLElement).scrollTop).toBeGreaterThan(n * 20);
    // named like a drawn row, with its place in the tree
    expect(focused.getAttribute('aria-label')).toMatch(/\S/);
    // and every item in the table model and its CSV
    await el.tableComplete;
    const lines = big.timeline.reduce((k, i) => k + 1 + (i.end?.alternatives?.length ?? 0), 0);
    const csv = (await (await el.exportBlob('csv')).text()).trimEnd().split('\r\n');
    expect(csv).toHaveLength(lines + 1);
  });

  it('bug 1: with 2,000 items the table model and CSV export have every row', async () => {
    const el = await mount();
    const big = syntheticGantt(2000) as { timeline: { end?: { alternatives?: unknown[] } }[] };
    el.data = big as never; // the synthetic dataset, typed above by the parts the test reads
    await settle(el);
    await el.tableComplete;
    // one row per item, plus one per conflicting report (the synthetic data has them on ends only)
    const rows = big.timeline.reduce((n, i) => n + 1 + (i.end?.alternatives?.length ?? 0), 0);
    expect(rows).toBeGreaterThan(2000);
    const csvLines = async () => (await (await el.exportBlob('csv')).text()).trimEnd().split('\r\n').length;
    expect(await csvLines()).toBe(rows + 1);
    const json = JSON.parse(await (await el.exportBlob('json')).text()) as { rows: unknown[] };
    expect(json.rows).toHaveLength(rows);
    // the screen shows the first 500 and says how many there are; opening the table changes no export
    expect($$(el, '#table tbody tr')).toHaveLength(500);
    expect($(el, '.table-note')!.textContent).toMatch(
      new RegExp(rows.toLocaleString('en').replace(',', '.?')),
    );
    ($(el, 'button[part="table-toggle"]') as HTMLButtonElement).click();
    await settle(el);
    expect(await csvLines()).toBe(rows + 1);
    ($(el, 'button[part="table-toggle"]') as HTMLButtonElement).click();
    await settle(el);
    expect(await csvLines()).toBe(rows + 1);
  });

  it('bug 2: SVG export has the time axis years and the legend', async () => {
    const el = await mount();
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    const doc = new DOMParser().parseFromString(await (await el.exportBlob('svg')).text(), 'image/svg+xml');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent!.trim());
    const ticks = $$(el, '.axis .tick text').map((t) => t.textContent!.trim());
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.some((t) => /^\d{4}$/.test(t))).toBe(true);
    for (const tick of ticks) expect(texts).toContain(tick);
    expect(texts).toContain('as of Sep 2024');
    const legend = $$(el, '[part="legend"] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(legend.length).toBeGreaterThan(3);
    for (const entry of legend) expect(texts).toContain(entry);
    // the rows are there too, with their bars
    expect(doc.querySelectorAll('rect').length).toBeGreaterThan(50);
  });

  it('bug 3: a linked selection from <parsec-dataset> highlights related rows', async () => {
    await import('../dataset/dataset');
    const el = await mount('<parsec-dataset><parsec-phase-gantt></parsec-phase-gantt></parsec-dataset>');
    const ds = el.closest('parsec-dataset')!;
    await settle(el);
    // a facility chosen on the map: the rows at its place are linked, the others faded
    ds.select({
      widget: 'parsec-facility-map',
      id: 'some-facility',
      kind: 'facility',
      label: 'Bamako airport',
      places: ['bamako-airport'],
      sources: [],
      datum: null,
    });
    await settle(el);
    expect($(el, '[data-key="parsec-cessna-handover"]')!.classList.contains('linked')).toBe(true);
    expect($(el, '[data-key="parsec-launch"]')!.classList.contains('dimmed')).toBe(true);
    expect($$(el, '.row.linked').length).toBeGreaterThan(0);
    // a row chosen in the Gantt itself is shared and linked
    ds.select(null);
    await settle(el);
    expect($$(el, '.row.linked, .row.dimmed')).toHaveLength(0);
    ($(el, '[data-key="parsec-launch"]') as SVGGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true }),
    );
    await settle(el);
    expect(ds.selection?.id).toBe('parsec-launch');
    expect($(el, '[data-key="parsec-launch"]')!.classList.contains('linked')).toBe(true);
  });

  it('bug 4: no-tooltip keeps parsec-hover', async () => {
    const el = await mount('<parsec-phase-gantt no-tooltip></parsec-phase-gantt>');
    const hovered: ParsecHoverEvent[] = [];
    el.addEventListener('parsec-hover', (e) => hovered.push(e));
    const row = $(el, '[data-key="parsec-cessna-handover"]') as SVGGElement;
    const box = row.getBoundingClientRect();
    row.dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        composed: true,
        clientX: box.left + box.width / 2,
        clientY: box.top + box.height / 2,
      }),
    );
    await el.updateComplete;
    expect(hovered.at(-1)!.detail!.id).toBe('parsec-cessna-handover');
    ($(el, '[data-key="parsec-launch"]') as SVGGElement).focus();
    await el.updateComplete;
    expect(hovered.at(-1)!.detail!.id).toBe('parsec-launch');
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(true);
  });

  it('bug 8: tooltips name publishers, never source ids; CSV has raw ISO dates', async () => {
    const el = await mount();
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    const ids = raw.sources.map((s) => s.id);
    for (const key of ['parsec-overall', 'parsec-cessna-handover', 'parsec-phase-2-implementation']) {
      ($(el, `[data-key="${key}"]`) as SVGGElement).focus();
      await el.updateComplete;
      const tip = $(el, '.tooltip')!.textContent!;
      expect(tip.length).toBeGreaterThan(20);
      for (const id of ids) expect(tip).not.toMatch(new RegExp(`\\b${id}\\b`));
    }
    expect($(el, '.tooltip')!.textContent).toMatch(/Expertise France/);
    const ghosts = $$(el, '.lbl.ghost').map((t) => t.textContent!);
    expect(ghosts).toContain('Civipol: Dec 2023');
    const csv = (await (await el.exportBlob('csv')).text()).split('\r\n');
    const overall = csv.find((l) => l.startsWith('PARSEC (whole programme),'))!;
    expect(overall).toContain(',phase,parsec,2017-01-30,2020-07,42,');
    expect(csv.join('\n')).not.toMatch(/January 30, 2017|July 2020\*/);
  });
});

describe('<parsec-phase-gantt> zoom anchor', () => {
  const inside = (w: { from: string; to: string }, iso: string) =>
    Date.parse(w.from) <= Date.parse(iso) && Date.parse(iso) <= Date.parse(w.to);
  it('zooms at the focused row for keys and buttons, else among the main programme’s items', async () => {
    const el = await mount();
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    // nothing focused: the + button zooms into the main programme (PARSEC, 2017–2024), not the empty centre (2005)
    for (let i = 0; i < 3; i++) {
      ($(el, 'button.zoom-in') as HTMLButtonElement).click();
      await settle(el);
    }
    expect(inside(el.timeWindow!, '2018-06-01')).toBe(true);
    expect(inside(el.timeWindow!, '2005-01-01')).toBe(false);
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    // a focused row far from the centre (2007): keys zoom at its item, and so do the buttons once focus moves there
    ($(el, '[data-key="mcd-2007-emp-inauguration"]') as SVGGElement).focus();
    await el.updateComplete;
    await userEvent.keyboard('++');
    await settle(el);
    expect(inside(el.timeWindow!, '2007-03-26')).toBe(true);
    const span = (w: { from: string; to: string }) => Date.parse(w.to) - Date.parse(w.from);
    const before = span(el.timeWindow!);
    ($(el, 'button.zoom-in') as HTMLButtonElement).focus();
    ($(el, 'button.zoom-in') as HTMLButtonElement).click();
    await settle(el);
    expect(span(el.timeWindow!)).toBeLessThan(before * 0.6);
    expect(inside(el.timeWindow!, '2007-03-26')).toBe(true);
  });
});

describe('<parsec-phase-gantt> drag', () => {
  it('pans the time window with a drag, and the click that ends the drag selects nothing', async () => {
    const el = await mount('<parsec-phase-gantt from="2016" to="2021"></parsec-phase-gantt>');
    const before = el.timeWindow!;
    const selected: ParsecSelectEvent[] = [];
    el.addEventListener('parsec-select', (e) => selected.push(e));
    const row = $(el, '[data-key="parsec-launch"]') as SVGGElement;
    const box = row.getBoundingClientRect();
    const at = (type: string, x: number) =>
      row.dispatchEvent(
        new PointerEvent(type, {
          pointerId: 7,
          pointerType: 'mouse',
          button: 0,
          buttons: type === 'pointerup' ? 0 : 1,
          clientX: x,
          clientY: box.top + box.height / 2,
          bubbles: true,
          composed: true,
        }),
      );
    at('pointerdown', box.left + 500);
    at('pointermove', box.left + 550);
    at('pointermove', box.left + 620);
    at('pointerup', box.left + 620);
    row.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle(el);
    expect(Date.parse(el.timeWindow!.from)).toBeLessThan(Date.parse(before.from));
    expect(selected).toHaveLength(0);
  });
});

describe('<parsec-phase-gantt> wheel', () => {
  it('Ctrl + wheel zooms at the pointer: the year under it stays where it was (2010)', async () => {
    const el = await mount();
    ($(el, 'button.reset') as HTMLButtonElement).click();
    await settle(el);
    const tickX = (year: string) => {
      const t = $$(el, '.axis .tick text').find((n) => n.textContent === year);
      return t ? t.getBoundingClientRect().left + t.getBoundingClientRect().width / 2 : NaN;
    };
    const x = tickX('2010');
    expect(Number.isFinite(x)).toBe(true);
    const chart = $(el, '.chart')!;
    const y = chart.getBoundingClientRect().top + 100;
    const wheel = new WheelEvent('wheel', {
      deltaY: -200,
      ctrlKey: true,
      clientX: x,
      clientY: y,
      cancelable: true,
      bubbles: true,
    });
    chart.dispatchEvent(wheel);
    await settle(el);
    expect(wheel.defaultPrevented).toBe(true);
    expect(Math.abs(tickX('2010') - x)).toBeLessThan(2);
    expect($$(el, '.axis .tick text').length).toBeGreaterThan(2);
  });
});

describe('<parsec-phase-gantt> issue 12: publishable at first sight', () => {
  const ms = (iso: string) => Date.parse(iso);
  /** Every drawn row's name, scrolling through the rows (they are virtualised). */
  async function allNames(el: ParsecPhaseGantt): Promise<Map<string, string>> {
    const sc = $(el, '.scroller') as HTMLElement;
    const names = new Map<string, string>();
    for (let top = 0; ; top += 300) {
      sc.scrollTop = top;
      sc.dispatchEvent(new Event('scroll'));
      await settle(el);
      for (const r of $$(el, 'svg.gantt [role="row"][data-key]'))
        names.set(
          (r as SVGGElement).dataset.key!,
          [...r.querySelectorAll(':scope > text.name')].map((t) => t.textContent!).join(' '),
        );
      if (top >= sc.scrollHeight - sc.clientHeight) break;
    }
    sc.scrollTop = 0;
    sc.dispatchEvent(new Event('scroll'));
    await settle(el);
    return names;
  }
  /** Pairs of drawn texts whose boxes overlap, and texts crossed by the as-of or today line. */
  function collisions(el: ParsecPhaseGantt): string[] {
    const texts = $$(el, '.axis text, svg.gantt text:not(.head), .edge')
      .map((t) => ({ s: t.textContent!.trim(), r: t.getBoundingClientRect() }))
      .filter((b) => b.s && b.r.width > 0);
    const out: string[] = [];
    const over = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => over(a.r, b.r) && out.push(`${a.s} | ${b.s}`)));
    for (const l of $$(el, 'line.asof, line.today').map((n) => n.getBoundingClientRect()))
      for (const t of texts)
        if (t.r.left < l.left && t.r.right > l.right && over(t.r, l)) out.push(`${t.s} | line`);
    return out;
  }

  for (const width of [1280, 768, 360])
    it(`opens on PARSEC at ${width} px: its span takes ≥ 50 % of the axis, the rest is counted at the edges`, async () => {
      const el = await mount('<parsec-phase-gantt></parsec-phase-gantt>', width);
      const w = el.timeWindow!;
      const share =
        (Math.min(ms(w.to), ms('2021-02-01')) - Math.max(ms(w.from), ms('2017-01-30'))) /
        (ms(w.to) - ms(w.from));
      expect(share).toBeGreaterThanOrEqual(0.5);
      expect(ms(w.from)).toBeLessThanOrEqual(ms('2017-01-30'));
      // 6 items before (1985 to 2015), 2 after (2023, 2024): counted, and each marked in its row
      const edges = $$(el, '.edges .edge').map((b) => b.textContent!.trim());
      expect(edges).toEqual(['◂ 6 earlier (from 1985)', '2 later (to 2024) ▸']);
      const names = await allNames(el);
      expect(names.size).toBe(raw.timeline.length + 6);
      ($(el, '.edge.before') as HTMLButtonElement).click();
      await settle(el);
      expect(el.timeWindow!.from < '1985-05-06').toBe(true);
      expect($$(el, '.edges .edge')).toHaveLength(0);
    });

  it('marks each item beyond the window at its edge with its year', async () => {
    const el = await mount('<parsec-phase-gantt></parsec-phase-gantt>', 1280);
    expect($(el, '[data-key="mcd-1985-agreement"] .lbl.edge')!.textContent).toBe('◂ 1985');
    expect($(el, '[data-key="quick-impact-fiche-revised"] .lbl.edge')!.textContent).toBe('2023 ▸');
    expect($(el, '[data-key="parsec-launch"] .lbl.edge')).toBeNull();
  });

  for (const lang of ['en', 'fr'])
    for (const width of [1280, 768, 360])
      it(`has no text collision and few cut names (${lang}, ${width} px), in the opening and the whole view`, async () => {
        const el = await mount(`<div lang="${lang}"><parsec-phase-gantt></parsec-phase-gantt></div>`, width);
        expect(collisions(el)).toEqual([]);
        const names = [...(await allNames(el)).values()];
        const cut = names.filter((n) => !n || n.includes('…')).length / names.length;
        expect(cut).toBeLessThanOrEqual(width >= 1280 ? 0.1 : 0.25);
        ($(el, 'button.reset') as HTMLButtonElement).click();
        await settle(el);
        expect($(el, '.axis .asof-label')).not.toBeNull();
        expect(collisions(el)).toEqual([]);
        // French rows in French: no English short name
        if (lang === 'fr') expect(names.join(' ')).not.toMatch(/Quick-impact/);
      });

  it('never cuts the last row of the scrolling area', async () => {
    const el = await mount(
      '<parsec-phase-gantt style="--parsec-gantt-max-height: 300px"></parsec-phase-gantt>',
      1280,
    );
    await settle(el);
    const sc = $(el, '.scroller') as HTMLElement;
    expect(sc.clientHeight).toBeLessThanOrEqual(300);
    expect(sc.clientHeight).toBeGreaterThan(200);
    const top = sc.getBoundingClientRect().top;
    const bottoms = $$(el, 'svg.gantt [role="row"][data-key] > .hit').map((r) => {
      const b = r.getBoundingClientRect();
      return Math.round(b.bottom - top);
    });
    expect(bottoms).toContain(sc.clientHeight);
    const box = sc.getBoundingClientRect();
    const cut = $$(el, 'svg.gantt text').filter((t) => {
      const r = t.getBoundingClientRect();
      return r.top < box.bottom && r.bottom > box.bottom;
    });
    expect(cut).toEqual([]);
  });

  it('is a treegrid: rows then cells, arrows move by cell, Left goes back to the row', async () => {
    const el = await mount();
    const grid = $(el, 'svg.gantt')!;
    expect(grid.getAttribute('role')).toBe('treegrid');
    expect(Number(grid.getAttribute('aria-rowcount'))).toBe(raw.timeline.length + 6 + 1);
    expect($$(el, '[role="columnheader"]').map((h) => h.textContent)).toEqual([
      'Item',
      'Start',
      'End',
      'Precision and doubts',
    ]);
    const active = () => (el.shadowRoot!.activeElement as SVGGElement).dataset.key;
    ($(el, '[data-key="parsec-overall"]') as SVGGElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect(active()).toBe('parsec-overall::name');
    expect(el.shadowRoot!.activeElement!.getAttribute('role')).toBe('gridcell');
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect(active()).toBe('parsec-overall::start');
    expect(el.shadowRoot!.activeElement!.getAttribute('aria-label')).toBe('Start: January 30, 2017');
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect(el.shadowRoot!.activeElement!.getAttribute('aria-label')).toMatch(
      /^End: some time in July 2020, derived \(computed from cited figures\)$/,
    );
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect(el.shadowRoot!.activeElement!.getAttribute('aria-label')).toMatch(/Civipol/);
    await userEvent.keyboard('{ArrowDown}');
    await settle(el);
    expect(active()).toBe('parsec-phase-1-diagnostic::status');
    await userEvent.keyboard('{Home}');
    await settle(el);
    expect(active()).toBe('parsec-phase-1-diagnostic::name');
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    expect(active()).toBe('parsec-phase-1-diagnostic');
    // one tab stop, the cells of drawn rows labelled
    expect($$(el, '[tabindex="0"]:is([role="row"], [role="gridcell"])')).toHaveLength(1);
    expect(
      $$(el, '[role="row"][data-key] > [role="gridcell"]').every((c) => c.getAttribute('aria-label')),
    ).toBe(true);
    const r = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    expect(r.violations).toEqual([]);
  });

  it('is axe-clean at 360 px in French, with a cell focused and the whole extent shown', async () => {
    const el = await mount('<div lang="fr"><parsec-phase-gantt></parsec-phase-gantt></div>', 360);
    ($(el, '[data-key="parsec-launch"]') as SVGGElement).focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await settle(el);
    expect(el.shadowRoot!.activeElement!.getAttribute('aria-label')).toBe('Date\u202f: 3 mars 2017');
    ($(el, '.edge.after') as HTMLButtonElement).click();
    await settle(el);
    const r = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    expect(r.violations).toEqual([]);
  });

  it('lists in the legend only the encodings drawn in the window; no keyboard hint line', async () => {
    const el = await mount('<parsec-phase-gantt from="2019-03" to="2019-08"></parsec-phase-gantt>');
    const legend = () => $$(el, '[part="legend"] li').map((l) => l.textContent!.trim());
    // March–August 2019: milestones, the derived end is not in view, no conflicting report
    expect(legend()).not.toContain('conflicting report');
    el.removeAttribute('from');
    el.removeAttribute('to');
    await settle(el);
    expect(legend()).toContain('conflicting report');
    expect(legend().join(' ')).not.toMatch(/Ctrl|zoom/);
    expect(getComputedStyle($(el, '.hint')!).display).toBe('none');
  });

  it('exports the axis years and the legend, without the fold chevrons, the whole source line', async () => {
    const el = await mount();
    const doc = new DOMParser().parseFromString(await (await el.exportBlob('svg')).text(), 'image/svg+xml');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent!.trim());
    for (const y of ['2017', '2018', '2019', '2020', '2021']) expect(texts).toContain(y);
    expect($$(el, 'svg.gantt .chevron').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('path[d*="l4,4"]')).toHaveLength(0);
    // what lies beyond the window is counted in the file too
    expect(texts.join(' ')).toContain('◂ 6 earlier (from 1985) 2 later (to 2024) ▸');
    const source = $(el, '[part="source"]')!.textContent!.replace(/\s+/g, ' ').trim();
    const written = texts.join(' ');
    expect(written).toContain(source.slice(0, 40));
    const h = Number(doc.documentElement.getAttribute('height'));
    const last = Math.max(
      ...[...doc.querySelectorAll(':root > text')].map((t) => Number(t.getAttribute('y'))),
    );
    expect(last).toBeLessThan(h);
  });
});

describe('<parsec-phase-gantt> dark', () => {
  it('dark: data marks ≥ 3:1 and texts ≥ 4.5:1 against the background they are drawn on', async () => {
    const rgb = (c: string): number[] => {
      const m = c.match(/[\d.]+/g)!.map(Number);
      // color(srgb r g b) is in 0–1
      return c.startsWith('color(') ? m.slice(0, 3).map((v) => v * 255) : m.slice(0, 3);
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const blend = (c: number[], bg: number[], a: number) => c.map((v, i) => v * a + bg[i]! * (1 - a));
    const measured: Record<string, number> = {};
    const keep = (k: string, r: number) =>
      (measured[k] = Math.round(Math.min(measured[k] ?? 99, r) * 100) / 100);
    const el = await mount('<parsec-phase-gantt theme="dark"></parsec-phase-gantt>', 1280);
    const bg = rgb(getComputedStyle(el).backgroundColor);
    for (const [sel, prop] of [
      ['svg.gantt .bar .fill', 'fill'],
      ['svg.gantt .bar .soft', 'stroke'],
      ['svg.gantt .bar .open', 'stroke'],
      ['svg.gantt .shape', 'fill'],
      ['svg.gantt .summary', 'fill'],
      ['svg.gantt :not(text).ghost', 'stroke'],
    ] as const)
      for (const n of $$(el, sel)) {
        const cs = getComputedStyle(n);
        expect(cs[prop], `${sel} is painted`).toMatch(/\d/);
        const r = ratio(blend(rgb(cs[prop]), bg, Number(cs.opacity)), bg);
        keep(sel.split(' ').slice(1).join(' '), r);
        expect(r, `${sel} ${cs[prop]}`).toBeGreaterThanOrEqual(3);
      }
    for (const n of $$(el, 'svg.gantt text.name, svg.gantt text.lbl, .axis text')) {
      const r = ratio(rgb(getComputedStyle(n).fill), bg);
      keep('text', r);
      expect(r, n.textContent!).toBeGreaterThanOrEqual(4.5);
    }
    console.log('gantt contrast (dark)', JSON.stringify(measured));
  });
});
