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

/** What a mark says of itself for linking: its record id, the places and the programme it concerns. */
export interface LinkableMark {
  id?: string;
  places?: readonly string[];
  programme?: string | undefined;
}

/**
 * Whether a mark relates to a selection shared between widgets: the same id; else a shared place when both name
 * places; else the same programme.
 *
 * @example
 * ```ts
 * document.addEventListener('parsec-select', (e) => {
 *   // your own marks, outlined when they relate to what the reader chose in a widget
 *   for (const row of document.querySelectorAll<HTMLElement>('tr[data-place]'))
 *     row.classList.toggle('related', relatesTo(e.detail, { places: [row.dataset.place!] }));
 * });
 * relatesTo(null, { id: 'b1' }); // false: nothing selected
 * ```
 */
export function relatesTo(selection: ParsecMarkDetail | null, mark: LinkableMark): boolean {
  if (!selection) return false;
  if (mark.id !== undefined && mark.id === selection.id) return true;
  if (selection.places?.length && mark.places?.length)
    return mark.places.some((p) => selection.places!.includes(p));
  return !!selection.programme && selection.programme === mark.programme;
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
