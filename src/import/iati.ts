/**
 * An IATI activity file (XML, standard 2.0x; the 1.0x forms where they are cheap to read) → a dataset. Every figure
 * cites one source: the IATI file and the activity's identifier. What is not mapped is listed, never dropped silently.
 */
import type { Dataset } from '../schema/dataset';
import { parseDataset } from '../schema/parse';
import { isIsoDate } from '../schema/dates';
import { Currency } from '../schema/quantity';
import { LocalText } from '../schema/text';
import type { ImportIssue } from './issues';
import { child, children, parseXml, textOf, XmlError, type XmlElement } from './xml';

type Json = Record<string, unknown>;
type Local = { fr?: string; en?: string; [lang: string]: string | undefined };

export interface IatiOptions {
  /** File name shown in the source title and in messages. */
  fileName?: string;
  /** Where the file can be downloaded (the source's URL), if known. */
  url?: string;
  /** The dataset's date; default: the activity's last-updated date, else the file's generated date. */
  asOf?: string;
  /**
   * IATI does not say what an activity delivers at a location: the map draws each location as this kind of
   * facility (default `unit`).
   */
  facilityKind?: 'infrastructure' | 'equipment' | 'training' | 'border' | 'unit';
}

/** Something of the file the dataset does not hold, with where it is. */
export interface NotMapped {
  /** Element or attribute path (`iati-activity/sector`). */
  element: string;
  line: number;
  reason: string;
}

export interface IatiResult {
  ok: boolean;
  data?: Dataset;
  dataset: Json;
  issues: ImportIssue[];
  notMapped: NotMapped[];
  /** The IATI elements that were read into the dataset. */
  mapped: string[];
}

const STATUS: Record<string, { en: string; fr: string; facility: string }> = {
  '1': { en: 'Pipeline/identification', fr: 'En préparation', facility: 'planned' },
  '2': { en: 'Implementation', fr: 'En cours', facility: 'in-progress' },
  '3': { en: 'Finalisation', fr: 'En finalisation', facility: 'in-progress' },
  '4': { en: 'Closed', fr: 'Clôturée', facility: 'delivered' },
  '5': { en: 'Cancelled', fr: 'Annulée', facility: 'unknown' },
  '6': { en: 'Suspended', fr: 'Suspendue', facility: 'unknown' },
};
const ROLE: Record<string, { en: string; fr: string }> = {
  '1': { en: 'Funding', fr: 'Financement' },
  '2': { en: 'Accountable', fr: 'Responsable' },
  '3': { en: 'Extending', fr: 'Gestion' },
  '4': { en: 'Implementing', fr: 'Mise en œuvre' },
};
/** 1.0x activity-date types → 2.0x codes. */
const DATE_TYPE: Record<string, string> = {
  'start-planned': '1',
  'start-actual': '2',
  'end-planned': '3',
  'end-actual': '4',
};
/** 1.0x transaction types → 2.0x codes (only commitments are mapped). */
const COMMITMENT = new Set(['2', 'C']);

/** Elements of an activity the importer reads (others are listed as not mapped). */
const MAPPED = [
  'iati-identifier',
  'reporting-org',
  'title',
  'description',
  'participating-org',
  'activity-status',
  'activity-date',
  'location',
  'budget',
  'transaction',
  'document-link',
];

/** The title up to its first colon or dash when that is short (`PARSEC Mopti-Ségou`), else the identifier. */
function shortName(title: Local, identifier: string): string {
  const t = title.en ?? title.fr ?? '';
  const head = t.split(/\s*(?::| - | – )\s*/)[0] ?? '';
  return head && head.length <= 40 && head !== t ? head : t.length <= 40 && t ? t : identifier;
}

/** Children of `location` the importer reads (others are listed as not mapped). */
const LOCATION_READ = [
  'name',
  'description',
  'administrative',
  'point',
  'coordinates',
  'exactness',
  'location-class',
  'feature-designation',
];
/** `: Delegation agreement signed` in the language asked, else the other, else nothing. */
const said = (t: Local | undefined, lang: 'en' | 'fr') => {
  const v = t?.[lang] ?? t?.[lang === 'en' ? 'fr' : 'en'];
  return v ? `: ${v.replace(/\.$/, '')}` : '';
};

/** A currency code the dataset's schema accepts (EUR and XOF, or any ISO 4217 code where the schema allows it). */
const accepted = (code: string) => code !== '' && Currency.safeParse(code).success;
/** A text language the dataset's schema accepts (fr and en, or others where the schema allows them). */
const acceptedLanguage = (lang: string) => LocalText.safeParse({ [lang]: 'x' }).success;

