import { css } from 'lit';

/**
 * Gantt styles: bars by programme, soft (lighter) month/year ends, hatched open tails, dashed ghosts for
 * conflicting reports, dashed outlines for derived dates, thin outlined planned bars.
 */
export const ganttStyles = css`
  .chart {
    position: relative;
    touch-action: pan-y;
  }
  /* rows and axis of the last window while the one asked for is laid out (a zoom of 100,000 rows) */
  .chart.busy :is(.axis, .gantt) {
    opacity: 0.6;
  }
  .scroller {
    max-block-size: var(--parsec-gantt-max-height, 760px);
    overflow-y: auto;
    overflow-x: hidden;
    overscroll-behavior: contain;
  }
  .row {
    cursor: pointer;
  }
  .row:focus {
    outline: none;
  }
  .hit {
    fill: transparent;
  }
  .row.item.active > .hit,
  .row.item:hover > .hit {
    fill: color-mix(in srgb, var(--_c) 8%, transparent);
  }
  /* a selection shared through <parsec-dataset>: related rows ringed, the others faded */
  .row.linked > .focus-ring {
    stroke: var(--_accent);
    stroke-width: 2px;
  }
  .row.item.dimmed > :is(.bar, .planned, .shape, .bracket, .ghost, .name, .lbl),
  .row.group.dimmed > :is(.summary, .name) {
    opacity: 0.35;
  }
  .header-bg {
    fill: var(--_surface);
  }
  .focus-ring,
  .cell-ring {
    fill: none;
    stroke: none;
    pointer-events: none;
  }
  .cell {
    pointer-events: none;
  }
  .cell:focus {
    outline: none;
  }
  .cell:focus-visible > .cell-ring {
    stroke: var(--_focus);
    stroke-width: 2.5px;
  }
  .heads .head {
    font-size: 1px;
    fill: transparent;
  }
  .edges {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.2em 0.5em;
    min-block-size: 1.6em;
    box-sizing: border-box;
  }
  .edge {
    font: inherit;
    font-size: 0.85em;
    color: var(--_muted);
    background: none;
    border: 1px dashed var(--_border);
    border-radius: 3px;
    padding: 0 0.4em;
    cursor: pointer;
    white-space: nowrap;
  }
  /* when both do not fit on one line (a phone, a long language), the later one goes under, still at the right */
  .edge.after {
    margin-inline-start: auto;
  }
  .edge:hover,
  .edge:focus-visible {
    color: var(--_fg);
  }
  .row:focus-visible > .focus-ring,
  .row.group:focus-visible > .focus-ring {
    stroke: var(--_focus);
    stroke-width: 2.5px;
  }
  .name {
    fill: var(--_fg);
    font-size: 12px;
    pointer-events: none;
  }
  .group-name {
    font-weight: 700;
  }
  .chevron {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  /* a programme's span: thin, at full colour (at 75 % it fell to 2.5:1 on the dark background) */
  .summary {
    fill: var(--_c);
  }
  .bar .fill,
  .bar .soft,
  .bar .open {
    stroke: var(--_c);
    stroke-width: 1;
  }
  .bar .fill {
    fill: var(--_c);
  }
  .bar .soft {
    fill: color-mix(in srgb, var(--_c) 35%, var(--_bg));
  }
  .bar .open {
    fill: url(#gantt-hatch);
    stroke-dasharray: 4 3;
  }
  .legend .bar .open {
    fill: color-mix(in srgb, var(--_c) 25%, var(--_bg));
  }
  .legend .bar .hatch {
    fill: url(#gantt-legend-hatch);
  }
  .legend .hatch-line {
    stroke: var(--_muted);
  }
  .hatch-line {
    stroke: var(--_c, var(--_muted));
    stroke-width: 2;
  }
  .row .hatch-line {
    stroke: var(--_c);
  }
  .bar .hatch {
    fill: url(#gantt-hatch);
    opacity: 0.6;
  }
  .bar.derived .fill,
  .bar.derived .soft {
    stroke: var(--_fg);
    stroke-dasharray: 3 2;
  }
  .planned .fill,
  .planned .soft {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1;
  }
  .planned .soft {
    stroke-dasharray: 2 2;
  }
  .shape {
    fill: var(--_c);
    stroke: var(--_bg);
    stroke-width: 1;
  }
  .shape.derived,
  .shape.approx {
    stroke: var(--_fg);
    stroke-dasharray: 2 1.5;
  }
  .bracket {
    fill: none;
    stroke: var(--_c);
    stroke-width: 1.5;
    opacity: 0.8;
  }
  .ghost {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1.2;
    stroke-dasharray: 4 3;
  }
  .ghost.tick {
    fill: color-mix(in srgb, var(--_bg) 50%, transparent);
  }
  .ghost.link {
    stroke: var(--_muted);
  }
  /* a halo in the background colour: an arrow drawn under a label (rows come after the arrows) passes behind it */
  .lbl {
    fill: var(--_fg);
    font-size: 11px;
    pointer-events: none;
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .lbl.ghost {
    fill: var(--_muted);
    stroke: var(--_bg);
    stroke-width: 3px;
    stroke-dasharray: none;
    font-style: italic;
  }
  .plate {
    fill: var(--_bg);
    opacity: 0.92;
  }
  .lbl.open,
  .lbl.edge {
    fill: var(--_muted);
  }
  .dep {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.2;
  }
  .grid line {
    stroke: var(--_border);
    stroke-opacity: 0.25;
  }
  .grid line.major {
    stroke-opacity: 0.5;
  }
  .grid .divider {
    stroke-opacity: 0.6;
  }
  .asof,
  .today {
    stroke-width: 1.5;
    pointer-events: none;
  }
  .asof {
    stroke: var(--_accent);
    stroke-dasharray: 5 3;
  }
  .today {
    stroke: var(--_focus);
  }
  .axis text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .axis .major text {
    fill: var(--_fg);
    font-weight: 600;
  }
  .axis line {
    stroke: var(--_border);
  }
  .axis .asof-label {
    fill: var(--_accent);
    font-weight: 600;
  }
  .axis .today-label {
    fill: var(--_focus);
    font-weight: 600;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em 0.4em;
    margin-block-end: 0.4em;
  }
  .toolbar .window {
    font-variant-numeric: tabular-nums;
    margin-inline-start: 0.4em;
  }
  .toolbar .zoom {
    display: contents;
  }
  /* the keyboard and wheel hint: only while the chart has focus or after a plain wheel, never a line of its own */
  .toolbar {
    position: relative;
  }
  .hint {
    display: none;
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: 50%;
    transform: translateY(-50%);
    z-index: 2;
    padding: 0.1em 0.4em;
    border-radius: 3px;
    background: var(--_surface, var(--_bg));
    color: var(--_muted);
    font-size: 0.85em;
  }
  .toolbar:has(~ .chart:focus-within) .hint,
  .hint.on {
    display: inline;
    color: var(--_fg);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .legend {
    margin-block-start: 0.5em;
  }
  .alt {
    font-style: italic;
  }
  .note {
    color: var(--_muted);
  }
  .more {
    font-size: 0.85em;
    color: var(--_muted);
  }
  @media (max-width: 480px) {
    .hint {
      display: none;
    }
  }
  :host([narrow]) .hint {
    display: none;
  }
`;
