import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import raw from '../../../data/parsec.json';
import { syntheticBudget } from '../../../test/fixtures/synthetic-budget';
import type { ParsecDataErrorEvent } from '../../events/data-error';
import type { ParsecSelectEvent } from '../../events/select';
import { frame, framesUntil, mountWidget, wrapOf } from '../../../test/mount';
import './budget-treemap';
import type { ParsecBudgetTreemap } from './budget-treemap';

const mount = (html = '<parsec-budget-treemap></parsec-budget-treemap>', width = 800) =>
  mountWidget<ParsecBudgetTreemap>('parsec-budget-treemap', html, width);
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

describe('<parsec-budget-treemap>', () => {
  it('draws the default dataset as a labelled tree of tiles, in real Chromium', async () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    const el = await mount();
    const svg = $(el, 'svg[role="tree"]')!;
    expect(svg.getAttribute('aria-label')).toMatch(/^Treemap of budgets: All programmes/);
    const items = $$(el, '[role="treeitem"]');
    expect(items.length).toBeGreaterThanOrEqual(5);
    const parsec = items.find((i) => i.getAttribute('aria-label')!.startsWith('PARSEC'))!;
    expect(parsec.getAttribute('aria-label')).toContain('29 million euros');
    expect(parsec.getAttribute('aria-label')).toContain('also reported: 43 million euros');
    expect($(el, '.tile.rest')).not.toBeNull();
    expect($(el, '.undisclosed')!.textContent).toMatch(/amount not disclosed/);
    expect($(el, '[part="source"]')!.textContent).toMatch(/Expertise France/);
    expect($$(el, 'table tbody tr').length).toBeGreaterThan(items.length);
  });

  it('fills its container and follows resizes in whole pixels', async () => {
    const el = await mount(undefined, 640);
    expect($(el, 'svg')!.getAttribute('width')).toBe('640');
    (el.parentElement as HTMLElement).style.width = '333.6px';
    const width = () => $(el, 'svg')!.getAttribute('width');
    await framesUntil(el, () => width() === '334');
    expect(width()).toBe('334');
  });

  it('moves focus with arrows, drills in with Enter and back out with Escape', async () => {
    const el = await mount();
    const paths: string[][] = [];
    el.addEventListener('parsec-path-change', (e) => paths.push(e.detail.path));
    const first = $(el, '[role="treeitem"][tabindex="0"]') as SVGGElement;
    const firstKey = first.dataset.key!;
    expect($$(el, '[role="treeitem"][tabindex="0"]')).toHaveLength(1);
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    const second = el.shadowRoot!.activeElement!;
    expect(second).not.toBe(first);
    expect(second.getAttribute('tabindex')).toBe('0');
    await userEvent.keyboard('{Home}');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).toBe(first);
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    await el.updateComplete;
    expect(el.path).toBe(firstKey);
    expect(el.getAttribute('path')).toBe(firstKey);
    expect($(el, 'nav [aria-current]')!.textContent).toMatch(/PARSEC/);
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(el.path).toBe('');
    expect(paths).toEqual([[firstKey], []]);
  });

  it('deep-links to a branch with the path attribute', async () => {
    const el = await mount('<parsec-budget-treemap path="parsec-total"></parsec-budget-treemap>');
    const labels = $$(el, '[role="treeitem"]').map((t) => t.getAttribute('aria-label'));
    expect(labels.some((l) => l!.startsWith('Cessna'))).toBe(true);
    expect(labels.some((l) => l!.startsWith('Not itemised'))).toBe(true);
    expect(labels.some((l) => l!.startsWith('French'))).toBe(false);
  });

  it('fires parsec-select with the datum and its sources on click', async () => {
    const el = await mount();
    const got: ParsecSelectEvent[] = [];
    document.addEventListener('parsec-select', (e) => got.push(e), { once: true });
    const tile = $$(el, '.tile.depth-1').find((t) => !t.classList.contains('parent')) as SVGGElement;
    await userEvent.click(tile.querySelector('.fill')!);
    expect(got).toHaveLength(1);
    expect(got[0]!.detail.widget).toBe('parsec-budget-treemap');
    expect(got[0]!.detail.sources.length).toBeGreaterThan(0);
    expect(got[0]!.composed && got[0]!.bubbles).toBe(true);
  });

  it('shows a tooltip with sources on hover, closes it with Escape, without recomputing the layout', async () => {
    const el = await mount();
    const before = el.layoutCount;
    const tile = $$(el, '.tile.depth-2')[0] as SVGGElement;
    await userEvent.hover(tile.querySelector('.fill')!);
    await el.updateComplete;
    const tip = $(el, '[role="tooltip"]') as HTMLElement;
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toMatch(/Sources:/);
    const box = tip.getBoundingClientRect();
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    (tile as SVGGElement).focus();
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(tip.hidden).toBe(true);
    expect(el.layoutCount).toBe(before);
  });

  it('follows the language of the nearest ancestor, live', async () => {
    const el = await mount();
    expect($(el, '[part="table-toggle"]')!.textContent!.trim()).toBe('Show data');
    el.parentElement!.setAttribute('lang', 'fr');
    await frame();
    await el.updateComplete;
    expect($(el, '[part="table-toggle"]')!.textContent!.trim()).toBe('Afficher les données');
    expect($(el, 'svg[role="tree"]')!.getAttribute('aria-label')).toMatch(/non additionnés/);
    expect($(el, '[role="treeitem"]')!.getAttribute('aria-label')).toMatch(/millions d’euros/);
  });

  it('shows amounts in FCFA with currency="XOF"', async () => {
    const el = await mount('<parsec-budget-treemap currency="XOF"></parsec-budget-treemap>');
    const parsec = $$(el, '[role="treeitem"]').find((i) =>
      i.getAttribute('aria-label')!.startsWith('PARSEC'),
    )!;
    expect(parsec.getAttribute('aria-label')).toMatch(/19 billion CFA francs/);
  });

  it('switches theme with the theme attribute', async () => {
    const el = await mount();
    const light = getComputedStyle(el).backgroundColor;
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(el).backgroundColor).not.toBe(light);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
  });

  it('reveals the data table with the toggle', async () => {
    const el = await mount();
    const wrap = $(el, '#table') as HTMLElement;
    expect(wrap.classList.contains('sr-only')).toBe(true);
    await userEvent.click($(el, '[part="table-toggle"]')!);
    await el.updateComplete;
    expect(wrap.classList.contains('sr-only')).toBe(false);
    expect($(el, '[part="table-toggle"]')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('reports invalid data in the widget and as an event, without throwing', async () => {
    const el = await mount();
    const errors: ParsecDataErrorEvent[] = [];
    el.addEventListener('parsec-data-error', (e) => errors.push(e));
    const bad = JSON.parse(JSON.stringify(raw));
    bad.meta.asOf = 'soon';
    bad.budget[0].label = { en: '<img src=x onerror=alert(1)>' };
    el.data = bad;
    // data the fast path does not accept is validated by zod, loaded for it (a chunk of its own): a few turns
    for (let i = 0; i < 200 && !$(el, '[role="alert"]'); i++) await new Promise((r) => setTimeout(r, 10));
    await Promise.resolve();
    const alert = $(el, '[role="alert"]')!;
    expect(alert.textContent).toContain('meta.asOf');
    expect(alert.textContent).toContain('got "soon"');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail.stage).toBe('schema');
    expect(errors[0]!.detail.issues[0]).toEqual({
      path: 'meta.asOf',
      message: expect.stringContaining('expected a date'),
    });
  });

  it('renders data strings as text, never HTML', async () => {
    const el = await mount();
    const d = JSON.parse(JSON.stringify(raw));
    const parsec = d.budget.find(
      (b: { parent?: string | null; programme: string }) => !b.parent && b.programme === 'parsec',
    );
    parsec.label = { en: '<img src=x onerror="window.__pwned=1">PARSEC' };
    el.data = d;
    await el.updateComplete;
    expect($(el, 'img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect($$(el, '[role="treeitem"]').some((t) => t.getAttribute('aria-label')!.startsWith('<img'))).toBe(
      true,
    );
  });

  it('reports a 404 from src as a network error', async () => {
    const error = new Promise<ParsecDataErrorEvent>((resolve) =>
      document.addEventListener('parsec-data-error', resolve, { once: true }),
    );
    const el = await mount('<parsec-budget-treemap src="/does-not-exist.json"></parsec-budget-treemap>');
    expect((await error).target).toBe(el);
    await el.updateComplete;
    expect((await error).detail.stage).toBe('network');
    expect($(el, '[role="alert"]')!.textContent).toMatch(/does-not-exist\.json/);
  });

  it('tells readers in plain words of their language and shows the tag’s own fallback; details stay for editors', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await mount(
      '<parsec-budget-treemap lang="fr" src="/does-not-exist.json"><p class="fallback">Budgets du PARSEC : 29 M€ (Expertise France).</p></parsec-budget-treemap>',
    );
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    const alert = $(el, '[role="alert"]')!;
    expect(alert.querySelector('.plain')!.textContent).toBe(
      'Les données du graphique n’ont pas pu être chargées.',
    );
    const slot = alert.querySelector('slot')!;
    const fallback = slot.assignedElements()[0] as HTMLElement;
    expect(fallback.textContent).toMatch(/^Budgets du PARSEC/);
    expect(fallback.offsetHeight).toBeGreaterThan(0);
    const details = alert.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toMatch(/does-not-exist\.json/);
    expect(warn).toHaveBeenCalledWith(
      '<parsec-budget-treemap>: the data could not be shown',
      expect.any(Array),
    );
    warn.mockRestore();
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const d = JSON.parse(JSON.stringify(raw));
    d.budget = d.budget.filter((b: { programme: string }) => b.programme === 'mcd');
    const el = await mount(
      `<parsec-budget-treemap><script type="application/json">${JSON.stringify(d).replace(/</g, '\\u003c')}</script></parsec-budget-treemap>`,
    );
    const items = $$(el, '[role="treeitem"]');
    expect(items).toHaveLength(1);
    expect(items[0]!.getAttribute('aria-label')).toMatch(/4\.6 million euros/);
  });

  it('shows the empty state when no programme has a budget', async () => {
    const el = await mount('<parsec-budget-treemap loading="eager"></parsec-budget-treemap>');
    el.data = { ...structuredClone(raw), budget: [] };
    await el.updateComplete;
    expect($(el, '[part="empty"]')!.textContent).toMatch(/No data/);
  });

  it('lays a data update out once, at the share measured with the notes of the tiles drawn', async () => {
    // 100 lines at 960 px: the tiles at the default height have a longer key of small tiles than at the share
    // measured with it, so the share was measured too small, measured again after the next update, and the tiles
    // laid out a second time a frame after it
    const el = document.createElement('parsec-budget-treemap');
    el.loading = 'eager';
    el.data = syntheticBudget(100);
    wrapOf(960).append(el);
    await el.updateComplete;
    await frame();
    await frame();
    const plot = () => ($(el, '.plot') as HTMLElement).getBoundingClientRect().height;
    const [layouts, height] = [el.layoutCount, plot()];
    el.data = syntheticBudget(100);
    await el.updateComplete;
    await frame();
    await frame();
    await el.updateComplete;
    expect(el.layoutCount).toBe(layouts + 1);
    expect(plot()).toBe(height);
  });

  it('draws 10,000 leaves on canvas and keeps the programmes focusable in SVG', async () => {
    const el = await mount();
    el.data = syntheticBudget(10_000, 8);
    await el.updateComplete;
    await frame();
    expect($(el, 'canvas')).not.toBeNull();
    // the programmes, and in each the area of its lines too small to draw
    const items = $$(el, '[role="treeitem"]');
    expect(items.filter((i) => i.getAttribute('aria-level') === '1')).toHaveLength(8);
    expect(items.filter((i) => i.matches('.smaller')).length).toBe(items.length - 8);
  });

  it('draws the lines too small to draw as one area per programme, with their count and amount; none when all are drawn', async () => {
    const el = await mount();
    el.data = syntheticBudget(10_000, 8);
    await el.updateComplete;
    await frame();
    const areas = $$(el, '.tile.smaller') as SVGGElement[];
    expect(areas.length).toBeGreaterThan(0);
    for (const a of areas) {
      expect(a.getAttribute('aria-label')).toMatch(
        /^Programme \d+: \d+ smaller lines, about [\d.]+ (million|billion) euros/,
      );
      // drawn in SVG under the canvas, where the canvas paints nothing
      const r = a.querySelector('rect.fill')!;
      const canvas = $(el, 'canvas') as HTMLCanvasElement;
      // its centre, in the canvas's pixels (the tile's group is translated to its corner)
      const box = r.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      const x = box.left - c.left + box.width / 2;
      const y = box.top - c.top + box.height / 2;
      const scale = canvas.width / c.width;
      const px = canvas
        .getContext('2d')!
        .getImageData(Math.floor(x * scale), Math.floor(y * scale), 1, 1).data;
      expect(px[3]).toBe(0);
      expect(getComputedStyle(r).fill).not.toBe('none');
    }
    // its amount and what it is in the tooltip; reached from its programme with the arrow key
    const first = areas[0]!;
    const programme = $(
      el,
      `[data-key="${first.closest('[aria-level="1"]')!.getAttribute('data-key')}"]`,
    ) as SVGGElement;
    programme.focus();
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    await frame();
    expect(el.shadowRoot!.activeElement?.getAttribute('data-key')).toBe(first.getAttribute('data-key'));
    const tip = $(el, '[role="tooltip"]')!;
    expect(tip.textContent).toMatch(/smaller lines/);
    expect(tip.textContent).toMatch(/≈ €[\d.]+[MB]/);
    expect(tip.textContent).toMatch(/data table lists every line/);
    expect(($$(el, '[part="legend"] li') as HTMLElement[]).map((li) => li.dataset.legend)).toContain(
      'smaller',
    );
    // the table keeps every line (its model, which the CSV export writes whole)
    await el.tableComplete;
    const csv = (await (await el.exportBlob('csv')).text()).trimEnd().split('\r\n');
    expect(csv.length - 1).toBeGreaterThanOrEqual(10_000);

    // the default dataset: every line covers a pixel, no such area, no legend entry
    const plain = await mount();
    expect($$(plain, '.tile.smaller')).toHaveLength(0);
    expect(($$(plain, '[part="legend"] li') as HTMLElement[]).map((li) => li.dataset.legend)).not.toContain(
      'smaller',
    );
  });

  it('groups the smallest of 100 programmes into "Other (93)": an 8-entry legend, and the group drills open', async () => {
    const el = await mount();
    el.data = syntheticBudget(1_000, 100);
    await el.updateComplete;
    const items = $$(el, '[part="legend"] li') as HTMLElement[];
    const legend = items.map((li) => li.dataset.legend!);
    expect(legend).toContain('other');
    // 7 programmes drawn on their own: those among the dataset's first ten in their colour, those past the palette
    // in the "Other" grey, named after the group ("Other (93), P42, …"), never with a swatch of their own
    const beyond = items
      .find((li) => li.dataset.legend === 'other')!
      .textContent!.trim()
      .split(', ')
      .slice(1);
    expect(legend.filter((k) => k.startsWith('p-')).length + beyond.length).toBe(7);
    const other = $(el, '[data-key="root~other"]') as SVGGElement;
    expect(other.getAttribute('aria-label')).toMatch(/^Other \(93\)/);
    other.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(el.path).toBe('root~other');
    expect($$(el, '.tile.depth-1')).toHaveLength(93);
  });

  it('has no axe-core violations (default, drilled, table open, dark)', async () => {
    const el = await mount();
    const run = async () =>
      (await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations;
    expect(await run()).toEqual([]);
    el.path = 'parsec-total';
    await el.updateComplete;
    expect(await run()).toEqual([]);
    await userEvent.click($(el, '[part="table-toggle"]')!);
    el.theme = 'dark';
    await el.updateComplete;
    expect(await run()).toEqual([]);
  });
});

describe('<parsec-budget-treemap> exports, print and lazy rendering', () => {
  it('exports CSV and JSON from the data table, with sources and precision', async () => {
    const el = await mount();
    const csv = await (await el.exportBlob('csv')).text();
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('Name,Level,Amount (EUR),Precision,Share of the level above,Sources');
    // raw numbers, not formatted text; every source with its publisher and id
    expect(rows.some((r) => r.startsWith('PARSEC') && r.includes(',29000000,exact,'))).toBe(true);
    expect(
      rows.some((r) => r.includes('also reported') && r.includes(',43000000,') && r.includes('Civipol')),
    ).toBe(true);
    expect(csv).not.toMatch(/€|\d\s?%/);
    const json = JSON.parse(await (await el.exportBlob('json')).text());
    expect(json.asOf).toBe('2024-09');
    expect(json.rows[0]).toHaveProperty('Sources');
  });

  it('exports an SVG with title, source line and date, and a PNG', async () => {
    const el = await mount();
    const svg = await (await el.exportBlob('svg')).text();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const texts = [...doc.querySelectorAll('svg > text')].map((t) => t.textContent ?? '');
    expect(texts[0]).toMatch(/^Budgets — EU and French security/);
    expect(texts.some((t) => /^Sources: .*Expertise France/.test(t))).toBe(true);
    expect(texts.at(-1)).toBe('data as of September 2024');
    // the legend travels with the chart: its entries are written in the image, and so do the notes under it
    expect(texts).toContain('PARSEC');
    expect(texts.some((t) => /^Not drawn \(no amount\)/.test(t))).toBe(true);
    // every drawn layer: the conflict bars and the tiles
    expect(doc.querySelectorAll('svg svg').length).toBeGreaterThanOrEqual(2);
    expect(doc.querySelectorAll('rect[fill]').length).toBeGreaterThan(5);
    const png = await el.exportBlob('png');
    expect(png.type).toBe('image/png');
    expect(png.size).toBeGreaterThan(1000);
  });

  it('offers the downloads in a keyboard-operable group that Escape closes', async () => {
    const el = await mount();
    const toggle = $(el, '[part="export-toggle"]') as HTMLButtonElement;
    const group = $(el, '#export') as HTMLElement;
    expect(group.hidden).toBe(true);
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(group.hidden).toBe(false);
    expect([...group.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual([
      'SVG',
      'PNG',
      'CSV',
      'JSON',
    ]);
    (group.querySelector('button') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(group.hidden).toBe(true);
    expect(el.shadowRoot!.activeElement).toBe(toggle);
  });

  it('waits to render far below the fold, with its height reserved, and renders when scrolled near', async () => {
    const spacer = document.createElement('div');
    spacer.className = 'wrap';
    spacer.style.height = `${window.innerHeight * 4}px`;
    document.body.append(spacer);
    const el = await mount();
    expect(el.rendered).toBe(false);
    expect($(el, 'svg')).toBeNull();
    expect(el.getBoundingClientRect().height).toBeGreaterThan(200);
    el.scrollIntoView();
    await frame();
    await el.updateComplete;
    expect(el.rendered).toBe(true);
    expect($(el, 'svg[role="tree"]')).not.toBeNull();
  });
});

describe('<parsec-budget-treemap> with 60,000 lines', () => {
  it(
    'keeps its drawing while a new size is laid out in steps, then draws at that size',
    { timeout: 60_000 },
    async () => {
      const el = await mount(
        '<parsec-budget-treemap loading="eager" no-default></parsec-budget-treemap>',
        700,
      );
      el.data = syntheticBudget(60_000, 8);
      const svgWidth = () => $(el, 'svg.treemap')?.getAttribute('width');
      const until = async (ok: () => boolean) => {
        for (let i = 0; i < 600 && !ok(); i++) {
          await new Promise((r) => setTimeout(r, 10));
          await el.updateComplete;
        }
      };
      await until(() => svgWidth() === '700');
      await frame();
      const pending = () => !!(el as unknown as { pending?: unknown }).pending;
      await until(() => !pending());
      // settled: no layout under way and none in the last frames (the first frame's font check may lay out once more;
      // on a busy machine it came after the steps above had ended)
      let count = -1;
      await framesUntil(
        el,
        () => {
          const settled = el.layoutCount === count && !pending();
          count = el.layoutCount;
          return settled;
        },
        50,
      );
      expect(el.preparedSteps).toBeGreaterThan(0);
      expect($(el, 'canvas')).not.toBeNull();
      expect($$(el, '[role="treeitem"][aria-level="1"]')).toHaveLength(8);
      const before = el.layoutCount;
      // what each update saw and drew (the steps may end before a test's next look: each update is recorded)
      const host = el as unknown as { width: number; updated: (changed: unknown) => void };
      const updated = host.updated.bind(el);
      const seen: { width: number; svg: string | null | undefined; layouts: number }[] = [];
      host.updated = (changed) => {
        updated(changed);
        seen.push({ width: host.width, svg: svgWidth(), layouts: el.layoutCount });
      };

      (el.parentElement as HTMLElement).style.width = '520px';
      await until(() => svgWidth() === '520');
      // the update that sees the new width draws what it had: the layout at 520 px is under way in its own tasks
      expect(seen.find((u) => u.width === 520)).toEqual({ width: 520, svg: '700', layouts: before });
      expect(svgWidth()).toBe('520');
      expect(el.layoutCount).toBeGreaterThan(before);
      expect($$(el, '[role="treeitem"][aria-level="1"]')).toHaveLength(8);
    },
  );
});

describe('<parsec-budget-treemap> canvas on a high-density screen', () => {
  it('backs the canvas with device pixels and keeps its CSS size', async () => {
    const dpr = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
    Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => 2 });
    try {
      const el = await mount(undefined, 600);
      el.data = syntheticBudget(10_000, 8);
      await el.updateComplete;
      await frame();
      const canvas = $(el, 'canvas') as HTMLCanvasElement;
      const svg = $(el, 'svg.treemap')!;
      expect(canvas.width).toBe(2 * Number(svg.getAttribute('width')));
      expect(Math.round(canvas.getBoundingClientRect().width)).toBe(Number(svg.getAttribute('width')));
    } finally {
      if (dpr) Object.defineProperty(window, 'devicePixelRatio', dpr);
    }
  });
});

describe('<parsec-budget-treemap> issue 10 bugs', () => {
  const hoverOn = async (el: ParsecBudgetTreemap, key: string) => {
    const tile = $(el, `[data-key="${key}"] > .fill`)!;
    const r = tile.getBoundingClientRect();
    tile.dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        composed: true,
        clientX: r.left + r.width / 2,
        clientY: r.top + r.height / 2,
      }),
    );
    await el.updateComplete;
  };

  it('bug 4: no-tooltip keeps parsec-hover', async () => {
    const el = await mount('<parsec-budget-treemap no-tooltip></parsec-budget-treemap>');
    const hovers: (string | null)[] = [];
    el.addEventListener('parsec-hover', (e) => hovers.push(e.detail?.id ?? null));
    await hoverOn(el, 'parsec-total');
    expect(hovers).toEqual(['parsec-total']);
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(true);
  });

  it('bug 5: tooltip and highlight leave when keyboard focus leaves the treemap', async () => {
    const el = await mount();
    const button = document.createElement('button');
    button.textContent = 'after';
    el.parentElement!.append(button);
    ($(el, '[role="treeitem"][tabindex="0"]') as SVGGElement).focus();
    await el.updateComplete;
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(false);
    expect($$(el, '.tile.active')).toHaveLength(1);
    button.focus();
    await el.updateComplete;
    expect(($(el, '.tooltip') as HTMLElement).hidden).toBe(true);
    expect($$(el, '.tile.active')).toHaveLength(0);
  });

  it('bug 6: an exact amount in XOF, shown in XOF, is exact (not starred, not read as derived)', async () => {
    const data = structuredClone(raw) as typeof raw;
    const line = data.budget.find((b) => b.id === 'parsec-cessna')!;
    Object.assign(line, {
      amount: { amount: 2_000_000_000, currency: 'XOF', precision: 'exact', sources: ['S001'] },
    });
    // conversions go through a rate the data states (here a test-only one, with a fictional source)
    Object.assign(data, {
      sources: [
        ...data.sources,
        {
          id: 'TRATE',
          title: 'Test: a stated peg',
          publisher: 'Test fixture (fictional)',
          url: null,
          published: null,
        },
      ],
      rates: [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['TRATE'] }],
    });
    const el = await mount(
      '<parsec-budget-treemap currency="XOF" path="parsec-total"></parsec-budget-treemap>',
    );
    el.data = data;
    await el.updateComplete;
    const label = $(el, '[data-key="parsec-cessna"]')!.getAttribute('aria-label')!;
    expect(label).toMatch(/2 billion CFA francs/);
    expect(label).not.toMatch(/derived/);
    // the same line shown in euros is a conversion: derived, starred
    el.currency = 'EUR';
    await el.updateComplete;
    expect($(el, '[data-key="parsec-cessna"]')!.getAttribute('aria-label')).toMatch(/derived/);
  });

  it('bug 7: a share is the same number on the tile and in the table', async () => {
    const el = await mount('<parsec-budget-treemap path="parsec-total"></parsec-budget-treemap>', 1000);
    await el.tableComplete;
    const tiles = $$(el, '.tile.depth-1').filter((t) => t.querySelector('.share'));
    expect(tiles.length).toBeGreaterThan(0);
    const rows = $$(el, '#table tbody tr');
    for (const tile of tiles) {
      const name = tile.getAttribute('aria-label')!.split(',')[0]!;
      const onTile = tile.querySelector('.share')!.textContent!.trim();
      const row = rows.find((r) =>
        r
          .querySelector('th')!
          .textContent!.replace(/^(— )+/, '')
          .startsWith(name),
      )!;
      expect(row, name).toBeDefined();
      expect(row.children[4]!.textContent!.trim()).toBe(onTile);
    }
  });

  it('bug 8: tooltips name publishers, never source ids; CSV has raw numbers', async () => {
    const el = await mount();
    await hoverOn(el, 'parsec-total');
    const tip = ($(el, '.tooltip') as HTMLElement).textContent!;
    expect(tip).toMatch(/Expertise France|European Commission|Civipol/);
    expect(tip).not.toMatch(/\b[SW]\d{2,3}\b/);
    const csv = await (await el.exportBlob('csv')).text();
    expect(csv).toMatch(/,29000000,exact,/);
  });

  it('legend lists only what is drawn, with the swatch of each encoding', async () => {
    const el = await mount();
    const keys = $$(el, '[part="legend"] li').map((li) => (li as HTMLElement).dataset.legend);
    // hatched tiles (approximate) and not-itemised remainders are drawn in the default view, each with its swatch
    if ($(el, '.tile.rest')) expect(keys).toContain('rest');
    if ($(el, '.tile.approx')) expect(keys).toContain('approx');
    else expect(keys).not.toContain('approx');
    expect(keys.filter((k) => k!.startsWith('p-')).length).toBe(
      new Set($$(el, '.tile.depth-1').map((t) => [...t.classList].find((c) => /^c\d$/.test(c)))).size,
    );
  });
});

