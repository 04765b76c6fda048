import type { ParsecMarkDetail } from './select';

/** Fired when the pointer or keyboard focus enters a mark (`detail` set) or leaves all marks (`detail` null). */
export class ParsecHoverEvent extends Event {
  static readonly type = 'parsec-hover';
  readonly detail: ParsecMarkDetail | null;
  constructor(detail: ParsecMarkDetail | null) {
    super(ParsecHoverEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parsec-hover': ParsecHoverEvent;
  }
}
