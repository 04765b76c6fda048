import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { boxHeight, type BoxedTag, type BoxInputs } from '../layout/box';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface BoxOptions {
  /** The host's width in whole pixels. */
  width: () => number;
  /** The attributes the box depends on (`height`). */
  inputs: () => BoxInputs;
  /** What the chart's share is measured again for (the dataset, the language…), besides the width and the box. */
  key: () => readonly unknown[];
}

/**
 * Keeps a widget in its box ({@link boxHeight}: the same height reserved before the script runs, while loading and
 * once drawn), and measures the element marked `data-fill` — the chart's share of the box, what its legends and
 * notes leave — so that the widget lays its chart out at that height ({@link BoxController.fill}).
 *
 * Once measured, the share is kept (`block-size` on the fill element) until the width, the box or the key change: a
 * note that appears as the reader zooms or filters moves what is below the chart, never the chart itself.
 */
export class BoxController implements ReactiveController {
  /** The height of the `data-fill` element in whole pixels, 0 until measured. */
  fill = 0;
  #observer?: ResizeObserver;
  #observed: HTMLElement | null = null;
  #frame = 0;
  #key: readonly unknown[] = [];
  #settled = false;

  constructor(
    private readonly host: Host,
    private readonly options: BoxOptions,
  ) {
    host.addController(this);
  }

  /** The box at a width. */
  height(width: number): number {
    return boxHeight(this.host.localName as BoxedTag, width, this.options.inputs());
  }

  hostConnected(): void {
    // at once, before the first render: the box the page reserved stays the same box
    this.#apply(Math.round(this.host.getBoundingClientRect().width) || this.options.width());
  }

  hostUpdate(): void {
    const width = this.options.width();
    const box = this.#apply(width);
    const key = [width, box, ...this.options.key()];
    if (key.length !== this.#key.length || key.some((k, i) => k !== this.#key[i])) {
      this.#key = key;
      this.#unsettle();
    }
  }

  hostUpdated(): void {
    const el = this.host.renderRoot.querySelector<HTMLElement>('[data-fill]');
    if (el === this.#observed) return;
    this.#observer?.disconnect();
    this.#observed = el;
    this.#settled = false;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // applied in the next frame (as SizeController does), not inside the observer's callback
    this.#observer ??= new ResizeObserver((entries) => {
      const h = Math.round(entries[entries.length - 1]!.contentRect.height);
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#settle(h));
    });
    this.#observer.observe(el);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = null;
    this.#key = [];
  }

  /** The share measured: kept as the fill element's height, and the chart laid out at it. */
  #settle(h: number) {
    const el = this.#observed;
    if (!el || this.#settled || h <= 0) return;
    this.#settled = true;
    el.style.blockSize = `${h}px`;
    el.toggleAttribute('data-fill-kept', true);
    if (h !== this.fill) {
      this.fill = h;
      this.host.requestUpdate();
    }
  }

  /** Measures the share again (the fill element takes the room left, and is observed afresh). */
  #unsettle() {
    const el = this.#observed;
    this.#settled = false;
    if (!el || !this.#observer) return;
    el.style.removeProperty('block-size');
    el.removeAttribute('data-fill-kept');
    this.#observer.unobserve(el);
    this.#observer.observe(el);
  }

  #apply(width: number): number {
    const box = this.height(width);
    // CSSOM, not a style attribute (strict CSP)
    if (this.host.style.minHeight !== `${box}px`) this.host.style.minHeight = `${box}px`;
    return box;
  }
}

/**
 * The box's layout: the host and its base are flex columns; the `data-fill` element and its ancestors take the room
 * the rest leaves (`data-fill="scroll"` scrolls what does not fit); everything else keeps its own height.
 */
export const boxStyles = css`
  :host {
    display: flex;
    flex-direction: column;
  }
  .base {
    flex: 1 0 auto;
    display: flex;
    flex-direction: column;
  }
  .base > .state {
    flex: 1 1 auto;
  }
  .base > *,
  .base :has([data-fill]) > * {
    flex: none;
  }
  .base :has([data-fill]) {
    display: flex;
    flex-direction: column;
    flex: 1 1 0;
    min-block-size: 0;
  }
  .base [data-fill] {
    flex: 1 1 0;
    min-block-size: var(--parsec-min-chart-height, 120px);
    overflow: hidden;
  }
  .base [data-fill='scroll'] {
    overflow-y: auto;
  }
  /* a share kept (BoxController sets its block-size): it and its ancestors keep their own heights */
  .base :is([data-fill-kept], :has([data-fill-kept])) {
    flex: none;
  }
  @media print {
    :host {
      min-block-size: 0 !important;
    }
    .base :is([data-fill], :has([data-fill])) {
      flex: none;
    }
  }
`;
