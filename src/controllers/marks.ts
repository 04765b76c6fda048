import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MarkWords } from '../describe/types';
import { FocusGroupController, type FocusGroupOptions } from './focus-group';
import type { TooltipController } from './tooltip';

type Host = ReactiveControllerHost & HTMLElement;

/** The events the controller listens to, delegated on the shadow root. */
const EVENTS = [
  'pointermove',
  'pointerdown',
  'pointerout',
  'click',
  'focusin',
  'focusout',
  'keydown',
] as const;

/** Where a widget's marks live and what they say; everything else (events, focus, tooltip) is the controller's. */
export interface MarksOptions {
  /** Focusable mark keys in reading order (roving tabindex). */
  keys(): readonly string[];
  /** The words of a mark (from `describe/`), or `undefined` for an unknown key. */
  words(key: string): MarkWords | undefined;
  /**
   * A mark at a point of the plot, in the coordinates of the element marked `data-plot` (the layout's own): canvas
   * marks and marks too small to point at. DOM marks (`data-key`) are found without it.
   */
  hit?(x: number, y: number): string | undefined;
  /** Custom arrow-key moves (see {@link FocusGroupOptions.navigate}). */
  navigate?: FocusGroupOptions['navigate'];
  /** After `parsec-select`: the mark was activated by Enter/Space (`key`) or a click or tap (`pointer`). */
  activate?(key: string, via: 'key' | 'pointer'): void;
  /** A key press in the chart that no mark handled (Escape to go up, + and − to zoom…). */
  keydown?(e: KeyboardEvent): void;
  /** Where the keyboard tooltip of a focused mark points (default: the mark's element), e.g. its bar in a tall row. */
  anchor?(key: string, el: Element): Element;
}

/** The code that handles the marks' events (`marks-events.ts`, a chunk of its own). */
export interface MarksInteraction {
  handleMarkEvent(c: MarksController, e: Event, path: readonly EventTarget[]): void;
  focusMark(c: MarksController, key: string): void;
  activate(c: MarksController, key: string, via: 'key' | 'pointer'): void;
}

/** What the element gives the controller: its tooltip, its event emitters and whether tooltips are on. */
export interface MarksWiring {
  tooltip: TooltipController;
  hover(detail: MarkWords['detail'] | null): void;
  select(detail: MarkWords['detail']): void;
  tooltips(): boolean;
  /** The code that handles the events (`marks-events.ts`, loaded after the first paint): it, or the promise of it. */
  interaction(): MarksInteraction | Promise<MarksInteraction>;
}

/**
 * The interaction of a widget's marks, written once: delegated pointer, focus and key listeners on the shadow root
 * (only inside the element marked `data-marks`), hit-testing through the widget's pure `hit`, the highlighted mark,
 * the tooltip (pointer, touch and keyboard), `parsec-hover` (fired whether or not tooltips are shown) and
 * `parsec-select`, and the roving tabindex. A widget renders `data-key` on its focusable marks, `data-marks` on its
 * chart region and `data-plot` on the element its layout coordinates refer to.
 *
 * The first frame needs only the roving tabindex (which mark is in the tab order): what the events do is a chunk of
 * its own (`marks-events.ts`), loaded after the first paint or at the reader's first pointer or focus in the widget;
 * the events that come before it are handled when it arrives, in order.
 */
export class MarksController implements ReactiveController {
  /** The mark under the pointer or with keyboard focus. */
  highlight: string | undefined;
  /**
   * The mark that last had keyboard focus or was clicked; kept when focus moves on (to a zoom button, which zooms
   * there).
   */
  lastFocused: string | undefined;
  readonly roving: FocusGroupController;
  #root: ShadowRoot | HTMLElement | undefined;
  #interaction: MarksInteraction | undefined;
  /** Events that came before the interaction code, with their paths (an event's path is empty once dispatched). */
  #queue: [Event, EventTarget[]][] = [];

  constructor(
    /** @internal */ readonly host: Host,
    /** @internal */ readonly wiring: MarksWiring,
    /** @internal */ readonly options: MarksOptions,
  ) {
    host.addController(this);
    this.roving = new FocusGroupController(host, {
      keys: options.keys,
      navigate: options.navigate,
      onActivate: (key) => this.#interaction?.activate(this, key, 'key'),
      onFocus: (key) => this.#interaction?.focusMark(this, key),
    });
  }

  hostConnected(): void {
    const root = (this.host.shadowRoot ?? this.host) as ShadowRoot | HTMLElement;
    this.#root = root;
    for (const type of EVENTS) root.addEventListener(type, this);
  }
  hostDisconnected(): void {
    for (const type of EVENTS) this.#root?.removeEventListener(type, this);
    this.#root = undefined;
    this.#queue = [];
  }

  /** `tabindex` of a mark. */
  tabIndex(key: string): 0 | -1 {
    return this.roving.tabIndex(key);
  }

  /** Moves the keyboard focus to a mark. */
  focus(key: string): Promise<void> {
    return this.roving.focus(key);
  }

  /** Clears the highlight and the tooltip, and tells the page that no mark is hovered. */
  clear(): void {
    this.wiring.tooltip.hide();
    this.wiring.hover(null);
    if (this.highlight !== undefined) {
      this.highlight = undefined;
      this.host.requestUpdate();
    }
  }

  /** @internal delegated listener */
  handleEvent(e: Event): void {
    const got = this.#interaction ?? this.wiring.interaction();
    if (!(got instanceof Promise))
      return (this.#interaction = got).handleMarkEvent(this, e, e.composedPath());
    // a pointer passing before the code arrives is not kept (the next one is handled); the rest is, in order
    if (e.type !== 'pointermove' && e.type !== 'pointerout') this.#queue.push([e, e.composedPath()]);
    void got.then(
      (i) => {
        this.#interaction = i;
        const queue = this.#queue;
        this.#queue = [];
        if (this.#root) for (const [e, path] of queue) i.handleMarkEvent(this, e, path);
      },
      // the code did not arrive (the network): what waited is dropped, the next event asks again
      () => (this.#queue = []),
    );
  }
}
