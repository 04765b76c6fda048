import { html, LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { ZoomController } from './zoom';
import { zoomHook } from './zoom-hook';

/** The zoom's events are handled by a chunk loaded after the first paint: what comes before it is not lost. */

class TestZoom extends LitElement {
  zooms: number[] = [];
  readonly zoom = new ZoomController(this, {
    zoom: (factor) => this.zooms.push(factor),
    pan: () => {},
    reset: () => {},
    anchor: () => ({ x: 0, y: 0 }),
    axes: 'x',
  });
  override render() {
    return html`<div data-zoom tabindex="0"><div data-plot>plot</div></div>`;
  }
}
customElements.define('test-zoom', TestZoom);

describe('ZoomController before its event code arrives', () => {
  it('keeps Ctrl + wheel from zooming the page at once, and zooms for it and for + when the code arrives', async () => {
    expect(zoomHook.handle).toBeUndefined();
    const el = document.createElement('test-zoom') as TestZoom;
    document.body.append(el);
    await el.updateComplete;
    const region = el.shadowRoot!.querySelector('[data-plot]')!;
    const wheel = new WheelEvent('wheel', {
      ctrlKey: true,
      deltaY: -200,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    region.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).toBe(true);
    region.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, composed: true }));
    expect(el.zooms).toEqual([]);
    for (let i = 0; i < 100 && !zoomHook.handle; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 0));
    // the wheel (in, ×2 at most) then the key (in, one step)
    expect(el.zooms).toEqual([2, 2]);
    // once arrived, at once
    region.dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true, composed: true }));
    expect(el.zooms).toEqual([2, 2, 0.5]);
    el.remove();
  });
});
