// Highcharts treemap (SVG), squarified, animations off, no turbo threshold (points are objects).
export function install(Highcharts) {
  let chart;
  const series = (data) => ({
    type: 'treemap',
    layoutAlgorithm: 'squarified',
    animation: false,
    turboThreshold: 0,
    data: data
      .filter((d) => d.parent !== null)
      .map((d) =>
        d.parent === 'root'
          ? { id: d.id, name: d.name }
          : { id: d.id, parent: d.parent, name: d.name, value: d.value },
      ),
    levels: [
      {
        level: 1,
        borderWidth: 2,
        colorByPoint: true,
        dataLabels: { enabled: true, align: 'left', verticalAlign: 'top' },
      },
      { level: 2, dataLabels: { enabled: false } },
    ],
  });
  window.benchRender = async (data, container) => {
    chart = Highcharts.chart(container, {
      chart: { width: 960, height: 600, animation: false },
      title: { text: null },
      credits: { enabled: false },
      legend: { enabled: false },
      accessibility: { enabled: false },
      plotOptions: { series: { animation: false, states: { hover: { animation: false } } } },
      series: [series(data)],
    });
  };
  window.benchUpdate = async (data) => chart.series[0].setData(series(data).data, true, false, false);
}
