// Time vs N (log-log), one line per library, as an SVG string drawn in Node with our own stack (d3-scale, d3-shape;
// d3-axis needs a DOM, so the ticks are written by hand). Used by bench/compare.mjs.
import { scaleLog, scaleOrdinal, line, schemeTableau10 } from 'd3';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `chart`: { chart, libs: [{ lib, ours, floor }], sizes, rows: [{ n, lib, first?, update? }] } from compare.mjs. */
export function plotSvg(chart, key = 'first') {
  const W = 720;
  const H = 440;
  const m = { top: 36, right: 190, bottom: 44, left: 64 };
  const ok = chart.rows.filter((r) => r[key] != null && !r.error && !r.skipped);
  const ys = ok.map((r) => Math.max(1, r[key]));
  const x = scaleLog()
    .domain([Math.min(...chart.sizes), Math.max(...chart.sizes)])
    .range([m.left, W - m.right]);
  const y = scaleLog()
    .domain([Math.max(1, Math.min(...ys) / 2), Math.max(10, ...ys)])
    .nice()
    .range([H - m.bottom, m.top]);
  const color = scaleOrdinal(schemeTableau10).domain(chart.libs.map((l) => l.lib));
  const path = line()
    .x((r) => x(r.n))
    .y((r) => y(Math.max(1, r[key])));
  const fmt = (v) => (v >= 1000 ? `${v / 1000}k` : String(v));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${m.left}" y="20" font-size="13" font-weight="bold">${esc(chart.chart)}: ${key === 'first' ? 'first paint' : 'update'} (ms) vs N, log-log, median</text>`,
  ];
  // y grid and ticks (powers of ten and their 2× and 5×)
  for (const t of y.ticks()) {
    const lead = Number(t.toPrecision(1)) / 10 ** Math.floor(Math.log10(t));
    if (![1, 2, 5].includes(lead)) continue;
    out.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${lead === 1 ? '#ccc' : '#eee'}"/>`,
      `<text x="${m.left - 6}" y="${y(t).toFixed(1)}" dy="0.32em" text-anchor="end" fill="#444">${fmt(t)}</text>`,
    );
  }
  for (const n of chart.sizes)
    out.push(
      `<line x1="${x(n).toFixed(1)}" x2="${x(n).toFixed(1)}" y1="${m.top}" y2="${H - m.bottom}" stroke="#eee"/>`,
      `<text x="${x(n).toFixed(1)}" y="${H - m.bottom + 16}" text-anchor="middle" fill="#444">${n.toLocaleString('en')}</text>`,
    );
  out.push(
    `<line x1="${m.left}" x2="${W - m.right}" y1="${H - m.bottom}" y2="${H - m.bottom}" stroke="#444"/>`,
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}" stroke="#444"/>`,
    `<text x="${(m.left + W - m.right) / 2}" y="${H - 8}" text-anchor="middle">N (items)</text>`,
    `<text transform="translate(16,${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle">ms</text>`,
  );
  chart.libs.forEach((l, i) => {
    const pts = ok.filter((r) => r.lib === l.lib).sort((a, b) => a.n - b.n);
    const c = color(l.lib);
    const width = l.ours ? 3 : 1.5;
    const dash = l.floor ? ' stroke-dasharray="5 3"' : '';
    if (pts.length)
      out.push(`<path d="${path(pts)}" fill="none" stroke="${c}" stroke-width="${width}"${dash}/>`);
    for (const p of pts)
      out.push(
        `<circle cx="${x(p.n).toFixed(1)}" cy="${y(Math.max(1, p[key])).toFixed(1)}" r="${l.ours ? 4 : 3}" fill="${c}"/>`,
      );
    const ly = m.top + 8 + i * 18;
    out.push(
      `<line x1="${W - m.right + 14}" x2="${W - m.right + 38}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="${width}"${dash}/>`,
      `<text x="${W - m.right + 44}" y="${ly}" dy="0.32em"${l.ours ? ' font-weight="bold"' : ''}>${esc(l.lib)}${pts.length ? '' : ' (no data)'}</text>`,
    );
  });
  out.push('</svg>', '');
  return out.join('\n');
}
