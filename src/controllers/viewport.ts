import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { loading: 'lazy' | 'eager'; hasUpdated: boolean };

/**
 * Lazy rendering: a widget more than a screen below the fold (`loading="lazy"`, the default) waits, its height
 * reserved, until it comes within a screen of the viewport, or the page is printed; `eager` renders at once.
 */
export class ViewportController implements ReactiveController {
  /** Whether the widget may render its chart now. */
  near = true;
  #intersection?: IntersectionObserver;
  #onBeforePrint = () => this.reveal();

  constructor(
    private readonly host: Host,
    /** The height to reserve at a width, before the chart is drawn. */
    private readonly reserve: (width: number) => number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.#onBeforePrint);
    if (this.host.loading === 'eager' || typeof IntersectionObserver === 'undefined') return;
    // reserve the chart's height at once, so that widgets added together stack at their real positions
    const box = this.host.getBoundingClientRect();
    if (!this.host.hasUpdated) this.host.style.minHeight = `${this.reserve(Math.round(box.width) || 600)}px`;
    if (box.top <= window.innerHeight * 2) return;
    this.near = false;
    this.#intersection = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && this.reveal(),
      {
        rootMargin: '100% 0px',
      },
    );
    this.#intersection.observe(this.host);
  }

  hostDisconnected(): void {
    this.#intersection?.disconnect();
    this.#intersection = undefined;
    window.removeEventListener('beforeprint', this.#onBeforePrint);
  }

  /** Renders now (the widget came near, or the page is printed). */
  reveal(): void {
    this.#intersection?.disconnect();
    this.#intersection = undefined;
    if (this.near) return;
    this.near = true;
    this.host.requestUpdate();
  }
}
