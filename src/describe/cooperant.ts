import { formatInteger, formatReported, localText, precisionWord } from '../i18n/format';
import { termLabel } from './vocabulary';
import type { StaffWords } from '../schema/dataset';
import type { CooperantGeometry, CooperantMode, GroupText } from '../layout/cooperant';
import type { Dataset, Place } from '../schema/dataset';
import type { Count } from '../schema/quantity';
import {
  groupSize,
  type CooperantGroupBy,
  type CooperantRank,
  type CooperantUnit,
  type CooperantView,
  type CooperantYear,
  type GroupByChoice,
  type UnitGroup,
} from '../select/cooperant-posts';
import { sourcesOf, sourcesOfLists } from '../select/sources';
import { sourcesText } from './common';
import { firstUse, glossaryOf, type Glossary } from './cooperant-glossary';
import type { DescribeContext, LegendItem, MarkWords } from './types';
import { addStrings } from '../i18n/index';
import { cooperantStrings } from '../i18n/strings/cooperant';

// the built-in tables (en, fr) get this widget's words with the code that reads them: no other widget carries them
addStrings('cooperant', cooperantStrings);

type Entity = Dataset['cooperants']['entities'][number];

/**
 * What the staff words need besides the common context: the names of places and entities, the abbreviations the
 * sources spell out, and the section's own words (title, kind of entity and staff) from the dataset.
 */
export interface CooperantContext extends DescribeContext {
  places: ReadonlyMap<string, Place>;
  entities: ReadonlyMap<string, Entity>;
  glossary: Glossary;
  words?: StaffWords | undefined;
}

const names = new WeakMap<Dataset, Pick<CooperantContext, 'places' | 'entities' | 'glossary' | 'words'>>();
/** The cooperant context of a dataset (place and entity indexes cached per dataset). */
export function cooperantContext(base: DescribeContext, data: Dataset): CooperantContext {
  let n = names.get(data);
  if (!n) {
    n = {
      places: new Map(data.places.map((p) => [p.id, p])),
      entities: new Map(data.cooperants.entities.map((e) => [e.id, e])),
      glossary: glossaryOf(data),
      words: data.cooperants.words,
    };
    names.set(data, n);
  }
  return { ...base, ...n };
}

/** What is shown: the grouping and the years drawn (one, or all of them). */
export interface CooperantShown {
  by: CooperantGroupBy;
  /** The years drawn. */
  years: readonly CooperantYear[];
  /** "All years": each itemised post once (distinct posts); the years' counts are given, never added up. */
  distinct?: boolean;
}

/**
 * The staff section's title: the dataset's `cooperants.words.title` in the reader's language (the default dataset:
 * "French military cooperant posts"), else the neutral built-in "Staff posts".
 */
export function staffTitle(ctx: Pick<CooperantContext, 't' | 'lang' | 'languages' | 'words'>): string {
  return localText(ctx.words?.title, ctx.lang, ctx.languages) || ctx.t.cooperant.label;
}

/** The kind of entity hosting the posts, as the group-by option names it (`Malian entity`; built in: `Entity`). */
export function entityKind(ctx: Pick<CooperantContext, 't' | 'lang' | 'languages' | 'words'>): string {
  return localText(ctx.words?.entity, ctx.lang, ctx.languages) || ctx.t.cooperant.groupByOptions.entity;
}

const rankLabel = (ctx: CooperantContext, rank: string) =>
  termLabel(ctx, 'ranks', rank, ctx.t.cooperant.ranks);
const serviceLabel = (ctx: CooperantContext, service: string) =>
  termLabel(ctx, 'services', service, ctx.t.cooperant.services);

/** Classes of a rank the dataset declares: `rank-declared` and its colour in turn (`declared-0` to `declared-2`). */
export function declaredRankClass(rank: string, declared: number | undefined): string {
  return `rank-${rank} rank-declared declared-${(declared ?? 0) % 3}`;
}

/** Focus key of a group (bars mode and canvas mode focus groups, not units). */
export const groupKey = (key: string) => `group:${key}`;

const RANKS: readonly CooperantRank[] = ['senior-officer', 'officer', 'nco', 'not-stated'];

function placeName(id: string | null, ctx: CooperantContext): string {
  if (id === null) return ctx.t.cooperant.placeNotStated;
  const p = ctx.places.get(id);
  return p ? localText(p.name, ctx.lang, ctx.languages) : id;
}

