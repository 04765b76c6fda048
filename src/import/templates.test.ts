import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import parsec from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import { importTables } from './assemble';
import { SECTIONS, type SectionName } from './columns';
import { templateTables } from './export';
import { formatIssue } from './issues';

const dir = new URL('../../data/templates/', import.meta.url);
const parsed = parseDataset(parsec);
if (!parsed.ok) throw new Error('the default dataset is invalid');
const expected = templateTables(parsed.data, {
  programmes: ['parsec'],
  budget: ['parsec-total', 'parsec-diagnostic-contract', 'parsec-cessna'],
  timeline: ['parsec-overall', 'parsec-phase-2-implementation', 'parsec-phase-1-diagnostic'],
  facilities: ['parsec-cessna-208'],
  posts: ['dcm-chief'],
});
// UPDATE_TEMPLATES=1 npx vitest run --project unit src/import/templates writes them
if (process.env.UPDATE_TEMPLATES)
  for (const [s, text] of Object.entries(expected)) writeFileSync(new URL(`${s}.csv`, dir), text);

describe('templates (data/templates/*.csv)', () => {
  it('one per section, every column of the convention, in sync with the default dataset', () => {
    for (const s of Object.keys(SECTIONS) as SectionName[]) {
      const text = readFileSync(new URL(`${s}.csv`, dir), 'utf8');
      expect(text, s).toBe(expected[s]);
      expect(text.split('\n')[0]).toBe(SECTIONS[s].columns.map((c) => c.key).join(','));
    }
  });
  it('import together as they are, into a valid dataset', () => {
    const r = importTables(
      (Object.keys(SECTIONS) as SectionName[]).map((s) => ({
        name: `${s}.csv`,
        text: readFileSync(new URL(`${s}.csv`, dir), 'utf8'),
      })),
      { asOf: '2024-01-01' },
    );
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.data!.budget).toHaveLength(3);
    expect(r.data!.facilities).toHaveLength(1);
  });
  it('every column is documented in docs/import.md', () => {
    const doc = readFileSync(new URL('../../docs/import.md', import.meta.url), 'utf8');
    for (const s of Object.values(SECTIONS))
      for (const c of s.columns) expect(doc, c.key).toContain(`| \`${c.key}\``);
  });
});
