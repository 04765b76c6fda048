import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles, isXml } from './index';

const xml = readFileSync(
  new URL('../../test/fixtures/iati/eutf-mopti-activity.xml', import.meta.url),
  'utf8',
);
const csv = 'id,title,publisher,url,published\nS1,T,P,,\n';

describe('importFiles', () => {
  it('tells an IATI file from a table by its name or its first character', () => {
    expect(isXml({ name: 'activity.XML', text: '' })).toBe(true);
    expect(isXml({ name: 'pasted table', text: '\uFEFF  <?xml version="1.0"?><iati-activities/>' })).toBe(
      true,
    );
    expect(isXml({ name: 'budget.csv', text: 'id,amount' })).toBe(false);
  });
  it('imports one IATI file, or tables, and refuses a mix', () => {
    expect(importFiles([{ name: 'a.xml', text: xml }])).toMatchObject({ kind: 'iati', ok: true });
    expect(importFiles([{ name: 'sources.csv', text: csv }], { asOf: '2024-01-01' })).toMatchObject({
      kind: 'tables',
    });
    const mixed = importFiles([
      { name: 'a.xml', text: xml },
      { name: 'sources.csv', text: csv },
    ]);
    expect(mixed.ok).toBe(false);
    expect(mixed.issues[0]!.message).toMatch(/one IATI file at a time/);
  });
});
