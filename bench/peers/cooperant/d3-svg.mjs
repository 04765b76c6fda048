// Floor: hand-written d3 + SVG unit chart of the cooperant posts by place: one rect per post (colour by rank, the
// posts no source itemises hollow) up to 500 posts, one bar per place past it, as our chart's "auto" mode draws.
import { COLORS, W, layout } from './groups.mjs';

export function install(d3) {
  let svg;
  function draw(data) {
    const l = layout(d3, data);
    svg.attr('height', l.height);
    const g = svg
      .selectAll('g.group')
      .data(l.groups, (d) => d.name)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'group');
        e.append('text').attr('class', 'name').attr('dy', '0.8em');
        e.append('text').attr('class', 'count').attr('dy', '0.8em').attr('fill', '#555');
        return e;
      });
    g.select('text.name')
      .attr('y', (d) => d.y)
      .text((d) => d.name);
    g.select('text.count')
      .attr('y', (d) => d.y)
      .attr('x', (d) => (d.bar ? d.bar.x + d.bar.solid + d.bar.hollow + 4 : l.label - 64))
      .text((d) => d.label);
    g.selectAll('rect.unit')
      .data((d) => d.units ?? [])
      .join('rect')
      .attr('class', 'unit')
      .attr('x', (u) => u.x)
      .attr('y', (u) => u.y)
      .attr('width', l.unit)
      .attr('height', l.unit)
      .attr('fill', (u) => (u.itemised ? COLORS[u.rank] : 'none'))
      .attr('stroke', (u) => (u.itemised ? null : '#333'));
    g.selectAll('rect.bar')
      .data((d) =>
        d.bar
          ? [
              { x: d.bar.x, y: d.y, w: d.bar.solid, fill: COLORS[0], stroke: null },
              { x: d.bar.x + d.bar.solid, y: d.y, w: d.bar.hollow, fill: 'none', stroke: '#333' },
            ]
          : [],
      )
      .join('rect')
      .attr('class', 'bar')
      .attr('x', (b) => b.x)
      .attr('y', (b) => b.y)
      .attr('width', (b) => b.w)
      .attr('height', l.row - 6)
      .attr('fill', (b) => b.fill)
      .attr('stroke', (b) => b.stroke);
  }
  window.benchRender = async (data, container) => {
    svg = d3.select(container).append('svg').attr('width', W).attr('font-size', 12);
    draw(data);
  };
  window.benchUpdate = async (data) => draw(data);
}
