/**
 * A dataset → one table per section, in the column convention of {@link SECTIONS}: the templates, and the way back
 * for a dataset edited in a spreadsheet. What the tables cannot hold is listed by {@link tableLosses}.
 */
import type { Dataset } from '../schema/dataset';
import { numberText } from './cells';
import { SECTIONS, type SectionName } from './columns';
import { formatTable } from './table';

type Json = Record<string, unknown>;
type Row = Record<string, string>;

const local = (row: Row, base: string, t: unknown) => {
  const v = t as { fr?: string; en?: string } | undefined;
  if (v?.fr) row[`${base}_fr`] = v.fr;
  if (v?.en) row[`${base}_en`] = v.en;
};
const list = (v: unknown) => (Array.isArray(v) ? v.join('; ') : '');
const date = (d: unknown) => {
  const v = d as { value?: string; unknown?: boolean } | undefined;
  return v?.unknown ? 'unknown' : (v?.value ?? '');
};
const money = (row: Row, m: unknown) => {
  const v = m as Json | undefined;
  if (!v) return;
  if (v.unknown) row.amount = 'unknown';
  else {
    row.amount = numberText(v.amount as number);
    row.currency = String(v.currency);
    row.precision = String(v.precision);
    if (v.bound) row.bound = String(v.bound);
    if (v.max !== undefined) row.max = numberText(v.max as number);
  }
  if (v.sources) row.sources = list(v.sources);
  local(row, 'amount_note', v.note);
};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
/** A figure's own precision, sources and note, where they differ from the row's. */
const details = (row: Row, base: string, f: Json | undefined, rowPrecision: string, rowSources: unknown) => {
  if (!f) return;
  if (f.precision !== undefined && f.precision !== rowPrecision)
    row[`${base}_precision`] = String(f.precision);
  if (!same(f.sources, rowSources))
    row[`${base}_sources`] = (f.sources as string[] | undefined)?.length ? list(f.sources) : 'none';
  local(row, `${base}_note`, f.note);
};
const DATE_KEYS = [
  ['start', (t: Json) => t.start],
  ['end', (t: Json) => t.end],
  ['date', (t: Json) => t.date],
  ['planned_start', (t: Json) => (t.planned as Json | undefined)?.start],
  ['planned_end', (t: Json) => (t.planned as Json | undefined)?.end],
] as const;

