/**
 * Memoises a function on the identity of its arguments (last call only), like d3's and Lit's own caches.
 * Layouts are wrapped with it so a hover or a tooltip never recomputes a layout.
 */
export function memoizeLast<A extends readonly unknown[], R>(
  fn: (...args: A) => R,
): ((...args: A) => R) & { calls: number } {
  let lastArgs: A | undefined;
  let last: R;
  const wrapped = ((...args: A): R => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => Object.is(a, lastArgs![i])))
      return last;
    wrapped.calls++;
    lastArgs = args;
    last = fn(...args);
    return last;
  }) as ((...args: A) => R) & { calls: number };
  wrapped.calls = 0;
  return wrapped;
}
