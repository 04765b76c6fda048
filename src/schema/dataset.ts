import * as z from 'zod/mini';
import { Id, Precision, SourceRefs } from './common';
import { IsoDate, ReportedDate } from './dates';
import { convert, Count, Rate, ReportedMoney, type Currency } from './quantity';
import { Source } from './sources';
import { LocalText } from './text';

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

/** A value of an open vocabulary declared by the dataset: its id, its labels, optionally a symbol or a colour. */
export const Term = z.strictObject({
  id: Id,
  label: LocalText,
  /** A short mark (one or two characters) some widgets draw with the label. */
  symbol: z.optional(z.string().check(z.maxLength(4, 'a symbol of at most 4 characters'))),
  /** A CSS colour for the term's marks (`#1b6ca8`); widgets keep their own contrast rules. */
  colour: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour like "#1b6ca8"'))),
  note: z.optional(LocalText),
});
export type Term = z.infer<typeof Term>;

/**
 * An id of an open vocabulary: a built-in value (see `KNOWN`) or one declared in `vocabulary`. The JSON Schema says
 * which, and lists the built-in values as examples for editors' completion.
 */
const termId = (v: Vocabulary, what: string) =>
  z
    .string()
    .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id of letters, digits, "-" or "_"'))
    .register(z.globalRegistry, {
      description: `${what}: ${KNOWN[v].join(', ')}, or one declared in vocabulary.${v}`,
      examples: [...KNOWN[v]],
    });

/** A programme, project or mission. `context` ones (EU CSDP missions…) frame the story and are hidden by default. */
export const Programme = z.strictObject({
  id: Id,
  kind: z.enum(['programme', 'context']),
  short: z.string().check(z.minLength(1, 'a non-empty short name')),
  name: LocalText,
  reference: z.optional(z.string()),
  instrument: z.optional(LocalText),
  implementers: z.optional(LocalText),
  area: z.optional(LocalText),
  note: z.optional(LocalText),
  sources: SourceRefs,
});
export type Programme = z.infer<typeof Programme>;

