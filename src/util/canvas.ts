/**
 * Paints the canvas layer of a widget (marks past the SVG limit) once per geometry: finds the canvas in the shadow
 * root, scales it for the screen's pixel density, reads theme colours from the host's custom properties, clears,
 * then calls `paint` in CSS pixels.
 */
export function paintCanvasOnce<G>(
  host: HTMLElement,
  memo: { painted?: G; scheme?: string },
  geometry: G,
  size: { width: number; height: number },
  paint: (ctx: CanvasRenderingContext2D, colour: (name: string, fallback: string) => string) => void,
): void {
  const canvas = host.shadowRoot?.querySelector('canvas');
  // painted again when the geometry or the colours change: a `theme` attribute, or the page's own theme switch (the
  // host's `data-scheme`, controllers/color-scheme.ts) — the canvas reads its colours only when it paints
  const scheme = `${host.getAttribute('theme') ?? ''} ${host.dataset.scheme ?? ''}`;
  if (!canvas || (memo.painted === geometry && memo.scheme === scheme)) return;
  memo.painted = geometry;
  memo.scheme = scheme;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  // sharp on high-density screens: more backing pixels, same CSS size (set through CSSOM, CSP-safe)
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  if (dpr !== 1) {
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    canvas.style.width = `${size.width}px`;
    canvas.style.height = `${size.height}px`;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const style = getComputedStyle(host);
  ctx.clearRect(0, 0, size.width, size.height);
  paint(ctx, (name, fallback) => style.getPropertyValue(name).trim() || fallback);
}
