import type { TooltipState } from './tooltip';

/**
 * Places a tooltip at its anchor (viewport coordinates): centred on it and below it when it fits, else above, inside
 * the viewport. Through CSSOM (`style.transform`), never a style attribute: it works under a strict
 * Content-Security-Policy.
 */
export function placeTooltip(host: HTMLElement, tip: HTMLElement, anchor: TooltipState['anchor']): void {
  const parent = tip.offsetParent ?? host;
  const box = parent.getBoundingClientRect();
  const { x, y, w, h } = anchor;
  const tw = tip.offsetWidth;
  const th = tip.offsetHeight;
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const gap = 10;
  // horizontally: centred on the anchor, clamped to the viewport
  let left = x + w / 2 - tw / 2;
  left = Math.max(4, Math.min(left, vw - tw - 4));
  // vertically: below the anchor when it fits, else above
  let top = y + h + gap;
  if (top + th > vh - 4 && y - gap - th >= 4) top = y - gap - th;
  tip.style.transform = `translate(${Math.round(left - box.left)}px, ${Math.round(top - box.top)}px)`;
}
