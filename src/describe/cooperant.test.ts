import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { civilianStaffDataset } from '../../test/fixtures/civilian-staff';
import { syntheticCooperantDataset } from '../../test/fixtures/synthetic-cooperant';
import { translationFor } from '../i18n/index';
import { layoutCooperant } from '../layout/cooperant';
import type { Dataset } from '../schema/dataset';
import { parseDataset } from '../schema/parse';
import {
  groupByChoices,
  groupUnits,
  selectCooperantPosts,
  unitsOf,
  unitsShown,
  type CooperantGroupBy,
  type CooperantView,
} from '../select/cooperant-posts';
import { sourcesById } from '../select/sources';
import {
  cooperantContext,
  cooperantLabels,
  cooperantLegend,
  cooperantNames,
  cooperantSummary,
  cooperantSwitchNote,
  cooperantWords,
  groupByOptions,
  groupKey,
  type CooperantShown,
  cooperantTableWords,
} from './cooperant';
import { cooperantTable } from './cooperant-table';
import { tableRows } from './table-rows';

const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error('default dataset invalid');
const data: Dataset = parsed.data;

function scene(
  d: Dataset,
  lang: string,
  by: CooperantGroupBy = 'place',
  year: number | 'all' = 2011,
  mode: 'units' | 'bars' = 'units',
) {
  const view: CooperantView = selectCooperantPosts(d);
  const ctx = cooperantContext({ t: translationFor(lang), lang, sources: sourcesById(d) }, d);
  const shown: CooperantShown = {
    by,
    years: view.years.filter((y) => year === 'all' || y.year === year),
    distinct: year === 'all' && by !== 'year',
  };
  const groups = groupUnits(unitsShown(view, year, by), by, {
    years: view.years,
    order: by === 'entity' ? d.cooperants.entities.map((e) => e.id) : d.places.map((p) => p.id),
  });
  const text = cooperantLabels(groups, shown, ctx);
  const geo = layoutCooperant(groups, 800, { mode, text });
  const words = cooperantWords(geo, view, shown, ctx);
  return { view, ctx, shown, groups, text, geo, words };
}

/** Source ids as a reader would see them by mistake: `S004`, `W32`. */
const SOURCE_ID = /\b[SW]\d{2,3}\b/;

