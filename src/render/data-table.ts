import { html, nothing, type TemplateResult } from 'lit';

/**
 * The data table every widget puts under its chart (visually hidden until "Show data"): a caption, column headers
 * and the widget's rows, with an optional note under it (rows left out…).
 */
export function renderDataTable(
  caption: string,
  headers: readonly string[],
  rows: unknown,
  note?: string,
): TemplateResult {
  return html`<table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headers.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${note ? html`<p class="table-note">${note}</p>` : nothing}`;
}
