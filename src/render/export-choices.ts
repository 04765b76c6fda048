import { html, nothing, type TemplateResult } from 'lit';
import { EXPORT_FORMATS, type FooterState } from './footer';

/**
 * The download choices (drawn once the group is open, with what follows the first frame: `late.ts`): a button per
 * format, the error of the last export, and Escape to close the group, returning focus to its button.
 */
export function renderExportChoices(s: FooterState): TemplateResult {
  return html`${EXPORT_FORMATS.map(
    (f) =>
      html`<button
        type="button"
        data-format=${f}
        @click=${() => s.exportFile(f)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Escape') return;
          s.closeExport();
          ((e.currentTarget as HTMLElement).getRootNode() as ShadowRoot)
            .querySelector<HTMLElement>('[part="export-toggle"]')
            ?.focus();
        }}
      >
        ${f.toUpperCase()}
      </button>`,
  )}
  ${s.exportError ? html`<span role="status">${s.exportError}</span>` : nothing}`;
}
