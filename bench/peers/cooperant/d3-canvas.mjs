// Floor: hand-written d3 (layout) + canvas 2D unit chart of the cooperant posts by place: one square per post (colour
// by rank, the posts no source itemises hollow) up to 500 posts, one bar per place past it, as our "auto" mode draws.
import { COLORS, W, layout } from './groups.mjs';

export function install(d3) {
  let canvas;
  let ctx;
  function draw(data) {
    const l = layout(d3, data);
    const dpr = window.devicePixelRatio || 1;
    canvas.width = W * dpr;
    canvas.height = l.height * dpr; // resizing clears the canvas
    canvas.style.width = `${W}px`;
    canvas.style.height = `${l.height}px`;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = '12px sans-serif';
    ctx.textBaseline = 'top';
    ctx.strokeStyle = '#333';
    for (const g of l.groups) {
      ctx.fillStyle = '#000';
      ctx.fillText(g.name, 0, g.y);
      ctx.fillStyle = '#555';
      ctx.fillText(g.label, g.bar ? g.bar.x + g.bar.solid + g.bar.hollow + 4 : l.label - 64, g.y);
      if (g.bar) {
        ctx.fillStyle = COLORS[0];
        ctx.fillRect(g.bar.x, g.y, g.bar.solid, l.row - 6);
        if (g.bar.hollow) ctx.strokeRect(g.bar.x + g.bar.solid + 0.5, g.y + 0.5, g.bar.hollow - 1, l.row - 7);
      } else
        for (const u of g.units) {
          if (u.itemised) {
            ctx.fillStyle = COLORS[u.rank];
            ctx.fillRect(u.x, u.y, l.unit, l.unit);
          } else ctx.strokeRect(u.x + 0.5, u.y + 0.5, l.unit - 1, l.unit - 1);
        }
    }
  }
  window.benchRender = async (data, container) => {
    canvas = document.createElement('canvas');
    container.append(canvas);
    ctx = canvas.getContext('2d');
    draw(data);
  };
  window.benchUpdate = async (data) => draw(data);
}
