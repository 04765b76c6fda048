// Floor: hand-written d3 layout + canvas 2D treemap (rects, programme labels, leaf labels where they fit).
import { layout, W, H } from './layout.mjs';

export function install(d3) {
  let ctx;
  const color = d3.scaleOrdinal(d3.schemeTableau10);
  function draw(data) {
    const root = layout(d3, data);
    ctx.clearRect(0, 0, W, H);
    ctx.font = '10px sans-serif';
    ctx.textBaseline = 'top';
    for (const g of root.children ?? []) {
      ctx.fillStyle = '#222';
      if (g.x1 - g.x0 > 30) ctx.fillText(g.data.name, g.x0 + 3, g.y0 + 1);
      ctx.fillStyle = color(g.data.id);
      for (const l of g.children ?? []) ctx.fillRect(l.x0, l.y0, l.x1 - l.x0, l.y1 - l.y0);
      ctx.fillStyle = '#222';
      for (const l of g.children ?? [])
        if (l.x1 - l.x0 > 50 && l.y1 - l.y0 > 14) ctx.fillText(l.data.name, l.x0 + 2, l.y0 + 1);
    }
  }
  window.benchRender = async (data, container) => {
    const canvas = document.createElement('canvas');
    const dpr = window.devicePixelRatio || 1;
    canvas.width = W * dpr;
    canvas.height = H * dpr;
    canvas.style.width = `${W}px`;
    canvas.style.height = `${H}px`;
    container.append(canvas);
    ctx = canvas.getContext('2d');
    ctx.scale(dpr, dpr);
    draw(data);
  };
  window.benchUpdate = async (data) => draw(data);
}
