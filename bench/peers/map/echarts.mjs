// Apache ECharts: geo component on the same base map (registered GeoJSON, framed on Mopti), scatter series of the
// facilities, canvas renderer, animations and progressive rendering off.
export function install(echarts) {
  let chart;
  const option = (m) => {
    const [[w, s], [e, n]] = m.bounds;
    return {
      animation: false,
      tooltip: { show: false },
      geo: {
        map: 'parsec-mali',
        roam: false,
        boundingCoords: [
          [w, n],
          [e, s],
        ],
        itemStyle: { areaColor: '#f7f7f7', borderColor: '#999' },
        silent: true,
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 6,
          progressive: 0,
          animation: false,
          data: m.points.map((p) => [p.lon, p.lat, p.q]),
        },
      ],
    };
  };
  window.benchRender = async (m, container) => {
    echarts.registerMap('parsec-mali', {
      type: 'FeatureCollection',
      features: [...m.countries.features, ...m.regions.features],
    });
    chart = echarts.init(container, null, { renderer: 'canvas', width: 960, height: 600 });
    chart.setOption(option(m));
  };
  window.benchUpdate = async (m) => chart.setOption(option(m));
}
