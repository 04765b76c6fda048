import { css } from 'lit';

/** Cooperant chart styles: rank colours (with shapes), hollow not-itemised units, dashed approximate ones. */
export const cooperantStyles = css`
  :host {
    /* inherited text properties a host page may set aggressively */
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    font-style: normal;
    font-weight: 400;
  }
  .chart {
    position: relative;
  }
  canvas {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    pointer-events: none;
  }
  svg.cooperant {
    display: block;
    overflow: visible;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    margin-block-end: 0.4em;
  }
  .toolbar label {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    white-space: nowrap;
    max-width: 100%;
  }
  /* as wide as the option shown, not the longest one ("Service (8 of 9 not stated)"), so narrow toolbars hold */
  .toolbar select {
    min-width: 0;
    max-width: 12em;
    text-overflow: ellipsis;
  }
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.15em 0.4em;
  }
  select:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .summary {
    margin: 0 0 0.6em;
    font-size: 0.95em;
  }
  .note {
    margin: 0 0 0.6em;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .mode-toggle {
    display: inline-flex;
    align-items: center;
    gap: 0;
  }
  .mode-label {
    margin-inline-end: 0.4em;
  }
  .mode-toggle button {
    font: inherit;
    color: var(--_fg);
    background: transparent;
    border: 1px solid var(--_border);
    padding: 0.15em 0.7em;
    cursor: pointer;
  }
  .mode-toggle button:first-of-type {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .mode-toggle button:last-of-type {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    border-inline-start: none;
  }
  .mode-toggle button[aria-pressed='true'] {
    color: var(--_bg);
    background: var(--_fg);
    border-color: var(--_fg);
  }
  .mode-toggle button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .rank-senior-officer {
    --_c: var(--_cat-1);
  }
  .rank-officer {
    --_c: var(--_cat-2);
  }
  .rank-nco {
    --_c: var(--_cat-3);
  }
  .rank-not-stated {
    --_c: var(--_unknown);
  }
  .rank-declared,
  .declared-0 {
    --_c: var(--_cat-4);
  }
  .declared-1 {
    --_c: var(--_cat-5);
  }
  .declared-2 {
    --_c: var(--_cat-6);
  }
  .unit {
    cursor: pointer;
    outline: none;
  }
  /* a unit is one path: its rank's colour, hollow when not itemised, dashed when approximate */
  .unit {
    fill: var(--_c);
  }
  .unit.not-itemised {
    fill: var(--_bg);
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .unit.approx {
    stroke-dasharray: 3 2;
  }
  /* keyboard focus shows at once (the ring of the highlighted unit follows in the same frame) */
  .unit:focus-visible:not(.active) {
    outline: 2.5px solid var(--_focus);
    outline-offset: 2px;
  }
  .label {
    fill: var(--_fg);
    font-size: 12px;
  }
  .label.name {
    font-weight: 600;
  }
  .label.count {
    fill: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .kind-not-itemised .label.name,
  .kind-not-stated .label.name {
    font-style: italic;
  }
  .bar.solid,
  .swatch.solid {
    fill: var(--_accent);
  }
  .swatch.hollow {
    fill: var(--_bg);
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .swatch.approx {
    stroke-dasharray: 3 2;
  }
  .bar.hollow {
    fill: var(--_bg);
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .bar.hollow.approx {
    stroke-dasharray: 4 3;
  }
  .hit {
    fill: transparent;
  }
  .focusable {
    cursor: pointer;
    outline: none;
  }
  .focus-ring {
    fill: none;
    stroke: none;
    pointer-events: none;
  }
  .focus-ring.ring-active,
  .focusable.active > .focus-ring,
  .focusable:focus-visible > .focus-ring {
    stroke: var(--_focus);
    stroke-width: 2.5px;
  }
  .unit-ring {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2px;
    pointer-events: none;
  }
  .unit.dimmed,
  .focusable.dimmed .bar,
  .focusable.dimmed .label {
    opacity: 0.3;
  }
  .focus-ring.ring-linked,
  .focusable.linked > .focus-ring {
    stroke: var(--_fg);
    stroke-width: 2px;
    stroke-dasharray: 4 2;
  }
  .legend {
    margin-block-start: 0.6em;
  }
  .legend svg {
    overflow: visible;
  }
  .legend .unit {
    cursor: default;
  }
`;
