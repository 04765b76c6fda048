/**
 * Entry for `parsec-widgets/budget-treemap`: defines `<parsec-budget-treemap>` only.
 * The event classes come along (they are small), and with them the typed `parsec-*` events in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('parsec-select', (e) => e.detail)` is typed.
 * @module parsec-widgets/budget-treemap
 * @packageDocumentation
 */
export { ParsecBudgetTreemap } from './components/budget-treemap/budget-treemap';
export * from './events/index';
export type { Dataset } from './schema/dataset';
export type { DatasetData, DatasetInput } from './types';
