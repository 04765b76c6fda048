import { describe, expect, it } from 'vitest';
import { syntheticBudget } from '../../test/fixtures/synthetic-budget';
import '../components/budget-treemap/budget-treemap';
import type { ParsecElement } from '../components/base/parsec-element';
import { parseDatasetInSlices } from '../schema/parse';

/**
 * A dataset of 100,000 budget lines given as `data`: validated in slices, the page keeps answering (the widget shows
 * "Loading data…" at once), then it draws. The longest task during validation is reported.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('large datasets do not freeze the page while they are validated', () => {
  it(
    '100,000 budget lines by data: loading at once, drawn after, short tasks meanwhile',
    { timeout: 120_000 },
    async () => {
      const data = syntheticBudget(100_000, 8);
      const wrap = document.createElement('div');
      wrap.style.width = '700px';
      document.body.append(wrap);
      const el = document.createElement('parsec-budget-treemap') as ParsecElement<unknown>;
      el.setAttribute('loading', 'eager');
      wrap.append(el);
      await el.updateComplete;

      // the widget: loading at once, drawn once validated (drawing 100,000 leaves is the widget's own long task)
      el.data = data;
      await el.updateComplete;
      expect((el as Json).loader.state.status).toBe('loading');
      expect(el.shadowRoot!.querySelector('[part="loading"]')).not.toBeNull();
      while ((el as Json).loader.state.status === 'loading') await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      expect((el as Json).loader.state.status).toBe('ready');
      expect(el.shadowRoot!.querySelector('svg[part="svg"]')).not.toBeNull();

      // the validation alone, as the widget runs it: the page's timers keep turning
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => tasks.push(e.duration)),
      );
      observer.observe({ type: 'longtask', buffered: false });
      let turns = 0;
      let longestGap = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
        turns++;
      }, 5);
      const t0 = performance.now();
      const r = await parseDatasetInSlices(syntheticBudget(100_000, 8));
      const validated = performance.now() - t0;
      clearInterval(ticker);
      await new Promise((r) => setTimeout(r, 50));
      observer.disconnect();
      expect(r.ok).toBe(true);
      console.info(
        `100,000 lines: validated in ${Math.round(validated)} ms over ${turns} turns of the page; ` +
          `longest task ${Math.round(Math.max(0, ...tasks))} ms, longest gap between timer turns ${Math.round(longestGap)} ms`,
      );
      expect(turns).toBeGreaterThan(10);
      // generous on a shared 2-core machine: one pass of the schema took several seconds in one task
      expect(longestGap).toBeLessThan(1000);
      wrap.remove();
    },
  );
});
