import { describe, expect, it } from 'vitest';
import type { TableModel } from '../describe/types';
import { tableCsv, tableJson, toCsv } from './export';

const model: TableModel = {
  caption: 'Budgets',
  columns: [{ label: 'Name' }, { label: 'Amount (EUR)', numeric: true }, { label: 'Date' }],
  rows: Array.from({ length: 2000 }, (_, i) => ({
    text: [`Line ${i}`, `€${i}K`, '30 January 2017'],
    raw: [`Line ${i}`, i * 1000, i % 2 ? '2017-01-30' : null],
  })),
};

describe('exports from the table model', () => {
  it('writes every row of the model as CSV, raw numbers and ISO dates, not the text on screen', () => {
    const lines = tableCsv(model).trim().split('\r\n');
    expect(lines).toHaveLength(2001);
    expect(lines[0]).toBe('Name,Amount (EUR),Date');
    expect(lines[2]).toBe('Line 1,1000,2017-01-30');
    expect(lines[1]).toBe('Line 0,0,');
  });

  it('writes JSON rows keyed by column, with null for empty cells', () => {
    const json = JSON.parse(tableJson(model, { title: 'T', asOf: '2024-09', source: 'Sources: X' }));
    expect(json.rows).toHaveLength(2000);
    expect(json.rows[1]).toEqual({ Name: 'Line 1', 'Amount (EUR)': 1000, Date: '2017-01-30' });
    expect(json.rows[0].Date).toBeNull();
    expect(json.asOf).toBe('2024-09');
  });

  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(toCsv(['a'], [['x, "y"\nz']])).toBe('a\r\n"x, ""y""\nz"\r\n');
  });
});
