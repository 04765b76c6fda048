/**
 * Tables → one dataset, validated by the same schema as every dataset ({@link parseDataset}); the schema's problems
 * are pointed back at the cells they come from.
 */
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import { guessSection, SECTIONS, type SectionName } from './columns';
import type { ImportIssue } from './issues';
import { readSection, type Lang, type SectionRead } from './read';
import { parseTable } from './table';

type Json = Record<string, unknown>;

/** One table to import: its text, its file name (or `pasted table`), and its section when the name does not say. */
export interface TableInput {
  name: string;
  text: string;
  section?: SectionName;
}

export interface ImportOptions {
  /** A dataset the tables add to (records with the same id in the same section are replaced). */
  base?: Dataset;
  /** The dataset's title when there is no base (default "Imported data" / "Données importées"). */
  title?: { fr?: string; en?: string };
  /** The dataset's description and licence when there is no base. */
  description?: { fr?: string; en?: string };
  license?: string;
  /** The date the data is as of (ISO), shown in the widgets' source line. Required when there is no base. */
  asOf?: string;
  /** Language of bare text headers (`note`, `label`); default `en`. */
  lang?: Lang;
}

export interface ImportResult {
  /** True when no error was found and the dataset is valid. */
  ok: boolean;
  /** The validated dataset, when ok. */
  data?: Dataset;
  /** The assembled dataset, valid or not (what a download would hold). */
  dataset: Json;
  /** Errors and warnings, each at its cell where it has one. */
  issues: ImportIssue[];
  /** The section each table was read as. */
  sections: { name: string; section: SectionName; records: number }[];
}

const sectionKey: Record<SectionName, string> = {
  sources: 'sources',
  programmes: 'programmes',
  budget: 'budget',
  timeline: 'timeline',
  places: 'places',
  facilities: 'facilities',
  posts: 'cooperants.posts',
  entities: 'cooperants.entities',
  totals: 'cooperants.totals',
};

/** An empty dataset to import into. */
export function emptyDataset(asOf: string, title?: { fr?: string; en?: string }): Json {
  return {
    meta: { title: title ?? { fr: 'Données importées', en: 'Imported data' }, asOf },
    sources: [],
    programmes: [],
    budget: [],
    timeline: [],
    places: [],
    facilities: [],
    cooperants: { entities: [], totals: [], posts: [] },
  };
}

const listAt = (d: Json, key: string): Json[] =>
  key.startsWith('cooperants.') ? ((d.cooperants as Json)[key.slice(11)] as Json[]) : (d[key] as Json[]);
/** What identifies a record of a section: its id, or the year of a total. */
const keyOf = (rec: Json) => (rec.id !== undefined ? rec.id : rec.year);

