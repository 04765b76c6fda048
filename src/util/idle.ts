/**
 * When the browser has time: what follows a widget's first frame (the code of its table and interaction, the check of
 * the sections it does not read) runs then, not in the first paint.
 * @module
 */

/**
 * `f` when the browser is idle (`timeout` ms at most), given the idle period's deadline; or a moment later, without
 * one, where `requestIdleCallback` is missing.
 */
export function idle(f: (deadline?: IdleDeadline) => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout });
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

/**
 * A task of its own, as soon as the page has handled what is waiting (input, a frame due): through a message, not
 * `setTimeout(f, 0)`, which browsers delay by 4 ms from the fifth nested timer on (a large dataset's work in slices is
 * dozens of hops). Input, rendering and the page's own timers still go first (`scheduler.yield` would resume ahead).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Tells that a widget of the page has drawn its chart (not its loading state): see {@link idleAfterDrawn}. */
export let markDrawn: () => void;
const chartDrawn = new Promise<void>((r) => (markDrawn = r));
/**
 * `f` in idle time after the frame in which a widget of the page has drawn its chart (see {@link idleAfterPaint}), not
 * after a loading state's frame (a map waiting for its base map): what follows the first paint (the check of the
 * unread sections, the code of the table and of the zoom events) does not compete with it for the network and the
 * main thread. At most 2 s later where no chart is drawn (a widget showing an error): the problems of the sections it
 * does not read are still reported.
 */
export const idleAfterDrawn = (f: () => void): void =>
  void Promise.race([chartDrawn, new Promise((r) => setTimeout(r, 2000))]).then(() => idleAfterPaint(f));
