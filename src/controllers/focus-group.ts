import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export interface FocusGroupOptions {
  /** The focusable keys in reading order. */
  keys: () => readonly string[];
  /**
   * Custom moves (tree or spatial navigation). Return a key to move there, `null` to ignore the key press,
   * or `undefined` for the default (arrows step through `keys`, Home/End jump to the ends).
   */
  navigate?: (key: string, event: KeyboardEvent, keys: readonly string[]) => string | null | undefined;
  /** Enter or Space on a key. */
  onActivate?: (key: string, event: KeyboardEvent) => void;
  /** The active key changed through the keyboard or focus. */
  onFocus?: (key: string) => void;
}

/**
 * Roving tabindex over a group of marks: one mark is in the tab order (`tabindex=0`), the others are reached with
 * arrows, Home and End; Enter and Space activate. Marks carry `data-key` so the controller can focus them. The keys
 * are handled by `rovingKeydown` (`marks-events.ts`, loaded after the first paint with the rest of the interaction).
 */
export class FocusGroupController implements ReactiveController {
  active: string | undefined;
  constructor(
    private readonly host: Host,
    /** @internal */ readonly options: FocusGroupOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const keys = this.options.keys();
    if (this.active === undefined || !keys.includes(this.active)) this.active = keys[0];
  }

  tabIndex(key: string): 0 | -1 {
    return key === this.active ? 0 : -1;
  }

  /** Binds on each mark: `@focus=${() => fg.focused(key)}`. */
  focused(key: string): void {
    if (this.active !== key) {
      this.active = key;
      this.host.requestUpdate();
    }
    this.options.onFocus?.(key);
  }

  /** Moves the roving focus to `key` and focuses its element after the next render. */
  async focus(key: string): Promise<void> {
    this.active = key;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const root = this.host.shadowRoot ?? this.host;
    const el = root.querySelector<HTMLElement | SVGElement>(`[data-key="${CSS.escape(key)}"]`);
    el?.focus();
  }
}
