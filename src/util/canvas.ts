/**
 * Paints the canvas layer of a widget (marks past the SVG limit) once per geometry: finds the canvas in the shadow
 * root, reads theme colours from the host's custom properties, clears, then calls `paint`.
 */
export function paintCanvasOnce<G>(
  host: HTMLElement,
  memo: { painted?: G },
  geometry: G,
  size: { width: number; height: number },
  paint: (ctx: CanvasRenderingContext2D, colour: (name: string, fallback: string) => string) => void,
): void {
  const canvas = host.shadowRoot?.querySelector('canvas');
  if (!canvas || memo.painted === geometry) return;
  memo.painted = geometry;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const style = getComputedStyle(host);
  ctx.clearRect(0, 0, size.width, size.height);
  paint(ctx, (name, fallback) => style.getPropertyValue(name).trim() || fallback);
}
