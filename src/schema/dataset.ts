import * as z from 'zod/mini';
import { Id, Precision, SourceRefs } from './common';
import { IsoDate, ReportedDate } from './dates';
import { Count, Rate, ReportedMoney } from './quantity';
import { KNOWN, referenceIssues, type completeSections, type Vocabulary } from './references';
import { worded } from './reference-words';
import { namedRule } from './rule-names';
import { timelineDateIssues } from './rules';
import { Source } from './sources';
import { LocalText } from './text';

export {
  completeSections,
  KNOWN,
  MAX_AMOUNT_TOTAL,
  MAX_BUDGET_DEPTH,
  MAX_POST_COUNT,
  OPTIONAL_SECTIONS,
  referenceIssues,
  type Path,
  type ReferenceIssue,
  type Vocabulary,
} from './references';

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
    namedRule(
      z.superRefine((item, ctx) => {
        for (const issue of timelineDateIssues(item)) ctx.issues.push({ code: 'custom', ...issue });
      }),
      'timelineDates',
    ),
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

/** The dataset schema: shape plus cross-references (the sections left out are given empty). */
export const Dataset: z.ZodMiniType<Dataset, DatasetInput> = DatasetShape.check(
  z.superRefine((d, ctx) => {
    for (const issue of worded(referenceIssues(d))) ctx.issues.push({ code: 'custom', ...issue });
  }),
) as unknown as z.ZodMiniType<Dataset, DatasetInput>;
/** A validated dataset: every section present (empty when the data leaves it out). */
export type Dataset = ReturnType<typeof completeSections>;
