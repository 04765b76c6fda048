import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectBudgetTree } from '../select/budget-tree';
import { selectFacilityPoints } from '../select/facility-points';
import { selectPhaseRows } from '../select/phase-rows';
import { importIati } from './iati';

const fixture = readFileSync(
  new URL('../../test/fixtures/iati/eutf-mopti-activity.xml', import.meta.url),
  'utf8',
);
const r = importIati(fixture, { fileName: 'eutf-mopti-activity.xml' });
const pid = 'XI-IATI-EC_INTPA-T05-EUTF-SAH-ML-07';

describe('importIati: an EU Trust Fund activity (IATI 2.03)', () => {
  it('becomes a valid dataset', () => {
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.mapped.sort()).toEqual(
      [
        'activity-date',
        'activity-status',
        'budget',
        'description',
        'document-link',
        'iati-identifier',
        'location',
        'participating-org',
        'reporting-org',
        'title',
        'transaction',
      ].sort(),
    );
  });

  it('keeps title and description in both languages, the organisations and the status', () => {
    const d = r.data!;
    const p = d.programmes[0]!;
    expect(p.id).toBe(pid);
    expect(p.short).toBe('PARSEC Mopti-Ségou');
    expect(p.name.fr).toMatch(/^PARSEC Mopti-Ségou : programme d'appui/);
    expect(p.name.en).toMatch(/^PARSEC Mopti-Ségou: support programme/);
    expect(p.area!.fr).toMatch(/^Améliorer le contrôle du territoire/);
    expect(d.meta).toMatchObject({ title: p.name, description: p.area, asOf: '2021-03-15' });
    expect(p.implementers).toEqual({ fr: 'Expertise France', en: 'Expertise France' });
    expect(p.note!.en).toContain('Funding: European Union - EU Trust Fund for Africa');
    expect(p.note!.fr).toContain(
      "Financement : Union européenne - Fonds fiduciaire d'urgence pour l'Afrique",
    );
    expect(p.note!.en).toContain('Status: Implementation');
  });

  it('cites the file and the activity identifier for every figure; documents and the reporting organisation are sources', () => {
    const d = r.data!;
    expect(d.sources[0]).toEqual({
      id: 'iati-1',
      title: `IATI activity ${pid} (eutf-mopti-activity.xml, IATI 2.03)`,
      publisher: 'European Commission - International Partnerships',
      url: null,
      language: 'en',
      published: '2021-03-15',
    });
    expect(d.sources.slice(1).map((s) => [s.url, s.language, s.published])).toEqual([
      [
        'https://ec.europa.eu/trustfundforafrica/sites/default/files/t05-eutf-sah-ml-07_fr.pdf',
        'fr',
        '2017-01-30',
      ],
      ['https://ec.europa.eu/trustfundforafrica/region/sahel-lake-chad/mali/parsec-mopti-segou', 'en', null],
    ]);
    const cited = JSON.stringify([d.budget, d.timeline, d.places, d.facilities]).match(
      /"sources":\[[^\]]*\]/g,
    )!;
    expect(new Set(cited)).toEqual(new Set(['"sources":["iati-1"]']));
  });

  it('reads budgets by period: the commitment as the total, one line per period, the revision with the original beside it', () => {
    const b = r.data!.budget;
    expect(b.map((l) => [l.parent, 'amount' in l.amount ? l.amount.amount : null, l.period])).toEqual([
      [null, 29000000, undefined],
      [`${pid}-total`, 14000000, { start: '2017-01-30', end: '2018-12-31' }],
      [`${pid}-total`, 15500000, { start: '2019-01-01', end: '2020-07-30' }],
    ]);
    expect(b[0]!.amount).toMatchObject({
      note: { en: 'Commitment of 2017-01-30 (IATI transaction type 2): Delegation agreement signed.' },
    });
    expect(b[2]!.amount).toMatchObject({
      alternatives: [{ amount: 15000000, note: { en: expect.stringMatching(/^Original budget/) } }],
    });
    const tree = selectBudgetTree(r.data!);
    expect(JSON.stringify(tree)).toContain('"period":{"start":"2019-01-01","end":"2020-07-30"}');
  });

  it('with no commitment, leaves the total unknown and the periods not comparable as shares of one whole', () => {
    const noCommitment = fixture.replace(
      /<transaction>\s*<transaction-type code="2"\/>[\s\S]*?<\/transaction>/,
      '',
    );
    const n = importIati(noCommitment, { fileName: 'x.xml' });
    expect(n.ok).toBe(true);
    expect(n.data!.budget[0]!.amount).toMatchObject({ unknown: true });
    type Node = { id: string; partsComparable: boolean; children: Node[] };
    const find = (node: Node): Node | undefined =>
      node.id === `${pid}-total` ? node : node.children.map(find).find(Boolean);
    const total = find(selectBudgetTree(n.data!) as unknown as Node)!;
    expect(total.children).toHaveLength(2);
    expect(total.partsComparable).toBe(false);
  });

  it('draws the activity as a phase with its actual start and its planned start and end', () => {
    const t = r.data!.timeline[0]!;
    expect(t).toMatchObject({
      kind: 'phase',
      label: { en: 'Whole activity (IATI dates)' },
      start: { value: '2017-03-03', precision: 'exact', note: { en: 'Launch in Bamako' } },
      end: { unknown: true, note: { en: 'No actual end reported; planned end 2020-07-30.' } },
      planned: { start: { value: '2017-01-30' }, end: { value: '2020-07-30' } },
    });
    const rows = selectPhaseRows(r.data!);
    expect(JSON.stringify(rows)).toContain('2017-03-03');
  });

  it('places the two locations with their exactness, and the activity at each', () => {
    const d = r.data!;
    expect(d.places.map((p) => [p.name, p.kind, p.lat, p.lon, p.precision])).toEqual([
      [{ en: 'Mopti' }, 'regional-capital', 14.4958, -4.1986, 'exact'],
      [{ en: 'Segou', fr: 'Ségou' }, 'regional-capital', 13.4317, -6.2157, 'approx'],
    ]);
    expect(d.facilities.map((f) => [f.place, f.placePrecision, f.status, f.note?.en?.slice(0, 20)])).toEqual([
      [d.places[0]!.id, 'town', 'in-progress', 'Improve the control '],
      [d.places[1]!.id, 'approx', 'in-progress', 'Improve the control '],
    ]);
    expect(selectFacilityPoints(d, { region: 'mali' } as never)).toBeTruthy();
  });

  it('lists what it does not map, with its line', () => {
    const elements = r.notMapped.map((n) => n.element);
    for (const e of [
      'iati-activity/sector',
      'iati-activity/recipient-country',
      'iati-activity/result',
      'iati-activity/contact-info',
      'iati-activity/transaction',
      'iati-activity/description',
      'iati-activity/location/location-id',
      'iati-activity/location/location-reach',
    ])
      expect(elements).toContain(e);
    expect(r.notMapped.find((n) => n.element === 'iati-activity/transaction')).toMatchObject({
      line: 100,
      reason: expect.stringContaining('type 3'),
    });
    expect(r.issues.filter((i) => i.severity === 'warning').length).toBe(r.notMapped.length + 1);
  });
});

