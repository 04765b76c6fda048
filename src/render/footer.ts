import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation';

/** The formats a widget exports. */
export const EXPORT_FORMATS = ['svg', 'png', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FooterState {
  tableOpen: boolean;
  exportOpen: boolean;
  exportError: string;
  toggleTable(): void;
  toggleExport(): void;
  closeExport(): void;
  exportFile(format: ExportFormat): void;
  /** The choices of the open group (`renderExportChoices`, once loaded). */
  choices(): unknown;
}

/**
 * Under every chart: the source line, the "Show data" and "Download" buttons, and the group of download choices
 * (drawn when open: `export-choices.ts`).
 */
export function renderFooter(sourceLine: unknown, s: FooterState, t: Translation): TemplateResult {
  return html`<div class="footer">
      ${sourceLine}
      <div class="actions">
        <button
          type="button"
          part="table-toggle"
          aria-expanded=${s.tableOpen ? 'true' : 'false'}
          aria-controls="table"
          @click=${() => s.toggleTable()}
        >
          ${s.tableOpen ? t.hideData : t.showData}
        </button>
        <button
          type="button"
          part="export-toggle"
          aria-expanded=${s.exportOpen ? 'true' : 'false'}
          aria-controls="export"
          @click=${() => s.toggleExport()}
        >
          ${t.download}
        </button>
      </div>
    </div>
    <div
      id="export"
      class="export"
      part="export"
      role="group"
      aria-label=${t.download}
      ?hidden=${!s.exportOpen}
    >
      ${s.exportOpen ? s.choices() : nothing}
    </div>`;
}
