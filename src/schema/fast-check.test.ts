import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { largeGenerated, malmoCity, nigerPolice, oneLine } from '../../test/fixtures/any-programme';
import { BudgetLine, DatasetShape } from './dataset';
import {
  parseDataset,
  parseDatasetInSlices,
  parseDatasetText,
  parseDatasetTextWithZod,
  parseDatasetWithZod,
  toDataIssues,
} from './parse';
import { NOT_SURE, runCheck } from './check-run';
import { LIST_ITEM_CHECKS } from './checks/items';
import { fastSections, shapedDataset } from './fast';
import { fastDataset, SECTION_CHECKS } from './fast-all';
import { parseDatasetBySection } from './sections';
import { SECTIONS, type Section } from './section-list';

/** The sections each widget reads (their `static sections`). */
const WIDGETS: Section[][] = [
  ['budget', 'programmes', 'rates'],
  ['timeline', 'programmes'],
  ['facilities', 'places', 'programmes', 'rates', 'vocabulary'],
  ['cooperants', 'places', 'vocabulary', 'glossary'],
];

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A seeded generator (no Math.random: a failure is reproduced by its seed). */
function prng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

type Slot = { parent: Json; key: string | number; value: unknown };

/** Every value of the dataset with the object or list that holds it. */
function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const node = stack.pop();
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      const value = node[key];
      out.push({ parent: node, key, value });
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return out;
}

const strangeValues: unknown[] = [
  null,
  undefined,
  Number.NaN,
  Infinity,
  -1,
  0,
  1.5,
  2 ** 53,
  1e300,
  '',
  'x',
  'soon',
  '2017-02-30',
  '2017-13',
  '#12345g',
  'E U R',
  'a'.repeat(60),
  true,
  false,
  [],
  [1],
  {},
  { en: '' },
  { unknown: true },
  { unknown: false },
];

/** The fields of a few objects in another order: still valid (zod's output follows the schema's order). */
function reorder(d: Json, r: ReturnType<typeof prng>): void {
  const objects = slots(d).filter(
    (x) => x.value !== null && typeof x.value === 'object' && !Array.isArray(x.value),
  );
  for (let k = 0; k < 3; k++) {
    const o = r.pick(objects).value as Json;
    const entries = Object.entries(o).reverse();
    for (const [key] of entries) delete o[key];
    for (const [key, v] of entries) o[key] = v;
  }
}

/** A reference changed to another id of the dataset (or to none): valid, or wrong only in its cross-references. */
function rewire(d: Json, r: ReturnType<typeof prng>): void {
  const all = slots(d);
  const ids = all.filter((s) => s.key === 'id' && typeof s.value === 'string').map((s) => s.value as string);
  const refs = all.filter(
    (s) =>
      typeof s.value === 'string' &&
      (['programme', 'place', 'parent', 'entity', 'handoverPlace', 'id'].includes(String(s.key)) ||
        Array.isArray(s.parent)),
  );
  const s = r.pick(refs);
  s.parent[s.key] = r.next() < 0.8 ? r.pick(ids) : 'nowhere';
}

/** One random change: a strange value, a missing or unknown field, an id taken from elsewhere, a duplicate… */
function mutate(d: Json, r: ReturnType<typeof prng>): void {
  const all = slots(d);
  const ids = all.filter((s) => s.key === 'id' && typeof s.value === 'string').map((s) => s.value as string);
  const strings = all.filter((s) => typeof s.value === 'string').map((s) => s.value as string);
  const s = r.pick(all);
  const kind = r.int(11);
  if (kind === 0) s.parent[s.key] = r.pick(strangeValues);
  else if (kind === 1 && !Array.isArray(s.parent)) delete s.parent[s.key];
  else if (kind === 2 && !Array.isArray(s.parent)) s.parent[s.key] = undefined;
  else if (kind === 3) {
    // an unknown field on the holder, or a `__proto__` field as JSON.parse gives it
    if (!Array.isArray(s.parent))
      Object.assign(s.parent, r.next() < 0.5 ? { extra: 1 } : JSON.parse('{"__proto__": 1}'));
  } else if (kind === 4) s.parent[s.key] = r.pick(ids.length ? ids : ['x']);
  else if (kind === 5) s.parent[s.key] = r.pick(strings.length ? strings : ['x']);
  else if (kind === 6 && Array.isArray(s.parent)) s.parent.push(structuredClone(s.value));
  else if (kind === 7 && Array.isArray(s.value)) s.value.length = 0;
  else if (kind === 8 && s.value !== null && typeof s.value === 'object' && !Array.isArray(s.value)) {
    // the same fields in another order: zod's output follows the schema's order
    const entries = Object.entries(s.value).reverse();
    for (const [k] of entries) delete (s.value as Json)[k];
    for (const [k, v] of entries) (s.value as Json)[k] = v;
  } else if (kind === 9 && s.value !== null && typeof s.value === 'object' && !Array.isArray(s.value)) {
    // a language more, or a key no language tag has
    (s.value as Json)[r.pick(['de', 'fr-ML', 'zh-Hant', 'english', '12', 'x'])] = r.pick(['text', '']);
  } else if (typeof s.value === 'number') s.parent[s.key] = r.pick([s.value * 1e30, -s.value, s.value + 0.5]);
  else s.parent[s.key] = r.pick(strangeValues);
}

