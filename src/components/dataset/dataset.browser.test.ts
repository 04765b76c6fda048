import { afterEach, describe, expect, it } from 'vitest';
import raw from '../../../data/parsec.json';
import '../budget-treemap/budget-treemap';
import type { ParsecBudgetTreemap } from '../budget-treemap/budget-treemap';
import './dataset';
import type { ParsecDataset } from './dataset';

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

async function mount(html: string) {
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.style.width = '700px';
  wrap.innerHTML = html;
  document.body.append(wrap);
  await frame();
  for (const el of wrap.querySelectorAll<ParsecBudgetTreemap>('parsec-budget-treemap'))
    await el.updateComplete;
  return wrap;
}

describe('<parsec-dataset>', () => {
  it('gives its widgets one dataset and links their selection', async () => {
    const d = JSON.parse(JSON.stringify(raw));
    d.meta.title = { en: 'Shared copy' };
    const wrap = await mount(`<parsec-dataset id="shared">
        <parsec-budget-treemap class="a"></parsec-budget-treemap>
      </parsec-dataset>
      <parsec-budget-treemap class="b" dataset="shared"></parsec-budget-treemap>
      <parsec-budget-treemap class="c"></parsec-budget-treemap>`);
    const provider = wrap.querySelector('parsec-dataset') as ParsecDataset;
    provider.data = d;
    await provider.updateComplete;
    const [a, b, c] = ['.a', '.b', '.c'].map((s) => wrap.querySelector(s) as ParsecBudgetTreemap);
    for (const el of [a, b, c]) await el!.tableComplete;
    expect(a!.shadowRoot!.querySelector('caption')!.textContent!.trim()).toBe('Budgets — Shared copy');
    expect(b!.shadowRoot!.querySelector('caption')!.textContent!.trim()).toBe('Budgets — Shared copy');
    expect(c!.shadowRoot!.querySelector('caption')!.textContent!.trim()).not.toMatch(/Shared copy/);

    const changes: unknown[] = [];
    provider.addEventListener('parsec-selection-change', (e) => changes.push(e.detail));
    const tile = [...a!.shadowRoot!.querySelectorAll<SVGGElement>('.tile.depth-1')].find((t) =>
      t.getAttribute('aria-label')!.startsWith('French'),
    )!;
    tile.querySelector('rect')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await b!.updateComplete;
    await a!.updateComplete;
    expect(changes).toHaveLength(1);
    const linkedB = [...b!.shadowRoot!.querySelectorAll('.tile.linked')].map((t) =>
      t.getAttribute('data-key'),
    );
    expect(linkedB).toContain(tile.dataset.key);
    expect(b!.shadowRoot!.querySelectorAll('.tile.dimmed').length).toBeGreaterThan(0);
    expect(c!.shadowRoot!.querySelectorAll('.tile.linked, .tile.dimmed')).toHaveLength(0);
    // selecting the same mark again clears the selection
    provider.select(provider.selection);
    await b!.updateComplete;
    expect(b!.shadowRoot!.querySelectorAll('.tile.linked')).toHaveLength(0);
  });

  it('shows the shared dataset error in every linked widget and fires one event', async () => {
    const errors: Event[] = [];
    document.addEventListener('parsec-data-error', (e) => errors.push(e));
    const wrap = await mount(
      `<parsec-dataset><parsec-budget-treemap></parsec-budget-treemap><parsec-budget-treemap></parsec-budget-treemap></parsec-dataset>`,
    );
    const provider = wrap.querySelector('parsec-dataset') as ParsecDataset;
    provider.data = { meta: {} } as never; // invalid on purpose: `data` is typed, and still validated at run time
    const widgets = [...wrap.querySelectorAll<ParsecBudgetTreemap>('parsec-budget-treemap')];
    // data the fast path does not accept is validated by zod, loaded for it (a chunk of its own): a few turns
    const alerts = () => widgets.map((w) => w.shadowRoot!.querySelector('[role="alert"]'));
    for (let i = 0; i < 100 && !alerts().every(Boolean); i++) await frame();
    for (const w of widgets)
      expect(w.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/meta\.title/);
    expect(errors.filter((e) => e.target === provider)).toHaveLength(1);
  });
});
