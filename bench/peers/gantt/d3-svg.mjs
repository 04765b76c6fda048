// Floor: hand-written d3 + SVG Gantt: one 20 px row per item, bars for phases, diamonds for milestones and events,
// labels, a year axis written by hand, in a 960×600 scrolling box.
export function install(d3) {
  const W = 960;
  const ROW = 20;
  const LEFT = 160;
  let svg;
  let box;
  const color = d3.scaleOrdinal(d3.schemeTableau10);
  function draw(tasks) {
    const H = 30 + tasks.length * ROW;
    const t = (s) => Date.parse(s);
    const x = d3
      .scaleUtc()
      .domain([d3.min(tasks, (d) => t(d.start)), d3.max(tasks, (d) => t(d.end))])
      .range([LEFT, W - 10]);
    svg.attr('height', H);
    svg
      .select('g.axis')
      .selectAll('text')
      .data(x.ticks(d3.utcYear.every(1)))
      .join('text')
      .attr('x', (d) => x(d))
      .attr('y', 14)
      .attr('text-anchor', 'middle')
      .text((d) => d.getUTCFullYear());
    svg
      .select('g.rows')
      .selectAll('g')
      .data(tasks, (d) => d.id)
      .join((e) =>
        e
          .append('g')
          .call((g) => g.append('text').attr('x', 4).attr('dy', 14))
          .call((g) => g.append('path')),
      )
      .attr('transform', (d, i) => `translate(0,${30 + i * ROW})`)
      .call((g) => g.select('text').text((d) => d.name))
      .call((g) =>
        g
          .select('path')
          .attr('fill', (d) => color(d.programme))
          .attr('d', (d) => {
            const x0 = x(t(d.start));
            if (d.kind !== 'phase') return `M${x0},3l7,7l-7,7l-7,-7z`;
            const w = Math.max(1, x(t(d.end)) - x0);
            return `M${x0},4h${w}v12h${-w}z`;
          }),
      );
  }
  window.benchRender = async (tasks, container) => {
    box = d3
      .select(container)
      .append('div')
      .style('width', `${W}px`)
      .style('height', '600px')
      .style('overflow', 'auto');
    svg = box.append('svg').attr('width', W).attr('font-size', 10);
    svg.append('g').attr('class', 'axis');
    svg.append('g').attr('class', 'rows');
    draw(tasks);
  };
  window.benchUpdate = async (tasks) => draw(tasks);
}