describe('cooperant words (en)', () => {
  const s = scene(data, 'en');

  it('labels the groups for the layout: names and counts', () => {
    expect(s.text.get('bamako')).toEqual({ name: 'Bamako', count: '4 posts' });
    expect(s.text.get('~not-itemised')).toEqual({ name: 'Not itemised', count: '5 posts (14 − 9)' });
    expect(s.text.get('~not-stated')!.name).toBe('Place not stated');
  });

  it('describes an itemised post: name, tooltip with publishers, detail with place ids and sources', () => {
    const w = s.words('air-force-mechanic@2011')!;
    expect(w.name).toBe(
      'Mechanic, Air Force, Non-commissioned officer, Bamako-Sénou airport / Air Base 101, 2011',
    );
    expect(w.tooltip.lines.join(' ')).toContain('Air Force');
    expect(w.tooltip.sources).toBe('Ambassade de France au Mali (2013)');
    expect(JSON.stringify(w.tooltip)).not.toMatch(SOURCE_ID);
    expect(w.detail).toMatchObject({ id: 'air-force-mechanic', kind: 'post', places: ['bamako-airport'] });
    expect(w.detail.sources.map((x) => x.id)).toEqual(['S004']);
    expect(w.detail.label).toBe(w.name);
  });

  it('describes a post no source itemises, with its precision and the total it comes from', () => {
    const w = s.words('~not-itemised@2011#2')!;
    expect(w.name).toBe(
      'Post not itemised, 2 of 5 in 2011 (14 counted; the source does not break them down)',
    );
    expect(w.tooltip.title).toBe('Not itemised');
    expect(w.tooltip.lines[0]).toContain('14 posts in 2011 but itemises 9');
    expect(w.tooltip.lines[1]).toBe('Precision: derived (computed from cited figures)');
    expect(w.tooltip.sources).not.toMatch(SOURCE_ID);
    expect(w.detail).toMatchObject({ id: '~not-itemised@2011#2', kind: 'post-not-itemised', places: [] });
  });

  it('describes groups (bars) with a spoken count', () => {
    const b = scene(data, 'en', 'year', 'all', 'bars');
    const w = b.words(groupKey('2016'))!;
    expect(w.name).toBe('2016: about 10 posts');
    expect(w.tooltip.lines).toEqual(['≈ 10 posts', 'Not itemised: 10']);
    expect(w.tooltip.sources).toBe('Ambassade de France au Mali (2016), Ambassade du Mali en France');
    expect(w.tooltip.sources).not.toMatch(SOURCE_ID);
    expect(w.detail).toMatchObject({ id: '2016', kind: 'group', places: [] });
    expect(b.words('nothing')).toBeUndefined();
  });

  it('sums up the year shown, group by group', () => {
    expect(cooperantSummary(s.groups, s.shown, s.ctx)).toMatch(
      /^14 posts in 2011, of which 9 itemised: 4 in Bamako, .*1 with no place stated; 5 not itemised\.$/,
    );
    const y = scene(data, 'en', 'year', 'all');
    expect(cooperantSummary(y.groups, y.shown, y.ctx)).toBe(
      '14 posts in 2011, of which 9 itemised; about 10 posts in 2016, none itemised.',
    );
  });

  it('builds the table: raw numbers and codes, source ids raw, publishers as text', () => {
    const t = cooperantTable(s.shown.years, s.ctx, { ...cooperantTableWords, ...tableRows });
    expect(t.columns.map((c) => c.label)).toEqual([
      'Role',
      'Year',
      'Entity',
      'Rank',
      'Service',
      'Place',
      'Posts',
      'Precision',
      'Sources',
    ]);
    expect(t.rows).toHaveLength(11);
    const rest = t.rows.find((r) => r.className === 'not-itemised')!;
    expect(rest.raw.slice(0, 8)).toEqual(['Not itemised', 2011, null, null, null, null, 5, 'derived']);
    // the raw source cell traces the figure: publisher, date (address) and id
    expect(rest.raw[8]).toMatch(/^Ambassade de France au Mali \(2013-09-13\).*\[S004\]$/);
    expect(rest.text[7]).toBe('derived (computed from cited figures)');
    const total = t.rows.find((r) => r.className === 'total')!;
    expect(total.raw.slice(1, 8)).toEqual([2011, null, null, null, null, 14, 'exact']);
    expect(total.text[6]).toBe('14');
    for (const r of t.rows) {
      expect(r.text.join(' ')).not.toMatch(SOURCE_ID);
      expect(r.raw).toHaveLength(9);
      expect(typeof r.raw[1]).toBe('number');
    }
  });

  it('lists in the legend only what is drawn', () => {
    expect(cooperantLegend(s.geo, s.ctx).map((i) => i.key)).toEqual([
      'senior-officer',
      'officer',
      'nco',
      'not-itemised',
    ]);
    const y2016 = scene(data, 'en', 'place', 2016);
    expect(cooperantLegend(y2016.geo, y2016.ctx).map((i) => [i.key, i.label])).toEqual([
      ['approx', 'Not itemised (approximate count)'],
    ]);
    const bars = scene(data, 'en', 'year', 'all', 'bars');
    expect(cooperantLegend(bars.geo, bars.ctx).map((i) => i.key)).toEqual([
      'itemised',
      'not-itemised',
      'approx',
    ]);
  });
});

describe('cooperant words (fr)', () => {
  const s = scene(data, 'fr');

  it('speaks French: group labels, summary, tooltips', () => {
    expect(s.text.get('bamako')).toEqual({ name: 'Bamako', count: '4 postes' });
    expect(s.text.get('~not-itemised')!.name).toBe('Non détaillé');
    expect(cooperantSummary(s.groups, s.shown, s.ctx)).toMatch(
      /^14 postes en 2011, dont 9 détaillés\u202f: 4 à Bamako/,
    );
    const w = s.words('~not-itemised@2011#1')!;
    expect(w.name).toContain('Poste non détaillé, 1 sur 5 en 2011');
    expect(w.tooltip.lines[1]).toMatch(/^Précision/);
    expect(w.tooltip.sources).toBe('Ambassade de France au Mali (2013)');
  });

  it('builds the French table with the same raw values', () => {
    const t = cooperantTable(s.shown.years, s.ctx, { ...cooperantTableWords, ...tableRows });
    const en = cooperantTable(scene(data, 'en').shown.years, scene(data, 'en').ctx, {
      ...cooperantTableWords,
      ...tableRows,
    });
    expect(t.columns[0]!.label).toBe('Fonction');
    expect(t.rows.map((r) => [r.raw[1], r.raw[6], r.raw[7], r.raw[8]])).toEqual(
      en.rows.map((r) => [r.raw[1], r.raw[6], r.raw[7], r.raw[8]]),
    );
    const y = scene(data, 'fr', 'year', 'all');
    const t2016 = cooperantTable(y.shown.years, y.ctx, { ...cooperantTableWords, ...tableRows }).rows.filter(
      (r) => r.raw[1] === 2016,
    );
    expect(t2016.map((r) => r.text[6])).toEqual(['≈ 10', '≈ 10']);
    expect(t2016.map((r) => r.raw[6])).toEqual([10, 10]);
    expect(t2016[0]!.text[7]).toBe(translationFor('fr').approx);
  });

  it('labels bars by year with hedged counts', () => {
    const b = scene(data, 'fr', 'year', 'all', 'bars');
    expect(b.words(groupKey('2016'))!.name).toBe('2016: environ 10 postes');
  });
});

