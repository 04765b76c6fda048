// Observable Plot: Plot.waffleX (one cell per post, stacked by rank; the posts no source itemises hollow) per place up
// to 500 posts, Plot.barX past it, as our chart's "auto" mode draws. Plot draws each waffle with an SVG pattern.
import { COLORS, RANKS, W, groupUnits } from './groups.mjs';

export function install({ Plot }) {
  let container;
  function draw(data) {
    const groups = groupUnits(data.units);
    const names = groups.map((g) => g.name);
    const bars = data.mode === 'bars';
    const rows = [];
    if (!bars)
      for (const g of groups) g.byRank.forEach((n, r) => n && rows.push({ name: g.name, rank: RANKS[r], n }));
    const marks = bars
      ? [
          Plot.barX(groups, { y: 'name', x: 'itemised', fill: COLORS[0] }),
          Plot.barX(groups, { y: 'name', x1: 'itemised', x2: 'total', fill: 'none', stroke: '#333' }),
        ]
      : [
          Plot.waffleX(rows, { y: 'name', x: 'n', fill: 'rank', unit: 1, gap: 3 }),
          Plot.waffleX(groups, {
            y: 'name',
            x: 'notItemised',
            fill: 'none',
            stroke: '#333',
            unit: 1,
            gap: 3,
          }),
        ];
    marks.push(
      Plot.text(groups, {
        y: 'name',
        x: 'total',
        text: (g) => `${g.total} posts`,
        textAnchor: 'start',
        dx: 4,
      }),
    );
    const chart = Plot.plot({
      width: W,
      height: 24 + names.length * (bars ? 22 : 28),
      marginLeft: 220,
      marginRight: 70,
      x: { axis: null },
      y: { domain: names, label: null },
      color: { domain: RANKS, range: COLORS },
      marks,
    });
    container.replaceChildren(chart);
  }
  window.benchRender = async (data, el) => {
    container = el;
    draw(data);
  };
  window.benchUpdate = async (data) => draw(data);
}
