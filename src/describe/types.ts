import type { ParsecMarkDetail } from '../events/select';
import type { Translation } from '../i18n/translation';
import type { Currency, Rate } from '../schema/quantity';
import type { TermIndex } from './vocabulary';
import type { Source } from '../schema/sources';
import type { tableRows } from './table-rows';

/**
 * What every `describe/` function is given: the string table, the language, the sources by id, and (for money) the
 * currency shown. Pure data: no DOM, no element.
 */
export interface DescribeContext {
  t: Translation;
  lang: string;
  sources: Map<string, Source>;
  currency?: Currency;
  /** The exchange rates the dataset states: amounts are converted through these only. */
  rates?: readonly Rate[];
  /** Values the dataset declares in its open vocabularies (kinds, statuses, ranks, services), with their labels. */
  terms?: TermIndex;
  /** The dataset's languages, first first: the fallback of its texts after the reader's language. */
  languages?: readonly string[];
}

/** The tooltip of one mark: a title, lines of text, and the publishers of its sources (never source ids). */
export interface TooltipModel {
  title: string;
  lines: string[];
  /** Lines set apart (conflicting reports, notes); drawn in a muted style. */
  notes?: string[];
  /** `Sources: Expertise France (2017), Civipol` — empty when the mark cites nothing. */
  sources?: string;
}

/** The words of one mark: what is written on it, what a screen reader hears, the tooltip, the event detail. */
export interface MarkWords {
  /** The accessible name (`aria-label`). */
  name: string;
  tooltip: TooltipModel;
  /** The detail of `parsec-hover` and `parsec-select` (the widget's tag is added by the element). */
  detail: Omit<ParsecMarkDetail, 'widget'>;
}

/** A raw cell value for CSV and JSON: numbers as numbers, dates as ISO strings, text as text, empty as `null`. */
export type RawCell = string | number | boolean | null;

export interface TableColumn {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

/** One row: the text a reader sees in each cell and the raw value exported for each. The first cell heads the row. */
export interface TableRow {
  text: string[];
  raw: RawCell[];
  className?: string;
}

/**
 * The data table of a widget, as a model: the screen renders `text`, CSV and JSON exports write `raw`. Every row is
 * in `rows`; the screen shows the first {@link TABLE_SCREEN_ROWS} and says how many are left out.
 */
export interface TableModel {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
}

/**
 * What every widget's table module uses (`describe/table-rows.ts`: the raw cell of sources, a row made when first
 * read), given to it with the late chunk, which carries it once for every widget of the page (see `late.ts`).
 */
export type TableRows = typeof tableRows;

/** Rows of a data table drawn on screen; the exports always have every row. */
export const TABLE_SCREEN_ROWS = 500;

/** A legend entry: the swatch class drawn in the chart (the same class as the marks) and its words. */
export interface LegendItem {
  key: string;
  label: string;
  /** The shape of the swatch, matching the mark it describes. */
  swatch: 'fill' | 'hatch' | 'outline' | 'dashed' | 'symbol' | 'line' | 'dot' | 'none';
  /** Classes of the swatch (colour class, state classes). */
  className?: string;
  /** For `symbol`: an SVG path `d`, centred at (7, 7). */
  path?: string;
}
