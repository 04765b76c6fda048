import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { MAX_BUDGET_DEPTH } from './dataset';
import { MAX_COUNTED, MAX_DEPTH, MAX_ISSUES, parseDataset, parseDatasetText, toPlainData } from './parse';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clone = (): Json => JSON.parse(JSON.stringify(raw));

describe('parseDataset never throws', () => {
  it('more shape errors than one pass of the schema can gather: the first 100 with real paths, and a count', () => {
    const d = clone();
    // 4 missing fields each: 240,000 issues (zod overflows the stack on one list from about 50,000 items)
    d.budget = Array.from({ length: 60_000 }, () => ({}));
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(MAX_ISSUES);
    expect(r.total).toBeGreaterThanOrEqual(MAX_COUNTED);
    expect(r.atLeast).toBe(true);
    expect(r.issues[0]!.path).toMatch(/^budget\[0\]\.\w+$/);
    // the same through text, as `src` gives it
    const t = parseDatasetText(JSON.stringify(d));
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.total).toBe(r.total);
  }, 60_000);

  it('60,000 duplicate ids (cross-reference errors) are capped too', () => {
    const d = clone();
    const post = d.cooperants.posts[0];
    d.cooperants.posts = Array.from({ length: 60_000 }, () => post);
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.length).toBeLessThanOrEqual(MAX_ISSUES);
    expect(r.total).toBe(59_999);
  }, 60_000);

  it('getters and proxies that throw become issues at their path', () => {
    const d = clone();
    Object.defineProperty(d.meta, 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    d.programmes = new Proxy(d.programmes, {
      get(t, k) {
        if (k === '1') throw new TypeError('trap');
        return Reflect.get(t, k);
      },
    });
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['meta.title', 'programmes[1]']));
    expect(r.issues.find((i) => i.path === 'meta.title')!.message).toContain('boom');
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const h = parseDataset(hostile);
    expect(h).toMatchObject({ ok: false, issues: [{ path: '(root)' }] });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(parseDataset(revoked.proxy).ok).toBe(false);
  });

  it('a value that refers to itself, or nests without end, is reported, not followed', () => {
    const d = clone();
    d.meta.self = d;
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toContain(`${MAX_DEPTH} levels`);
    let deep: Json = {};
    const top = deep;
    for (let i = 0; i < 200_000; i++) deep = deep.x = {};
    expect(parseDataset(top).ok).toBe(false);
    expect(parseDatasetText('['.repeat(200_000) + ']'.repeat(200_000)).ok).toBe(false);
  }, 60_000);

  it('odd values do not throw: BigInt, symbols, functions, a __proto__ key', () => {
    for (const v of [1n, Symbol('s'), () => 1, new Date(0), new Map(), Object.create(null)])
      expect(parseDataset(v).ok).toBe(false);
    const d = JSON.parse(JSON.stringify(raw).replace('"meta":{', '"meta":{"__proto__":{"x":1},'));
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('meta.__proto__');
  });

  it('toPlainData copies plain data unchanged', () => {
    const d = clone();
    const p = toPlainData(d);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.value).toEqual(d);
  });
});

describe('cross-references', () => {
  it('a duplicate post id is reported at a real JSON path', () => {
    const d = clone();
    const n = d.cooperants.posts.length;
    d.cooperants.posts.push({ ...d.cooperants.posts[0] });
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(`cooperants.posts[${n}].id`);
  });

  it('a chain of 100,000 budget lines is checked in linear time, and refused past the depth limit', () => {
    const d = clone();
    const programme = d.programmes[0].id;
    const line = (i: number) => ({
      id: `deep-${i}`,
      programme,
      parent: i ? `deep-${i - 1}` : null,
      label: { en: 'x' },
      amount: { unknown: true },
    });
    d.budget = Array.from({ length: 100_000 }, (_, i) => line(i));
    const t = performance.now();
    const r = parseDataset(d);
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ path: `budget[${MAX_BUDGET_DEPTH}].parent` });
    expect(r.total).toBe(100_000 - MAX_BUDGET_DEPTH);
  }, 60_000);

  it('a cycle is still reported', () => {
    const d = clone();
    const [a, b] = d.budget.filter((x: Json) => x.parent);
    a.parent = b.id;
    b.parent = a.id;
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.message.includes('cycle'))).toBe(true);
  });
});

describe('amounts stay finite', () => {
  it('two programme totals of 1e308 are refused at the amount that overflows', () => {
    const d = clone();
    const tops = d.budget.filter((b: Json) => !b.parent && b.amount.amount !== undefined);
    tops[0].amount.amount = 1e308;
    tops[1].amount.amount = 1e308;
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const i = d.budget.indexOf(tops[0]);
    expect(r.issues[0]!.path).toBe(`budget[${i}].amount.amount`);
    expect(r.issues[0]!.message).toMatch(/below 100000000000000000000 once added up/);
  });
  it('large but drawable amounts pass: 1e15 € in all', () => {
    const d = clone();
    const top = d.budget.find(
      (b: Json) => !b.parent && b.amount.amount !== undefined && b.amount.currency === 'EUR',
    );
    top.amount.amount = 1e15;
    top.amount.alternatives = [];
    delete top.amount.alternatives;
    expect(parseDataset(d).ok).toBe(true);
  });
});
