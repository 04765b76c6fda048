import { afterEach, describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { largeGenerated } from '../../test/fixtures/any-programme';
import '../components/budget-treemap/budget-treemap';
import '../components/dataset/dataset';
import { ParsecPhaseGantt } from '../components/phase-gantt/phase-gantt';
import { ParsecFacilityMap } from '../components/facility-map/facility-map';
import { ParsecCooperantChart } from '../components/cooperant-chart/cooperant-chart';
import { ParsecBudgetTreemap } from '../components/budget-treemap/budget-treemap';
import type { ParsecDataset } from '../components/dataset/dataset';
import { datasetSize, SLICED_FROM } from '../schema/fast';
import { validationCount } from '../schema/parse';
import type { DatasetState } from './dataset';
import { prepareDataset } from './dataset-zod';

/** A page's own data is validated once, however many widgets (and `<parsec-dataset>`s) show it; the default never. */

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  document.querySelectorAll('.wrap').forEach((n) => n.remove());
});

const until = async (ok: () => boolean, ms = 5000) => {
  const end = performance.now() + ms;
  while (!ok() && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  return ok();
};
/** The title of the dataset a widget holds (its loader's state; widgets off-screen draw no table to read it from). */
const shown = (el: Element): string | undefined => {
  const s = (el as unknown as { loader: { state: DatasetState } }).loader.state;
  return s.status === 'ready' ? (s.data.meta.title as Record<string, string>).en : undefined;
};
const dataset = (title: string) => {
  const d = JSON.parse(JSON.stringify(raw));
  d.meta.title = { en: title };
  return d;
};

/** Widgets in a new box at the top of the page (in view: a widget far below the fold may wait to load). */
function mount(html: string): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.style.width = '600px';
  wrap.innerHTML = html;
  document.body.prepend(wrap);
  return wrap;
}
const treemaps = (wrap: HTMLElement) => [
  ...wrap.querySelectorAll<ParsecBudgetTreemap>('parsec-budget-treemap'),
];
const allShow = (els: Element[], title: string) => els.every((el) => shown(el) === title);

