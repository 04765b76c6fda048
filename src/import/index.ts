/**
 * Data in without writing JSON: spreadsheet tables (CSV, TSV) and IATI activity files → a validated dataset.
 * A separate entry point (`parsec-widgets/import`): no widget imports it, no DOM is needed.
 */
import type { ImportIssue } from './issues';
import { importTables, type ImportOptions, type ImportResult, type TableInput } from './assemble';
import { importIati, type IatiOptions, type IatiResult } from './iati';

export { importTables, emptyDataset } from './assemble';
export type { ImportOptions, ImportResult, TableInput } from './assemble';
export { importIati } from './iati';
export type { IatiOptions, IatiResult, NotMapped } from './iati';
export { formatIssue } from './issues';
export type { ImportIssue } from './issues';
export { SECTIONS, guessSection, normaliseHeader } from './columns';
export type { SectionName, SectionSpec, ColumnSpec } from './columns';
export { exportSection, exportTables, templateTables, tableLosses } from './export';
export { parseTable, formatTable, setCell, detectDelimiter } from './table';
export type { Table } from './table';
export { readAmount, readDate, readDecimal, readCount } from './cells';
export type { CellFix } from './cells';
export { parseXml, XmlError } from './xml';

/** True when a file is XML (an IATI activity file) rather than a table: by its name, else by its first character. */
export function isXml(input: { name: string; text: string }): boolean {
  return (
    /\.xml$/i.test(input.name) ||
    input.text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<')
  );
}

/**
 * Imports files of either kind: one IATI XML file, or any number of tables. Mixed inputs are refused (import the
 * IATI file, then add tables to its dataset with `importTables(tables, { base })`).
 */
export function importFiles(
  inputs: TableInput[],
  options: ImportOptions & IatiOptions = {},
): (ImportResult | IatiResult) & { kind: 'tables' | 'iati' } {
  const xml = inputs.filter(isXml);
  if (xml.length === 0) return { kind: 'tables', ...importTables(inputs, options) };
  if (xml.length === 1 && inputs.length === 1)
    return {
      kind: 'iati',
      ...importIati(xml[0]!.text, { ...options, fileName: options.fileName ?? xml[0]!.name }),
    };
  const issue: ImportIssue = {
    severity: 'error',
    file: xml[0]!.name,
    message: 'one IATI file at a time, without tables: import it alone, then add tables to its dataset',
  };
  return { kind: 'iati', ok: false, dataset: {}, issues: [issue], notMapped: [], mapped: [] };
}
