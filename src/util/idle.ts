/**
 * When the browser has time: what follows a widget's first frame (the code of its table and interaction, the check of
 * the sections it does not read) runs then, not in the first paint.
 * @module
 */

/** `f` when the browser is idle (`timeout` ms at most), or a moment later where `requestIdleCallback` is missing. */
export function idle(f: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => f(), { timeout });
  else setTimeout(f, 50);
}

/** `f` once the next frame is painted, or a second later where no frame comes (a hidden page). */
export function afterPaint(f: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    f();
  };
  const timer = setTimeout(once, 1000);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
}

/** `f` in idle time after the next frame (see {@link afterPaint} and {@link idle}). */
export function idleAfterPaint(f: () => void, timeout?: number): void {
  afterPaint(() => idle(f, timeout));
}
