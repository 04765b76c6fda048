import type { PlotPoint, ZoomController } from './zoom';
import { zoomHook } from './zoom-hook';

/**
 * What a zoomable widget does with the reader's wheel, pointers and keys (see {@link ZoomController}): a chunk of its
 * own, loaded with the marks' interaction after the chart's first paint, or at the first event over the widget.
 */
export function handleZoomEvent(c: ZoomController, e: Event, path: readonly EventTarget[]): void {
  const region = path.find((n): n is HTMLElement => n instanceof Element && n.hasAttribute('data-zoom'));
  if (!region) return;
  const options = c.options;
  switch (e.type) {
    case 'wheel': {
      const we = e as WheelEvent;
      // Ctrl/⌘ + wheel, and trackpad pinch (which arrives as Ctrl + wheel); a plain wheel scrolls the page
      if (!we.ctrlKey && !we.metaKey) {
        c.showHint();
        return;
      }
      we.preventDefault();
      const factor = Math.pow(2, Math.max(-1, Math.min(1, -we.deltaY / 200)));
      options.zoom(factor, plotPoint(we, region));
      return;
    }
    case 'pointerdown': {
      const pe = e as PointerEvent;
      if (pe.button !== 0) return;
      c.pointers.set(pe.pointerId, { x: pe.clientX, y: pe.clientY });
      c.dragged = false;
      c.pinch = 0;
      return;
    }
    case 'pointermove': {
      const pe = e as PointerEvent;
      const last = c.pointers.get(pe.pointerId);
      if (!last) return;
      // a mouse released outside the widget (no pointerup here): moving over it again is a hover, not a drag
      if (pe.pointerType === 'mouse' && pe.buttons === 0) {
        c.pointers.delete(pe.pointerId);
        return;
      }
      const now = { x: pe.clientX, y: pe.clientY };
      c.pointers.set(pe.pointerId, now);
      if (c.pointers.size === 2) {
        const [a, b] = [...c.pointers.values()] as [PlotPoint, PlotPoint];
        const dist = Math.hypot(a.x - b.x, a.y - b.y);
        if (c.pinch > 20 && dist > 20) {
          const mid = { clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 };
          options.zoom(dist / c.pinch, plotPoint(mid, region));
        }
        c.pinch = dist;
        c.dragged = true;
        return;
      }
      const dx = now.x - last.x;
      const dy = options.axes === 'xy' ? now.y - last.y : 0;
      if (!c.dragged && Math.hypot(dx, dy) < 3) {
        // below the drag threshold: keep the start point, so a tap stays a tap
        c.pointers.set(pe.pointerId, last);
        return;
      }
      c.dragged = true;
      options.pan(dx, dy);
      return;
    }
    case 'pointerup':
    case 'pointercancel':
      c.pointers.delete((e as PointerEvent).pointerId);
      if (c.pointers.size < 2) c.pinch = 0;
      return;
    case 'click':
      // the click that ends a drag is not a selection
      if (c.dragged) {
        c.dragged = false;
        e.stopPropagation();
        e.preventDefault();
      }
      return;
    case 'keydown': {
      const ke = e as KeyboardEvent;
      if (ke.altKey || ke.ctrlKey || ke.metaKey) return;
      const target = path[0];
      if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) return;
      const pan = 60;
      if (ke.key === '+' || ke.key === '=') c.zoomIn();
      else if (ke.key === '-' || ke.key === '_' || ke.key === '−') c.zoomOut();
      else if (ke.key === '0') c.reset();
      else if (ke.shiftKey && ke.key === 'ArrowLeft') options.pan(pan, 0);
      else if (ke.shiftKey && ke.key === 'ArrowRight') options.pan(-pan, 0);
      else if (ke.shiftKey && ke.key === 'ArrowUp' && options.axes === 'xy') options.pan(0, pan);
      else if (ke.shiftKey && ke.key === 'ArrowDown' && options.axes === 'xy') options.pan(0, -pan);
      else return;
      ke.preventDefault();
      ke.stopPropagation();
      return;
    }
  }
}

function plotPoint(e: { clientX: number; clientY: number }, region: Element): PlotPoint {
  const plot = region.querySelector('[data-plot]') ?? region;
  const r = plot.getBoundingClientRect();
  return { x: e.clientX - r.left, y: e.clientY - r.top };
}

/** Makes {@link handleZoomEvent} the handler of every ZoomController (called when this chunk is loaded). */
export function registerZoom(): void {
  zoomHook.handle = handleZoomEvent;
}
