/**
 * d3-hierarchy's squarified treemap tiling (`treemapSquarify`, golden ratio), the same arithmetic in the same order,
 * written here because importing it from d3-hierarchy's single-file bundle keeps the whole hierarchy API (its `Node`
 * prototype is assigned at load), about 1 KB gzip the treemap never calls.
 * From d3-hierarchy 3.1 (ISC License, Copyright 2010-2026 Mike Bostock).
 */
const PHI = (1 + Math.sqrt(5)) / 2;

/**
 * Places cells `from` to `to - 1` side by side across the rectangle (d3's `dice` on that row): cell `i`'s corners are
 * written to `out[4i]` (x0), `out[4i + 1]` (y0), `out[4i + 2]` (x1), `out[4i + 3]` (y1).
 */
function dice(
  values: Float64Array,
  out: Float64Array,
  from: number,
  to: number,
  value: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): void {
  const k = value && (x1 - x0) / value;
  for (let i = from; i < to; i++) {
    const o = i * 4;
    out[o] = x0;
    out[o + 1] = y0;
    out[o + 2] = x0 += values[i]! * k;
    out[o + 3] = y1;
  }
}

/** Places cells `from` to `to - 1` one above the other down the rectangle (d3's `slice` on that row). */
function slice(
  values: Float64Array,
  out: Float64Array,
  from: number,
  to: number,
  value: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): void {
  const k = value && (y1 - y0) / value;
  for (let i = from; i < to; i++) {
    const o = i * 4;
    out[o] = x0;
    out[o + 1] = y0;
    out[o + 2] = x1;
    out[o + 3] = y0 += values[i]! * k;
  }
}

/**
 * Tiles cells of `values` (summing to `value`, their parent's) in the rectangle, in steps: writes each cell's corners
 * to `out` (four numbers a cell: x0, y0, x1, y1) — typed arrays, not an object per cell, whose corners a large
 * treemap's first layout (code not yet optimised) wrote as a new boxed number each. Yields between two rows once
 * 4,096 cells are placed since the last yield, so that a caller can spread the tiling of 250,000 cells over several
 * tasks.
 */
export function* squarifySteps(
  values: Float64Array,
  value: number,
  out: Float64Array,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): Generator<void, void> {
  let placed = 0;
  const n = values.length;
  let i0 = 0;
  let i1 = 0;
  while (i0 < n) {
    const dx = x1 - x0;
    const dy = y1 - y0;
    // the next non-empty cell
    let sumValue: number;
    do sumValue = values[i1++]!;
    while (!sumValue && i1 < n);
    let minValue = sumValue;
    let maxValue = sumValue;
    const alpha = Math.max(dy / dx, dx / dy) / (value * PHI);
    let beta = sumValue * sumValue * alpha;
    let minRatio = Math.max(maxValue / beta, beta / minValue);
    // keep adding cells while the aspect ratio holds or improves
    for (; i1 < n; ++i1) {
      const nodeValue = values[i1]!;
      sumValue += nodeValue;
      if (nodeValue < minValue) minValue = nodeValue;
      if (nodeValue > maxValue) maxValue = nodeValue;
      beta = sumValue * sumValue * alpha;
      const newRatio = Math.max(maxValue / beta, beta / minValue);
      if (newRatio > minRatio) {
        sumValue -= nodeValue;
        break;
      }
      minRatio = newRatio;
    }
    // the row in place
    if (dx < dy)
      dice(values, out, i0, i1, sumValue, x0, y0, x1, value ? (y0 += (dy * sumValue) / value) : y1);
    else slice(values, out, i0, i1, sumValue, x0, y0, value ? (x0 += (dx * sumValue) / value) : x1, y1);
    value -= sumValue;
    placed += i1 - i0;
    i0 = i1;
    if (placed >= 4096) {
      placed = 0;
      yield;
    }
  }
}
