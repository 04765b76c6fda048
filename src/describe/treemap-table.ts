/**
 * The budget treemap's data table, a module of its own: loaded (a dynamic import) when the table is first drawn in
 * idle time after the chart's paint, opened or exported — never in what a page loads at once (scripts/size.mjs checks).
 * @module
 */

import type { MoneyReport } from '../schema/quantity';
import type { BudgetNode } from '../select/budget-tree';
import type { TreemapContext, TreemapTableWords } from './treemap';
import type { TableModel, TableRow, TableRows } from './types';

/** What the rows of one table share: the context and the words of the eager module (`treemapTableWords`). */
interface Env {
  ctx: TreemapContext;
  w: TreemapTableWords & TableRows;
}

/**
 * The data table: every line of the tree (depth first), its level, amount (raw in the currency shown; text hedged),
 * precision, share of the level above (the tile's share), and sources (ids raw, publishers as text); conflicting
 * reports on their own rows.
 */
export function treemapTable(
  root: BudgetNode,
  caption: string,
  ctx: TreemapContext,
  words: TreemapTableWords & TableRows,
): TableModel {
  const steps = treemapTableSteps(root, caption, ctx, words);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** How many lines a step of {@link treemapTableSteps} puts in the table before it yields. */
const STEP_ROWS = 8192;

/**
 * {@link treemapTable} in steps: the generator yields after each few thousand lines, so that a caller can spread a
 * large budget over several tasks; its return value is the table model. Depth first, without recursion. `words`:
 * `treemapTableWords` of describe/treemap.ts and the late chunk's `tableRows`.
 */
export function* treemapTableSteps(
  root: BudgetNode,
  caption: string,
  ctx: TreemapContext,
  words: TreemapTableWords & TableRows,
): Generator<void, TableModel> {
  const { t } = ctx;
  const env: Env = { ctx, w: words };
  const rows: TableRow[] = [];
  // each line after its parent and the reports of its parent's amount: its parts first, then those not drawn
  const stack: [BudgetNode, BudgetNode, number][] = [];
  const push = (parent: BudgetNode, level: number) => {
    for (let i = parent.undisclosed.length - 1; i >= 0; i--)
      stack.push([parent.undisclosed[i]!, parent, level]);
    for (let i = parent.children.length - 1; i >= 0; i--) stack.push([parent.children[i]!, parent, level]);
  };
  push(root, 1);
  let work = 0;
  while (stack.length) {
    const [n, parent, level] = stack.pop()!;
    rows.push(new LineRow(n, parent, level, env));
    for (const alt of n.alternatives) rows.push(new AltRow(n, alt, level, env));
    push(n, level + 1);
    if (++work >= STEP_ROWS) {
      work = 0;
      yield;
    }
  }
  return {
    caption,
    columns: [
      { label: t.name },
      { label: t.level, numeric: true },
      { label: `${t.amount} (${ctx.currency})`, numeric: true },
      { label: t.precision },
      { label: t.shareOfLevelColumn, numeric: true },
      { label: t.sources },
    ],
    rows,
  };
}

/**
 * A table row made when first read, as a `LazyRow` (describe/table-rows.ts): the screen reads only the rows it
 * shows, the exports read them all. A class, not a closure per row: 100,000 lines make 100,000 small objects.
 */
abstract class LaterRow implements TableRow {
  #row: TableRow | undefined;
  protected abstract make(): TableRow;
  get text() {
    return (this.#row ??= this.make()).text;
  }
  get raw() {
    return (this.#row ??= this.make()).raw;
  }
  get className() {
    return (this.#row ??= this.make()).className;
  }
}

/** A line of the tree: name (indented by level), level, amount, precision, share of the level above, sources. */
class LineRow extends LaterRow {
  constructor(
    private readonly n: BudgetNode,
    private readonly parent: BudgetNode,
    private readonly level: number,
    private readonly env: Env,
  ) {
    super();
  }
  protected make(): TableRow {
    const { n, parent, level } = this;
    const { ctx, w } = this.env;
    const { nodeAmount, nodeName, amountWords, shareOf, sourcesOf, sourcesText, sourcesRaw, formatPercent } =
      w;
    const a = nodeAmount(n, ctx);
    const name = nodeName(n, ctx);
    const raw = a ? rawAmount(n, ctx) : null;
    const share = n.amount ? shareOf(n, parent) : null;
    const sources = sourcesOf(ctx.sources, n.amount?.sources ?? []);
    return {
      text: [
        `${indent(level)}${name}`,
        String(level),
        amountWords(n, ctx).short,
        a?.precisionText ?? '',
        share === null ? '' : formatPercent(share, ctx.lang),
        sourcesText(sources),
      ],
      raw: [
        name,
        level,
        raw,
        a?.precision ?? null,
        share === null ? null : round(share, 6),
        sourcesRaw(sources),
      ],
    };
  }
}

/** A conflicting report of a line, on its own row under it. */
class AltRow extends LaterRow {
  constructor(
    private readonly n: BudgetNode,
    private readonly alt: MoneyReport,
    private readonly level: number,
    private readonly env: Env,
  ) {
    super();
  }
  protected make(): TableRow {
    const { n, alt, level } = this;
    const { ctx, w } = this.env;
    const { nodeName, altText, sourcesOf, sourcesText, sourcesRaw } = w;
    const { t } = ctx;
    const name = nodeName(n, ctx);
    const at = altText(alt, ctx);
    const altSources = sourcesOf(ctx.sources, alt.sources);
    return {
      className: 'alt',
      text: [
        `${indent(level)}${name} (${t.alsoReported})`,
        String(level),
        at.short,
        at.precisionText,
        '',
        sourcesText(altSources),
      ],
      raw: [
        `${name} (${t.alsoReported})`,
        level,
        alt.currency === ctx.currency ? alt.amount : null,
        at.precision,
        null,
        sourcesRaw(altSources),
      ],
    };
  }
}

const indent = (level: number) => '— '.repeat(Math.max(0, level - 1));

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The raw amount in the currency shown: the source's figure when in its currency, else the converted value. */
function rawAmount(n: BudgetNode, ctx: TreemapContext): number {
  const a = n.amount!;
  if (a.original.currency === ctx.currency) return a.original.amount;
  return Math.round(a.eur * 100) / 100;
}
