import { html, type TemplateResult } from 'lit';
import type { ZoomController } from '../controllers/zoom';

/** The words of a zoom toolbar. */
export interface ZoomToolbarText {
  label: string;
  zoomIn: string;
  zoomOut: string;
  reset: string;
}

/** The zoom toolbar every zoomable widget shows: −, +, and "show all" (disabled when nothing is zoomed). */
export function renderZoomToolbar(
  zoom: ZoomController,
  text: ZoomToolbarText,
  zoomed: boolean,
): TemplateResult {
  return html`<div class="zoom" part="zoom" role="group" aria-label=${text.label}>
    <button
      type="button"
      class="zoom-out"
      aria-label=${text.zoomOut}
      title=${text.zoomOut}
      @click=${() => zoom.zoomOut()}
    >
      −
    </button>
    <button
      type="button"
      class="zoom-in"
      aria-label=${text.zoomIn}
      title=${text.zoomIn}
      @click=${() => zoom.zoomIn()}
    >
      +
    </button>
    <button type="button" class="reset" ?disabled=${!zoomed} @click=${() => zoom.reset()}>
      ${text.reset}
    </button>
  </div>`;
}
