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

/** What the element gives the controller: its tooltip, its event emitters and whether tooltips are on. */
export interface MarksWiring {
  tooltip: TooltipController;
  hover(detail: MarkWords['detail'] | null): void;
  select(detail: MarkWords['detail']): void;
  tooltips(): boolean;
}

/**
 * The interaction of a widget's marks, written once: delegated pointer, focus and key listeners on the shadow root
 * (only inside the element marked `data-marks`), hit-testing through the widget's pure `hit`, the highlighted mark,
 * the tooltip (pointer, touch and keyboard), `parsec-hover` (fired whether or not tooltips are shown) and
 * `parsec-select`, and the roving tabindex. A widget renders `data-key` on its focusable marks, `data-marks` on its
 * chart region and `data-plot` on the element its layout coordinates refer to.
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

  constructor(
    private readonly host: Host,
    private readonly wiring: MarksWiring,
    private readonly options: MarksOptions,
  ) {
    host.addController(this);
    this.roving = new FocusGroupController(host, {
      keys: options.keys,
      navigate: options.navigate,
      onActivate: (key) => this.#activate(key, 'key'),
      onFocus: (key) => this.#focus(key),
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
    const path = e.composedPath();
    const region = path.find((n): n is HTMLElement => n instanceof Element && n.hasAttribute('data-marks'));
    switch (e.type) {
      case 'pointermove':
      case 'pointerdown': {
        if (!region) return;
        const key = this.#keyAt(e as PointerEvent, path, region);
        if (key === undefined) {
          if (this.highlight !== undefined && !this.#hasFocus()) this.clear();
          return;
        }
        this.#show(key, (words) => this.wiring.tooltip.showAtPointer(key, words.tooltip, e as PointerEvent));
        return;
      }
      case 'pointerout': {
        const to = (e as PointerEvent).relatedTarget as Node | null;
        if (region && (!to || !region.contains(to)) && !this.#hasFocus()) this.clear();
        return;
      }
      case 'click': {
        if (!region) return;
        const key = this.#keyAt(e as MouseEvent, path, region);
        if (key !== undefined) {
          this.roving.active = key;
          this.lastFocused = key;
          this.#activate(key, 'pointer');
        }
        return;
      }
      case 'focusin': {
        const key = this.#markKey(path);
        if (key !== undefined && region) {
          this.lastFocused = key;
          this.roving.focused(key);
        }
        return;
      }
      case 'focusout': {
        const to = (e as FocusEvent).relatedTarget as Node | null;
        const inside = to && this.#root?.contains(to) && this.#markKey([to]) !== undefined;
        if (!inside) this.clear();
        return;
      }
      case 'keydown': {
        if (!region) return;
        const ke = e as KeyboardEvent;
        const key = this.#markKey(path);
        if (key !== undefined) this.roving.keydown(ke, key);
        if (!ke.defaultPrevented) this.options.keydown?.(ke);
        return;
      }
    }
  }

  #hasFocus(): boolean {
    const active = (this.host.shadowRoot as ShadowRoot | null)?.activeElement;
    return !!active && this.#markKey([active]) !== undefined;
  }

  #markKey(path: readonly EventTarget[]): string | undefined {
    for (const n of path) {
      if (!(n instanceof Element)) continue;
      if (n.hasAttribute('data-marks')) return undefined;
      const key = n.getAttribute('data-key');
      if (key !== null) return key;
    }
    return undefined;
  }

  #keyAt(e: MouseEvent, path: readonly EventTarget[], region: HTMLElement): string | undefined {
    const key = this.#markKey(path);
    if (!this.options.hit) return key;
    // a DOM mark that is a container (a group with canvas children) yields to the hit test of what is painted in it
    const plot = region.querySelector('[data-plot]') ?? region;
    const r = plot.getBoundingClientRect();
    return this.options.hit(e.clientX - r.left, e.clientY - r.top) ?? key;
  }

  #show(key: string, tooltip: (w: MarkWords) => void) {
    const words = this.options.words(key);
    if (!words) return;
    if (this.highlight !== key) {
      this.highlight = key;
      this.host.requestUpdate();
    }
    if (this.wiring.tooltips()) tooltip(words);
    this.wiring.hover(words.detail);
  }

  #focus(key: string) {
    const el = (this.host.shadowRoot ?? this.host).querySelector(`[data-key="${CSS.escape(key)}"]`);
    const at = el && (this.options.anchor?.(key, el) ?? el);
    this.#show(key, (w) => at && this.wiring.tooltip.showAtElement(key, w.tooltip, at));
  }

  #activate(key: string, via: 'key' | 'pointer') {
    const words = this.options.words(key);
    if (!words) return;
    this.wiring.select(words.detail);
    this.options.activate?.(key, via);
  }
}