describe('cooperant words on a synthetic dataset (10,000 posts)', () => {
  const d = syntheticCooperantDataset(10000);

  it('formats large counts in each language; the table has every post and raw numbers', () => {
    const en = scene(d, 'en');
    expect(en.geo.canvas).toBe(true);
    expect(cooperantSummary(en.groups, en.shown, en.ctx)).toMatch(
      /^10,000 posts in 2011, of which 8,000 itemised/,
    );
    const fr = scene(d, 'fr');
    expect(cooperantSummary(fr.groups, fr.shown, fr.ctx)).toMatch(
      /^10\u202f000 postes en 2011, dont 8\u202f000/,
    );
    const t = cooperantTable(en.shown.years, en.ctx, { ...cooperantTableWords, ...tableRows });
    expect(t.rows).toHaveLength(8002);
    const total = t.rows.at(-1)!;
    expect(total.raw[6]).toBe(10000);
    expect(total.text[6]).toBe('10,000');
    expect(t.rows.at(-2)!.raw[6]).toBe(2000);
  });

  it('describes a unit pointed at on canvas, and every group', () => {
    const en = scene(d, 'en', 'rank');
    const u = en.geo.units[4321]!;
    expect(en.words(u.key)!.detail.kind).toBe('post');
    for (const g of en.geo.groups) {
      const w = en.words(groupKey(g.key))!;
      expect(w.name).toMatch(/^[^:]+: [\d,]+ posts/);
      expect(w.tooltip.sources).toBe('Ambassade de France au Mali (2013)');
    }
  });
});

