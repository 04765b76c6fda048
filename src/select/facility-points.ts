import type { Dataset, Facility, Place } from '../schema/dataset';
import { dateGranularity, isKnownDate } from '../schema/read';

export type FacilityKind = Facility['kind'];

/** Kinds in legend order; each has its own symbol shape. */
export const FACILITY_KINDS: readonly FacilityKind[] = [
  'infrastructure',
  'equipment',
  'training',
  'border',
  'unit',
];

/**
 * What the time filter says of an item: `shown` (no filter, or dated on or before the filter date), `undated`
 * (no known date: planned, in progress or undated; drawn hollow, "date unknown").
 * Items dated after the filter date are left out of the view.
 */
export type ItemState = 'shown' | 'undated';

/** One facility or delivery as the map draws it. */
export interface FacilityItem {
  id: string;
  facility: Facility;
  kind: FacilityKind;
  state: ItemState;
  /** The count drawn beside the symbol (6 speedboats); `null` when the source gives none. */
  count: number | null;
  /**
   * How the kind is drawn: 0–4 the built-in kinds in {@link FACILITY_KINDS} order (their colour and shape); 5 and on
   * the kinds a dataset declares, in the order of its vocabulary (then by id), each its own colour class.
   */
  style: number;
}

/** Where a group is drawn: at a town's point, or only somewhere in a region (centroid, region outlined). */
export type Anchor = { type: 'point'; lon: number; lat: number } | { type: 'region'; region: string };

/** The facilities at one place (or, for region precision, in one region), drawn as one marker. */
export interface PlaceGroup {
  /** `p:<place id>` for a town, `r:<region id>` for items only located to a region. */
  key: string;
  place: Place;
  anchor: Anchor;
  /** One of the items is only approximately at the town (drawn with a halo). */
  approx: boolean;
  /** Items sorted by id (the fixed order of an expanded ring). */
  items: FacilityItem[];
  /** Place ids the items refer to. */
  places: string[];
  /**
   * The things the group stands for: the sum of the items' quantities (8 pinasses + 6 speedboats + 1 site = 15), an
   * item with no stated quantity counted as one record.
   */
  things: number;
  /** Items whose quantity no source gives (each counted as 1 in `things`). */
  uncounted: number;
}

export interface FacilityPointsView {
  groups: PlaceGroup[];
  /** Every item shown, in group order. */
  itemCount: number;
  /** Things (quantities) in view, summed over the groups. */
  thingCount: number;
  /** Items hidden because they are dated after the filter date. */
  later: number;
  /** Things (quantities) of the items dated after the filter date. */
  laterThings: number;
  /** Items whose place is not in the gazetteer: listed nowhere on the map, counted here. */
  unplaced: number;
  /** Gazetteer places that carry no facility (town labels). */
  towns: Place[];
}

export interface FacilityPointsOptions {
  /** ISO date (`2019-01-01`, `2019-07`, `2019`): keep items dated on or before it; undated ones stay, marked. */
  atDate?: string | undefined;
}

/** Region id of a gazetteer `admin1` name, as in `data/geo`: `Ségou` → `segou`, `Bamako District` → `bamako`. */
export function regionId(admin1: string): string {
  return admin1
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+district$/, '')
    .trim()
    .replace(/[^a-z0-9]+/g, '-');
}

/** The last day an ISO date of any precision may mean (`2018` → `2018-12-31`), for "known by then". */
export function periodEnd(iso: string): string {
  const g = dateGranularity(iso);
  return g === 'year' ? `${iso}-12-31` : g === 'month' ? `${iso}-31` : iso;
}

/** The first day an ISO date may mean (`2019` → `2019-01-01`). */
export function periodStart(iso: string): string {
  const g = dateGranularity(iso);
  return g === 'year' ? `${iso}-01-01` : g === 'month' ? `${iso}-01` : iso;
}

/** The state of a facility at a date, or `later` when it is dated after it. */
export function itemState(f: Facility, atDate: string | undefined): ItemState | 'later' {
  return itemStateFrom(f, atDate === undefined ? undefined : periodStart(atDate));
}

