import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation';

/** Issues shown in the technical details of an error (all of them are in the event and the console). */
export const ERROR_DETAILS_SHOWN = 8;

/**
 * What a reader sees when the data cannot be shown: one sentence in the page's language, the tag's own fallback
 * content (its light-DOM children, written by the newsroom), and, folded away for the page's editor, each problem
 * with its JSON path.
 */
export function renderErrorState(
  issues: readonly { path: string; message: string }[],
  total: number,
  t: Translation,
  plain: string = t.errorPlain,
): TemplateResult {
  const shown = issues.slice(0, ERROR_DETAILS_SHOWN);
  return html`<div class="state error" part="error" role="alert">
    <p class="plain">${plain}</p>
    <slot></slot>
    <details>
      <summary>${t.errorDetails}</summary>
      <ul>
        ${shown.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}
      </ul>
      ${total > shown.length ? html`<p>${t.errorMore(total - shown.length)}</p>` : nothing}
    </details>
  </div>`;
}

/** The space kept for a widget far below the fold, until it comes near (its height is reserved). */
export function renderLazyState(): TemplateResult {
  return html`<div class="state lazy" part="loading"></div>`;
}

/** While the data loads. */
export function renderLoadingState(t: Translation): TemplateResult {
  return html`<div class="state loading" part="loading" role="status">${t.loading}</div>`;
}

/** When the data has nothing this widget can draw. */
export function renderEmptyState(t: Translation): TemplateResult {
  return html`<div class="state empty" part="empty" role="status">${t.empty}</div>`;
}
