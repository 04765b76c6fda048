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
    { asOf: data.meta.asOf, title: data.meta.title },
  );

  it('the default dataset exported to the tables imports back without an error', () => {
    expect(back.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(back.ok).toBe(true);
  });

  it('programmes, budget lines (alternatives and unknown amounts included) and posts are equal to themselves', () => {
    const d = back.data!;
    for (const key of ['programmes', 'budget'] as const) expect(d[key], key).toEqual(data[key]);
    expect(d.cooperants.posts).toEqual(data.cooperants.posts);
  });

  it('loses only what the column convention does not carry, and lists it', () => {
    // sections of the format other than the seven tables (a glossary…) are not the tables' business
    const tabled = /^(meta|sources|programmes|budget|timeline|places|facilities|cooperants)\b/;
    const kinds = [
      ...new Set(
        tableLosses(data, back.data)
          .filter((p) => tabled.test(p))
          .map((p) => p.replace(/\[\d+\]/g, '[]')),
      ),
    ].sort();
    expect(kinds).toEqual([
      'cooperants.entities[].name.fr',
      'cooperants.entities[].note',
      'cooperants.entities[].short',
      'cooperants.entities[].sources[]',
      'cooperants.totals[]',
      'facilities[].amount.alternatives',
      'facilities[].amount.bound',
      'facilities[].amount.note',
      'facilities[].amount.sources[]',
      'facilities[].date.note',
      'facilities[].date.precision',
      'facilities[].date.sources[]',
      'facilities[].placeNote',
      'facilities[].quantity.note',
      'facilities[].quantity.precision',
      'facilities[].quantity.sources[]',
      'meta.description',
      'meta.license',
      'places[].alternatives',
      'sources[].seedFile',
      'timeline[].date.alternatives',
      'timeline[].date.note',
      'timeline[].date.sources[]',
      'timeline[].duration',
      'timeline[].end.alternatives',
      'timeline[].end.note',
      'timeline[].end.precision',
      'timeline[].end.sources[]',
      'timeline[].planned.end.note',
      'timeline[].planned.end.precision',
      'timeline[].planned.end.sources[]',
      'timeline[].start.alternatives',
      'timeline[].start.note',
      'timeline[].start.sources[]',
    ]);
  });
});
