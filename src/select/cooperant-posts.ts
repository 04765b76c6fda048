import type { Precision } from '../schema/common';
import type { CooperantPost, Dataset } from '../schema/dataset';
import type { Bound, Count } from '../schema/quantity';

export type CooperantRank = CooperantPost['rank'];
export type CooperantService = CooperantPost['service'];

/** What the units can be grouped by. */
export type CooperantGroupBy = 'place' | 'entity' | 'rank' | 'service' | 'year';
export const COOPERANT_GROUP_BYS: readonly CooperantGroupBy[] = [
  'place',
  'entity',
  'rank',
  'service',
  'year',
];

/** Group key of the units no source itemises (never guessed into a group). */
export const NOT_ITEMISED = '~not-itemised';
/** Group key of the units whose place, rank or service is not stated. */
export const NOT_STATED = '~not-stated';

/** One post of one year: an itemised post, or one of the posts a total counts but no source itemises. */
export interface CooperantUnit {
  /** `<post id>@<year>`, or `~not-itemised@<year>#<n>` (1-based). */
  key: string;
  kind: 'post' | 'not-itemised';
  /** The year of the unit; for a distinct post of "all years", the first year it is itemised for. */
  year: number;
  /**
   * The years this unit stands for: `[year]` (one list shared by the units of a year), or every year of a distinct
   * post in "all years".
   */
  years: readonly number[];
  /** The itemised post; `null` for a not-itemised unit. */
  post: CooperantPost | null;
  entity: string | null;
  rank: CooperantRank;
  /**
   * For a rank the dataset declares (`vocabulary.ranks`), its index there: the chart gives each declared rank its
   * own shape and colour. `undefined` for the built-in ranks.
   */
  declaredRank?: number | undefined;
  service: CooperantService;
  /** Place id, `null` when not stated (or not itemised). */
  place: string | null;
  /**
   * `exact` for an itemised post; `derived` for the not-itemised remainder of an exact total (14 − 9);
   * `approx` when the year's total is approximate ("about ten").
   */
  precision: Precision;
  sources: string[];
}

/** A year's headline total against the posts itemised for it. */
export interface CooperantYear {
  year: number;
  /** The headline count, or `null` when no source gives one (then only itemised posts are drawn). */
  total: Count | null;
  itemised: number;
  /** Drawn as not-itemised units: `total − itemised` (derived), or 0. */
  notItemised: number;
  /** More posts itemised than the total counts: shown, flagged, nothing subtracted. */
  overflow: boolean;
  units: CooperantUnit[];
}

export interface CooperantView {
  /** Every year with a total or an itemised post, ascending. */
  years: CooperantYear[];
  /** The year shown by default: the one with the most itemised posts (latest on a tie). */
  defaultYear: number | null;
}

/** A group of units for one value of the grouping dimension. */
export interface UnitGroup {
  /** The value (place id, entity id, rank, service, year as text), or `NOT_STATED` / `NOT_ITEMISED`. */
  key: string;
  kind: 'value' | 'not-stated' | 'not-itemised';
  units: CooperantUnit[];
  /** Units of itemised posts. */
  itemised: number;
  /** Units no source itemises. */
  notItemised: number;
  /** Some units are approximate (a total "about ten"). */
  approx: boolean;
  /** For `year` groups: the year's total as the source states it. */
  total?: { value: number; precision: Precision; bound?: Bound | undefined } | undefined;
}

const RANK_ORDER: readonly CooperantRank[] = ['senior-officer', 'officer', 'nco', 'not-stated'];
const SERVICE_ORDER: readonly CooperantService[] = ['army', 'air-force', 'not-stated'];

/** The index of a rank among those the dataset declares, or `undefined` for a built-in one. */
export function declaredIndex(data: Dataset, rank: string): number | undefined {
  const i = data.vocabulary?.ranks?.findIndex((t) => t.id === rank) ?? -1;
  return i < 0 ? undefined : i;
}

