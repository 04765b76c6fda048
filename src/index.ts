/**
 * parsec-widgets: embeddable Lit + D3 chart widgets on EU and French security cooperation in central Mali.
 * Importing this module defines every element.
 * @packageDocumentation
 */
export { ParsecBudgetTreemap } from './components/budget-treemap/budget-treemap';
export { ParsecElement } from './components/base/parsec-element';
export * from './events/index';
export * from './schema/index';
export {
  selectBudgetTree,
  nodeAtPath,
  type BudgetNode,
  type DrawnAmount,
  type BudgetTreeOptions,
} from './select/budget-tree';
export {
  layoutTreemap,
  type TreemapGeometry,
  type TreemapTile,
  type TreemapOptions,
  type TreemapLabels,
} from './layout/treemap';
export { defaultDataset } from './controllers/dataset';
export { translations, en, fr, type Translation } from './i18n/index';
export { formatMoney, formatIsoDate, formatHedgedMoney, formatPercent, localText, type HedgedText } from './i18n/format';
export { ParsecDataset, ParsecSelectionChangeEvent } from './components/dataset/dataset';
