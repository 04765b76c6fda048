// Floor: hand-written d3-geo + SVG map: countries and regions (Mercator fitted to Mopti), one circle per facility.
export function install(d3) {
  const W = 960;
  const H = 600;
  let svg;
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
    const path = d3.geoPath(projection).digits(1);
    svg
      .select('g.base')
      .selectAll('path')
      .data([...m.countries.features, ...m.regions.features])
      .join('path')
      .attr('d', path)
      .attr('fill', (d) => (d.properties.id === m.focus.properties.id ? '#eee' : '#f7f7f7'))
      .attr('stroke', '#999');
    svg
      .select('g.points')
      .selectAll('circle')
      .data(m.points)
      .join('circle')
      .attr('r', 3)
      .attr('cx', (d) => projection([d.lon, d.lat])[0])
      .attr('cy', (d) => projection([d.lon, d.lat])[1])
      .attr('fill', (d) => color(d.kind));
  }
  window.benchRender = async (m, container) => {
    svg = d3.select(container).append('svg').attr('width', W).attr('height', H);
    svg.append('g').attr('class', 'base');
    svg.append('g').attr('class', 'points');
    draw(m);
  };
  window.benchUpdate = async (m) => draw(m);
}
