/**
 * d3-hierarchy's squarified treemap tiling (`treemapSquarify`, golden ratio), the same arithmetic in the same order,
 * written here because importing it from d3-hierarchy's single-file bundle keeps the whole hierarchy API (its `Node`
 * prototype is assigned at load), about 1 KB gzip the treemap never calls.
 * From d3-hierarchy 3.1 (ISC License, Copyright 2010-2026 Mike Bostock).
 */
export interface SquarifyCell {
  value: number;
  children?: SquarifyCell[];
  x0?: number;
  y0?: number;
  x1?: number;
  y1?: number;
}

const PHI = (1 + Math.sqrt(5)) / 2;

/** Places `nodes[from]` to `nodes[to - 1]` side by side across the rectangle (d3's `dice` on that row). */
function dice(
  nodes: SquarifyCell[],
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
    const node = nodes[i]!;
    node.y0 = y0;
    node.y1 = y1;
    node.x0 = x0;
    node.x1 = x0 += node.value * k;
  }
}

/** Places `nodes[from]` to `nodes[to - 1]` one above the other down the rectangle (d3's `slice` on that row). */
function slice(
  nodes: SquarifyCell[],
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
    const node = nodes[i]!;
    node.x0 = x0;
    node.x1 = x1;
    node.y0 = y0;
    node.y1 = y0 += node.value * k;
  }
}

/** Tiles `parent.children` (each with its `value`) in the rectangle: writes their x0, y0, x1, y1. */
export function squarify(parent: SquarifyCell, x0: number, y0: number, x1: number, y1: number): void {
  const steps = squarifySteps(parent, x0, y0, x1, y1);
  while (!steps.next().done);
}

/**
 * {@link squarify} in steps: yields between two rows once 4,096 cells are placed since the last yield, so that a
 * caller can spread the tiling of 250,000 cells over several tasks.
 */
export function* squarifySteps(
  parent: SquarifyCell,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): Generator<void, void> {
  let placed = 0;
  const nodes = parent.children ?? [];
  const n = nodes.length;
  let value = parent.value;
  let i0 = 0;
  let i1 = 0;
  while (i0 < n) {
    const dx = x1 - x0;
    const dy = y1 - y0;
    // the next non-empty node
    let sumValue: number;
    do sumValue = nodes[i1++]!.value;
    while (!sumValue && i1 < n);
    let minValue = sumValue;
    let maxValue = sumValue;
    const alpha = Math.max(dy / dx, dx / dy) / (value * PHI);
    let beta = sumValue * sumValue * alpha;
    let minRatio = Math.max(maxValue / beta, beta / minValue);
    // keep adding nodes while the aspect ratio holds or improves
    for (; i1 < n; ++i1) {
      const nodeValue = nodes[i1]!.value;
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
    // the row in place (no copy of it)
    if (dx < dy) dice(nodes, i0, i1, sumValue, x0, y0, x1, value ? (y0 += (dy * sumValue) / value) : y1);
    else slice(nodes, i0, i1, sumValue, x0, y0, value ? (x0 += (dx * sumValue) / value) : x1, y1);
    value -= sumValue;
    placed += i1 - i0;
    i0 = i1;
    if (placed >= 4096) {
      placed = 0;
      yield;
    }
  }
}