/**
 * The cooperant posts of a dataset, year by year: one unit per itemised post and year, plus one unit per post a
 * total counts that no source itemises (marked `derived`, or `approx` when the total is). Pure.
 */
export function selectCooperantPosts(data: Dataset): CooperantView {
  const { posts, totals } = data.cooperants;
  // one pass over the posts: each year's posts in their order (not a filter of every post per year)
  const byYear = new Map<number, CooperantPost[]>();
  totals.forEach((t) => byYear.has(t.year) || byYear.set(t.year, []));
  // posts mostly follow one another year by year: the list of the year met last is kept at hand
  let lastYear = NaN;
  let last: CooperantPost[] = [];
  // index loops, not for…of: an iterator per post (10,000 of them) in code not yet optimised
  for (let i = 0; i < posts.length; i++) {
    const p = posts[i]!;
    const ys = p.years;
    for (let j = 0; j < ys.length; j++) {
      const y = ys[j]!;
      let list = y === lastYear ? last : byYear.get(y);
      if (!list) byYear.set(y, (list = []));
      lastYear = y;
      last = list;
      // a year listed twice in a post is still one unit
      if (list[list.length - 1] !== p) list.push(p);
    }
  }
  // the ranks the dataset declares, looked up once (not a search of the vocabulary per post)
  const declared = new Map<string, number>();
  data.vocabulary?.ranks?.forEach((t, i) => declared.has(t.id) || declared.set(t.id, i));
  const years = [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year): CooperantYear => {
      const total = totals.find((t) => t.year === year)?.count ?? null;
      const list = byYear.get(year)!;
      // made once per year, not per unit (10,000 posts: 10,000 lists and year texts fewer)
      const only: readonly number[] = [year];
      // in the same pass: what the group-by choices count (values not stated) and the source ids, in the order met
      const counts: Record<CooperantGroupBy, number> = { place: 0, entity: 0, rank: 0, service: 0, year: 0 };
      const ids = new Set<string>();
      let lastSources: readonly string[] | undefined;
      let lastId: string | undefined;
      for (let i = 0; i < list.length; i++) {
        const p = list[i]!;
        if (p.place === null) counts.place++;
        if (p.rank === 'not-stated') counts.rank++;
        if (p.service === 'not-stated') counts.service++;
        const src = p.sources;
        if (src !== lastSources && !(src.length === 1 && src[0] === lastId)) {
          for (let j = 0; j < src.length; j++) ids.add(src[j]!);
          lastId = src[src.length - 1];
        }
        lastSources = src;
      }
      const itemised = list.length;
      const rest = total ? total.value - itemised : 0;
      const notItemised = Math.max(0, rest);
      const precision: Precision = total?.precision === 'approx' ? 'approx' : 'derived';
      // the units are made when first read: a chart of bars (past AUTO_BARS_ABOVE posts) counts the posts by group
      // (groupsShown) and draws no unit, so its first paint makes none of them (10,000 objects)
      let units: CooperantUnit[] | undefined;
      const make = (): CooperantUnit[] => {
        const at = `@${year}`;
        const lookUp = declared.size > 0;
        const made: CooperantUnit[] = new Array<CooperantUnit>(list.length);
        for (let i = 0; i < list.length; i++) {
          const p = list[i]!;
          made[i] = {
            key: p.id + at,
            kind: 'post',
            year,
            years: only,
            post: p,
            entity: p.entity,
            rank: p.rank,
            declaredRank: lookUp ? declared.get(p.rank) : undefined,
            service: p.service,
            place: p.place,
            precision: 'exact',
            sources: p.sources,
          };
        }
        for (let i = 1; i <= notItemised; i++)
          made.push({
            key: `${NOT_ITEMISED}${at}#${i}`,
            kind: 'not-itemised',
            year,
            years: only,
            post: null,
            entity: null,
            rank: 'not-stated',
            service: 'not-stated',
            place: null,
            precision,
            sources: total!.sources,
          });
        return made;
      };
      const y: CooperantYear = {
        year,
        total,
        itemised,
        notItemised,
        overflow: rest < 0,
        get units() {
          return (units ??= make());
        },
      };
      yearPosts.set(y, list);
      if (notItemised) for (const id of total!.sources) ids.add(id);
      unitSources.set(y, [...ids]);
      yearChoices.set(y, counts);
      return y;
    });
  let defaultYear: number | null = null;
  let best = -1;
  for (const y of years)
    if (y.itemised >= best) {
      best = y.itemised;
      defaultYear = y.year;
    }
  return { years, defaultYear };
}

