// Embed builder: the form drives a live preview and writes the snippet (script + tag, or iframe) to copy.
const tags = {
  treemap: 'parsec-budget-treemap',
  gantt: 'parsec-phase-gantt',
  map: 'parsec-facility-map',
  cooperants: 'parsec-cooperant-chart',
};
/**
 * Per-widget options: [attribute, label, type, choices] — choices for a select; for a checkbox (boolean), the value
 * the attribute takes when checked (none: a boolean attribute, present or absent).
 */
const options = {
  treemap: [
    // the data's own currency first (the default, no attribute), then those the data can show (see currencies())
    ['currency', 'Currency', 'select', () => ['', ...shownCurrencies]],
    ['path', 'Open branch (budget line id, e.g. parsec-total)', 'text'],
    ['programmes', 'Programmes (ids, comma-separated, or "all")', 'text'],
    ['no-legend', 'Hide the legend', 'boolean'],
  ],
  gantt: [
    ['from', 'From (date, e.g. 2017-01)', 'text'],
    ['to', 'To (date)', 'text'],
    // the gantt's `collapsed` names the groups folded at first (ids, or `all`): an empty attribute folds none
    ['collapsed', 'Groups collapsed', 'boolean', 'all'],
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
// relative to this page (demo/builder.html), so that the demo works under any base path
const bundleUrl = new URL('../dist/parsec-widgets.js', location.href).href;
const embedUrl = new URL('embed.html', location.href).href;
const parentUrl = new URL('embed-parent.js', location.href).href;
const inlineSize = document.getElementById('inline-size');
const INLINE_LIMIT = 50 * 1024;
/** The dataset imported in "Your data", drawn by the preview instead of the default one. */
let imported = null;
const escapeAttr = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The currencies the treemap can show the data in (as the widget decides, `canShowIn`): those of the programme
 * totals, and those a rate the data states converts them into. The default dataset states no rate: EUR only.
 */
let shownCurrencies = [];
async function currencies() {
  const data = imported ?? (await (await import(bundleUrl)).defaultDataset());
  const totals = new Set(
    data.budget.filter((l) => l.parent == null && l.amount?.currency).map((l) => l.amount.currency),
  );
  const found = new Set(totals);
  for (const r of data.rates ?? []) if (totals.has(r.from) || totals.has(r.to)) found.add(r.from).add(r.to);
  return [...found].sort();
}
async function refreshCurrencies() {
  const list = await currencies().catch(() => []);
  if (list.join() === shownCurrencies.join()) return;
  shownCurrencies = list;
  const widget = form.elements.widget.value;
  if (!options[widget].some(([, , , c]) => typeof c === 'function')) return;
  // keep the options chosen (a currency the new data cannot show: back to the data's own), then draw again
  const kept = new FormData(form);
  renderOptions(widget);
  for (const [k, v] of kept) {
    const input = k.startsWith('opt:') ? form.elements[k] : null;
    if (input?.type === 'checkbox') input.checked = true;
    else if (input) input.value = [...(input.options ?? [{ value: v }])].some((o) => o.value === v) ? v : '';
  }
  update();
}

function renderOptions(widget) {
  box.querySelectorAll('label').forEach((l) => l.remove());
  for (const [name, text, type, choices] of options[widget]) {
    const label = document.createElement('label');
    let input;
    if (type === 'select') {
      input = document.createElement('select');
      for (const c of typeof choices === 'function' ? choices() : choices)
        input.append(new Option(c || "The data's own", c));
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
  for (const [name, , type, given] of options[widget]) {
    const choices = typeof given === 'function' ? given() : given;
    const v = f.get(`opt:${name}`);
    if (type === 'boolean') {
      if (v) attrs.push([name, choices ?? '']);
    } else if (v && !(type === 'select' && v === choices[0])) attrs.push([name, String(v)]); // the first choice is the default
  }
  if (f.get('theme')) attrs.push(['theme', f.get('theme')]);
  return { widget, lang: f.get('lang'), width: f.get('width'), kind: f.get('kind'), attrs };
}

/**
 * The chart's own title as the widget writes it (its `title` part: the chart's name and the dataset's title, in the
 * widget's language), per widget, language and dataset; filled in as the preview renders.
 */
const titles = new Map();
let dataVersion = 0;
let titledData = null;
const titleKey = (s) => `${s.widget}|${s.lang}|${dataVersion}`;

/** Resolves with the text of the widget's `title` part once it has rendered (null if it never does). */
async function renderedTitle(el) {
  for (let i = 0; i < 200 && el.isConnected; i++) {
    await el.updateComplete;
    const text = el.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim();
    if (text) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

function update() {
  const s = state();
  const tag = tags[s.widget];
  if (imported !== titledData) {
    titledData = imported;
    dataVersion++;
    void refreshCurrencies();
  }
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
  if (imported) el.data = imported;
  frame.append(el);
  preview.append(frame);
  const key = titleKey(s);
  if (!titles.has(key))
    void renderedTitle(el).then((title) => {
      if (!title) return;
      titles.set(key, title);
      // the snippet shown may wait for this title: write it again (the preview stays)
      const now = state();
      if (titleKey(now) === key) writeSnippet(now, tags[now.widget]);
    });
  writeSnippet(s, tag);
}

function writeSnippet(s, tag) {
  const attrText = s.attrs.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');
  if (s.kind === 'iframe') {
    const q = new URLSearchParams({ widget: s.widget, lang: s.lang });
    for (const [k, v] of s.attrs) q.set(k, v === '' ? 'true' : v);
    const w = s.width ? Number(s.width) : '100%';
    const title = titles.get(titleKey(s));
    snippet.value = title
      ? `<iframe src="${escapeAttr(`${embedUrl}?${q}`)}" title="${escapeAttr(title)}" width="${w}" height="480" style="border:0;max-width:100%" loading="lazy"></iframe>\n` +
        `<script src="${parentUrl}"></script>`
      : "<!-- Waiting for the preview: the iframe takes the chart's title. -->";
  } else if (s.kind === 'inline') {
    // the dataset inside the tag: JSON with "<" escaped, so that no "</script>" in a text can end the element
    const json = imported ? JSON.stringify(imported).replace(/</g, '\\u003c') : '';
    snippet.value = imported
      ? `<script type="module" src="${bundleUrl}"></script>\n` +
        `<div lang="${s.lang}"><${tag}${attrText}><script type="application/json">${json}</script></${tag}></div>`
      : '<!-- Import your data first (Your data, above): this snippet carries it inside the tag. -->';
    inlineSize.textContent =
      imported && json.length > INLINE_LIMIT
        ? `Your dataset is ${Math.round(json.length / 1024)} KB: for more than ${INLINE_LIMIT / 1024} KB, prefer the dataset file (src).`
        : '';
  } else if (s.kind === 'src') {
    snippet.value =
      `<script type="module" src="${bundleUrl}"></script>\n` +
      `<div lang="${s.lang}"><${tag}${attrText} src="dataset.json"></${tag}></div>`;
  } else {
    snippet.value =
      `<script type="module" src="${bundleUrl}"></script>\n` +
      `<div lang="${s.lang}"><${tag}${attrText}></${tag}></div>`;
  }
  if (s.kind !== 'inline') inlineSize.textContent = '';
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
void refreshCurrencies();

// ——— Your data: paste or pick tables or an IATI file, see the problems at their cells, apply offered fixes ———
const SECTIONS = [
  'budget',
  'timeline',
  'places',
  'facilities',
  'posts',
  'programmes',
  'sources',
  'entities',
  'totals',
];
const dataSection = document.getElementById('data-section');
const dataAsOf = document.getElementById('data-asof');
const dataFiles = document.getElementById('data-files');
const dataPaste = document.getElementById('data-paste');
const dataStatus = document.getElementById('data-status');
const issuesBox = document.getElementById('data-issues-box');
const issuesList = document.getElementById('data-issues');
const grids = document.getElementById('data-grids');
const download = document.getElementById('data-download');
const templates = document.getElementById('templates');
for (const name of SECTIONS) {
  dataSection.append(new Option(name, name));
  const a = document.createElement('a');
  a.href = `../data/templates/${name}.csv`;
  a.download = `${name}.csv`;
  a.textContent = `${name}.csv`;
  if (templates.childNodes.length) templates.append(', ');
  templates.append(a);
}
dataAsOf.value = new Date().toISOString().slice(0, 10);
let asOfTouched = false;
dataAsOf.addEventListener('change', () => (asOfTouched = true));
/** Files picked, kept as text so that fixes can be applied to them. */
let files = [];
let importer;
const loadImporter = () => (importer ??= import(new URL('../dist/cdn/import.js', location.href).href));

function inputs() {
  const list = files.map((f) => ({ ...f }));
  if (dataPaste.value.trim())
    list.push({
      name: 'pasted table',
      text: dataPaste.value,
      ...(dataSection.value ? { section: dataSection.value } : {}),
    });
  return list;
}

async function check({ focus } = {}) {
  let lib;
  try {
    lib = await loadImporter();
  } catch {
    dataStatus.textContent = 'The importer is not built here (npm run build writes dist/cdn/import.js).';
    return;
  }
  const list = inputs();
  if (list.length === 0) {
    dataStatus.textContent = 'Paste a table or pick a file first.';
    return;
  }
  // an IATI file carries its own date (last updated); the field's date applies to tables, or when the editor set it
  const xml = list.some((x) => lib.isXml(x));
  const asOf = xml && !asOfTouched ? undefined : dataAsOf.value || undefined;
  const result = lib.importFiles(list, { asOf });
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.length - errors.length;
  // errors first, each list in the order of the files and rows
  const issues = [...errors, ...result.issues.filter((i) => i.severity !== 'error')];
  renderIssues(lib, issues);
  renderGrids(lib, list, issues);
  if (result.ok) {
    imported = result.data;
    const d = result.data;
    dataStatus.textContent =
      `Valid: ${d.budget.length} budget lines, ${d.timeline.length} timeline items, ${d.places.length} places, ` +
      `${d.facilities.length} facilities, ${d.cooperants?.posts?.length ?? 0} posts` +
      (warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'} below).` : '.') +
      ' The preview draws your data.';
  } else {
    imported = null;
    dataStatus.textContent = `${errors.length} problem${errors.length === 1 ? '' : 's'} to fix (listed below, marked in the table). The preview shows the default dataset until then.`;
  }
  download.disabled = !imported;
  update();
  if (focus === 'status') dataStatus.focus();
  else if (focus) (issuesList.querySelector('button.fix') ?? dataStatus).focus();
}

function cellId(file, row, col) {
  return `cell-${file.replace(/[^A-Za-z0-9]+/g, '-')}-${row}-${col}`;
}

function renderIssues(lib, issues) {
  issuesList.replaceChildren();
  issuesBox.hidden = issues.length === 0;
  const notMapped = [];
  issues.forEach((issue, k) => {
    const li = document.createElement('li');
    li.id = `issue-${k}`;
    li.className = issue.severity;
    li.append(document.createTextNode(lib.formatIssue({ ...issue, fix: undefined })));
    if (issue.row !== undefined && issue.columnIndex !== undefined && issue.row > 1) {
      const show = document.createElement('button');
      show.type = 'button';
      show.className = 'show';
      show.textContent = 'Show the cell';
      show.addEventListener('click', () =>
        document.getElementById(cellId(issue.file, issue.row, issue.columnIndex))?.focus(),
      );
      li.append(' ', show);
    }
    if (issue.fix && issue.row !== undefined && issue.columnIndex !== undefined) {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'fix';
      fix.textContent = `Replace with "${issue.fix.value}"`;
      fix.setAttribute(
        'aria-label',
        `Replace ${issue.file} row ${issue.row}, column ${issue.column} with ${issue.fix.value} (${issue.fix.reason})`,
      );
      fix.title = issue.fix.reason;
      fix.addEventListener('click', () => applyFix(lib, issue));
      li.append(' ', fix, document.createTextNode(` (${issue.fix.reason})`));
    }
    // what an IATI file holds that the dataset does not: listed, folded under one line
    if (issue.message.startsWith('not mapped:')) notMapped.push(li);
    else issuesList.append(li);
  });
  if (notMapped.length) {
    const li = document.createElement('li');
    li.className = 'warning';
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = `${notMapped.length} part${notMapped.length === 1 ? '' : 's'} of the file not in the dataset (not mapped)`;
    const ul = document.createElement('ul');
    ul.append(...notMapped);
    details.append(summary, ul);
    li.append(details);
    issuesList.append(li);
  }
}

function applyFix(lib, issue) {
  const set = (text) => lib.setCell(text, issue.row, issue.columnIndex, issue.fix.value, issue.file);
  if (issue.file === 'pasted table') dataPaste.value = set(dataPaste.value);
  else files = files.map((f) => (f.name === issue.file ? { ...f, text: set(f.text) } : f));
  check({ focus: true });
}

const MAX_GRID_ROWS = 300;
function renderGrids(lib, list, issues) {
  grids.replaceChildren();
  for (const input of list) {
    if (lib.isXml(input)) continue;
    const table = lib.parseTable(input.text, input.name);
    const wrap = document.createElement('div');
    wrap.className = 'grid-wrap';
    const t = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = `${input.name}: ${table.rows.length} rows`;
    t.append(caption);
    const head = t.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.textContent = 'row';
    head.append(corner);
    for (const h of table.header) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.append(th);
    }
    const body = t.createTBody();
    table.rows.slice(0, MAX_GRID_ROWS).forEach((cells, i) => {
      const row = i + 2;
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.className = 'rownum';
      th.textContent = String(row);
      tr.append(th);
      table.header.forEach((_, c) => {
        const td = tr.insertCell();
        td.textContent = cells[c] ?? '';
        td.id = cellId(input.name, row, c);
        td.tabIndex = -1;
        const here = issues
          .map((x, k) => [x, k])
          .filter(([x]) => x.file === input.name && x.row === row && x.columnIndex === c);
        if (here.length) {
          td.className = here.some(([x]) => x.severity === 'error') ? 'bad' : 'warn';
          td.setAttribute('aria-describedby', here.map(([, k]) => `issue-${k}`).join(' '));
          td.title = here.map(([x]) => x.message).join('\n');
        }
      });
    });
    wrap.append(t);
    if (table.rows.length > MAX_GRID_ROWS) {
      const more = document.createElement('p');
      more.textContent = `… ${table.rows.length - MAX_GRID_ROWS} more rows (problems in them are listed above).`;
      wrap.append(more);
    }
    grids.append(wrap);
  }
}

dataFiles.addEventListener('change', async () => {
  files = await Promise.all([...dataFiles.files].map(async (f) => ({ name: f.name, text: await f.text() })));
  check();
});
document.getElementById('data-check').addEventListener('click', () => check({ focus: 'status' }));
document.getElementById('data-reset').addEventListener('click', () => {
  imported = null;
  files = [];
  dataFiles.value = '';
  dataPaste.value = '';
  issuesList.replaceChildren();
  issuesBox.hidden = true;
  grids.replaceChildren();
  download.disabled = true;
  dataStatus.textContent = 'The widgets show the default dataset.';
  update();
});
download.addEventListener('click', () => {
  if (!imported) return;
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(imported, null, 2) + '\n'], { type: 'application/json' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = 'dataset.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
dataStatus.tabIndex = -1;