/** {@link itemState} with the date's first day (`periodStart`) worked out once for every facility. */
function itemStateFrom(f: Facility, atStart: string | undefined): ItemState | 'later' {
  if (!isKnownDate(f.date)) return 'undated';
  if (atStart === undefined) return 'shown';
  // delivered "in 2018" counts as known by 2019-01-01, not by 2018-06-01
  return periodEnd(f.date.value) <= atStart ? 'shown' : 'later';
}

/**
 * The facilities of a dataset grouped by where they can honestly be drawn: one group per town for items placed
 * at a town (exact or approximate), one group per region for items only known to be in a region. Never finer than
 * the town. Pure; groups sorted by key, items by id.
 */
export function selectFacilityPoints(data: Dataset, options: FacilityPointsOptions = {}): FacilityPointsView {
  const steps = selectSteps(data, options, Infinity);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link selectFacilityPoints} in slices of `slice` facilities, `pause` awaited between them (a task each: 250,000
 * facilities are not grouped in one task).
 */
export async function selectFacilityPointsInSlices(
  data: Dataset,
  options: FacilityPointsOptions,
  pause: () => Promise<void>,
  slice = 25_000,
): Promise<FacilityPointsView> {
  const steps = selectSteps(data, options, slice);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/** The work of {@link selectFacilityPoints}, pausing (`yield`) after every `slice` facilities and before sorting. */
function* selectSteps(
  data: Dataset,
  options: FacilityPointsOptions,
  slice: number,
): Generator<void, FacilityPointsView> {
  const places = new Map(data.places.map((p) => [p.id, p]));
  const styleOf = kindStyles(data);
  // a town's group by its place (no key string made per item), a region's by its admin1 (its id made once)
  const byPlace = new Map<Place, PlaceGroup>();
  const byRegion = new Map<string, PlaceGroup>();
  const groups = new Map<string, PlaceGroup>();
  // the places of a region's group, for membership (it gathers thousands: `includes` made it quadratic); a town's
  // group has one place, its own
  const placesOf = new Map<PlaceGroup, Set<string>>();
  const atDate = options.atDate;
  const atStart = atDate === undefined ? undefined : periodStart(atDate);
  let later = 0;
  let laterThings = 0;
  let unplaced = 0;
  const facilities = data.facilities;
  for (let n = 0; n < facilities.length; n++) {
    if (n && n % slice === 0) yield;
    const f = facilities[n]!;
    const place = places.get(f.place);
    if (!place) {
      unplaced++;
      continue;
    }
    const state = itemStateFrom(f, atStart);
    if (state === 'later') {
      later++;
      laterThings += thingsOf(f);
      continue;
    }
    const region = f.placePrecision === 'region';
    let g = region ? byRegion.get(place.admin1) : byPlace.get(place);
    if (!g) {
      const id = region ? regionId(place.admin1) : '';
      const key = region ? `r:${id}` : `p:${place.id}`;
      g = groups.get(key);
      if (!g) {
        g = {
          key,
          place,
          anchor: region ? { type: 'region', region: id } : { type: 'point', lon: place.lon, lat: place.lat },
          approx: false,
          items: [],
          places: region ? [] : [place.id],
          things: 0,
          uncounted: 0,
        };
        groups.set(key, g);
      }
      if (region) byRegion.set(place.admin1, g);
      else byPlace.set(place, g);
    }
    if (f.placePrecision === 'approx') g.approx = true;
    if (region) {
      let seen = placesOf.get(g);
      if (!seen) placesOf.set(g, (seen = new Set()));
      if (!seen.has(place.id)) {
        seen.add(place.id);
        g.places.push(place.id);
      }
    }
    const q = f.quantity;
    g.items.push({
      id: f.id,
      facility: f,
      kind: f.kind,
      state,
      count: q ? q.value : null,
      style: styleOf.get(f.kind) ?? 0,
    });
    g.things += q ? Math.max(1, Math.round(q.value)) : 1;
    if (!q) g.uncounted++;
  }
  if (slice < facilities.length) yield;
  const list = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let itemCount = 0;
  let thingCount = 0;
  for (const g of list) {
    if (g.items.length > 1) g.items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (g.places.length > 1) g.places.sort();
    itemCount += g.items.length;
    thingCount += g.things;
  }
  const used = new Set(list.filter((g) => g.anchor.type === 'point').map((g) => g.place.id));
  const towns = data.places.filter((p) => !used.has(p.id) && p.kind !== 'airport');
  return { groups: list, itemCount, thingCount, later, laterThings, unplaced, towns };
}

/** The drawing style of every kind of a dataset: built-ins first (0–4), then declared kinds, then any other. */
export function kindStyles(data: Dataset): Map<string, number> {
  const out = new Map<string, number>(FACILITY_KINDS.map((k, i) => [k, i]));
  const declared =
    (data as { vocabulary?: { facilityKinds?: { id: string }[] } }).vocabulary?.facilityKinds ?? [];
  const others = [...new Set(data.facilities.map((f) => f.kind))].filter((k) => !out.has(k)).sort();
  for (const k of [...declared.map((t) => t.id), ...others]) if (!out.has(k)) out.set(k, out.size);
  return out;
}

/** The things one facility stands for: its stated quantity (rounded to a whole), else 1 (one record). */
export function thingsOf(f: Facility): number {
  return f.quantity ? Math.max(1, Math.round(f.quantity.value)) : 1;
}

/** The things of each drawing style in a group (for the cluster's category ring and its dominant colour). */
export function thingsByStyle(items: readonly FacilityItem[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const i of items) out.set(i.style, (out.get(i.style) ?? 0) + thingsOf(i.facility));
  return out;
}

/** A month as a whole number (year × 12 + month − 1), the step of the date slider. */
export function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + (iso.length >= 7 ? Number(iso.slice(5, 7)) - 1 : 0);
}