describe('validated once per dataset', () => {
  it('one object given to three widgets: one validation; its validated copy given again: none', async () => {
    const wrap = mount('<parsec-budget-treemap></parsec-budget-treemap>'.repeat(3));
    const els = treemaps(wrap);
    const d = dataset('Own data');
    const before = validationCount();
    for (const el of els) el.data = d;
    expect(await until(() => allShow(els, 'Own data'))).toBe(true);
    expect(validationCount() - before).toBe(1);
    // the same object set again, and the dataset prepareDataset returns for it: already validated
    const prepared = prepareDataset(d);
    expect(prepared.ok).toBe(true);
    for (const el of els) el.data = prepared.ok ? prepared.data : d;
    const other = mount('<parsec-budget-treemap></parsec-budget-treemap>');
    treemaps(other)[0]!.data = d;
    expect(await until(() => allShow([...els, ...treemaps(other)], 'Own data'))).toBe(true);
    expect(validationCount() - before).toBe(1);
  });

  it('a treemap, then a Gantt given the same object: one validation, one object with the sections each reads', async () => {
    const wrap = mount('<parsec-budget-treemap></parsec-budget-treemap>');
    const d = dataset('Shared object');
    const before = validationCount();
    treemaps(wrap)[0]!.data = d;
    expect(await until(() => allShow(treemaps(wrap), 'Shared object'))).toBe(true);
    const treemapData = (treemaps(wrap)[0] as unknown as { loader: { state: DatasetState } }).loader.state;
    expect(treemapData.status === 'ready' && treemapData.data.budget.length).toBe(raw.budget.length);
    const gantt = document.createElement('parsec-phase-gantt') as ParsecPhaseGantt;
    wrap.append(gantt);
    gantt.data = d;
    expect(await until(() => shown(gantt) === 'Shared object')).toBe(true);
    const ganttData = (gantt as unknown as { loader: { state: DatasetState } }).loader.state;
    // one object for the dataset, its timeline filled in for the Gantt
    expect(ganttData.status === 'ready' && treemapData.status === 'ready').toBe(true);
    if (ganttData.status !== 'ready' || treemapData.status !== 'ready') return;
    expect(ganttData.data).toBe(treemapData.data);
    expect(ganttData.data.timeline).toHaveLength(raw.timeline.length);
    expect(validationCount() - before).toBe(1);
  });

  it('each widget brings the checks of the sections it reads (the rates: every widget checks them)', () => {
    for (const widget of [ParsecBudgetTreemap, ParsecPhaseGantt, ParsecFacilityMap, ParsecCooperantChart]) {
      const checks = (widget as unknown as { checks: Record<string, unknown> }).checks;
      for (const section of widget.sections)
        if (section !== 'rates')
          expect(typeof checks[section], `${widget.name}: ${section}`).toBe('function');
    }
  });

  it('a <parsec-dataset> and the widgets inside it or naming it: one validation', async () => {
    const wrap = mount(`<parsec-dataset id="once">
        <parsec-budget-treemap></parsec-budget-treemap>
        <parsec-budget-treemap></parsec-budget-treemap>
      </parsec-dataset>
      <parsec-budget-treemap dataset="once"></parsec-budget-treemap>`);
    const before = validationCount();
    (wrap.querySelector('parsec-dataset') as ParsecDataset).data = dataset('Shared');
    const els = treemaps(wrap);
    expect(await until(() => allShow(els, 'Shared'))).toBe(true);
    expect(validationCount() - before).toBe(1);
  });

  it('widgets loading the same URL: one fetch, one validation', async () => {
    let fetches = 0;
    const body = JSON.stringify(dataset('Fetched'));
    globalThis.fetch = (async () => {
      fetches++;
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const before = validationCount();
    const wrap = mount('<parsec-budget-treemap src="/once.json"></parsec-budget-treemap>'.repeat(2));
    expect(await until(() => allShow(treemaps(wrap), 'Fetched'))).toBe(true);
    expect(fetches).toBe(1);
    expect(validationCount() - before).toBe(1);
  });

  it('a large dataset at a URL (validated in slices, with zod): one validation; a broken one shows its path', async () => {
    const big = largeGenerated({ programmes: 10, linesPerProgramme: 5_000, facilities: 10, posts: 10 });
    expect(datasetSize(big)).toBeGreaterThanOrEqual(SLICED_FROM);
    (big.meta.title as Record<string, string>).en = 'Large';
    const bodies: Record<string, string> = { '/large.json': JSON.stringify(big) };
    (big.budget[3] as Record<string, unknown>).programme = 'nowhere';
    bodies['/broken.json'] = JSON.stringify(big);
    globalThis.fetch = (async (url: string) =>
      new Response(bodies[new URL(url).pathname], {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch;
    const before = validationCount();
    const wrap = mount('<parsec-budget-treemap src="/large.json"></parsec-budget-treemap>');
    expect(await until(() => allShow(treemaps(wrap), 'Large'), 60_000)).toBe(true);
    expect(validationCount() - before).toBe(1);
    const broken = mount('<parsec-budget-treemap src="/broken.json"></parsec-budget-treemap>');
    const el = treemaps(broken)[0]!;
    const alert = () => el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
    expect(await until(() => alert().includes('budget[3].programme'), 60_000)).toBe(true);
  }, 120_000);

  it('the bundled default dataset: validated at build time, never in the browser', async () => {
    const before = validationCount();
    const wrap = mount('<parsec-budget-treemap></parsec-budget-treemap>'.repeat(2));
    const els = treemaps(wrap);
    expect(await until(() => els.every((el) => shown(el) !== undefined))).toBe(true);
    expect(validationCount() - before).toBe(0);
  });
});