const slug = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+|-+$/g, '') || 'activity';
const day = (s: string | undefined) => (s ? s.slice(0, 10) : undefined);

/** Reads an IATI activity file into a dataset, validated by the dataset schema. */
export function importIati(text: string, options: IatiOptions = {}): IatiResult {
  const file = options.fileName ?? 'activity.xml';
  const notMapped: NotMapped[] = [];
  const issues: ImportIssue[] = [];
  const dataset: Json = {
    meta: { title: { fr: 'Activités IATI', en: 'IATI activities' }, asOf: '' },
    sources: [],
    programmes: [],
    budget: [],
    timeline: [],
    places: [],
    facilities: [],
    cooperants: { entities: [], totals: [], posts: [] },
  };
  const fail = (message: string, line?: number): IatiResult => ({
    ok: false,
    dataset,
    issues: [{ severity: 'error', file, ...(line ? { line } : {}), message }],
    notMapped,
    mapped: [],
  });
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (e) {
    return e instanceof XmlError ? fail(`not readable XML: ${e.message}`, e.line) : fail(String(e));
  }
  const activities =
    root.name === 'iati-activity'
      ? [root]
      : root.name === 'iati-activities'
        ? children(root, 'iati-activity')
        : [];
  if (activities.length === 0)
    return fail(`expected an IATI activity file (<iati-activities> or <iati-activity>), got <${root.name}>`);
  const version = root.attrs.version ?? '';
  const generated = day(root.attrs['generated-datetime']);
  const mapped = new Set<string>();
  activities.forEach((a, i) => readActivity(a, i, { dataset, notMapped, mapped, file, version, options }));
  const first = activities[0]!;
  const title = (dataset.programmes as Json[])[0]?.name as Local | undefined;
  const meta = dataset.meta as Json;
  if (activities.length === 1 && title) meta.title = title;
  const description = (dataset.programmes as Json[])[0]?.area as Local | undefined;
  if (activities.length === 1 && description) meta.description = description;
  meta.asOf = options.asOf ?? day(first.attrs['last-updated-datetime']) ?? generated ?? '';
  if (!meta.asOf)
    issues.push({
      severity: 'error',
      file,
      message: 'no date to give the data: the file has no last-updated or generated date (give asOf)',
    });

  if ((dataset.facilities as Json[]).length)
    issues.push({
      severity: 'warning',
      file,
      message: `each location is drawn on the map as the activity at that place, as a facility of kind "${options.facilityKind ?? 'unit'}": IATI does not say what is delivered there (option facilityKind)`,
    });
  const result = parseDataset(dataset);
  if (!result.ok)
    issues.push(
      ...result.issues.map((s) => ({ severity: 'error' as const, file, path: s.path, message: s.message })),
    );
  for (const n of notMapped)
    issues.push({
      severity: 'warning',
      file,
      line: n.line,
      message: `not mapped: ${n.element} — ${n.reason}`,
    });
  const ok = result.ok && !issues.some((i) => i.severity === 'error');
  return {
    ok,
    ...(ok && result.ok ? { data: result.data } : {}),
    dataset,
    issues,
    notMapped,
    mapped: [...mapped],
  };
}

interface Ctx {
  dataset: Json;
  notMapped: NotMapped[];
  mapped: Set<string>;
  file: string;
  version: string;
  options: IatiOptions;
}

