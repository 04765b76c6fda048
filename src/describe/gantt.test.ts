import { describe, expect, it } from 'vitest';
import defaultJson from '../../data/parsec.json';
import { syntheticGantt } from '../../test/fixtures/synthetic-gantt';
import { translationFor } from '../i18n';
import { defaultWindow, layoutGantt, storyWindow, type GanttGeometry } from '../layout/gantt';
import type { Dataset } from '../schema/dataset';
import { parseDataset } from '../schema/parse';
import { selectPhaseRows, type PhaseRows } from '../select/phase-rows';
import { sourcesById } from '../select/sources';
import {
  cellLabel,
  ganttChrome,
  ganttColumns,
  ganttEdges,
  groupName,
  ganttLegend,
  ganttSummary,
  ganttTexts,
  readableNote,
  rowName,
  rowWords,
  tickText,
  ganttTableWords,
} from './gantt';
import type { DescribeContext } from './types';
import { ganttTable } from './gantt-table';
import { tableRows } from './table-rows';

const parse = (raw: unknown): Dataset => {
  const r = parseDataset(raw);
  if (!r.ok) throw new Error('invalid dataset');
  return r.data;
};
const data = parse(defaultJson);
const view = selectPhaseRows(data);
const ctxOf = (d: Dataset, lang: string): DescribeContext => ({
  t: translationFor(lang),
  lang,
  sources: sourcesById(d),
});
const en = ctxOf(data, 'en');
const fr = ctxOf(data, 'fr');
const geo = (v: PhaseRows, ctx: DescribeContext, width = 900): GanttGeometry =>
  layoutGantt(v, {
    width,
    collapsed: new Set(),
    asOf: v.asOf.lo,
    text: ganttTexts(v, ctx),
    window: defaultWindow(v),
  });
const row = (g: GanttGeometry, key: string) => g.rows.find((r) => r.key === key)!;
/** Every source id of the default dataset: readers never see one. */
const ids = data.sources.map((s) => s.id);
const noIds = (text: string) => {
  for (const id of ids) expect(text).not.toMatch(new RegExp(`\\b${id}\\b`));
};

describe('ganttTexts', () => {
  it('gives the layout names, mark dates and conflicting reports named by publisher (en, fr)', () => {
    const t = ganttTexts(view, en);
    expect(t.groups.get('parsec')).toBe('PARSEC');
    expect(t.items.get('parsec-overall')).toBe('PARSEC (whole programme)');
    expect(t.markDates.get('parsec-cessna-handover')).toBe('Apr 2, 2019');
    expect([...t.ghosts.values()]).toEqual(
      expect.arrayContaining(['Civipol: Sep 2017', 'Civipol: Dec 2023']),
    );
    for (const s of t.ghosts.values()) noIds(s);
    expect(t.tick(new Date(Date.UTC(2019, 0, 1)), 'year')).toBe('2019');
    const f = ganttTexts(view, fr);
    expect(f.items.get('parsec-overall')).toBe('PARSEC (ensemble du programme)');
    expect([...f.ghosts.values()]).toContain('Civipol\u202f: déc. 2023');
    expect(tickText(new Date(Date.UTC(2019, 6, 1)), 'month', 'fr')).toBe('juil.');
    expect([...f.groups.values()].some((n) => n.endsWith('(contexte)'))).toBe(true);
  });
});

describe('rowWords', () => {
  const g = geo(view, en);
  it('reads an item aloud with its precision and the conflicting reports, and names publishers', () => {
    const w = rowWords(row(g, 'parsec-overall'), en);
    expect(w.name).toContain('from January 30, 2017 to some time in July 2020, derived (computed');
    expect(w.name).toContain('also reported: some time in September 2017 (Civipol)');
    expect(w.tooltip.title).toBe('PARSEC (whole programme)');
    expect(w.tooltip.lines).toContain('Start: January 30, 2017');
    expect(w.tooltip.lines).toContain('End: July 2020*');
    expect(w.tooltip.notes!.join(' ')).toMatch(/Also reported|also reported/);
    expect(w.tooltip.sources).toMatch(/Expertise France/);
    noIds(w.name);
    noIds([w.tooltip.title, ...w.tooltip.lines, ...(w.tooltip.notes ?? []), w.tooltip.sources].join(' '));
    expect(w.detail).toMatchObject({ id: 'parsec-overall', kind: 'phase', programme: 'parsec' });
  });

  it('gives a milestone its place and sources, and an open phase its unknown end (fr)', () => {
    const gf = geo(view, fr);
    const m = rowWords(row(gf, 'parsec-cessna-handover'), fr);
    expect(m.name).toContain('2 avril 2019');
    expect(m.detail.places).toEqual(['bamako-airport']);
    expect(m.detail.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['W06', 'S001']));
    const p2 = rowWords(row(gf, 'parsec-phase-2-implementation'), fr);
    expect(p2.name).toContain('fin inconnue');
    expect(p2.name).toContain('fin prévue courant 2020');
    const grp = rowWords(row(gf, 'group:parsec'), fr);
    expect(grp.detail.kind).toBe('group');
    expect(grp.name).toMatch(/12 éléments, de 2017 à 2024$/);
    expect(rowWords(row(g, 'group:parsec'), en).tooltip.lines).toEqual(['12 items, from 2017 to 2024']);
  });
});

