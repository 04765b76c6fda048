import { css } from 'lit';

/**
 * The styles of what follows a widget's first frame (the data table, the tooltip, the download choices), adopted with
 * their code (`components/base/late.ts`): until then the table is visually hidden, the tooltip and the choices are
 * `hidden`. No property here is set by a widget's own styles, so their order does not matter.
 */
export const lateStyles = css`
  .export {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.4em;
    margin-block-start: 0.4em;
    font-size: 0.85em;
  }
  .export[hidden] {
    display: none;
  }
  .table-wrap {
    margin-block-start: 0.5em;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 0.85em;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.25em 0.5em;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .table-note {
    margin: 0.25em 0 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25em;
  }
  .tooltip {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    z-index: 10;
    max-inline-size: min(320px, 90vw);
    padding: 0.5em 0.7em;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
    font-size: 0.85em;
    pointer-events: none;
  }
  .tooltip[hidden] {
    display: none;
  }
  .tooltip h3 {
    font-size: 1em;
    margin: 0 0 0.25em;
  }
  .tooltip p {
    margin: 0.15em 0;
  }
  .tooltip .tip-sources {
    color: var(--_muted);
  }
`;
