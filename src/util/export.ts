/**
 * Exports of what a widget shows: CSV and JSON from its data table (which carries the sources and precision columns),
 * SVG and PNG from its chart with the title, the source line and the date written into the image.
 * DOM helpers; no network, no eval.
 */
import type { TableModel } from '../describe/types';
import { wrapText, type Measure } from '../layout/text-fit';
import { csvCell, svgDataUrl, xmlSafe } from './safe-text';

/** CSV of a table model: every row (not only those on screen), raw values (numbers, ISO dates). */
export function tableCsv(model: TableModel): string {
  return toCsv(
    model.columns.map((c) => c.label),
    model.rows.map((r) => r.raw.map((v) => (v === null ? '' : String(v)))),
  );
}

/** JSON of a table model with the caption, as-of date and source line: rows as objects of raw values. */
export function tableJson(
  model: TableModel,
  meta: { title: string; asOf?: string | undefined; source: string },
): string {
  const keys = model.columns.map((c) => c.label);
  return JSON.stringify(
    {
      ...meta,
      rows: model.rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r.raw[i] ?? null]))),
    },
    null,
    2,
  );
}

/** RFC 4180 CSV. Cells a spreadsheet would run as formulas (`=`, `+`, `-`, `@`, tab, CR) are prefixed with `'`. */
export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  // labels with a halo (a stroke painted under the fill): without it the halo covers the text
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
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

const NS = 'http://www.w3.org/2000/svg';

/** Copies the computed styles that matter of `src` and its descendants onto the clone `dst` as attributes. */
function inlineStyles(src: Element, dst: Element): void {
  const from = [src, ...src.querySelectorAll('*')];
  const to = [dst, ...dst.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const out = to[i]!;
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v && !(p === 'display' && v !== 'none')) out.setAttribute(p, v);
    }
    for (const a of ['class', 'part', 'tabindex', 'data-key', 'role', 'aria-label', 'aria-hidden'])
      out.removeAttribute(a);
  });
}

/** Draws the layers of a chart region (every `svg` and `canvas`, at their place on screen) into a group. */
function layers(region: Element, origin: DOMRect): SVGGElement {
  const g = document.createElementNS(NS, 'g');
  for (const el of region.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas')) {
    if (el instanceof SVGSVGElement && el.parentElement?.closest('svg')) continue; // nested svg: drawn with its parent
    if (el.closest('[hidden], .legend, [part="legend"], button')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).display === 'none') continue;
    const x = Math.round(r.left - origin.left);
    const y = Math.round(r.top - origin.top);
    if (el instanceof HTMLCanvasElement) {
      const img = document.createElementNS(NS, 'image');
      img.setAttribute('href', el.toDataURL('image/png'));
      img.setAttribute('x', String(x));
      img.setAttribute('y', String(y));
      img.setAttribute('width', String(Math.round(r.width)));
      img.setAttribute('height', String(Math.round(r.height)));
      g.append(img);
      continue;
    }
    const clone = el.cloneNode(true) as SVGSVGElement;
    inlineStyles(el, clone);
    // screen-only controls drawn in the SVG (a fold chevron) are not part of the picture
    for (const n of clone.querySelectorAll('[data-no-export]')) n.remove();
    clone.setAttribute('x', String(x));
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(Math.round(r.width)));
    clone.setAttribute('height', String(Math.round(r.height)));
    clone.setAttribute('overflow', 'hidden');
    g.append(clone);
  }
  return g;
}

/**
 * The colour the chart is seen on: the first painted background from the region up through its host and the page
 * (a widget has no box of its own unless themed), `''` when none is painted.
 */
function backgroundUnder(region: Element): string {
  for (let el: Element | null = region; el;) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return '';
}

/**
 * A standalone SVG document of what a widget shows, laid out at its width: the title (wrapped), every drawn layer of
 * the chart region (base map, axes, canvas marks, SVG marks, labels) where they are on screen, the legend entries
 * with their swatches, then the source line and the date. Computed styles are written as attributes (classes and
 * custom properties do not travel).
 */