describe('rowName', () => {
  it('is the name rowWords gives, for every row of the default dataset (en, fr)', () => {
    for (const ctx of [en, fr]) {
      const rows = geo(view, ctx).rows;
      expect(rows.length).toBeGreaterThan(20);
      for (const r of rows) expect(rowName(r, ctx)).toBe(rowWords(r, ctx).name);
    }
  });
});

describe('ganttTable', () => {
  it('has a row per item, conflicting report and planned end: raw ISO dates and numbers, publishers as text', () => {
    const m = ganttTable(view, en, data.meta.title, { ...ganttTableWords, ...tableRows });
    const alts = data.timeline.reduce(
      (n, i) =>
        n +
        [i.start, i.end, i.date].reduce(
          (k, d) => k + (d && 'alternatives' in d ? (d.alternatives?.length ?? 0) : 0),
          0,
        ) +
        (i.planned?.end ? 1 : 0),
      0,
    );
    expect(m.rows).toHaveLength(data.timeline.length + alts);
    expect(m.columns.map((c) => c.label)).toEqual([
      'Item',
      'Kind',
      'Programme',
      'Start',
      'End',
      'Duration',
      'Precision',
      'Sources',
    ]);
    const overall = m.rows.find((r) => r.text[0] === 'PARSEC (whole programme)')!;
    expect(overall.raw.slice(1, 7)).toEqual([
      'phase',
      'parsec',
      '2017-01-30',
      '2020-07',
      42,
      'exact / derived',
    ]);
    expect(overall.text[4]).toBe('July 2020*');
    noIds(overall.text.join(' '));
    expect(String(overall.raw[7])).toMatch(/Expertise France .*\[S001\]/);
    const alt = m.rows.filter((r) => r.className === 'alt' && r.raw[0] === 'PARSEC (whole programme)');
    expect(alt.map((r) => [r.raw[3], r.raw[4]])).toEqual([
      ['2017-09', null],
      [null, '2023-12'],
    ]);
    const p2 = m.rows.find(
      (r) => r.raw[0] === 'PARSEC phase 2 (implementation)' || r.text[4] === 'end unknown',
    );
    expect(p2?.raw[4]).toBeNull();
  });

  it('in French, with French words and the same raw values', () => {
    const m = ganttTable(view, fr, data.meta.title, { ...ganttTableWords, ...tableRows });
    expect(m.columns[0]!.label).toBe('Élément');
    const overall = m.rows.find((r) => r.text[0] === 'PARSEC (ensemble du programme)')!;
    expect(overall.text[3]).toBe('30 janvier 2017');
    expect(overall.text[5]).toMatch(/^42 mois/);
    expect(overall.raw[3]).toBe('2017-01-30');
  });

  it('has every row of a synthetic dataset of 2,000 items', () => {
    const big = parse(syntheticGantt(2000));
    const v = selectPhaseRows(big);
    const m = ganttTable(v, ctxOf(big, 'fr'), big.meta.title, { ...ganttTableWords, ...tableRows });
    expect(m.rows.filter((r) => !r.className)).toHaveLength(2000);
    for (const r of m.rows.slice(0, 50)) {
      expect(r.raw[3] === null || /^\d{4}(-\d{2}){0,2}$/.test(String(r.raw[3]))).toBe(true);
      noIds(r.text.join(' '));
    }
  });
});

describe('ganttLegend, summary and chrome', () => {
  it('lists only the encodings drawn', () => {
    const all = ganttLegend(geo(view, en), en).map((i) => i.key);
    expect(all).toEqual(['soft', 'open', 'ghost', 'planned', 'derived', 'deps']);
    const only = selectPhaseRows(data, { programmes: ['eutm-mali'] });
    const keys = ganttLegend(geo(only, en), en).map((i) => i.key);
    expect(keys).not.toContain('deps');
    expect(keys.length).toBeLessThan(all.length);
    // an approximate date drawn: its hatching has an entry, in both languages
    const raw = JSON.parse(JSON.stringify(defaultJson)) as {
      timeline: { id: string; start?: { precision: string } }[];
    };
    raw.timeline.find((i) => i.id === 'parsec-overall')!.start!.precision = 'approx';
    const approx = parse(raw);
    const v = selectPhaseRows(approx);
    const legend = ganttLegend(geo(v, ctxOf(approx, 'fr')), ctxOf(approx, 'fr'));
    expect(legend.map((i) => i.key)).toContain('approx');
    expect(legend.find((i) => i.key === 'approx')!.label).toBe('date approximative');
  });

  it('summarises the chart in en and fr, and writes the window and as-of date', () => {
    expect(ganttSummary(view, en)).toBe(
      `Timeline of ${data.timeline.length} phases, milestones and events in 6 programmes, from 1985 to 2024.`,
    );
    expect(ganttSummary(view, fr)).toMatch(/^Chronologie de \d+ phases/);
    const c = ganttChrome(view, [Date.UTC(2019, 0, 1), Date.UTC(2021, 0, 1)], en);
    expect(c.window).toBe('Jan 2019 – Jan 2021');
    expect(c.asOf).toBe('as of Sep 2024');
    expect(ganttChrome(view, [Date.UTC(2019, 0, 1), Date.UTC(2021, 0, 1)], fr).asOf).toBe('au sept. 2024');
  });
});

