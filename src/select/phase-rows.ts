import type { Precision } from '../schema/common';
import type { Dataset, TimelineItem } from '../schema/dataset';
import type { ReportedDate } from '../schema/dates';
import { dateGranularity, isKnownDate, type DateGranularity } from '../schema/read';
import type { LocalText } from '../schema/text';

/** A reported date as a span of time: a day, a month or a year, in UTC milliseconds `[lo, hi)`. */
export interface DateSpan {
  value: string;
  granularity: DateGranularity;
  precision: Precision;
  /** Start of the day, month or year. */
  lo: number;
  /** Start of the next day, month or year. */
  hi: number;
  sources: string[];
  note: LocalText | undefined;
}

/** A known date with the conflicting reports of it, which are shown beside it, never merged. */
export interface ShownDate extends DateSpan {
  alternatives: DateSpan[];
}

/** An explicitly unknown date (a source says it is not known, or none gives it). */
export interface UnknownDate {
  unknown: true;
  sources: string[];
  note: LocalText | undefined;
}

/** A timeline item as the Gantt draws it. */
export interface PhaseItem {
  id: string;
  kind: 'phase' | 'milestone' | 'event';
  label: LocalText;
  programme: string;
  /** Index of the programme in the dataset, for its colour. */
  colour: number;
  /** Phases: start and end; the end may be unknown. */
  start: ShownDate | null;
  end: ShownDate | UnknownDate | null;
  /** Milestones and events: their date. */
  date: ShownDate | null;
  planned: { start: ShownDate | null; end: ShownDate | null } | null;
  durations: { months: number; precision: Precision; sources: string[]; note: LocalText | undefined }[];
  after: string[];
  place: string | undefined;
  note: LocalText | undefined;
  sources: string[];
}

/** A programme and its items, in time order. */
export interface PhaseGroup {
  id: string;
  short: string;
  name: LocalText;
  kind: 'programme' | 'context';
  colour: number;
  items: PhaseItem[];
  /** Source ids of the programme itself. */
  sources: string[];
  /** Earliest and latest instant of its items (alternatives included), or null when it has no dated item. */
  span: [number, number] | null;
}

export interface PhaseRows {
  groups: PhaseGroup[];
  /** Earliest and latest instant of all shown items, alternatives and the as-of date included. */
  domain: [number, number];
  asOf: DateSpan;
  itemCount: number;
}

export interface PhaseRowsOptions {
  /** Programme ids to show; by default all, programmes first and context missions after. */
  programmes?: readonly string[] | 'all';
  /** An as-of date overriding the dataset's `meta.asOf`. */
  asOf?: string | undefined;
}

/** UTC start of an ISO date at its precision, and the start of the next period. */
export function isoSpan(value: string): { lo: number; hi: number; granularity: DateGranularity } {
  const g = dateGranularity(value);
  const y = Number(value.slice(0, 4));
  const m = g === 'year' ? 0 : Number(value.slice(5, 7)) - 1;
  const d = g === 'day' ? Number(value.slice(8, 10)) : 1;
  const lo = Date.UTC(y, m, d);
  const hi =
    g === 'year' ? Date.UTC(y + 1, 0, 1) : g === 'month' ? Date.UTC(y, m + 1, 1) : Date.UTC(y, m, d + 1);
  return { lo, hi, granularity: g };
}

/** The spans of the date strings met in one selection (100,000 items share a few thousand dates). */
type SpanCache = Map<string, { lo: number; hi: number; granularity: DateGranularity }>;

function span(
  r: {
    value: string;
    precision: Precision;
    sources: string[];
    note?: LocalText | undefined;
  },
  cache?: SpanCache,
): DateSpan {
  let known = cache?.get(r.value);
  if (!known) {
    known = isoSpan(r.value);
    cache?.set(r.value, known);
  }
  const { lo, hi, granularity } = known;
  return { value: r.value, granularity, precision: r.precision, lo, hi, sources: r.sources, note: r.note };
}

function shown(d: ReportedDate | undefined, cache: SpanCache): ShownDate | null {
  if (!isKnownDate(d)) return null;
  const s = span(d, cache);
  return {
    value: s.value,
    granularity: s.granularity,
    precision: s.precision,
    lo: s.lo,
    hi: s.hi,
    sources: s.sources,
    note: s.note,
    alternatives: d.alternatives ? d.alternatives.map((a) => span(a, cache)) : [],
  };
}

/** True for an explicitly unknown date. */
export function isUnknown(d: ShownDate | UnknownDate | null | undefined): d is UnknownDate {
  return !!d && 'unknown' in d;
}

/** Every instant an item spans, drawn or alternative (the as-of date is the end of an unknown end). */
function extent(item: PhaseItem): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const add = (d: ShownDate | UnknownDate | null | undefined) => {
    if (!d || isUnknown(d)) return;
    lo = Math.min(lo, d.lo);
    hi = Math.max(hi, d.hi);
    for (const s of d.alternatives) {
      lo = Math.min(lo, s.lo);
      hi = Math.max(hi, s.hi);
    }
  };
  add(item.start);
  add(item.end);
  add(item.date);
  add(item.planned?.start);
  add(item.planned?.end);
  return lo === Infinity ? null : [lo, hi];
}

