import { css } from 'lit';

/** Treemap styles: tile fills by programme, hatching for approximate amounts, dashed outlines for derived ones. */
export const treemapStyles = css`
  :host {
    --_tile-stroke: var(--parsec-treemap-tile-stroke, var(--_bg));
  }
  .plot {
    position: relative;
  }
  .conflicts {
    display: block;
    margin-block-end: 0.4em;
  }
  .conflict-title {
    fill: var(--_fg);
    font-size: 12px;
    font-weight: 600;
  }
  .conflict-label {
    fill: var(--_fg);
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }
  .conflict-bar.drawn {
    fill: var(--_c);
  }
  .conflict-bar.alt {
    fill: none;
    stroke: var(--_c);
    stroke-width: 1.5;
    stroke-dasharray: 4 2;
  }
  .tile-key {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    margin-block-start: 0.4em;
    font-size: 0.85em;
  }
  .tile-key ol {
    display: contents;
  }
  .tile-key li {
    list-style: none;
  }
  .tile-key li::before {
    content: counter(list-item) ' ';
    font-weight: 700;
  }
  .label .key,
  .label.key {
    font-weight: 700;
  }
  /* a key number is the first line of its label, the text itself: the lines after it have the weight of the label */
  .label.key > tspan:not(.amount) {
    font-weight: 500;
  }
  canvas {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    pointer-events: none;
  }
  .tile {
    cursor: pointer;
  }
  .tile > .fill {
    fill: var(--_c);
    stroke: var(--_tile-stroke);
    stroke-width: 1;
  }
  /* a programme with parts: its outline and header band in its colour; its area shows through where no part is drawn */
  .tile.parent > .fill {
    fill: var(--_bg);
    stroke: var(--_c);
    stroke-width: 2;
  }
  .tile > .band {
    fill: var(--_c);
    pointer-events: none;
  }
  /* the lines too small to draw one by one, as one area: a tint of the colour, edged in the colour itself (3:1 on the
     panel), solid (not the dashed outline of "not itemised") and without hatching (not "approximate") */
  .tile.smaller > .fill,
  .legend .swatch.smaller {
    fill: color-mix(in srgb, var(--_c, var(--_muted)) 22%, var(--_bg));
    stroke: none;
  }
  .legend .swatch.smaller,
  .tile.smaller > .edge {
    stroke: var(--_c, var(--_muted));
    stroke-width: 1;
  }
  .tile.smaller > .edge {
    fill: none;
    pointer-events: none;
  }
  .tile.smaller > .label {
    fill: var(--_fg);
  }
  /* what no source itemises: an outline, not a mark, so the known parts carry the picture */
  .tile.rest > .fill {
    fill: transparent;
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-dasharray: 4 3;
  }
  .tile.derived:not(.rest) > .fill,
  .tile.sum > .fill {
    stroke: var(--_fg);
    stroke-dasharray: 4 3;
  }
  .tile > .hatch {
    fill: url(#hatch);
    pointer-events: none;
  }
  .hatch-line {
    stroke: var(--_on-mark);
    stroke-width: 1.5;
    stroke-opacity: 0.45;
  }
  .hatch-line-rest {
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-opacity: 0.5;
  }
  .tile.rest > .hatch {
    fill: url(#hatch-rest);
  }
  .label {
    fill: var(--_on-mark);
    font-size: 12px;
    pointer-events: none;
    font-weight: 500;
  }
  .label.header {
    font-weight: 700;
  }
  .tile.rest > .label {
    fill: var(--_muted);
    font-style: italic;
  }
  .label .amount {
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }
  .tile:hover > .fill {
    filter: brightness(1.12);
  }
  .tile.dimmed > .fill,
  .tile.dimmed > .label {
    opacity: 0.35;
  }
  .tile.linked > .focus-ring {
    stroke: var(--_fg);
    stroke-width: 3px;
    stroke-dasharray: 6 3;
  }
  .focus-ring {
    fill: none;
    stroke: none;
    pointer-events: none;
  }
  .tile.active > .focus-ring,
  .tile:focus-visible > .focus-ring {
    stroke: var(--_focus);
    stroke-width: 3px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    margin-block-end: 0.4em;
    min-block-size: 28px;
  }
  nav ol {
    display: flex;
    flex-wrap: wrap;
    list-style: none;
    margin: 0;
    padding: 0;
    gap: 0.25em;
  }
  nav li + li::before {
    content: '›';
    margin-inline-end: 0.25em;
    color: var(--_muted);
  }
  nav [aria-current] {
    font-weight: 600;
  }
  .undisclosed {
    margin: 0.4em 0 0;
    font-size: 0.85em;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .alt {
    font-style: italic;
  }
`;