/** Imports tables (CSV, TSV, semicolon-separated) into a dataset and validates it. */
export function importTables(inputs: TableInput[], options: ImportOptions = {}): ImportResult {
  const issues: ImportIssue[] = [];
  const sections: ImportResult['sections'] = [];
  const dataset: Json = options.base
    ? (JSON.parse(JSON.stringify(options.base)) as Json)
    : emptyDataset(options.asOf ?? '', options.title);
  if (options.base && options.asOf) (dataset.meta as Json).asOf = options.asOf;
  if (!options.base && options.description) (dataset.meta as Json).description = options.description;
  if (!options.base && options.license) (dataset.meta as Json).license = options.license;
  // where each record came from: list key → index → {file, row, read}
  const origin = new Map<string, Map<number, { read: SectionRead; row: number }>>();
  const reads: SectionRead[] = [];
  const positions = new Map<string, Map<unknown, number>>();
  for (const input of inputs) {
    const table = parseTable(input.text, input.name);
    if (table.header.length === 0 || table.rows.length === 0) {
      issues.push({
        severity: 'error',
        file: input.name,
        message: 'expected a header row and at least one row of data, got an empty table',
      });
      continue;
    }
    const section = input.section ?? guessSection(input.name, table.header);
    if (!section) {
      issues.push({
        severity: 'error',
        file: input.name,
        row: 1,
        message: `cannot tell which table this is: name the file after its section (${Object.keys(SECTIONS).join(', ')}) or give its section`,
      });
      continue;
    }
    const read = readSection(table, section, { lang: options.lang });
    reads.push(read);
    issues.push(...read.issues);
    sections.push({ name: input.name, section, records: read.records.length });
    const key = sectionKey[section];
    const list = listAt(dataset, key);
    const at = origin.get(key) ?? new Map();
    origin.set(key, at);
    // where each key already is in the list (a record with the same id, or year, is replaced)
    let where = positions.get(key);
    if (!where) {
      where = new Map();
      list.forEach((x, i) => keyOf(x) !== undefined && where!.set(keyOf(x), i));
      positions.set(key, where);
    }
    read.records.forEach((rec, i) => {
      const k = keyOf(rec);
      const index = k !== undefined && where.has(k) ? where.get(k)! : list.length;
      if (k !== undefined) where.set(k, index);
      list[index] = rec;
      at.set(index, { read, row: read.rows[i]! });
    });
  }
  if (!options.base && !options.asOf)
    issues.push({
      severity: 'error',
      file: 'dataset',
      path: 'meta.asOf',
      message: 'expected the date the data is as of (asOf), got nothing',
    });

  addAlternatives(dataset, reads, issues);
  addUrlSources(dataset, reads, issues);
  addMissingProgrammes(dataset, reads, issues);
  addMissingEntities(dataset, reads, issues);

  const errors = issues.filter((i) => i.severity === 'error');
  const result = parseDataset(dataset);
  if (result.ok)
    return {
      ok: errors.length === 0,
      ...(errors.length ? {} : { data: result.data }),
      dataset,
      issues,
      sections,
    };
  for (const s of result.issues) {
    const cell = cellOf(s.path, origin);
    const issue: ImportIssue = cell
      ? {
          severity: 'error',
          file: cell.read.file,
          row: cell.row,
          ...cell.column,
          message: s.message,
          path: s.path,
        }
      : { severity: 'error', file: 'dataset', message: s.message, path: s.path };
    // a cell already reported by the reader is not reported twice
    if (
      cell &&
      errors.some(
        (e) =>
          e.file === issue.file &&
          e.row === issue.row &&
          (e.column === issue.column || e.column === undefined),
      )
    )
      continue;
    issues.push(issue);
  }
  if (result.total > result.issues.length)
    issues.push({
      severity: 'error',
      file: 'dataset',
      message: `… and ${result.total - result.issues.length} more problems`,
    });
  return { ok: false, dataset, issues, sections };
}

/** `budget[3].amount.sources[0]` → the file, row and column of that value. */
function cellOf(
  path: string,
  origin: Map<string, Map<number, { read: SectionRead; row: number }>>,
): { read: SectionRead; row: number; column?: { column: string; columnIndex: number } } | undefined {
  const m =
    /^(sources|programmes|budget|timeline|places|facilities|cooperants\.(?:posts|entities|totals))\[(\d+)\]\.?(.*)$/.exec(
      path,
    );
  if (!m) return undefined;
  const o = origin.get(m[1]!)?.get(Number(m[2]));
  if (!o) return undefined;
  const rest = m[3]!.split(/[.[\]]+/).filter(Boolean);
  const [a = '', b = ''] = rest;
  const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const candidates: string[] = [];
  if (rest.includes('sources')) candidates.push('sources');
  if ((a === 'amount' || a === 'quantity') && ['currency', 'precision', 'bound', 'max'].includes(b))
    candidates.push(b);
  if (a === 'period' || a === 'planned') candidates.push(`${a}_${b}`);
  if (['start', 'end', 'date'].includes(a) && b === 'precision') candidates.push('precision');
  candidates.push(snake(a), `${snake(a)}_en`, `${snake(a)}_fr`);
  for (const k of candidates) {
    const c = o.read.columns.get(k);
    if (c) return { ...o, column: { column: c.header, columnIndex: c.index } };
  }
  return o;
}

const sectionList = (dataset: Json, read: SectionRead) => listAt(dataset, sectionKey[read.section]);

/** Adds the rows that report another record's figure differently, or its durations, to that record. */
function addAlternatives(dataset: Json, reads: SectionRead[], issues: ImportIssue[]) {
  const byId = new Map<string, Map<unknown, Json>>();
  for (const read of reads)
    for (const alt of read.alternatives) {
      const key = sectionKey[read.section];
      if (!byId.has(key)) byId.set(key, new Map(sectionList(dataset, read).map((r) => [r.id, r])));
      const record = byId.get(key)!.get(alt.of);
      const col = read.columns.get(alt.field === 'duration' ? 'duration_of' : 'alternative_of')!;
      const fail = (message: string) =>
        issues.push({
          severity: 'error',
          file: read.file,
          row: alt.row,
          column: col.header,
          columnIndex: col.index,
          message,
        });
      if (!record) {
        fail(`expected the id of a record of this table, got ${JSON.stringify(alt.of)}`);
        continue;
      }
      if (alt.field === 'duration') {
        record.duration = [...((record.duration as Json[] | undefined) ?? []), alt.report];
        continue;
      }
      if (alt.field === 'coords') {
        record.alternatives = [...((record.alternatives as Json[] | undefined) ?? []), alt.report];
        continue;
      }
      const [a, b] = alt.field.startsWith('planned_')
        ? ['planned', alt.field.slice(8)]
        : [alt.field, undefined];
      const holder = b ? (record[a] as Json | undefined) : record;
      const figure = holder?.[b ?? a] as Json | undefined;
      if (!figure || 'unknown' in figure) {
        fail(
          figure
            ? `expected a record with a known ${alt.field} to add this report to, got ${JSON.stringify(alt.of)} whose ${alt.field} is unknown`
            : `expected a record with a ${alt.field} to add this report to, got ${JSON.stringify(alt.of)} without one`,
        );
        continue;
      }
      figure.alternatives = [...((figure.alternatives as Json[] | undefined) ?? []), alt.report];
    }
}