describe('readableNote', () => {
  it('names publishers where a note of the dataset cites source ids', () => {
    const note = (text: string) => readableNote({ en: text }, en);
    expect(note('Start per the ministry (S000).')).toBe('Start per the ministry (Expertise France).');
    expect(note('S001 says "April 2019".')).toBe('Expertise France says "April 2019".');
    expect(note('Interpretation: Civipol (W01) dates it')).toBe('Interpretation: Civipol dates it');
    expect(note('Unknown (X99) stays')).toBe('Unknown (X99) stays');
    for (const i of data.timeline) {
      noIds(readableNote(i.note, en));
      noIds(readableNote(i.note, fr));
    }
  });
});

describe('issue 12: the words of the treegrid, the edges and the programmes', () => {
  it('names a programme in the reader’s language: no English short name in French', () => {
    const qi = view.groups.find((g) => g.id === 'quick-impact')!;
    expect(groupName(qi, en)).toBe('Quick-impact');
    expect(groupName(qi, fr)).toBe(
      'Programme d’actions à impact rapide pour la stabilisation des régions du Centre Mali'.replace(
        '’',
        "'",
      ),
    );
    expect(
      groupName(
        view.groups.find((g) => g.id === 'parsec')!,
        fr,
      ),
    ).toBe('PARSEC');
    expect(
      groupName(
        view.groups.find((g) => g.id === 'eutm-mali')!,
        fr,
      ),
    ).toBe('EUTM Mali (contexte)');
  });

  it('reads each cell: name, start, end, precision and doubts (en, fr)', () => {
    const g = geo(view, en);
    const overall = row(g, 'parsec-overall');
    expect(cellLabel(overall, 'name', en)).toBe('PARSEC (whole programme), phase');
    expect(cellLabel(overall, 'start', en)).toBe('Start: January 30, 2017');
    expect(cellLabel(overall, 'end', en)).toMatch(/^End: some time in July 2020, derived \(computed/);
    const status = cellLabel(overall, 'status', en);
    expect(status).toMatch(/^Precision: exact \/ derived/);
    expect(status).toContain('also reported: some time in December 2023 (Civipol)');
    noIds(status);
    const launch = row(geo(view, fr), 'parsec-launch');
    expect(cellLabel(launch, 'start', fr)).toBe('Date\u202f: 3 mars 2017');
    expect(cellLabel(launch, 'end', fr)).toBe('Fin\u202f: une seule date');
    // the tooltip's lines in French: a narrow no-break space before the colon
    const tip = rowWords(row(geo(view, fr), 'parsec-overall'), fr).tooltip;
    expect(tip.lines).toContain('Début\u202f: 30 janv. 2017'.replace('janv. ', 'janvier '));
    expect(tip.lines.join(' ')).not.toMatch(/[^\u202f]:/);
    const header = row(g, 'group:parsec');
    expect(cellLabel(header, 'start', en)).toBe('Start: 2017');
    expect(cellLabel(header, 'status', en)).toMatch(/^12 items/);
    expect(ganttColumns(fr)).toEqual(['Élément', 'Début', 'Fin', 'Précision et doutes']);
  });

  it('has no legend entry for bars whose parts all lie outside the window', () => {
    const g = layoutGantt(view, {
      width: 900,
      collapsed: new Set(),
      asOf: view.asOf.lo,
      text: ganttTexts(view, en),
      window: [Date.UTC(1985, 0, 1), Date.UTC(1990, 0, 1)],
    });
    // only the 1985 agreement (a day-precise milestone) is drawn: nothing to explain
    expect(ganttLegend(g, en)).toEqual([]);
  });

  it('counts the items beyond the opening window at its edges', () => {
    const g = layoutGantt(view, {
      width: 1280,
      collapsed: new Set(),
      asOf: view.asOf.lo,
      text: ganttTexts(view, en),
    });
    expect(g.window).toEqual(storyWindow(view));
    const e = ganttEdges(g, en);
    expect(e.before).toBe('◂ 6 earlier (from 1985)');
    expect(e.after).toBe('2 later (to 2024) ▸');
    expect(e.beforeName).toBe('6 earlier (from 1985) – show all');
    expect(ganttEdges(g, fr).before).toBe('◂ 6 plus tôt (dès 1985)');
    expect(ganttEdges(geo(view, en), en)).toMatchObject({ before: '', after: '' });
  });
});