/**
 * An entity as written in the chart: its short name when the sources spell it out (an abbreviation, expanded on its
 * first use), else its full name.
 */
function entityText(id: string, ctx: CooperantContext): string {
  const e = ctx.entities.get(id);
  if (!e) return id;
  return ctx.glossary.has(e.short) ? e.short : localText(e.name, ctx.lang, ctx.languages);
}

/** A count of drawn units, `≈ 10` / `about 10` when approximate. */
function unitCount(n: number, approx: boolean, ctx: CooperantContext, spoken: boolean): string {
  if (!approx) return formatInteger(n, ctx.lang);
  const r = formatReported({ kind: 'count', value: n, precision: 'approx' }, ctx.lang);
  return spoken ? r.spoken : r.short;
}

/** A reported total (`14`, `≈ 10`, `about 10`). */
function reported(c: Pick<Count, 'value' | 'precision' | 'bound'>, ctx: CooperantContext, spoken: boolean) {
  const r = formatReported(
    { kind: 'count', value: c.value, precision: c.precision, bound: c.bound },
    ctx.lang,
  );
  return spoken ? r.spoken : r.short;
}

/** The name of a group: a place, an entity's short name, a rank, a service, a year, not stated, not itemised. */
export function groupName(g: UnitGroup, by: CooperantGroupBy, ctx: CooperantContext): string {
  const c = ctx.t.cooperant;
  if (g.kind === 'not-itemised') return ctx.t.notItemised;
  const ns = g.kind === 'not-stated';
  switch (by) {
    case 'place':
      return ns ? c.placeNotStated : placeName(g.key, ctx);
    case 'entity':
      return ns ? c.entityNotStated : entityText(g.key, ctx);
    case 'rank':
      return rankLabel(ctx, ns ? 'not-stated' : g.key);
    case 'service':
      return serviceLabel(ctx, ns ? 'not-stated' : g.key);
    case 'year':
      return g.key;
  }
}

/** A group's count: `4 posts`, `14 posts · 9 itemised`, `≈ 10 posts`, `5 posts (14 − 9)`; `spoken` for readers. */
export function groupCount(
  g: UnitGroup,
  years: readonly CooperantYear[],
  ctx: CooperantContext,
  spoken = false,
): string {
  const c = ctx.t.cooperant;
  const n = groupSize(g);
  const total = g.total ? reported(g.total, ctx, spoken) : unitCount(n, g.approx, ctx, spoken);
  const posts = c.posts(total, g.total?.value ?? n);
  if (g.kind === 'not-itemised' && years.length === 1) {
    const y = years[0]!;
    if (y.total && y.total.precision !== 'approx' && y.itemised)
      return c.notItemisedCount(posts, reported(y.total, ctx, spoken), formatInteger(y.itemised, ctx.lang));
  }
  return c.groupCount(posts, g.itemised, g.notItemised);
}

/** The label texts of the groups, by group key, for the layout to measure and fit. */
export function cooperantLabels(
  groups: readonly UnitGroup[],
  shown: CooperantShown,
  ctx: CooperantContext,
): Map<string, GroupText> {
  const words = firstUse(ctx.glossary, ctx.lang);
  return new Map(
    groups.map((g) => [
      g.key,
      { name: words.expand(groupName(g, shown.by, ctx)), count: groupCount(g, shown.years, ctx) },
    ]),
  );
}

/** The accessible name of a unit (as its words give it), without the rest of its words: every unit drawn in SVG has one. */
export function unitName(u: CooperantUnit, view: CooperantView, ctx: CooperantContext): string {
  const p = u.post;
  if (!p) {
    const y = view.years.find((x) => x.year === u.year);
    const total = y?.total ? reported(y.total, ctx, true) : '';
    const i = Number(u.key.split('#')[1] ?? 0);
    return ctx.t.cooperant.notItemisedUnit(i, y?.notItemised ?? 0, u.year, total);
  }
  return firstUse(ctx.glossary, ctx.lang).expand(
    [
      localText(p.role, ctx.lang, ctx.languages),
      entityText(p.entity, ctx),
      rankLabel(ctx, p.rank),
      p.service === 'not-stated' ? '' : serviceLabel(ctx, p.service),
      placeName(p.place, ctx),
      u.years.join(', '),
    ]
      // each part once: the Air Force's mechanic is not "Air Force, …, Air Force"
      .filter((part, i, all) => part && all.indexOf(part) === i)
      .join(', '),
  );
}