/** A URL in a `sources` cell becomes a source of its own (publisher: the site's host), with a warning. */
function addUrlSources(dataset: Json, reads: SectionRead[], issues: ImportIssue[]) {
  const sources = dataset.sources as Json[];
  const byUrl = new Map<string, string>();
  let n = 0;
  const visit = (node: unknown, read: SectionRead, row: number) => {
    if (Array.isArray(node)) node.forEach((x) => visit(x, read, row));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node as Json)) {
        if (k === 'sources' && Array.isArray(v))
          v.forEach((s, i) => {
            if (typeof s !== 'string' || !/^https?:\/\//.test(s)) return;
            let id = byUrl.get(s) ?? (sources.find((x) => x.url === s)?.id as string | undefined);
            if (!id) {
              do id = `url-${++n}`;
              while (sources.some((x) => x.id === id));
              let host = s;
              try {
                host = new URL(s).hostname;
              } catch {
                /* kept as written */
              }
              sources.push({ id, title: s, publisher: host, url: s, published: null });
              const col = read.columns.get('sources');
              issues.push({
                severity: 'warning',
                file: read.file,
                row,
                ...(col ? { column: col.header, columnIndex: col.index } : {}),
                message: `the address ${s} became source "${id}", titled by its address and published by ${host}: give it a title, publisher and date in a sources table`,
              });
            }
            byUrl.set(s, id);
            v[i] = id;
          });
        else visit(v, read, row);
      }
  };
  for (const read of reads) read.records.forEach((r, i) => visit(r, read, read.rows[i]!));
  for (const read of reads) read.alternatives.forEach((a) => visit(a.report, read, a.row));
}

/** A programme id used by a table but not defined is added, named by its id, with a warning. */
function addMissingProgrammes(dataset: Json, reads: SectionRead[], issues: ImportIssue[]) {
  const programmes = dataset.programmes as Json[];
  for (const read of reads)
    read.records.forEach((r, i) => {
      const id = r.programme;
      if (typeof id !== 'string' || programmes.some((p) => p.id === id)) return;
      // the sources of the first record of this programme that cites any
      const citing = reads
        .flatMap((x) => x.records)
        .filter((x) => x.programme === id)
        .map((x) => (x.sources ?? (x.amount as Json | undefined)?.sources) as string[] | undefined)
        .find((x) => x?.length);
      const sources = citing ?? [];
      programmes.push({ id, kind: 'programme', short: id, name: { en: id }, sources });
      const col = read.columns.get('programme');
      issues.push({
        severity: 'warning',
        file: read.file,
        row: read.rows[i],
        ...(col ? { column: col.header, columnIndex: col.index } : {}),
        message: `programme "${id}" is not in a programmes table: it is added, named by its id (add a programmes table to name it)`,
      });
    });
}

function addMissingEntities(dataset: Json, reads: SectionRead[], issues: ImportIssue[]) {
  const entities = (dataset.cooperants as Json).entities as Json[];
  for (const read of reads)
    read.records.forEach((r, i) => {
      const id = r.entity;
      if (typeof id !== 'string' || entities.some((e) => e.id === id)) return;
      const named = read.entityNames.get(id);
      entities.push({
        id,
        short: id,
        name: { en: named?.name ?? id },
        sources: named?.sources ?? (r.sources as string[]),
      });
      if (!named) {
        const col = read.columns.get('entity');
        issues.push({
          severity: 'warning',
          file: read.file,
          row: read.rows[i],
          ...(col ? { column: col.header, columnIndex: col.index } : {}),
          message: `entity "${id}" has no name: it is named by its id (add an entity_name column)`,
        });
      }
    });
}
