/** Rows of one section's table → dataset records, with every problem pointing at its cell. */
import {
  isUnknownWord,
  readAmount,
  readChoice,
  readCount,
  readDate,
  readDecimal,
  readList,
  type CellResult,
} from './cells';
import { columnFor, normaliseHeader, SECTIONS, type SectionName, type SectionSpec } from './columns';
import type { ImportIssue } from './issues';
import type { Table } from './table';
import { Currency } from '../schema/quantity';

type Json = Record<string, unknown>;
export type Lang = 'fr' | 'en';

export interface SectionRead {
  section: SectionName;
  file: string;
  records: Json[];
  /** Spreadsheet row of each record. */
  rows: number[];
  /** Canonical column key → header as written and its index. */
  columns: Map<string, { header: string; index: number }>;
  /**
   * Rows that add to another record (`alternative_of`, `duration_of`): a conflicting report of its amount, date or
   * coordinates, or one of its durations. Merged by `importTables`.
   */
  alternatives: { of: string; field: string; report: Json; row: number }[];
  /** Entity names given in the posts table (`entity_name`), by entity id. */
  entityNames: Map<string, { name: string; sources: string[] }>;
  issues: ImportIssue[];
}

const PRECISION = {
  exact: ['exacte', 'stated', 'exactly'],
  approx: [
    'approximate',
    'approximatif',
    'approximative',
    'environ',
    'about',
    'approche',
    'estimate',
    'estimation',
  ],
  derived: ['calcule', 'calculee', 'derive', 'derivee', 'computed'],
} as const;
const BOUND = {
  about: ['environ', 'pres de', 'approximately', 'around', 'nearly'],
  'at-least': ['au moins', 'plus de', 'more than', 'at least', 'minimum'],
  'at-most': ['au plus', 'moins de', 'less than', 'at most', 'up to', 'jusqu a'],
  range: ['fourchette', 'entre', 'between', 'de a'],
} as const;
const CURRENCY = {
  EUR: ['€', 'euro', 'euros'],
  XOF: ['FCFA', 'F CFA', 'CFA', 'franc CFA', 'francs CFA'],
} as const;
/**
 * A currency: `€`, `FCFA`… through their aliases, else a code the dataset's schema accepts (EUR and XOF today; any
 * ISO 4217 code where the schema allows it). Lower case is offered in capitals, never changed silently.
 */
function readCurrency(cell: string): CellResult<string> {
  const alias = readChoice(cell, CURRENCY);
  if (alias.ok) return alias;
  const s = cell.trim();
  const expected = `a currency code the dataset accepts, like ${Object.keys(CURRENCY).join(' or ')}`;
  if (Currency.safeParse(s).success) return { ok: true, value: s };
  if (Currency.safeParse(s.toUpperCase()).success)
    return {
      ok: false,
      expected,
      fix: { value: s.toUpperCase(), reason: 'currency codes are written in capitals' },
    };
  return { ok: false, expected };
}

const PROGRAMME_KIND = {
  programme: ['program', 'projet', 'project'],
  context: ['contexte', 'mission'],
} as const;
const TIMELINE_KIND = {
  phase: ['periode', 'period'],
  milestone: ['jalon', 'etape'],
  event: ['evenement', 'fait'],
} as const;
const PLACE_KIND = {
  capital: ['capitale'],
  'regional-capital': ['capitale regionale', 'chef-lieu', 'chef lieu de region', 'regional capital'],
  town: ['ville', 'localite', 'village', 'city'],
  airport: ['aeroport', 'aerodrome', 'airfield'],
} as const;
const FACILITY_KIND = {
  infrastructure: ['batiment', 'building', 'construction'],
  equipment: ['equipement', 'materiel'],
  training: ['formation'],
  border: ['frontiere', 'poste frontiere', 'border post'],
  unit: ['unite'],
} as const;
const PLACE_PRECISION = {
  town: ['ville', 'localite'],
  approx: ['environ', 'approximate', 'approximatif'],
  region: [],
} as const;
const STATUS = {
  delivered: ['livre', 'remis', 'done', 'handed over', 'termine', 'completed'],
  planned: ['prevu', 'planifie'],
  'in-progress': ['en cours', 'ongoing', 'in progress'],
  unknown: ['inconnu', 'not known'],
} as const;
const RANK = {
  'senior-officer': ['officier superieur', 'senior officer'],
  officer: ['officier'],
  nco: ['sous-officier', 'sous officier', 'non-commissioned officer'],
  'not-stated': ['non precise', 'not stated', 'inconnu', ''],
} as const;
const SERVICE = {
  army: ['armee de terre', 'terre'],
  'air-force': ['armee de l air', "armee de l'air", 'air', 'air force'],
  'not-stated': ['non precise', 'not stated', 'inconnu', ''],
} as const;