/** The words of one unit: an itemised post, or one of the posts a total counts that no source itemises. */
export function unitWords(u: CooperantUnit, view: CooperantView, ctx: CooperantContext): MarkWords {
  const t = ctx.t;
  const c = t.cooperant;
  const lang = ctx.lang;
  const sources = sourcesOf(ctx.sources, u.sources);
  const detail = {
    id: u.post ? u.post.id : u.key,
    kind: u.post ? 'post' : 'post-not-itemised',
    places: u.place ? [u.place] : [],
    sources,
    datum: u,
  };
  const p = u.post;
  const name = unitName(u, view, ctx);
  if (!p) {
    const y = view.years.find((x) => x.year === u.year);
    const total = y?.total ? reported(y.total, ctx, true) : '';
    const lines = [
      c.notItemisedTip(total, y?.itemised ?? 0, u.year),
      `${t.precision}: ${precisionWord(u.precision, t)}`,
    ];
    const note = localText(y?.total?.note, lang, ctx.languages);
    if (note) lines.push(note);
    return {
      name,
      tooltip: { title: t.notItemised, lines, sources: sourcesText(sources) },
      detail: { ...detail, label: name },
    };
  }
  const role = localText(p.role, lang, ctx.languages);
  const place = placeName(p.place, ctx);
  const entity = entityText(p.entity, ctx);
  const years = u.years.join(', ');
  const note = localText(p.note, lang, ctx.languages);
  const shown = firstUse(ctx.glossary, lang);
  const title = shown.expand(role);
  const lines = [
    `${c.entity}: ${entity}`,
    `${c.rank}: ${rankLabel(ctx, p.rank)} · ${c.service}: ${serviceLabel(ctx, p.service)}`,
    `${c.place}: ${place} · ${u.years.length > 1 ? c.years : c.year}: ${years}`,
  ];
  if (note) lines.push(note);
  const tipLines = lines.map((l) => shown.expand(l));
  const all = sourcesOf(ctx.sources, u.sources, shown.sources);
  return {
    name,
    tooltip: { title, lines: tipLines, sources: sourcesText(all) },
    detail: { ...detail, sources: all, label: name },
  };
}

/** The accessible name of a group (as its words give it): `Bamako: 4 posts`. */
export function groupLabel(g: UnitGroup, shown: CooperantShown, ctx: CooperantContext): string {
  const title = firstUse(ctx.glossary, ctx.lang).expand(groupName(g, shown.by, ctx));
  return `${title}: ${groupCount(g, shown.years, ctx, true)}`;
}

/** The words of a group (a bar, or a block of units on canvas): its name and count, with its sources. */
export function groupWords(g: UnitGroup, shown: CooperantShown, ctx: CooperantContext): MarkWords {
  const t = ctx.t;
  const words = firstUse(ctx.glossary, ctx.lang);
  const title = words.expand(groupName(g, shown.by, ctx));
  const name = `${title}: ${groupCount(g, shown.years, ctx, true)}`;
  const sources = sourcesOfLists(ctx.sources, [...g.units.map((u) => u.sources), words.sources]);
  const places =
    shown.by === 'place' && g.kind === 'value'
      ? [g.key]
      : [...new Set(g.units.map((u) => u.place).filter((p): p is string => !!p))];
  const lines = [groupCount(g, shown.years, ctx)];
  if (g.notItemised) lines.push(`${t.notItemised}: ${formatInteger(g.notItemised, ctx.lang)}`);
  return {
    name,
    tooltip: { title, lines, sources: sourcesText(sources) },
    detail: { id: g.key, kind: 'group', label: name, places, sources, datum: g },
  };
}

/**
 * The words of every mark of a geometry, by key (unit keys, and `group:<key>` for groups), computed when first
 * asked for: with thousands of units on canvas only the ones pointed at are described.
 */
