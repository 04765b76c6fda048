import { html, nothing, type TemplateResult } from 'lit';
import type { TooltipModel } from '../describe/types';
import type { Translation } from '../i18n/translation';

/** The tooltip of a mark, from its model (the same for every widget). */
export function renderTooltip(m: TooltipModel, t: Translation): TemplateResult {
  return html`<h3>${m.title}</h3>
    ${m.lines.map((l) => html`<p>${l}</p>`)} ${(m.notes ?? []).map((l) => html`<p class="alt">${l}</p>`)}
    ${m.sources ? html`<p class="tip-sources">${t.pair(t.sources, m.sources)}</p>` : nothing}`;
}
