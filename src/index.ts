/**
 * parsec-widgets: embeddable Lit + D3 chart widgets on EU and French security cooperation in central Mali.
 *
 * The root has no side effects: it defines no element and brings no widget code. It exports the event classes, the
 * validator, the formatters and the translations, the default dataset, and the types. The elements are defined by their
 * subpaths (`parsec-widgets/budget-treemap`, `/phase-gantt`, `/facility-map`, `/cooperant-chart`, `/dataset`), by the
 * all-in-one `parsec-widgets/bundle`, or on demand by `parsec-widgets/autoloader`.
 *
 * @example
 * ```ts
 * import 'parsec-widgets/budget-treemap'; // defines <parsec-budget-treemap>
 * import { ParsecSelectEvent, formatMoney } from 'parsec-widgets'; // defines nothing
 *
 * document.addEventListener(ParsecSelectEvent.type, (e) => console.log(e.detail.id));
 * formatMoney(2_500_000, 'EUR', 'fr'); // "2,5 M€"
 * ```
 * @module parsec-widgets
 * @packageDocumentation
 */
export * from './api';

// the validator (zod: the `parsec-widgets/schema` subpath also has the schemas and helpers)
export {
  parseDataset,
  parseDatasetText,
  parseDatasetInSlices,
  parseDatasetTextInSlices,
} from './schema/parse';
export { MAX_COUNTED } from './schema/parse';
export { prepareDataset } from './controllers/dataset-zod';