const unitSources = new WeakMap<CooperantYear, string[]>();
/** The itemised posts of a year, in their order: what {@link groupsShown} counts by group without making units. */
const yearPosts = new WeakMap<CooperantYear, readonly CooperantPost[]>();
/** The itemised posts of a year whose place, entity, rank or service is not stated, counted in one pass over them. */
const yearChoices = new WeakMap<CooperantYear, Record<CooperantGroupBy, number>>();
/** The source ids of a year's units, each once, in the order met (worked out once per year of a view). */
export function unitSourceIds(y: CooperantYear): string[] {
  let ids = unitSources.get(y);
  if (!ids) {
    // (a view's years have theirs from selectCooperantPosts; this is for a year made otherwise)
    const seen = new Set<string>();
    for (const u of y.units) for (const id of u.sources) seen.add(id);
    unitSources.set(y, (ids = [...seen]));
  }
  return ids;
}

/**
 * The units of the years shown. One year: its itemised posts and the posts its total counts but no source itemises.
 * `'all'`: the distinct posts, each itemised post once whatever its years (keyed by its first year, `years` lists
 * them all); the posts counted but not itemised are left out, since the counts of different years may name the same
 * people and are never added up (each year's count is given by the year itself).
 */
export function unitsOf(view: CooperantView, year: number | 'all'): CooperantUnit[] {
  if (year !== 'all') return view.years.find((y) => y.year === year)?.units ?? [];
  const byPost = new Map<string, { unit: CooperantUnit; years: number[] }>();
  for (const y of view.years)
    for (const u of y.units) {
      if (!u.post) continue;
      const seen = byPost.get(u.post.id);
      if (seen) seen.years.push(y.year);
      else {
        const years = [y.year];
        byPost.set(u.post.id, { unit: { ...u, years }, years });
      }
    }
  return [...byPost.values()].map((e) => e.unit);
}

/**
 * The units drawn for a grouping and a year choice: by year, every unit of every year (one group per year, each with
 * its own count: small multiples, never a sum); otherwise `unitsOf`.
 */
export function unitsShown(view: CooperantView, year: number | 'all', by: CooperantGroupBy): CooperantUnit[] {
  return by === 'year' ? view.years.flatMap((y) => y.units) : unitsOf(view, year);
}

/** Itemised units whose value for a grouping is not stated, out of the itemised units. */
export function notStatedCount(
  units: readonly CooperantUnit[],
  by: CooperantGroupBy,
): { notStated: number; itemised: number } {
  let notStated = 0;
  let itemised = 0;
  for (const u of units) {
    if (u.kind !== 'post') continue;
    itemised++;
    if (by !== 'year' && valueOf(u, by) === NOT_STATED) notStated++;
  }
  return { notStated, itemised };
}

/** A grouping at least this share of whose itemised posts have no value stated tells little: offered last. */
export const MOSTLY_NOT_STATED = 0.8;

/** A grouping offered to the reader, with how many itemised posts it cannot place. */
export interface GroupByChoice {
  by: CooperantGroupBy;
  notStated: number;
  itemised: number;
  /** At least `MOSTLY_NOT_STATED` of the itemised posts have no value for it. */
  mostlyNotStated: boolean;
}

