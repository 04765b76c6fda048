import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests as data } from '../../test/fixtures/default-dataset';
import { loadMapGeo, loadWorldGeo } from '../../test/fixtures/map-geo';
import { somaliaFixture } from '../../test/fixtures/map-elsewhere';
import { syntheticMap } from '../../test/fixtures/synthetic-map';
import { translationFor } from '../i18n';
import { layoutBaseMap, layoutMarks } from '../layout/facility-map';
import type { Dataset } from '../schema/dataset';
import { fitTargets, selectFacilityPoints } from '../select/facility-points';
import { sourcesById } from '../select/sources';
import type { DescribeContext } from './types';
import { termsOf } from './vocabulary';
import {
  dateFilterSamples,
  dateFilterWords,
  describeMap,
  groupName,
  keysHint,
  mapLegend,
  mapNotes,
  mapSummary,
  mapTexts,
  mapWords,
  offViewWords,
  placeLabelTexts,
  ringLabel,
  scaleText,
  withPublishers,
  mapTableWords,
} from './facility-map';
import { mapTable } from './facility-map-table';
import { tableRows } from './table-rows';

const geo = loadMapGeo();
const base = layoutBaseMap(geo, 800, 500, 'mopti');
const ctxOf = (d: Dataset, lang: string): DescribeContext => ({
  t: translationFor(lang),
  lang,
  sources: sourcesById(d),
});
/** A source id as the dataset writes it (`W01`, `S001`): readers must never see one. */
const SOURCE_ID = /\b[SW]\d{2,3}\b/;