/** A budget line. Lines form a tree through `parent`; a line with no parent is a programme's total. */
export const BudgetLine = z.strictObject({
  id: Id,
  programme: Id,
  parent: z.optional(z.nullable(Id)),
  label: LocalText,
  amount: ReportedMoney,
  period: z.optional(z.strictObject({ start: z.optional(IsoDate), end: z.optional(IsoDate) })),
  note: z.optional(LocalText),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

/** A duration in months as a source states it. */
export const Duration = z.strictObject({
  months: z.int().check(z.positive('a whole number of months > 0')),
  precision: Precision,
  sources: SourceRefs,
  note: z.optional(LocalText),
});

/** A phase (start → end), a milestone or an event (one date) of a programme. */
export const TimelineItem = z
  .object({
    id: Id,
    programme: Id,
    kind: z.enum(['phase', 'milestone', 'event']),
    label: LocalText,
    start: z.optional(ReportedDate),
    end: z.optional(ReportedDate),
    date: z.optional(ReportedDate),
    planned: z.optional(z.strictObject({ start: z.optional(ReportedDate), end: z.optional(ReportedDate) })),
    duration: z.optional(z.array(Duration)),
    after: z.optional(z.array(Id)),
    place: z.optional(Id),
    note: z.optional(LocalText),
    sources: SourceRefs,
  })
  .check(
    z.superRefine((item, ctx) => {
      if (item.kind === 'phase') {
        if (!item.start)
          ctx.issues.push({
            code: 'custom',
            path: ['start'],
            message: 'a phase needs a start date',
            input: item.start,
          });
        if (!item.end)
          ctx.issues.push({
            code: 'custom',
            path: ['end'],
            message: 'a phase needs an end date (or {"unknown": true})',
            input: item.end,
          });
      } else if (!item.date) {
        ctx.issues.push({
          code: 'custom',
          path: ['date'],
          message: `a ${item.kind} needs a date`,
          input: item.date,
        });
      }
    }),
  );
export type TimelineItem = z.infer<typeof TimelineItem>;

/** A place of the gazetteer (WGS84). Facilities are placed at town precision at most. */
export const Place = z.strictObject({
  id: Id,
  name: LocalText,
  /** `capital`, `regional-capital`, `town`, `airport`, or a kind declared in `vocabulary.placeKinds`. */
  kind: termId('placeKinds', 'The kind of place'),
  lat: z.number().check(z.gte(-90, 'a latitude ≥ -90'), z.lte(90, 'a latitude ≤ 90')),
  lon: z.number().check(z.gte(-180, 'a longitude ≥ -180'), z.lte(180, 'a longitude ≤ 180')),
  precision: Precision,
  admin1: z.string(),
  admin1Reform: z.optional(z.string()),
  alternatives: z.optional(
    z.array(z.strictObject({ lat: z.number(), lon: z.number(), sources: SourceRefs })),
  ),
  note: z.optional(LocalText),
  sources: SourceRefs,
});
export type Place = z.infer<typeof Place>;

/** Something built, delivered, set up or planned, at a place. */
export const Facility = z.strictObject({
  id: Id,
  programme: Id,
  /** `infrastructure`, `equipment`, `training`, `border`, `unit`, or one declared in `vocabulary.facilityKinds`. */
  kind: termId('facilityKinds', 'The kind of facility'),
  label: LocalText,
  quantity: z.optional(Count),
  place: Id,
  /** `town`: at the named town (never finer); `approx`: somewhere around it; `region`: only the region is known. */
  placePrecision: z.enum(['town', 'approx', 'region']),
  placeNote: z.optional(LocalText),
  handoverPlace: z.optional(Id),
  beneficiary: z.optional(LocalText),
  /** `delivered`, `planned`, `in-progress`, `unknown`, `cancelled`, or one declared in `vocabulary.statuses`. */
  status: termId('statuses', 'The status'),
  date: z.optional(ReportedDate),
  amount: z.optional(ReportedMoney),
  note: z.optional(LocalText),
  sources: SourceRefs,
});
export type Facility = z.infer<typeof Facility>;

/** An entity (a ministry, a school, a unit…) that hosts the staff posts. */
export const CooperantEntity = z.strictObject({
  id: Id,
  short: z.string(),
  name: LocalText,
  note: z.optional(LocalText),
  sources: SourceRefs,
});

/** A staff post as itemised by a source. `null` place, or rank or service `not-stated`, means "not stated". */
export const CooperantPost = z.strictObject({
  id: Id,
  entity: Id,
  role: LocalText,
  /** `senior-officer`, `officer`, `nco`, `not-stated`, or a rank declared in `vocabulary.ranks`. */
  rank: termId('ranks', 'The rank'),
  /** `army`, `air-force`, `not-stated`, or a service declared in `vocabulary.services`. */
  service: termId('services', 'The service'),
  place: z.nullable(Id),
  years: z.array(z.int()).check(z.minLength(1, 'at least one year')),
  note: z.optional(LocalText),
  sources: SourceRefs,
});
export type CooperantPost = z.infer<typeof CooperantPost>;

/** A headline count of posts for a year, which may exceed the posts itemised. */
export const CooperantTotal = z.strictObject({ year: z.int(), count: Count, note: z.optional(LocalText) });

/**
 * An abbreviation as a source spells it out (`DCM` → "Détachement de coordination militaire"): widgets expand it on
 * its first use in a label, a tooltip or a table. Only what a source gives; an abbreviation no source expands is left
 * out (and stays as written).
 */
export const GlossaryEntry = z.strictObject({
  /** As written in the data's texts, matched as a whole word (`DCM`, `D.E.M` is written `DEM`). */
  term: z.string().check(z.minLength(1, 'a non-empty term')),
  expansion: LocalText,
  sources: SourceRefs,
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/**
 * The words of the staff section, per language: its title, which names the kind of staff counted (`French military
 * cooperant posts`), and the kind of entity that hosts the posts (`Malian entity`). Without them the widget uses
 * neutral words (`Staff posts`, `Entity`).
 */
export const StaffWords = z.strictObject({
  title: LocalText,
  entity: z.optional(LocalText),
});
export type StaffWords = z.infer<typeof StaffWords>;

/** Values of the open vocabularies the dataset uses beyond the built-in ones, with their labels. */
export const VocabularyShape = z.strictObject({
  placeKinds: z.optional(z.array(Term)),
  facilityKinds: z.optional(z.array(Term)),
  statuses: z.optional(z.array(Term)),
  ranks: z.optional(z.array(Term)),
  services: z.optional(z.array(Term)),
});

/** The whole dataset all four widgets read. */
export const DatasetShape = z.strictObject({
  $schema: z.optional(z.string()),
  meta: z.strictObject({
    title: LocalText,
    description: z.optional(LocalText),
    asOf: IsoDate,
    license: z.optional(z.string()),
  }),
  sources: z.array(Source),
  /** Exchange rates the dataset states and cites; amounts are converted through these only. */
  rates: z.optional(z.array(Rate)),
  /** Kinds, statuses, ranks and services beyond the built-in ones, with their labels per language. */
  vocabulary: z.optional(VocabularyShape),
  /** Programmes, projects or missions (optional: absent is none). */
  programmes: z.optional(z.array(Programme)),
  /** Budget lines, drawn by the treemap (optional: absent is none). */
  budget: z.optional(z.array(BudgetLine)),
  /** Phases, milestones and events, drawn by the Gantt chart (optional: absent is none). */
  timeline: z.optional(z.array(TimelineItem)),
  /** The gazetteer the facilities and posts point to (optional: absent is none). */
  places: z.optional(z.array(Place)),
  /** What was built, delivered or set up, drawn by the map (optional: absent is none). */
  facilities: z.optional(z.array(Facility)),
  /** Staff posts, drawn by the staff chart (optional: absent is none). */
  cooperants: z.optional(
    z.strictObject({
      /** The section's words (title, kind of entity and of staff), per language. */
      words: z.optional(StaffWords),
      entities: z.array(CooperantEntity),
      totals: z.array(CooperantTotal),
      posts: z.array(CooperantPost),
    }),
  ),
  /** Abbreviations spelt out by the sources (optional). */
  glossary: z.optional(z.array(GlossaryEntry)),
});

/** A dataset as the schema reads it: the sections a widget draws may be absent. */
export type DatasetInput = z.infer<typeof DatasetShape>;

/** The sections a dataset may leave out; a validated {@link Dataset} has each of them, empty when absent. */
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
): z.infer<typeof DatasetShape> & Required<Pick<DatasetInput, OptionalSection>> {
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

/**
 * Cross-references: every id a record points to must exist, ids are unique, the budget tree has no cycle. Every
 * validation path checks the references of the object it returns, so this is where absent sections are given
 * empty, in place ({@link completeSections}).
 */
export function referenceIssues(input: DatasetInput): ReferenceIssue[] {
  const d = completeSections(input);
  const out: ReferenceIssue[] = [];
  const ids = <T extends { id: string }>(list: T[], at: Path): Set<string> => {
    const seen = new Set<string>();
    const name = at.join('.');
    list.forEach((x, i) => {
      if (seen.has(x.id))
        out.push({
          path: [...at, i, 'id'],
          message: `a unique id (another ${name} item already uses it)`,
          input: x.id,
        });
      seen.add(x.id);
    });
    return seen;
  };
  const sources = ids(d.sources, ['sources']);
  const programmes = ids(d.programmes, ['programmes']);
  // the budget's ids numbered once (first line with each), for the references and the tree's depths below
  const node = new Map<string, number>();
  const lineNode = new Int32Array(d.budget.length);
  d.budget.forEach((b, i) => {
    const k = node.get(b.id);
    if (k !== undefined)
      out.push({
        path: ['budget', i, 'id'],
        message: 'a unique id (another budget item already uses it)',
        input: b.id,
      });
    else node.set(b.id, node.size);
    lineNode[i] = k ?? node.size - 1;
  });
  const timeline = ids(d.timeline, ['timeline']);
  const places = ids(d.places, ['places']);
  ids(d.facilities, ['facilities']);
  const entities = ids(d.cooperants.entities, ['cooperants', 'entities']);
  ids(d.cooperants.posts, ['cooperants', 'posts']);
  const ref = (set: { has(id: string): boolean }, what: string, value: unknown, path: Path) => {
    if (typeof value === 'string' && !set.has(value))
      out.push({
        path,
        message: `the id of one of the ${what}`,
        input: value,
        target: what.split(/[ .]/)[0],
      });
  };
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
            if (!sources.has(v[i] as string)) ref(sources, 'sources', v[i], [...path, k, i]);
        } else {
          path.push(k);
          walk(v);
          path.pop();
        }
      }
    }
  };
  walk(d);
  // every amount, added up in its currency and in every currency a stated rate converts it to, stays drawable
  const rates = d.rates ?? [];
  const sums = new Map<string, number>();
  const currencies = [...new Set(rates.flatMap((r) => [r.from, r.to]))];
  /** An amount's own currency, when no rate names it (one list for all: nothing allocated per amount). */
  const own: Currency[] = [];
  const money = (m: unknown, path: Path) => {
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
          const x = convert(v, currency, c, rates);
          if (x === null) continue;
          const sum = (sums.get(c) ?? 0) + x;
          sums.set(c, sum);
          if (!(sum <= MAX_AMOUNT_TOTAL)) ok = false;
        }
        if (!ok) {
          out.push({
            path: [...path, key],
            message: `an amount that keeps the dataset's amounts below ${MAX_AMOUNT_TOTAL} once added up or converted`,
            input: v,
          });
          sums.clear();
        }
      }
    }
    alternatives?.forEach((a, j) => money(a, [...path, 'alternatives', j]));
  };
  d.cooperants.totals.forEach((t, i) => {
    if (t.count.value > MAX_POST_COUNT)
      out.push({
        path: ['cooperants', 'totals', i, 'count', 'value'],
        message: `a count of posts up to ${MAX_POST_COUNT}`,
        input: t.count.value,
      });
  });
  d.budget.forEach((b, i) => money(b.amount, ['budget', i, 'amount']));
  d.facilities.forEach((f, i) => money(f.amount, ['facilities', i, 'amount']));
  /** The number of each line's parent: -1 for none, -2 for an id that is no line's (reported here). */
  const lineParent = new Int32Array(d.budget.length);
  d.budget.forEach((b, i) => {
    ref(programmes, 'programmes', b.programme, ['budget', i, 'programme']);
    const p = b.parent == null ? -1 : node.get(b.parent);
    if (p === undefined) ref(node, 'budget lines', b.parent, ['budget', i, 'parent']);
    lineParent[i] = p ?? -2;
  });
  // depth of every line through its parents, computed once per id (iteratively: a chain of 100,000 lines is fine).
  // The ids numbered above (a parent that is no line gets a number too, and ends its chain); the chains are followed
  // through arrays: nothing looked up or allocated per line.
  /** The parent of each id (that of its last line), -1 for none. */
  const parentNode: number[] = new Array<number>(node.size).fill(-1);
  d.budget.forEach((b, i) => {
    let p = lineParent[i]!;
    if (p === -2) {
      const known = node.get(b.parent!);
      if (known === undefined) {
        node.set(b.parent!, (p = node.size));
        parentNode[p] = -1;
      } else p = known;
    }
    parentNode[lineNode[i]!] = p;
  });
  /** 0: not yet known; then the depth (1 for a root), or CYCLE; ON_CHAIN while its chain is followed. */
  const depth = new Int32Array(node.size);
  const CYCLE = -1;
  const ON_CHAIN = -2;
  const chain: number[] = [];
  d.budget.forEach((b, i) => {
    const self = lineNode[i]!;
    if (depth[self] !== 0) {
      if (depth[self] === CYCLE)
        out.push({
          path: ['budget', i, 'parent'],
          message: 'a parent that does not lead back to this line (cycle)',
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
        message: 'a parent that does not lead back to this line (cycle)',
        input: b.parent,
      });
    else if (depth[self]! > MAX_BUDGET_DEPTH)
      out.push({
        path: ['budget', i, 'parent'],
        message: `a budget tree at most ${MAX_BUDGET_DEPTH} levels deep`,
        input: b.parent,
      });
  });
  d.timeline.forEach((t, i) => {
    ref(programmes, 'programmes', t.programme, ['timeline', i, 'programme']);
    if (t.place) ref(places, 'places', t.place, ['timeline', i, 'place']);
    t.after?.forEach((a, j) => ref(timeline, 'timeline items', a, ['timeline', i, 'after', j]));
  });
  d.facilities.forEach((f, i) => {
    ref(programmes, 'programmes', f.programme, ['facilities', i, 'programme']);
    ref(places, 'places', f.place, ['facilities', i, 'place']);
    if (f.handoverPlace) ref(places, 'places', f.handoverPlace, ['facilities', i, 'handoverPlace']);
  });
  // open vocabularies: a built-in value, or one the dataset declares (with its labels)
  const declared = (v: Vocabulary) => {
    const set = new Set<string>(KNOWN[v]);
    d.vocabulary?.[v]?.forEach((term, i) => {
      if (set.has(term.id))
        out.push({
          path: ['vocabulary', v, i, 'id'],
          message: `a value not declared twice (${(KNOWN[v] as readonly string[]).includes(term.id) ? 'built in' : 'declared above'})`,
          input: term.id,
        });
      set.add(term.id);
    });
    return set;
  };
  const term = (v: Vocabulary, what: string) => {
    const set = declared(v);
    return (value: string, path: Path) => {
      if (!set.has(value))
        out.push({
          path,
          message: `${what} (${KNOWN[v].join(', ')}) or one declared in vocabulary.${v}`,
          input: value,
          target: 'vocabulary',
        });
    };
  };
  const placeKind = term('placeKinds', 'a known place kind');
  d.places.forEach((p, i) => placeKind(p.kind, ['places', i, 'kind']));
  const facilityKind = term('facilityKinds', 'a known facility kind');
  const status = term('statuses', 'a known status');
  d.facilities.forEach((f, i) => {
    facilityKind(f.kind, ['facilities', i, 'kind']);
    status(f.status, ['facilities', i, 'status']);
  });
  const rank = term('ranks', 'a known rank');
  const service = term('services', 'a known service');
  d.cooperants.posts.forEach((p, i) => {
    rank(p.rank, ['cooperants', 'posts', i, 'rank']);
    service(p.service, ['cooperants', 'posts', i, 'service']);
  });
  rates.forEach((r, i) => {
    if (r.from === r.to)
      out.push({ path: ['rates', i, 'to'], message: 'a currency other than "from"', input: r.to });
  });
  d.cooperants.posts.forEach((p, i) => {
    ref(entities, 'cooperants.entities', p.entity, ['cooperants', 'posts', i, 'entity']);
    if (p.place !== null) ref(places, 'places', p.place, ['cooperants', 'posts', i, 'place']);
  });
  return out;
}

/** The dataset schema: shape plus cross-references (the sections left out are given empty). */
export const Dataset: z.ZodMiniType<Dataset, DatasetInput> = DatasetShape.check(
  z.superRefine((d, ctx) => {
    for (const issue of referenceIssues(d)) ctx.issues.push({ code: 'custom', ...issue });
  }),
) as unknown as z.ZodMiniType<Dataset, DatasetInput>;
/** A validated dataset: every section present (empty when the data leaves it out). */
export type Dataset = ReturnType<typeof completeSections>;