/**
 * The groupings offered for the units of a year (counted when the view was made, not in another pass over its units)
 * or of all years (`groupByChoices` of the distinct posts).
 */
export function groupByChoicesOf(view: CooperantView, year: number | 'all'): GroupByChoice[] {
  const y = year === 'all' ? undefined : view.years.find((x) => x.year === year);
  const counts = y && yearChoices.get(y);
  return counts ? orderChoices(counts, y.itemised) : groupByChoices(unitsOf(view, year));
}

/** The groupings in the order offered: the informative ones first, those mostly "not stated" last. Pure. */
export function groupByChoices(units: readonly CooperantUnit[]): GroupByChoice[] {
  // one pass over the units for every grouping (not one per grouping): the counts of `notStatedCount`
  let itemised = 0;
  const notStated: Record<CooperantGroupBy, number> = { place: 0, entity: 0, rank: 0, service: 0, year: 0 };
  for (const u of units) {
    if (u.kind !== 'post') continue;
    itemised++;
    if (u.place === null) notStated.place++;
    if (u.entity === null) notStated.entity++;
    if (u.rank === 'not-stated') notStated.rank++;
    if (u.service === 'not-stated') notStated.service++;
  }
  return orderChoices(notStated, itemised);
}

function orderChoices(notStated: Record<CooperantGroupBy, number>, itemised: number): GroupByChoice[] {
  const list = COOPERANT_GROUP_BYS.map((by): GroupByChoice => {
    const n = notStated[by];
    return { by, notStated: n, itemised, mostlyNotStated: itemised > 0 && n / itemised >= MOSTLY_NOT_STATED };
  });
  return [...list.filter((c) => !c.mostlyNotStated), ...list.filter((c) => c.mostlyNotStated)];
}

function valueOf(u: CooperantUnit, by: CooperantGroupBy): string {
  if (by === 'year') return String(u.year);
  if (u.kind === 'not-itemised') return NOT_ITEMISED;
  return fieldValue(u, by);
}

/** The value of a unit, or of a post (the fields its units copy), for a grouping other than by year. */
function fieldValue(
  u: Pick<CooperantUnit, 'place' | 'entity' | 'rank' | 'service'>,
  by: Exclude<CooperantGroupBy, 'year'>,
): string {
  switch (by) {
    case 'place':
      return u.place ?? NOT_STATED;
    case 'entity':
      return u.entity ?? NOT_STATED;
    case 'rank':
      return u.rank === 'not-stated' ? NOT_STATED : u.rank;
    case 'service':
      return u.service === 'not-stated' ? NOT_STATED : u.service;
  }
}

/**
 * Groups units by a dimension. Units no source itemises go to their own `NOT_ITEMISED` group (except by year);
 * a place, rank or service not stated goes to `NOT_STATED`. Order: ranks and services in their natural order,
 * years ascending, places and entities by count (then `order`, then key); then not stated, then not itemised.
 */
export function groupUnits(
  units: readonly CooperantUnit[],
  by: CooperantGroupBy,
  options: { order?: readonly string[]; years?: readonly CooperantYear[] } = {},
): UnitGroup[] {
  // one pass: each group's itemised units, then those not itemised (stable positions when regrouping)
  const map = new Map<string, { posts: CooperantUnit[]; rest: CooperantUnit[]; approx: boolean }>();
  for (const u of units) {
    const k = valueOf(u, by);
    let e = map.get(k);
    if (!e) map.set(k, (e = { posts: [], rest: [], approx: false }));
    (u.kind === 'post' ? e.posts : e.rest).push(u);
    if (u.precision === 'approx') e.approx = true;
  }
  const groups: UnitGroup[] = [];
  for (const [key, e] of map) {
    const g: UnitGroup = {
      key,
      kind: key === NOT_ITEMISED ? 'not-itemised' : key === NOT_STATED ? 'not-stated' : 'value',
      units: e.rest.length ? e.posts.concat(e.rest) : e.posts,
      itemised: e.posts.length,
      notItemised: e.rest.length,
      approx: e.approx,
    };
    if (by === 'year') {
      const y = options.years?.find((x) => String(x.year) === key);
      if (y?.total) g.total = { value: y.total.value, precision: y.total.precision, bound: y.total.bound };
    }
    groups.push(g);
  }
  return sortGroups(groups, by, options.order);
}

