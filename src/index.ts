/**
 * parsec-widgets: embeddable Lit + D3 chart widgets on EU and French security cooperation in central Mali.
 *
 * The root has no side effects: it defines no element and brings no widget code. It exports the event classes, the
 * types, the formatters, the validator and the pure view/layout functions. The elements are defined by their
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
 * @packageDocumentation
 */
export {
  selectPhaseRows,
  isoSpan,
  type PhaseRows,
  type PhaseGroup,
  type PhaseItem,
  type DateSpan,
  type ShownDate,
  type UnknownDate,
  type PhaseRowsOptions,
} from './select/phase-rows';
export {
  layoutGantt,
  zoomWindow,
  panWindow,
  rowsInRange,
  type GanttGeometry,
  type GanttRow,
  type GanttOptions,
} from './layout/gantt';
export {
  selectFacilityPoints,
  FACILITY_KINDS,
  regionId,
  itemState,
  type FacilityPointsView,
  type FacilityPointsOptions,
  type PlaceGroup,
  type FacilityItem,
  type FacilityKind,
} from './select/facility-points';
export {
  layoutBaseMap,
  layoutMarks,
  placeLabels,
  clampZoom,
  zoomAround,
  type BaseMap,
  type MarksLayout,
  type MapMarker,
  type MapLabel,
  type MapZoom,
  type MapGeoData,
} from './layout/facility-map';
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
export { defaultDataset, prepareDataset } from './controllers/dataset';
export { translations, registerTranslation, en, fr, type Translation } from './i18n/index';
export {
  formatMoney,
  formatIsoDate,
  formatHedgedMoney,
  formatPercent,
  formatReported,
  moneyShownIn,
  precisionWord,
  localText,
  type HedgedText,
  type Reported,
  type ReportedText,
} from './i18n/format';
export {
  selectCooperantPosts,
  groupUnits,
  unitsOf,
  NOT_ITEMISED,
  NOT_STATED,
  COOPERANT_GROUP_BYS,
  type CooperantView,
  type CooperantYear,
  type CooperantUnit,
  type CooperantGroupBy,
  type UnitGroup,
} from './select/cooperant-posts';
export {
  layoutCooperant,
  type CooperantGeometry,
  type CooperantLayoutOptions,
  type CooperantMode,
  type GroupBox,
  type UnitBox,
} from './layout/cooperant';
export type { Anchor, ItemState } from './select/facility-points';
export type {
  BasePath,
  Box,
  GeoProps,
  LabelCandidate,
  LabelClass,
  MarksOptions,
  RingItem,
  TownDot,
} from './layout/facility-map';
export type { Planar } from './layout/planar';
export type {
  GanttArrow,
  GanttBar,
  GanttGhost,
  GanttLabel,
  GanttMark,
  GanttTexts,
  GanttTick,
  TickUnit,
  Seg,
  EdgeCount,
  AxisLabel,
} from './layout/gantt';
export type { DatasetState } from './controllers/dataset';
export type { DatasetData, DatasetInput, Loose } from './types';
export type { CooperantModeChoice, CooperantSwitch, GroupText } from './layout/cooperant';
export type { Measure } from './layout/text-fit';
export type { FitTarget, MapTexts, OffView } from './layout/facility-map';
export type { TreemapLine, TileText } from './layout/treemap';
export type { GanttStrings } from './i18n/strings/gantt';
export type { MapStrings } from './i18n/strings/map';
export type { CooperantStrings } from './i18n/strings/cooperant';
