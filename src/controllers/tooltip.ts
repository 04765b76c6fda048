import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TooltipModel } from '../describe/types';

type Host = ReactiveControllerHost & HTMLElement;
type PlaceTooltip = (host: HTMLElement, tip: HTMLElement, anchor: TooltipState['anchor']) => void;

export interface TooltipState {
  key: string;
  /** What the tooltip says (rendered by `render/tooltip.ts`). */
  content: TooltipModel;
  /** Anchor in viewport coordinates: a pointer position or a mark's bounding box. */
  anchor: { x: number; y: number; w: number; h: number };
}

/**
 * A tooltip that follows pointer, touch and keyboard focus, closes on Escape, and stays inside the viewport.
 * Positions are applied through CSSOM (`style.transform`), never through style attributes, so it works under a
 * strict Content-Security-Policy.
 */
export class TooltipController implements ReactiveController {
  state: TooltipState | undefined;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.state) {
      this.hide();
      e.stopPropagation();
      e.preventDefault();
    }
  };
  constructor(
    private readonly host: Host,
    private readonly element: () => HTMLElement | null | undefined,
    /** Where the tooltip goes (`tooltip-place.ts`, loaded with the marks' interaction), once loaded. */
    private readonly place: () => PlaceTooltip | undefined,
  ) {
    host.addController(this);
  }
  hostConnected(): void {
    // capture phase: Escape closes the tooltip before a widget uses Escape for anything else
    this.host.addEventListener('keydown', this.onKey, true);
  }
  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKey, true);
  }
  get visible(): boolean {
    return this.state !== undefined;
  }

  showAtPointer(key: string, content: TooltipModel, e: { clientX: number; clientY: number }): void {
    this.state = { key, content, anchor: { x: e.clientX, y: e.clientY, w: 0, h: 0 } };
    this.host.requestUpdate();
  }
  showAtElement(key: string, content: TooltipModel, el: Element): void {
    const r = el.getBoundingClientRect();
    this.state = { key, content, anchor: { x: r.left, y: r.top, w: r.width, h: r.height } };
    this.host.requestUpdate();
  }
  hide(): void {
    if (!this.state) return;
    this.state = undefined;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const tip = this.element();
    // a tooltip is shown only by the marks' interaction, which comes with its placement
    if (tip && this.state) this.place()?.(this.host, tip, this.state.anchor);
  }
}