/** The language of a bare text header (`note`, `label`) when the table does not say. */
export interface ReadOptions {
  lang?: Lang;
}

/** Reads a section's table into dataset records. */
export function readSection(table: Table, section: SectionName, options: ReadOptions = {}): SectionRead {
  const spec = SECTIONS[section];
  const out: SectionRead = {
    section,
    file: table.name,
    records: [],
    rows: [],
    columns: new Map(),
    alternatives: [],
    entityNames: new Map(),
    issues: [],
  };
  const lang = options.lang ?? 'en';
  table.header.forEach((h, index) => {
    if (h === '') return;
    const c = resolveHeader(spec, h, lang);
    if (!c) {
      out.issues.push({
        severity: 'warning',
        file: table.name,
        row: 1,
        column: h,
        columnIndex: index,
        message: `not a column of the ${section} table: its values are not imported (columns: ${spec.columns.map((c) => c.key).join(', ')})`,
      });
    } else if (out.columns.has(c)) {
      out.issues.push({
        severity: 'error',
        file: table.name,
        row: 1,
        column: h,
        columnIndex: index,
        message: `a second "${c}" column (also "${out.columns.get(c)!.header}")`,
      });
    } else out.columns.set(c, { header: h, index });
  });
  for (const c of spec.columns)
    if (c.required && !out.columns.has(c.key) && !(c.key.endsWith('_fr') || c.key.endsWith('_en')))
      out.issues.push({
        severity: 'error',
        file: table.name,
        row: 1,
        message: `a "${c.key}" column is missing (${c.doc})`,
      });
  // a figure needs a precision: without the column, every figure of the table is read as exact, and the table says so
  if (spec.columns.some((c) => c.key === 'precision') && !out.columns.has('precision') && table.rows.length)
    out.issues.push({
      severity: 'warning',
      file: table.name,
      row: 1,
      message:
        'no "precision" column: every figure is read as exact (stated as such by its source); add the column to mark approximate ("approx") or computed ("derived") figures',
    });
  table.rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row = new Row(out, cells, i + 2);
    const record = builders[section](row, out);
    if (record) {
      out.records.push(record);
      out.rows.push(i + 2);
    }
  });
  return out;
}

function resolveHeader(spec: SectionSpec, header: string, lang: Lang): string | undefined {
  const h = normaliseHeader(header);
  // a bare text header (`note`) in the language of the table
  if (spec.columns.some((c) => c.key === `${h}_${lang}`)) return `${h}_${lang}`;
  return columnFor(spec, header)?.key;
}

class Row {
  constructor(
    private read: SectionRead,
    private cells: string[],
    readonly number: number,
  ) {}