export function cooperantWords(
  geo: CooperantGeometry,
  view: CooperantView,
  shown: CooperantShown,
  ctx: CooperantContext,
): (key: string) => MarkWords | undefined {
  const units = new Map(geo.units.map((u) => [u.key, u.unit]));
  const groups = new Map(geo.groups.map((b) => [groupKey(b.key), b.group]));
  const cache = new Map<string, MarkWords>();
  return (key) => {
    let w = cache.get(key);
    if (w) return w;
    const u = units.get(key);
    const g = u ? undefined : groups.get(key);
    if (u) w = unitWords(u, view, ctx);
    else if (g) w = groupWords(g, shown, ctx);
    else return undefined;
    cache.set(key, w);
    return w;
  };
}

/**
 * The accessible names of every mark of a geometry, by key (as {@link cooperantWords} gives them), computed when first
 * asked for: the names a render writes on its marks, without the tooltips, sources and details of each.
 */
export function cooperantNames(
  geo: CooperantGeometry,
  view: CooperantView,
  shown: CooperantShown,
  ctx: CooperantContext,
): (key: string) => string | undefined {
  let units: Map<string, CooperantUnit> | undefined;
  const groups = new Map(geo.groups.map((b) => [groupKey(b.key), b.group]));
  const cache = new Map<string, string>();
  return (key) => {
    let name = cache.get(key);
    if (name !== undefined) return name;
    const g = groups.get(key);
    if (g) name = groupLabel(g, shown, ctx);
    else {
      units ??= new Map(geo.units.map((u) => [u.key, u.unit]));
      const u = units.get(key);
      if (!u) return undefined;
      name = unitName(u, view, ctx);
    }
    cache.set(key, name);
    return name;
  };
}

/** `14 posts in 2011, of which 9 itemised`, `about 10 posts in 2016, none itemised`. */
function yearSentence(y: CooperantYear, ctx: CooperantContext): string {
  const total = y.total ? reported(y.total, ctx, true) : formatInteger(y.itemised, ctx.lang);
  // no total given: the itemised posts are all that is known, never called "all" of them
  const count = y.total ? y.total.value : null;
  return ctx.t.cooperant.yearSentence(total, count, y.year, y.itemised, formatInteger(y.itemised, ctx.lang));
}

/** The summary sentence: `14 posts in 2011, of which 9 itemised: 4 in Bamako, …; 5 not itemised.` */
export function cooperantSummary(
  groups: readonly UnitGroup[],
  shown: CooperantShown,
  ctx: CooperantContext,
): string {
  const c = ctx.t.cooperant;
  const words = firstUse(ctx.glossary, ctx.lang);
  const yearly = shown.years.map((y) => yearSentence(y, ctx)).join(c.semicolon);
  const n = groups.reduce((s, g) => s + groupSize(g), 0);
  // "all years": each post once, broken down; then the years' counts side by side, never added up
  let text = shown.distinct ? c.distinctSentence(formatInteger(n, ctx.lang), n) : yearly;
  if (shown.by !== 'year') {
    const parts = groups
      .filter((g) => g.kind !== 'not-itemised')
      .map((g) => {
        const n = formatInteger(groupSize(g), ctx.lang);
        if (shown.by === 'place')
          return g.kind === 'not-stated' ? c.noPlacePart(n) : c.placePart(n, placeName(g.key, ctx));
        return c.valuePart(n, words.expand(groupName(g, shown.by, ctx)));
      });
    const rest = groups.find((g) => g.kind === 'not-itemised');
    if (parts.length) text += `${c.colon}${parts.join(', ')}`;
    // with nothing itemised, the year sentence already says it all ("about 10 posts in 2016, none itemised")
    if (rest && parts.length)
      text += `${c.semicolon}${c.notItemisedPart(formatInteger(groupSize(rest), ctx.lang), groupSize(rest), rest.approx)}`;
  }
  if (shown.distinct) text += `${c.semicolon}${c.yearlyNotAdded}${c.colon}${yearly}`;
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}

/**
 * The legend, from what is drawn: units mode has one shape per rank present, a hollow unit when some posts are not
 * itemised (derived), a dashed one when their count is approximate; bars mode the solid, hollow and dashed segments
 * drawn. Symbol swatches are keyed by rank.
 */
