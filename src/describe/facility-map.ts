import { formatInteger, formatIsoDate, formatReported, localText } from '../i18n/format';
import { termLabel } from './vocabulary';
import {
  kindSymbol,
  styleSymbol,
  type BaseMap,
  type MapMarker,
  type MapTexts,
  type MarksLayout,
  type OffView,
} from '../layout/facility-map';
import type { Dataset, Facility, Place, Programme } from '../schema/dataset';
import { isKnownDate, isKnownMoney } from '../schema/read';
import type { Source } from '../schema/sources';
import {
  FACILITY_KINDS,
  monthKey,
  regionId,
  thingsOf,
  type FacilityItem,
  type FacilityKind,
  type FacilityPointsView,
  type PlaceGroup,
} from '../select/facility-points';
import { sourcesOf, sourcesOfLists } from '../select/sources';
import { sourcesText } from './common';
import type { DescribeContext, LegendItem, MarkWords, TooltipModel } from './types';
import { addStrings } from '../i18n/index';
import { mapStrings } from '../i18n/strings/map';

// the built-in tables (en, fr) get this widget's words with the code that reads them: no other widget carries them
addStrings('map', mapStrings);

/**
 * The words of the facility map, in one place: marker and ring labels for the layout, the accessible name, tooltip
 * and event detail of every marker and item, the legend, the summary and the date filter's words (the table model is
 * made in `facility-map-table.ts`, loaded after the first paint).
 * Pure: geometry, data and a {@link DescribeContext} in, text out. Readers see publisher names, never source ids.
 */

/** CSS class of a kind's colour (`c1`…`c5`); the shape carries the kind too. */
export const kindClass = (k: FacilityKind): string => `c${Math.max(0, FACILITY_KINDS.indexOf(k)) + 1}`;
/** CSS class of a drawing style's colour: `c1`…`c5` the built-in kinds, `c6`…`c8` declared kinds. */
export const styleClass = (style: number): string => `c${Math.min(style, 7) + 1}`;

const displayNames = new Map<string, Intl.DisplayNames | null>();
/** A country's name in a language from its ISO code (`SE` → `Suède`), if the runtime knows it. */
function countryName(iso2: string, lang: string): string | undefined {
  let d = displayNames.get(lang);
  if (d === undefined) {
    try {
      d = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    } catch {
      d = null;
    }
    displayNames.set(lang, d);
  }
  return d?.of(iso2) ?? undefined;
}

/**
 * A country or region of the base map in the reader's language: the geometry's own name in that language, a name the
 * translation gives (`Mauritanie`), a country's name from its ISO code in languages other than English (`Suède`), else
 * the name the geometry gives (Natural Earth's English short names: `Dem. Rep. Congo`).
 */
