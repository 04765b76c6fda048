import type { BudgetLine, Dataset } from '../schema/dataset';
import type { Precision } from '../schema/common';
import {
  convert,
  isKnownMoney,
  type Bound,
  type Currency,
  type MoneyReport,
  type Rate,
} from '../schema/quantity';
import type { LocalText } from '../schema/text';

/** A drawn amount, in the tree's currency for sizing, with what the source said. */
export interface DrawnAmount {
  /**
   * The amount in the tree's currency (`BudgetTreeOptions.currency`, EUR by default; the field keeps its first
   * name), converted through a rate the dataset states when the source gives another currency.
   */
  eur: number;
  precision: Precision;
  bound?: Bound | undefined;
  maxEur?: number | undefined;
  /** The amount as the source gives it, with the source's precision (before any conversion). */
  original: { amount: number; currency: Currency; max?: number | undefined; precision: Precision };
  sources: string[];
}

/** A node of the budget tree as the treemap draws it. */
export interface BudgetNode {
  /**
   * Budget line id; `root`; `<parent id>~rest` for the part of a total no source itemises; `root~other` for the
   * smallest programmes grouped when there are too many to tell apart.
   */
  id: string;
  kind: 'root' | 'line' | 'rest' | 'other';
  label: LocalText | undefined;
  programme: string | undefined;
  /** Index of the programme in the dataset, for its colour. */
  colour: number;
  /** What is drawn, or `null` when the amount is not disclosed. */
  amount: DrawnAmount | null;
  /** Conflicting reports of the same amount, not drawn, never added. */
  alternatives: MoneyReport[];
  /** The node's area is the sum of its parts because no source gives its total. */
  sumOfParts: boolean;
  /** The parts add up to more than the reported total. */
  overflow: boolean;
  /**
   * The drawn parts are shares of one whole: parts of a stated total, or parts of the same period. False for
   * programmes or mandates whose periods differ or are unknown: they are drawn side by side, never added up, and
   * given no percentage.
   */
  partsComparable: boolean;
  /** The period the amount covers, as the source gives it. */
  period: BudgetLine['period'];
  note: LocalText | undefined;
  children: BudgetNode[];
  /** Children with an undisclosed amount, or an amount no stated rate converts: listed, not drawn. */
  undisclosed: BudgetNode[];
  /**
   * The amount as reported, when it is in a currency that no rate of the dataset converts into the tree's: never
   * drawn, never added to the others, listed apart in its own currency.
   */
  unconverted?: MoneyReport | undefined;
  /**
   * For a `rest` node: its total's lines include amounts listed apart (no rate converts them), so the part not
   * itemised in the currency shown covers them too.
   */
  includesApart?: boolean;
}

export interface BudgetTreeOptions {
  /** Programme ids to show; by default every programme of kind `programme` (context missions hidden). */
  programmes?: readonly string[] | 'all';
  /**
   * At most this many programmes side by side (8 by default): past it, the smallest are grouped into one "Other"
   * node, drillable like a programme.
   */
  maxGroups?: number;
  /**
   * The currency the tree is sized and added up in (EUR by default). Amounts in another currency are converted
   * through the dataset's `rates` only; those no rate converts are listed apart, never added.
   */
  currency?: Currency;
}

/**
 * The dataset's main currency: that of most programme totals (budget lines without a parent), the first met on a tie;
 * without any known total, that of most known amounts; `undefined` when the budget states no amount at all.
 */
export function mainCurrency(data: Dataset): Currency | undefined {
  const top = new Map<Currency, number>();
  const all = new Map<Currency, number>();
  for (const line of data.budget) {
    if (!isKnownMoney(line.amount)) continue;
    const c = line.amount.currency;
    all.set(c, (all.get(c) ?? 0) + 1);
    if (line.parent == null) top.set(c, (top.get(c) ?? 0) + 1);
  }
  let best: Currency | undefined;
  let most = 0;
  // a Map keeps the order of first meeting: on a tie the first met stays
  for (const [c, n] of top.size ? top : all)
    if (n > most) {
      best = c;
      most = n;
    }
  return best;
}

/**
 * Whether a treemap can show the dataset's amounts in `currency`: some programme total is stated in it or converts to
 * it through a rate the dataset states (`rates`). Otherwise the amounts would carry a currency they were never given.
 */
export function canShowIn(data: Dataset, currency: Currency): boolean {
  for (const line of data.budget)
    if (line.parent == null && isKnownMoney(line.amount))
      if (convert(1, line.amount.currency, currency, data.rates) !== null) return true;
  return false;
}

/**
 * The currency a treemap shows when `requested` is asked: `requested` when {@link canShowIn} it, else (and when
 * nothing is asked) the dataset's {@link mainCurrency} — a dataset all in SEK is shown in SEK when the page asks for
 * EUR and no rate links them. `requested`, or EUR, only when the budget states no amount at all (nothing is drawn).
 */
