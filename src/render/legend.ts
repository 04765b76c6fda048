import { html, nothing, svg, type TemplateResult } from 'lit';
import type { LegendItem } from '../describe/types';

function swatch(item: LegendItem): TemplateResult | typeof nothing {
  const cls = `swatch ${item.className ?? ''}`;
  switch (item.swatch) {
    case 'none':
      return nothing;
    case 'fill':
      return svg`<rect class=${cls} x="0.5" y="0.5" width="13" height="13" rx="2"></rect>`;
    case 'hatch':
      return svg`<defs>
          <pattern id=${`lg-${item.key}`} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
            <line class="swatch-hatch" x1="0" y1="0" x2="0" y2="4"></line>
          </pattern>
        </defs>
        <rect class=${cls} x="0.5" y="0.5" width="13" height="13" rx="2"></rect>
        <rect x="0.5" y="0.5" width="13" height="13" rx="2" fill=${`url(#lg-${item.key})`}></rect>`;
    case 'dashed':
      return svg`<rect class=${`${cls} dashed`} x="1" y="1" width="12" height="12" rx="2"></rect>`;
    case 'outline':
      return svg`<rect class=${`${cls} outline`} x="1" y="1" width="12" height="12" rx="2"></rect>`;
    case 'symbol':
      return svg`<path class=${cls} transform="translate(7 7)" d=${item.path ?? ''}></path>`;
    case 'line':
      return svg`<line class=${`${cls} line`} x1="0" y1="7" x2="14" y2="7"></line>`;
    case 'dot':
      return svg`<circle class=${cls} cx="7" cy="7" r="5"></circle>`;
  }
}

/**
 * A legend from its items (built in `describe/` from the encodings drawn): each entry is the swatch of the marks it
 * describes, drawn with the same classes, and its words.
 */
export function renderLegend(items: readonly LegendItem[], label: string): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  return html`<ul class="legend" part="legend" aria-label=${label}>
    ${items.map(
      (item) =>
        html`<li data-legend=${item.key}>
          ${
            item.swatch === 'none'
              ? nothing
              : html`<svg width="14" height="14" aria-hidden="true">${swatch(item)}</svg>`
          }${item.label}
        </li>`,
    )}
  </ul>`;
}
