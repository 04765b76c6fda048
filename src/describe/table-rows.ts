/**
 * What the widgets' table modules (`describe/<widget>-table.ts`) share: the raw cell of a row's sources, a row made
 * when first read. In the late chunk (`late.ts` exports `tableRows`), given to a table module with the words of
 * its widget (`TableRows`): a module the four table modules imported would join what the CDN files load at once (their
 * `core` chunk takes every module four chunks share).
 * @module
 */
import type { Source } from '../schema/sources';
import type { TableRow } from './types';

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

/** What a table module is given besides the words of its widget (an object, not the module's namespace: no runtime). */
export const tableRows = { LazyRow, sourcesRaw };
