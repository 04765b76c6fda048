import * as z from 'zod/mini';
import { DatasetShape } from './dataset';

/**
 * The dataset's JSON Schema (draft 2020-12), generated from the zod schema, as pretty-printed text.
 * Cross-reference rules (ids that must exist) are not expressible in JSON Schema; `npm run validate` checks them.
 */
export function datasetJsonSchemaText(): string {
  const schema = z.toJSONSchema(DatasetShape, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const out = {
    $schema: schema.$schema,
    $id: 'https://parsec-widgets.example/schema.json',
    title: 'parsec-widgets dataset',
    description:
      'Programmes, budgets, timeline, places, facilities and cooperant posts, every figure with its sources. ' +
      'Ids referenced across collections must exist: run `npm run validate -- file.json` for the full check.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
