import type { DataIssue } from '../schema/parse';

export interface ParsecDataErrorDetail {
  /** Where the data came from: `property`, `inline`, or the `src` URL. */
  origin: string;
  /** `network` (fetch failed or HTTP error), `parse` (not JSON) or `schema` (JSON that breaks the format). */
  stage: 'network' | 'parse' | 'schema';
  /** The first problems (at most 100). */
  issues: DataIssue[];
  /** How many problems there are in all, when more than listed. */
  total?: number;
  /**
   * When only some sections are broken (`cooperants`, `places`…): which. The widgets that read them show the problems
   * (with their paths); the others draw the rest of the dataset. Absent when the dataset as a whole cannot be used.
   */
  sections?: string[];
}

/**
 * Fired when the dataset cannot be loaded or does not match the format (every problem, wherever it lies). When only
 * some sections are broken (`detail.sections`), the widgets that do not read them still draw; the others show the
 * problems of the sections they read.
 */
export class ParsecDataErrorEvent extends Event {
  static readonly type = 'parsec-data-error';
  readonly detail: ParsecDataErrorDetail;
  constructor(detail: ParsecDataErrorDetail) {
    super(ParsecDataErrorEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parsec-data-error': ParsecDataErrorEvent;
  }
}
