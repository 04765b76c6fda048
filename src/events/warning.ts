export interface ParsecWarningDetail {
  /** The attribute (or setting) that was not understood: `lang`, `currency`, `date`… */
  attribute: string;
  /** The value given, as text. */
  value: string;
  /** The value used instead. */
  fallback: string;
  /** Why a well-formed value cannot be used, when that is not obvious: `the data gives no rate into USD`. */
  reason?: string;
  /** A plain-language sentence, as printed in the console. */
  message: string;
}

/**
 * Fired once per element and value when an attribute cannot be used as given (an invalid language tag, an unknown
 * currency, a date that does not parse…). The widget keeps drawing with the fallback named in `detail`.
 */
export class ParsecWarningEvent extends Event {
  static readonly type = 'parsec-warning';
  readonly detail: ParsecWarningDetail;
  constructor(detail: ParsecWarningDetail) {
    super(ParsecWarningEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parsec-warning': ParsecWarningEvent;
  }
}
