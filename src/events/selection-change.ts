import type { ParsecMarkDetail } from './select';

/** Fired by `<parsec-dataset>` when the shared selection changes (`detail` null when cleared). */
export class ParsecSelectionChangeEvent extends Event {
  static readonly type = 'parsec-selection-change';
  readonly detail: ParsecMarkDetail | null;
  constructor(detail: ParsecMarkDetail | null) {
    super(ParsecSelectionChangeEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parsec-selection-change': ParsecSelectionChangeEvent;
  }
}
