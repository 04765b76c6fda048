import { describe, expect, it } from 'vitest';
import { LazyRow } from './table-rows';
import { sourcesOfLists } from '../select/sources';
import type { Source } from '../schema/sources';

describe('table rows made when read', () => {
  it('makes a row once, on the first read of any of its fields', () => {
    let made = 0;
    const row = new LazyRow(() => {
      made++;
      return { text: ['a', '1'], raw: ['a', 1], className: 'alt' };
    });
    expect(made).toBe(0);
    expect(row.text).toEqual(['a', '1']);
    expect(row.raw).toEqual(['a', 1]);
    expect(row.className).toBe('alt');
    expect(made).toBe(1);
    // serialised and compared as the eager row it stands for
    expect(JSON.parse(JSON.stringify(row))).toEqual({ text: ['a', '1'], raw: ['a', 1], className: 'alt' });
  });
});

describe('sources of many items', () => {
  it('reads 300,000 id lists without overflowing the call stack, each source once in first-cited order', () => {
    const index = new Map<string, Source>([
      ['A', { id: 'A', publisher: 'Alpha' } as Source],
      ['B', { id: 'B', publisher: 'Beta' } as Source],
    ]);
    const lists = Array.from({ length: 300_000 }, (_, i) => (i % 2 ? ['A'] : ['B', 'X']));
    expect(sourcesOfLists(index, lists).map((s) => s.id)).toEqual(['B', 'A']);
  });
});
