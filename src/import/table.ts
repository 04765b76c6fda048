/** Reading a pasted or loaded table (CSV, TSV, or semicolon-separated as French spreadsheets save them). */
import { dsvFormat } from 'd3-dsv';

export interface Table {
  /** The file name shown in messages (`budget.csv`, or `pasted table`). */
  name: string;
  delimiter: string;
  /** Header cells as written. */
  header: string[];
  /** Data rows (the header excluded); row `i` is spreadsheet row `i + 2`. */
  rows: string[][];
}

/** Picks the delimiter of the first line: a tab, a semicolon or a comma, whichever separates most cells. */
export function detectDelimiter(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let most = 0;
  for (const d of ['\t', ';', ',']) {
    const n = dsvFormat(d).parseRows(first)[0]?.length ?? 0;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/** Parses a table; rows that are entirely empty are kept (row numbers stay those of the spreadsheet). */
export function parseTable(text: string, name = 'pasted table', delimiter = detectDelimiter(text)): Table {
  const rows = dsvFormat(delimiter).parseRows(text.replace(/^\uFEFF/, ''));
  // a trailing line break gives no row in d3-dsv; a trailing empty line may
  while (rows.length && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  const [header = [], ...body] = rows;
  return { name, delimiter, header: header.map((h) => h.trim()), rows: body };
}

/** Writes a table back with its delimiter, quoting where needed. */
export function formatTable(table: Pick<Table, 'header' | 'rows' | 'delimiter'>): string {
  return dsvFormat(table.delimiter).formatRows([table.header, ...table.rows]) + '\n';
}

/** Returns the table text with one cell replaced (`row` as a spreadsheet numbers it: the header is row 1). */
export function setCell(text: string, row: number, column: number, value: string, name?: string): string {
  const t = parseTable(text, name);
  const r = t.rows[row - 2];
  if (!r) throw new RangeError(`no row ${row} in ${t.name}`);
  while (r.length <= column) r.push('');
  r[column] = value;
  return formatTable(t);
}
