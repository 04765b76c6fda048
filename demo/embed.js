// The iframe page for CMSs that strip <script>: embed.html?widget=treemap&lang=fr&theme=dark&…
// Builds one widget from the query string (known options only, as attributes: text, never HTML) and reports its
// height to the parent page with postMessage so the iframe can fit its content (see embed-parent.js).
const widgets = {
  treemap: { tag: 'parsec-budget-treemap', options: ['path', 'currency', 'programmes', 'no-legend'] },
  gantt: {
    tag: 'parsec-phase-gantt',
    options: ['from', 'to', 'as-of', 'today', 'programmes', 'collapsed', 'no-legend'],
  },
  map: { tag: 'parsec-facility-map', options: ['region', 'date', 'no-legend'] },
  cooperants: { tag: 'parsec-cooperant-chart', options: ['group-by', 'mode', 'year', 'no-legend'] },
};
const common = ['lang', 'theme', 'src', 'no-tooltip'];
const params = new URLSearchParams(location.search);
const name = params.get('widget') ?? 'treemap';
const spec = widgets[name];
const id = params.get('id') ?? name;

if (!spec) {
  const p = document.createElement('p');
  p.className = 'embed-error';
  p.textContent = `Unknown widget "${name}". Use one of: ${Object.keys(widgets).join(', ')}.`;
  document.body.append(p);
} else {
  const el = document.createElement(spec.tag);
  for (const key of [...common, ...spec.options]) {
    if (!params.has(key)) continue;
    if (key === 'lang') document.documentElement.lang = params.get(key);
    else el.setAttribute(key, params.get(key));
  }
  el.setAttribute('loading', 'eager');
  document.body.append(el);
  void nameThePage(el);
}

/** The page's title (what a screen reader announces for the frame) becomes the chart's own, in its language. */
async function nameThePage(el) {
  for (let i = 0; i < 400 && el.isConnected; i++) {
    await el.updateComplete;
    const title = el.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim();
    if (title) return void (document.title = title);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'parsec-embed-height', id, height }, '*');
};
new ResizeObserver(report).observe(document.documentElement);
addEventListener('load', report);
