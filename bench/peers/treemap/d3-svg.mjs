// Floor: hand-written d3 + SVG treemap (rects, programme labels, leaf labels where they fit).
import { layout, W, H } from './layout.mjs';

export function install(d3) {
  let svg;
  const color = d3.scaleOrdinal(d3.schemeTableau10);
  function draw(data) {
    const root = layout(d3, data);
    const groups = root.children ?? [];
    svg
      .selectAll('g.group')
      .data(groups, (d) => d.data.id)
      .join((e) =>
        e
          .append('g')
          .attr('class', 'group')
          .call((g) => g.append('text').attr('dy', 11)),
      )
      .call((g) =>
        g
          .select('text')
          .attr('x', (d) => d.x0 + 3)
          .attr('y', (d) => d.y0)
          .text((d) => (d.x1 - d.x0 > 30 ? d.data.name : '')),
      )
      .selectAll('g.leaf')
      .data(
        (d) => d.children ?? [],
        (d) => d.data.id,
      )
      .join((e) =>
        e
          .append('g')
          .attr('class', 'leaf')
          .call((g) => g.append('rect'))
          .call((g) => g.append('text').attr('dy', 11)),
      )
      .attr('transform', (d) => `translate(${d.x0},${d.y0})`)
      .call((g) =>
        g
          .select('rect')
          .attr('width', (d) => d.x1 - d.x0)
          .attr('height', (d) => d.y1 - d.y0)
          .attr('fill', (d) => color(d.parent.data.id)),
      )
      .call((g) =>
        g
          .select('text')
          .attr('x', 2)
          .text((d) => (d.x1 - d.x0 > 50 && d.y1 - d.y0 > 14 ? d.data.name : '')),
      );
  }
  window.benchRender = async (data, container) => {
    svg = d3.select(container).append('svg').attr('width', W).attr('height', H).attr('font-size', 10);
    draw(data);
  };
  window.benchUpdate = async (data) => draw(data);
}