function readActivity(a: XmlElement, index: number, ctx: Ctx) {
  const { dataset, notMapped, mapped } = ctx;
  const lang = (a.attrs['xml:lang'] ?? 'en').toLowerCase();
  const skip = (el: XmlElement, reason: string, path = `iati-activity/${el.name}`) =>
    notMapped.push({ element: path, line: el.line, reason });

  /** Texts of an element by language: 2.0x `<narrative xml:lang>`, 1.0x the element's own text. */
  const texts = (els: XmlElement | XmlElement[] | undefined, path: string): Local | undefined => {
    const list = Array.isArray(els) ? els : els ? [els] : [];
    // 1.0x repeats the element once per language
    const parts: [string, string, XmlElement][] = list.flatMap((el): [string, string, XmlElement][] => {
      const narratives = children(el, 'narrative');
      return narratives.length
        ? narratives.map((n) => [(n.attrs['xml:lang'] ?? lang).toLowerCase(), textOf(n), n])
        : [[(el.attrs['xml:lang'] ?? lang).toLowerCase(), textOf(el), el]];
    });
    const out: Local = {};
    for (const [l, t, n] of parts) {
      if (!t) continue;
      const base = l.split('-')[0]!;
      if (base === 'fr' || base === 'en') {
        if (!out[base]) out[base] = t;
      } else if (acceptedLanguage(l)) {
        // other languages where the dataset format holds them
        if (!out[l]) out[l] = t;
      } else
        skip(n, `text in "${l}": a language the dataset format does not hold («${t.slice(0, 60)}»)`, path);
    }
    return out.fr || out.en ? out : undefined;
  };
  /** A name that is the same in every language (an organisation): the narrative of each language, else the first. */
  const name = (el: XmlElement, path: string): Local => {
    const t = texts(el, path) ?? {};
    const any = t.en ?? t.fr ?? el.attrs.ref ?? '';
    return { fr: t.fr ?? any, en: t.en ?? any };
  };

  const identifierEl = child(a, 'iati-identifier');
  const identifier = textOf(identifierEl) || a.attrs['iati-identifier'] || `activity-${index + 1}`;
  mapped.add('iati-identifier');
  const pid = slug(identifier);
  const sourceId = `iati-${index + 1}`;
  const src = [sourceId];

  // the source every figure cites: the file and the activity identifier
  const reporting = child(a, 'reporting-org');
  const publisher = reporting ? name(reporting, 'iati-activity/reporting-org') : undefined;
  if (reporting) mapped.add('reporting-org');
  (dataset.sources as Json[]).push({
    id: sourceId,
    title: `IATI activity ${identifier} (${ctx.file}${ctx.version ? `, IATI ${ctx.version}` : ''})`,
    publisher: publisher?.en || publisher?.fr || reporting?.attrs.ref || 'IATI publisher not stated',
    url: ctx.options.url && /^https?:\/\//.test(ctx.options.url) ? ctx.options.url : null,
    language: lang,
    published: day(a.attrs['last-updated-datetime']) ?? null,
  });
  // documents: sources of their own (cited by the programme)
  const docIds: string[] = [];
  children(a, 'document-link').forEach((d, j) => {
    mapped.add('document-link');
    const url = d.attrs.url ?? '';
    if (!/^https?:\/\//.test(url))
      return skip(d, `document without an http(s) address (${JSON.stringify(url)})`);
    const t = texts(child(d, 'title'), 'iati-activity/document-link/title');
    const published = day(child(d, 'document-date')?.attrs['iso-date']);
    const id = `${sourceId}-doc-${j + 1}`;
    docIds.push(id);
    (dataset.sources as Json[]).push({
      id,
      title: t?.en ?? t?.fr ?? url,
      publisher: publisher?.en || publisher?.fr || 'IATI publisher not stated',
      url,
      ...(child(d, 'language')?.attrs.code ? { language: child(d, 'language')!.attrs.code } : {}),
      published: published && isIsoDate(published) ? published : null,
    });
  });

  // the programme: title, description, participating organisations, status
  const title = texts(children(a, 'title'), 'iati-activity/title') ?? { en: identifier };
  mapped.add('title');
  const descriptions = children(a, 'description');
  const general = descriptions.filter((d) => (d.attrs.type ?? '1') === '1');
  const description = texts(general, 'iati-activity/description');
  if (general.length) mapped.add('description');
  for (const d of descriptions)
    if (!general.includes(d))
      skip(d, `description of type ${d.attrs.type} (only the general description, type 1, is read)`);
  const orgs = children(a, 'participating-org').map((o) => {
    mapped.add('participating-org');
    const role = ROLE[o.attrs.role ?? ''] ?? {
      en: o.attrs.role ?? 'Participating',
      fr: o.attrs.role ?? 'Participant',
    };
    return { role: o.attrs.role ?? '', words: role, name: name(o, 'iati-activity/participating-org') };
  });
  const implementers = orgs.filter((o) => o.role === '4' || o.role === 'Implementing');
  const others = orgs.filter((o) => !implementers.includes(o));
  const statusEl = child(a, 'activity-status');
  const status = statusEl ? STATUS[statusEl.attrs.code ?? ''] : undefined;
  if (statusEl) {
    if (status) mapped.add('activity-status');
    else skip(statusEl, `activity-status code ${JSON.stringify(statusEl.attrs.code)} is not in the codelist`);
  }
  const noteEn = [
    ...others.map((o) => `${o.words.en}: ${o.name.en}`),
    ...(status ? [`Status: ${status.en}`] : []),
    `IATI identifier ${identifier}`,
  ].join('. ');
  const noteFr = [
    ...others.map((o) => `${o.words.fr} : ${o.name.fr}`),
    ...(status ? [`Statut : ${status.fr}`] : []),
    `identifiant IATI ${identifier}`,
  ].join('. ');
  (dataset.programmes as Json[]).push({
    id: pid,
    kind: 'programme',
    short: shortName(title, identifier),
    name: title,
    reference: identifier,
    ...(implementers.length
      ? {
          implementers: {
            fr: implementers.map((o) => o.name.fr).join(', '),
            en: implementers.map((o) => o.name.en).join(', '),
          },
        }
      : {}),
    ...(description ? { area: description } : {}),
    note: { en: `${noteEn}.`, fr: `${noteFr}.` },
    sources: [...src, ...docIds],
  });

  // budget: the commitments as the total, each budget period as a line of its own with its period
  const currencyOf = (v: XmlElement | undefined) =>
    (v?.attrs.currency ?? a.attrs['default-currency'] ?? '').toUpperCase();
  const amountOf = (v: XmlElement | undefined) => {
    const t = textOf(v).replace(/\s/g, '');
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  };
  const commitments: { amount: number; currency: string; date?: string; text?: Local }[] = [];
  const otherTransactions = new Map<string, XmlElement[]>();
  for (const t of children(a, 'transaction')) {
    mapped.add('transaction');
    const type = child(t, 'transaction-type')?.attrs.code ?? '';
    const v = child(t, 'value');
    if (COMMITMENT.has(type) && amountOf(v) >= 0)
      commitments.push({
        amount: amountOf(v),
        currency: currencyOf(v),
        date: day(child(t, 'transaction-date')?.attrs['iso-date']),
        text: texts(child(t, 'description'), 'iati-activity/transaction/description'),
      });
    else otherTransactions.set(type, [...(otherTransactions.get(type) ?? []), t]);
  }
  for (const [type, list] of otherTransactions)
    skip(
      list[0]!,
      `${list.length} transaction(s) of type ${type} (disbursements, expenditures…): the dataset holds budgets, not cash flows`,
      'iati-activity/transaction',
    );
  const currencies = new Set(commitments.map((c) => c.currency));
  const budgetEls = children(a, 'budget');
  const totalId = `${pid}-total`;
  const budget = dataset.budget as Json[];
  if (budgetEls.length || commitments.length) {
    let total: Json;
    if (commitments.length && currencies.size === 1 && accepted([...currencies][0]!)) {
      const sum = commitments.reduce((s, c) => s + c.amount, 0);
      total = {
        amount: sum,
        currency: [...currencies][0],
        precision: commitments.length === 1 ? 'exact' : 'derived',
        sources: src,
        note:
          commitments.length === 1
            ? {
                en: `Commitment of ${commitments[0]!.date ?? 'undated'} (IATI transaction type 2)${said(commitments[0]!.text, 'en')}.`,
                fr: `Engagement du ${commitments[0]!.date ?? 'date non précisée'} (transaction IATI de type 2)${said(commitments[0]!.text, 'fr')}.`,
              }
            : {
                en: `Sum of ${commitments.length} commitments (IATI transaction type 2).`,
                fr: `Somme de ${commitments.length} engagements (transactions IATI de type 2).`,
              },
      };
    } else {
      if (commitments.length)
        skip(
          child(a, 'transaction')!,
          currencies.size > 1
            ? `commitments in ${[...currencies].join(', ')}: amounts in different currencies are not added up`
            : `commitments in ${[...currencies].join(', ')}: a currency the dataset format does not accept`,
          'iati-activity/transaction',
        );
      total = {
        unknown: true,
        sources: src,
        note: {
          en: 'The IATI file gives budgets by period but no commitment: the periods are not added up into a total.',
          fr: 'Le fichier IATI donne des budgets par période mais aucun engagement : les périodes ne sont pas additionnées en un total.',
        },
      };
    }
    budget.push({ id: totalId, programme: pid, parent: null, label: title, amount: total });
  }
  // one line per period: the revised budget drawn, the original kept as an alternative
  const periods = new Map<
    string,
    { start?: string; end?: string; original?: Json; revised?: Json; el: XmlElement }
  >();
  for (const b of budgetEls) {
    mapped.add('budget');
    const v = child(b, 'value');
    const currency = currencyOf(v);
    const amount = amountOf(v);
    const start = day(child(b, 'period-start')?.attrs['iso-date']);
    const end = day(child(b, 'period-end')?.attrs['iso-date']);
    if (!accepted(currency)) {
      skip(
        b,
        `budget ${start ?? '?'} – ${end ?? '?'} in ${currency || 'no currency'}: a currency the dataset format does not accept`,
      );
      continue;
    }
    if (!(amount >= 0)) {
      skip(
        b,
        `budget ${start ?? '?'} – ${end ?? '?'} with value ${JSON.stringify(textOf(v))}: not an amount ≥ 0`,
      );
      continue;
    }
    const revised = b.attrs.type === '2';
    const statusWord =
      b.attrs.status === '2' ? { en: 'committed', fr: 'engagé' } : { en: 'indicative', fr: 'indicatif' };
    const valueDate = v?.attrs['value-date'];
    const report: Json = {
      amount,
      currency,
      precision: 'exact',
      sources: src,
      note: {
        en: `${revised ? 'Revised' : 'Original'} budget, ${statusWord.en}${valueDate ? `, value date ${valueDate}` : ''} (IATI).`,
        fr: `Budget ${revised ? 'révisé' : 'initial'}, ${statusWord.fr}${valueDate ? `, valeur au ${valueDate}` : ''} (IATI).`,
      },
    };
    const key = `${start}|${end}`;
    const p = periods.get(key) ?? { start, end, el: b };
    if (revised) p.revised = report;
    else p.original = report;
    periods.set(key, p);
  }
  let n = 0;
  for (const p of periods.values()) {
    const drawn = p.revised ?? p.original!;
    const amount = p.revised && p.original ? { ...drawn, alternatives: [p.original] } : drawn;
    const range = `${p.start ?? '…'} – ${p.end ?? '…'}`;
    budget.push({
      id: `${pid}-budget-${++n}`,
      programme: pid,
      parent: budget.some((b) => b.id === totalId) ? totalId : null,
      label: { en: `Budget ${range}`, fr: `Budget ${range}` },
      amount,
      ...(p.start || p.end
        ? {
            period: {
              ...(p.start && isIsoDate(p.start) ? { start: p.start } : {}),
              ...(p.end && isIsoDate(p.end) ? { end: p.end } : {}),
            },
          }
        : {}),
      note: {
        en: 'One budget period of the IATI file: successive periods are parts of the activity over time, not amounts to compare as shares of one year.',
        fr: 'Une période budgétaire du fichier IATI : les périodes successives se suivent dans le temps, ce ne sont pas des parts d’une même année.',
      },
    });
  }

  // dates: one phase, the reported (actual) dates drawn, the planned ones beside them
  const dates: Record<string, string> = {};
  const dateTexts: Record<string, Local | undefined> = {};
  for (const d of children(a, 'activity-date')) {
    mapped.add('activity-date');
    const type = DATE_TYPE[d.attrs.type ?? ''] ?? d.attrs.type ?? '';
    const iso = day(d.attrs['iso-date'] ?? textOf(d));
    if (!iso || !isIsoDate(iso) || !['1', '2', '3', '4'].includes(type)) {
      skip(
        d,
        `activity-date type ${JSON.stringify(d.attrs.type)} dated ${JSON.stringify(d.attrs['iso-date'])} is not read`,
      );
      continue;
    }
    dates[type] = iso;
    dateTexts[type] = texts(d, 'iati-activity/activity-date/narrative');
  }
  const known = (value: string, note?: Local) => ({
    value,
    precision: 'exact',
    sources: src,
    ...(note ? { note } : {}),
  });
  /** A date with the text the file gives it (`Launch in Bamako`) as its note. */
  const dated = (type: string, note?: Local) => {
    const t = dateTexts[type];
    const merged = t || note ? { ...(note ?? {}), ...(t ?? {}) } : undefined;
    if (t && note)
      for (const l of ['en', 'fr'] as const) if (note[l] && t[l]) merged![l] = `${note[l]} ${t[l]}`;
    return known(dates[type]!, merged);
  };
  const start = dates['2']
    ? dated('2')
    : dates['1']
      ? dated('1', {
          en: 'Planned start: no actual start is reported.',
          fr: 'Début prévu : aucun début effectif n’est déclaré.',
        })
      : undefined;
  const end = dates['4']
    ? dated('4')
    : {
        unknown: true,
        sources: src,
        note: dates['3']
          ? {
              en: `No actual end reported; planned end ${dates['3']}.`,
              fr: `Aucune fin effective déclarée ; fin prévue le ${dates['3']}.`,
            }
          : { en: 'No end date reported.', fr: 'Aucune date de fin déclarée.' },
      };
  if (start)
    (dataset.timeline as Json[]).push({
      id: `${pid}-activity`,
      programme: pid,
      kind: 'phase',
      // the programme's row above it carries the title
      label: { en: 'Whole activity (IATI dates)', fr: 'Ensemble de l’activité (dates IATI)' },
      start,
      end,
      ...(dates['1'] || dates['3']
        ? {
            planned: {
              ...(dates['1'] ? { start: dated('1') } : {}),
              ...(dates['3'] ? { end: dated('3') } : {}),
            },
          }
        : {}),
      sources: src,
    });

  // locations: places of the gazetteer, and the activity drawn at each
  children(a, 'location').forEach((l, j) => {
    mapped.add('location');
    const pos = textOf(child(child(l, 'point'), 'pos'))
      .split(/\s+/)
      .map(Number);
    const coords = child(l, 'coordinates'); // 1.0x
    const lat = coords ? Number(coords.attrs.latitude) : pos[0];
    const lon = coords ? Number(coords.attrs.longitude) : pos[1];
    if (!(
      lat !== undefined &&
      lon !== undefined &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180 &&
      pos.length <= 2
    ))
      return skip(
        l,
        `location ${textOf(child(l, 'name')) || l.attrs.ref || j + 1} has no point (lat lon): it cannot be placed`,
      );
    const exactness =
      child(l, 'exactness')?.attrs.code ??
      (coords ? (['1', '2'].includes(coords.attrs.precision ?? '') ? '1' : '2') : '');
    const locationClass = child(l, 'location-class')?.attrs.code;
    const feature = child(l, 'feature-designation')?.attrs.code ?? '';
    const placeName = texts(child(l, 'name'), 'iati-activity/location/name') ?? {
      en: l.attrs.ref ?? `Location ${j + 1}`,
    };
    const id = `${pid}-${slug(l.attrs.ref ?? `location-${j + 1}`).toLowerCase()}`;
    const locDescription = texts(child(l, 'description'), 'iati-activity/location/description');
    for (const c of children(l))
      if (!LOCATION_READ.includes(c.name))
        skip(c, 'not part of the dataset format', `iati-activity/location/${c.name}`);
    const admin = children(l, 'administrative').find((x) => x.attrs.level === '1');
    (dataset.places as Json[]).push({
      id,
      name: placeName,
      kind:
        feature === 'PPLC'
          ? 'capital'
          : /^PPLA$/.test(feature)
            ? 'regional-capital'
            : /^AIR/.test(feature)
              ? 'airport'
              : 'town',
      lat,
      lon,
      precision: exactness === '1' ? 'exact' : 'approx',
      admin1: textOf(admin) || '',
      note: {
        en: `IATI location${l.attrs.ref ? ` ${l.attrs.ref}` : ''}; exactness ${exactness === '1' ? 'exact' : exactness === '2' ? 'approximate' : 'not stated'}${admin ? `; first-level division ${admin.attrs.vocabulary ?? ''} ${admin.attrs.code ?? ''}`.trimEnd() : ''}.`,
        fr: `Lieu IATI${l.attrs.ref ? ` ${l.attrs.ref}` : ''} ; exactitude ${exactness === '1' ? 'exacte' : exactness === '2' ? 'approximative' : 'non précisée'}${admin ? ` ; division de premier niveau ${admin.attrs.vocabulary ?? ''} ${admin.attrs.code ?? ''}`.trimEnd() : ''}.`,
      },
      sources: src,
    });
    (dataset.facilities as Json[]).push({
      id: `${id}-activity`,
      programme: pid,
      kind: ctx.options.facilityKind ?? 'unit',
      label: title,
      place: id,
      placePrecision: locationClass === '1' ? 'region' : exactness === '1' ? 'town' : 'approx',
      ...(locDescription ? { placeNote: locDescription } : {}),
      status: status?.facility ?? 'unknown',
      ...(description ? { note: description } : {}),
      sources: src,
    });
  });

  for (const el of children(a)) if (!MAPPED.includes(el.name)) skip(el, 'not part of the dataset format');
  for (const attr of Object.keys(a.attrs))
    if (!['xml:lang', 'default-currency', 'last-updated-datetime'].includes(attr))
      notMapped.push({
        element: `iati-activity/@${attr}`,
        line: a.line,
        reason: `attribute ${attr}="${a.attrs[attr]}" is not part of the dataset format`,
      });
}
