// Embed builder: the form drives a live preview and writes the snippet (script + tag, or iframe) to copy.
const tags = {
  treemap: 'parsec-budget-treemap',
  gantt: 'parsec-phase-gantt',
  map: 'parsec-facility-map',
  cooperants: 'parsec-cooperant-chart',
};
/** Per-widget options: [attribute, label, type, choices] (choices for a select; boolean for a checkbox). */
const options = {
  treemap: [
    ['currency', 'Currency', 'select', ['EUR', 'XOF']],
    ['path', 'Open branch (budget line id, e.g. parsec-total)', 'text'],
    ['programmes', 'Programmes (ids, comma-separated, or "all")', 'text'],
    ['no-legend', 'Hide the legend', 'boolean'],
  ],
  gantt: [
    ['from', 'From (date, e.g. 2017-01)', 'text'],
    ['to', 'To (date)', 'text'],
    ['collapsed', 'Groups collapsed', 'boolean'],
    ['today', 'Show today', 'boolean'],
  ],
  map: [
    ['region', 'View', 'select', ['mopti', 'mali']],
    ['date', 'At date (e.g. 2019-01-01)', 'text'],
  ],
  cooperants: [
    ['group-by', 'Group by', 'select', ['place', 'entity', 'rank', 'service', 'year']],
    ['mode', 'Mode', 'select', ['units', 'bars']],
  ],
};
const form = document.getElementById('options');
const box = document.getElementById('widget-options');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const copied = document.getElementById('copied');
const bundleUrl = new URL('/dist/parsec-widgets.js', location.href).href;
const embedUrl = new URL('/demo/embed.html', location.href).href;
const parentUrl = new URL('/demo/embed-parent.js', location.href).href;
const escapeAttr = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function renderOptions(widget) {
  box.querySelectorAll('label').forEach((l) => l.remove());
  for (const [name, text, type, choices] of options[widget]) {
    const label = document.createElement('label');
    let input;
    if (type === 'select') {
      input = document.createElement('select');
      for (const c of choices) input.append(new Option(c, c));
    } else {
      input = document.createElement('input');
      input.type = type === 'boolean' ? 'checkbox' : 'text';
    }
    input.name = `opt:${name}`;
    if (type === 'boolean') label.append(input, document.createTextNode(` ${text}`));
    else label.append(document.createTextNode(text), input);
    box.append(label);
  }
}

function state() {
  const f = new FormData(form);
  const widget = f.get('widget');
  const attrs = [];
  for (const [name, , type, choices] of options[widget]) {
    const v = f.get(`opt:${name}`);
    if (type === 'boolean') {
      if (v) attrs.push([name, '']);
    } else if (v && !(type === 'select' && v === choices[0])) attrs.push([name, String(v)]); // the first choice is the default
  }
  if (f.get('theme')) attrs.push(['theme', f.get('theme')]);
  return { widget, lang: f.get('lang'), width: f.get('width'), kind: f.get('kind'), attrs };
}

function update() {
  const s = state();
  const tag = tags[s.widget];
  preview.replaceChildren();
  const frame = document.createElement('div');
  frame.lang = s.lang;
  if (s.width) {
    frame.className = 'fixed-width';
    frame.style.setProperty('width', `${Number(s.width)}px`);
  }
  const el = document.createElement(tag);
  for (const [k, v] of s.attrs) el.setAttribute(k, v);
  el.setAttribute('loading', 'eager');
  frame.append(el);
  preview.append(frame);
  const attrText = s.attrs.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');
  if (s.kind === 'iframe') {
    const q = new URLSearchParams({ widget: s.widget, lang: s.lang });
    for (const [k, v] of s.attrs) q.set(k, v === '' ? 'true' : v);
    const w = s.width ? Number(s.width) : '100%';
    snippet.value =
      `<iframe src="${escapeAttr(`${embedUrl}?${q}`)}" title="parsec-widgets chart" width="${w}" height="480" style="border:0;max-width:100%" loading="lazy"></iframe>\n` +
      `<script src="${parentUrl}"></script>`;
  } else {
    snippet.value =
      `<script type="module" src="${bundleUrl}"></script>\n` +
      `<div lang="${s.lang}"><${tag}${attrText}></${tag}></div>`;
  }
}

form.addEventListener('change', (e) => {
  if (e.target.name === 'widget') renderOptions(form.elements.widget.value);
  update();
});
form.addEventListener('input', update);
document.getElementById('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
    copied.textContent = 'Copied.';
  } catch {
    snippet.select();
    copied.textContent = 'Select all and copy (Ctrl+C / ⌘C): the browser blocked clipboard access.';
  }
});
renderOptions('treemap');
update();
