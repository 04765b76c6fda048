import type { CellFix } from './cells';

/** One problem of an import, pointing at the cell (file, spreadsheet row, column as headed) where there is one. */
export interface ImportIssue {
  severity: 'error' | 'warning';
  /** `budget.csv`, `pasted table`, `activity.xml`. */
  file: string;
  /** Spreadsheet row: the header is row 1, the first record row 2. */
  row?: number;
  /** The column header as written in the file. */
  column?: string;
  /** Line of an XML file. */
  line?: number;
  /** Index of the column (0-based), to apply a fix. */
  columnIndex?: number;
  /** `expected a number ≥ 0, got "12,5 M"`. */
  message: string;
  /** An offered correction of the cell: never applied by the importer itself. */
  fix?: CellFix;
  /** The dataset path the problem was found at, when it comes from the schema. */
  path?: string;
}

/** `budget.csv row 7, column "amount": expected a number ≥ 0, got "12,5 M" — fix: "12500000" (…)`. */
export function formatIssue(i: ImportIssue): string {
  let where = i.file;
  if (i.row !== undefined) where += ` row ${i.row}`;
  if (i.line !== undefined) where += ` line ${i.line}`;
  if (i.column !== undefined) where += `, column "${i.column}"`;
  if (i.path !== undefined && i.row === undefined && i.line === undefined) where += ` (${i.path})`;
  const fix = i.fix ? ` — offered fix: "${i.fix.value}" (${i.fix.reason})` : '';
  return `${where}: ${i.severity === 'warning' ? 'warning: ' : ''}${i.message}${fix}`;
}