/** The rows of one section (each row: canonical column → cell text). */
export function sectionRows(d: Dataset, section: SectionName): Row[] {
  const rows: Row[] = [];
  switch (section) {
    case 'sources':
      for (const s of d.sources)
        rows.push({
          id: s.id,
          title: s.title,
          publisher: s.publisher,
          url: s.url ?? '',
          language: s.language ?? '',
          published: s.published ?? '',
          seed_file: s.seedFile ?? '',
        });
      break;
    case 'programmes':
      for (const p of d.programmes) {
        const r: Row = {
          id: p.id,
          kind: p.kind,
          short: p.short,
          reference: p.reference ?? '',
          sources: list(p.sources),
        };
        for (const k of ['name', 'instrument', 'implementers', 'area', 'note'] as const) local(r, k, p[k]);
        rows.push(r);
      }
      break;
    case 'budget':
      for (const b of d.budget) {
        const r: Row = { id: b.id, programme: b.programme, parent: b.parent ?? '' };
        local(r, 'label', b.label);
        money(r, b.amount);
        if (b.period?.start) r.period_start = b.period.start;
        if (b.period?.end) r.period_end = b.period.end;
        local(r, 'note', b.note);
        rows.push(r);
        const alts = 'alternatives' in b.amount ? (b.amount.alternatives ?? []) : [];
        for (const a of alts) {
          const ar: Row = { programme: b.programme, alternative_of: b.id };
          money(ar, a);
          rows.push(ar);
        }
      }
      break;
    case 'timeline':
      for (const t of d.timeline) {
        const item = t as unknown as Json;
        const known = [t.start, t.end, t.date, t.planned?.start, t.planned?.end].find(
          (x) => x && 'value' in x,
        ) as { precision?: string } | undefined;
        const precision = known?.precision ?? '';
        const r: Row = {
          id: t.id,
          programme: t.programme,
          kind: t.kind,
          start: date(t.start),
          end: date(t.end),
          date: date(t.date),
          precision,
          planned_start: date(t.planned?.start),
          planned_end: date(t.planned?.end),
          after: list(t.after),
          place: t.place ?? '',
          sources: list(t.sources),
        };
        local(r, 'label', t.label);
        local(r, 'note', t.note);
        for (const [key, get] of DATE_KEYS)
          details(r, key, get(item) as Json | undefined, precision, t.sources);
        rows.push(r);
        for (const [key, get] of DATE_KEYS)
          for (const a of ((get(item) as Json | undefined)?.alternatives as Json[] | undefined) ?? []) {
            const ar: Row = {
              programme: t.programme,
              alternative_of: t.id,
              [key]: String(a.value),
              precision: String(a.precision),
              sources: list(a.sources),
            };
            local(ar, 'note', a.note);
            rows.push(ar);
          }
        for (const du of t.duration ?? []) {
          const dr: Row = {
            programme: t.programme,
            duration_of: t.id,
            duration_months: String(du.months),
            precision: du.precision,
            sources: list(du.sources),
          };
          local(dr, 'note', du.note);
          rows.push(dr);
        }
      }
      break;
    case 'places':
      for (const p of d.places) {
        const r: Row = {
          id: p.id,
          kind: p.kind,
          lat: String(p.lat),
          lon: String(p.lon),
          precision: p.precision,
          admin1: p.admin1,
          admin1_reform: p.admin1Reform ?? '',
          sources: list(p.sources),
        };
        local(r, 'name', p.name);
        local(r, 'note', p.note);
        rows.push(r);
        for (const a of p.alternatives ?? [])
          rows.push({
            alternative_of: p.id,
            lat: String(a.lat),
            lon: String(a.lon),
            sources: list(a.sources),
          });
      }
      break;
    case 'facilities':
      for (const f of d.facilities) {
        const dateFigure = f.date as Json | undefined;
        const amount = f.amount as Json | undefined;
        const precision = String(f.quantity?.precision ?? dateFigure?.precision ?? amount?.precision ?? '');
        const r: Row = {
          id: f.id,
          programme: f.programme,
          kind: f.kind,
          quantity: f.quantity ? String(f.quantity.value) : '',
          place: f.place,
          place_precision: f.placePrecision,
          handover_place: f.handoverPlace ?? '',
          status: f.status,
          date: date(f.date),
          precision,
          sources: list(f.sources),
        };
        if (f.quantity?.bound) r.quantity_bound = f.quantity.bound;
        details(r, 'quantity', f.quantity as Json | undefined, precision, f.sources);
        details(r, 'date', dateFigure, precision, f.sources);
        if (amount) {
          const m: Row = {};
          money(m, amount);
          for (const k of ['amount', 'currency', 'bound', 'max', 'amount_note_fr', 'amount_note_en'])
            if (m[k] !== undefined) r[k] = m[k];
          details(
            r,
            'amount',
            { precision: amount.precision, sources: amount.sources },
            precision,
            f.sources,
          );
        }
        local(r, 'label', f.label);
        local(r, 'place_note', f.placeNote);
        local(r, 'beneficiary', f.beneficiary);
        local(r, 'note', f.note);
        rows.push(r);
        for (const a of (amount?.alternatives as Json[] | undefined) ?? []) {
          const ar: Row = { programme: f.programme, alternative_of: f.id };
          money(ar, a);
          rows.push(ar);
        }
      }
      break;
    case 'entities':
      for (const e of d.cooperants.entities) {
        const r: Row = { id: e.id, short: e.short, sources: list(e.sources) };
        local(r, 'name', e.name);
        local(r, 'note', e.note);
        rows.push(r);
      }
      break;
    case 'totals':
      for (const t of d.cooperants.totals) {
        const r: Row = {
          year: String(t.year),
          count: String(t.count.value),
          precision: t.count.precision,
          bound: t.count.bound ?? '',
          sources: list(t.count.sources),
        };
        local(r, 'count_note', t.count.note);
        local(r, 'note', t.note);
        rows.push(r);
      }
      break;
    case 'posts':
      for (const p of d.cooperants.posts) {
        const entity = d.cooperants.entities.find((e) => e.id === p.entity);
        const r: Row = {
          id: p.id,
          entity: p.entity,
          entity_name: entity?.name.en ?? entity?.name.fr ?? '',
          rank: p.rank,
          service: p.service,
          place: p.place ?? '',
          years: p.years.join('; '),
          sources: list(p.sources),
        };
        local(r, 'role', p.role);
        local(r, 'note', p.note);
        rows.push(r);
      }
      break;
  }
  return rows;
}