function geoName(
  p: { id: string; name: string; names?: Record<string, string> | undefined; iso2?: string | undefined },
  ctx: DescribeContext,
): string {
  if (p.names) return localText(p.names, ctx.lang);
  const given = ctx.t.map.geoNames[p.id];
  if (given) return given;
  if (!p.iso2) return p.name;
  const named = countryName(p.iso2, ctx.lang);
  if (!/^en\b/i.test(ctx.lang)) return named ?? p.name;
  // in English, Natural Earth's short names, spelt out where they abbreviate (`S. Sudan` → `South Sudan`), unless the
  // runtime's name is a disambiguation (`Congo - Kinshasa`): then `Dem. Rep. Congo` stays
  return p.name.includes('.') && named && !/ - |\(/.test(named) ? named : p.name;
}

/** The name of a region of the base map (`Mopti region`), from its id or a gazetteer `admin1`. */
function regionLabel(base: BaseMap, admin1OrId: string, ctx: DescribeContext): string {
  const id = regionId(admin1OrId);
  const region = base.regions.find((r) => r.id === id);
  return ctx.t.map.regionName(region ? geoName(region, ctx) : admin1OrId);
}

/** The name of a marker's place: the town, or the region for items only located to a region. */
export function groupName(g: PlaceGroup, base: BaseMap, ctx: DescribeContext): string {
  if (g.anchor.type === 'region') return regionLabel(base, g.place.admin1, ctx);
  return localText(g.place.name, ctx.lang, ctx.languages);
}

/**
 * The names written beside the markers of town groups (bold) and beside the towns drawn as dots, as
 * {@link groupName} and {@link mapTexts} give them: known before the base map, so that a map waiting for its geometry
 * can measure them meanwhile (`of`: the groups named, by default all). (A region-only group's name comes from the
 * geometry: it is not among them.)
 */
export function placeLabelTexts(
  view: FacilityPointsView,
  ctx: DescribeContext,
  of: readonly PlaceGroup[] = view.groups,
): { groups: string[]; towns: string[] } {
  const groups: string[] = [];
  for (const g of of)
    if (g.anchor.type !== 'region') groups.push(localText(g.place.name, ctx.lang, ctx.languages));
  return { groups, towns: view.towns.map((p) => localText(p.name, ctx.lang, ctx.languages)) };
}

/** A view's groups by key and its items by id (`i:<id>`), indexed once per view and only when first asked for. */
const groupIndex = new WeakMap<FacilityPointsView, Map<string, PlaceGroup>>();
const itemIndex = new WeakMap<FacilityPointsView, Map<string, [FacilityItem, PlaceGroup]>>();
function groupsByKey(view: FacilityPointsView): Map<string, PlaceGroup> {
  let m = groupIndex.get(view);
  if (!m) {
    m = new Map();
    for (const g of view.groups) m.set(g.key, g);
    groupIndex.set(view, m);
  }
  return m;
}
function itemsById(view: FacilityPointsView): Map<string, [FacilityItem, PlaceGroup]> {
  let m = itemIndex.get(view);
  if (!m) {
    m = new Map();
    for (const g of view.groups) for (const i of g.items) m.set(i.id, [i, g]);
    itemIndex.set(view, m);
  }
  return m;
}

/** A lookup whose values are made when first asked for and kept (a 250,000-item map labels a few hundred). */
function lazyLookup<T>(find: (key: string) => T | undefined, make: (found: T) => string) {
  const made = new Map<string, string>();
  return {
    get(key: string): string | undefined {
      let v = made.get(key);
      if (v === undefined) {
        const found = find(key);
        if (found === undefined) return undefined;
        made.set(key, (v = make(found)));
      }
      return v;
    },
  };
}

/** The label of an item of an open cluster: its name, with its count when above one (`6 × speedboats`). */
function itemLabel(i: FacilityItem, ctx: DescribeContext): string {
  const label = localText(i.facility.label, ctx.lang, ctx.languages);
  return i.count !== null && i.count > 1 ? ctx.t.map.times(formatInteger(i.count, ctx.lang), label) : label;
}

/**
 * The texts the layout writes on the map: marker, ring and town labels, region and country names, the credit. The
 * marker and item labels are made when the layout first asks for them (it labels a few hundred of 100,000 markers).
 */
export function mapTexts(view: FacilityPointsView, base: BaseMap, ctx: DescribeContext): MapTexts {
  return {
    groups: lazyLookup(
      (key) => groupsByKey(view).get(key),
      (g) => groupName(g, base, ctx),
    ),
    items: lazyLookup(
      (id) => itemsById(view).get(id)?.[0],
      (i) => itemLabel(i, ctx),
    ),
    places: new Map(view.towns.map((p) => [p.id, localText(p.name, ctx.lang, ctx.languages)])),
    // a region asked for is the map itself (the geometry's home country is drawn by its regions, never named)
    regions: new Map(base.regions.filter((r) => r.id !== base.focus).map((r) => [r.id, geoName(r, ctx)])),
    countries: new Map(base.countries.map((c) => [c.id, geoName(c, ctx)])),
    attribution: base.attribution,
  };
}

/**
 * Free text from the data (notes) with the source ids it cites (`S001`, `W11`) replaced by their publishers: readers
 * never see internal ids.
 */
export function withPublishers(text: string, sources: Map<string, Source>): string {
  return text.replace(/\b[A-Z]{1,3}\d{2,4}\b/g, (id) => sources.get(id)?.publisher ?? id);
}

/** How precisely a facility is placed, in words. */
export function locationText(p: Facility['placePrecision'], ctx: DescribeContext): string {
  const m = ctx.t.map;
  return p === 'approx' ? m.approxLocation : p === 'region' ? m.regionOnly : m.townPrecision;
}

/** How many: `6`, `about 10`, or "not stated". */
function countText(f: Facility, ctx: DescribeContext): string {
  const q = f.quantity;
  if (!q) return ctx.t.notStated;
  return formatReported({ kind: 'count', ...q }, ctx.lang).spoken;
}

/** When: `12 July 2019`, `2018`, `30 November 2018 — derived (…)`, or "date unknown". */
function dateText(f: Facility, ctx: DescribeContext): string {
  if (!isKnownDate(f.date)) return ctx.t.map.dateUnknown;
  const r = formatReported({ kind: 'date', value: f.date.value, precision: f.date.precision }, ctx.lang);
  return r.precision === 'exact' ? r.spoken : `${r.spoken} — ${r.precisionText}`;
}

/** Where: the town, or only the region, as precisely as it is known. */
function placeText(f: Facility, place: Place | undefined, base: BaseMap, ctx: DescribeContext): string {
  if (!place) return f.place;
  if (f.placePrecision === 'region') return regionLabel(base, place.admin1, ctx);
  return localText(place.name, ctx.lang, ctx.languages);
}

/** Every source a facility's figures cite: the facility's, its count's, its date's and its amount's. */
function facilitySources(f: Facility, ctx: DescribeContext): Source[] {
  return sourcesOf(
    ctx.sources,
    f.sources,
    f.quantity?.sources ?? [],
    f.date?.sources ?? [],
    f.amount?.sources ?? [],
  );
}

/** `15 items (3 entries)`: the things a marker stands for, and the records they come from when they differ. */
export function thingsText(things: number, records: number, ctx: DescribeContext): string {
  const m = ctx.t.map;
  return things === records ? m.items(things) : `${m.items(things)} (${m.records(records)})`;
}

/** What a screen reader hears for one item. */
function itemSpoken(i: FacilityItem, ctx: DescribeContext): string {
  const t = ctx.t;
  const f = i.facility;
  return [
    t.pair(termLabel(ctx, 'facilityKinds', i.kind, t.map.kinds), localText(f.label, ctx.lang, ctx.languages)),
    t.pair(t.map.quantity, countText(f, ctx)),
    dateText(f, ctx),
    termLabel(ctx, 'statuses', f.status, t.map.statuses),
    locationText(f.placePrecision, ctx),
  ].join(', ');
}

/** The lookups a map's words need from its dataset (programmes and places by id). */
interface Lookups {
  programmes: Map<string, Programme>;
  places: Map<string, Place>;
}

function itemTooltip(i: FacilityItem, base: BaseMap, look: Lookups, ctx: DescribeContext): TooltipModel {
  const { t, lang } = ctx;
  const f = i.facility;
  const field = t.pair;
  const lines = [
    `${termLabel(ctx, 'facilityKinds', i.kind, t.map.kinds)} · ${field(t.map.quantity, countText(f, ctx))}`,
  ];
  if (f.beneficiary) lines.push(field(t.map.forWhom, localText(f.beneficiary, lang, ctx.languages)));
  lines.push(
    field(t.map.when, `${dateText(f, ctx)} · ${termLabel(ctx, 'statuses', f.status, t.map.statuses)}`),
  );
  const notes: string[] = [];
  if (isKnownMoney(f.amount)) {
    lines.push(field(t.amount, formatReported({ kind: 'money', ...f.amount }, lang, ctx.currency).short));
    for (const alt of f.amount.alternatives ?? [])
      notes.push(
        field(
          t.alsoReported,
          `${formatReported({ kind: 'money', ...alt }, lang, ctx.currency).short}${
            alt.note ? ` — ${withPublishers(localText(alt.note, lang, ctx.languages), ctx.sources)}` : ''
          }`,
        ),
      );
  }
  lines.push(field(t.programme, look.programmes.get(f.programme)?.short ?? f.programme));
  const note = f.placeNote
    ? `. ${withPublishers(localText(f.placeNote, lang, ctx.languages), ctx.sources)}`
    : '';
  lines.push(
    field(
      t.map.location,
      `${placeText(f, look.places.get(f.place), base, ctx)} — ${locationText(f.placePrecision, ctx)}${note}`,
    ),
  );
  const handover = f.handoverPlace ? look.places.get(f.handoverPlace) : undefined;
  if (handover) lines.push(field(t.map.handover, localText(handover.name, lang, ctx.languages)));
  return {
    title: localText(f.label, lang, ctx.languages),
    lines,
    ...(notes.length ? { notes } : {}),
    sources: sourcesText(facilitySources(f, ctx)),
  };
}

function itemWords(
  i: FacilityItem,
  g: PlaceGroup,
  base: BaseMap,
  look: Lookups,
  ctx: DescribeContext,
): MarkWords {
  const f = i.facility;
  let tooltip: TooltipModel | undefined;
  let detail: MarkWords['detail'] | undefined;
  // the name is read by every render; the tooltip and the detail when the mark is pointed at or chosen
  return {
    name: itemSpoken(i, ctx),
    get tooltip() {
      return (tooltip ??= itemTooltip(i, base, look, ctx));
    },
    get detail() {
      return (detail ??= {
        id: i.id,
        kind: 'facility',
        label: localText(f.label, ctx.lang, ctx.languages),
        places: g.places,
        programme: f.programme,
        sources: facilitySources(f, ctx),
        datum: f,
      });
    },
  };
}

function groupWords(g: PlaceGroup, base: BaseMap, look: Lookups, ctx: DescribeContext): MarkWords {
  const name = groupName(g, base, ctx);
  if (g.items.length === 1) {
    const w = itemWords(g.items[0]!, g, base, look, ctx);
    return {
      name: ctx.t.pair(name, w.name),
      get tooltip() {
        return w.tooltip;
      },
      get detail() {
        return w.detail;
      },
    };
  }
  const t = ctx.t.map;
  const kinds = [
    ...new Map([...g.items].sort((a, b) => a.style - b.style).map((i) => [i.kind, i])).keys(),
  ].map((k) => termLabel(ctx, 'facilityKinds', k, t.kinds));
  const where = g.anchor.type === 'region' ? t.regionOnly : g.approx ? t.approxLocation : t.townPrecision;
  let sources: Source[] | undefined;
  const sourcesOfGroup = () =>
    (sources ??= sourcesOfLists(
      ctx.sources,
      g.items.map((i) => facilitySources(i.facility, ctx).map((s) => s.id)),
    ));
  const many = thingsText(g.things, g.items.length, ctx);
  let tooltip: TooltipModel | undefined;
  let detail: MarkWords['detail'] | undefined;
  // the name is read by every render; the tooltip and the detail when the marker is pointed at or chosen
  return {
    name: ctx.t.pair(name, `${many} (${kinds.join(', ')}), ${where}`),
    get tooltip() {
      return (tooltip ??= {
        title: `${name} · ${many}`,
        lines: [
          ...g.items.map((i) =>
            ctx.t.pair(
              termLabel(ctx, 'facilityKinds', i.kind, t.kinds),
              `${localText(i.facility.label, ctx.lang, ctx.languages)}${i.count !== null && i.count > 1 ? ` (×${i.count})` : ''}`,
            ),
          ),
          ...(g.uncounted ? [t.uncounted(g.uncounted)] : []),
          where,
        ],
        sources: sourcesText(sourcesOfGroup()),
      });
    },
    get detail() {
      return (detail ??= {
        id: g.key,
        kind: g.anchor.type === 'region' ? 'region' : 'place',
        label: name,
        places: g.places,
        sources: sourcesOfGroup(),
        datum: g,
      });
    },
  };
}

/**
 * The words of every mark of the map by key (`g:<group key>` for a marker, `i:<item id>` for an item of an open
 * cluster), computed when first asked for and kept: a 10,000-point map describes only what is rendered or pointed at.
 */
export function mapWords(
  view: FacilityPointsView,
  base: BaseMap,
  data: Dataset,
  ctx: DescribeContext,
): (key: string) => MarkWords | undefined {
  // made when a tooltip first needs them (a dataset of 100,000 facilities has tens of thousands of places)
  let programmes: Map<string, Programme> | undefined;
  let places: Map<string, Place> | undefined;
  const look: Lookups = {
    get programmes() {
      return (programmes ??= new Map(data.programmes.map((p) => [p.id, p])));
    },
    get places() {
      return (places ??= new Map(data.places.map((p) => [p.id, p])));
    },
  };
  const cache = new Map<string, MarkWords>();
  return (key) => {
    let w = cache.get(key);
    if (w) return w;
    // the view's indexes are made when first asked for: the items' only once an item (an open cluster's) is
    const g = key.startsWith('g:') ? groupsByKey(view).get(key.slice(2)) : undefined;
    const it = key.startsWith('i:') ? itemsById(view).get(key.slice(2)) : undefined;
    if (g) w = groupWords(g, base, look, ctx);
    else if (it) w = itemWords(it[0], it[1], base, look, ctx);
    if (w) cache.set(key, w);
    return w;
  };
}

/** The words of a map that do not change with zoom: the layout's texts, the marks' words and the summary. */
export interface MapDescription {
  texts: MapTexts;
  words: (key: string) => MarkWords | undefined;
  summary: string;
}

/** Everything {@link MapDescription} holds, for one view, base map, dataset and language. */
export function describeMap(
  view: FacilityPointsView,
  base: BaseMap,
  data: Dataset,
  ctx: DescribeContext,
): MapDescription {
  return {
    texts: mapTexts(view, base, ctx),
    words: mapWords(view, base, data, ctx),
    summary: mapSummary(view, base, ctx),
  };
}

/** Label of the list of an open cluster's items: `Items at Sévaré`. */
export function ringLabel(g: PlaceGroup, base: BaseMap, ctx: DescribeContext): string {
  return ctx.t.map.ringLabel(groupName(g, base, ctx));
}

/** The places of a view's items, counted once per view (the summary is made again for each size of the map). */
const placeCounts = new WeakMap<FacilityPointsView, number>();

/** The summary of the map: items, places, and the view (`Map of the Mopti region: 18 facilities…`). */
export function mapSummary(view: FacilityPointsView, base: BaseMap, ctx: DescribeContext): string {
  const m = ctx.t.map;
  let places = placeCounts.get(view);
  if (places === undefined) {
    const ids = new Set<string>();
    for (const g of view.groups) for (const p of g.places) ids.add(p);
    placeCounts.set(view, (places = ids.size));
  }
  // the view is named only when the page asked for one, as the geometry names it; a map fitted to the data names none
  const area =
    base.focusLevel === 'region'
      ? base.regions.find((r) => r.id === base.focus)
      : base.focusLevel === 'country'
        ? (base.countries.find((c) => c.id === base.focus) ?? base.home)
        : undefined;
  const name = base.focusLevel && area ? m.viewName(geoName(area, ctx), base.focusLevel) : '';
  return m.summary(thingsText(view.thingCount, view.itemCount, ctx), places, name);
}

/** How many places an edge marker's accessible name lists before it says how many more there are. */
export const OFF_VIEW_NAMES = 3;

/**
 * The words of an edge marker: what lies beyond the view, where, and what Enter does. Its tooltip and event detail (a
 * line and the places of each marker beyond: thousands on a large map) are made when first read.
 */
export function offViewWords(o: OffView, marks: MarksLayout, base: BaseMap, ctx: DescribeContext): MarkWords {
  const m = ctx.t.map;
  const byKey = markersByGroup(marks);
  const groups: MapMarker[] = [];
  for (const k of o.groups) {
    const mk = byKey.get(k);
    if (mk) groups.push(mk);
  }
  const many = thingsText(o.things, o.records, ctx);
  const side = m.sides[o.side];
  // a screen reader hears the first few places and how many more (tens of thousands on a large map), not every one
  const named = groups.length > OFF_VIEW_NAMES + 1 ? OFF_VIEW_NAMES : groups.length;
  const first = groups.slice(0, named).map((mk) => groupName(mk.group, base, ctx));
  const places =
    named < groups.length ? m.andMore(first.join(', '), groups.length - named) : first.join(', ');
  let tooltip: TooltipModel | undefined;
  let detail: MarkWords['detail'] | undefined;
  return {
    name: `${ctx.t.pair(m.beyond(many, side), places)}. ${m.goThere}`,
    get tooltip() {
      return (tooltip ??= {
        title: m.beyond(many, side),
        lines: groups.map((mk) =>
          ctx.t.pair(groupName(mk.group, base, ctx), thingsText(mk.group.things, mk.group.items.length, ctx)),
        ),
        notes: [m.goThere],
      });
    },
    get detail() {
      return (detail ??= {
        id: o.key,
        kind: 'off-view',
        label: m.beyond(many, side),
        places: groups.flatMap((mk) => mk.group.places),
        sources: [],
        datum: o,
      });
    },
  };
}

const markerIndex = new WeakMap<MarksLayout, Map<string, MapMarker>>();
/** The markers of a layout by their group's key, made once per layout (not once per edge marker and render). */
function markersByGroup(marks: MarksLayout): Map<string, MapMarker> {
  let byKey = markerIndex.get(marks);
  if (!byKey) markerIndex.set(marks, (byKey = new Map(marks.markers.map((mk) => [mk.group.key, mk]))));
  return byKey;
}

/**
 * The notes under the map, each only when it concerns what is drawn: what lies beyond the view (counted), items
 * with no place, the plain background when no geometry reaches the data, and — when regions are drawn — what the
 * geometry says of them with the places drawn that the data puts in another region after a reform.
 */
export function mapNotes(
  view: FacilityPointsView,
  marks: MarksLayout,
  base: BaseMap,
  ctx: DescribeContext,
): string[] {
  const m = ctx.t.map;
  const out: string[] = [];
  const beyond = marks.offView.reduce((s, o) => s + o.things, 0);
  if (beyond) {
    const records = marks.offView.reduce((s, o) => s + o.records, 0);
    out.push(m.offViewNote(thingsText(beyond, records, ctx)));
  }
  if (view.unplaced) out.push(m.unplaced(view.unplaced));
  if (!base.covered) out.push(m.noBaseMap);
  const changed = base.regions.length ? regionChanges(view, marks, ctx) : [];
  // what the geometry says of its regions, with what the data says changed for the places drawn
  if (changed.length)
    out.push([base.note ? localText(base.note, ctx.lang, ctx.languages) : '', ...changed].join(' ').trim());
  return out;
}

/** The groups of a view whose place the data puts in another region after a reform, found once per view. */
const reformed = new WeakMap<FacilityPointsView, PlaceGroup[]>();

/**
 * The places drawn that the data puts in another region after a reform (`admin1Reform` differs from `admin1`), by
 * new region: `After the reform, the data puts Koro and Bandiagara in the Bandiagara region.`
 */
function regionChanges(view: FacilityPointsView, marks: MarksLayout, ctx: DescribeContext): string[] {
  let moved = reformed.get(view);
  if (!moved) {
    moved = view.groups.filter((g) => {
      const p = g.place;
      return !!p.admin1Reform && regionId(p.admin1Reform) !== regionId(p.admin1);
    });
    reformed.set(view, moved);
  }
  if (!moved.length) return [];
  const byKey = markersByGroup(marks);
  const byRegion = new Map<string, Set<string>>();
  for (const g of moved) {
    const p = g.place;
    if (!p.admin1Reform || !byKey.get(g.key)?.visible) continue;
    const names = byRegion.get(p.admin1Reform) ?? new Set<string>();
    names.add(localText(p.name, ctx.lang, ctx.languages));
    byRegion.set(p.admin1Reform, names);
  }
  return [...byRegion].map(([region, names]) =>
    ctx.t.map.regionChanged(listText([...names], ctx.lang), region),
  );
}

/** `Koro and Bandiagara`, `Koro, Mopti et Sévaré`: a list in the reader's language. */
function listText(items: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The scale bar's text: `50 km`. */
export function scaleText(km: number, ctx: DescribeContext): string {
  return `${formatInteger(km, ctx.lang)} km`;
}

/** The words of the date filter: its label, the slider's spoken value and the visible output. */
export function dateFilterWords(
  date: string | undefined,
  asOf: string,
  hidden: Pick<FacilityPointsView, 'later' | 'laterThings'>,
  ctx: DescribeContext,
): { label: string; valueText: string; output: string } {
  const m = ctx.t.map;
  // the slider steps by month: it shows a month (`May 2021`), never a day it does not mean
  const shown = date ? formatIsoDate(date.slice(0, 7), ctx.lang) : undefined;
  return {
    label: m.dateFilter,
    valueText: shown ?? `${m.allDates} (${formatIsoDate(asOf, ctx.lang)})`,
    // what the date hides is counted in things (4 pinasses), short enough for one line at 360 px
    output: `${shown ?? m.allDates}${
      hidden.later ? ` · ${m.later(hidden.laterThings, m.items(hidden.laterThings))}` : ''
    }`,
  };
}

/**
 * Every text the date filter's output can take over a range of months (with up to every item of `data` hidden), to
 * be measured: the output keeps the widest one's width, so the toolbar never moves as the slider does.
 */
export function dateFilterSamples(
  range: readonly [number, number],
  data: Dataset,
  ctx: DescribeContext,
): string[] {
  const most = {
    later: data.facilities.length,
    laterThings: data.facilities.reduce((s, f) => s + thingsOf(f), 0),
  };
  const out: string[] = [];
  for (let i = range[0]; i <= range[1]; i++)
    out.push(dateFilterWords(monthKey(i), data.meta.asOf, most, ctx).output);
  out.push(dateFilterWords(undefined, data.meta.asOf, { later: 0, laterThings: 0 }, ctx).output);
  return out;
}

/**
 * The legend of what is drawn in the view, and nothing else: the kinds of the markers in view (a single item's symbol,
 * an arc of a cluster's ring, a row of the open list), with the symbol they are drawn with (a square of their colour
 * on canvas), and the encodings that appear — hollow undated symbols, clusters, halos, region outlines, edge markers.
 */
export function mapLegend(marks: MarksLayout, ctx: DescribeContext): LegendItem[] {
  const m = ctx.t.map;
  const shown = marks.markers.filter((mk) => mk.visible);
  const groups = shown.map((mk) => mk.group);
  const svg = !marks.canvas;
  // the kinds drawn, by drawing style (built-ins in their order, then the kinds the data declares): on canvas, a
  // marker's square has its first item's colour
  const drawn = new Map<FacilityKind, number>();
  for (const g of groups)
    if (svg) for (const i of g.items) drawn.set(i.kind, i.style);
    else drawn.set(g.items[0]!.kind, g.items[0]!.style);
  const out: LegendItem[] = [...drawn]
    .sort((a, b) => a[1] - b[1])
    .map(([k, style]) => {
      const label = termLabel(ctx, 'facilityKinds', k, m.kinds);
      return svg
        ? {
            key: k,
            label,
            swatch: 'symbol',
            className: `${styleClass(style)} symbol`,
            path: styleSymbol(style, 90),
          }
        : { key: k, label, swatch: 'fill', className: styleClass(style) };
    });
  const undated = (mk: MapMarker) =>
    mk.shape !== 'cluster'
      ? mk.group.items[0]!.state === 'undated'
      : mk.expanded && mk.group.items.some((i) => i.state === 'undated');
  if (svg && shown.some(undated))
    out.push({
      key: 'undated',
      label: m.legendUndated,
      swatch: 'symbol',
      className: `${kindClass('infrastructure')} symbol undated`,
      path: kindSymbol('infrastructure', 90),
    });
  if (svg && groups.some((g) => g.items.length > 1))
    out.push({ key: 'cluster', label: m.legendCluster, swatch: 'dot', className: 'cluster' });
  if (svg && groups.some((g) => g.approx))
    out.push({ key: 'approx', label: m.legendApprox, swatch: 'dot', className: 'halo' });
  if (groups.some((g) => g.anchor.type === 'region'))
    out.push({ key: 'region', label: m.legendRegion, swatch: 'dashed', className: 'region-outline' });
  if (marks.offView.length)
    out.push({ key: 'offview', label: m.legendOffView, swatch: 'dot', className: 'offview-swatch' });
  return out;
}

/** The hint of the keys, under the notes. */
export function keysHint(ctx: DescribeContext): string {
  return ctx.t.map.keysHint;
}

/**
 * What the table module (`facility-map-table.ts`, loaded when the table is first drawn, opened or exported) uses of the
 * words that the chart needs at once: given to it by the element, never imported by it (see `treemapTableWords`).
 */
export const mapTableWords = {
  countText,
  facilitySources,
  formatIsoDate,
  formatReported,
  groupName,
  groupsByKey,
  isKnownDate,
  isKnownMoney,
  localText,
  locationText,
  sourcesText,
  termLabel,
};
export type MapTableWords = typeof mapTableWords;
