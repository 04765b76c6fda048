import type { BudgetLine, Dataset } from '../schema/dataset';
import type { Precision } from '../schema/common';
import { convert, isKnownMoney, type Bound, type Currency, type MoneyReport } from '../schema/quantity';
import type { LocalText } from '../schema/text';

/** A drawn amount, in euros for sizing, with what the source said. */
export interface DrawnAmount {
  /** Euros (converted at the fixed peg when the source gives XOF). */
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
  /** Children with an undisclosed amount: listed, not drawn. */
  undisclosed: BudgetNode[];
}

export interface BudgetTreeOptions {
  /** Programme ids to show; by default every programme of kind `programme` (context missions hidden). */
  programmes?: readonly string[] | 'all';
  /**
   * At most this many programmes side by side (8 by default): past it, the smallest are grouped into one "Other"
   * node, drillable like a programme.
   */
  maxGroups?: number;
}

/** Index of the colour of the "Other" group (a neutral slate, `c6`). */
export const OTHER_COLOUR = 5;

const worst = (a: Precision, b: Precision): Precision =>
  a === 'approx' || b === 'approx' ? 'approx' : a === 'derived' || b === 'derived' ? 'derived' : 'exact';

function drawn(line: BudgetLine): { amount: DrawnAmount | null; alternatives: MoneyReport[] } {
  const m = line.amount;
  if (!isKnownMoney(m)) return { amount: null, alternatives: [] };
  const converted = m.currency !== 'EUR';
  return {
    amount: {
      eur: convert(m.amount, m.currency, 'EUR'),
      precision: converted && m.precision === 'exact' ? 'derived' : m.precision,
      bound: m.bound,
      maxEur: m.max === undefined ? undefined : convert(m.max, m.currency, 'EUR'),
      original: { amount: m.amount, currency: m.currency, max: m.max, precision: m.precision },
      sources: m.sources,
    },
    alternatives: m.alternatives ?? [],
  };
}

/**
 * The budget tree of a dataset: root → programme totals → lines, sized in euros. Adds a `rest` node for the part
 * of a known total that no source itemises; keeps undisclosed amounts aside; never adds up alternatives.
 */
export function selectBudgetTree(data: Dataset, options: BudgetTreeOptions = {}): BudgetNode {
  const wanted =
    options.programmes === 'all'
      ? new Set(data.programmes.map((p) => p.id))
      : new Set(options.programmes ?? data.programmes.filter((p) => p.kind === 'programme').map((p) => p.id));
  const colourOf = new Map(data.programmes.map((p, i) => [p.id, i]));
  const byParent = new Map<string | null, BudgetLine[]>();
  for (const line of data.budget) {
    const key = line.parent ?? null;
    let list = byParent.get(key);
    if (!list) byParent.set(key, (list = []));
    list.push(line);
  }

  const build = (line: BudgetLine): BudgetNode => {
    const { amount, alternatives } = drawn(line);
    const node: BudgetNode = {
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
      children: [],
      undisclosed: [],
    };
    for (const child of (byParent.get(line.id) ?? []).map(build))
      (child.amount ? node.children : node.undisclosed).push(child);
    complete(node);
    return node;
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
  for (const line of byParent.get(null) ?? []) {
    if (!wanted.has(line.programme)) continue;
    const node = build(line);
    (node.amount ? root.children : root.undisclosed).push(node);
  }
  complete(root);
  groupSmallest(root, options.maxGroups ?? 8);
  return root;
}

/** Keeps the largest `max - 1` programmes and groups the others under one "Other" node. */
function groupSmallest(root: BudgetNode, max: number): void {
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
  complete(other);
  root.children = [...kept, other];
}

/** Fills in a node's amount from its parts when no total is given, or adds the not-itemised remainder. */
function complete(node: BudgetNode): void {
  if (node.children.length === 0) return;
  let sum = 0;
  let precision: Precision = 'derived';
  const sources = new Set<string>();
  for (const c of node.children) {
    sum += c.amount!.eur;
    precision = worst(precision, c.amount!.precision);
    c.amount!.sources.forEach((s) => sources.add(s));
  }
  if (!node.amount) {
    node.sumOfParts = true;
    node.partsComparable = comparableParts(node);
    node.amount = {
      eur: sum,
      precision,
      original: { amount: sum, currency: 'EUR', precision },
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
  node.amount.sources.forEach((s) => sources.add(s));
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
      original: { amount: rest, currency: 'EUR', precision: restPrecision },
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
  const [first, ...rest] = node.children;
  if (node.kind === 'root' && !first!.period) return false;
  return rest.every((c) => samePeriod(c.period, first!.period));
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
