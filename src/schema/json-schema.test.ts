import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchemaText } from './json-schema';

describe('data/schema.json', () => {
  it('is generated from the zod schema and not stale (run `npm run schema` to refresh)', () => {
    const committed = readFileSync(new URL('../../data/schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(datasetJsonSchemaText());
  });
  it('describes the top-level collections', () => {
    const schema = JSON.parse(datasetJsonSchemaText());
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'meta',
        'sources',
        'programmes',
        'budget',
        'timeline',
        'places',
        'facilities',
        'cooperants',
      ]),
    );
  });
});
