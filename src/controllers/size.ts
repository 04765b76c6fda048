import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** Follows the host's content width in whole pixels (ResizeObserver); asks for an update only when it changes. */
export class SizeController implements ReactiveController {
  width = 0;
  private observer?: ResizeObserver;
  private frame = 0;
  constructor(private readonly host: Host) {
    host.addController(this);
  }
  private readonly onBeforePrint = () => this.set(this.host.getBoundingClientRect().width);

  hostConnected(): void {
    this.set(this.host.getBoundingClientRect().width);
    // printing lays the page out at paper width: follow it before the page is printed
    window.addEventListener('beforeprint', this.onBeforePrint);
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      // apply in the next frame: re-rendering inside the observer callback changes the host's height in the same
      // frame, which makes Chromium report "ResizeObserver loop completed with undelivered notifications"
      const w = entry.contentRect.width;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.set(w));
    });
    this.observer.observe(this.host);
  }
  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBeforePrint);
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    this.observer = undefined;
  }
  private set(w: number) {
    const width = Math.max(0, Math.round(w));
    if (width !== this.width) {
      this.width = width;
      this.host.requestUpdate();
    }
  }
}
