import { css } from 'lit';

/**
 * Shared element styles: a reset that shields the widget from the host page's CSS, the states, the source line, the
 * legends and the focus ring. What only follows the first frame (the data table, the tooltip, the download choices)
 * is in `late.ts`, adopted with the code of those parts.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: 100%;
    color: var(--_fg);
    /* no box of its own: no seam on the host's background; --parsec-color-panel opts into a panel */
    background: var(--parsec-color-panel, transparent);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    text-align: start;
    contain: layout;
  }
  /* an explicit theme is a promise of legibility on any page: it paints its panel (unless the panel token says not) */
  :host([theme]) {
    background: var(--parsec-color-panel, var(--_bg));
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    position: relative;
    margin: 0;
    padding: 0;
  }
  svg {
    display: block;
    overflow: visible;
    font-family: inherit;
    max-inline-size: none;
    block-size: auto;
  }
  svg text {
    font-family: inherit;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.2em 0.6em;
    cursor: pointer;
    min-block-size: 24px;
    min-inline-size: 24px;
    margin: 0;
    text-transform: none;
    letter-spacing: normal;
  }
  button:hover {
    border-color: var(--_fg);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .mark:focus {
    outline: none;
  }
  .mark:focus-visible .focus-ring,
  .mark.active .focus-ring {
    stroke: var(--_focus);
    stroke-width: 3px;
    fill: none;
  }
  .state {
    display: flex;
    align-items: center;
    justify-content: center;
    flex-direction: column;
    gap: 0.5em;
    padding: 1em;
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .state.error {
    color: var(--_fg);
    align-items: flex-start;
    justify-content: flex-start;
  }
  .state.error .plain {
    margin: 0;
    font-weight: 600;
  }
  .state.error details {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .state.error summary {
    cursor: pointer;
  }
  .state.error ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .state.error code {
    font-family: ui-monospace, monospace;
    font-weight: 600;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 1em;
    margin-block-start: 0.4em;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .footer a {
    color: inherit;
  }
  .source {
    margin: 0;
    flex: 1 1 20em;
  }
  .actions {
    display: flex;
    gap: 0.4em;
  }
  .print-title {
    display: none;
    margin: 0 0 0.4em;
    font-weight: 700;
  }
  @media print {
    .print-title {
      display: block;
    }
    button,
    .actions,
    .export,
    .hint,
    .tooltip {
      display: none !important;
    }
    :host {
      break-inside: avoid;
      color: #000;
      background: #fff;
    }
  }
  /* categorical colour of a mark, by class (styles/palette.ts; colour is never the only cue) */
  .c1 {
    --_c: var(--_cat-1);
  }
  .c2 {
    --_c: var(--_cat-2);
  }
  .c3 {
    --_c: var(--_cat-3);
  }
  .c4 {
    --_c: var(--_cat-4);
  }
  .c5 {
    --_c: var(--_cat-5);
  }
  .c6 {
    --_c: var(--_cat-6);
  }
  .c7 {
    --_c: var(--_cat-7);
  }
  .c8 {
    --_c: var(--_cat-8);
  }
  .c9 {
    --_c: var(--_cat-9);
  }
  .c10 {
    --_c: var(--_cat-10);
  }
  /* past the palette: the neutral "Other" (a programme beyond the tenth, an "Other" group), never a reused colour */
  .other {
    --_c: var(--_other);
  }
  /* legends: a wrapping row of swatch + text items */
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    list-style: none;
    margin: 0.4em 0 0;
    padding: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.35em;
  }
  .legend svg {
    display: inline-block;
    flex: none;
  }
  /* legend swatches (render/legend.ts): the same classes as the marks they describe */
  .legend .swatch {
    fill: var(--_c, var(--_muted));
  }
  .legend .swatch.neutral {
    fill: var(--_muted);
  }
  .legend .swatch-hatch {
    stroke: var(--_on-mark);
    stroke-width: 1.5;
    stroke-opacity: 0.6;
  }
  .legend .swatch.rest {
    fill: var(--_bg);
    stroke: var(--_muted);
    stroke-dasharray: 3 2;
  }
  .legend .swatch.rest + rect {
    opacity: 0.6;
  }
  .legend .swatch.rest ~ defs .swatch-hatch,
  .legend defs:has(+ .swatch.rest) .swatch-hatch {
    stroke: var(--_muted);
  }
  .legend .swatch.dashed,
  .legend .swatch.outline {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .legend .swatch.dashed {
    stroke-dasharray: 3 2;
  }
  .legend .swatch.line {
    stroke: var(--_c, var(--_fg));
    stroke-width: 3;
  }
  .sr-only {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;
