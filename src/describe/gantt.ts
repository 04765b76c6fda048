import { formatIsoDate, formatReported, localText, precisionWord } from '../i18n/format';
import { formatNumber } from '../i18n/numbers';
import type { GanttGeometry, GanttRow, GanttTexts, GridColumn, TickUnit } from '../layout/gantt';
import {
  isoSpan,
  isUnknown,
  monthsBetween,
  type DateSpan,
  type PhaseGroup,
  type PhaseItem,
  type PhaseRows,
  type ShownDate,
  type UnknownDate,
} from '../select/phase-rows';
import { sourcesOf } from '../select/sources';
import type { Source } from '../schema/sources';
import type { LocalText } from '../schema/text';
import { sourcesText } from './common';
import type { DescribeContext, LegendItem, MarkWords, TooltipModel } from './types';
import { addStrings } from '../i18n/index';
import { ganttStrings } from '../i18n/strings/gantt';
import { finish } from '../util/steps';

// the built-in tables (en, fr) get this widget's words with the code that reads them: no other widget carries them
addStrings('gantt', ganttStrings);

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: string, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${lang}|${key}`;
  let f = formats.get(k);
  if (!f) formats.set(k, (f = new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' })));
  return f;
}

/** A date at its precision, short: `3 Mar 2017`, `Jul 2017`, `2011`. */
export function shortDate(d: Pick<DateSpan, 'granularity' | 'lo'>, lang: string): string {
  const opts: Intl.DateTimeFormatOptions =
    d.granularity === 'day'
      ? { day: 'numeric', month: 'short', year: 'numeric' }
      : d.granularity === 'month'
        ? { month: 'short', year: 'numeric' }
        : { year: 'numeric' };
  return format(lang, d.granularity, opts).format(new Date(d.lo));
}

/** A tick of the time axis: the year on 1 January or for yearly ticks, else the month, else the day. */
export function tickText(d: Date, unit: TickUnit, lang: string): string {
  if (unit === 'year' || (d.getUTCMonth() === 0 && d.getUTCDate() === 1))
    return format(lang, 'y', { year: 'numeric' }).format(d);
  if (unit === 'month') return format(lang, 'm', { month: 'short' }).format(d);
  return format(lang, 'd', { day: 'numeric', month: 'short' }).format(d);
}

/**
 * The programme's name as written on its row: the short name when it is an acronym (`PARSEC`, `EUTM Mali`) or is
 * written in the name in the reader's language, else that name (a short name in another language, `Quick-impact`
 * in French, is not shown); "context" is added for context missions.
 */
export function groupName(g: PhaseGroup, ctx: DescribeContext): string {
  const name = localText(g.name, ctx.lang, ctx.languages);
  const acronym = /^[A-Z0-9]{2,}$/.test(g.short.split(/\s+/)[0] ?? '');
  const written = name.toLocaleLowerCase(ctx.lang).includes(g.short.toLocaleLowerCase(ctx.lang));
  const base = !name || acronym || written ? g.short : name;
  return g.kind === 'context' ? `${base} (${ctx.t.gantt.context})` : base;
}

/** The first publisher of a date's sources (never an id; empty when no source is known). */
function publisherOf(d: { sources: readonly string[] }, ctx: DescribeContext): string {
  return sourcesOf(ctx.sources, d.sources)[0]?.publisher ?? '';
}

const ID = String.raw`[A-Z]\d{2,4}[a-z]?`;
const ID_LIST = new RegExp(String.raw`(\s?)\((${ID}(?:,\s*${ID})*)\)`, 'g');
const ID_WORD = new RegExp(String.raw`\b${ID}\b`, 'g');

/**
 * A note of the dataset as readers see it: the source ids it cites are replaced by their publishers
 * (`… in February 2017 (S000)` → `… (Expertise France)`, `S001 says` → `Expertise France says`), a parenthesis that
 * only repeats the publisher just named is dropped (`Civipol (W01)` → `Civipol`). Unknown ids are left as written.
 */
export function readableNote(note: LocalText | undefined, ctx: DescribeContext): string {
  const text = localText(note, ctx.lang, ctx.languages);
  const publisher = (id: string) => ctx.sources.get(id)?.publisher;
  return text
    .replace(ID_LIST, (all, space: string, list: string, at: number) => {
      const ids = list.split(/,\s*/);
      if (!ids.every((id) => publisher(id))) return all;
      const names = [...new Set(ids.map((id) => publisher(id)!))];
      const before = text.slice(0, at);
      if (names.length === 1 && before.endsWith(names[0]!)) return '';
      return `${space}(${names.join(', ')})`;
    })
    .replace(ID_WORD, (id) => publisher(id) ?? id);
}

/** The words the layout places: names, dates beside marks, conflicting reports, the open end, the ticks. */
export function ganttTexts(view: PhaseRows, ctx: DescribeContext): GanttTexts {
  return finish(ganttTextsSteps(view, ctx));
}

/** Items between two pauses of the `…Steps` generators. */
const ITEMS_PER_STEP = 2000;

/** {@link ganttTexts} in steps (a pause every {@link ITEMS_PER_STEP} items), for a caller that yields between. */
export function* ganttTextsSteps(view: PhaseRows, ctx: DescribeContext): Generator<void, GanttTexts> {
  const { lang, t } = ctx;
  const groups = new Map<string, string>();
  const items = new Map<string, string>();
  const markDates = new Map<string, string>();
  const ghosts = new Map<DateSpan, string>();
  // 100,000 milestones share a few thousand dates: each written once
  const written = new Map<string, string>();
  const short = (d: DateSpan) => {
    let s = written.get(d.value);
    if (s === undefined) written.set(d.value, (s = shortDate(d, lang)));
    return s;
  };
  let n = 0;
  for (const g of view.groups) {
    groups.set(g.id, groupName(g, ctx));
    for (const i of g.items) {
      if (++n % ITEMS_PER_STEP === 0) yield;
      items.set(i.id, localText(i.label, lang, ctx.languages));
      if (i.date) markDates.set(i.id, short(i.date));
      for (const d of [i.start, i.end, i.date])
        if (d && !isUnknown(d))
          for (const alt of d.alternatives) {
            const who = publisherOf(alt, ctx);
            ghosts.set(alt, who ? t.gantt.ghost(who, shortDate(alt, lang)) : shortDate(alt, lang));
          }
    }
  }
  return {
    groups,
    items,
    markDates,
    ghosts,
    openEnd: t.gantt.openEnd,
    tick: (d, u) => tickText(d, u, lang),
    asOf: t.gantt.asOfLine(shortDate(view.asOf, lang)),
    today: t.gantt.today,
  };
}

/** A date as written in tooltips and the table: `≈ July 2017`, `July 2020*`. */
function written(d: DateSpan, ctx: DescribeContext): string {
  return formatReported({ kind: 'date', value: d.value, precision: d.precision }, ctx.lang).short;
}

/** A date read aloud at its precision: `about July 2017`, `some time in 2011`, `30 July 2020 (derived…)`. */
function spoken(d: DateSpan, ctx: DescribeContext): string {
  const { t } = ctx;
  let s = formatIsoDate(d.value, ctx.lang);
  if (d.granularity !== 'day') s = t.gantt.during(s);
  if (d.precision === 'approx') s = `${t.about} ${s}`;
  // `July 2020, derived (computed from cited figures)`: one pair of brackets, not two nested
  if (d.precision === 'derived') s = `${s}, ${precisionWord('derived', t)}`;
  return s;
}

const known = (d: ShownDate | UnknownDate | null | undefined): ShownDate | null =>
  d && !isUnknown(d) ? d : null;

/** Every source id an item cites: its own and those of its dates, durations and alternatives. */
function itemSourceIds(i: PhaseItem): string[] {
  const ids = [...i.sources];
  for (const d of [i.start, i.end, i.date, i.planned?.start, i.planned?.end]) {
    if (!d) continue;
    ids.push(...d.sources);
    if (!isUnknown(d)) for (const a of d.alternatives) ids.push(...a.sources);
  }
  return [...new Set(ids)];
}

/** The sources of an item (publishers, for tooltips and events). */
export function itemSources(i: PhaseItem, ctx: DescribeContext): Source[] {
  return sourcesOf(ctx.sources, itemSourceIds(i));
}

/** The duration of an item as reported (`≈ 18 months / 24 months`), else computed from its dates (`41.9 months*`). */
function durationOf(i: PhaseItem, ctx: DescribeContext): { text: string; months: number | null } {
  const { t, lang } = ctx;
  if (i.durations.length)
    return {
      text: i.durations
        .map(
          (d) => `${d.precision === 'approx' ? '≈ ' : ''}${t.gantt.months(formatNumber(d.months, lang, 1))}`,
        )
        .join(' / '),
      months: i.durations[0]!.months,
    };
  const end = known(i.end);
  if (i.kind === 'phase' && i.start && end) {
    const m = monthsBetween(i.start.lo, end.hi);
    return { text: `${t.gantt.months(formatNumber(m, lang, 1))}*`, months: m };
  }
  return { text: '', months: null };
}

/** A programme's facts after its name: `12 items, from 2017 to 2024, context`. */
function groupFacts(g: PhaseGroup, ctx: DescribeContext): string {
  const { t, lang } = ctx;
  const year = (ms: number) => formatIsoDate(String(new Date(ms).getUTCFullYear()), lang);
  const parts = [t.gantt.items(g.items.length)];
  if (g.span) parts.push(t.gantt.years(year(g.span[0]), year(g.span[1] - 1)));
  if (g.kind === 'context') parts.push(t.gantt.context);
  return parts.join(', ');
}

function itemLabel(i: PhaseItem, ctx: DescribeContext): string {
  const { t } = ctx;
  const alts = (d: ShownDate | null) =>
    (d?.alternatives ?? []).map((a) => t.gantt.altSpoken(spoken(a, ctx), publisherOf(a, ctx)));
  const parts = [localText(i.label, ctx.lang, ctx.languages), t.gantt[i.kind]];
  if (i.kind === 'phase') {
    const end = known(i.end);
    parts.push(
      t.gantt.span(
        i.start ? spoken(i.start, ctx) : t.unknownDate,
        end ? spoken(end, ctx) : t.gantt.endUnknown,
      ),
    );
    parts.push(...alts(i.start), ...alts(end));
    if (i.planned?.end) parts.push(t.gantt.plannedEnd(spoken(i.planned.end, ctx)));
  } else if (i.date) {
    parts.push(spoken(i.date, ctx), ...alts(i.date));
  }
  return parts.join(', ');
}

function itemTooltip(i: PhaseItem, g: PhaseGroup, ctx: DescribeContext): TooltipModel {
  const { t, lang } = ctx;
  const lines = [`${t.gantt[i.kind]} · ${g.short}`];
  const notes: string[] = [];
  const dated = (label: string, d: ShownDate | null, text: string) => {
    lines.push(t.pair(label, text));
    for (const a of d?.alternatives ?? [])
      notes.push(
        t.pair(t.alsoReported, `${written(a, ctx)} (${sourcesText(sourcesOf(ctx.sources, a.sources))})`),
      );
    if (d?.note) notes.push(readableNote(d.note, ctx));
  };
  if (i.kind === 'phase') {
    const end = known(i.end);
    dated(t.gantt.start, i.start, i.start ? written(i.start, ctx) : t.unknownDate);
    dated(t.gantt.end, end, end ? written(end, ctx) : t.gantt.endUnknown);
    if (i.planned?.end) lines.push(t.gantt.plannedEnd(written(i.planned.end, ctx)));
  } else if (i.date) dated(t.gantt.date, i.date, written(i.date, ctx));
  const duration = durationOf(i, ctx).text;
  if (duration) lines.push(t.pair(t.gantt.duration, duration));
  if (i.note) notes.push(readableNote(i.note, ctx));
  return {
    title: localText(i.label, lang, ctx.languages),
    lines,
    notes,
    sources: sourcesText(itemSources(i, ctx)),
  };
}

/** The words of a row: accessible name, tooltip and event detail. */
/**
 * The accessible name of a row alone (`rowWords(row).name`), for the rows drawn: its tooltip, sources and event detail
 * are made when a reader reaches it.
 */
export function rowName(row: GanttRow, ctx: DescribeContext): string {
  if (row.kind === 'group' || !row.item) {
    const g = row.group;
    return `${localText(g.name, ctx.lang, ctx.languages) || g.short}, ${groupFacts(g, ctx)}`;
  }
  return itemLabel(row.item, ctx);
}

export function rowWords(row: GanttRow, ctx: DescribeContext): MarkWords {
  const lang = ctx.lang;
  if (row.kind === 'group' || !row.item) {
    const g = row.group;
    const title = localText(g.name, lang, ctx.languages) || g.short;
    const sources = sourcesOf(ctx.sources, g.sources);
    return {
      name: rowName(row, ctx),
      tooltip: { title, lines: [groupFacts(g, ctx)], sources: sourcesText(sources) },
      detail: {
        id: g.id,
        kind: 'group',
        label: localText(g.name, lang, ctx.languages) || g.short,
        programme: g.id,
        places: [...new Set(g.items.map((i) => i.place).filter((x): x is string => !!x))],
        sources,
        datum: g,
      },
    };
  }
  const i = row.item;
  return {
    name: rowName(row, ctx),
    tooltip: itemTooltip(i, row.group, ctx),
    detail: {
      id: i.id,
      kind: i.kind,
      label: localText(i.label, lang, ctx.languages),
      programme: i.programme,
      places: i.place ? [i.place] : [],
      sources: itemSources(i, ctx),
      datum: i,
    },
  };
}

/** The column headers of the treegrid, in the order of `GRID_COLUMNS`. */
export function ganttColumns(ctx: DescribeContext): string[] {
  const t = ctx.t.gantt;
  return [t.item, t.start, t.end, t.status];
}

/** The words of a row's cell (name, start, end, precision and doubts), read when the cell has focus. */
export function cellLabel(row: GanttRow, col: GridColumn, ctx: DescribeContext): string {
  const { t, lang } = ctx;
  const pair = (label: string, value: string) => t.pair(label, value);
  const year = (ms: number) => formatIsoDate(String(new Date(ms).getUTCFullYear()), lang);
  if (row.kind === 'group' || !row.item) {
    const g = row.group;
    switch (col) {
      case 'name':
        return localText(g.name, lang, ctx.languages) || g.short;
      case 'start':
        return pair(t.gantt.start, g.span ? year(g.span[0]) : t.unknownDate);
      case 'end':
        return pair(t.gantt.end, g.span ? year(g.span[1] - 1) : t.unknownDate);
      case 'status':
        return groupFacts(g, ctx);
    }
  }
  const i = row.item;
  const end = known(i.end);
  const first = i.kind === 'phase' ? i.start : i.date;
  switch (col) {
    case 'name':
      return `${localText(i.label, lang, ctx.languages)}, ${t.gantt[i.kind]}`;
    case 'start':
      return pair(
        i.kind === 'phase' ? t.gantt.start : t.gantt.date,
        first ? spoken(first, ctx) : t.unknownDate,
      );
    case 'end':
      if (i.kind !== 'phase') return pair(t.gantt.end, t.gantt.singleDate);
      return pair(t.gantt.end, end ? spoken(end, ctx) : t.gantt.endUnknown);
    case 'status': {
      const dates = [first, end].filter((d): d is ShownDate => !!d);
      const parts = [
        pair(t.precision, [...new Set(dates.map((d) => precisionWord(d.precision, t)))].join(' / ') || '—'),
      ];
      for (const d of dates)
        for (const a of d.alternatives) parts.push(t.gantt.altSpoken(spoken(a, ctx), publisherOf(a, ctx)));
      if (i.planned?.end) parts.push(t.gantt.plannedEnd(spoken(i.planned.end, ctx)));
      return parts.join('; ');
    }
  }
}

/** The words of the edge markers: items entirely before or after the window, with the farthest year. */
export function ganttEdges(
  geo: Pick<GanttGeometry, 'before' | 'after'>,
  ctx: DescribeContext,
): GanttEdgeWords {
  const { t, lang } = ctx;
  const year = (ms: number) => formatIsoDate(String(new Date(ms).getUTCFullYear()), lang);
  const before = geo.before ? t.gantt.edgeBefore(geo.before.count, year(geo.before.farthest)) : '';
  const after = geo.after ? t.gantt.edgeAfter(geo.after.count, year(geo.after.farthest - 1)) : '';
  const name = (s: string) => (s ? `${s.replace(/[◂▸]/g, '').trim()} – ${t.gantt.showAll}` : '');
  return { before, after, beforeName: name(before), afterName: name(after), action: t.gantt.showAll };
}

/** The words of the edge markers: visible text, accessible name (with what a press does) and the action. */
export interface GanttEdgeWords {
  before: string;
  after: string;
  beforeName: string;
  afterName: string;
  action: string;
}

/** The summary of the chart: `Timeline of 21 phases, milestones and events in 6 programmes, from 1985 to 2024.` */
export function ganttSummary(view: PhaseRows, ctx: DescribeContext): string {
  const year = (ms: number) => formatIsoDate(String(new Date(ms).getUTCFullYear()), ctx.lang);
  return ctx.t.gantt.label(
    view.itemCount,
    view.groups.length,
    year(view.domain[0]),
    year(view.domain[1] - 1),
  );
}

/** The words around the chart: the time window shown, the as-of and today markers. */
export function ganttChrome(
  view: PhaseRows,
  window: [number, number],
  ctx: DescribeContext,
): { window: string; asOf: string; today: string } {
  const { t, lang } = ctx;
  const long = window[1] - window[0] > 864e5 * 400;
  const at = (ms: number) => {
    const iso = new Date(ms).toISOString();
    return shortDate(isoSpan(long ? iso.slice(0, 7) : iso.slice(0, 10)), lang);
  };
  return {
    window: t.gantt.window(at(window[0]), at(window[1])),
    asOf: t.gantt.asOfLine(shortDate(view.asOf, lang)),
    today: t.gantt.today,
  };
}

/** Legend swatch keys of the Gantt, drawn by `render/gantt.ts`. */
export type GanttSwatch = 'soft' | 'open' | 'approx' | 'ghost' | 'planned' | 'derived' | 'deps';

/** Legend entries for the encodings drawn in this geometry only (in a fixed order). */
export function ganttLegend(geo: GanttGeometry, ctx: DescribeContext): LegendItem[] {
  const t = ctx.t.gantt;
  const drawn = new Set<GanttSwatch>();
  // a bar is drawn when one of its parts is in the window
  const shown = (b: GanttRow['bar']) => (b && (b.solid || b.softStart || b.softEnd || b.open) ? b : null);
  for (const r of geo.rows) {
    const b = shown(r.bar);
    if (b?.softStart || b?.softEnd || r.mark?.soft) drawn.add('soft');
    if (b?.open) drawn.add('open');
    if (r.ghosts.length) drawn.add('ghost');
    if (shown(r.planned)) drawn.add('planned');
    if (b?.derived || r.mark?.derived) drawn.add('derived');
    if (b?.approx || r.mark?.approx) drawn.add('approx');
  }
  if (geo.arrows.length) drawn.add('deps');
  const words: [GanttSwatch, string, LegendItem['swatch']][] = [
    ['soft', t.legendSoft, 'fill'],
    ['open', t.legendOpen, 'hatch'],
    ['approx', t.legendApprox, 'hatch'],
    ['ghost', t.legendGhost, 'dashed'],
    ['planned', t.legendPlanned, 'outline'],
    ['derived', t.legendDerived, 'dashed'],
    ['deps', t.legendDeps, 'line'],
  ];
  return words.filter(([k]) => drawn.has(k)).map(([key, label, swatch]) => ({ key, label, swatch }));
}

/**
 * What the table module (`gantt-table.ts`, loaded when the table is first drawn, opened or exported) uses of the words
 * that the chart needs at once: given to it by the element, never imported by it (see `treemapTableWords`).
 */
export const ganttTableWords = {
  durationOf,
  itemSourceIds,
  known,
  localText,
  precisionWord,
  sourcesOf,
  sourcesText,
  written,
};
export type GanttTableWords = typeof ganttTableWords;
