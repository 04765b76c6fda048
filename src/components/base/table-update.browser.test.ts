import { afterEach, expect, it } from 'vitest';
import { nigerPolice } from '../../../test/fixtures/any-programme/niger-police';
import { mountWidget } from '../../../test/mount';
import '../cooperant-chart/cooperant-chart';
import type { ParsecElement } from './parsec-element';

/** The data table after an update: redrawn in idle time after the update's frame (busy meanwhile), or with the chart when open. */

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

type Widget = ParsecElement<unknown>;
const table = (el: Widget) => el.shadowRoot!.querySelector<HTMLElement>('#table')!;

/** The dataset with its first entity renamed (a name the table shows). */
function renamed(): Widget['data'] {
  const data = structuredClone(nigerPolice);
  data.cooperants.entities[0].name.en = 'Renamed school';
  return data as Widget['data'];
}

async function mount(): Promise<Widget> {
  const el = await mountWidget<Widget>(
    'parsec-cooperant-chart',
    '<parsec-cooperant-chart loading="eager" lang="en"></parsec-cooperant-chart>',
    640,
  );
  el.data = structuredClone(nigerPolice) as Widget['data'];
  await el.updateComplete;
  await el.tableComplete;
  return el;
}

it('after an update the table keeps its old rows whole, marked busy, then shows the new ones in idle time', async () => {
  const el = await mount();
  const before = table(el).textContent;
  expect(table(el).getAttribute('aria-busy')).toBe('false');
  expect(table(el).querySelectorAll('tr').length).toBeGreaterThan(1);
  el.data = renamed();
  await el.updateComplete;
  // not redrawn inside the update: the old table, whole, marked busy
  expect(table(el).getAttribute('aria-busy')).toBe('true');
  expect(table(el).textContent).toBe(before);
  // redrawn when the browser is idle after the frame
  const end = performance.now() + 3000;
  while (table(el).getAttribute('aria-busy') !== 'false' && performance.now() < end)
    await new Promise((r) => setTimeout(r, 20));
  expect(table(el).getAttribute('aria-busy')).toBe('false');
  const after = table(el).textContent;
  expect(after).not.toBe(before);
  expect(after).toContain('Renamed school');
  // tableComplete draws it at once
  el.data = structuredClone(nigerPolice) as Widget['data'];
  await el.tableComplete;
  expect(table(el).getAttribute('aria-busy')).toBe('false');
  expect(table(el).textContent).toBe(before);
});

it('an open table follows the update in the same update as the chart', async () => {
  const el = await mount();
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="table-toggle"]')!.click();
  await el.updateComplete;
  const before = table(el).textContent;
  el.data = renamed();
  await el.updateComplete;
  expect(table(el).getAttribute('aria-busy')).toBe('false');
  expect(table(el).textContent).toContain('Renamed school');
  expect(table(el).textContent).not.toBe(before);
});