export function chartSvg(
  region: HTMLElement,
  caption: ExportCaption,
  legend: HTMLElement | null,
  measure: Measure,
  notes: readonly HTMLElement[] = [],
): string {
  const box = region.getBoundingClientRect();
  const width = Math.max(200, Math.round(box.width));
  const cs = getComputedStyle(region);
  const font = cs.fontFamily;
  const fg = cs.color;
  const bg = backgroundUnder(region);
  const doc = document.createElementNS(NS, 'svg');
  doc.setAttribute('xmlns', NS);
  doc.setAttribute('font-family', font);
  const rect = document.createElementNS(NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', bg && bg !== 'rgba(0, 0, 0, 0)' ? bg : '#ffffff');
  doc.append(rect);
  let y = 0;
  const text = (value: string, size: number, weight = 400, x = 0) => {
    const lines = wrapText(value, width - x, size, 4, measure, weight) ?? [];
    for (const line of lines) {
      y += Math.round(size * 1.35);
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', String(x));
      t.setAttribute('y', String(y));
      t.setAttribute('font-size', String(size));
      t.setAttribute('font-weight', String(weight));
      t.setAttribute('fill', fg);
      t.textContent = line;
      doc.append(t);
    }
  };
  text(caption.title, 15, 700);
  y += 8;
  // the region's box clips its layers: rows scrolled out of a scroller are not on screen, so not in the file
  const chart = document.createElementNS(NS, 'svg');
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(y));
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(Math.round(box.height)));
  chart.setAttribute('overflow', 'hidden');
  chart.append(layers(region, box));
  doc.append(chart);
  y += Math.round(box.height) + 8;
  if (legend) {
    // legend entries: the swatch drawn on screen and its words, flowing in rows
    let x = 0;
    let rowH = 0;
    const size = 12;
    for (const li of legend.querySelectorAll<HTMLElement>('li')) {
      const label = (li.textContent ?? '').replace(/\s+/g, ' ').trim();
      const sw = li.querySelector('svg');
      const swW = sw ? Math.round(sw.getBoundingClientRect().width) || 14 : 0;
      // a label wider than the image wraps under itself (at most 3 lines)
      const lines = wrapText(label, width - swW - 6, size, 3, measure) ?? [label];
      const w = swW + 6 + Math.max(...lines.map((l) => measure(l, size))) + 16;
      if (x > 0 && x + w > width) {
        x = 0;
        y += rowH + 4;
        rowH = 0;
      }
      if (sw) {
        const clone = sw.cloneNode(true) as SVGSVGElement;
        inlineStyles(sw, clone);
        clone.setAttribute('x', String(x));
        clone.setAttribute('y', String(y + 1));
        doc.append(clone);
      }
      lines.forEach((line, i) => {
        const t = document.createElementNS(NS, 'text');
        t.setAttribute('x', String(x + swW + 6));
        t.setAttribute('y', String(y + size + i * 15));
        t.setAttribute('font-size', String(size));
        t.setAttribute('fill', fg);
        t.textContent = line;
        doc.append(t);
      });
      x += w;
      rowH = Math.max(rowH, 16 + (lines.length - 1) * 15);
    }
    y += rowH + 6;
  }
  // notes drawn under the chart on screen (a key of small marks, what is not drawn), as lines of text
  for (const note of notes) {
    const value = (note.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (value) text(value, 12);
  }
  if (notes.length) y += 6;
  text(caption.source, 11);
  text(caption.date, 11);
  y += 8;
  doc.setAttribute('width', String(width));
  doc.setAttribute('height', String(y));
  doc.setAttribute('viewBox', `0 0 ${width} ${y}`);
  // characters XML forbids (NUL, U+FFFF…) and lone surrogates from the data would make the file ill-formed
  return xmlSafe(new XMLSerializer().serializeToString(doc));
}

/**
 * The SVG document of a widget's shadow root: the region marked `data-export` (else `data-marks`, else the chart's
 * parent), the legend, and the notes marked `data-export-note`.
 */
export function widgetSvg(root: ParentNode, caption: ExportCaption, measure: Measure): string {
  const region =
    root.querySelector<HTMLElement>('[data-export]') ??
    root.querySelector<HTMLElement>('[data-marks]') ??
    root.querySelector<SVGSVGElement>('svg[part="svg"]')?.parentElement;
  if (!region) throw new Error('no chart to export');
  const notes = [...root.querySelectorAll<HTMLElement>('[data-export-note]')];
  return chartSvg(region, caption, root.querySelector<HTMLElement>('[part="legend"]'), measure, notes);
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
    // blame the Content-Security-Policy only when it did block the image
    let blocked = false;
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (e.blockedURI.startsWith('data')) blocked = true;
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    const done = () => document.removeEventListener('securitypolicyviolation', onViolation);
    img.addEventListener('load', done);
    img.onerror = () =>
      setTimeout(() => {
        done();
        reject(
          new Error(
            blocked
              ? 'the page does not allow data: images (Content-Security-Policy img-src)'
              : 'the chart could not be drawn as an image',
          ),
        );
      }, 0);
    img.src = svgDataUrl(svgText);
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