describe('describe/facility-map', () => {
  const view = selectFacilityPoints(data);
  const en = ctxOf(data, 'en');
  const fr = ctxOf(data, 'fr');

  it('gives the layout its texts: places, region-only groups, neighbours, not the region in focus', () => {
    const t = mapTexts(view, base, en);
    expect(t.groups.get('p:sevare')).toBe('Sévaré');
    expect(t.groups.get('r:mopti')).toBe('Mopti region');
    expect(mapTexts(view, base, fr).groups.get('r:mopti')).toBe('Région de Mopti');
    expect(t.items.get('parsec-speedboats')).toMatch(/speedboat/i);
    expect(t.regions.has('mopti')).toBe(false);
    expect(t.regions.get('segou')).toBeTruthy();
    expect(t.countries.has('mli')).toBe(false);
    // neighbours in the reader's language
    expect(t.countries.get('mrt')).toBe('Mauritania');
    expect(mapTexts(view, base, fr).countries.get('mrt')).toBe('Mauritanie');
    expect(t.regions.get('tombouctou')).toBe('Timbuktu');
    expect(mapTexts(view, base, fr).regions.get('tombouctou')).toBe('Tombouctou');
    expect(t.attribution).toBe('Natural Earth');
    const b = view.groups.find((g) => g.key === 'r:mopti')!;
    expect(groupName(b, base, fr)).toBe('Région de Mopti');
  });

  it('gives the names of town markers and towns before the base map, as mapTexts gives them', () => {
    const names = placeLabelTexts(view, fr);
    const t = mapTexts(view, base, fr);
    const towns = view.groups.filter((g) => g.anchor.type !== 'region');
    expect(names.groups).toEqual(towns.map((g) => t.groups.get(g.key)));
    expect(names.groups).toContain('Sévaré');
    expect(names.groups.some((n) => /Région/.test(n))).toBe(false);
    expect(names.towns).toEqual(view.towns.map((p) => t.places.get(p.id)));
  });

  it('words a single-item marker in English: name, tooltip with publishers, detail with places', () => {
    const words = mapWords(view, base, data, en);
    const koro = words('g:p:koro')!;
    expect(koro.name).toMatch(/^Koro: Border management: .+, approximate location$/);
    expect(koro.tooltip.title).toBe(koro.detail.label);
    expect(koro.tooltip.lines.join('\n')).toMatch(/Location: Koro — approximate location/);
    expect(koro.tooltip.sources).toBeTruthy();
    expect(koro.tooltip.sources).not.toMatch(SOURCE_ID);
    expect(koro.detail).toMatchObject({ id: 'parsec-koro-border-post', kind: 'facility', places: ['koro'] });
    expect(koro.detail.sources.map((s) => s.id)).toContain('W01');
    // cached: the same object when asked again
    expect(words('g:p:koro')).toBe(koro);
    expect(words('g:nowhere')).toBeUndefined();
  });

  it('words a cluster and its items in French; notes name publishers, never source ids', () => {
    const words = mapWords(view, base, data, fr);
    const sevare = words('g:p:sevare')!;
    // things, not records: a workshop, 2 vehicles and the barracks
    expect(sevare.name).toMatch(
      /^Sévaré\u202f: 4 éléments \(3 entrées\) \(Infrastructure, Équipement\), placé à la ville/,
    );
    expect(sevare.tooltip.title).toBe('Sévaré · 4 éléments (3 entrées)');
    expect(words('g:p:mopti')!.tooltip.title).toBe('Mopti · 15 éléments (3 entrées)');
    expect(sevare.tooltip.lines.at(-1)).toBe('placé à la ville, pas à un site');
    expect(sevare.detail).toMatchObject({ id: 'p:sevare', kind: 'place', places: ['sevare'] });
    const workshop = words('i:parsec-maintenance-workshop')!;
    const all = [workshop.tooltip.title, ...workshop.tooltip.lines, workshop.tooltip.sources ?? ''].join(
      '\n',
    );
    expect(all).not.toMatch(SOURCE_ID);
    expect(all).toMatch(/Ville donnée par Expertise France/);
    expect(workshop.tooltip.lines[0]).toBe('Infrastructure · Combien\u202f: 1');
    const s = data.facilities.find((f) => f.id === 'parsec-psig-barracks')!;
    expect(s.placeNote?.fr).toMatch(/S001/);
    expect(words('i:parsec-psig-barracks')!.tooltip.lines.join(' ')).not.toMatch(SOURCE_ID);
  });

  it('shows amounts with their precision and the conflicting report as a note', () => {
    const words = mapWords(view, base, data, en);
    const cessna = words('i:parsec-cessna-208') ?? words('g:p:mopti-airport');
    expect(cessna).toBeDefined();
    const item = mapWords(view, base, data, en)('i:parsec-cessna-208')!;
    expect(item.tooltip.lines.join('\n')).toMatch(/Amount: €5(\.0)?M/);
    expect(item.tooltip.notes?.[0]).toMatch(/^also reported: ≈ /);
    expect(item.tooltip.notes?.[0]).not.toMatch(SOURCE_ID);
    const camp = mapWords(view, base, data, fr)('i:parsec-mobile-camp')!;
    expect(camp.tooltip.lines.join('\n')).toMatch(/Montant\u202f: > 600\sM\sF\sCFA/);
    // a derived date says so
    expect(camp.tooltip.lines.join('\n')).toMatch(/calculé/);
  });

  it('builds the table with raw numbers, ISO dates, precision and source columns (every item)', () => {
    const order = layoutMarks(base, view, { texts: mapTexts(view, base, en) }).markers.map(
      (m) => m.group.key,
    );
    const table = mapTable(view, order, base, data, undefined, en, { ...mapTableWords, ...tableRows });
    expect(table.rows).toHaveLength(view.itemCount);
    const col = (label: string) => table.columns.findIndex((c) => c.label === label);
    const row = table.rows.find((r) => r.text[0]!.startsWith('Cessna'))!;
    expect(row.raw[col('How many')]).toBe(1);
    expect(row.raw[col('When')]).toBe('2019-04-02');
    expect(row.raw[col('Date precision')]).toBe('exact');
    expect(row.raw[col('Amount')]).toBe(5000000);
    expect(row.raw[col('Currency')]).toBe('EUR');
    expect(row.raw[col('Location')]).toBe('town');
    expect(String(row.raw[col('Sources')])).toMatch(/\[W06\]/);
    expect(row.text[col('Sources')]).not.toMatch(SOURCE_ID);
    expect(row.text[col('When')]).toBe('April 2, 2019');
    // an unknown date is null, not a string
    const unit = table.rows.find((r) => r.raw[col('When')] === null)!;
    expect(unit.text[col('When')]).toBe('date unknown');
    // places west to east, as the markers
    const places = [...new Set(table.rows.map((r) => r.text[col('Place')]))];
    expect(places.indexOf('Sévaré')).toBeLessThan(places.indexOf('Koro'));
    // rows are made when read, the same row each time, and the table reads as an array (slice, JSON, spread)
    const again = mapTable(view, order, base, data, undefined, en, { ...mapTableWords, ...tableRows });
    expect(again.rows[3]).toBe(again.rows[3]);
    expect(again.rows.slice(2, 4).map((r) => r.text[0])).toEqual([
      table.rows[2]!.text[0],
      table.rows[3]!.text[0],
    ]);
    expect(JSON.parse(JSON.stringify(again.rows.map((r) => r.raw)))).toEqual(table.rows.map((r) => r.raw));
    expect([...again.rows].map((r) => r.text)).toEqual(table.rows.map((r) => r.text));
    expect(again.rows[view.itemCount]).toBeUndefined();
    const frTable = mapTable(view, order, base, data, '2019-01-01', fr, { ...mapTableWords, ...tableRows });
    expect(frTable.caption).toMatch(/^Carte des installations et livraisons — Ce qui était livré/);
    expect(frTable.columns.map((c) => c.label)).toContain('Précision de la date');
  });

  it('puts in the legend only what is drawn in the view', () => {
    const texts = mapTexts(view, base, en);
    const marks = layoutMarks(base, view, { texts });
    const svg = mapLegend(marks, en);
    // Ségou (hollow pinasses) is beyond the Mopti region's view: counted at the edge, and the legend says so
    expect(svg.map((l) => l.key)).toEqual([
      'infrastructure',
      'equipment',
      'training',
      'border',
      'unit',
      'undated',
      'cluster',
      'approx',
      'region',
      'offview',
    ]);
    expect(svg[0]).toMatchObject({ swatch: 'symbol', className: 'c1 symbol' });
    // fitted to the data, everything is in view: no edge marker; the pinasses for Ségou are a hollow symbol
    const fitted = layoutBaseMap(geo, 800, 500, fitTargets(view));
    const all = mapLegend(layoutMarks(fitted, view, { texts: mapTexts(view, fitted, en) }), en);
    expect(all.map((l) => l.key)).toContain('undated');
    expect(all.map((l) => l.key)).not.toContain('offview');
    // zoomed on Koro: only the border post
    const zoomed = layoutMarks(base, view, { texts, zoom: { k: 8, x: -4600, y: -1900 } });
    const keys = mapLegend(zoomed, en).map((l) => l.key);
    expect(keys).not.toContain('cluster');
    // on canvas: squares of the kinds' colours, no clusters, halos or hollow symbols
    const canvas = mapLegend(layoutMarks(base, view, { texts, canvasThreshold: 1 }), fr);
    expect(canvas.every((l) => l.swatch === 'fill' || l.key === 'region' || l.key === 'offview')).toBe(true);
    // on 1 January 2018 the training space (delivered "in 2018") is not there yet: no training in the legend
    const early = selectFacilityPoints(data, { atDate: '2018-01-01' });
    expect(mapLegend(layoutMarks(base, early, { texts }), en).map((l) => l.key)).not.toContain('training');
  });

  it('names the first places beyond an edge and counts the others (its tooltip lists each)', () => {
    const syn = syntheticMap(900);
    const v = selectFacilityPoints(syn);
    const en2 = ctxOf(syn, 'en');
    const marks = layoutMarks(base, v, { zoom: { k: 4, x: -1200, y: -800 }, texts: mapTexts(v, base, en2) });
    const o = marks.offView.find((x) => x.groups.length > 10)!;
    expect(o).toBeDefined();
    const w = offViewWords(o, marks, base, en2);
    const more = o.groups.length - 3;
    expect(w.name).toMatch(
      new RegExp(
        `beyond the \\w+ edge: Village \\d+, Village \\d+, Village \\d+ and ${more} more places\\. Enter`,
      ),
    );
    expect(offViewWords(o, marks, base, ctxOf(syn, 'fr')).name).toMatch(
      new RegExp(`: Village \\d+, Village \\d+, Village \\d+ et ${more} autres lieux\\. Entrée`),
    );
    expect(w.tooltip.lines).toHaveLength(o.groups.length);
    // four places are named, not three and "1 more"
    const four = { ...o, groups: o.groups.slice(0, 4) };
    expect(offViewWords(four, marks, base, en2).name).not.toMatch(/more/);
  });

  it('counts what is beyond the view in words, and notes the reform only when a drawn place changed region', () => {
    const marks = layoutMarks(base, view, { texts: mapTexts(view, base, en) });
    const o = marks.offView[0]!;
    const w = offViewWords(o, marks, base, en);
    expect(w.name).toMatch(/^4 items \(1 entry\) beyond the west edge: Ségou\. Enter or click: show them$/);
    expect(offViewWords(o, marks, base, fr).name).toMatch(
      /^4 éléments \(1 entrée\) au-delà du bord ouest\u202f: Ségou/,
    );
    const notes = mapNotes(view, marks, base, en);
    expect(notes[0]).toBe('Beyond the view, counted by the arrows at its edges: 4 items (1 entry).');
    // the geometry's note on its regions, and the drawn places the data puts in another region (Koro, Bandiagara)
    expect(notes[1]).toBe(
      'Regions are drawn with their boundaries before the reform that took effect from 2024 (8 regions and the Bamako district). After the reform, the data puts Koro in the Bandiagara region.',
    );
    expect(mapNotes(view, marks, base, fr)[1]).toMatch(
      /^Régions dessinées .* Après la réforme, les données placent Koro dans la région de Bandiagara\.$/,
    );
    // the same data on a geometry that says nothing of itself: only what the data says
    const mute = layoutBaseMap({ ...geo, note: undefined }, 800, 500, 'mopti');
    expect(mapNotes(view, layoutMarks(mute, view, { texts: mapTexts(view, mute, en) }), mute, en)[1]).toBe(
      'After the reform, the data puts Koro in the Bandiagara region.',
    );
    // data that never changed region: no note of a reform
    const plain = structuredClone(data) as Dataset;
    for (const p of plain.places) delete (p as { admin1Reform?: string }).admin1Reform;
    const pv = selectFacilityPoints(plain);
    expect(mapNotes(pv, layoutMarks(base, pv, { texts: mapTexts(pv, base, en) }), base, en)).toEqual([
      'Beyond the view, counted by the arrows at its edges: 4 items (1 entry).',
    ]);
    expect(keysHint(fr)).toMatch(/^Flèches\u202f: parcourir/);
  });

  it('summarises in both languages, with the scale, the ring and the date filter', () => {
    expect(mapSummary(view, base, en)).toMatch(
      /^Map of the Mopti region: facilities and deliveries, 48 items \(18 entries\) at \d+ places/,
    );
    expect(mapSummary(view, base, fr)).toMatch(
      /^Carte de la région de Mopti\u202f: installations et livraisons, 48 éléments/,
    );
    // fitted to the data, the map names no region of its own
    const fitted = layoutBaseMap(geo, 800, 500, fitTargets(view));
    expect(mapSummary(view, fitted, en)).toMatch(/^Map: facilities and deliveries, 48 items/);
    expect(scaleText(50, en)).toBe('50 km');
    expect(
      ringLabel(
        view.groups.find((g) => g.key === 'p:sevare')!,
        base,
        fr,
      ),
    ).toBe('Éléments à Sévaré');
    expect(dateFilterWords(undefined, '2024-06-30', { later: 0, laterThings: 0 }, en)).toEqual({
      label: 'Show what existed on',
      valueText: 'all dates (June 30, 2024)',
      output: 'all dates',
    });
    // the slider steps by month: a month, never a day it does not mean
    expect(dateFilterWords('2021-05', '2024-06-30', { later: 3, laterThings: 14 }, fr).output).toMatch(
      /^mai 2021 · 14 éléments datés plus tard, masqués$/,
    );
    expect(dateFilterWords('2021-05-01', '2024-06-30', { later: 0, laterThings: 0 }, en).output).toBe(
      'May 2021',
    );
    const samples = dateFilterSamples([2019 * 12, 2019 * 12 + 11], data, en);
    expect(samples).toHaveLength(13);
    expect(samples[4]).toBe('May 2019 · 48 items dated later, hidden');
    expect(withPublishers('S001 and W99', en.sources)).toBe('Expertise France and W99');
    const d = describeMap(view, base, data, fr);
    expect(d.summary).toBe(mapSummary(view, base, fr));
    expect(d.texts.groups.get('p:koro')).toBe('Koro');
    expect(d.words('g:p:koro')!.name).toMatch(/^Koro\u202f: Gestion des frontières/);
  });

  it('describes a synthetic dataset (many villages, canvas legend) in both languages', () => {
    const syn = syntheticMap(900);
    const v = selectFacilityPoints(syn);
    for (const lang of ['en', 'fr']) {
      const ctx = ctxOf(syn, lang);
      const texts = mapTexts(v, base, ctx);
      const marks = layoutMarks(base, v, { texts });
      expect(marks.canvas).toBe(true);
      const words = mapWords(v, base, syn, ctx);
      const first = marks.markers.find((m) => m.visible)!;
      const w = words(first.key)!;
      expect(w.name).toMatch(/^Village \d+/);
      expect(w.tooltip.sources).not.toMatch(SOURCE_ID);
      const table = mapTable(
        v,
        marks.markers.map((m) => m.group.key),
        base,
        syn,
        undefined,
        ctx,
        { ...mapTableWords, ...tableRows },
      );
      expect(table.rows).toHaveLength(900);
      expect(table.rows.every((r) => typeof r.raw[3] === 'number')).toBe(true);
      expect(
        mapLegend(marks, ctx).every((l) => l.swatch === 'fill' || l.key === 'region' || l.key === 'offview'),
      ).toBe(true);
      expect(mapSummary(v, base, ctx)).toMatch(lang === 'en' ? /900 entries/ : /900 entrées/);
    }
  });

  it('draws a kind the dataset declares: its own colour class, a symbol, its label in the legend and the words', () => {
    const d = structuredClone(data) as Dataset;
    (d as unknown as { vocabulary: unknown }).vocabulary = {
      ...(d as unknown as { vocabulary?: object }).vocabulary,
      facilityKinds: [{ id: 'vehicles', label: { en: 'Vehicles', fr: 'Véhicules' } }],
    };
    const f = d.facilities.find((x) => x.id === 'parsec-speedboats')!;
    (f as { kind: string }).kind = 'vehicles';
    const v = selectFacilityPoints(d);
    const ctx = { ...ctxOf(d, 'fr'), terms: termsOf(d) };
    const marks = layoutMarks(base, v, { texts: mapTexts(v, base, ctx) });
    const legend = mapLegend(marks, ctx);
    const vehicles = legend.find((l) => l.key === 'vehicles')!;
    expect(vehicles).toMatchObject({ label: 'Véhicules', swatch: 'symbol', className: 'c6 symbol' });
    expect(vehicles.path).toMatch(/^M/);
    // Mopti's ring has an arc for the declared kind; its words name it
    const mopti = marks.markers.find((m) => m.key === 'g:p:mopti')!;
    expect(mopti.segments.map((s) => s.style)).toContain(5);
    expect(mapWords(v, base, d, ctx)('g:p:mopti')!.name).toMatch(/Véhicules/);
  });

  it('names the world outlines in the reader’s language; in English spells out Natural Earth’s abbreviations', () => {
    const world = loadWorldGeo('110m');
    const d = somaliaFixture();
    const v = selectFacilityPoints(d);
    const b = layoutBaseMap(world, 1280, 800, fitTargets(v));
    const names = (lang: string) => [...mapTexts(v, b, ctxOf(d, lang)).countries.values()];
    expect(names('en')).toEqual(expect.arrayContaining(['Somalia', 'Ethiopia', 'Kenya', 'South Sudan']));
    expect(names('en')).not.toContain('S. Sudan');
    expect(names('fr')).toEqual(expect.arrayContaining(['Somalie', 'Éthiopie', 'Soudan du Sud']));
    expect(names('de')).toEqual(expect.arrayContaining(['Somalia', 'Äthiopien']));
    // the credit and the summary come from the geometry and the page, not from code
    expect(mapTexts(v, b, en).attribution).toBe('Natural Earth');
    expect(mapSummary(v, b, en)).toMatch(/^Map: facilities and deliveries/);
    const congo = layoutBaseMap(world, 1280, 800, 'cd');
    expect([...mapTexts(v, congo, en).countries.values()]).toContain('Dem. Rep. Congo');
    expect(mapSummary(v, congo, fr)).toMatch(/^Carte \(Congo-Kinshasa\)\u202f:/);
  });
});
