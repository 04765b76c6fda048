// Shared by the cooperant peers: the units of one year grouped by place (one pass), in our chart's order (most posts
// first, "Place not stated" then "Not itemised" last), with the counts by rank the waffle and the bars draw.
export const RANKS = ['senior-officer', 'officer', 'nco', 'not-stated'];
export const COLORS = ['#4e79a7', '#f28e2c', '#59a14f', '#bab0ab']; // tableau10, one per rank
const LAST = ['Place not stated', 'Not itemised'];

/** `units`: [{ group, rank, itemised }] → [{ name, total, itemised, notItemised, byRank: [n per RANKS] }]. */
export function groupUnits(units) {
  const by = new Map();
  for (const u of units) {
    let g = by.get(u.group);
    if (!g)
      by.set(u.group, (g = { name: u.group, total: 0, itemised: 0, notItemised: 0, byRank: [0, 0, 0, 0] }));
    g.total++;
    if (u.itemised) {
      g.itemised++;
      g.byRank[Math.max(0, RANKS.indexOf(u.rank))]++;
    } else g.notItemised++;
  }
  return [...by.values()].sort(
    (a, b) =>
      LAST.indexOf(a.name) - LAST.indexOf(b.name) ||
      b.total - a.total ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

export const W = 960;
const LABEL = 270; // the group names' column
const ROW = 22; // bars mode: one row per group
const CELL = 14; // units mode: pitch of a unit
const UNIT = 11;

/**
 * Shared by the d3 floors: units mode places every unit (rank order, not itemised last) in rows of as many cells as the
 * width holds beside the names' column; bars mode one bar per group (itemised solid, not itemised hollow).
 * → { height, groups: [{ name, label, y, units?: [{ x, y, rank, itemised }], bar?: { x, solid, hollow } }] }
 */
export function layout(d3, data) {
  const groups = groupUnits(data.units);
  const out = [];
  let y = 4;
  if (data.mode === 'bars') {
    const max = Math.max(1, ...groups.map((g) => g.total));
    const x = d3
      .scaleLinear()
      .domain([0, max])
      .range([0, W - LABEL - 90]);
    for (const g of groups) {
      out.push({
        name: g.name,
        label: `${g.total} posts`,
        y,
        bar: { x: LABEL, solid: Math.round(x(g.itemised)), hollow: Math.round(x(g.notItemised)) },
      });
      y += ROW;
    }
  } else {
    const cols = Math.floor((W - LABEL) / CELL);
    for (const g of groups) {
      const units = [];
      let i = 0;
      const put = (rank, itemised) => {
        units.push({
          x: LABEL + (i % cols) * CELL,
          y: y + Math.floor(i / cols) * CELL,
          rank,
          itemised,
        });
        i++;
      };
      g.byRank.forEach((n, r) => {
        for (let k = 0; k < n; k++) put(r, true);
      });
      for (let k = 0; k < g.notItemised; k++) put(-1, false);
      out.push({ name: g.name, label: `${g.total} posts`, y, units });
      y += Math.max(1, Math.ceil(i / cols)) * CELL + 8;
    }
  }
  return { height: y + 4, groups: out, unit: UNIT, row: ROW, label: LABEL };
}
