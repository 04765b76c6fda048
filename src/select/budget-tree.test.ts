import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests as data } from '../../test/fixtures/default-dataset';
import { syntheticBudget } from '../../test/fixtures/synthetic-budget';
import { nodeAtPath, selectBudgetTree, selectBudgetTreeSteps, type BudgetNode } from './budget-tree';

const find = (n: BudgetNode, id: string): BudgetNode | undefined =>
  n.id === id ? n : [...n.children, ...n.undisclosed].map((c) => find(c, id)).find(Boolean);

describe('selectBudgetTree(data)', () => {
  const root = selectBudgetTree(data);

  it('shows the programmes and hides context missions by default', () => {
    expect(root.children.map((c) => c.programme).sort()).toEqual(['mcd', 'parsec']);
    expect(root.undisclosed.map((c) => c.programme)).toEqual(['quick-impact']);
    const all = selectBudgetTree(data, { programmes: 'all' });
    expect(all.children.map((c) => c.programme)).toEqual(
      expect.arrayContaining(['eucap-sahel-mali', 'eutm-mali']),
    );
  });

  it('draws PARSEC at 29 M€ and keeps 43 M€ as an alternative, never added', () => {
    const parsec = root.children.find((c) => c.programme === 'parsec')!;
    expect(parsec.amount!.eur).toBe(29_000_000);
    expect(parsec.alternatives.map((a) => [a.amount, a.currency])).toContainEqual([43_000_000, 'EUR']);
    const sum = parsec.children.reduce((s, c) => s + c.amount!.eur, 0);
    expect(sum).toBeCloseTo(29_000_000, 0);
  });

  it('adds the part of a total that no source itemises as its own derived, approximate tile', () => {
    const parsec = root.children.find((c) => c.programme === 'parsec')!;
    const rest = parsec.children.find((c) => c.kind === 'rest')!;
    const itemised = parsec.children.filter((c) => c.kind !== 'rest').reduce((s, c) => s + c.amount!.eur, 0);
    expect(rest.id).toBe(`${parsec.id}~rest`);
    expect(rest.amount!.eur).toBeCloseTo(29_000_000 - itemised, 3);
    // inputs include approximate amounts (~700 000 €, > 600 M FCFA), so the remainder is approximate too
    expect(rest.amount!.precision).toBe('approx');
  });

  it('lists an XOF amount apart, never added, when the data states no rate (the default dataset cites none)', () => {
    const parsec = root.children.find((c) => c.id === 'parsec-total')!;
    const camp = parsec.undisclosed.find((c) => c.id === 'parsec-mobile-camp')!;
    expect(camp.amount).toBeNull();
    expect(camp.unconverted).toMatchObject({ amount: 600_000_000, currency: 'XOF' });
    expect(parsec.children.some((c) => c.amount?.original.currency === 'XOF')).toBe(false);
  });

  it('converts XOF amounts through a rate the data states and marks them derived', () => {
    const d = structuredClone(data);
    d.sources.push({
      id: 'TRATE',
      title: 'Test: a stated peg',
      publisher: 'Test fixture (fictional)',
      url: null,
      published: null,
    });
    d.rates = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['TRATE'] }];
    const camp = selectBudgetTree(d)
      .children.flatMap((c) => c.children)
      .find((c) => c.amount?.original.currency === 'XOF')!;
    expect(camp.amount!.eur).toBeCloseTo(camp.amount!.original.amount / 655.957, 6);
    expect(camp.amount!.precision).not.toBe('exact');
    // shown in XOF, the tree is sized in XOF through the same rate
    const inXof = selectBudgetTree(d, { currency: 'XOF' }).children.find((c) => c.id === 'parsec-total')!;
    expect(inXof.amount!.eur).toBe(29_000_000 * 655.957);
  });

  it('sums the parts when no source gives a total, and says so', () => {
    const all = selectBudgetTree(data, { programmes: ['eucap-sahel-mali'] });
    const eucap = all.children[0]!;
    expect(eucap.sumOfParts).toBe(true);
    expect(eucap.amount!.eur).toBeCloseTo(
      eucap.children.reduce((s, c) => s + c.amount!.eur, 0),
      3,
    );
  });

  it('builds the same tree in steps, yielding on a large budget', () => {
    const big = syntheticBudget(60_000, 12);
    const steps = selectBudgetTreeSteps(big, { programmes: 'all' });
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(4);
    const tree = r.value;
    expect(tree.children.map((c) => c.id)).toEqual(
      selectBudgetTree(big, { programmes: 'all' }).children.map((c) => c.id),
    );
    // every line is in the tree once, under its parent, in the data's order
    const lines = tree.children.flatMap((c) => (c.kind === 'other' ? c.children : [c]));
    expect(lines.reduce((n, p) => n + p.children.length, 0)).toBe(60_000);
    const p0 = lines.find((p) => p.programme === 'p0')!;
    expect(p0.children.slice(0, 3).map((c) => c.id)).toEqual(['l0', 'l12', 'l24']);
  });

  it('finds a node by its path and stops at unknown ids', () => {
    const parsecId = root.children.find((c) => c.programme === 'parsec')!.id;
    expect(nodeAtPath(root, [parsecId]).node.id).toBe(parsecId);
    expect(nodeAtPath(root, [parsecId]).trail.map((n) => n.id)).toEqual(['root', parsecId]);
    expect(nodeAtPath(root, ['nope']).node.id).toBe('root');
    expect(find(root, 'nope')).toBeUndefined();
  });
});

describe('selectBudgetTree with many programmes', () => {
  it('keeps the 7 largest side by side and groups the others into "Other", drillable, never losing one', async () => {
    const { syntheticBudget } = await import('../../test/fixtures/synthetic-budget');
    const d = syntheticBudget(300, 30);
    const root = selectBudgetTree(d, { programmes: Array.from({ length: 30 }, (_, i) => `p${i}`) });
    expect(root.children).toHaveLength(8);
    const other = root.children.at(-1)!;
    expect(other).toMatchObject({ id: 'root~other', kind: 'other' });
    expect(other.children).toHaveLength(23);
    const kept = root.children.slice(0, 7);
    const smallestKept = Math.min(...kept.map((c) => c.amount!.eur));
    expect(Math.max(...other.children.map((c) => c.amount!.eur))).toBeLessThanOrEqual(smallestKept);
    expect(nodeAtPath(root, ['root~other']).node).toBe(other);
    const ids = new Set([...kept, ...other.children].map((c) => c.programme));
    expect(ids.size).toBe(30);
  });
});
