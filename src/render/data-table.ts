import { html, nothing, type TemplateResult } from 'lit';
import { TABLE_SCREEN_ROWS, type TableModel } from '../describe/types';
import type { Translation } from '../i18n/translation';

/**
 * The data table every widget puts under its chart (visually hidden until "Show data"), from its table model: a
 * caption, column headers, the first {@link TABLE_SCREEN_ROWS} rows (or the first `upTo`), and a note of the rows
 * left out (the exports have them all).
 */
export function renderDataTable(model: TableModel, t: Translation, upTo = TABLE_SCREEN_ROWS): TemplateResult {
  const count = Math.min(model.rows.length, TABLE_SCREEN_ROWS);
  // `upTo`: the rows drawn so far, when the table is drawn in slices (the note counts the rows it will show)
  const shown =
    model.rows.length > Math.min(count, upTo) ? model.rows.slice(0, Math.min(count, upTo)) : model.rows;
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
      count < model.rows.length
        ? html`<p class="table-note">${t.tableTruncated(count, model.rows.length)}</p>`
        : nothing
    }`;
}
