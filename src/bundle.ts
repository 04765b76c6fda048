/**
 * Entry for `parsec-widgets/bundle` (`dist/parsec-widgets.js`, `dist/parsec-widgets.iife.js` as `window.ParsecWidgets`,
 * `dist/cdn/parsec-widgets.js`): everything in one file. Importing it defines all four widgets and `<parsec-dataset>`,
 * and it exports what the root exports but the validator (import `parseDataset` from `parsec-widgets`: the widgets
 * load zod only for data their fast checks are not sure of), plus the element classes.
 *
 * @example
 * ```html
 * <script type="module" src="https://cdn.jsdelivr.net/npm/parsec-widgets/dist/parsec-widgets.js"></script>
 * <parsec-budget-treemap></parsec-budget-treemap>
 * <parsec-phase-gantt from="2017" to="2024"></parsec-phase-gantt>
 * ```
 * @module parsec-widgets/bundle
 * @packageDocumentation
 */
export * from './api';
export { ParsecElement } from './components/base/parsec-element';
export { ParsecBudgetTreemap } from './components/budget-treemap/budget-treemap';
export { ParsecPhaseGantt } from './components/phase-gantt/phase-gantt';
export { ParsecFacilityMap } from './components/facility-map/facility-map';
export { ParsecCooperantChart } from './components/cooperant-chart/cooperant-chart';
export { ParsecDataset } from './components/dataset/dataset';
