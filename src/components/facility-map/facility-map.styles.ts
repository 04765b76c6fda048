import { css } from 'lit';

/** Map styles: land and borders, symbols by kind (shape and colour), halos, clusters, labels with a halo. */
export const facilityMapStyles = css`
  :host {
    --_land: var(--parsec-map-land, color-mix(in srgb, var(--_surface) 70%, var(--_bg)));
    --_water: var(--parsec-map-water, color-mix(in srgb, var(--_accent) 7%, var(--_bg)));
    --_other: color-mix(in srgb, var(--_muted) 14%, var(--_bg));
  }
  .chart {
    position: relative;
    touch-action: pan-x pan-y;
    user-select: none;
    -webkit-user-select: none;
  }
  .chart.zoomed {
    touch-action: none;
    cursor: grab;
  }
  /* a large map shows a new zoom at once, scaled, while it lays its markers out again: clipped; labels, town dots and
     the rings of the labelled canvas markers hidden (scaled, they would be drawn twice their size) */
  .chart.previewing {
    overflow: clip;
  }
  .chart.previewing .labels,
  .chart.previewing .towns,
  .chart.previewing .focus-only:not(:focus, .active) .focus-ring {
    visibility: hidden;
  }
  .basemap,
  canvas {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    pointer-events: none;
  }
  .basemap {
    overflow: hidden;
  }
  .marks {
    position: relative;
  }
  .water {
    fill: var(--_water);
  }
  .country {
    fill: var(--_other);
    fill-rule: evenodd;
    stroke: var(--_border);
    stroke-width: 0.8;
    vector-effect: non-scaling-stroke;
  }
  /* over the world's outlines, the countries the places lie in are the land the map is about */
  .country.focus {
    fill: var(--_bg);
    stroke: var(--_muted);
  }
  /* on a dark panel the land the map is about is the lightest, above its neighbours and the sea */
  :host([theme='dark']) .country.focus,
  :host(:not([theme])[data-scheme='dark']) .country.focus {
    fill: color-mix(in srgb, var(--_muted) 20%, var(--_bg));
  }
  .region {
    fill: var(--_land);
    fill-rule: evenodd;
    stroke: var(--_border);
    stroke-width: 0.6;
    stroke-dasharray: 3 2;
    vector-effect: non-scaling-stroke;
  }
  .region.focus {
    fill: var(--_bg);
    stroke: var(--_fg);
    stroke-width: 1.2;
    stroke-dasharray: none;
  }
  .region-outline {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-dasharray: 6 4;
    vector-effect: non-scaling-stroke;
  }
  .mark {
    cursor: pointer;
  }
  .hit {
    fill: transparent;
  }
  .symbol {
    fill: var(--_c);
    stroke: var(--_bg);
    stroke-width: 1.2;
  }
  .symbol.undated {
    fill: var(--_bg);
    stroke: var(--_c);
    stroke-width: 2;
  }
  .cluster {
    fill: var(--_fg);
    stroke: var(--_bg);
    stroke-width: 2;
  }
  .marker.region .cluster {
    fill: var(--_bg);
    stroke: var(--_accent);
    stroke-dasharray: 4 2;
  }
  .marker.region .badge-in {
    fill: var(--_fg);
  }
  .marker.region .symbol {
    stroke: var(--_accent);
    stroke-dasharray: 3 2;
  }
  .marker.all-undated .cluster {
    fill: var(--_bg);
    stroke: var(--_fg);
  }
  .marker.all-undated .badge-in {
    fill: var(--_fg);
  }
  .badge-in {
    fill: var(--_bg);
    font-size: 12px;
    font-weight: 700;
    text-anchor: middle;
    pointer-events: none;
  }
  .badge {
    fill: var(--_fg);
    font-size: 11px;
    font-weight: 700;
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 3px;
    stroke-linejoin: round;
    pointer-events: none;
  }
  .halo {
    fill: color-mix(in srgb, var(--_accent) 14%, transparent);
    stroke: var(--_accent);
    stroke-width: 1;
    stroke-dasharray: 2 2;
    pointer-events: none;
  }
  .leader,
  .spoke {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .anchor,
  .town {
    fill: var(--_fg);
    stroke: var(--_bg);
    stroke-width: 1;
  }
  .marker:hover .cluster,
  .marker:hover .symbol,
  .item:hover .symbol {
    filter: brightness(1.15);
  }
  .focus-ring {
    fill: none;
    stroke: none;
    pointer-events: none;
  }
  .focus-only .focus-ring {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .label {
    font-size: 12px;
    fill: var(--_fg);
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 3px;
    stroke-linejoin: round;
    pointer-events: none;
  }
  .label.facility {
    font-weight: 700;
  }
  .label.item {
    font-size: 12px;
  }
  .label.town {
    fill: var(--_muted);
  }
  .label.region,
  .label.country {
    fill: var(--_muted);
    font-style: italic;
    letter-spacing: 0.04em;
  }
  .inset-bg {
    fill: var(--_bg);
    stroke: var(--_border);
  }
  .inset-land {
    fill: var(--_land);
    stroke: var(--_muted);
    stroke-width: 0.5;
  }
  .inset-context {
    fill: var(--_other);
    stroke: var(--_border);
    stroke-width: 0.4;
  }
  .inset-focus {
    fill: var(--_muted);
  }
  .inset-view {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 1.5;
  }
  .scale-bar {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .scale-text,
  .attribution {
    font-size: 11px;
    fill: var(--_muted);
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 3px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.4em 1em;
    margin-block-end: 0.4em;
  }
  /* narrow: the output takes the toolbar's width and always two lines, so no date makes it grow or shrink */
  .toolbar {
    container-type: inline-size;
  }
  @container (max-inline-size: 480px) {
    .date-filter output {
      inline-size: 100% !important;
      white-space: normal;
      line-height: 1.3;
      block-size: 2.6em;
    }
  }
  .date-filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
  }
  .date-filter input {
    inline-size: min(220px, 50vw);
    accent-color: var(--_accent);
  }
  output {
    display: inline-block;
    font-size: 13px;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    white-space: nowrap;
  }
  div.zoom {
    display: flex;
    gap: 0.25em;
  }
  .zoom-in,
  .zoom-out {
    inline-size: 28px;
    font-weight: 700;
  }
  .reset:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .wheel-hint {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 50%;
    translate: -50% -50%;
    margin: 0;
    padding: 0.5em 0.9em;
    border-radius: var(--_radius);
    background: var(--_fg);
    color: var(--_bg);
    opacity: 0;
    transition: opacity 0.2s;
    pointer-events: none;
  }
  .wheel-hint.on {
    opacity: 0.92;
  }
  .legend svg {
    overflow: visible;
  }
  .legend .swatch.symbol {
    stroke: var(--_bg);
    stroke-width: 1;
  }
  .legend .swatch.undated {
    fill: var(--_bg);
    stroke: var(--_c);
    stroke-width: 2;
  }
  .legend .swatch.cluster {
    fill: var(--_fg);
    stroke: none;
  }
  .legend .swatch.halo {
    fill: color-mix(in srgb, var(--_accent) 14%, transparent);
    stroke: var(--_accent);
    stroke-width: 1;
    stroke-dasharray: 2 2;
  }
  .legend .swatch.region-outline {
    stroke: var(--_accent);
    stroke-width: 1.5;
    stroke-dasharray: 3 2;
  }
  /* a selection shared through <parsec-dataset>: related markers outlined, the others faint */
  .mark.linked .focus-ring {
    stroke: var(--_fg);
    stroke-width: 2.5px;
    stroke-dasharray: 4 2;
  }
  .marker.dimmed,
  .halo.dimmed {
    opacity: 0.3;
  }
  .pointed {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2.5;
    pointer-events: none;
  }
  /* a cluster's categories: one arc per kind, around its number */
  .segment {
    fill: none;
    stroke: var(--_c);
    stroke-width: 4;
    stroke-dasharray: none;
  }
  /* the open cluster's list, over its neighbours */
  .panel {
    fill: var(--_bg);
    stroke: var(--_border);
    stroke-width: 1;
    filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.25));
  }
  /* what lies beyond the view: a pill at the edge, its number and an arrow */
  .offview .pill {
    fill: var(--_bg);
    stroke: var(--_fg);
    stroke-width: 1.2;
  }
  .offview .arrow {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .offview-count {
    fill: var(--_fg);
    font-size: 12px;
    font-weight: 700;
    text-anchor: middle;
    pointer-events: none;
  }
  .legend .swatch.offview-swatch {
    fill: var(--_bg);
    stroke: var(--_fg);
    stroke-width: 1.2;
  }
  .graticule {
    fill: none;
    stroke: var(--_border);
    stroke-width: 0.6;
    stroke-dasharray: 2 3;
    vector-effect: non-scaling-stroke;
  }
  /* the data table fits its box: long cells wrap, secondary columns leave the screen (the exports keep them) */
  .table-wrap {
    container-type: inline-size;
  }
  th {
    overflow-wrap: break-word;
    hyphens: auto;
  }
  td {
    overflow-wrap: break-word;
  }
  /* on screen, the date's precision, the currency (the amount shows it) and the placing words stay in the exports */
  @container (max-inline-size: 1400px) {
    .table-wrap:not(.sr-only) tr > :nth-child(6),
    .table-wrap:not(.sr-only) tr > :nth-child(9),
    .table-wrap:not(.sr-only) tr > :nth-child(11) {
      display: none;
    }
  }
  @container (max-inline-size: 900px) {
    .table-wrap:not(.sr-only) tr > :nth-child(3),
    .table-wrap:not(.sr-only) tr > :nth-child(8) {
      display: none;
    }
  }
  @container (max-inline-size: 560px) {
    .table-wrap:not(.sr-only) tr > :nth-child(5),
    .table-wrap:not(.sr-only) tr > :nth-child(7),
    .table-wrap:not(.sr-only) tr > :nth-child(10) {
      display: none;
    }
  }
  .note {
    margin: 0.3em 0 0;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .tooltip ul {
    margin: 0.2em 0;
    padding-inline-start: 1.1em;
  }
  @media (prefers-reduced-motion: reduce) {
    .wheel-hint {
      transition: none;
    }
  }
`;