function toItem(t: TimelineItem, colour: number, cache: SpanCache): PhaseItem {
  const end: ShownDate | UnknownDate | null =
    t.end && !isKnownDate(t.end)
      ? { unknown: true, sources: t.end.sources ?? [], note: t.end.note }
      : shown(t.end, cache);
  return {
    id: t.id,
    kind: t.kind,
    label: t.label,
    programme: t.programme,
    colour,
    start: shown(t.start, cache),
    end,
    date: shown(t.date, cache),
    planned: t.planned ? { start: shown(t.planned.start, cache), end: shown(t.planned.end, cache) } : null,
    durations: (t.duration ?? []).map((d) => ({
      months: d.months,
      precision: d.precision,
      sources: d.sources,
      note: d.note,
    })),
    after: t.after ?? [],
    place: t.place,
    note: t.note,
    sources: t.sources,
  };
}

/** Sort key of an item: its drawn start (or date). */
function startOf(item: PhaseItem): number {
  return item.start?.lo ?? item.date?.lo ?? Infinity;
}

/**
 * Sorts items by start (or date), then by id as `compare` orders them: by start first (numbers, stable), then each
 * run of equal starts by id, so that the collation runs only between items that start together (100,000 items).
 * The order of `(a, b) => startOf(a) - startOf(b) || compare(a.id, b.id)`.
 */
function sortByStart(items: PhaseItem[], compare: (a: string, b: string) => number): void {
  const starts = items.map(startOf);
  const order = starts.map((_, k) => k).sort((a, b) => starts[a]! - starts[b]! || 0);
  const sorted = order.map((k) => items[k]!);
  const at = order.map((k) => starts[k]!);
  for (let a = 0; a < sorted.length;) {
    let b = a + 1;
    while (b < sorted.length && at[b] === at[a]) b++;
    if (b - a > 1) {
      const run = sorted.slice(a, b).sort((x, y) => compare(x.id, y.id));
      for (let k = a; k < b; k++) sorted[k] = run[k - a]!;
    }
    a = b;
  }
  for (let k = 0; k < sorted.length; k++) items[k] = sorted[k]!;
}

/**
 * The Gantt's view of a dataset: timeline items grouped by programme (programmes first, context missions after),
 * in time order within a group, dates as spans at their precision, alternatives kept beside the drawn date.
 */
export function selectPhaseRows(data: Dataset, options: PhaseRowsOptions = {}): PhaseRows {
  const steps = selectPhaseRowsSteps(data, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Items read between two pauses of {@link selectPhaseRowsSteps}. */
const ITEMS_PER_STEP = 2000;

/**
 * {@link selectPhaseRows} in steps: the generator pauses every {@link ITEMS_PER_STEP} items read and after each
 * programme's sort, so that a caller can yield to the page between steps (100,000 items); it returns the view.
 */
export function* selectPhaseRowsSteps(
  data: Dataset,
  options: PhaseRowsOptions = {},
): Generator<void, PhaseRows> {
  const wanted = options.programmes === 'all' || !options.programmes ? null : new Set(options.programmes);
  const asOf = span({
    value: options.asOf ?? data.meta.asOf,
    precision: 'exact',
    sources: [],
    note: undefined,
  });
  const byProgramme = new Map<string, TimelineItem[]>();
  for (const t of data.timeline) {
    let list = byProgramme.get(t.programme);
    if (!list) byProgramme.set(t.programme, (list = []));
    list.push(t);
  }
  const ordered = [
    ...data.programmes.filter((p) => p.kind === 'programme'),
    ...data.programmes.filter((p) => p.kind === 'context'),
  ];
  const colourOf = new Map(data.programmes.map((p, i) => [p.id, i]));
  const cache: SpanCache = new Map();
  const byId = new Intl.Collator().compare;
  let read = 0;
  let lo = asOf.lo;
  let hi = asOf.hi;
  let itemCount = 0;
  const groups: PhaseGroup[] = [];
  for (const p of ordered) {
    if (wanted && !wanted.has(p.id)) continue;
    const colour = colourOf.get(p.id) ?? 0;
    const items: PhaseItem[] = [];
    for (const t of byProgramme.get(p.id) ?? []) {
      items.push(toItem(t, colour, cache));
      if (++read % ITEMS_PER_STEP === 0) yield;
    }
    // by start, then by id as `localeCompare` orders them (the same collation, made once, not per comparison)
    sortByStart(items, byId);
    yield;
    if (!items.length) continue;
    let gLo = Infinity;
    let gHi = -Infinity;
    for (const item of items) {
      const e = extent(item);
      if (!e) continue;
      gLo = Math.min(gLo, e[0]);
      gHi = Math.max(gHi, isUnknown(item.end) ? Math.max(e[1], asOf.lo) : e[1]);
    }
    const groupSpan: [number, number] | null = gLo === Infinity ? null : [gLo, gHi];
    if (groupSpan) {
      lo = Math.min(lo, groupSpan[0]);
      hi = Math.max(hi, groupSpan[1]);
    }
    itemCount += items.length;
    groups.push({
      id: p.id,
      short: p.short,
      name: p.name,
      kind: p.kind,
      colour,
      items,
      sources: p.sources ?? [],
      span: groupSpan,
    });
  }
  return { groups, domain: [lo, hi], asOf, itemCount };
}

/** Months between two instants, rounded to one decimal (for durations read from drawn dates). */
export function monthsBetween(lo: number, hi: number): number {
  return Math.round(((hi - lo) / ((365.2425 * 864e5) / 12)) * 10) / 10;
}