/** How many units a group holds (its itemised and not itemised ones), without reading its units. */
export const groupSize = (g: UnitGroup): number => g.itemised + g.notItemised;

/**
 * The order of groups: ranks and services in their natural order, years ascending, places and entities by count (then
 * `order`, then key); then not stated, then not itemised.
 */
function sortGroups(groups: UnitGroup[], by: CooperantGroupBy, order: readonly string[] = []): UnitGroup[] {
  const rankOf = (g: UnitGroup): number => {
    if (g.kind === 'not-itemised') return 2;
    if (g.kind === 'not-stated') return 1;
    return 0;
  };
  const fixed: readonly string[] | undefined =
    by === 'rank' ? RANK_ORDER : by === 'service' ? SERVICE_ORDER : undefined;
  const orderIndex = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return groups.sort((a, b) => {
    const r = rankOf(a) - rankOf(b);
    if (r) return r;
    // built-in ranks and services in their natural order, then those the dataset declares (by their key)
    if (fixed) {
      const at = (k: string) => (fixed.includes(k) ? fixed.indexOf(k) : fixed.length);
      return at(a.key) - at(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    }
    if (by === 'year') return Number(a.key) - Number(b.key);
    return (
      groupSize(b) - groupSize(a) ||
      orderIndex(a.key) - orderIndex(b.key) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
    );
  });
}

/**
 * The groups drawn for a grouping and a year choice: `groupUnits` of {@link unitsShown}, the same groups in the same
 * order. For one year grouped by place, entity, rank or service, the year's posts are counted by group and no unit is
 * made until a group's `units` are read (one pass then makes every group's list, of the year's units): bars read only
 * the counts, so a chart of 10,000 posts drawn as bars makes no unit before its first paint.
 */
export function groupsShown(
  view: CooperantView,
  year: number | 'all',
  by: CooperantGroupBy,
  options: { order?: readonly string[]; years?: readonly CooperantYear[] } = {},
): UnitGroup[] {
  const y = year === 'all' || by === 'year' ? undefined : view.years.find((x) => x.year === year);
  const posts = y && yearPosts.get(y);
  if (!y || !posts || by === 'year') return groupUnits(unitsShown(view, year, by), by, options);
  const counts = new Map<string, number>();
  for (let i = 0; i < posts.length; i++) {
    const k = fieldValue(posts[i]!, by);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // the year's units grouped when one group's are first read: every group's list at once, as groupUnits gives it
  let lists: Map<string, CooperantUnit[]> | undefined;
  const unitsOfGroup = (key: string): CooperantUnit[] =>
    (lists ??= new Map(groupUnits(y.units, by).map((g) => [g.key, g.units]))).get(key) ?? [];
  const group = (key: string, itemised: number, notItemised: number, approx: boolean): UnitGroup => ({
    key,
    kind: key === NOT_ITEMISED ? 'not-itemised' : key === NOT_STATED ? 'not-stated' : 'value',
    get units() {
      return unitsOfGroup(key);
    },
    itemised,
    notItemised,
    approx,
  });
  const groups: UnitGroup[] = [];
  for (const [key, n] of counts) groups.push(group(key, n, 0, false));
  if (y.notItemised) groups.push(group(NOT_ITEMISED, 0, y.notItemised, y.total?.precision === 'approx'));
  return sortGroups(groups, by, options.order);
}
