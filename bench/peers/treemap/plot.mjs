// Observable Plot + d3: d3.treemap lays out, Plot.rect and Plot.text draw (SVG).
import { layout, W, H } from './layout.mjs';

export function install({ Plot, d3 }) {
  let container;
  function draw(data) {
    const root = layout(d3, data);
    const leaves = root.leaves();
    const groups = root.children ?? [];
    const chart = Plot.plot({
      width: W,
      height: H,
      margin: 0,
      x: { domain: [0, W], range: [0, W], axis: null },
      y: { domain: [0, H], range: [0, H], axis: null },
      color: { type: 'ordinal', scheme: 'tableau10' },
      marks: [
        Plot.rect(leaves, {
          x1: 'x0',
          x2: 'x1',
          y1: 'y0',
          y2: 'y1',
          fill: (d) => d.parent.data.id,
          inset: 0,
        }),
        Plot.text(groups, {
          x: (d) => d.x0 + 3,
          y: (d) => d.y0 + 7,
          text: (d) => (d.x1 - d.x0 > 30 ? d.data.name : ''),
          textAnchor: 'start',
          fontSize: 10,
        }),
        Plot.text(leaves, {
          x: (d) => d.x0 + 2,
          y: (d) => d.y0 + 7,
          text: (d) => (d.x1 - d.x0 > 50 && d.y1 - d.y0 > 14 ? d.data.name : ''),
          textAnchor: 'start',
          fontSize: 10,
        }),
      ],
    });
    container.replaceChildren(chart);
  }
  window.benchRender = async (data, el) => {
    container = el;
    draw(data);
  };
  window.benchUpdate = async (data) => draw(data);
}
