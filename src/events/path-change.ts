/** Fired when the reader drills into or out of a branch (treemap). `detail.path` is the list of ids from the root. */
export class ParsecPathChangeEvent extends Event {
  static readonly type = 'parsec-path-change';
  readonly detail: { path: string[] };
  constructor(path: string[]) {
    super(ParsecPathChangeEvent.type, { bubbles: true, composed: true });
    this.detail = { path };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parsec-path-change': ParsecPathChangeEvent;
  }
}
