import { describe, expect, it } from 'vitest';
import { firstOf } from './facility-map';

describe('firstOf', () => {
  it('gives the first n of a list as a full sort would, for lists shorter and longer than n', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const compare = (a: { w: number; k: string }, b: { w: number; k: string }) =>
      b.w - a.w || (a.k < b.k ? -1 : 1);
    for (const size of [0, 5, 200, 201, 5000]) {
      const list = Array.from({ length: size }, (_, i) => ({ w: Math.floor(rnd() * 50), k: `k${i}` }));
      expect(firstOf(list, 200, compare)).toEqual([...list].sort(compare).slice(0, 200));
    }
  });
});
