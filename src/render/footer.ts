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
}

/**
 * Under every chart: the source line, the "Show data" and "Download" buttons, and the download choices (a group that
 * Escape closes, returning focus to its button).
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
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        s.closeExport();
        ((e.currentTarget as HTMLElement).getRootNode() as ShadowRoot)
          .querySelector<HTMLElement>('[part="export-toggle"]')
          ?.focus();
      }}
    >
      ${EXPORT_FORMATS.map(
        (f) =>
          html`<button type="button" data-format=${f} @click=${() => s.exportFile(f)}>
            ${f.toUpperCase()}
          </button>`,
      )}
      ${s.exportError ? html`<span role="status">${s.exportError}</span>` : nothing}
    </div>`;
}
