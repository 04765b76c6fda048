import type { ParsecElement } from '../src/components/base/parsec-element';

/** Two animation frames: ResizeObserver results are applied on the next frame. */
export const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/**
 * Browser tests: waits frame after frame (at most `max` pairs of frames) until `done()` holds, each time for the
 * widget's update too — a size the ResizeObserver reports is applied in the frame after its notification, which may
 * be one or two frames after the test resumes on a busy machine. Returns `done()`'s last answer: assert on the value.
 */
export async function framesUntil(
  el: { updateComplete: Promise<unknown> },
  done: () => boolean,
  max = 10,
): Promise<void> {
  for (let i = 0; i < max && !done(); i++) {
    await frame();
    await el.updateComplete;
  }
}

/** Browser tests: a `.wrap` div of `width` px in the page, for a widget to be put in (remove `.wrap` after each test). */
export function wrapOf(width: number): HTMLDivElement {
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.style.width = `${width}px`;
  document.body.append(wrap);
  return wrap;
}

/**
 * Browser tests: puts `html` in a `.wrap` div of `width` px, waits for the element named `tag` to render, follow its
 * width, and draw its data table (which follows the chart's first paint). Remove `.wrap` elements after each test.
 */
export async function mountWidget<T extends ParsecElement<unknown>>(
  tag: string,
  html: string,
  width: number,
): Promise<T> {
  const wrap = wrapOf(width);
  wrap.innerHTML = html;
  const el = wrap.querySelector(tag) as T;
  await el.updateComplete;
  await loaded(el);
  await frame();
  await el.updateComplete;
  if (el.rendered) await el.tableComplete;
  return el;
}

/** Waits (up to 3 s) until a widget has left its loading state: the default dataset comes from its own chunk. */
export async function loaded(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 150 && el.shadowRoot?.querySelector('.state.loading'); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
}
