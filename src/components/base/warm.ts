import type { CSSResultOrNative } from 'lit';
import { warmFormats } from '../../i18n/format';
import { canvasMeasure } from '../../util/measure';
import { idle } from '../../util/idle';
import { graphemes } from '../../util/safe-text';
import { resolveLang } from '../../controllers/locale';

/**
 * The font stack of the widgets (`--_font` in styles/tokens.ts) when the page sets no `--parsec-font-family`, as a
 * computed style gives it back (`getComputedStyle(el).fontFamily`): the key of the measures made with it.
 */
export const DECLARED_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

type Styled = { readonly elementStyles?: readonly CSSResultOrNative[] };
const classes = new Set<Styled>();
let scheduled = false;

/**
 * Pays a page's one-time costs in idle time once the widgets are defined, not inside the first widget's first paint:
 * ICU's start-up and the formatters of the page's language (the first `Intl` formatter of a page costs 10–30 ms),
 * the grapheme segmenter, the canvas that measures text with its font, and the widgets' constructed style sheets
 * (parsed when first adopted). One step per idle period slice; a widget that draws before they are done simply pays
 * what is left, with the same results (every step fills a cache the widgets read anyway).
 */
export function warmUp(cls: Styled): void {
  classes.add(cls);
  if (scheduled || typeof window === 'undefined' || typeof document === 'undefined') return;
  scheduled = true;
  const steps: (() => unknown)[] = [
    ...warmFormats(resolveLang(document.documentElement)),
    () => graphemes('a'),
    () => {
      const root = getComputedStyle(document.documentElement);
      const family = root.getPropertyValue('--parsec-font-family').trim() || DECLARED_FONT;
      const measure = canvasMeasure(family);
      // every weight the widgets' styles declare (a weight measured first costs its face's lookup, 1–20 ms)
      const weights = new Set(['400']);
      for (const c of classes)
        for (const s of c.elementStyles ?? [])
          for (const m of ((s as { cssText?: string }).cssText ?? '').matchAll(/font-weight:\s*(\d+)/g))
            weights.add(m[1]);
      for (const w of weights) measure('0', 12, +w);
    },
    () => {
      // a CSSResult builds its CSSStyleSheet (and the browser parses it) when first read
      for (const c of classes)
        for (const s of c.elementStyles ?? []) void (s as { styleSheet?: unknown }).styleSheet;
    },
  ];
  const run = (deadline?: IdleDeadline) => {
    do {
      const step = steps.shift();
      try {
        step?.();
      } catch {
        // a step that fails is paid (and reported) by the widget that needs it
      }
    } while (steps.length && deadline && !deadline.didTimeout && deadline.timeRemaining() > 8);
    if (steps.length) idle(run, 2000);
  };
  idle(run, 2000);
}
