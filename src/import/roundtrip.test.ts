import { describe, expect, it } from 'vitest';
import parsec from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import { importTables } from './assemble';
import { exportTables, tableLosses } from './export';
import { formatIssue } from './issues';

const data = (() => {
  const r = parseDataset(parsec);
  if (!r.ok) throw new Error('the default dataset is invalid');
  return r.data;
})();

describe('round trip through the CSV templates', () => {
  const tables = exportTables(data);
  const back = importTables(
    Object.entries(tables).map(([section, text]) => ({ name: `${section}.csv`, text })),
    {
      asOf: data.meta.asOf,
      title: data.meta.title,
      ...(data.meta.description ? { description: data.meta.description } : {}),
      ...(data.meta.license ? { license: data.meta.license } : {}),
    },
  );

  it('the default dataset exported to the tables imports back without an error', () => {
    expect(back.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(back.ok).toBe(true);
  });

  it('is equal to itself: every section of the tables, with alternatives, durations, unknowns and per-figure sources', () => {
    // the sections the tables carry; others of the format (a glossary, exchange rates…) travel through `base`
    const keys = [
      'meta',
      'sources',
      'programmes',
      'budget',
      'timeline',
      'places',
      'facilities',
      'cooperants',
    ] as const;
    // the staff section's own words (its title, what it counts) are not a table either: they travel through `base`
    const withoutWords = (v: unknown) => {
      if (!v || typeof v !== 'object') return v;
      const rest = { ...(v as Record<string, unknown>) };
      delete rest.words;
      return rest;
    };
    const pick = (d: object) =>
      Object.fromEntries(
        keys.map((k) => {
          const v = (d as Record<string, unknown>)[k];
          return [k, k === 'cooperants' ? withoutWords(v) : v];
        }),
      );
    expect(pick(back.data!)).toEqual(pick(data));
    expect(tableLosses(pick(data), pick(back.data!))).toEqual([]);
  });
});
