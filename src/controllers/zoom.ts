import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
  #pointers = new Map<number, PlotPoint>();
  #pinch = 0;
  #dragged = false;

  constructor(
    private readonly host: Host,
    private readonly options: ZoomOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
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
    clearTimeout(this.#hintTimer);
  }

  get #step(): number {
    return this.options.step ?? ZOOM_STEP;
  }

  /** Zooms in one step at the anchor (the toolbar's + button). */
  zoomIn(): void {
    this.options.zoom(this.#step, this.options.anchor());
  }
  /** Zooms out one step at the anchor (the toolbar's − button). */
  zoomOut(): void {
    this.options.zoom(1 / this.#step, this.options.anchor());
  }
  reset(): void {
    this.options.reset();
  }

  #plotPoint(e: { clientX: number; clientY: number }, region: Element): PlotPoint {
    const plot = region.querySelector('[data-plot]') ?? region;
    const r = plot.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  /** @internal delegated listener */
  handleEvent(e: Event): void {
    const region = e
      .composedPath()
      .find((n): n is HTMLElement => n instanceof Element && n.hasAttribute('data-zoom'));
    if (!region) return;
    switch (e.type) {
      case 'wheel': {
        const we = e as WheelEvent;
        // Ctrl/⌘ + wheel, and trackpad pinch (which arrives as Ctrl + wheel); a plain wheel scrolls the page
        if (!we.ctrlKey && !we.metaKey) {
          this.#showHint();
          return;
        }
        we.preventDefault();
        const factor = Math.pow(2, Math.max(-1, Math.min(1, -we.deltaY / 200)));
        this.options.zoom(factor, this.#plotPoint(we, region));
        return;
      }
      case 'pointerdown': {
        const pe = e as PointerEvent;
        if (pe.button !== 0) return;
        this.#pointers.set(pe.pointerId, { x: pe.clientX, y: pe.clientY });
        this.#dragged = false;
        this.#pinch = 0;
        return;
      }
      case 'pointermove': {
        const pe = e as PointerEvent;
        const last = this.#pointers.get(pe.pointerId);
        if (!last) return;
        // a mouse released outside the widget (no pointerup here): moving over it again is a hover, not a drag
        if (pe.pointerType === 'mouse' && pe.buttons === 0) {
          this.#pointers.delete(pe.pointerId);
          return;
        }
        const now = { x: pe.clientX, y: pe.clientY };
        this.#pointers.set(pe.pointerId, now);
        if (this.#pointers.size === 2) {
          const [a, b] = [...this.#pointers.values()] as [PlotPoint, PlotPoint];
          const dist = Math.hypot(a.x - b.x, a.y - b.y);
          if (this.#pinch > 20 && dist > 20) {
            const mid = { clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 };
            this.options.zoom(dist / this.#pinch, this.#plotPoint(mid, region));
          }
          this.#pinch = dist;
          this.#dragged = true;
          return;
        }
        const dx = now.x - last.x;
        const dy = this.options.axes === 'xy' ? now.y - last.y : 0;
        if (!this.#dragged && Math.hypot(dx, dy) < 3) {
          // below the drag threshold: keep the start point, so a tap stays a tap
          this.#pointers.set(pe.pointerId, last);
          return;
        }
        this.#dragged = true;
        this.options.pan(dx, dy);
        return;
      }
      case 'pointerup':
      case 'pointercancel':
        this.#pointers.delete((e as PointerEvent).pointerId);
        if (this.#pointers.size < 2) this.#pinch = 0;
        return;
      case 'click':
        // the click that ends a drag is not a selection
        if (this.#dragged) {
          this.#dragged = false;
          e.stopPropagation();
          e.preventDefault();
        }
        return;
      case 'keydown': {
        const ke = e as KeyboardEvent;
        if (ke.altKey || ke.ctrlKey || ke.metaKey) return;
        const target = ke.composedPath()[0];
        if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) return;
        const pan = 60;
        if (ke.key === '+' || ke.key === '=') this.zoomIn();
        else if (ke.key === '-' || ke.key === '_' || ke.key === '−') this.zoomOut();
        else if (ke.key === '0') this.reset();
        else if (ke.shiftKey && ke.key === 'ArrowLeft') this.options.pan(pan, 0);
        else if (ke.shiftKey && ke.key === 'ArrowRight') this.options.pan(-pan, 0);
        else if (ke.shiftKey && ke.key === 'ArrowUp' && this.options.axes === 'xy') this.options.pan(0, pan);
        else if (ke.shiftKey && ke.key === 'ArrowDown' && this.options.axes === 'xy')
          this.options.pan(0, -pan);
        else return;
        ke.preventDefault();
        ke.stopPropagation();
        return;
      }
    }
  }

  #showHint() {
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