const bases: [string, () => Json, number][] = [
  ['data/parsec.json', () => structuredClone(raw), 160],
  ['niger', () => structuredClone(nigerPolice), 80],
  ['malmo', () => structuredClone(malmoCity), 80],
  ['one-line', () => structuredClone(oneLine), 60],
  [
    'large-generated (small)',
    () => largeGenerated({ programmes: 3, linesPerProgramme: 6, facilities: 20, posts: 10 }),
    40,
  ],
];

describe('the fast checks', () => {
  it('accepts the datasets zod accepts, giving the same data, fields in the same order', () => {
    for (const [name, make] of bases) {
      const d = make();
      // the checks generated from the schema (src/schema/checks/) accept its shapes, and the widgets' fast path
      // (those checks and the cross-references, without zod) gives what zod gives
      expect(shapedDataset(d, SECTION_CHECKS)?.issues, name).toEqual([]);
      const widgets = fastDataset(d);
      expect(widgets, name).toBeDefined();
      const a = parseDataset(d);
      expect(JSON.stringify({ ok: true, data: widgets }), name).toBe(JSON.stringify(a));
      const b = parseDatasetWithZod(d);
      expect(a.ok, name).toBe(true);
      expect(a).toEqual(b);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      // section by section, as widgets sharing one dataset check it: one object, filled in, the same in the end
      let part = fastSections(d, [], SECTION_CHECKS);
      for (const sections of [...WIDGETS, SECTIONS]) {
        const prior = part;
        part = fastSections(d, sections, SECTION_CHECKS, { prior });
        expect(part, name).toBeDefined();
        expect(part!.data, name).toBe(prior!.data);
      }
      expect(JSON.stringify(part!.data), name).toBe(JSON.stringify(b.ok && b.data));
    }
  });

  it("copies nothing that need not be: the page's values are shared where they are already as zod outputs them, and the page's object is never changed", () => {
    const d = structuredClone(nigerPolice) as Json;
    delete d.facilities;
    const before = structuredClone(d);
    const r = parseDataset(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // the root is the result's own: the section left out is added there, empty, not to the page's object
    expect(r.data).not.toBe(d);
    expect(r.data.facilities).toEqual([]);
    expect('facilities' in d).toBe(false);
    expect(d).toEqual(before);
    expect(r.data.budget).toBe(d.budget);
    expect(r.data.budget[0]).toBe(d.budget[0]);
    // an object whose fields are in another order comes out in the schema's order: that object and the lists holding
    // it are new, the rest is still shared
    const line = d.budget[0];
    const entries = Object.entries(line).reverse();
    for (const [key] of entries) delete line[key];
    for (const [key, v] of entries) line[key] = v;
    const reordered = parseDataset(d);
    expect(reordered.ok).toBe(true);
    if (!reordered.ok) return;
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(parseDatasetWithZod(d)));
    expect(reordered.data.budget[0]).not.toBe(line);
    expect(Object.keys(line)).toEqual(entries.map(([key]) => key));
    expect(reordered.data.budget).not.toBe(d.budget);
    expect(reordered.data.budget[1]).toBe(d.budget[1]);
    expect(reordered.data.budget[0]!.label).toBe(line.label);
    // a frozen dataset is read, never written
    const deepFreeze = (v: unknown): unknown => {
      if (v !== null && typeof v === 'object') {
        for (const x of Object.values(v)) deepFreeze(x);
        Object.freeze(v);
      }
      return v;
    };
    const frozen = parseDataset(deepFreeze(structuredClone(nigerPolice)));
    expect(JSON.stringify(frozen)).toBe(JSON.stringify(parseDatasetWithZod(structuredClone(nigerPolice))));
  });

  it("takes only objects whose keys are all their own (no test of each key): others, and any while Object.prototype has an enumerable key, are zod's", () => {
    const d = structuredClone(nigerPolice) as Json;
    const line = d.budget[0];
    expect(runCheck(LIST_ITEM_CHECKS.budget!, line)).toBe(line);
    // no prototype: its keys are its own
    const bare = Object.assign(Object.create(null), line);
    expect(runCheck(LIST_ITEM_CHECKS.budget!, bare)).toBe(bare);
    // an instance of a class (its prototype may hold enumerable keys): zod decides
    class Line {
      constructor() {
        Object.assign(this, line);
      }
    }
    expect(runCheck(LIST_ITEM_CHECKS.budget!, new Line())).toBe(NOT_SURE);
    // a polluted Object.prototype: `for in` gives its key too
    Object.defineProperty(Object.prototype, 'note', {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      expect(runCheck(LIST_ITEM_CHECKS.budget!, line)).toBe(NOT_SURE);
      expect(fastDataset(d)).toBeUndefined();
    } finally {
      delete (Object.prototype as Json).note;
    }
    expect(runCheck(LIST_ITEM_CHECKS.budget!, line)).toBe(line);
    expect(fastDataset(d)).toBeDefined();
  });

  it('finds a source one dataset cites that another, checked before, has: each run its own sources', () => {
    const a = structuredClone(nigerPolice) as Json;
    const b = structuredClone(nigerPolice) as Json;
    a.sources.push({ ...a.sources[0], id: 'ONLY-A' });
    // every list of sources cites it
    for (const d of [a, b])
      for (const s of slots(d)) if (s.key === 'sources' && s.parent !== d) s.parent.sources = ['ONLY-A'];
    expect(shapedDataset(a, SECTION_CHECKS)?.issues).toEqual([]);
    const issues = shapedDataset(b, SECTION_CHECKS)?.issues;
    expect(issues?.length).toBeGreaterThan(0);
    expect(issues?.every((i) => i.message === 'R sources' && i.input === 'ONLY-A')).toBe(true);
    expect(fastDataset(b)).toBeUndefined();
  });

  it('gives what zod gives on 420 seeded mutations of five datasets (verdict, data, issues and their count)', () => {
    let fastAccepted = 0;
    let fastRefsOnly = 0;
    let deferred = 0;
    let widgetsAccepted = 0;
    let partOnly = 0;
    for (const [name, make, runs] of bases)
      for (let seed = 1; seed <= runs; seed++) {
        const r = prng(seed * 7919 + name.length);
        const d = make();
        // a quarter stay valid, a quarter are wrong only in their references, half are broken anywhere
        if (seed % 4 === 0) reorder(d, r);
        else if (seed % 4 === 1) rewire(d, r);
        else for (let k = 1 + r.int(3); k > 0; k--) mutate(d, r);
        const expected = parseDatasetWithZod(d);
        const got = parseDataset(d);
        const where = `${name}, seed ${seed}`;
        expect(got, where).toEqual(expected);
        expect(JSON.stringify(got), where).toBe(JSON.stringify(expected));
        // and through text, as `src` and inline JSON give it (no `undefined` there)
        const text = JSON.stringify(d);
        const t = parseDatasetText(text);
        const u = parseDatasetTextWithZod(text);
        expect(t, where).toEqual(u);
        expect(JSON.stringify(t), where).toBe(JSON.stringify(u));
        // the widgets' fast path (generated plan, no zod) answers only for what zod accepts, with zod's data
        for (const [fast, zod] of [
          [fastDataset(d), expected],
          [fastDataset(JSON.parse(text)), u],
        ] as const)
          if (fast !== undefined) {
            widgetsAccepted++;
            expect(JSON.stringify({ ok: true, data: fast }), where).toBe(JSON.stringify(zod));
          }
        // a widget's sections alone: accepted only when zod finds them sound, with zod's data for them
        let scoped: ReturnType<typeof parseDatasetBySection> | undefined;
        for (const sections of WIDGETS) {
          const part = fastSections(d, sections, SECTION_CHECKS);
          if (!part) continue;
          scoped ??= parseDatasetBySection(d);
          expect(scoped.ok, where).toBe(true);
          if (!scoped.ok) continue;
          if (!expected.ok) partOnly++;
          for (const key of ['meta', 'sources', ...sections] as const) {
            expect(scoped.sectionIssues[key as Section], `${where}: ${key}`).toBeUndefined();
            // (zod's sectioned result keeps a sound section as given: the same values, fields in the given order)
            expect(part.data[key], `${where}: ${key}`).toEqual(scoped.data[key]);
          }
        }
        if (!shapedDataset(d, SECTION_CHECKS)) deferred++;
        else if (got.ok) fastAccepted++;
        else fastRefsOnly++;
      }
    // the comparison is worth something only if both ways were taken often
    expect(fastAccepted).toBeGreaterThan(100);
    expect(fastRefsOnly).toBeGreaterThan(50);
    expect(deferred).toBeGreaterThan(150);
    expect(widgetsAccepted).toBeGreaterThanOrEqual(fastAccepted * 2);
    // and widgets drew from datasets broken elsewhere
    expect(partOnly).toBeGreaterThan(50);
  }, 120_000);

  it('in slices, gives what zod gives on 200 seeded mutations (verdict, data, problems in order, their count), reading a sound dataset as it is (no copy)', async () => {
    let shared = 0;
    let refused = 0;
    // broken shapes whose problems zod goes on after (a check, an unknown field): their cross-references follow
    let shapesAndRefs = 0;
    for (const [name, make, runs] of bases)
      for (let seed = 1; seed <= Math.ceil(runs / 2); seed++) {
        const r = prng(seed * 104_729 + name.length);
        const d = make();
        if (seed % 4 === 0) reorder(d, r);
        else if (seed % 4 === 1) rewire(d, r);
        else for (let k = 1 + r.int(3); k > 0; k--) mutate(d, r);
        const where = `${name}, seed ${seed}`;
        const expected = parseDatasetWithZod(d);
        const sliced = await parseDatasetInSlices(d, { sliceMs: 0 });
        expect(sliced.ok, where).toBe(expected.ok);
        // the same problems, in the same order, whether the shapes are sound or not
        expect(sliced, where).toEqual(expected);
        expect(JSON.stringify(sliced), where).toBe(JSON.stringify(expected));
        const shapes = DatasetShape.safeParse(d, { reportInput: true });
        if (!shapes.success && !expected.ok && expected.total > toDataIssues(shapes.error.issues).length)
          shapesAndRefs++;
        if (!sliced.ok) refused++;
        // the generated checks took it: its lists are the page's own where zod outputs them as they are
        else if (d.sources === sliced.data.sources) shared++;
      }
    expect(shared).toBeGreaterThan(60);
    expect(refused).toBeGreaterThan(60);
    expect(shapesAndRefs).toBeGreaterThan(1);
  }, 120_000);

  it('in slices, stops when aborted between two slices', async () => {
    const d = largeGenerated({ programmes: 20, linesPerProgramme: 20 });
    const abort = new AbortController();
    const pending = parseDatasetInSlices(d, { sliceMs: 0, signal: abort.signal });
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, issues: [{ path: '(root)', message: /aborted/ }] });
  });

  it('gives the same items as zod in slices, and leaves to zod the items it is not sure of', async () => {
    const d = largeGenerated({ programmes: 2, linesPerProgramme: 5 });
    const line = d.budget[1];
    const zod = BudgetLine.safeParse(line);
    expect(zod.success).toBe(true);
    const check = LIST_ITEM_CHECKS.budget!;
    expect(JSON.stringify(runCheck(check, line))).toBe(JSON.stringify(zod.data));
    expect(runCheck(check, { ...(line as object), extra: 1 })).toBe(NOT_SURE);
    // the same item check as the whole section's
    expect(runCheck(SECTION_CHECKS.budget, [line, { ...(line as object), extra: 1 }])).toBe(NOT_SURE);
    const sliced = await parseDatasetInSlices(d);
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(parseDatasetWithZod(d)));
  });
});