describe('<parsec-budget-treemap> on the page it is drawn on', () => {
  it('has no box of its own and takes the scheme of the background under it', async () => {
    const el = await mount();
    expect(getComputedStyle(el).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    expect(el.dataset.scheme).toBe('light');
    const wrap = el.parentElement as HTMLElement;
    wrap.style.background = '#121212';
    const dark = document.createElement('parsec-budget-treemap');
    dark.setAttribute('loading', 'eager');
    wrap.append(dark);
    await (dark as ParsecBudgetTreemap).updateComplete;
    expect(dark.dataset.scheme).toBe('dark');
    // dark tokens: light text on the dark page
    const fg = getComputedStyle($(dark, '[part="base"]')!).color;
    expect(fg).toBe('rgb(230, 237, 243)');
    // the page switches its theme by a class on body: the widget follows
    const style = document.createElement('style');
    style.textContent = 'body.test-dark { background: #0d1117 }';
    document.head.append(style);
    wrap.style.background = '';
    document.body.classList.add('test-light');
    await frame();
    await frame();
    expect(dark.dataset.scheme).toBe('light');
    document.body.classList.replace('test-light', 'test-dark');
    await frame();
    await frame();
    expect(dark.dataset.scheme).toBe('dark');
    document.body.classList.remove('test-dark');
    style.remove();
    // an explicit theme wins
    dark.setAttribute('theme', 'light');
    await (dark as ParsecBudgetTreemap).updateComplete;
    expect(getComputedStyle($(dark, '[part="base"]')!).color).toBe('rgb(27, 31, 36)');
  });
});

describe('<parsec-budget-treemap> labels, measured in Chromium', () => {
  for (const width of [1280, 768, 360])
    for (const lang of ['en', 'fr'])
      for (const path of ['', 'parsec-total'])
        it(`${width} px, ${lang}${path ? ', drilled' : ''}: no label overflows its tile or another label, none cut`, async () => {
          const el = await mount(
            `<parsec-budget-treemap lang="${lang}" path="${path}"></parsec-budget-treemap>`,
            width,
          );
          const tiles = $$(el, 'g.tile');
          const boxes: { key: string; box: DOMRect }[] = [];
          let labels = 0;
          let cut = 0;
          for (const tile of tiles) {
            const rect = tile.querySelector(':scope > .fill')!.getBoundingClientRect();
            const text = tile.querySelector(':scope > text.label') as SVGTextElement | null;
            if (!text) continue;
            labels++;
            if (/…/.test(text.textContent!)) cut++;
            const box = text.getBoundingClientRect();
            const key = (tile as SVGGElement).dataset.key!;
            expect(box.left, key).toBeGreaterThanOrEqual(rect.left - 0.5);
            expect(box.right, key).toBeLessThanOrEqual(rect.right + 0.5);
            expect(box.top, key).toBeGreaterThanOrEqual(rect.top - 0.5);
            expect(box.bottom, key).toBeLessThanOrEqual(rect.bottom + 0.5);
            boxes.push({ key, box });
          }
          for (const a of boxes)
            for (const b of boxes) {
              if (a === b) continue;
              const overlap =
                Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 0.5 &&
                Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 0.5;
              expect(overlap, `${a.key} × ${b.key}`).toBe(false);
            }
          expect(labels).toBeGreaterThan(0);
          expect(cut).toBe(0);
          // the conflicting total is drawn as bars, at every width and when drilled
          expect($$(el, '.conflict-bar').length).toBeGreaterThanOrEqual(2);
        });
});