  /** The trimmed cell of a column, '' when the column is absent or empty. */
  cell(key: string): string {
    const c = this.read.columns.get(key);
    return c ? (this.cells[c.index] ?? '').trim() : '';
  }
  hasColumn(key: string): boolean {
    return this.read.columns.has(key);
  }
  has(key: string): boolean {
    return this.cell(key) !== '';
  }
  issue(
    key: string | undefined,
    message: string,
    fix?: ImportIssue['fix'],
    severity: ImportIssue['severity'] = 'error',
  ) {
    const c = key ? this.read.columns.get(key) : undefined;
    this.read.issues.push({
      severity,
      file: this.read.file,
      row: this.number,
      ...(c ? { column: c.header, columnIndex: c.index } : key ? { column: key } : {}),
      message,
      ...(fix ? { fix } : {}),
    });
  }
  /** A cell read by `reader`; an error (with its offered fix) when it does not read. */
  value<T>(key: string, reader: (s: string) => CellResult<T>, required = false): T | undefined {
    const s = this.cell(key);
    if (s === '') {
      if (required) this.issue(key, `expected a value, got an empty cell`);
      return undefined;
    }
    const r = reader(s);
    if (r.ok) return r.value;
    this.issue(key, `expected ${r.expected}, got ${JSON.stringify(s)}`, r.fix);
    return undefined;
  }
  text(key: string, required = false): string | undefined {
    const s = this.cell(key);
    if (s === '' && required) this.issue(key, 'expected a value, got an empty cell');
    return s === '' ? undefined : s;
  }
  /** `{fr, en}` from `base_fr` and `base_en`; undefined when both are empty. */
  local(base: string, required = false): { fr?: string; en?: string } | undefined {
    const fr = this.cell(`${base}_fr`);
    const en = this.cell(`${base}_en`);
    if (!fr && !en) {
      if (required)
        this.issue(
          `${base}_en`,
          `expected a ${base} in French or English (columns ${base}_fr, ${base}_en), got empty cells`,
        );
      return undefined;
    }
    return { ...(fr ? { fr } : {}), ...(en ? { en } : {}) };
  }
  list(key: string): string[] | undefined {
    const s = this.cell(key);
    return s ? readList(s) : undefined;
  }
  sources(required = true): string[] {
    const s = this.list('sources') ?? [];
    if (s.length === 0 && required)
      this.issue('sources', 'expected at least one source id (or URL), got an empty cell');
    return s;
  }
  /** The sources of one figure: its own column when filled ("none" for none), else the row's. */
  ownSources(key: string, fallback: string[]): string[] {
    const s = this.cell(key);
    if (s === '') return fallback;
    return ['none', 'aucune', 'aucun', '-'].includes(s.toLowerCase()) ? [] : readList(s);
  }
  precision(key = 'precision'): string {
    return this.value(key, (s) => readChoice(s, PRECISION)) ?? 'exact';
  }
  /** A reported date (`{value, precision, sources}`), `{unknown: true}` for "unknown", or undefined when empty. */
  date(key: string, rowSources: string[], rowPrecision: string): Json | undefined {
    const s = this.cell(key);
    if (s === '') return undefined;
    const sources = this.ownSources(`${key}_sources`, rowSources);
    const note = this.local(`${key}_note`);
    if (isUnknownWord(s))
      return { unknown: true, ...(sources.length ? { sources } : {}), ...(note ? { note } : {}) };
    const v = this.value(key, readDate);
    const precision = this.has(`${key}_precision`) ? this.precision(`${key}_precision`) : rowPrecision;
    return v === undefined ? undefined : { value: v, precision, sources, ...(note ? { note } : {}) };
  }
  /** A reported amount from `amount`, `currency`, `precision`, `bound`, `max`, `sources`. */
  money(rowSources: string[], required: boolean): Json | undefined {
    const s = this.cell('amount');
    const sources = this.ownSources('amount_sources', rowSources);
    if (s === '') {
      if (required) this.issue('amount', 'expected a number ≥ 0 (or "unknown"), got an empty cell');
      return undefined;
    }
    const note = this.local('amount_note');
    if (isUnknownWord(s))
      return { unknown: true, ...(sources.length ? { sources } : {}), ...(note ? { note } : {}) };
    const r = readAmount(s);
    let amount: number | undefined;
    if (r.ok) amount = r.value;
    else {
      const fix =
        r.fix && r.currency && this.has('currency') && readCurrency(this.cell('currency')).ok
          ? (readCurrency(this.cell('currency')) as { value: string }).value === r.currency
            ? r.fix
            : undefined // "12 M€" in a row whose currency says XOF: no obvious fix
          : r.fix;
      this.issue('amount', `expected ${r.expected}, got ${JSON.stringify(s)}`, fix);
      if (r.currency && !this.has('currency'))
        this.issue('currency', `expected EUR or XOF, got an empty cell (the amount says ${r.currency})`, {
          value: r.currency,
          reason: 'currency of the amount cell',
        });
    }
    const currency = this.value('currency', readCurrency, !r.currency || this.has('currency'));
    const bound = this.value('bound', (c) => readChoice(c, BOUND));
    const max = this.value('max', readAmount);
    const own = this.has('amount_precision');
    let precision = this.precision(own ? 'amount_precision' : 'precision');
    if (!own && !this.has('precision') && bound) precision = 'approx';
    if (amount === undefined || currency === undefined) return undefined;
    return {
      amount,
      currency,
      precision,
      ...(bound ? { bound } : {}),
      ...(max !== undefined ? { max } : {}),
      sources,
      ...(note ? { note } : {}),
    };
  }
}

const DATE_FIELDS = ['start', 'end', 'date', 'planned_start', 'planned_end'];
const opt = <T>(key: string, v: T | undefined) => (v === undefined ? {} : { [key]: v });