export function cooperantLegend(geo: CooperantGeometry, ctx: CooperantContext): LegendItem[] {
  const t = ctx.t;
  const c = t.cooperant;
  const groups = geo.groups.map((b) => b.group);
  const hollow = `${t.notItemised} ${c.legendHollow}`;
  const approx = `${t.notItemised} (${c.legendApprox})`;
  const items: LegendItem[] = [];
  if (geo.mode === 'bars') {
    if (groups.some((g) => g.itemised > 0))
      items.push({ key: 'itemised', label: c.legendItemised, swatch: 'fill', className: 'solid' });
    if (groups.some((g) => g.notItemised > 0 && !g.approx))
      items.push({ key: 'not-itemised', label: hollow, swatch: 'outline', className: 'hollow' });
    if (groups.some((g) => g.notItemised > 0 && g.approx))
      items.push({ key: 'approx', label: approx, swatch: 'dashed', className: 'hollow approx' });
    return items;
  }
  const ranks = new Set<CooperantRank>();
  let derived = false;
  let dashed = false;
  for (const g of groups)
    for (const u of g.units) {
      if (u.kind === 'post') ranks.add(u.rank);
      else if (u.precision === 'approx') dashed = true;
      else derived = true;
    }
  for (const r of RANKS)
    if (ranks.has(r))
      items.push({ key: r, label: rankLabel(ctx, r), swatch: 'symbol', className: `rank-${r}` });
  // ranks the dataset declares, after the built-in ones, in their order of declaration then as met
  const declared = [...(ctx.terms?.get('ranks')?.keys() ?? [])];
  for (const r of [...ranks]
    .filter((r) => !(RANKS as readonly string[]).includes(r))
    .sort((a, b) => declared.indexOf(a) - declared.indexOf(b)))
    items.push({
      key: r,
      label: rankLabel(ctx, r),
      swatch: 'symbol',
      // the same classes as its units, and its index (`declared-k…`) for the legend's shape
      className: `${declaredRankClass(r, declared.indexOf(r))} declared-k${declared.indexOf(r)}`,
    });
  if (derived)
    items.push({ key: 'not-itemised', label: hollow, swatch: 'outline', className: 'not-itemised derived' });
  if (dashed)
    items.push({ key: 'approx', label: approx, swatch: 'dashed', className: 'not-itemised approx' });
  return items;
}

/** An option of the group-by control: its value and its words (`Service (8 of 9 not stated)` when mostly unknown). */
export interface GroupByOption {
  value: CooperantGroupBy;
  label: string;
}

/** The group-by options, in the order `groupByChoices` gives (those mostly "not stated" last, saying so). */
export function groupByOptions(choices: readonly GroupByChoice[], ctx: CooperantContext): GroupByOption[] {
  const c = ctx.t.cooperant;
  return choices.map((ch) => ({
    value: ch.by,
    label: ch.mostlyNotStated
      ? c.mostlyNotStated(
          ch.by === 'entity' ? entityKind(ctx) : c.groupByOptions[ch.by],
          formatInteger(ch.notStated, ctx.lang),
          formatInteger(ch.itemised, ctx.lang),
        )
      : ch.by === 'entity'
        ? entityKind(ctx)
        : c.groupByOptions[ch.by],
  }));
}

/**
 * What the chart says when it draws bars by itself: past the number of posts units can tell apart, or past what the
 * width can hold; `''` when it draws what was asked.
 */
export function cooperantSwitchNote(geo: CooperantGeometry, ctx: CooperantContext): string {
  if (!geo.switched) return '';
  const n = geo.groups.reduce((s, g) => s + groupSize(g.group), 0);
  const c = ctx.t.cooperant;
  return geo.switched === 'count'
    ? c.switchedCount(formatInteger(n, ctx.lang))
    : c.switchedPixels(formatInteger(n, ctx.lang));
}

/** The words of the units/bars toggle. */
export function cooperantModeWords(ctx: CooperantContext): {
  label: string;
  options: Record<CooperantMode, string>;
} {
  const c = ctx.t.cooperant;
  return { label: c.modeControl, options: { units: c.modeUnits, bars: c.modeBars } };
}

/**
 * What the table module (`cooperant-table.ts`, loaded when the table is first drawn, opened or exported) uses of the
 * words that the chart needs at once: given to it by the element, never imported by it (see `treemapTableWords`).
 */
export const cooperantTableWords = {
  entityText,
  firstUse,
  formatInteger,
  formatReported,
  localText,
  placeName,
  rankLabel,
  serviceLabel,
  sourcesOf,
  sourcesText,
  staffTitle,
};
export type CooperantTableWords = typeof cooperantTableWords;
