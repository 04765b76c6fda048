import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks a media query (`prefers-reduced-motion: reduce`, …) and updates the host when it flips. */
export class MediaQueryController implements ReactiveController {
  matches = false;
  private mql?: MediaQueryList;
  private readonly onChange = (e: MediaQueryListEvent) => {
    this.matches = e.matches;
    this.host.requestUpdate();
  };
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly query: string,
  ) {
    host.addController(this);
  }
  hostConnected(): void {
    if (typeof matchMedia === 'undefined') return;
    this.mql = matchMedia(this.query);
    this.matches = this.mql.matches;
    this.mql.addEventListener('change', this.onChange);
  }
  hostDisconnected(): void {
    this.mql?.removeEventListener('change', this.onChange);
  }
}
