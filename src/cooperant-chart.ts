/**
 * Entry for `parsec-widgets/cooperant-chart`: defines `<parsec-cooperant-chart>` only.
 * The event classes come along (they are small), and with them the typed `parsec-*` events in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('parsec-select', (e) => e.detail)` is typed.
 * @module parsec-widgets/cooperant-chart
 * @packageDocumentation
 */
export { ParsecCooperantChart } from './components/cooperant-chart/cooperant-chart';
export * from './events/index';
export type { Dataset } from './schema/dataset';
export type { DatasetData, DatasetInput } from './types';
