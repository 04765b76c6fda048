import { afterEach, describe, expect, it } from 'vitest';
import { syntheticBudget } from '../../../test/fixtures/synthetic-budget';
import { frame, mountWidget } from '../../../test/mount';
import '../budget-treemap/budget-treemap';
import type { ParsecBudgetTreemap } from '../budget-treemap/budget-treemap';

afterEach(() => {
  document.querySelectorAll('.wrap').forEach((n) => n.remove());
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
});

/** The colours most painted on the widget's canvas (a sample of its pixels), most frequent first. */
function painted(el: HTMLElement): string[] {
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const n = new Map<string, number>();
  for (let i = 0; i < d.length; i += 4 * 97)
    if (d[i + 3])
      n.set(`${d[i]},${d[i + 1]},${d[i + 2]}`, (n.get(`${d[i]},${d[i + 1]},${d[i + 2]}`) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

describe('marks drawn on canvas', () => {
  it('are painted again in the new colours when the page switches its theme', async () => {
    const el = await mountWidget<ParsecBudgetTreemap>(
      'parsec-budget-treemap',
      '<parsec-budget-treemap></parsec-budget-treemap>',
      800,
    );
    el.data = syntheticBudget(10_000, 8);
    await el.updateComplete;
    await frame();
    expect(el.dataset.scheme).toBe('light');
    const light = painted(el);
    // the tiles' edges are painted in the background colour: white on a light page
    expect(light).toContain('255,255,255');
    document.documentElement.style.colorScheme = 'dark';
    document.body.style.background = '#111';
    await frame();
    await frame();
    await el.updateComplete;
    await frame();
    expect(el.dataset.scheme).toBe('dark');
    const dark = painted(el);
    expect(dark).not.toContain('255,255,255');
    expect(dark.slice(0, 3)).not.toEqual(light.slice(0, 3));
  });
});
