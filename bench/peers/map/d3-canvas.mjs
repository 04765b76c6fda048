// Floor: hand-written d3-geo + canvas 2D map: countries and regions (Mercator fitted to Mopti), one dot per facility.
export function install(d3) {
  const W = 960;
  const H = 600;
  let ctx;
  const color = d3.scaleOrdinal(d3.schemeTableau10);
  function draw(m) {
    const pad = Math.round(Math.min(W, H) * 0.06) + 8;
    const projection = d3
      .geoMercator()
      .fitExtent(
        [
          [pad, pad],
          [W - pad, H - pad - 10],
        ],
        m.focus,
      )
      .clipExtent([
        [-2, -2],
        [W + 2, H + 2],
      ]);
    const path = d3.geoPath(projection, ctx);
    ctx.clearRect(0, 0, W, H);
    ctx.strokeStyle = '#999';
    for (const f of [...m.countries.features, ...m.regions.features]) {
      ctx.beginPath();
      path(f);
      ctx.fillStyle = f.properties.id === m.focus.properties.id ? '#eee' : '#f7f7f7';
      ctx.fill();
      ctx.stroke();
    }
    for (const p of m.points) {
      const [x, y] = projection([p.lon, p.lat]);
      ctx.beginPath();
      ctx.arc(x, y, 3, 0, 2 * Math.PI);
      ctx.fillStyle = color(p.kind);
      ctx.fill();
    }
  }
  window.benchRender = async (m, container) => {
    const canvas = document.createElement('canvas');
    const dpr = window.devicePixelRatio || 1;
    canvas.width = W * dpr;
    canvas.height = H * dpr;
    canvas.style.width = `${W}px`;
    canvas.style.height = `${H}px`;
    container.append(canvas);
    ctx = canvas.getContext('2d');
    ctx.scale(dpr, dpr);
    draw(m);
  };
  window.benchUpdate = async (m) => draw(m);
}
