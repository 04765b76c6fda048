// Shared by the d3 floors and Plot: a two-level squarified treemap of the budget in 960×600 (d3-hierarchy).
export const W = 960;
export const H = 600;
export function layout(d3, data) {
  const root = d3
    .hierarchy(data)
    .sum((d) => d.value ?? 0)
    .sort((a, b) => b.value - a.value);
  d3
    .treemap()
    .size([W, H])
    .paddingOuter(1)
    .paddingTop((d) => (d.depth === 1 ? 14 : 0))
    .paddingInner(1)
    .round(true)(root);
  return root;
}
