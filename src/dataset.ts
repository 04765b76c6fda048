/**
 * Entry for `parsec-widgets/dataset`: defines `<parsec-dataset>`, which links widgets to one dataset and selection.
 * @module parsec-widgets/dataset
 * @packageDocumentation
 */
export { ParsecDataset } from './components/dataset/dataset';
export * from './events/index';
export type { Dataset } from './schema/dataset';
export type { DatasetData, DatasetInput } from './types';
