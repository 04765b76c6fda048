// Observable Plot: Plot.geo for countries and regions, Plot.dot for facilities, Mercator fitted to Mopti (SVG).
export function install({ Plot }) {
  let container;
  function draw(m) {
    const chart = Plot.plot({
      width: 960,
      height: 600,
      projection: { type: 'mercator', domain: m.focus, inset: 46 },
      color: { type: 'ordinal', scheme: 'tableau10' },
      marks: [
        Plot.geo(m.countries, { fill: '#f7f7f7', stroke: '#999' }),
        Plot.geo(m.regions, {
          fill: (d) => (d.properties.id === m.focus.properties.id ? '#eee' : '#f7f7f7'),
          stroke: '#999',
        }),
        Plot.dot(m.points, { x: 'lon', y: 'lat', r: 3, fill: 'kind' }),
      ],
    });
    container.replaceChildren(chart);
  }
  window.benchRender = async (m, el) => {
    container = el;
    draw(m);
  };
  window.benchUpdate = async (m) => draw(m);
}
