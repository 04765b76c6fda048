/**
 * Entry for `parsec-widgets/phase-gantt`: defines `<parsec-phase-gantt>` only.
 * The event classes come along (they are small), and with them the typed `parsec-*` events in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('parsec-select', (e) => e.detail)` is typed.
 * @module parsec-widgets/phase-gantt
 * @packageDocumentation
 */
export { ParsecPhaseGantt } from './components/phase-gantt/phase-gantt';
export * from './events/index';
export type { Dataset } from './schema/dataset';
export type { DatasetData, DatasetInput } from './types';
