import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { nigerPolice } from '../../test/fixtures/any-programme/niger-police';
import { parseDataset, parseDatasetInSlices } from './parse';
import {
  issuesOf,
  parseDatasetBySection,
  parseDatasetTextBySection,
  sectionOf,
  wholeResult,
  type SectionedResult,
} from './sections';

type Json = Record<string, unknown> & {
  cooperants: { posts: Record<string, unknown>[] };
  places: Record<string, unknown>[];
  facilities: Record<string, unknown>[];
  budget: Record<string, unknown>[];
  timeline: Record<string, unknown>[];
  meta: Record<string, unknown>;
};
const niger = (): Json => structuredClone(nigerPolice) as unknown as Json;
const parsec = (): Json => JSON.parse(JSON.stringify(raw));

function ready(r: SectionedResult) {
  if (!r.ok) throw new Error(`expected a usable dataset, got ${JSON.stringify(r.issues)}`);
  return r;
}

describe('optional sections', () => {
  it('a dataset with only meta, sources, programmes and budget is valid; the sections left out are empty', () => {
    const { meta, sources, programmes, budget, rates } = niger();
    const r = parseDataset({ meta, sources, programmes, budget, rates });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.budget).toHaveLength((budget as unknown[]).length);
    expect(r.data.timeline).toEqual([]);
    expect(r.data.places).toEqual([]);
    expect(r.data.facilities).toEqual([]);
    expect(r.data.cooperants).toEqual({ entities: [], totals: [], posts: [] });
  });

  it('a dataset with only a budget and its sources: programmes may be left out too (the lines then point nowhere)', () => {
    const { meta, sources } = niger();
    expect(parseDataset({ meta, sources }).ok).toBe(true);
    const r = parseDataset({ meta, sources, budget: niger().budget });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'budget[0].programme' });
  });

  it('validated in slices (large datasets), the sections left out are empty too', async () => {
    const { meta, sources, programmes, budget, rates } = niger();
    const r = await parseDatasetInSlices({ meta, sources, programmes, budget, rates });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.budget).toHaveLength((budget as unknown[]).length);
    expect(r.data.timeline).toEqual([]);
    expect(r.data.cooperants).toEqual({ entities: [], totals: [], posts: [] });
  });

  it('meta and sources stay required', () => {
    const r = parseDataset({ programmes: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['meta', 'sources']);
  });
});

