/**
 * What the root and the bundle share, without the validator: the events, the dataset's types, the formatters and
 * translations, the default dataset and the types of the widgets' views. No zod here: the widgets load it only for
 * data their fast checks are not sure of, so the bundle stays light; the root adds the validator.
 * @module
 */
// the events: classes, details, and the `parsec-*` entries of GlobalEventHandlersEventMap
export * from './events/index';

// the validator and the dataset's types (the `parsec-widgets/schema` subpath also has the zod schemas and helpers)
export { MAX_ISSUES } from './schema/fast';
export type { DataIssue, ParseFailure, ParseResult } from './schema/parse';
export { SECTIONS } from './schema/section-list';
export type { Section, SectionProblems, SectionIssues } from './schema/sections';
export { KNOWN } from './schema/references';
export type {
  Dataset,
  Vocabulary,
  Term,
  Programme,
  BudgetLine,
  TimelineItem,
  Place,
  Facility,
  CooperantPost,
  GlossaryEntry,
  StaffWords,
  Path,
  ReferenceIssue,
} from './schema/dataset';
export type { Precision } from './schema/common';
export type { IsoDate, DateGranularity, DateReport, ReportedDate, KnownDate } from './schema/dates';
export type { Currency, Rate, Bound, MoneyReport, ReportedMoney, KnownMoney, Count } from './schema/quantity';
export type { Source } from './schema/sources';
export type { LocalText } from './schema/text';
export type { DatasetData, DatasetInput, Loose } from './types';

// the formatters and the widgets' words
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
export { translations, registerTranslation, en, fr, type Translation } from './i18n/all';
export type { GanttStrings } from './i18n/strings/gantt';
export type { MapStrings } from './i18n/strings/map';
export type { CooperantStrings } from './i18n/strings/cooperant';
export type { TreemapStrings } from './i18n/strings/treemap';
/** The generated checks a widget class brings for the sections it reads (its `static checks`). */
export type { Check, SectionChecks } from './schema/fast';

// the bundled default dataset (its own chunk, fetched on first call), and the dataset as the widgets prepare it
export { defaultDataset } from './controllers/dataset';
export type { DatasetState } from './controllers/dataset';

// the vocabularies the views' types name
export { FACILITY_KINDS } from './select/facility-points';
export { NOT_ITEMISED, NOT_STATED, COOPERANT_GROUP_BYS } from './select/cooperant-posts';

// the types of the widgets' views and layouts (what the element classes' public members hold)
export type { BudgetNode, DrawnAmount, BudgetTreeOptions } from './select/budget-tree';
export type {
  TreemapGeometry,
  TreemapTile,
  TreemapOptions,
  TreemapLabels,
  TreemapLine,
  TileText,
} from './layout/treemap';
export type {
  PhaseRows,
  PhaseGroup,
  PhaseItem,
  DateSpan,
  ShownDate,
  UnknownDate,
  PhaseRowsOptions,
} from './select/phase-rows';
export type {
  GanttGeometry,
  GanttRow,
  GanttOptions,
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
export type {
  FacilityPointsView,
  FacilityPointsOptions,
  PlaceGroup,
  FacilityItem,
  FacilityKind,
  Anchor,
  ItemState,
} from './select/facility-points';
export type {
  BaseMap,
  MarksLayout,
  MapMarker,
  MapLabel,
  MapZoom,
  MapGeoData,
  BasePath,
  Box,
  GeoProps,
  LabelCandidate,
  LabelClass,
  MarksOptions,
  RingItem,
  TownDot,
  FitTarget,
  MapTexts,
  OffView,
  TextLookup,
} from './layout/facility-map';
export type { Planar } from './layout/planar';
export type { GeoBox } from './layout/map-geometry';
export type {
  CooperantView,
  CooperantYear,
  CooperantUnit,
  CooperantGroupBy,
  UnitGroup,
} from './select/cooperant-posts';
export type {
  CooperantGeometry,
  CooperantLayoutOptions,
  CooperantMode,
  GroupBox,
  UnitBox,
  CooperantModeChoice,
  CooperantSwitch,
  GroupText,
} from './layout/cooperant';
export type { Measure } from './layout/text-fit';
