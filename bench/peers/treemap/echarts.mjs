// Apache ECharts treemap (canvas renderer), animations, breadcrumb, roam and click-zoom off.
export function install(echarts) {
  let chart;
  const option = (data) => ({
    animation: false,
    tooltip: { show: false },
    series: [
      {
        type: 'treemap',
        data: data.children,
        left: 0,
        top: 0,
        right: 0,
        bottom: 0,
        roam: false,
        nodeClick: false,
        animation: false,
        breadcrumb: { show: false },
        squareRatio: 0.5 * (1 + Math.sqrt(5)),
        levels: [
          { itemStyle: { gapWidth: 1 }, upperLabel: { show: true, height: 14 } },
          { itemStyle: { gapWidth: 0, borderWidth: 0 } },
        ],
      },
    ],
  });
  window.benchRender = async (data, container) => {
    chart = echarts.init(container, null, { renderer: 'canvas', width: 960, height: 600 });
    chart.setOption(option(data));
  };
  window.benchUpdate = async (data) => chart.setOption(option(data), { notMerge: false, lazyUpdate: false });
}
