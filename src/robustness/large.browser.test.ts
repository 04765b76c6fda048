import { describe, expect, it } from 'vitest';
import { syntheticBudget } from '../../test/fixtures/synthetic-budget';
import '../components/budget-treemap/budget-treemap';
import type { ParsecElement } from '../components/base/parsec-element';
import { parseDatasetInSlices } from '../schema/parse';

/**
 * A dataset of 100,000 budget lines given as `data`: validated in slices with the page's own tasks and events handled
 * in between (the widget shows "Loading data…" meanwhile), its tree and layout made in tasks of their own, then drawn,
 * every line in its table and exports. No clock:
 * how long the tasks last is measured by `bench/long-tasks.mjs` (bench/results/long-tasks.md), not here.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Counts the page's timer turns until `done` settles: more than one turn means the work let the page run between. */
async function turnsDuring<T>(done: Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let over = false;
  const tick = () => {
    if (over) return;
    turns++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const value = await done;
  over = true;
  return { value, turns };
}

describe('large datasets do not freeze the page while they are validated', () => {
  it(
    '100,000 budget lines by data: loading at once, events handled between slices, then every line drawn or counted',
    { timeout: 180_000 },
    async () => {
      const lines = syntheticBudget(100_000, 8);
      const wrap = document.createElement('div');
      wrap.style.width = '700px';
      document.body.append(wrap);
      const el = document.createElement('parsec-budget-treemap') as ParsecElement<unknown>;
      el.setAttribute('loading', 'eager');
      wrap.append(el);
      await el.updateComplete;

      el.data = lines;
      await el.updateComplete;
      expect((el as Json).loader.state.status).toBe('loading');
      expect(el.shadowRoot!.querySelector('[part="loading"]')).not.toBeNull();

      // while it loads, the page's events are handled: a click dispatched from a timer finds the widget still loading
      const seen: string[] = [];
      const button = document.createElement('button');
      button.addEventListener('click', () => seen.push((el as Json).loader.state.status));
      document.body.append(button);
      setTimeout(() => button.click(), 0);

      const ready = (async () => {
        while ((el as Json).loader.state.status === 'loading') await new Promise((r) => setTimeout(r, 0));
      })();
      const { turns } = await turnsDuring(ready);
      expect((el as Json).loader.state.status).toBe('ready');
      expect(seen).toEqual(['loading']);
      // sliced: the page's timers turned more than once while the lines were validated
      expect(turns).toBeGreaterThan(1);

      // then the tree and its layout, each in its own task, "Loading data…" still shown meanwhile
      expect(el.shadowRoot!.querySelector('[part="loading"]')).not.toBeNull();
      while (!el.shadowRoot!.querySelector('svg[part="svg"]')) {
        await new Promise((r) => setTimeout(r, 0));
        await el.updateComplete;
      }
      // the tree, its sources and its layout (the table after the first draw, in idle time)
      expect((el as Json).preparedSteps).toBe(3);

      // drawn: the chart, and every line in the table model (the screen shows 500 rows and counts the rest)
      expect(el.shadowRoot!.querySelector('svg[part="svg"]')).not.toBeNull();
      await (el as Json).tableComplete;
      const note = el.shadowRoot!.querySelector('.table-note')?.textContent ?? '';
      expect(el.shadowRoot!.querySelectorAll('table tbody tr')).toHaveLength(500);
      const csv = await (await el.exportBlob('csv')).text();
      const rows = csv.trimEnd().split('\n').length - 1;
      // every budget line of the data is a row of the exports (plus a row per conflicting report, if any)
      expect(rows).toBeGreaterThanOrEqual(lines.budget.length);
      expect(note.replace(/\D/g, '')).toContain(String(rows));
      button.remove();
      wrap.remove();
    },
  );

  it('validation in slices: the same answer as in one pass, with the page turning in between', async () => {
    const { value, turns } = await turnsDuring(parseDatasetInSlices(syntheticBudget(100_000, 8)));
    expect(value.ok).toBe(true);
    if (value.ok) expect(value.data.budget).toHaveLength(syntheticBudget(100_000, 8).budget.length);
    expect(turns).toBeGreaterThan(1);
  });
});