describe('cooperant words: abbreviations spelt out from the dataset', () => {
  it('expands DCM, DMHTA, EMA, EMP and DEM on first use in the entity labels, in each language', () => {
    const en = scene(data, 'en', 'entity');
    expect(en.text.get('dcm')!.name).toBe('DCM (Military coordination detachment)');
    expect(en.text.get('dmhta')!.name).toBe(
      'DMHTA (Armed forces directorate of equipment, fuel and transport)',
    );
    expect(en.text.get('ema-koulikoro')!.name).toBe('EMA (Military administration school)');
    expect(en.text.get('emp')!.name).toBe('EMP (Peacekeeping school)');
    expect(en.text.get('dem')!.name).toBe('DEM (Directorate of military schools)');
    // not an abbreviation: the entity's name in the reader's language
    expect(en.text.get('air-force')!.name).toBe('Air Force');
    const fr = scene(data, 'fr', 'entity');
    expect(fr.text.get('dcm')!.name).toBe('DCM (Détachement de coordination militaire)');
    expect(fr.text.get('air-force')!.name).toBe('Armée de l’Air');
    // every expansion is a glossary entry of the dataset, which cites S004
    for (const e of data.glossary!) expect(e.sources).toContain('S004');
  });

  it('expands once per tooltip and once per table: the first use long, later uses short', () => {
    const s = scene(data, 'en');
    const chief = s.words('dcm-chief@2011')!;
    expect(chief.tooltip.title).toBe('Head of the DCM (Military coordination detachment)');
    expect(chief.tooltip.lines[0]).toBe('Entity: DCM');
    expect(chief.name).toMatch(/^Head of the DCM \(Military coordination detachment\), DCM, Officer/);
    const ema = s.words('ema-director-of-studies@2011')!;
    expect(ema.tooltip.lines[0]).toBe('Entity: EMA (Military administration school)');
    const t = cooperantTable(s.shown.years, s.ctx, { ...cooperantTableWords, ...tableRows });
    const cells = t.rows.flatMap((r) => r.text).join(' | ');
    for (const term of ['DCM', 'DMHTA', 'EMA', 'EMP', 'DEM']) {
      expect(cells.match(new RegExp(`\\b${term} \\(`, 'g')), term).toHaveLength(1);
      expect(cells.indexOf(`${term} (`)).toBeLessThanOrEqual(cells.indexOf(term));
    }
    // the summary by entity, read first by screen readers, spells them out too
    const byEntity = scene(data, 'en', 'entity');
    expect(cooperantSummary(byEntity.groups, byEntity.shown, byEntity.ctx)).toContain(
      'DCM (Military coordination detachment): 2',
    );
  });

  it('spells out a term only where it stands as a whole word (not inside a longer word, in any script)', () => {
    const posts = data.cooperants.posts.map((p) =>
      p.id === 'dcm-chief'
        ? { ...p, role: { en: 'DCMS liaison, ÉDCM desk, DCM2 cell, then DCM’s head', fr: 'Chef' } }
        : p,
    );
    const s = scene({ ...data, cooperants: { ...data.cooperants, posts } }, 'en');
    expect(s.words('dcm-chief@2011')!.tooltip.title).toBe(
      'DCMS liaison, ÉDCM desk, DCM2 cell, then DCM (Military coordination detachment)’s head',
    );
  });

  it('names each mark as its words do, units and groups, in units and bars (the names a render writes)', () => {
    for (const lang of ['en', 'fr'])
      for (const mode of ['units', 'bars'] as const)
        for (const by of ['place', 'entity', 'rank'] as const) {
          const s = scene(data, lang, by, 2011, mode);
          const names = cooperantNames(s.geo, s.view, s.shown, s.ctx);
          const keys = [...s.geo.units.map((u) => u.key), ...s.geo.groups.map((g) => groupKey(g.key))];
          expect(keys.length).toBeGreaterThan(mode === 'units' ? s.geo.groups.length : 0);
          for (const k of keys) expect(names(k), k).toBe(s.words(k)!.name);
          expect(names('nothing')).toBeUndefined();
        }
  });

  it('a long table spells each term out once, in its first row, and its later rows (made when read) in full', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      data.cooperants.posts.map((p) => ({ ...p, id: `${p.id}-${i}` })),
    ).flat();
    const s = scene({ ...data, cooperants: { ...data.cooperants, posts: many } }, 'en');
    const t = cooperantTable(s.shown.years, s.ctx, { ...cooperantTableWords, ...tableRows });
    const posts = t.rows.filter((r) => r.raw[6] === 1);
    expect(posts.length).toBeGreaterThan(300);
    const cells = posts.flatMap((r) => r.text).join(' | ');
    for (const term of ['DCM', 'DMHTA', 'EMA', 'EMP', 'DEM'])
      expect(cells.match(new RegExp(`\\b${term} \\(`, 'g')), term).toHaveLength(1);
    const last = posts[posts.length - 1]!;
    const post = many.find((p) => `${p.id}` === many[many.length - 1]!.id)!;
    expect(last.raw[0]).toBe(post.role.en);
    expect(last.text[0]).toBe(post.role.en);
    expect(last.text[1]).toBe(String(last.raw[1]));
    expect(last.className).toBeUndefined();
  });

  it('with no glossary: entities by their full names, abbreviations inside texts left as written', () => {
    const bare: Dataset = { ...data, glossary: undefined };
    const s = scene(bare, 'en', 'entity');
    // no abbreviation drawn that nothing explains: the entity's full name
    expect(s.text.get('dcm')!.name).toBe('Military coordination detachment');
    expect(s.words('dcm-chief@2011')!.tooltip.title).toBe('Head of the DCM');
    expect(s.words('dcm-chief@2011')!.tooltip.lines[0]).toBe('Entity: Military coordination detachment');
  });
});