const builders: Record<SectionName, (r: Row, read: SectionRead) => Json | undefined> = {
  sources: (r) => {
    const url = r.text('url');
    if (url && !/^https?:\/\//.test(url))
      r.issue(
        'url',
        `expected an http(s) address, got ${JSON.stringify(url)}`,
        /^www\./.test(url) ? { value: `https://${url}`, reason: 'https:// added' } : undefined,
      );
    return {
      id: r.text('id', true),
      title: r.text('title', true),
      publisher: r.text('publisher', true),
      url: url ?? null,
      ...opt('language', r.text('language')),
      published: r.value('published', readDate) ?? null,
      // an empty cell in a seed_file column: no local copy (null)
      ...(r.hasColumn('seed_file') ? { seedFile: r.text('seed_file') ?? null } : {}),
    };
  },
  programmes: (r) => ({
    id: r.text('id', true),
    kind: r.value('kind', (s) => readChoice(s, PROGRAMME_KIND)) ?? 'programme',
    short: r.text('short', true),
    name: r.local('name', true),
    ...opt('reference', r.text('reference')),
    ...opt('instrument', r.local('instrument')),
    ...opt('implementers', r.local('implementers')),
    ...opt('area', r.local('area')),
    ...opt('note', r.local('note')),
    sources: r.sources(),
  }),
  budget: (r, read) => {
    const sources = r.sources(!isUnknownWord(r.cell('amount')));
    const of = r.text('alternative_of');
    if (of) {
      const report = r.money(sources, true);
      if (report && 'unknown' in report)
        r.issue('amount', 'expected an amount: an alternative report states one');
      else if (report) read.alternatives.push({ of, field: 'amount', report, row: r.number });
      return undefined;
    }
    const start = r.value('period_start', readDate);
    const end = r.value('period_end', readDate);
    const parent = r.text('parent');
    return {
      id: r.text('id', true),
      programme: r.text('programme', true),
      parent: parent ?? null,
      label: r.local('label', true),
      amount: r.money(sources, true),
      ...(start || end ? { period: { ...opt('start', start), ...opt('end', end) } } : {}),
      ...opt('note', r.local('note')),
    };
  },
  timeline: (r, read) => {
    const sources = r.sources();
    const precision = r.precision();
    const of = r.text('alternative_of');
    if (of) {
      // a conflicting report of one date: the one date column filled says which
      const field = DATE_FIELDS.find((f) => r.has(f));
      if (!field)
        r.issue(
          'alternative_of',
          'expected one date column filled (start, end, date, planned_start or planned_end)',
        );
      else {
        const report = r.date(field, sources, precision);
        const note = r.local('note');
        if (report && 'value' in report)
          read.alternatives.push({
            of,
            field,
            report: { ...report, ...(note ? { note } : {}) },
            row: r.number,
          });
        else if (report) r.issue(field, 'expected a date: an alternative report states one');
      }
      return undefined;
    }
    const durationOf = r.text('duration_of');
    if (durationOf) {
      const months = r.value('duration_months', readCount, true);
      const note = r.local('note');
      if (months !== undefined)
        read.alternatives.push({
          of: durationOf,
          field: 'duration',
          report: { months, precision, sources, ...(note ? { note } : {}) },
          row: r.number,
        });
      return undefined;
    }
    const kind = r.value('kind', (s) => readChoice(s, TIMELINE_KIND), true);
    const plannedStart = r.date('planned_start', sources, precision);
    const plannedEnd = r.date('planned_end', sources, precision);
    const place = r.text('place');
    return {
      id: r.text('id', true),
      programme: r.text('programme', true),
      kind,
      label: r.local('label', true),
      // a milestone or event takes its one date from `date`, or from `start` in a table with one date column
      ...(kind === 'phase' || r.has('date')
        ? {
            ...opt('start', r.date('start', sources, precision)),
            ...opt('end', r.date('end', sources, precision)),
            ...opt('date', r.date('date', sources, precision)),
          }
        : {
            ...opt('date', r.date('start', sources, precision)),
            ...opt('end', r.date('end', sources, precision)),
          }),
      ...(plannedStart || plannedEnd
        ? { planned: { ...opt('start', plannedStart), ...opt('end', plannedEnd) } }
        : {}),
      ...opt('after', r.list('after')),
      ...opt('place', place),
      ...opt('note', r.local('note')),
      sources,
    };
  },
  places: (r, read) => {
    const of = r.text('alternative_of');
    const lat = r.value('lat', (s) => readDecimal(s, -90, 90), true);
    const lon = r.value('lon', (s) => readDecimal(s, -180, 180), true);
    if (of) {
      if (lat !== undefined && lon !== undefined)
        read.alternatives.push({
          of,
          field: 'coords',
          report: { lat, lon, sources: r.sources() },
          row: r.number,
        });
      return undefined;
    }
    return {
      id: r.text('id', true),
      name: r.local('name', true),
      kind: r.value('kind', (s) => readChoice(s, PLACE_KIND), true),
      lat,
      lon,
      precision: r.precision(),
      admin1: r.text('admin1') ?? '',
      ...opt('admin1Reform', r.text('admin1_reform')),
      ...opt('note', r.local('note')),
      sources: r.sources(),
    };
  },
  facilities: (r, read) => {
    const sources = r.sources();
    const precision = r.precision();
    const of = r.text('alternative_of');
    if (of) {
      const report = r.money(sources, true);
      if (report && 'unknown' in report)
        r.issue('amount', 'expected an amount: an alternative report states one');
      else if (report) read.alternatives.push({ of, field: 'amount', report, row: r.number });
      return undefined;
    }
    const quantity = r.value('quantity', readCount);
    const qNote = r.local('quantity_note');
    const qBound = r.value('quantity_bound', (c) => readChoice(c, BOUND));
    return {
      id: r.text('id', true),
      programme: r.text('programme', true),
      kind: r.value('kind', (s) => readChoice(s, FACILITY_KIND), true),
      label: r.local('label', true),
      ...(quantity !== undefined
        ? {
            quantity: {
              value: quantity,
              precision: r.has('quantity_precision') ? r.precision('quantity_precision') : precision,
              ...(qBound ? { bound: qBound } : {}),
              sources: r.ownSources('quantity_sources', sources),
              ...(qNote ? { note: qNote } : {}),
            },
          }
        : {}),
      place: r.text('place', true),
      placePrecision: r.value('place_precision', (s) => readChoice(s, PLACE_PRECISION)) ?? 'town',
      ...opt('placeNote', r.local('place_note')),
      ...opt('handoverPlace', r.text('handover_place')),
      ...opt('beneficiary', r.local('beneficiary')),
      status: r.value('status', (s) => readChoice(s, STATUS)) ?? 'unknown',
      ...opt('date', r.date('date', sources, precision)),
      ...opt('amount', r.money(sources, false)),
      ...opt('note', r.local('note')),
      sources,
    };
  },
  entities: (r) => ({
    id: r.text('id', true),
    short: r.text('short', true),
    name: r.local('name', true),
    ...opt('note', r.local('note')),
    sources: r.sources(),
  }),
  totals: (r) => {
    const sources = r.sources();
    const bound = r.value('bound', (c) => readChoice(c, BOUND));
    const countNote = r.local('count_note');
    const year = r.value(
      'year',
      (s) =>
        /^\d{4}$/.test(s) ? { ok: true, value: Number(s) } : { ok: false, expected: 'a year like 2011' },
      true,
    );
    const count = r.value('count', readCount, true);
    return {
      year,
      count: {
        value: count,
        precision: r.has('precision') ? r.precision() : bound ? 'approx' : 'exact',
        ...(bound ? { bound } : {}),
        sources,
        ...(countNote ? { note: countNote } : {}),
      },
      ...opt('note', r.local('note')),
    };
  },
  posts: (r, read) => {
    const sources = r.sources();
    const entity = r.text('entity', true);
    const entityName = r.text('entity_name');
    if (entity && entityName && !read.entityNames.has(entity))
      read.entityNames.set(entity, { name: entityName, sources });
    const years = (r.list('years') ?? []).map((y) => {
      if (!/^\d{4}$/.test(y)) r.issue('years', `expected years like 2011; 2012, got ${JSON.stringify(y)}`);
      return Number(y);
    });
    if (years.length === 0) r.issue('years', 'expected at least one year, got an empty cell');
    const place = r.text('place');
    return {
      id: r.text('id', true),
      entity,
      role: r.local('role', true),
      rank: r.value('rank', (s) => readChoice(s, RANK)) ?? 'not-stated',
      service: r.value('service', (s) => readChoice(s, SERVICE)) ?? 'not-stated',
      place: place && !isUnknownWord(place) ? place : null,
      years,
      ...opt('note', r.local('note')),
      sources,
    };
  },
};
