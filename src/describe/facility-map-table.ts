/**
 * The map's data table, a module of its own: loaded (a dynamic import) when the table is first drawn in idle time
 * after the chart's paint, opened or exported — never in what a page loads at once (scripts/size.mjs checks).
 * @module
 */
import type { BaseMap } from '../layout/facility-map';
import type { Dataset } from '../schema/dataset';
import type { FacilityPointsView, PlaceGroup } from '../select/facility-points';
import type { MapTableWords } from './facility-map';
import type { DescribeContext, TableModel, TableRow, TableRows } from './types';

/**
 * An array of `length` table rows, each made by `make(index)` when first read and kept: a table of 250,000 items costs
 * nothing until the screen reads its first 500 rows or an export reads them all. A real array to its readers
 * (`length`, indexes, `slice`, `map`, iteration, `JSON.stringify`).
 */
function lazyRows(length: number, make: (index: number) => TableRow): TableRow[] {
  const made: (TableRow | undefined)[] = new Array<TableRow | undefined>(length).fill(undefined);
  return new Proxy(made as TableRow[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const index = Number(key);
          if (Number.isInteger(index) && index < length) return (made[index] ??= make(index));
        }
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/**
 * The data table: one row per item, headed by its name, places west to east (`order`: group keys in the markers' order), with raw values for CSV
 * and JSON — counts as numbers, dates and amounts raw, precision and place precision as codes, source ids — and their
 * words for readers. `words`: `mapTableWords` of describe/facility-map.ts and the late chunk's
 * `tableRows`.
 */
export function mapTable(
  view: FacilityPointsView,
  order: readonly string[],
  base: BaseMap,
  data: Dataset,
  date: string | undefined,
  ctx: DescribeContext,
  words: MapTableWords & TableRows,
): TableModel {
  const { t, lang } = ctx;
  const {
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
    sourcesRaw,
    sourcesText,
    termLabel,
  } = words;
  const m = t.map;
  const programmes = new Map(data.programmes.map((p) => [p.id, p]));
  const byKey = groupsByKey(view);
  const groups: PlaceGroup[] = [];
  const listed = new Set<PlaceGroup>();
  for (const k of order) {
    const g = byKey.get(k);
    if (g && !listed.has(g)) {
      groups.push(g);
      listed.add(g);
    }
  }
  // groups the layout could not place (no projection) are still listed, last
  for (const g of view.groups) if (!listed.has(g)) groups.push(g);
  // where each group's rows start: a row is found by its index, and made when first read (the screen reads 500
  // rows, the exports all)
  const starts = new Int32Array(groups.length + 1);
  for (let k = 0; k < groups.length; k++) starts[k + 1] = starts[k]! + groups[k]!.items.length;
  const places = new Map<PlaceGroup, string>();
  const row = (index: number): TableRow => {
    let lo = 0;
    let hi = groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const g = groups[lo]!;
    const i = g.items[index - starts[lo]!]!;
    let place = places.get(g);
    if (place === undefined) places.set(g, (place = groupName(g, base, ctx)));
    const f = i.facility;
    const when = isKnownDate(f.date) ? f.date : undefined;
    const money = isKnownMoney(f.amount) ? f.amount : undefined;
    const sources = facilitySources(f, ctx);
    const programme = programmes.get(f.programme)?.short ?? f.programme;
    return {
      text: [
        localText(f.label, lang, ctx.languages),
        place,
        termLabel(ctx, 'facilityKinds', i.kind, m.kinds),
        countText(f, ctx),
        when ? formatIsoDate(when.value, lang) : m.dateUnknown,
        when ? formatReported({ kind: 'date', ...when }, lang).precisionText : '',
        termLabel(ctx, 'statuses', f.status, m.statuses),
        money ? formatReported({ kind: 'money', ...money }, lang).short : '',
        money?.currency ?? '',
        programme,
        locationText(f.placePrecision, ctx),
        sourcesText(sources),
      ],
      raw: [
        localText(f.label, lang, ctx.languages),
        place,
        i.kind,
        f.quantity?.value ?? null,
        when?.value ?? null,
        when?.precision ?? null,
        f.status,
        money?.amount ?? null,
        money?.currency ?? null,
        f.programme,
        f.placePrecision,
        sourcesRaw(sources),
      ],
    };
  };
  const rows = lazyRows(starts[groups.length]!, row);
  return {
    caption: `${m.label}${date ? ` — ${m.showing(formatIsoDate(date, lang))}` : ''}`,
    columns: [
      { label: m.facility },
      { label: m.place },
      { label: m.kind },
      { label: m.quantity, numeric: true },
      { label: m.when },
      { label: m.datePrecision },
      { label: m.status },
      { label: t.amount, numeric: true },
      { label: m.currency },
      { label: t.programme },
      { label: m.location },
      { label: t.sources },
    ],
    rows,
  };
}