export function shownCurrency(data: Dataset, requested?: Currency): Currency {
  if (requested && canShowIn(data, requested)) return requested;
  return mainCurrency(data) ?? requested ?? 'EUR';
}

/** The parts of a line that has none (shared by every such line: frozen, so that nothing adds to it). */
const NO_NODES = Object.freeze([]) as unknown as BudgetNode[];

/** Colour index of the "Other" group: none of the palette's, so the neutral "Other" grey (styles/palette.ts). */
export const OTHER_COLOUR = -1;

const worst = (a: Precision, b: Precision): Precision =>
  a === 'approx' || b === 'approx' ? 'approx' : a === 'derived' || b === 'derived' ? 'derived' : 'exact';

/** The reports of a line that has none (shared by every such line: frozen, so that nothing adds to it). */
const NO_REPORTS = Object.freeze([]) as unknown as MoneyReport[];

/**
 * The amount drawn of a known report whose amount converts into `currency` (`value`); `original` is the report itself
 * (read only: one object less per line of a large budget).
 */
function drawnAmount(m: MoneyReport, value: number, currency: Currency, rates: readonly Rate[]): DrawnAmount {
  const converted = m.currency !== currency;
  return {
    eur: value,
    precision: converted && m.precision === 'exact' ? 'derived' : m.precision,
    bound: m.bound,
    maxEur: m.max === undefined ? undefined : (convert(m.max, m.currency, currency, rates) ?? undefined),
    original: m,
    sources: m.sources,
  };
}

/**
 * The budget tree of a dataset: root → programme totals → lines, sized in euros. Adds a `rest` node for the part
 * of a known total that no source itemises; keeps undisclosed amounts aside; never adds up alternatives.
 */
