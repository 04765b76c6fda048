/**
 * What the dataset schema checks beyond shapes, zod-free (the fast path runs it without loading zod): the built-in
 * vocabularies, the sections a dataset may leave out, and the cross-references.
 * @module
 */
import { rateFor } from './convert';
import type { DatasetInput } from './dataset';
import type { Currency, Rate } from './quantity';
import { finish } from '../util/steps';

/**
 * Built-in values of the open vocabularies: widgets have labels (and symbols) for these in every language they
 * speak. Any other value must be declared in the dataset's `vocabulary`, with its labels.
 */
export const KNOWN = {
  placeKinds: ['capital', 'regional-capital', 'town', 'airport'],
  facilityKinds: ['infrastructure', 'equipment', 'training', 'border', 'unit'],
  statuses: ['delivered', 'planned', 'in-progress', 'unknown', 'cancelled'],
  ranks: ['senior-officer', 'officer', 'nco', 'not-stated'],
  services: ['army', 'air-force', 'not-stated'],
} as const;
export type Vocabulary = keyof typeof KNOWN;

/** The sections a dataset may leave out; a validated dataset has each of them, empty when absent. */
export const OPTIONAL_SECTIONS = [
  'programmes',
  'budget',
  'timeline',
  'places',
  'facilities',
  'cooperants',
] as const;
type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];

/**
 * Gives a dataset the sections it leaves out, empty, in place (on the object the validation outputs), and returns it:
 * readers never meet an absent section, a widget whose section is absent shows its empty state.
 */
export function completeSections(
  d: DatasetInput,
): DatasetInput & Required<Pick<DatasetInput, OptionalSection>> {
  d.programmes ??= [];
  d.budget ??= [];
  d.timeline ??= [];
  d.places ??= [];
  d.facilities ??= [];
  d.cooperants ??= { entities: [], totals: [], posts: [] };
  return d as ReturnType<typeof completeSections>;
}

/** A JSON path as a list of keys. */
export type Path = (string | number)[];
/**
 * A cross-reference problem, before it is turned into a plain-language issue; `target`: the section the reference
 * points into (`places`, `vocabulary`…), when it is one.
 */
export type ReferenceIssue = { path: Path; message: string; input: unknown; target?: string };
// `message` is a short code here (`U budget`, `R places`…): the fast path only asks whether there is a problem, and the
// words are in their own module (reference-words.ts), with the code that reports problems (zod's chunk)

/**
 * All amounts of the dataset, converted to the currency with the larger numbers, add up to at most this: beyond it,
 * sums, conversions and areas are no longer finite numbers a chart can draw (1e20 € is a billion times any budget).
 */
export const MAX_AMOUNT_TOTAL = 1e20;

/**
 * A year's headline count of cooperant posts is at most this: each post is a unit of the chart (drawn as bars past
 * what the width can hold), and a count beyond it is no count of posts a source gives.
 */
export const MAX_POST_COUNT = 100_000;

/** Budget lines nest at most this deep (programme → phase → component → line needs 4). */
export const MAX_BUDGET_DEPTH = 32;

/** Which references {@link referenceIssues} checks. */
export interface ReferenceScope {
  /**
   * Only the references of these top-level fields (`meta`, `sources` and sections): the others may hold anything
   * (data not checked yet), read only for the ids references point to — a dataset one of whose sections is broken
   * would have these references ignored, so reading it as it is may only find more problems, never fewer. Every
   * field when absent.
   */
  only?: ReadonlySet<string>;
  /** The generated checks found every `sources` list citing a known source (see check-run.ts): no need to look. */
  sourcesChecked?: boolean;
}

/**
 * Cross-references: every id a record points to must exist, ids are unique, the budget tree has no cycle. Every
 * validation path checks the references of the object it returns, so this is where absent sections are given
 * empty, in place ({@link completeSections}). It reads every record of the sections it checks, and allocates nothing
 * per record but for a problem found (its path is made then, from its list's path `at`, the index and the field).
 * At once: {@link referenceSteps} in one go.
 */