/** The first day of a month index, as an ISO date (`2019-07-01`). */
export function monthIso(i: number): string {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
}

/** A month index as an ISO month (`2021-05`): what the date slider sets, at the precision it steps by. */
export function monthKey(i: number): string {
  return monthIso(i).slice(0, 7);
}

/** The date slider's range in month indexes: the earliest dated facility to the dataset's as-of date. */
export function dateRange(data: Dataset): [number, number] {
  const hi = monthIndex(data.meta.asOf);
  // ISO dates (four-digit years) sort as their months do: the earliest string is the earliest month (one comparison
  // per facility, not two numbers read from it)
  let first = '';
  for (const f of data.facilities)
    if (isKnownDate(f.date) && (!first || f.date.value < first)) first = f.date.value;
  return [first ? Math.min(hi, monthIndex(first)) : hi, hi];
}

/**
 * What the map is fitted to when no region is asked for: the [lon, lat] of every place a facility refers to (for
 * region-only items too), the ids of the regions of region-only items (their whole region is the place), and the
 * regions every place lies in (drawn as the map's subject).
 */
export function fitTargets(view: FacilityPointsView): {
  points: [number, number][];
  regions: string[];
  areas: string[];
} {
  const points: [number, number][] = [];
  const regions: string[] = [];
  const areas = new Set<string>();
  // each region's id made once (10,000 items have thousands of places in a few regions)
  const admin1s = new Set<string>();
  for (const g of view.groups) {
    if (g.anchor.type === 'region') regions.push(g.anchor.region);
    else points.push([g.anchor.lon, g.anchor.lat]);
    const a = g.place.admin1;
    if (!admin1s.has(a)) {
      admin1s.add(a);
      areas.add(regionId(a));
    }
  }
  return { points, regions, areas: [...areas].sort() };
}

type FitTargets = ReturnType<typeof fitTargets>;
const sameList = <T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): boolean =>
  a.length === b.length && a.every((x, i) => eq(x, b[i]!));

/**
 * Whether two fits are the same (the same points, regions and areas, in the same order): a new dataset object with
 * the same places (a page that sets its data again) keeps the map's fit, and all that is made from it.
 */
export function sameFitTargets(a: FitTargets, b: FitTargets): boolean {
  return (
    sameList(a.points, b.points, (p, q) => p[0] === q[0] && p[1] === q[1]) &&
    sameList(a.regions, b.regions, Object.is) &&
    sameList(a.areas, b.areas, Object.is)
  );
}
