import { describe, expect, it } from 'vitest';
import { importTables } from './assemble';
import { SECTIONS } from './columns';
import { formatIssue } from './issues';
import { setCell } from './table';

const sources =
  'id,title,publisher,url,published\nS1,Action document,EU Trust Fund,https://example.org/a.pdf,2017-01-30\n';
const programmes =
  'id;short;nom (fr);name (en);sources\nparsec;PARSEC;PARSEC Mopti-Ségou;PARSEC Mopti-Segou;S1\n';
const budget = [
  'id,programme,parent,label_fr,label_en,amount,currency,precision,bound,sources',
  'total,parsec,,Total,Total,29000000,EUR,exact,,S1',
  'diag,parsec,total,Diagnostic,Diagnostic,700000,EUR,approx,about,S1',
  'plane,parsec,total,Avion,Aircraft,5000000,EUR,exact,,S1',
  'a,parsec,total,A,A,1,EUR,exact,,S1',
  'b,parsec,total,B,B,2,EUR,exact,,S1',
  'bad,parsec,total,Mauvais,Bad,"12,5 M",EUR,exact,,S1',
].join('\n');

describe('importTables', () => {
  it('imports sections into a valid dataset, headers in French or English, any delimiter', () => {
    const good = budget.split('\n').slice(0, 6).join('\n');
    const r = importTables(
      [
        { name: 'sources.csv', text: sources },
        { name: 'programmes.csv', text: programmes },
        { name: 'budget.csv', text: good },
      ],
      { asOf: '2024-01-01' },
    );
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.data!.programmes[0]!.name).toEqual({ fr: 'PARSEC Mopti-Ségou', en: 'PARSEC Mopti-Segou' });
    expect(r.data!.budget).toHaveLength(5);
    expect(r.data!.budget[1]!.amount).toEqual({
      amount: 700000,
      currency: 'EUR',
      precision: 'approx',
      bound: 'about',
      sources: ['S1'],
    });
    expect(r.sections.map((s) => s.section)).toEqual(['sources', 'programmes', 'budget']);
  });

  it('points at the cell, offers the fix, and the fixed table imports', () => {
    const inputs = [
      { name: 'sources.csv', text: sources },
      { name: 'programmes.csv', text: programmes },
      { name: 'budget.csv', text: budget },
    ];
    const r = importTables(inputs, { asOf: '2024-01-01' });
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    const [e] = errors;
    expect(formatIssue(e!)).toBe(
      'budget.csv row 7, column "amount": expected a number ≥ 0, got "12,5 M" — offered fix: "12500000" (decimal comma read as a point; "m" read as × million)',
    );
    // the fix is the caller's to apply
    const fixed = setCell(budget, e!.row!, e!.columnIndex!, e!.fix!.value, 'budget.csv');
    const again = importTables([inputs[0]!, inputs[1]!, { name: 'budget.csv', text: fixed }], {
      asOf: '2024-01-01',
    });
    expect(again.ok).toBe(true);
    expect(again.data!.budget.find((b) => b.id === 'bad')!.amount).toMatchObject({ amount: 12500000 });
  });

  it('reports schema problems (unknown references, bad vocabularies) at their cells', () => {
    const r = importTables(
      [
        { name: 'sources.csv', text: sources },
        { name: 'programmes.csv', text: programmes },
        {
          name: 'budget.csv',
          text: 'id,programme,label,amount,currency,sources\nx,parsec,X,5,E$,S9\ny,parsec,Y,5,eur,S1\ny,parsec,Z,6,EUR,S1\n',
        },
      ],
      { asOf: '2024-01-01' },
    );
    expect(r.issues.map(formatIssue)).toContain(
      'budget.csv row 2, column "currency": expected a currency code the dataset accepts, like EUR or XOF, got "E$"',
    );
    const refs = importTables(
      [
        { name: 'sources.csv', text: sources },
        { name: 'programmes.csv', text: programmes },
        {
          name: 'budget.csv',
          text: 'id,programme,parent,label,amount,currency,sources\nx,parsec,,X,5,EUR,S1\nz,parsec,nowhere,Z,5,EUR,S1; S9\n',
        },
      ],
      { asOf: '2024-01-01' },
    );
    expect(refs.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([
      'budget.csv row 3, column "sources": expected the id of one of the sources, got "S9"',
      'budget.csv row 3, column "parent": expected the id of one of the budget lines, got "nowhere"',
    ]);
    // the second y replaces the first (same id in the same section)
    expect(r.dataset.budget).toHaveLength(2);
  });

  it('keeps unknown amounts explicit, conflicting reports as alternatives, and URLs as sources', () => {
    const r = importTables(
      [
        { name: 'programmes.csv', text: 'id,short,name,sources\np,P,Prog,https://example.org/p\n' },
        {
          name: 'budget.csv',
          text: [
            'id,programme,label,amount,currency,precision,bound,sources,alternative_of',
            't,p,Total,29000000,EUR,exact,,https://example.org/p,',
            ',p,,43000000,EUR,exact,,https://example.org/civipol,t',
            'u,p,Unknown part,inconnu,,,,,',
          ].join('\n'),
        },
      ],
      { asOf: '2024-01-01' },
    );
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    const t = r.data!.budget[0]!.amount as { alternatives?: unknown[]; sources: string[] };
    expect(t.sources).toEqual(['url-1']);
    expect(t.alternatives).toEqual([
      { amount: 43000000, currency: 'EUR', precision: 'exact', sources: ['url-2'] },
    ]);
    expect(r.data!.budget[1]!.amount).toEqual({ unknown: true });
    expect(r.data!.sources.map((s) => s.publisher)).toEqual(['example.org', 'example.org']);
    expect(r.issues.filter((i) => i.severity === 'warning').map((i) => i.message)[0]).toMatch(
      /became source "url-1"/,
    );
  });

  it('reads timelines, places, facilities and posts, and warns about columns it does not know', () => {
    const r = importTables(
      [
        { name: 'sources.csv', text: sources },
        { name: 'programmes.csv', text: programmes },
        {
          name: 'calendrier.csv',
          text: 'identifiant;programme;type;libellé;début;fin;début prévu;fin prévue;lieu;sources;couleur\nph;parsec;phase;Mise en œuvre;2017-09;inconnu;2017-07;2020;mopti;S1;rouge\nev;parsec;événement;Remise;2019-04-02;;;;;S1;\n',
        },
        {
          name: 'lieux.csv',
          text: 'id\tnom\ttype\tlatitude\tlongitude\trégion\tsources\nmopti\tMopti\tchef-lieu\t14.4958\t-4.1986\tMopti\tS1\n',
        },
        {
          name: 'facilities.csv',
          text: 'id,programme,kind,label,quantity,place,status,date,sources\nboats,parsec,equipment,Boats,6,mopti,delivered,2019-07-12,S1\n',
        },
        {
          name: 'postes.csv',
          text: 'id,entité,nom_entite,poste,grade,années,sources\nc1,dcm,Direction de la coopération,Chef,officier,2011,S1\n',
        },
      ],
      { asOf: '2024-01-01', lang: 'fr' },
    );
    expect(r.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(r.issues.map(formatIssue)).toContain(
      `calendrier.csv row 1, column "couleur": warning: not a column of the timeline table: its values are not imported (columns: ${SECTIONS.timeline.columns.map((c) => c.key).join(', ')})`,
    );
    const d = r.data!;
    expect(d.timeline[0]).toMatchObject({
      kind: 'phase',
      label: { fr: 'Mise en œuvre' },
      start: { value: '2017-09' },
      end: { unknown: true },
      planned: { start: { value: '2017-07' }, end: { value: '2020' } },
    });
    expect(d.timeline[1]).toMatchObject({ kind: 'event', date: { value: '2019-04-02' } });
    expect(d.places[0]).toMatchObject({ kind: 'regional-capital', lat: 14.4958, admin1: 'Mopti' });
    expect(d.facilities[0]).toMatchObject({
      quantity: { value: 6 },
      status: 'delivered',
      date: { value: '2019-07-12' },
    });
    expect(d.cooperants.entities[0]).toMatchObject({
      id: 'dcm',
      name: { en: 'Direction de la coopération' },
    });
    expect(d.cooperants.posts[0]).toMatchObject({ rank: 'officer', years: [2011], place: null });
  });
});

describe('importTables at scale', () => {
  it('imports 20,000 budget lines in a few seconds', () => {
    const rows = ['id,programme,parent,label,amount,currency,sources', 't,p,,Total,unknown,EUR,S1'];
    for (let i = 0; i < 20_000; i++) rows.push(`l${i},p,t,Line ${i},${i},EUR,S1`);
    const t0 = performance.now();
    const r = importTables(
      [
        { name: 'sources.csv', text: sources },
        { name: 'programmes.csv', text: 'id,short,name,sources\np,P,Programme,S1\n' },
        { name: 'budget.csv', text: rows.join('\n') },
      ],
      { asOf: '2024-01-01' },
    );
    expect(r.issues.map(formatIssue)).toEqual([
      'budget.csv row 1: warning: no "precision" column: every figure is read as exact (stated as such by its source); add the column to mark approximate ("approx") or computed ("derived") figures',
    ]);
    expect(r.data!.budget).toHaveLength(20_001);
    expect(performance.now() - t0).toBeLessThan(15_000);
  }, 30_000);
});