describe('cooperant words: all years, groupings, bars by themselves', () => {
  it('"all years" counts distinct posts and gives each year its own count, never a sum', () => {
    const en = scene(data, 'en', 'place', 'all');
    const text = cooperantSummary(en.groups, en.shown, en.ctx);
    expect(text).toBe(
      '9 distinct posts itemised, each counted once whatever their years: 4 in Bamako, 2 in Koulikoro, ' +
        '1 in Bamako-Sénou airport / Air Base 101, 1 in Kati, 1 with no place stated; the counts of each year, ' +
        'not added up: 14 posts in 2011, of which 9 itemised; about 10 posts in 2016, none itemised.',
    );
    expect(text).not.toMatch(/24|15|≈ 15/);
    expect([...en.text.values()].map((t) => t.count).join(' ')).not.toMatch(/not itemised|15|24/);
    const fr = scene(data, 'fr', 'place', 'all');
    expect(cooperantSummary(fr.groups, fr.shown, fr.ctx)).toMatch(
      /^9 postes distincts détaillés, chacun compté une fois quelles que soient ses années\u202f: 4 à Bamako.*\u202f; les comptes de chaque année, non additionnés\u202f: 14 postes en 2011/u,
    );
  });

  it('offers the groupings mostly "not stated" last and says so', () => {
    const s = scene(data, 'en');
    const en = groupByOptions(groupByChoices(unitsOf(s.view, 2011)), s.ctx);
    expect(en.map((o) => o.label)).toEqual([
      'Place',
      'Malian entity',
      'Rank',
      'Year',
      'Service (8 of 9 not stated)',
    ]);
    const fr = scene(data, 'fr');
    expect(groupByOptions(groupByChoices(unitsOf(fr.view, 2011)), fr.ctx).at(-1)!.label).toBe(
      'Armée (8 sur 9 non précisés)',
    );
  });

  it('says when it draws bars by itself, and nothing when bars were asked for', () => {
    const d = syntheticCooperantDataset(600);
    const view = selectCooperantPosts(d);
    const ctx = cooperantContext({ t: translationFor('en'), lang: 'en', sources: sourcesById(d) }, d);
    const groups = groupUnits(unitsOf(view, 2011), 'place');
    const text = new Map(groups.map((g) => [g.key, { name: g.key, count: '' }]));
    const auto = layoutCooperant(groups, 800, { text });
    expect(auto.mode).toBe('bars');
    expect(cooperantSwitchNote(auto, ctx)).toBe(
      '600 posts: drawn as bars, too many to tell apart one by one. Choose “Units” to see each post.',
    );
    expect(cooperantSwitchNote(layoutCooperant(groups, 800, { text, mode: 'bars' }), ctx)).toBe('');
    expect(cooperantSwitchNote(layoutCooperant(groups, 800, { text, mode: 'units' }), ctx)).toBe('');
  });
});

describe('cooperant words on another dataset: fictional civilian advisers, English only', () => {
  const d = civilianStaffDataset;

  it('a year with no total says what is itemised, never "all"; "all years" counts 6 distinct posts', () => {
    const y2021 = scene(d, 'en', 'place', 2021);
    expect(cooperantSummary(y2021.groups, y2021.shown, y2021.ctx)).toMatch(
      /^4 posts itemised in 2021, no total given: 2 in Koulikoro/,
    );
    const all = scene(d, 'en', 'place', 'all');
    expect(all.geo.units).toHaveLength(6);
    expect(cooperantSummary(all.groups, all.shown, all.ctx)).toContain(
      'not added up: 6 posts in 2019, of which 4 itemised; about 8 posts in 2020, of which 4 itemised; ' +
        '4 posts itemised in 2021, no total given.',
    );
    // a post held three years: one unit, its years in the tooltip
    const w = all.words('npa-curriculum@2019')!;
    expect(w.tooltip.lines).toContain('Place: Koulikoro · Years: 2019, 2020, 2021');
    const fr = scene(d, 'fr', 'place', 2021);
    expect(cooperantSummary(fr.groups, fr.shown, fr.ctx)).toMatch(
      /^4 postes détaillés en 2021, sans total publié/,
    );
  });

  it('civilians have no rank nor service: both offered last, saying so', () => {
    const s = scene(d, 'en', 'place', 2019);
    expect(groupByOptions(groupByChoices(unitsOf(s.view, 2019)), s.ctx).map((o) => o.label)).toEqual([
      'Place',
      'Entity', // the dataset names no kind of entity: the neutral word, never "Malian"
      'Year',
      'Rank (4 of 4 not stated)',
      'Service (4 of 4 not stated)',
    ]);
  });

  it('spells out only what its source spells out (NPA), leaves PFM as written', () => {
    const s = scene(d, 'en', 'entity', 2019);
    expect(s.text.get('npa')!.name).toBe('NPA (National police academy)');
    expect(s.text.get('mof')!.name).toBe('Ministry of Finance');
    const w = s.words('mof-budget@2019')!;
    expect(w.tooltip.title).toBe('Public finance adviser (PFM)');
    expect(s.words('npa-curriculum@2019')!.tooltip.title).toBe(
      'Curriculum adviser to the NPA (National police academy)',
    );
  });
});
