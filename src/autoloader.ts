/**
 * Entry for `parsec-widgets/autoloader` and the CDN file `dist/cdn/autoloader.js`: one script tag that defines only the
 * parsec tags present on the page, and those added later, loading each widget's code on its first use.
 *
 * ```html
 * <script type="module" src="https://cdn.example/npm/parsec-widgets/dist/cdn/autoloader.js"></script>
 * <parsec-budget-treemap></parsec-budget-treemap>
 * ```
 * @packageDocumentation
 */

/** Each tag and the chunk that defines it. */
export const loaders: Readonly<Record<string, () => Promise<unknown>>> = {
  'parsec-budget-treemap': () => import('./budget-treemap'),
  'parsec-phase-gantt': () => import('./phase-gantt'),
  'parsec-facility-map': () => import('./facility-map'),
  'parsec-cooperant-chart': () => import('./cooperant-chart'),
  'parsec-dataset': () => import('./dataset'),
};

const started = new Map<string, Promise<unknown>>();

/** Loads the code of one tag (once). Resolves when the element is defined. */
export function load(tag: string): Promise<unknown> {
  const name = tag.toLowerCase();
  const loader = loaders[name];
  if (!loader) return Promise.reject(new Error(`parsec-widgets: no widget is called <${name}>`));
  let p = started.get(name);
  if (!p) {
    p = loader().then(() => customElements.whenDefined(name));
    started.set(name, p);
  }
  return p;
}

/** Loads the code of every parsec tag found in `root` (the document by default) that is not defined yet. */
export function discover(root: ParentNode = document): Promise<unknown[]> {
  const found: Promise<unknown>[] = [];
  for (const tag of Object.keys(loaders)) {
    if (!customElements.get(tag) && (matches(root, tag) || root.querySelector(tag))) found.push(load(tag));
  }
  return Promise.all(found);
}

function matches(node: ParentNode, tag: string): boolean {
  return node instanceof Element && node.localName === tag;
}

let observer: MutationObserver | undefined;

/** Starts watching the document for parsec tags added later. Called on import in a browser; idempotent. */
export function start(): void {
  if (observer || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) void discover(n as Element);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => void discover(), { once: true });
  void discover();
}

/** Stops watching for new tags (tags already loaded stay defined). */
export function stop(): void {
  observer?.disconnect();
  observer = undefined;
}

start();