describe('importIati: other inputs', () => {
  it('reads the 1.0x forms (texts without narrative, named date types, coordinates)', () => {
    const v1 = `<iati-activities version="1.05"><iati-activity xml:lang="fr" default-currency="XOF" last-updated-datetime="2014-05-01T00:00:00">
      <iati-identifier>FR-3-CZZ-1234</iati-identifier>
      <reporting-org ref="FR-3">Agence française de développement</reporting-org>
      <title>Appui à la sécurité</title><title xml:lang="en">Security support</title><title xml:lang="es">Apoyo</title><title xml:lang="x-pig-latin">Upportsay</title>
      <activity-date type="start-planned" iso-date="2012-01-01"/><activity-date type="end-actual" iso-date="2013-12-31"/>
      <location><name>Bamako</name><coordinates latitude="12.6392" longitude="-8.0029" precision="3"/></location>
      <budget><period-start iso-date="2012-01-01"/><period-end iso-date="2012-12-31"/><value>650000000</value></budget>
      <budget><period-start iso-date="2013-01-01"/><period-end iso-date="2013-12-31"/><value currency="USD">1000000</value></budget>
    </iati-activity></iati-activities>`;
    const v = importIati(v1, { fileName: 'v1.xml' });
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const d = v.data!;
    expect(d.programmes[0]!.name).toMatchObject({ fr: 'Appui à la sécurité', en: 'Security support' });
    // Spanish where the format holds more languages than French and English, else listed; never dropped
    const es = (d.programmes[0]!.name as Record<string, string>).es;
    expect(es === 'Apoyo' || v.notMapped.some((n) => n.reason.startsWith('text in "es"'))).toBe(true);
    expect(d.sources[0]!.publisher).toBe('Agence française de développement');
    expect(d.timeline[0]).toMatchObject({
      start: { value: '2012-01-01', note: { en: expect.stringMatching(/^Planned start/) } },
      end: { value: '2013-12-31' },
    });
    expect(d.places[0]).toMatchObject({ lat: 12.6392, lon: -8.0029, precision: 'approx', kind: 'town' });
    // no commitment: the total is unknown, never the sum of the periods
    expect(d.budget[0]!.amount).toMatchObject({ unknown: true });
    const lines = d.budget.slice(1).map((b) => 'amount' in b.amount && [b.amount.amount, b.amount.currency]);
    expect(lines[0]).toEqual([650000000, 'XOF']);
    // a USD budget: a line where the format accepts the currency, else listed as not mapped; never dropped
    expect(
      lines.some((l) => l && (l[1] as string) === 'USD') ||
        v.notMapped.some((n) => n.reason.includes('in USD: a currency the dataset format does not accept')),
    ).toBe(true);
    expect(v.notMapped.map((n) => n.reason).join('\n')).toMatch(
      /text in "x-pig-latin": a language the dataset format does not hold/,
    );
  });

  it('reads several activities of one file as several programmes, each citing its own activity', () => {
    const one = fixture.slice(fixture.indexOf('<iati-activity '), fixture.indexOf('</iati-activities>'));
    const two = one.replace(/T05-EUTF-SAH-ML-07/g, 'T05-EUTF-SAH-ML-08');
    const m = importIati(`<iati-activities version="2.03">${one}${two}</iati-activities>`, {
      fileName: 'two.xml',
    });
    expect(m.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(m.data!.programmes.map((p) => p.sources[0])).toEqual(['iati-1', 'iati-2']);
    expect(m.data!.sources.filter((s) => s.id.match(/^iati-\d$/)).map((s) => s.title)).toEqual([
      'IATI activity XI-IATI-EC_INTPA-T05-EUTF-SAH-ML-07 (two.xml, IATI 2.03)',
      'IATI activity XI-IATI-EC_INTPA-T05-EUTF-SAH-ML-08 (two.xml, IATI 2.03)',
    ]);
    expect(m.data!.places).toHaveLength(4);
    expect(m.data!.meta.title).toEqual({ fr: 'Activités IATI', en: 'IATI activities' });
  });

  it('refuses what is not an IATI activity file, with the line', () => {
    expect(importIati('<a><b></a>').issues[0]!.message).toMatch(/not readable XML: line 1: <\/a> closes <b>/);
    expect(importIati('<rss/>').issues[0]!.message).toMatch(/expected an IATI activity file/);
  });
});