describe('parseDatasetBySection', () => {
  it('a sound dataset: the same data as parseDataset, no section issues', () => {
    const r = ready(parseDatasetBySection(niger()));
    expect(r.sectionIssues).toEqual({});
    expect(r.problems).toBeUndefined();
    const whole = parseDataset(niger());
    expect(whole.ok && r.data).toEqual(whole.ok && whole.data);
  });

  it('a broken cooperants section: the others are kept, cooperants is left out with its problems and paths', () => {
    const d = niger();
    d.cooperants.posts[1]!.years = [];
    d.cooperants.posts[2]!.place = 12;
    // parseDataset keeps its contract: anything broken → not ok
    const whole = parseDataset(d);
    expect(whole.ok).toBe(false);
    const r = ready(parseDatasetBySection(d));
    expect(Object.keys(r.sectionIssues)).toEqual(['cooperants']);
    expect(r.sectionIssues.cooperants!.issues.map((i) => i.path)).toEqual([
      'cooperants.posts[1].years',
      'cooperants.posts[2].place',
    ]);
    expect(r.sectionIssues.cooperants!.total).toBe(2);
    expect(r.data.cooperants).toEqual({ entities: [], totals: [], posts: [] });
    const sound = ready(parseDatasetBySection(niger())).data;
    expect(r.data.budget).toEqual(sound.budget);
    expect(r.data.timeline).toEqual(sound.timeline);
    expect(r.data.facilities).toEqual(sound.facilities);
    expect(r.data.places).toEqual(sound.places);
    // the whole list, for the parsec-data-error event
    expect(r.problems).toEqual({ ok: false, issues: r.sectionIssues.cooperants!.issues, total: 2 });
    expect(wholeResult(r)).toEqual(r.problems);
  });

  it('more problems than listed: each section validated on its own, the others kept', () => {
    const d = niger();
    const post = d.cooperants.posts[0]!;
    d.cooperants.posts = Array.from({ length: 150 }, (_, i) => ({ ...post, id: `p${i}`, years: [] }));
    expect(parseDataset(d)).toMatchObject({ ok: false, total: 150 });
    const r = ready(parseDatasetBySection(d));
    expect(Object.keys(r.sectionIssues)).toEqual(['cooperants']);
    expect(r.sectionIssues.cooperants!.total).toBe(150);
    expect(r.sectionIssues.cooperants!.issues).toHaveLength(100);
    expect(r.data.budget).toEqual(ready(parseDatasetBySection(niger())).data.budget);
    expect(r.problems!.total).toBe(150);
  });

  it('a reference into a broken section is not counted again: broken places block places only', () => {
    const d = niger();
    d.places[0]!.lat = 'north';
    const r = ready(parseDatasetBySection(d));
    expect(Object.keys(r.sectionIssues)).toEqual(['places']);
    expect(r.sectionIssues.places!.issues).toEqual([
      { path: 'places[0].lat', message: 'expected a number, got "north"' },
    ]);
    expect(r.data.places).toEqual([]);
    expect(r.data.facilities.length).toBe(niger().facilities.length);
  });

  it('a broken reference blocks the section it is written in', () => {
    const d = niger();
    d.facilities[0]!.place = 'atlantis';
    d.timeline[0]!.programme = 'nobody';
    const r = ready(parseDatasetBySection(d));
    expect(r.sectionIssues.facilities!.issues).toEqual([
      { path: 'facilities[0].place', message: 'expected the id of one of the places, got "atlantis"' },
    ]);
    expect(r.sectionIssues.timeline!.issues[0]!.path).toBe('timeline[0].programme');
    expect(r.data.places.length).toBe(niger().places.length);
    expect(r.data.facilities).toEqual([]);
    expect(r.data.timeline).toEqual([]);
    expect(r.data.budget.length).toBe(niger().budget.length);
    expect(r.problems!.total).toBe(2);
  });

  it('budget broken (the default dataset with a line in an unknown currency form): only the budget is left out', () => {
    const d = parsec();
    (d.budget[0] as { amount: { amount: unknown } }).amount.amount = '12 M';
    const r = ready(parseDatasetBySection(d));
    expect(Object.keys(r.sectionIssues)).toEqual(['budget']);
    expect(r.sectionIssues.budget!.issues[0]!.path).toMatch(/^budget\[0\]\.amount/);
    expect(r.data.budget).toEqual([]);
    expect(r.data.cooperants.posts.length).toBeGreaterThan(0);
  });

  it('meta, sources or an unknown top-level field concern every widget: the failure of the whole', () => {
    const a = niger();
    a.meta.asOf = 'yesterday';
    a.cooperants.posts[0]!.years = [];
    const ra = parseDatasetBySection(a);
    expect(ra.ok).toBe(false);
    if (!ra.ok) expect(ra.issues.map((i) => i.path)).toContain('meta.asOf');
    const b = { ...niger(), budjet: [] };
    const rb = parseDatasetBySection(b);
    expect(rb.ok).toBe(false);
    if (!rb.ok) expect(rb.issues[0]!.path).toBe('budjet');
    const c = niger() as Json & { sources: { id: string }[] };
    c.sources[1]!.id = c.sources[0]!.id;
    expect(parseDatasetBySection(c).ok).toBe(false);
    expect(parseDatasetBySection('nope').ok).toBe(false);
    expect(parseDatasetBySection(null).ok).toBe(false);
  });

  it('text: a JSON syntax error fails as a whole; a broken section is scoped', () => {
    expect(parseDatasetTextBySection('{"meta":').ok).toBe(false);
    const d = niger();
    d.timeline[1]!.kind = 'era';
    const r = ready(parseDatasetTextBySection(JSON.stringify(d)));
    expect(Object.keys(r.sectionIssues)).toEqual(['timeline']);
    expect(r.sectionIssues.timeline!.issues[0]!.path).toBe('timeline[1].kind');
  });

  it('issuesOf: the problems of the sections a widget reads, together', () => {
    const d = niger();
    d.cooperants.posts[0]!.years = [];
    d.places[0]!.lat = 200;
    const r = ready(parseDatasetBySection(d));
    expect(issuesOf(r.sectionIssues, ['budget', 'programmes', 'rates'])).toBeUndefined();
    expect(issuesOf(r.sectionIssues, ['facilities', 'places'])!.issues.map((i) => i.path)).toEqual([
      'places[0].lat',
    ]);
    const staff = issuesOf(r.sectionIssues, ['cooperants', 'places']);
    expect(staff!.issues.map((i) => i.path)).toEqual(['cooperants.posts[0].years', 'places[0].lat']);
    expect(staff!.total).toBe(2);
  });

  it('sectionOf reads the section from a formatted path', () => {
    expect(sectionOf('cooperants.posts[3].rank')).toBe('cooperants');
    expect(sectionOf('budget[0]')).toBe('budget');
    expect(sectionOf('vocabulary.ranks[0].label')).toBe('vocabulary');
    expect(sectionOf('meta.asOf')).toBeUndefined();
    expect(sectionOf('(root)')).toBeUndefined();
    expect(sectionOf('["odd key"]')).toBeUndefined();
  });
});
