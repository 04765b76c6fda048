/**
 * What the dataset schema checks beyond shapes, zod-free (the fast path runs it without loading zod): the built-in
 * vocabularies, the sections a dataset may leave out, and the cross-references.
 * @module
 */
import { rateFor } from './convert';
import type { DatasetInput } from './dataset';
import type { Currency } from './quantity';

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
 * empty, in place ({@link completeSections}).
 *
 * One pass over each list, nothing allocated per item (paths are built only for a problem found): at 100,000 budget
 * lines, what costs is reading each line from memory, so each line is read once — its id numbered, its programme,
 * parent and amount checked together — and the problems are then given in the order of the checks (ids, sources,
 * counts, amounts, references, depths, vocabularies).
 */
export function referenceIssues(input: DatasetInput, scope: ReferenceScope = {}): ReferenceIssue[] {
  const d = completeSections(input);
  const only = scope.only;
  const want = (field: string) => !only || only.has(field);
  const out: ReferenceIssue[] = [];
  /** The ids of a list, reporting each one already used in it. */
  const ids = <T extends { id: string }>(list: T[], at: Path): Set<string> => {
    const seen = new Set<string>();
    const name = at.join('.');
    list.forEach((x, i) => {
      const n = seen.size;
      if (seen.add(x.id).size === n)
        out.push({
          path: [...at, i, 'id'],
          message: `a unique id (another ${name} item already uses it)`,
          input: x.id,
        });
    });
    return seen;
  };
  /** Whether `value` is a text that is not in `set` (a reference to nothing). */
  const missing = (set: { has(id: string): boolean }, value: unknown) =>
    typeof value === 'string' && !set.has(value);
  const refIssue = (what: string, value: unknown, path: Path): ReferenceIssue => ({
    path,
    message: `the id of one of the ${what}`,
    input: value,
    target: what.split(/[ .]/)[0],
  });
  const sources = ids(d.sources, ['sources']);
  const programmes = ids(d.programmes, ['programmes']);
  const budget = want('budget') ? d.budget : [];
  const n = budget.length;
  // the problems of the budget's pass, given later in the order of the checks
  const budgetIds: ReferenceIssue[] = [];
  const budgetMoney: ReferenceIssue[] = [];
  const budgetRefs: ReferenceIssue[] = [];
  // every amount, added up in its currency and in every currency a stated rate converts it to, stays drawable
  const rates = d.rates ?? [];
  const currencies = [...new Set(rates.flatMap((r) => [r.from, r.to]))];
  /** The rate between each two currencies named by the rates (as convert.ts picks it), by their indices. */
  const rateOf = currencies.map((from) =>
    currencies.map((to) => (from === to ? undefined : rateFor(from, to, rates))),
  );
  /** The running sum in each currency named by the rates, then in each other currency met (`own`). */
  const sums: number[] = currencies.map(() => 0);
  const own = new Map<string, number>();
  /** The index in `sums` of the last currency met (most amounts share one): one look-up per change of currency. */
  let lastCurrency: unknown;
  let lastIndex = -1;
  let lastNamed = false;
  /**
   * The path of the amount being added: its first `atDepth` keys (one list whose length never changes as amounts are
   * added: nothing allocated per amount; copied only for a problem).
   */
  const at: Path = [];
  let atDepth = 0;
  const amountAt = (section: string, i: number) => {
    at[0] = section;
    at[1] = i;
    at[2] = 'amount';
    atDepth = 3;
  };
  /** Adds one amount (`m.amount` and `m.max`, then its alternatives) to the sums; a problem goes in `into`. */
  const money = (m: unknown, into: ReferenceIssue[]) => {
    if (m === null || typeof m !== 'object') return;
    const { amount, max, currency, alternatives } = m as {
      amount?: number;
      max?: number;
      currency?: Currency;
      alternatives?: unknown[];
    };
    if (typeof amount === 'number' && currency) {
      if (currency !== lastCurrency) {
        lastCurrency = currency;
        lastIndex = currencies.indexOf(currency);
        lastNamed = lastIndex >= 0;
        if (!lastNamed) {
          let k = own.get(currency);
          if (k === undefined) {
            own.set(currency, (k = sums.length));
            sums.push(0);
          }
          lastIndex = k;
        }
      }
      const from = lastIndex;
      for (let k = 0; k < 2; k++) {
        const v = k ? max : amount;
        if (typeof v !== 'number') continue;
        let ok = true;
        if (lastNamed) {
          const row = rateOf[from]!;
          for (let c = 0; c < currencies.length; c++) {
            let x: number;
            if (c === from) x = v;
            else {
              const r = row[c];
              if (!r) continue;
              x = r.from === currency ? v * r.rate : v / r.rate;
            }
            if (!((sums[c] = sums[c]! + x) <= MAX_AMOUNT_TOTAL)) ok = false;
          }
        } else if (!((sums[from] = sums[from]! + v) <= MAX_AMOUNT_TOTAL)) ok = false;
        if (!ok) {
          into.push({
            path: [...at.slice(0, atDepth), k ? 'max' : 'amount'],
            message: `an amount that keeps the dataset's amounts below ${MAX_AMOUNT_TOTAL} once added up or converted`,
            input: v,
          });
          sums.fill(0);
        }
      }
    }
    if (alternatives)
      for (let j = 0; j < alternatives.length; j++) {
        at[atDepth] = 'alternatives';
        at[atDepth + 1] = j;
        atDepth += 2;
        money(alternatives[j], into);
        atDepth -= 2;
      }
  };
  /** Each budget id numbered once (its first line), for the references and the tree's depths below. */
  const node = new Map<string, number>();
  const lineNode = new Int32Array(n);
  /** The number of each line's parent: -1 for none, -2 for an id that is no line's yet (resolved below). */
  const lineParent = new Int32Array(n);
  const parents: unknown[] = [];
  const withMoney = want('budget') || want('facilities');
  for (let i = 0; i < n; i++) {
    const b = budget[i]!;
    const id = b.id;
    let k = node.get(id);
    if (k !== undefined)
      budgetIds.push({
        path: ['budget', i, 'id'],
        message: 'a unique id (another budget item already uses it)',
        input: id,
      });
    else node.set(id, (k = node.size));
    lineNode[i] = k;
    if (withMoney) {
      amountAt('budget', i);
      money(b.amount, budgetMoney);
    }
    if (missing(programmes, b.programme))
      budgetRefs.push(refIssue('programmes', b.programme, ['budget', i, 'programme']));
    const parent = b.parent;
    if (parent == null) lineParent[i] = -1;
    else {
      // a parent that comes later is found once every line is numbered
      const p = node.get(parent);
      if (p === undefined) {
        lineParent[i] = -2;
        parents[i] = parent;
      } else lineParent[i] = p;
    }
  }
  /** The references to lines that come later, or to no line (reported in the order of the lines). */
  const refsAfter: [number, ReferenceIssue][] = [];
  let unknownParents = false;
  for (let i = 0; i < n; i++)
    if (lineParent[i] === -2) {
      const p = node.get(parents[i] as string);
      if (p !== undefined) lineParent[i] = p;
      else {
        unknownParents = true;
        if (missing(node, parents[i]))
          refsAfter.push([i, refIssue('budget lines', parents[i], ['budget', i, 'parent'])]);
      }
    }
  // a parent that is no line's gets a number too (after the references are checked), and ends its chain
  if (unknownParents)
    for (let i = 0; i < n; i++)
      if (lineParent[i] === -2) {
        let p = node.get(parents[i] as string);
        if (p === undefined) node.set(parents[i] as string, (p = node.size));
        lineParent[i] = p;
      }
  if (refsAfter.length) {
    // each after its line's programme reference
    const all: ReferenceIssue[] = [];
    let r = 0;
    for (const issue of budgetRefs) {
      const line = issue.path[1] as number;
      while (r < refsAfter.length && refsAfter[r]![0] < line) all.push(refsAfter[r++]![1]);
      all.push(issue);
    }
    while (r < refsAfter.length) all.push(refsAfter[r++]![1]);
    budgetRefs.length = 0;
    budgetRefs.push(...all);
  }
  out.push(...budgetIds);
  const timelineItems = want('timeline') ? d.timeline : [];
  const timeline = ids(timelineItems, ['timeline']);
  const places =
    want('places') || want('timeline') || want('facilities') || want('cooperants')
      ? ids(d.places, ['places'])
      : new Set<string>();
  const facilities = want('facilities') ? d.facilities : [];
  ids(facilities, ['facilities']);
  const cooperants = want('cooperants') ? d.cooperants : { entities: [], totals: [], posts: [] };
  const entities = ids(cooperants.entities, ['cooperants', 'entities']);
  ids(cooperants.posts, ['cooperants', 'posts']);
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
          for (let i = 0; i < v.length; i++)
            if (missing(sources, v[i])) out.push(refIssue('sources', v[i], [...path, k, i]));
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
        walk(v);
        path.pop();
      }
  for (let i = 0; i < cooperants.totals.length; i++) {
    const value = cooperants.totals[i]!.count.value;
    if (value > MAX_POST_COUNT)
      out.push({
        path: ['cooperants', 'totals', i, 'count', 'value'],
        message: `a count of posts up to ${MAX_POST_COUNT}`,
        input: value,
      });
  }
  if (withMoney) {
    if (want('budget')) out.push(...budgetMoney);
    else
      d.budget.forEach((b, i) => {
        amountAt('budget', i);
        money(b.amount, out);
      });
  }
  // the budget's amounts not checked (read as they are): counted only when they can only make the sums larger
  if (!want('budget') && want('facilities'))
    for (const sum of sums)
      if (!(sum >= 0)) out.push({ path: ['budget'], message: 'amounts to check first', input: sum });
  for (let i = 0; i < facilities.length; i++) {
    amountAt('facilities', i);
    money(facilities[i]!.amount, out);
  }
  out.push(...budgetRefs);
  // depth of every line through its parents, computed once per id (iteratively: a chain of 100,000 lines is fine).
  // The chains are followed through arrays: nothing looked up or allocated per line.
  /** The parent of each id (that of its last line), -1 for none. */
  const parentNode = new Int32Array(node.size).fill(-1);
  for (let i = 0; i < n; i++) parentNode[lineNode[i]!] = lineParent[i]!;
  /** 0: not yet known; then the depth (1 for a root), or CYCLE; ON_CHAIN while its chain is followed. */
  const depth = new Int32Array(node.size);
  const CYCLE = -1;
  const ON_CHAIN = -2;
  const chain: number[] = [];
  for (let i = 0; i < n; i++) {
    const self = lineNode[i]!;
    if (depth[self] !== 0) {
      if (depth[self] === CYCLE)
        out.push({
          path: ['budget', i, 'parent'],
          message: 'a parent that does not lead back to this line (cycle)',
          input: budget[i]!.parent,
        });
      continue;
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
        message: 'a parent that does not lead back to this line (cycle)',
        input: budget[i]!.parent,
      });
    else if (depth[self]! > MAX_BUDGET_DEPTH)
      out.push({
        path: ['budget', i, 'parent'],
        message: `a budget tree at most ${MAX_BUDGET_DEPTH} levels deep`,
        input: budget[i]!.parent,
      });
  }
  for (let i = 0; i < timelineItems.length; i++) {
    const t = timelineItems[i]!;
    if (missing(programmes, t.programme))
      out.push(refIssue('programmes', t.programme, ['timeline', i, 'programme']));
    if (t.place && missing(places, t.place)) out.push(refIssue('places', t.place, ['timeline', i, 'place']));
    const after = t.after;
    if (after)
      for (let j = 0; j < after.length; j++)
        if (missing(timeline, after[j]))
          out.push(refIssue('timeline items', after[j], ['timeline', i, 'after', j]));
  }
  for (let i = 0; i < facilities.length; i++) {
    const f = facilities[i]!;
    if (missing(programmes, f.programme))
      out.push(refIssue('programmes', f.programme, ['facilities', i, 'programme']));
    if (missing(places, f.place)) out.push(refIssue('places', f.place, ['facilities', i, 'place']));
    if (f.handoverPlace && missing(places, f.handoverPlace))
      out.push(refIssue('places', f.handoverPlace, ['facilities', i, 'handoverPlace']));
  }
  // open vocabularies: a built-in value, or one the dataset declares (with its labels)
  const declared = (v: Vocabulary) => {
    const set = new Set<string>(KNOWN[v]);
    d.vocabulary?.[v]?.forEach((term, i) => {
      if (set.has(term.id) && want('vocabulary'))
        out.push({
          path: ['vocabulary', v, i, 'id'],
          message: `a value not declared twice (${(KNOWN[v] as readonly string[]).includes(term.id) ? 'built in' : 'declared above'})`,
          input: term.id,
        });
      set.add(term.id);
    });
    return set;
  };
  const termIssue = (v: Vocabulary, what: string, value: string, path: Path): ReferenceIssue => ({
    path,
    message: `${what} (${KNOWN[v].join(', ')}) or one declared in vocabulary.${v}`,
    input: value,
    target: 'vocabulary',
  });
  // (the vocabulary is read only where a section that uses it is checked: it may not be, and hold anything)
  if (want('places') || want('vocabulary')) {
    const placeKinds = declared('placeKinds');
    if (want('places'))
      for (let i = 0; i < d.places.length; i++) {
        const kind = d.places[i]!.kind;
        if (!placeKinds.has(kind))
          out.push(termIssue('placeKinds', 'a known place kind', kind, ['places', i, 'kind']));
      }
  }
  if (want('facilities') || want('vocabulary')) {
    const facilityKinds = declared('facilityKinds');
    const statuses = declared('statuses');
    for (let i = 0; i < facilities.length; i++) {
      const f = facilities[i]!;
      if (!facilityKinds.has(f.kind))
        out.push(termIssue('facilityKinds', 'a known facility kind', f.kind, ['facilities', i, 'kind']));
      if (!statuses.has(f.status))
        out.push(termIssue('statuses', 'a known status', f.status, ['facilities', i, 'status']));
    }
  }
  if (want('cooperants') || want('vocabulary')) {
    const ranks = declared('ranks');
    const services = declared('services');
    for (let i = 0; i < cooperants.posts.length; i++) {
      const p = cooperants.posts[i]!;
      if (!ranks.has(p.rank))
        out.push(termIssue('ranks', 'a known rank', p.rank, ['cooperants', 'posts', i, 'rank']));
      if (!services.has(p.service))
        out.push(termIssue('services', 'a known service', p.service, ['cooperants', 'posts', i, 'service']));
    }
  }
  if (want('rates'))
    rates.forEach((r, i) => {
      if (r.from === r.to)
        out.push({ path: ['rates', i, 'to'], message: 'a currency other than "from"', input: r.to });
    });
  for (let i = 0; i < cooperants.posts.length; i++) {
    const p = cooperants.posts[i]!;
    if (missing(entities, p.entity))
      out.push(refIssue('cooperants.entities', p.entity, ['cooperants', 'posts', i, 'entity']));
    if (p.place !== null && missing(places, p.place))
      out.push(refIssue('places', p.place, ['cooperants', 'posts', i, 'place']));
  }
  return out;
}