export function referenceIssues(input: DatasetInput, scope: ReferenceScope = {}): ReferenceIssue[] {
  return finish(referenceSteps(input, scope));
}

/** Records of a list between two steps of {@link referenceSteps}. */
const STEP = 4096;

/** `f` on each item of `list` from `from` to `to` (a plain function: V8 optimises a loop in a generator less). */
function range<T>(list: readonly T[], f: (x: T, i: number) => void, from: number, to: number): void {
  for (let i = from; i < to; i++) f(list[i]!, i);
}

/** `list.forEach(f)` in ranges of {@link STEP} items, a step between two. */
function* each<T>(list: readonly T[], f: (x: T, i: number) => void): Generator<void, void> {
  for (let from = 0; from < list.length; from += STEP) {
    if (from) yield;
    range(list, f, from, Math.min(list.length, from + STEP));
  }
}

/**
 * {@link referenceIssues} in steps: it yields every {@link STEP} records of a list (a few milliseconds at most), so
 * that validation in slices can give the page a turn (parse.ts); the same problems in the same order.
 */
export function* referenceSteps(
  input: DatasetInput,
  scope: ReferenceScope = {},
): Generator<void, ReferenceIssue[]> {
  const d = completeSections(input);
  const only = scope.only;
  const want = (field: string) => !only || only.has(field);
  const out: ReferenceIssue[] = [];
  // A list is read in as few passes as its references allow (each pass is a function the engine warms up on its own:
  // most of a first check runs before it is optimised); a problem a pass finds that is reported later (after those
  // of other lists) waits in a list of its own, added to `out` in its place.
  /** Adds `later`'s problems to `out` (a loop: a spread of a long list would overflow the stack). */
  const flush = (later: ReferenceIssue[]) => {
    for (let k = 0; k < later.length; k++) out.push(later[k]!);
  };
  /** The path `at` (`cooperants.posts`), `i`, `key`, and `j` when given. */
  const pathOf = (at: string, i: number, key: string, j?: number): Path =>
    j === undefined ? [...at.split('.'), i, key] : [...at.split('.'), i, key, j];
  /** Whether `id` is new to `seen`, which it is then added to (one lookup, not two). */
  const added = (seen: Set<unknown>, id: unknown) => {
    const n = seen.size;
    return seen.add(id).size !== n;
  };
  function* ids<T extends { id: string }>(list: T[], at: Path): Generator<void, Set<string>> {
    const seen = new Set<string>();
    const name = at.join('.');
    yield* each(list, (x, i) => {
      if (!added(seen, x.id))
        out.push({
          path: [...at, i, 'id'],
          message: `U ${name}`,
          input: x.id,
        });
    });
    return seen;
  }
  /** `value`, at `pathOf(at, i, key, j)`, is the id of an item of `set` (of `what`) when it is a text; else in `to`. */
  const ref = (
    to: ReferenceIssue[],
    set: { has(id: string): boolean },
    what: string,
    value: unknown,
    at: string,
    i: number,
    key: string,
    j?: number,
  ) => {
    if (typeof value === 'string' && !set.has(value))
      to.push({
        path: pathOf(at, i, key, j),
        message: `R ${what}`,
        input: value,
        target: what.split(/[ .]/)[0],
      });
  };
  // every amount, added up in its currency and in every currency a stated rate converts it to, stays drawable
  const rates = d.rates ?? [];
  const sums = new Map<string, number>();
  const currencies = [...new Set(rates.flatMap((r) => [r.from, r.to]))];
  /** An amount's own currency, when no rate names it (one list for all: nothing allocated per amount). */
  const own: Currency[] = [];
  /** The rate from a currency into another (rateFor's), looked up once per pair: nothing allocated per amount. */
  const rateOf = new Map<Currency, Map<Currency, Rate | undefined>>();
  const rate = (from: Currency, to: Currency) => {
    let m = rateOf.get(from);
    if (!m) rateOf.set(from, (m = new Map()));
    if (!m.has(to)) m.set(to, rateFor(from, to, rates));
    return m.get(to);
  };
  /** The amounts of `m`, at `pathOf(at, i, 'amount')` and then `tail` (an alternative's place); problems in `to`. */
  const money = (to: ReferenceIssue[], m: unknown, at: string, i: number, tail?: Path) => {
    if (m === null || typeof m !== 'object') return;
    const { amount, max, currency, alternatives } = m as {
      amount?: number;
      max?: number;
      currency?: Currency;
      alternatives?: unknown[];
    };
    if (typeof amount === 'number' && currency) {
      const into = currencies.includes(currency) ? currencies : ((own[0] = currency), own);
      for (let k = 0; k < 2; k++) {
        const key = k ? 'max' : 'amount';
        const v = k ? max : amount;
        if (typeof v !== 'number') continue;
        let ok = true;
        for (const c of into) {
          // (convert(v, currency, c, rates))
          const r = c === currency ? undefined : rate(currency, c);
          if (c !== currency && !r) continue;
          const x = !r ? v : r.from === currency ? v * r.rate : v / r.rate;
          const sum = (sums.get(c) ?? 0) + x;
          sums.set(c, sum);
          if (!(sum <= MAX_AMOUNT_TOTAL)) ok = false;
        }
        if (!ok) {
          to.push({
            path: [...pathOf(at, i, 'amount'), ...(tail ?? []), key],
            message: 'A',
            input: v,
          });
          sums.clear();
        }
      }
    }
    alternatives?.forEach((a, j) => money(to, a, at, i, [...(tail ?? []), 'alternatives', j]));
  };
  const sources = yield* ids(d.sources, ['sources']);
  const programmes = yield* ids(d.programmes, ['programmes']);
  const budget = want('budget') ? d.budget : [];
  // the budget's ids numbered once (first line with each), for the references and the tree's depths below; its
  // amounts added up in the same pass (their problems reported after the ids' and the sources')
  const node = new Map<string, number>();
  const lineNode = new Int32Array(budget.length);
  const budgetAmounts: ReferenceIssue[] = [];
  yield* each(budget, (b, i) => {
    const k = node.get(b.id);
    if (k !== undefined)
      out.push({
        path: ['budget', i, 'id'],
        message: 'U budget',
        input: b.id,
      });
    else node.set(b.id, node.size);
    lineNode[i] = k ?? node.size - 1;
    money(budgetAmounts, b.amount, 'budget', i);
  });
  const timelineItems = want('timeline') ? d.timeline : [];
  const timeline = yield* ids(timelineItems, ['timeline']);
  const places =
    want('places') || want('timeline') || want('facilities') || want('cooperants')
      ? yield* ids(d.places, ['places'])
      : new Set<string>();
  const facilities = want('facilities') ? d.facilities : [];
  yield* ids(facilities, ['facilities']);
  const cooperants = want('cooperants') ? d.cooperants : { entities: [], totals: [], posts: [] };
  const entities = yield* ids(cooperants.entities, ['cooperants', 'entities']);
  // open vocabularies: a built-in value, or one the dataset declares (with its labels)
  /** The values of `v`, built-in or declared; a declaration's problems in `to`. */
  const declared = (v: Vocabulary, to: ReferenceIssue[]) => {
    const set = new Set<string>(KNOWN[v]);
    d.vocabulary?.[v]?.forEach((term, i) => {
      if (set.has(term.id) && want('vocabulary'))
        to.push({
          path: ['vocabulary', v, i, 'id'],
          message: (KNOWN[v] as readonly string[]).includes(term.id) ? 'T1' : 'T0',
          input: term.id,
        });
      set.add(term.id);
    });
    return set;
  };
  /** The problem of `value`, a term of `v` not in `set`, at `pathOf(at, i, key)`. */
  const unknownTerm = (v: Vocabulary, value: string, at: string, i: number, key: string): ReferenceIssue => ({
    path: pathOf(at, i, key),
    message: `K ${v}`,
    input: value,
    target: 'vocabulary',
  });
  const term = (v: Vocabulary) => {
    const set = declared(v, out);
    return (value: string, at: string, i: number, key: string) => {
      if (!set.has(value)) out.push(unknownTerm(v, value, at, i, key));
    };
  };
  // the posts in one pass: their ids (reported now), their ranks and services (after the other terms) and what they
  // point to (last), each in its place
  const postTerms = want('cooperants') || want('vocabulary');
  /** The problems of the ranks' and services' declarations, then of the posts' ranks and services. */
  const vocabularyOfPosts: ReferenceIssue[] = [];
  const ranks = postTerms ? declared('ranks', vocabularyOfPosts) : undefined;
  const services = postTerms ? declared('services', vocabularyOfPosts) : undefined;
  const postTermIssues: ReferenceIssue[] = [];
  const postRefs: ReferenceIssue[] = [];
  const postIds = new Set<string>();
  yield* each(cooperants.posts, (p, i) => {
    if (!added(postIds, p.id))
      out.push({
        path: ['cooperants', 'posts', i, 'id'],
        message: 'U cooperants.posts',
        input: p.id,
      });
    if (ranks && !ranks.has(p.rank))
      postTermIssues.push(unknownTerm('ranks', p.rank, 'cooperants.posts', i, 'rank'));
    if (services && !services.has(p.service))
      postTermIssues.push(unknownTerm('services', p.service, 'cooperants.posts', i, 'service'));
    // (looked up here: `ref` called only for a problem, in this pass that most of a first paint's checks run in)
    if (!entities.has(p.entity))
      ref(postRefs, entities, 'cooperants.entities', p.entity, 'cooperants.posts', i, 'entity');
    if (p.place !== null && !places.has(p.place))
      ref(postRefs, places, 'places', p.place, 'cooperants.posts', i, 'place');
  });
  // every `sources: [...]` array anywhere below the top level cites known sources; one mutable path, copied only
  // when a problem is found (this walk visits every value of the dataset)
  const path: Path = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (v !== null && typeof v === 'object') {
          path.push(i);
          walk(v);
          path.pop();
        }
      }
    } else if (node !== null && typeof node === 'object') {
      for (const k in node) {
        const v = (node as Record<string, unknown>)[k];
        if (v === null || typeof v !== 'object') continue;
        if (k === 'sources' && Array.isArray(v) && path.length > 0) {
          for (let i = 0; i < v.length; i++) {
            const s: unknown = v[i];
            if (typeof s === 'string' && !sources.has(s))
              out.push({ path: [...path, k, i], message: 'R sources', input: s, target: 'sources' });
          }
        } else {
          path.push(k);
          walk(v);
          path.pop();
        }
      }
    }
  };
  if (!scope.sourcesChecked)
    for (const k in d)
      if (want(k)) {
        const v = (d as Record<string, unknown>)[k];
        if (v === null || typeof v !== 'object') continue;
        path.push(k);
        // a list item by item (as walk does), in steps
        if (Array.isArray(v))
          yield* each(v, (x, i) => {
            path.push(i);
            walk(x);
            path.pop();
          });
        else walk(v);
        path.pop();
      }
  cooperants.totals.forEach((t, i) => {
    if (t.count.value > MAX_POST_COUNT)
      out.push({
        path: ['cooperants', 'totals', i, 'count', 'value'],
        message: 'P',
        input: t.count.value,
      });
  });
  flush(budgetAmounts);
  // the budget's amounts not checked (read as they are): counted only when they can only make the sums larger
  if (!want('budget') && want('facilities')) {
    yield* each(d.budget, (b, i) => money(out, b.amount, 'budget', i));
    for (const sum of sums.values())
      if (!(sum >= 0)) out.push({ path: ['budget'], message: 'C', input: sum });
  }
  yield* each(facilities, (f, i) => money(out, f.amount, 'facilities', i));
  // each line's programme and parent, and the parent of each id (that of its last line; -1 for none), in one pass:
  // the ids numbered above (a parent that is no line's gets a number too, after theirs, and ends its chain)
  const lines = node.size;
  /** Parents that are no line's, by number. */
  const strays = new Map<string, number>();
  const parentNode: number[] = new Array<number>(lines).fill(-1);
  yield* each(budget, (b, i) => {
    if (!programmes.has(b.programme))
      ref(out, programmes, 'programmes', b.programme, 'budget', i, 'programme');
    let p = b.parent == null ? -1 : node.get(b.parent);
    if (p === undefined) {
      ref(out, node, 'budget lines', b.parent, 'budget', i, 'parent');
      p = strays.get(b.parent!);
      if (p === undefined) {
        strays.set(b.parent!, (p = lines + strays.size));
        parentNode[p] = -1;
      }
    }
    parentNode[lineNode[i]!] = p;
  });
  // depth of every line through its parents, computed once per id (iteratively: a chain of 100,000 lines is fine),
  // the chains followed through arrays: nothing looked up or allocated per line.
  /** 0: not yet known; then the depth (1 for a root), or CYCLE; ON_CHAIN while its chain is followed. */
  const depth = new Int32Array(lines + strays.size);
  const CYCLE = -1;
  const ON_CHAIN = -2;
  const chain: number[] = [];
  yield* each(budget, (b, i) => {
    const self = lineNode[i]!;
    if (depth[self] !== 0) {
      if (depth[self] === CYCLE)
        out.push({
          path: ['budget', i, 'parent'],
          message: 'Y',
          input: b.parent,
        });
      return;
    }
    chain.length = 0;
    let p = self;
    let base = 0;
    let cycle = false;
    while (p >= 0) {
      const known = depth[p]!;
      if (known !== 0) {
        if (known < 0) cycle = true;
        else base = known;
        break;
      }
      depth[p] = ON_CHAIN;
      chain.push(p);
      p = parentNode[p]!;
    }
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k]!] = cycle ? CYCLE : ++base;
    if (cycle)
      out.push({
        path: ['budget', i, 'parent'],
        message: 'Y',
        input: b.parent,
      });
    else if (depth[self]! > MAX_BUDGET_DEPTH)
      out.push({
        path: ['budget', i, 'parent'],
        message: 'D',
        input: b.parent,
      });
  });
  yield* each(timelineItems, (t, i) => {
    ref(out, programmes, 'programmes', t.programme, 'timeline', i, 'programme');
    if (t.place) ref(out, places, 'places', t.place, 'timeline', i, 'place');
    t.after?.forEach((a, j) => ref(out, timeline, 'timeline items', a, 'timeline', i, 'after', j));
  });
  yield* each(facilities, (f, i) => {
    ref(out, programmes, 'programmes', f.programme, 'facilities', i, 'programme');
    ref(out, places, 'places', f.place, 'facilities', i, 'place');
    if (f.handoverPlace) ref(out, places, 'places', f.handoverPlace, 'facilities', i, 'handoverPlace');
  });
  // (the vocabulary is read only where a section that uses it is checked: it may not be, and hold anything)
  if (want('places') || want('vocabulary')) {
    const placeKind = term('placeKinds');
    if (want('places')) yield* each(d.places, (p, i) => placeKind(p.kind, 'places', i, 'kind'));
  }
  if (want('facilities') || want('vocabulary')) {
    const facilityKind = term('facilityKinds');
    const status = term('statuses');
    yield* each(facilities, (f, i) => {
      facilityKind(f.kind, 'facilities', i, 'kind');
      status(f.status, 'facilities', i, 'status');
    });
  }
  flush(vocabularyOfPosts);
  flush(postTermIssues);
  if (want('rates'))
    rates.forEach((r, i) => {
      if (r.from === r.to) out.push({ path: ['rates', i, 'to'], message: 'F', input: r.to });
    });
  flush(postRefs);
  return out;
}
