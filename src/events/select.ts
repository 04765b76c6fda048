import type { Source } from '../schema/sources';

/** What a widget reports about a mark: its id, kind, label in the current language, sources and datum. */
export interface ParsecMarkDetail {
  /** The tag of the widget that fired, e.g. `parsec-budget-treemap`. */
  widget: string;
  /** Id of the record in the dataset (budget line, timeline item, facility, post, place…). */
  id: string;
  /** What the id refers to: `budget`, `phase`, `milestone`, `event`, `facility`, `place`, `post`, `group`… */
  kind: string;
  label: string;
  /** Place ids the mark concerns, shared across widgets so a page can link them. */
  places?: string[];
  programme?: string;
  sources: Source[];
  datum: unknown;
}

/** Fired when the reader selects a mark (click, tap, Enter or Space). Bubbles and crosses shadow roots. */
export class ParsecSelectEvent extends Event {
  static readonly type = 'parsec-select';
  readonly detail: ParsecMarkDetail;
  constructor(detail: ParsecMarkDetail) {
    super(ParsecSelectEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parsec-select': ParsecSelectEvent;
  }
}
