// The dataset from a JSON import goes into `data` as is; the shape is checked, the values at run time.
// (Type-checked under bundler and nodenext; node16 has no import attributes.)
import raw from 'parsec-widgets/data/parsec.json' with { type: 'json' };
import 'parsec-widgets/budget-treemap';

const treemap = document.createElement('parsec-budget-treemap');
treemap.data = raw;
treemap.data = { ...raw, budget: [] };
// @ts-expect-error: not a dataset
treemap.data = 42;
// @ts-expect-error: a misspelt field in an object literal
treemap.data = { ...raw, budgets: [] };
// @ts-expect-error: a required field missing
treemap.data = { meta: raw.meta };
