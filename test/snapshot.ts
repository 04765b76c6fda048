import { render, type TemplateResult } from 'lit';

/**
 * Renders a lit template into a detached element and returns stable, readable markup for a file snapshot:
 * lit's comment markers removed, numbers rounded to 2 decimals, one tag per line.
 */
export function snapshotMarkup(template: TemplateResult): string {
  const host = document.createElement('div');
  render(template, host);
  return host.innerHTML
    .replace(/<!--[^>]*-->/g, '')
    .replace(/(\d+\.\d{3,})/g, (m) => String(Math.round(Number(m) * 100) / 100))
    .replace(/>\s*</g, '>\n<')
    .replace(/\s+\n/g, '\n')
    .trim()
    .concat('\n');
}
