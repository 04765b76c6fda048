/**
 * What a widget needs after its first frame, in one chunk (a plain dynamic import: a strict CSP allows it): the data
 * table (its renderer, and what every widget's table module uses), the tooltip and its placement, the download choices, their styles, and what the marks do with the reader's
 * pointer, focus and keys. The widget loads it when the browser is idle after the chart's first paint, or at the
 * reader's first pointer or focus in it.
 */
export { lateStyles } from '../../styles/late';
export { renderDataTable } from '../../render/data-table';
export { renderTooltip } from '../../render/tooltip';
export { renderExportChoices } from '../../render/export-choices';
export { placeTooltip } from '../../controllers/tooltip-place';
export { activate, focusMark, handleMarkEvent } from '../../controllers/marks-events';
export { tableRows } from '../../describe/table-rows';
