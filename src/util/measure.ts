import { estimateWidth, type Measure } from '../layout/text-fit';

const cache = new Map<string, Measure>();

/**
 * A {@link Measure} backed by canvas `measureText` in the given font family (the one the widget renders with, read
 * from its computed style), cached per text. Falls back to the estimate where no canvas exists (Node).
 */
export function canvasMeasure(fontFamily: string): Measure {
  let m = cache.get(fontFamily);
  if (m) return m;
  const ctx =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(1, 1).getContext('2d')
      : typeof document !== 'undefined'
        ? document.createElement('canvas').getContext('2d')
        : null;
  if (!ctx) return estimateWidth;
  const widths = new Map<string, number>();
  let font = '';
  m = (text, fontSize, weight = 400) => {
    const key = `${weight}|${fontSize}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      const f = `${weight} ${fontSize}px ${fontFamily}`;
      // setting the font parses it: only when it changes
      if (f !== font) ctx.font = font = f;
      w = Math.ceil(ctx.measureText(text).width * 100) / 100;
      if (widths.size > 20000) widths.clear();
      widths.set(key, w);
    }
    return w;
  };
  cache.set(fontFamily, m);
  return m;
}
