import { afterEach, expect, it } from 'vitest';
import { nigerPolice } from '../../../test/fixtures/any-programme/niger-police';
import { syntheticBudget } from '../../../test/fixtures/synthetic-budget';
import { wrapOf } from '../../../test/mount';
import { SLICED_FROM } from '../../schema/fast';
import '../budget-treemap/budget-treemap';
import '../cooperant-chart/cooperant-chart';
import type { ParsecElement } from './parsec-element';

/**
 * The data table's model is made by the widget's table module (describe/<widget>-table.ts), loaded only after the
 * chart's first paint (or when the table is opened or exported): a large dataset's first draw does not wait for it.
 */

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

type Widget = ParsecElement<unknown>;
const table = (el: Widget) => el.shadowRoot!.querySelector<HTMLElement>('#table')!;
const fetched = (name: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(name));

function widget(tag: string, width = 700): Widget {
  const el = document.createElement(tag) as Widget;
  el.setAttribute('loading', 'eager');
  el.setAttribute('no-default', '');
  el.setAttribute('lang', 'en');
  wrapOf(width).append(el);
  return el;
}

/** What the table shows in the update that first draws the chart (`svg` the chart's selector). */
function atFirstDraw(el: Widget, svg: string) {
  const host = el as unknown as { updated(changed: unknown): void };
  const updated = host.updated.bind(el);
  return new Promise<{ busy: string | null; rows: number; code: boolean }>((resolve) => {
    host.updated = (changed) => {
      updated(changed);
      if (!el.shadowRoot!.querySelector(svg)) return;
      host.updated = updated;
      resolve({
        busy: table(el).getAttribute('aria-busy'),
        rows: table(el).querySelectorAll('tr').length,
        code: fetched('describe/treemap-table'),
      });
    };
  });
}

it(
  'a large treemap is drawn before its table model is made: the table is empty and busy at the first draw, whole after',
  { timeout: 90_000 },
  async () => {
    const el = widget('parsec-budget-treemap');
    const lines = SLICED_FROM;
    const first = atFirstDraw(el, 'svg[part="svg"]');
    el.data = syntheticBudget(lines, 8) as Widget['data'];
    const drawn = await first;
    // the tree, its sources and the layout were prepared; not the table, whose code has not even been fetched
    expect((el as unknown as { preparedSteps: number }).preparedSteps).toBe(3);
    expect(drawn).toEqual({ busy: 'true', rows: 0, code: false });
    // then made in idle time, and drawn whole
    await el.tableComplete;
    expect(fetched('describe/treemap-table')).toBe(true);
    expect(table(el).getAttribute('aria-busy')).toBe('false');
    expect(table(el).querySelectorAll('tbody tr')).toHaveLength(500);
    const csv = (await (await el.exportBlob('csv')).text()).trimEnd().split('\r\n');
    expect(csv.length - 1).toBeGreaterThanOrEqual(lines);
  },
);

it('a table opened before its code arrived is drawn whole when it does, without tableComplete', async () => {
  const el = widget('parsec-cooperant-chart', 640);
  el.data = structuredClone(nigerPolice) as Widget['data'];
  await el.updateComplete;
  expect(fetched('describe/cooperant-table')).toBe(false);
  // opened in the update of the first draw: the code is fetched then, the table drawn when it arrives
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="table-toggle"]')!.click();
  await el.updateComplete;
  const end = performance.now() + 5000;
  while (table(el).getAttribute('aria-busy') !== 'false' && performance.now() < end)
    await new Promise((r) => setTimeout(r, 20));
  expect(fetched('describe/cooperant-table')).toBe(true);
  expect(table(el).getAttribute('aria-busy')).toBe('false');
  expect(table(el).classList.contains('sr-only')).toBe(false);
  expect(table(el).querySelectorAll('tbody tr').length).toBeGreaterThan(1);
});

it('an export before the table was drawn loads its code and writes every row', async () => {
  const el = widget('parsec-cooperant-chart', 640);
  el.data = structuredClone(nigerPolice) as Widget['data'];
  await el.updateComplete;
  const json = JSON.parse(await (await el.exportBlob('json')).text()) as { rows: unknown[] };
  expect(json.rows.length).toBeGreaterThan(1);
  await el.tableComplete;
  expect(table(el).querySelectorAll('tbody tr')).toHaveLength(json.rows.length);
});

it('a table whose code failed to arrive (the network) asks for it again: the next demand draws it', async () => {
  const el = widget('parsec-cooperant-chart', 640);
  const own = el as unknown as { loadTableCode(): Promise<unknown> };
  const real = own.loadTableCode.bind(el);
  let calls = 0;
  own.loadTableCode = () => (++calls === 1 ? Promise.reject(new Error('offline')) : real());
  el.data = structuredClone(nigerPolice) as Widget['data'];
  await el.updateComplete;
  await expect(el.tableComplete).rejects.toThrow('offline');
  await el.tableComplete;
  expect(calls).toBeGreaterThanOrEqual(2);
  expect(table(el).getAttribute('aria-busy')).toBe('false');
  expect(table(el).querySelectorAll('tbody tr').length).toBeGreaterThan(1);
});
