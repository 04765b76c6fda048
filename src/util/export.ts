/**
 * Exports of what a widget shows: CSV and JSON from its data table (which carries the sources and precision columns),
 * SVG and PNG from its chart with the title, the source line and the date written into the image.
 * DOM helpers; no network, no eval.
 */

/** Header and body rows of a table, as text. */
export function tableRows(table: HTMLTableElement): { header: string[]; rows: string[][] } {
  const text = (c: Element) => (c.textContent ?? '').replace(/\s+/g, ' ').trim();
  const header = [...table.querySelectorAll('thead th')].map(text);
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
  return { header, rows };
}

/** RFC 4180 CSV. Cells that a spreadsheet would run as formulas (`=`, `+`, `-`, `@`) are prefixed with `'`. */
export function toCsv(header: string[], rows: string[][]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

export interface ExportCaption {
  title: string;
  source: string;
  date: string;
}

/**
 * A standalone SVG document of a chart: computed styles written as presentation attributes (CSS classes and custom
 * properties do not travel), a canvas layer embedded as an image, and the caption drawn below.
 */
export function chartSvg(
  svg: SVGSVGElement,
  caption: ExportCaption,
  canvas?: HTMLCanvasElement | null,
): string {
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const out = dst[i]!;
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v && !(p === 'display' && v !== 'none')) out.setAttribute(p, v);
    }
    for (const a of ['class', 'part', 'tabindex', 'data-key']) out.removeAttribute(a);
  });
  const ns = 'http://www.w3.org/2000/svg';
  const font = getComputedStyle(svg).fontFamily;
  const fg = getComputedStyle(svg).color;
  const bg = getComputedStyle(svg.closest('[part="base"]') ?? svg).backgroundColor;
  const top = 28;
  const bottom = 40;
  const doc = document.createElementNS(ns, 'svg');
  doc.setAttribute('xmlns', ns);
  doc.setAttribute('width', String(width));
  doc.setAttribute('height', String(height + top + bottom));
  doc.setAttribute('viewBox', `0 0 ${width} ${height + top + bottom}`);
  doc.setAttribute('font-family', font);
  const rect = document.createElementNS(ns, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', bg && bg !== 'rgba(0, 0, 0, 0)' ? bg : '#ffffff');
  doc.append(rect);
  const text = (y: number, value: string, size: number, weight = '400') => {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', '0');
    t.setAttribute('y', String(y));
    t.setAttribute('font-size', String(size));
    t.setAttribute('font-weight', weight);
    t.setAttribute('fill', fg);
    t.textContent = value;
    return t;
  };
  doc.append(text(18, caption.title, 15, '700'));
  const g = document.createElementNS(ns, 'g');
  g.setAttribute('transform', `translate(0, ${top})`);
  if (canvas) {
    const img = document.createElementNS(ns, 'image');
    img.setAttribute('href', canvas.toDataURL('image/png'));
    img.setAttribute('width', String(width));
    img.setAttribute('height', String(height));
    g.append(img);
  }
  clone.removeAttribute('x');
  clone.removeAttribute('y');
  g.append(clone);
  doc.append(g);
  doc.append(text(height + top + 18, caption.source, 11));
  doc.append(text(height + top + 34, caption.date, 11));
  return new XMLSerializer().serializeToString(doc);
}

/** Rasterises an SVG document to a PNG blob at `scale` (needs `img-src data:` when the page has a CSP). */
export function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(img.width * scale);
      canvas.height = Math.round(img.height * scale);
      const ctx = canvas.getContext('2d')!;
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    img.onerror = () =>
      reject(new Error('the page does not allow data: images (Content-Security-Policy img-src)'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}

/** Saves a blob as a file through a temporary `<a download>`. */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
