import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import { selectBudgetTree } from '../select/budget-tree';
import { layoutTreemap, type TreemapOptions } from './treemap';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every known amount of the default dataset set to `v` (then validated as a widget would). */
function tree(v: number) {
  const d: Json = JSON.parse(JSON.stringify(raw));
  for (const b of d.budget) if (typeof b.amount.amount === 'number') b.amount.amount = v;
  for (const b of d.budget) delete b.amount.max;
  const r = parseDataset(d);
  if (!r.ok) throw new Error(`${r.issues[0]!.path}: ${r.issues[0]!.message}`);
  return selectBudgetTree(r.data, { programmes: 'all' });
}
const options = {
  text: () => ({ name: 'Name', short: 'N', amount: '1 €', share: '1 %' }),
} as unknown as TreemapOptions;
const finite = (o: unknown) =>
  !JSON.stringify(o, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? 'NOT FINITE' : v)).includes(
    'NOT FINITE',
  );

describe('treemap layout stays finite', () => {
  for (const v of [5e-324, 1e-300, 1, 1e15, 1e16]) {
    it(`amounts of ${v} give finite tiles inside the box`, () => {
      const g = layoutTreemap(tree(v), 600, 400, options);
      expect(finite(g)).toBe(true);
      const drawn = g.tiles.filter((t) => t.w > 0 && t.h > 0);
      expect(drawn.length).toBeGreaterThan(2);
      for (const t of g.tiles) {
        expect(t.x).toBeGreaterThanOrEqual(0);
        expect(t.x + t.w).toBeLessThanOrEqual(600);
        expect(t.y + t.h).toBeLessThanOrEqual(400);
      }
      expect(g.total).toBeGreaterThan(0);
      expect(Number.isFinite(g.total)).toBe(true);
    });
  }
});