/** One section of a dataset as CSV text (comma-separated, every column of the convention, UTF-8). */
export function exportSection(d: Dataset, section: SectionName, delimiter = ','): string {
  const header = SECTIONS[section].columns.map((c) => c.key);
  const rows = sectionRows(d, section).map((r) => header.map((h) => r[h] ?? ''));
  return formatTable({ header, rows, delimiter });
}

/** Every section of a dataset as CSV, by section name. */
export function exportTables(d: Dataset): Record<SectionName, string> {
  const out = {} as Record<SectionName, string>;
  for (const s of Object.keys(SECTIONS) as SectionName[]) out[s] = exportSection(d, s);
  return out;
}

/**
 * The paths where `after` (a dataset imported from the tables of `before`) differs from `before`: what the column
 * convention does not carry (date notes and alternatives, durations, place alternatives…).
 */
export function tableLosses(before: unknown, after: unknown, path = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    const out: string[] = [];
    for (const k of keys) {
      const sub = Array.isArray(before) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      out.push(...tableLosses((before as Json)[k], (after as Json)[k], sub));
    }
    return out;
  }
  return [path];
}

/**
 * The template tables: every column of the convention, with a few real rows of `d` as examples (the records whose
 * ids are given, and the places and sources they refer to), so that the set of templates imports as it is.
 */
export function templateTables(
  d: Dataset,
  ids: Partial<Record<SectionName, string[]>>,
): Record<SectionName, string> {
  const pick = <T extends { id: string }>(list: T[], wanted: string[] | undefined) =>
    list.filter((x) => wanted?.includes(x.id));
  const posts = pick(d.cooperants.posts, ids.posts);
  const years = new Set(posts.flatMap((p) => p.years));
  const sub = {
    ...d,
    programmes: pick(d.programmes, ids.programmes),
    budget: pick(d.budget, ids.budget),
    timeline: pick(d.timeline, ids.timeline),
    facilities: pick(d.facilities, ids.facilities),
    cooperants: {
      entities: d.cooperants.entities.filter((e) => posts.some((p) => p.entity === e.id)),
      totals: d.cooperants.totals.filter((t) => years.has(t.year)),
      posts,
    },
  };
  const text = JSON.stringify([sub.programmes, sub.budget, sub.timeline, sub.facilities, sub.cooperants]);
  const placeIds = new Set([
    ...(ids.places ?? []),
    ...d.places.map((p) => p.id).filter((id) => text.includes(`"${id}"`)),
  ]);
  const places = d.places.filter((p) => placeIds.has(p.id));
  const cited = JSON.stringify([text, places]);
  const sources = d.sources.filter((s) => cited.includes(`"${s.id}"`) || cited.includes(`\\"${s.id}\\"`));
  return exportTables({ ...sub, places, sources } as Dataset);
}
