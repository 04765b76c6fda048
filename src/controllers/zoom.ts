import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { idleAfterDrawn } from '../util/idle';
import { zoomHook } from './zoom-hook';

type Host = ReactiveControllerHost & HTMLElement;

/** A point in plot coordinates (those of the element marked `data-plot`, the layout's own). */
export interface PlotPoint {
  x: number;
  y: number;
}

/** What a widget's view does when asked to zoom or pan; the maths stay in its pure layout functions. */
export interface ZoomOptions {
  /** Zooms by `factor` (> 1: in) keeping the plot point `at` where it is on screen. */
  zoom(factor: number, at: PlotPoint): void;
  /** Pans by plot pixels (content follows the pointer: positive `dx` shows what lies to the left). */
  pan(dx: number, dy: number): void;
  /** Back to the whole view. */
  reset(): void;
  /**
   * Where buttons and keys zoom: the focused or highlighted mark, else the centre of the data in view — never an
   * empty region.
   */
  anchor(): PlotPoint;
  /** `x`: a time axis (drag pans horizontally only); `xy`: a map. */
  axes: 'x' | 'xy';
  /** Zoom factor of a button or key press (default 2). */
  step?: number;
}

/** The zoom gestures every zoomable widget has, in one place. */
export const ZOOM_STEP = 2;

/** The code of the zoom events, loading (see {@link ZoomController.handleEvent}). */
let loading: Promise<unknown> | undefined;
const loadZoomEvents = () => (loading ??= import('./zoom-events').then((m) => m.registerZoom()));

/**
 * Zoom and pan, written once for every zoomable widget: Ctrl/⌘ + wheel and trackpad pinch zoom at the pointer
 * (a plain wheel scrolls the page and shows a hint), two-finger pinch, drag to pan, `+` / `−` / `0` and Shift +
 * arrows on the keyboard, and the toolbar's buttons. Keys and buttons zoom at {@link ZoomOptions.anchor}. Listeners
 * are delegated on the shadow root and act inside the element marked `data-zoom`.
 */
export class ZoomController implements ReactiveController {
  /** A plain wheel was used over the chart: the widget shows how to zoom (cleared after a moment). */
  hint = false;
  #hintTimer: ReturnType<typeof setTimeout> | undefined;
  #root: ShadowRoot | HTMLElement | undefined;
  /** @internal the pointers down (drag, pinch) */
  readonly pointers = new Map<number, PlotPoint>();
  /** @internal the distance of the last pinch */
  pinch = 0;
  /** @internal the pointer has moved past the drag threshold */
  dragged = false;
  /** Wheel and key events that came before the code that handles them, with their paths. */
  #queue: [Event, EventTarget[]][] = [];

  constructor(
    private readonly host: Host,
    /** @internal */ readonly options: ZoomOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // once a zoomable widget is on the page: in idle time after a chart's first frame (a page with no zoomable widget
    // never fetches it), or at its first event, whichever comes first
    idleAfterDrawn(loadZoomEvents);
    this.#root = (this.host.shadowRoot ?? this.host) as ShadowRoot | HTMLElement;
    this.#root.addEventListener('wheel', this, { passive: false });
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'click', 'keydown'])
      this.#root.addEventListener(type, this, type === 'click' ? { capture: true } : undefined);
  }
  hostDisconnected(): void {
    this.#root?.removeEventListener('wheel', this);
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'keydown'])
      this.#root?.removeEventListener(type, this);
    this.#root?.removeEventListener('click', this, { capture: true });
    this.#root = undefined;
    this.#queue = [];
    clearTimeout(this.#hintTimer);
  }

  /** @internal the zoom factor of a button or key press */
  get step(): number {
    return this.options.step ?? ZOOM_STEP;
  }

  /** Zooms in one step at the anchor (the toolbar's + button). */
  zoomIn(): void {
    this.options.zoom(this.step, this.options.anchor());
  }
  /** Zooms out one step at the anchor (the toolbar's − button). */
  zoomOut(): void {
    this.options.zoom(1 / this.step, this.options.anchor());
  }
  reset(): void {
    this.options.reset();
  }

  /**
   * @internal delegated listener. What the events do is a chunk of its own (`zoom-events.ts`), loaded in idle time
   * after the widget's first frame, or at the first event: a Ctrl + wheel over the chart is kept from zooming the
   * page at once, and wheel and key events that came before the code are handled when it arrives, in order.
   */
  handleEvent(e: Event): void {
    const path = e.composedPath();
    const handle = zoomHook.handle;
    if (handle) return handle(this, e, path);
    const we = e as WheelEvent;
    const inside = path.some((n) => n instanceof Element && n.hasAttribute('data-zoom'));
    if (e.type === 'wheel' && inside && (we.ctrlKey || we.metaKey)) e.preventDefault();
    if (e.type === 'wheel' || e.type === 'keydown') this.#queue.push([e, path]);
    void loadZoomEvents().then(() => {
      const queue = this.#queue;
      this.#queue = [];
      if (this.#root) for (const [q, p] of queue) zoomHook.handle?.(this, q, p);
    });
  }

  /** @internal shows how to zoom (a plain wheel over the chart), for a moment */
  showHint(): void {
    if (!this.hint) {
      this.hint = true;
      this.host.requestUpdate();
    }
    clearTimeout(this.#hintTimer);
    this.#hintTimer = setTimeout(() => {
      this.hint = false;
      this.host.requestUpdate();
    }, 1500);
  }
}
