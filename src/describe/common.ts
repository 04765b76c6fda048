import { formatIsoDate, localText } from '../i18n/format';
import type { Translation } from '../i18n/translation';
import type { Dataset } from '../schema/dataset';
import type { Source } from '../schema/sources';
import type { TableRow } from './types';

/** The caption of a chart in print and exports: `Budgets — <the dataset's title>`. */
export function captionTitle(chart: string, data: Dataset, lang: string): string {
  const title = localText(data.meta.title, lang);
  return chart ? `${chart} — ${title}` : title;
}

/** `data as of September 2024`, or nothing when the dataset gives no date. */
export function asOfText(data: Dataset, t: Translation, lang: string): string {
  return data.meta.asOf ? t.asOf(formatIsoDate(data.meta.asOf, lang)) : '';
}

/** Sources of a figure as a short text for readers (publishers, never ids): `Expertise France (2017), Civipol`. */
export function sourcesText(sources: readonly Source[]): string {
  const seen = new Set<string>();
  return sources
    .map((s) => (s.published ? `${s.publisher} (${s.published.slice(0, 4)})` : s.publisher))
    .filter((s) => (seen.has(s) ? false : (seen.add(s), true)))
    .join(', ');
}

/**
 * Sources of a figure as a raw cell for CSV and JSON: each publisher with its date and address, then the dataset's
 * id in brackets, so a row can be checked and traced: `Expertise France (2017-02-01) https://… [W01]; Civipol [S001]`.
 */
export function sourcesRaw(sources: readonly Source[]): string {
  return sources
    .map((s) =>
      [s.publisher, s.published ? `(${s.published})` : '', s.url ?? '', `[${s.id}]`]
        .filter(Boolean)
        .join(' '),
    )
    .join('; ');
}

/**
 * A table row made when first read: the screen reads only the rows it shows (the first 500), the exports read them
 * all. With 100,000 rows, formatting every cell up front blocked the page for seconds. The row is made once; its
 * `text`, `raw` and `className` are then those of an eager row. A small class instance holding one function (an
 * object of getters would make three closures and its own shape per row: 100,000 items make 100,000 rows).
 */
export class LazyRow implements TableRow {
  #make: (() => TableRow) | null;
  #row: TableRow | null = null;
  constructor(make: () => TableRow) {
    this.#make = make;
  }
  #get(): TableRow {
    if (!this.#row) {
      this.#row = this.#make!();
      this.#make = null;
    }
    return this.#row;
  }
  get text(): TableRow['text'] {
    return this.#get().text;
  }
  get raw(): TableRow['raw'] {
    return this.#get().raw;
  }
  get className(): TableRow['className'] {
    return this.#get().className;
  }
  /** Serialised as the eager row it stands for. */
  toJSON(): TableRow {
    return this.#get();
  }
}
