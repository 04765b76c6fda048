import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { datasetSize, parseDataset, parseDatasetInSlices } from './parse';
import { referenceIssues, referenceSteps } from './references';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const clone = (): Json => JSON.parse(JSON.stringify(raw));

/** A few broken datasets: each must give the same verdict and the same problems in one pass and in slices. */
const broken: [string, (d: Json) => void][] = [
  ['a phase without end', (d) => delete d.timeline.find((t: Json) => t.kind === 'phase').end],
  ['an unknown top-level field', (d) => (d.extra = 1)],
  ['an unknown cooperants field', (d) => (d.cooperants.extra = [])],
  ['a bad date', (d) => (d.meta.asOf = 'soon')],
  ['a duplicate post', (d) => d.cooperants.posts.push({ ...d.cooperants.posts[0] })],
  ['an unknown programme', (d) => (d.budget[0].programme = 'nope')],
  [
    'a negative amount',
    (d) => (d.budget.find((b: Json) => b.amount.amount !== undefined).amount.amount = -1),
  ],
  ['lists of the wrong type', (d) => ((d.places = {}), (d.cooperants.posts = 'x'))],
  ['not an object', (d) => Object.keys(d).forEach((k) => delete d[k])],
  // a problem zod goes on after (a check, an unknown field), then the cross-references it still finds
  [
    'an empty label and an unknown programme',
    (d) => ((d.budget[0].label.en = ''), (d.budget[1].programme = 'nope')),
  ],
  ['an unknown field and an unknown programme', (d) => ((d.extra = 1), (d.budget[1].programme = 'nope'))],
  // a problem that stops zod before them (a wrong type)
  [
    'a wrong type and an unknown programme',
    (d) => ((d.budget[0].label = 1), (d.budget[1].programme = 'nope')),
  ],
];

describe('parseDatasetInSlices', () => {
  it('gives the same dataset as parseDataset', async () => {
    const a = parseDataset(raw);
    const b = await parseDatasetInSlices(raw);
    expect(b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.data).toEqual(a.data);
  });

  for (const [name, mutate] of broken)
    it(`gives the same problems: ${name}`, async () => {
      const d = clone();
      mutate(d);
      const a = parseDataset(d);
      const b = await parseDatasetInSlices(d);
      expect(b.ok).toBe(false);
      expect(a.ok).toBe(false);
      // the same problems in the same order, and their count
      expect(b).toEqual(a);
    });

  it('100,000 items: the browser gets turns between slices', async () => {
    const d = clone();
    const line = d.budget.find((b: Json) => b.parent && b.amount.amount !== undefined);
    d.budget.push(
      ...Array.from({ length: 100_000 }, (_, i) => ({ ...structuredClone(line), id: `bulk-${i}` })),
    );
    expect(datasetSize(d)).toBeGreaterThan(100_000);
    // how long each slice lasts is measured by bench/long-tasks.mjs, not here (a clock in a test is flaky)
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    // slices of 5 ms: a parse of ~150 ms yields some 30 times; one task would give the timer no turn at all
    const r = await parseDatasetInSlices(d, { sliceMs: 5 });
    clearInterval(timer);
    expect(r.ok).toBe(true);
    expect(turns).toBeGreaterThan(3);
  }, 60_000);

  it('the cross-references in steps: the same problems, in the same order, as at once', () => {
    const d = clone();
    const line = d.budget.find((b: Json) => b.parent && b.amount.amount !== undefined);
    d.budget.push(
      ...Array.from({ length: 20_000 }, (_, i) => ({ ...structuredClone(line), id: `bulk-${i}` })),
    );
    // problems spread over the steps: an unknown programme, a duplicate id, a cycle, an unknown source
    d.budget[5_000].programme = 'nope';
    d.budget[9_000].id = d.budget[9_001].id;
    d.budget[12_000].parent = d.budget[15_000].id;
    d.budget[15_000].parent = d.budget[12_000].id;
    d.budget[19_000].sources = ['nowhere'];
    const once = referenceIssues(structuredClone(d));
    expect(new Set(once.map((i) => i.message.split(' ')[0]))).toEqual(new Set(['R', 'U', 'Y']));
    const steps = referenceSteps(structuredClone(d));
    let r = steps.next();
    let n = 0;
    for (; !r.done; r = steps.next()) n++;
    expect(r.value).toEqual(once);
    // 20,000 lines, in steps of 4,096 records, list by list
    expect(n).toBeGreaterThan(10);
  });

  it('never rejects, even on throwing getters', async () => {
    const d = clone();
    Object.defineProperty(d, 'budget', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const r = await parseDatasetInSlices(d);
    expect(r).toMatchObject({ ok: false, issues: [{ path: 'budget' }] });
    expect(datasetSize(d)).toBe(0);
  });
});
