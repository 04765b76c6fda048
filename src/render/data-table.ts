import { html, nothing, type TemplateResult } from 'lit';
import { TABLE_SCREEN_ROWS, type TableModel } from '../describe/types';
import type { Translation } from '../i18n/translation';

/**
 * The data table every widget puts under its chart (visually hidden until "Show data"), from its table model: a
 * caption, column headers, the first {@link TABLE_SCREEN_ROWS} rows, and a note of the rows left out (the exports
 * have them all).
 */
export function renderDataTable(model: TableModel, t: Translation): TemplateResult {
  const shown = model.rows.length > TABLE_SCREEN_ROWS ? model.rows.slice(0, TABLE_SCREEN_ROWS) : model.rows;
  return html`<table>
      <caption>
        ${model.caption}
      </caption>
      <thead>
        <tr>
          ${model.columns.map((c) => html`<th scope="col">${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (r) =>
            html`<tr class=${r.className ?? nothing}>
              ${r.text.map((cell, i) =>
                i === 0
                  ? html`<th scope="row">${cell}</th>`
                  : html`<td class=${model.columns[i]?.numeric ? 'num' : nothing}>${cell}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      shown.length < model.rows.length
        ? html`<p class="table-note">${t.tableTruncated(shown.length, model.rows.length)}</p>`
        : nothing
    }`;
}
