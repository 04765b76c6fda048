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
    // sections of the format other than the tables' (a glossary…) are not the tables' business
    const tabled: Record<string, unknown> = { ...data };
    delete tabled.glossary;
    expect(back.data).toEqual(tabled);
    expect(tableLosses(tabled, back.data)).toEqual([]);
  });
});
