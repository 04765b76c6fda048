/**
 * Runs a computation made in steps (a generator that yields between steps and returns its result) to its end, at
 * once: the one-shot form of every `…Steps` function, whose steps a large dataset spreads over several tasks.
 */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