export function selectBudgetTree(data: Dataset, options: BudgetTreeOptions = {}): BudgetNode {
  const steps = selectBudgetTreeSteps(data, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** How many budget lines a step of {@link selectBudgetTreeSteps} reads or builds before it yields. */
const STEP_LINES = 4096;

/**
 * {@link selectBudgetTree} in steps: the generator yields after each few thousand lines, so that a caller can spread
 * a large budget over several tasks; its return value is the tree. The tree is built depth first without recursion:
 * each line's parts are built, in the data's order, before the line is completed.
 */
export function* selectBudgetTreeSteps(
  data: Dataset,
  options: BudgetTreeOptions = {},
): Generator<void, BudgetNode> {
  const currency = options.currency ?? 'EUR';
  const rates = data.rates ?? [];
  const wanted =
    options.programmes === 'all'
      ? new Set(data.programmes.map((p) => p.id))
      : new Set(options.programmes ?? data.programmes.filter((p) => p.kind === 'programme').map((p) => p.id));
  const colourOf = new Map(data.programmes.map((p, i) => [p.id, i]));
  const byParent = new Map<string | null, BudgetLine[]>();
  let work = 0;
  for (const line of data.budget) {
    const key = line.parent ?? null;
    let list = byParent.get(key);
    if (!list) byParent.set(key, (list = []));
    list.push(line);
    if (++work >= STEP_LINES) {
      work = 0;
      yield;
    }
  }

  // a line without parts shares one empty list of parts (frozen: nothing adds to it) instead of two of its own
  const node = (line: BudgetLine, leaf: boolean): BudgetNode => {
    const m = line.amount;
    let amount: DrawnAmount | null = null;
    let alternatives = NO_REPORTS;
    let unconverted: MoneyReport | undefined;
    if (isKnownMoney(m)) {
      const value = convert(m.amount, m.currency, currency, rates);
      if (value === null) {
        const { alternatives: alts, ...report } = m;
        if (alts) alternatives = alts;
        unconverted = report;
      } else {
        amount = drawnAmount(m, value, currency, rates);
        if (m.alternatives) alternatives = m.alternatives;
      }
    }
    return {
      id: line.id,
      kind: 'line',
      label: line.label,
      programme: line.programme,
      colour: colourOf.get(line.programme) ?? 0,
      amount,
      alternatives,
      sumOfParts: false,
      overflow: false,
      partsComparable: true,
      period: line.period,
      note: line.note,
      children: leaf ? NO_NODES : [],
      undisclosed: leaf ? NO_NODES : [],
      unconverted,
    };
  };

  const root: BudgetNode = {
    id: 'root',
    kind: 'root',
    label: undefined,
    programme: undefined,
    colour: 0,
    amount: null,
    alternatives: [],
    sumOfParts: true,
    overflow: false,
    partsComparable: true,
    period: undefined,
    note: undefined,
    children: [],
    undisclosed: [],
  };
  // a line is completed once its parts are: each frame holds a line's node and its parts' lines; a part completed
  // joins its line's parts (or those listed apart), in the data's order
  interface Frame {
    node: BudgetNode;
    lines: BudgetLine[] | undefined;
    next: number;
  }
  const frames: Frame[] = [];
  const open = (line: BudgetLine) => {
    const lines = byParent.get(line.id);
    frames.push({ node: node(line, !lines), lines, next: 0 });
  };
  for (const line of byParent.get(null) ?? []) {
    if (!wanted.has(line.programme)) continue;
    open(line);
    while (frames.length) {
      const f = frames[frames.length - 1]!;
      if (f.lines && f.next < f.lines.length) {
        open(f.lines[f.next++]!);
        continue;
      }
      frames.pop();
      const n = f.node;
      complete(n, currency);
      const up = frames[frames.length - 1]?.node ?? root;
      (n.amount ? up.children : up.undisclosed).push(n);
      if (++work >= STEP_LINES) {
        work = 0;
        yield;
      }
    }
  }
  complete(root, currency);
  groupSmallest(root, options.maxGroups ?? 8, currency);
  return root;
}

/** Keeps the largest `max - 1` programmes and groups the others under one "Other" node. */
function groupSmallest(root: BudgetNode, max: number, currency: Currency): void {
  if (root.children.length <= max) return;
  const sorted = [...root.children].sort((a, b) => drawnValue(b) - drawnValue(a) || a.id.localeCompare(b.id));
  const kept = sorted.slice(0, max - 1);
  const grouped = sorted.slice(max - 1);
  const other: BudgetNode = {
    id: 'root~other',
    kind: 'other',
    label: undefined,
    programme: undefined,
    colour: OTHER_COLOUR,
    amount: null,
    alternatives: [],
    sumOfParts: true,
    overflow: false,
    partsComparable: true,
    period: undefined,
    note: undefined,
    children: grouped,
    undisclosed: [],
  };
  complete(other, currency);
  root.children = [...kept, other];
}

/** Fills in a node's amount (in the tree's `currency`) from its parts when no total is given, or adds the not-itemised remainder. */
function complete(node: BudgetNode, currency: Currency): void {
  if (node.children.length === 0) return;
  let sum = 0;
  let precision: Precision = 'derived';
  const sources = new Set<string>();
  for (const c of node.children) {
    sum += c.amount!.eur;
    precision = worst(precision, c.amount!.precision);
    for (const s of c.amount!.sources) sources.add(s);
  }
  if (!node.amount) {
    node.sumOfParts = true;
    node.partsComparable = comparableParts(node);
    node.amount = {
      eur: sum,
      precision,
      original: { amount: sum, currency, precision },
      sources: [...sources],
    };
    return;
  }
  const rest = node.amount.eur - sum;
  if (rest < -1e-6 * node.amount.eur) {
    node.overflow = true;
    return;
  }
  if (rest <= 1e-6 * node.amount.eur) return;
  for (const s of node.amount.sources) sources.add(s);
  const restPrecision = worst('derived', worst(node.amount.precision, precision));
  node.children.push({
    id: `${node.id}~rest`,
    kind: 'rest',
    label: undefined,
    programme: node.programme,
    colour: node.colour,
    amount: {
      eur: rest,
      precision: restPrecision,
      original: { amount: rest, currency, precision: restPrecision },
      sources: [...sources],
    },
    alternatives: [],
    sumOfParts: false,
    overflow: false,
    partsComparable: true,
    period: node.period,
    note: undefined,
    children: [],
    undisclosed: [],
    includesApart: node.undisclosed.some((u) => u.unconverted !== undefined),
  });
}

const samePeriod = (a: BudgetNode['period'], b: BudgetNode['period']) =>
  a?.start === b?.start && a?.end === b?.end;

/**
 * Whether parts with no stated total can be added into one: they must cover the same period. The programmes of a
 * root are only comparable when each states the same period; lines under a programme without a total (mandates,
 * years) when they share one period.
 */
function comparableParts(node: BudgetNode): boolean {
  if (!node.sumOfParts || node.children.length < 2) return true;
  const period = node.children[0]!.period;
  if (node.kind === 'root' && !period) return false;
  for (const c of node.children) if (!samePeriod(c.period, period)) return false;
  return true;
}

/** Finds a node by the ids on its path from the root (`['parsec']`). Unknown ids stop the walk. */
export function nodeAtPath(
  root: BudgetNode,
  path: readonly string[],
): { node: BudgetNode; trail: BudgetNode[] } {
  const trail: BudgetNode[] = [root];
  let node = root;
  for (const id of path) {
    const next = node.children.find((c) => c.id === id);
    if (!next || next.children.length === 0) break;
    trail.push(next);
    node = next;
  }
  return { node, trail };
}

const drawnValues = new WeakMap<BudgetNode, number>();
/**
 * The euros a node covers in the treemap: its amount when it is a leaf, else the sum of its drawn parts (the same rule
 * as the layout's, so a share is the same number on a tile and in the table).
 */
export function drawnValue(n: BudgetNode): number {
  let v = drawnValues.get(n);
  if (v === undefined) {
    v = n.children.length ? n.children.reduce((s, c) => s + drawnValue(c), 0) : (n.amount?.eur ?? 0);
    drawnValues.set(n, v);
  }
  return v;
}
