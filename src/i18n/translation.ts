import type { CooperantStrings } from './strings/cooperant';
import type { GanttStrings } from './strings/gantt';
import type { MapStrings } from './strings/map';
import type { TreemapStrings } from './strings/treemap';

/** The tables of strings that only one widget uses, each in `strings/<widget>.ts`, loaded with that widget. */
export type WidgetStringsKey = 'gantt' | 'map' | 'cooperant' | 'treemap';

/** Every user-facing string of the widgets. Add a language by implementing this interface. */
export interface Translation {
  $code: string;
  loading: string;
  empty: string;
  /** What readers read when the data cannot be shown, in plain words. */
  errorPlain: string;
  /** What readers read when the data arrived but has problems in what this chart reads (else {@link errorPlain}). */
  errorInvalid?: string;
  /** The summary of the folded technical details of an error. */
  errorDetails: string;
  errorMore: (n: number) => string;
  tableTruncated: (shown: number, total: number) => string;
  download: string;
  showData: string;
  hideData: string;
  sourceLine: string;
  asOf: (date: string) => string;
  morePublishers: (n: number) => string;
  sources: string;
  /** Hedges read before an approximate amount. */
  about: string;
  atLeast: string;
  atMost: string;
  range: (lo: string, hi: string) => string;
  /** Money read aloud: `29 millions` + currency → `29 millions d’euros`. */
  spokenMoney: (words: string, currency: string) => string;
  derived: string;
  approx: string;
  exact: string;
  notDisclosed: string;
  notStated: string;
  notItemised: string;
  notItemisedNote: string;
  alsoReported: string;
  drawn: string;
  unknownDate: string;
  /** A label and its value, with the language's punctuation: `Precision: exact`, `Précision : exact`. */
  pair: (label: string, value: string) => string;
  /** The group of the smallest programmes when there are too many to tell apart. */
  otherGroup: (n: number) => string;
  /**
   * Legend entry of the programmes past the palette, drawn in the neutral "Other" grey: `Other: Programme K, Programme
   * L`.
   */
  otherBeyond: (names: string) => string;
  /** After the stated total of a line whose parts exceed it: `parts: €20M`. */
  partsSum: (parts: string) => string;
  /** Why a tile is larger than its stated total. */
  partsExceed: (total: string, parts: string, gap: string) => string;
  /** A sum of parts of different or unknown periods, which is not an amount. */
  notAddedUp: string;
  /** An amount no stated rate converts into the currency shown: `not added (no EUR rate for SEK in the data)`. */
  noRate: (from: string, to: string) => string;
  /** Heads the amounts no stated rate converts: `Not added (the data gives no rate into EUR)`. */
  notAddedNoRate: (to: string) => string;
  /** The tooltip of a "not itemised" part whose total has lines in a currency no rate converts. */
  restIncludesApart: string;
  /** When the currency asked for cannot be shown: `Amounts in EUR: the data gives no rate into XOF`. */
  shownInstead: (shown: string, asked: string) => string;
  /** Title of the bars of a total the sources give differently. */
  reportsDiffer: (name: string) => string;
  /** Title of the key of tiles too small for their names. */
  smallTiles: string;
  /** After a share on a tile: `12 % of the level above`. */
  shareOfLevel: string;
  /** Column of the share in the data table. */
  shareOfLevelColumn: string;
  share: string;
  amount: string;
  name: string;
  level: string;
  precision: string;
  programme: string;
  // treemap
  treemapLabel: (root: string, total: string, n: number) => string;
  treemapTitle: string;
  treemapRoot: string;
  breadcrumb: string;
  up: string;
  drillHint: string;
  legend: string;
  notDrawn: string;
  // network / parse errors
  fetchFailed: (url: string, why: string) => string;
  httpError: (url: string, status: number) => string;
  gantt: GanttStrings;
  map: MapStrings;
  cooperant: CooperantStrings;
  treemap: TreemapStrings;
}
