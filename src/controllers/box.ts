import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { boxHeight, type BoxedTag, type BoxInputs } from '../layout/box';

/** The least unused room a chart that does not stretch gives back (smaller gaps stay: the page does not move). */
const MIN_SLACK = 64;
/** How many times the chart's share is measured again when its notes grow past the box. */
const MAX_TRIES = 3;
/** A reader's input this recent makes a growth of the widget theirs (as CLS counts it): the chart is not refitted. */
const INPUT_MS = 500;
const INPUTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

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
  #check = 0;
  #key: readonly unknown[] = [];
  #settled = false;
  /** The ancestors of the fill element marked while its share is kept (`data-fill-within`). */
  #within: Element[] = [];
  #box = 0;
  /** Measures since the key changed: the chart's notes can grow as it shrinks (a treemap's key of small tiles). */
  #tries = 0;
  #inputAt = -Infinity;
  /** The room given back by a chart that does not stretch ({@link BoxController.#slack}). */
  #shrink = 0;
  #hostObserver?: ResizeObserver;
  readonly #onInput = () => (this.#inputAt = performance.now());

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
    // at once, before the first render: the box the page reserved stays the same box (at the width SizeController,
    // connected before, has just read: no second layout of the page here)
    this.#apply(this.options.width());
    for (const type of INPUTS)
      this.host.addEventListener(type, this.#onInput, { capture: true, passive: true });
    if (typeof ResizeObserver === 'undefined') return;
    // the chart laid out at its share can change its own notes (a treemap's key of small tiles): when they push the
    // widget past its box, and the reader did nothing, the share is measured again
    this.#hostObserver = new ResizeObserver(() => {
      cancelAnimationFrame(this.#check);
      this.#check = requestAnimationFrame(() => {
        const grown = this.host.getBoundingClientRect().height > this.#box + 0.5;
        const reader = performance.now() - this.#inputAt < INPUT_MS;
        if (grown && !reader && this.#settled && this.#tries < MAX_TRIES) this.#unsettle();
      });
    });
    this.#hostObserver.observe(this.host);
  }

  hostUpdate(): void {
    const width = this.options.width();
    this.#apply(width);
    // the box before any room is given back: giving it back does not make the share measured again
    const key = [width, this.height(width), ...this.options.key()];
    if (key.length !== this.#key.length || key.some((k, i) => k !== this.#key[i])) {
      this.#key = key;
      this.#tries = 0;
      this.#unsettle();
    }
  }

  hostUpdated(): void {
    const el = this.host.renderRoot.querySelector<HTMLElement>('[data-fill]');
    if (el === this.#observed) {
      // a widget whose notes changed once its chart was laid out at the share (a treemap's key of small tiles, first
      // measured with the tiles of a default height) sets `measureAgain` in that update: the share is measured again
      // now (larger too, the first time), not at its next data update (a second layout then, the chart re-fitting)
      if (
        this.#settled &&
        this.#tries < MAX_TRIES &&
        (this.host as { measureAgain?: boolean }).measureAgain
      ) {
        this.#unsettle();
        this.#settle(true);
      }
      return;
    }
    this.#observer?.disconnect();
    for (const p of this.#within) p.removeAttribute('data-fill-within');
    this.#within = [];
    this.#observed = el;
    this.#settled = false;
    if (this.#shrink) {
      // a new chart (or none, while loading) fills the whole box until measured
      this.#shrink = 0;
      this.#apply(this.options.width());
    }
    if (!el || typeof ResizeObserver === 'undefined') return;
    // measured in the next frame (as SizeController does), not inside the observer's callback; the element is read
    // then, not the entry (observed afresh, it may report the size it had before its kept height was removed)
    this.#observer ??= new ResizeObserver(() => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#settle());
    });
    this.#observer.observe(el);
    // a widget that sets `fillAtOnce` in this update (the map, the treemap) has its share measured now, in the update
    // that put the element in (one layout of the page the frame would do anyway): its next update, before the frame,
    // lays the chart out at its share instead of at a default height and again a frame later, which a reader sees as
    // the chart re-fitting
    if ((this.host as { fillAtOnce?: boolean }).fillAtOnce) this.#settle();
  }

  hostDisconnected(): void {
    for (const type of INPUTS) this.host.removeEventListener(type, this.#onInput, { capture: true });
    this.#hostObserver?.disconnect();
    this.#hostObserver = undefined;
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#check);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = null;
    this.#key = [];
  }

  /** The share measured: kept as the fill element's height, and the chart laid out at it (`again`: asked by the widget). */
  #settle(again?: boolean) {
    const el = this.#observed;
    if (!el || this.#settled || !el.isConnected) return;
    let h = Math.round(el.getBoundingClientRect().height);
    if (h <= 0) return;
    this.#settled = true;
    // measured again because the notes grew: never larger than before (a layout whose notes shrink as the chart
    // grows would otherwise swing between two sizes); the first time the widget asks again, larger too
    if (this.#tries++ > (again ? 1 : 0) && this.fill) h = Math.min(h, this.fill);
    // a height the page set is the page's layout: kept whatever the chart uses of it
    if (el.hasAttribute('data-fill-shrink') && this.options.inputs().height == null) {
      const { inside, total } = this.#slack(el);
      // a few lines' gap is not worth moving the page; a hole is
      if (total >= MIN_SLACK) {
        h -= inside;
        this.#shrink = total;
      }
      this.#apply(this.options.width());
    }
    el.style.blockSize = `${h}px`;
    el.toggleAttribute('data-fill-kept', true);
    // its ancestors are marked too: a `:has([data-fill-kept])` rule made Chromium restyle the whole shadow tree each
    // time the share was kept or measured again (every data update: 700 elements at a treemap of 100 lines)
    this.#within = [];
    for (let p = el.parentElement; p && !p.classList.contains('base'); p = p.parentElement) {
      p.toggleAttribute('data-fill-within', true);
      this.#within.push(p);
    }
    if (h !== this.fill) {
      this.fill = h;
      this.host.requestUpdate();
    }
  }

  /**
   * The room a chart that does not stretch (`data-fill-shrink`: a timeline of a few rows, a staff chart of a few
   * units) leaves unused in its box: inside its share, below its content, and below the widget's last part. It is
   * given back, so that the widget is as tall as what it draws (a page's own small dataset shifts what follows once,
   * rather than leaving a hole; the default dataset fills its box).
   */
  #slack(el: HTMLElement): { inside: number; total: number } {
    // the room unused at the bottom of the fill element, then of each of its ancestors up to the base, then below it
    const unused = (box: Element) => {
      let end = -Infinity;
      for (const c of box.children) {
        const r = c.getBoundingClientRect();
        if (r.height) end = Math.max(end, r.bottom);
      }
      return end > -Infinity ? Math.max(0, box.getBoundingClientRect().bottom - end) : 0;
    };
    const inside = Math.floor(unused(el));
    let total = inside;
    for (let p = el.parentElement; p; p = p.parentElement) {
      total += unused(p);
      if (p.classList.contains('base')) {
        total += Math.max(0, this.host.getBoundingClientRect().bottom - p.getBoundingClientRect().bottom);
        break;
      }
    }
    return { inside, total: Math.floor(total) };
  }

  /** Measures the share again (the fill element takes the room left, and is observed afresh). */
  #unsettle() {
    const el = this.#observed;
    this.#settled = false;
    if (this.#shrink) {
      this.#shrink = 0;
      this.#apply(this.options.width());
    }
    if (!el || !this.#observer) return;
    el.style.removeProperty('block-size');
    el.removeAttribute('data-fill-kept');
    for (const p of this.#within) p.removeAttribute('data-fill-within');
    this.#within = [];
    this.#observer.unobserve(el);
    this.#observer.observe(el);
  }

  #apply(width: number): number {
    const box = (this.#box = this.height(width) - this.#shrink);
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
  /* its content (the chart at the last share) does not size it: the share is what the rest leaves */
  .base [data-fill] {
    flex: 1 1 0;
    min-block-size: var(--parsec-min-chart-height, 120px);
    overflow: hidden;
    contain: size;
  }
  .base [data-fill='scroll'] {
    overflow-y: auto;
  }
  /* a share kept (BoxController sets its block-size): it and its ancestors keep their own heights */
  .base :is([data-fill-kept], [data-fill-within]) {
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
