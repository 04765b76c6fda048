import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** Relative luminance of a CSS `rgb()`/`rgba()` colour, with its alpha; `null` when it cannot be read. */
export function readColour(css: string): { luminance: number; alpha: number } | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(css);
  if (!m) return null;
  const f = (v: string) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { luminance: 0.2126 * f(m[1]!) + 0.7152 * f(m[2]!) + 0.0722 * f(m[3]!), alpha: a };
}

/** The parent of an element, crossing out of shadow roots. */
const up = (n: Element): Element | null => n.parentElement ?? (n.getRootNode() as ShadowRoot).host ?? null;

/** Whether the background a widget is drawn on is dark: the first ancestor with an opaque background decides. */
export function effectiveBackgroundIsDark(el: Element): boolean {
  for (let node = up(el); node; node = up(node)) {
    const c = readColour(getComputedStyle(node).backgroundColor);
    if (c && c.alpha >= 0.5) return c.luminance < 0.2;
  }
  // no painted ancestor: the page's canvas, dark only where the page opts into a dark colour scheme
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  if (!/dark/.test(scheme)) return false;
  return !/light/.test(scheme) || matchMedia('(prefers-color-scheme: dark)').matches;
}

const controllers = new Set<ColorSchemeController>();
let observer: MutationObserver | undefined;
/** One observer for all widgets: a page switches its theme by a class, a style or an attribute on html or body. */
function observePage() {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => requestAnimationFrame(() => controllers.forEach((c) => c.update())));
  const options = {
    attributes: true,
    attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme'],
  };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
}

/**
 * Light or dark without a `theme` attribute: the widget has no background of its own (no seam on any page), so it
 * follows the background it is drawn on, not the reader's system setting — a light article stays light on a dark
 * system. Written as the host's `data-scheme` attribute, re-read when the system scheme flips and when the page
 * changes a class, style or theme attribute on html or body (how pages switch their theme).
 */
export class ColorSchemeController implements ReactiveController {
  #mql?: MediaQueryList;
  #onChange = () => requestAnimationFrame(() => this.update());

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    observePage();
    this.update();
    if (typeof matchMedia === 'undefined') return;
    this.#mql = matchMedia('(prefers-color-scheme: dark)');
    this.#mql.addEventListener('change', this.#onChange);
  }
  hostDisconnected(): void {
    controllers.delete(this);
    this.#mql?.removeEventListener('change', this.#onChange);
  }

  /** Reads the background again (after the page changed its theme). */
  update(): void {
    if (!this.host.isConnected) return;
    const scheme = effectiveBackgroundIsDark(this.host) ? 'dark' : 'light';
    if (this.host.dataset.scheme === scheme) return;
    this.host.dataset.scheme = scheme;
    // styles follow the attribute by themselves; what a widget paints on canvas is painted again in its update
    this.host.requestUpdate();
  }
}
