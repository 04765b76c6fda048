/**
 * Entry for `parsec-widgets/facility-map`: defines `<parsec-facility-map>` only (with its Natural Earth geometry).
 * The event classes come along (they are small), and with them the typed `parsec-*` events in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('parsec-select', (e) => e.detail)` is typed.
 * @module parsec-widgets/facility-map
 * @packageDocumentation
 */
export { ParsecFacilityMap } from './components/facility-map/facility-map';
export * from './events/index';
export type { Dataset } from './schema/dataset';
export type { DatasetData, DatasetInput } from './types';
