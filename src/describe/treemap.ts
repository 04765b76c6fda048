import {
  formatInteger,
  formatPercent,
  formatReported,
  localText,
  moneyShownIn,
  type ReportedText,
} from '../i18n/format';
import { addStrings } from '../i18n/index';
import { treemapStrings } from '../i18n/strings/treemap';
import type { TileText, TreemapGeometry, TreemapTile } from '../layout/treemap';
import type { Precision } from '../schema/common';
import type { Dataset } from '../schema/dataset';
import type { Source } from '../schema/sources';
import { convert } from '../schema/convert';
import type { MoneyReport } from '../schema/quantity';
import { drawnValue, type BudgetNode } from '../select/budget-tree';
import { sourcesOf, sourcesOfLists } from '../select/sources';
import { sourcesText } from './common';
import type { DescribeContext, LegendItem, MarkWords } from './types';

addStrings('treemap', treemapStrings);

/**
 * The words of the budget treemap: tile labels, accessible names, tooltips, event details, the legend and the summary
 * (the data table's are in `treemap-table.ts`, loaded after the first paint). Pure: a budget tree (from `select/budget-tree.ts`) and a context in, text out.
 */
export interface TreemapContext extends DescribeContext {
  currency: NonNullable<DescribeContext['currency']>;
}

/** The name of a node: its label, "All programmes" for the root, "Not itemised" for a remainder. */
export function nodeName(n: BudgetNode, ctx: DescribeContext): string {
  if (n.kind === 'root') return ctx.t.treemapRoot;
  if (n.kind === 'rest') return ctx.t.notItemised;
  if (n.kind === 'other') return ctx.t.otherGroup(n.children.length);
  return localText(n.label, ctx.lang, ctx.languages);
}

/**
 * The amount of a node in the currency shown: the source's own figure and precision when shown in its currency; a
 * conversion (through the dataset's rate) makes an exact amount derived. `null` when undisclosed.
 */
/**
 * The precision {@link nodeAmount} gives a node, without formatting its amount (the legend asks it of every tile):
 * derived when the amount shown is a conversion of an exact one.
 */
export function nodePrecision(n: BudgetNode, ctx: TreemapContext): Precision | null {
  const a = n.amount;
  if (!a || !addable(n)) return null;
  const same = a.original.currency === ctx.currency;
  const currency = same ? a.original.currency : ctx.currency;
  const precision = same && n.kind === 'line' ? a.original.precision : a.precision;
  // as formatReported decides it
  return precision === 'exact' && moneyShownIn(currency, ctx.currency, ctx.rates) !== currency
    ? 'derived'
    : precision;
}

/** The amount of each node in each context, formatted once (the label, the name, the key and the table read it). */
const amounts = new WeakMap<TreemapContext, WeakMap<BudgetNode, ReportedText | null>>();

export function nodeAmount(n: BudgetNode, ctx: TreemapContext): ReportedText | null {
  let byNode = amounts.get(ctx);
  if (!byNode) amounts.set(ctx, (byNode = new WeakMap()));
  let a = byNode.get(n);
  if (a === undefined) byNode.set(n, (a = formatNodeAmount(n, ctx)));
  return a;
}

function formatNodeAmount(n: BudgetNode, ctx: TreemapContext): ReportedText | null {
  const a = n.amount;
  if (!a || !addable(n)) return null;
  const same = a.original.currency === ctx.currency;
  return formatReported(
    same
      ? {
          kind: 'money',
          amount: a.original.amount,
          currency: a.original.currency,
          precision: n.kind === 'line' ? a.original.precision : a.precision,
          bound: a.bound,
          max: a.original.max,
        }
      : {
          kind: 'money',
          amount: a.eur,
          currency: ctx.currency,
          precision: a.precision,
          bound: a.bound,
          max: a.maxEur,
        },
    ctx.lang,
    ctx.currency,
    ctx.rates,
  );
}

/** A sum of parts is only an amount when the parts are one whole (the same period); else they are not added up. */
const addable = (n: BudgetNode) => !n.sumOfParts || n.partsComparable;

/** The amount as written, or why there is none: not disclosed, or parts not added up. */
function amountWords(n: BudgetNode, ctx: TreemapContext): { short: string; spoken: string } {
  const a = nodeAmount(n, ctx);
  if (a) return a;
  if (n.unconverted) {
    const own = unconvertedText(n.unconverted, ctx);
    const why = ctx.t.noRate(n.unconverted.currency, ctx.currency);
    return { short: `${own.short} · ${why}`, spoken: `${own.spoken}, ${why}` };
  }
  const why = n.amount ? ctx.t.notAddedUp : ctx.t.notDisclosed;
  return { short: why, spoken: why };
}

/** For a total its parts exceed: the parts' sum and the gap, in the currency shown. */
function partsExceeding(n: BudgetNode, ctx: TreemapContext): { parts: string; gap: string } | null {
  if (!n.overflow || !n.amount) return null;
  const parts = n.children.reduce((s, c) => s + (c.amount?.eur ?? 0), 0);
  const money = (eur: number) =>
    formatReported(
      { kind: 'money', amount: eur, currency: ctx.currency, precision: 'derived' },
      ctx.lang,
      ctx.currency,
    ).short.replace(/\*$/, '');
  return { parts: money(parts), gap: money(parts - n.amount.eur) };
}

function altText(alt: MoneyReport, ctx: TreemapContext): ReportedText {
  return formatReported({ kind: 'money', ...alt }, ctx.lang, ctx.currency, ctx.rates);
}

/** An amount no stated rate converts, in its own currency, as the source gives it. */
function unconvertedText(m: MoneyReport, ctx: TreemapContext): ReportedText {
  return formatReported({ kind: 'money', ...m }, ctx.lang);
}

/**
 * The share of a node in the level above, the same number on a tile and in the table; `null` when the level above is
 * not one whole (programmes or mandates of different or unknown periods are never shares of their sum).
 */
export function shareOf(n: BudgetNode, parent: BudgetNode): number | null {
  if (!parent.partsComparable) return null;
  const total = drawnValue(parent);
  return total > 0 ? drawnValue(n) / total : 0;
}

/**
 * Each node's parent among the two levels a treemap of `focus` draws. The second level is mapped on the first question
 * about it: on canvas, only the first level is labelled, and a focus can hold 250,000 lines.
 */
function parents(focus: BudgetNode): (n: BudgetNode) => BudgetNode | undefined {
  const top = new Set(focus.children);
  let below: Map<BudgetNode, BudgetNode> | undefined;
  return (n) => {
    if (top.has(n)) return focus;
    if (!below) {
      below = new Map();
      for (const c of focus.children) for (const k of c.children) below.set(k, c);
    }
    return below.get(n);
  };
}

/** The short name a programme's total can fall back on (`PARSEC`), when its label does not fit. */
function shortName(n: BudgetNode, data: Dataset | undefined): string | undefined {
  if (!data || n.kind !== 'line' || !n.programme) return undefined;
  const line = data.budget.find((b) => b.id === n.id);
  return line && !line.parent ? data.programmes.find((p) => p.id === n.programme)?.short : undefined;
}

/**
 * The label lines of a tile in a treemap of `focus`, for the layout to fit: name, short name, amount, share (only
 * within one whole), and conflicting reports in the drawn currency.
 */
export function tileText(ctx: TreemapContext, focus: BudgetNode, data?: Dataset) {
  const parentOf = parents(focus);
  // each node's words are made once: a layout at another size asks again
  const made = new Map<BudgetNode, { share: number; text: TileText }>();
  return (n: BudgetNode, share: number): TileText => {
    const kept = made.get(n);
    if (kept && kept.share === share) return kept.text;
    const same = n.alternatives.filter((a) => a.currency === n.amount?.original.currency);
    const parent = parentOf(n);
    const exceeding = partsExceeding(n, ctx);
    const text = {
      name: nodeName(n, ctx),
      short: shortName(n, data),
      amount: exceeding
        ? `${amountWords(n, ctx).short} · ${ctx.t.partsSum(exceeding.parts)}`
        : amountWords(n, ctx).short,
      share: parent && parent.partsComparable ? formatPercent(share, ctx.lang) : undefined,
      alt: same.length
        ? ctx.t.pair(ctx.t.alsoReported, same.map((a) => altText(a, ctx).short).join(', '))
        : undefined,
    };
    made.set(n, { share, text });
    return text;
  };
}

/**
 * The sum of lines drawn as one area, in the currency shown, hedged as its least precise line: approximate if one is,
 * else derived if one is (a conversion, a sum of parts), else exact.
 */
export function smallerAmount(nodes: readonly BudgetNode[], sum: number, ctx: TreemapContext): ReportedText {
  let approx = false;
  let derived = false;
  for (const n of nodes)
    if (n.amount?.precision === 'approx') {
      approx = true;
      break;
    }
  if (!approx)
    for (const n of nodes)
      if (n.sumOfParts || nodePrecision(n, ctx) === 'derived') {
        derived = true;
        break;
      }
  return formatReported(
    {
      kind: 'money',
      amount: sum,
      currency: ctx.currency,
      precision: approx ? 'approx' : derived ? 'derived' : 'exact',
    },
    ctx.lang,
    ctx.currency,
    ctx.rates,
  );
}

/** The words written on the area of a parent's lines too small to draw: `12,345 smaller lines`, amount, share. */
export function smallerText(ctx: TreemapContext) {
  return (nodes: readonly BudgetNode[], amount: number, share: number, parent: BudgetNode): TileText => ({
    name: smallerName(nodes.length, parent, ctx),
    amount: smallerAmount(nodes, amount, ctx).short,
    share:
      parent.partsComparable && nodes.length < parent.children.length
        ? formatPercent(share, ctx.lang)
        : undefined,
  });
}

/** `12,345 smaller lines`; `12,500 lines` when the area holds every line of its parent. */
function smallerName(count: number, parent: BudgetNode, ctx: TreemapContext): string {
  const n = formatInteger(count, ctx.lang);
  return count < parent.children.length
    ? ctx.t.treemap.smallerLines(n, count)
    : ctx.t.treemap.allLines(n, count);
}

/** The words of the area of a parent's lines too small to draw: its count, amount, share, and where to see them. */
function smallerWords(tile: TreemapTile, ctx: TreemapContext): MarkWords {
  const { t, lang } = ctx;
  const nodes = tile.smaller!.nodes;
  const parent = tile.node;
  const lines = smallerName(nodes.length, parent, ctx);
  const amount = smallerAmount(nodes, tile.smaller!.amount, ctx);
  const share =
    parent.partsComparable && nodes.length < parent.children.length
      ? `${formatPercent(tile.share, lang)} ${t.shareOfLevel}`
      : '';
  // the publishers of thousands of lines are read when the tooltip or the event needs them, not for the accessible name
  let sources: Source[] | undefined;
  const sourcesOfLines = () => {
    if (sources) return sources;
    const ids = new Set<string>();
    let last: readonly string[] | undefined;
    for (const n of nodes)
      if (n.amount && n.amount.sources !== last) for (const id of (last = n.amount.sources)) ids.add(id);
    return (sources = sourcesOfLists(ctx.sources, [[...ids]]));
  };
  return {
    name: [t.pair(nodeName(parent, ctx), lines), amount.spoken, share].filter(Boolean).join(', '),
    tooltip: {
      title: lines,
      lines: [[amount.short, share].filter(Boolean).join(' · '), t.pair(t.precision, amount.precisionText)],
      notes: [t.treemap.smallerNote],
      get sources() {
        return sourcesText(sourcesOfLines());
      },
    },
    detail: {
      id: tile.key,
      kind: 'budget-smaller',
      label: lines,
      programme: parent.programme,
      get sources() {
        return sourcesOfLines();
      },
      datum: nodes,
    },
  };
}

/**
 * The accessible name of one tile (what {@link tileWords} names it): its name, amount, share, conflicting reports and
 * parts exceeding it — without its tooltip and event detail, which are made when a reader reaches the tile.
 */
export function tileName(tile: TreemapTile, ctx: TreemapContext, parent: BudgetNode | undefined): string {
  if (tile.smaller) return smallerWords(tile, ctx).name;
  const { t } = ctx;
  const n = tile.node;
  const spoken = [nodeName(n, ctx), amountWords(n, ctx).spoken, shareWords(tile, ctx, parent)].filter(
    Boolean,
  );
  if (n.alternatives.length)
    spoken.push(t.pair(t.alsoReported, n.alternatives.map((a) => altText(a, ctx).spoken).join(', ')));
  const exceeding = partsExceeding(n, ctx);
  if (exceeding) spoken.push(t.partsExceed(amountWords(n, ctx).spoken, exceeding.parts, exceeding.gap));
  return spoken.join(', ');
}

/** "12.5 % of this level", or nothing when the level above is not one whole. */
const shareWords = (tile: TreemapTile, ctx: TreemapContext, parent: BudgetNode | undefined) =>
  parent?.partsComparable ? `${formatPercent(tile.share, ctx.lang)} ${ctx.t.shareOfLevel}` : '';

/** The words of one tile: accessible name, tooltip and event detail. */
export function tileWords(tile: TreemapTile, ctx: TreemapContext, parent: BudgetNode | undefined): MarkWords {
  if (tile.smaller) return smallerWords(tile, ctx);
  const { t, lang } = ctx;
  const n = tile.node;
  const amount = nodeAmount(n, ctx);
  const name = nodeName(n, ctx);
  const share = shareWords(tile, ctx, parent);
  const alts = n.alternatives.map((a) => ({
    text: altText(a, ctx),
    sources: sourcesOf(ctx.sources, a.sources),
  }));
  const sources = sourcesOf(ctx.sources, n.amount?.sources ?? [], ...n.alternatives.map((a) => a.sources));
  const lines = [[amountWords(n, ctx).short, share].filter(Boolean).join(' · ')];
  if (amount) lines.push(t.pair(t.precision, amount.precisionText));
  if (n.kind === 'rest') lines.push(t.notItemisedNote);
  if (n.includesApart) lines.push(t.restIncludesApart);
  const exceeding = partsExceeding(n, ctx);
  if (exceeding) lines.push(t.partsExceed(amountWords(n, ctx).short, exceeding.parts, exceeding.gap));
  const notes = alts.map((a) => t.pair(t.alsoReported, `${a.text.short} (${sourcesText(a.sources)})`));
  if (n.unconverted && n.amount)
    notes.push(
      t.pair(
        t.amount,
        `${unconvertedText(n.unconverted, ctx).short} (${t.noRate(n.unconverted.currency, ctx.currency)})`,
      ),
    );
  if (n.note) notes.push(localText(n.note, lang, ctx.languages));
  return {
    name: tileName(tile, ctx, parent),
    tooltip: {
      title: name,
      lines,
      notes,
      sources: n.amount ? sourcesText(sourcesOf(ctx.sources, n.amount.sources)) : '',
    },
    detail: {
      id: tile.key,
      kind: n.kind === 'rest' ? 'budget-rest' : n.kind === 'other' ? 'budget-other' : 'budget',
      label: name,
      programme: n.programme,
      sources,
      datum: n,
    },
  };
}

/** The summary read before the tiles: what is shown, its amount, in how many parts. */
export function treemapSummary(focus: BudgetNode, ctx: TreemapContext): string {
  return ctx.t.treemapLabel(nodeName(focus, ctx), amountWords(focus, ctx).spoken, focus.children.length);
}

/**
 * The legend of what is drawn: one entry per programme with a tile in view, then the encodings that appear — hatched
 * (approximate), dashed outline and `*` (derived or sum of parts), not itemised — each only when a tile uses it.
 */
export function treemapLegend(
  g: TreemapGeometry,
  data: Dataset,
  ctx: TreemapContext,
  colourClass: (i: number) => string,
): LegendItem[] {
  const programmes = new Map<string, number>();
  let approx = false;
  let derived = false;
  let rest = false;
  let smaller = false;
  let other: BudgetNode | undefined;
  for (const tile of g.tiles) {
    const n = tile.node;
    if (tile.smaller) {
      smaller = true;
      continue;
    }
    if (n.kind === 'other') other = n;
    else if (
      n.programme &&
      !programmes.has(n.programme) &&
      (tile.depth === 1 || tile.parentKey !== 'root~other')
    )
      programmes.set(n.programme, n.colour);
    if (n.kind === 'rest') rest = true;
    else if (n.amount?.precision === 'approx') approx = true;
    // once a derived amount is met, the others need not be asked (10,000 tiles on canvas)
    else if (
      !derived &&
      (n.amount?.precision === 'derived' || n.sumOfParts || nodePrecision(n, ctx) === 'derived')
    )
      derived = true;
  }
  const short = (id: string) => data.programmes.find((p) => p.id === id)?.short ?? id;
  // a programme past the palette is drawn in the "Other" grey: named under "Other", never given a swatch of its own
  const coloured = [...programmes].filter(([, colour]) => colourClass(colour) !== 'other');
  const beyond = [...programmes]
    .filter(([, colour]) => colourClass(colour) === 'other')
    .map(([id]) => short(id));
  const items: LegendItem[] = coloured.map(([id, colour]) => ({
    key: `p-${id}`,
    label: short(id),
    swatch: 'fill',
    className: colourClass(colour),
  }));
  if (other || beyond.length)
    items.push({
      key: 'other',
      label: other ? [nodeName(other, ctx), ...beyond].join(', ') : ctx.t.otherBeyond(beyond.join(', ')),
      swatch: 'fill',
      className: colourClass(other ? other.colour : -1),
    });
  if (approx)
    items.push({ key: 'approx', label: `≈ ${ctx.t.approx}`, swatch: 'hatch', className: 'neutral' });
  if (derived) items.push({ key: 'derived', label: `* ${ctx.t.derived}`, swatch: 'dashed' });
  if (rest) items.push({ key: 'rest', label: ctx.t.notItemised, swatch: 'dashed', className: 'rest' });
  if (smaller)
    items.push({ key: 'smaller', label: ctx.t.treemap.legendSmaller, swatch: 'fill', className: 'smaller' });
  return items;
}

/**
 * "Not drawn (no amount): Quick-impact programme (amount not disclosed — note)", then the amounts no stated rate
 * converts into the currency shown: "Not added (the data gives no rate into EUR): Mobile camp (> F CFA 600M)". When the
 * page asked for a currency (`requested`) that nothing converts to, says first which currency is shown instead.
 */
export function undisclosedText(focus: BudgetNode, ctx: TreemapContext, requested?: string): string {
  const item = (n: BudgetNode, what: string) => {
    const note = n.note ? ` — ${localText(n.note, ctx.lang, ctx.languages)}` : '';
    return `${nodeName(n, ctx)} (${what}${note})`;
  };
  const unknown = focus.undisclosed.filter((n) => !n.unconverted);
  const apart = focus.undisclosed.filter((n) => n.unconverted);
  return [
    requested && requested !== ctx.currency ? ctx.t.shownInstead(ctx.currency, requested) : '',
    unknown.length
      ? ctx.t.pair(ctx.t.notDrawn, unknown.map((n) => item(n, n.amount ? '' : ctx.t.notDisclosed)).join(', '))
      : '',
    apart.length
      ? ctx.t.pair(
          ctx.t.notAddedNoRate(ctx.currency),
          apart.map((n) => item(n, unconvertedText(n.unconverted!, ctx).short)).join(', '),
        )
      : '',
  ]
    .filter(Boolean)
    .join('. ');
}

/** The tiles too small for their name, numbered on the chart and named in this key under it. */
export function treemapKey(g: TreemapGeometry, ctx: TreemapContext): { key: number; text: string }[] {
  return g.tiles
    .filter((t) => t.labels.key !== undefined)
    .map((t) => ({
      key: t.labels.key!,
      text: t.smaller
        ? `${ctx.t.pair(nodeName(t.node, ctx), smallerName(t.smaller.count, t.node, ctx))} (${smallerAmount(t.smaller.nodes, t.smaller.amount, ctx).short})`
        : `${nodeName(t.node, ctx)} (${amountWords(t.node, ctx).short})`,
    }));
}

/** One report of a total, as a bar: its value in the currency shown, its words, who gives it, and whether drawn. */
export interface ConflictBar {
  value: number;
  text: string;
  by: string;
  drawn: boolean;
}

/** A total that the sources give differently: the drawn report and each alternative, side by side. */
export interface Conflict {
  key: string;
  title: string;
  bars: ConflictBar[];
}

/**
 * The conflicting totals in view — the shown node and the tiles under it that carry alternatives — each as bars to
 * draw side by side (never added up), in the currency shown, with the publishers that give each.
 */
export function treemapConflicts(focus: BudgetNode, g: TreemapGeometry, ctx: TreemapContext): Conflict[] {
  const nodes = [focus, ...g.tiles.filter((t) => t.depth === 1).map((t) => t.node)];
  const seen = new Set<string>();
  const out: Conflict[] = [];
  for (const n of nodes) {
    if (!n.amount || !n.alternatives.length || seen.has(n.id)) continue;
    seen.add(n.id);
    const drawn = nodeAmount(n, ctx);
    if (!drawn) continue;
    const bars: ConflictBar[] = [
      {
        value: n.amount.eur,
        text: drawn.short,
        by: `${sourcesText(sourcesOf(ctx.sources, n.amount.sources).slice(0, 2))} · ${ctx.t.drawn}`,
        drawn: true,
      },
      // a report no stated rate converts has no length on the same scale: it stays in the tooltip's notes
      ...n.alternatives.flatMap((a) => {
        const value = convert(a.amount, a.currency, ctx.currency, ctx.rates);
        return value === null
          ? []
          : [
              {
                value,
                text: altText(a, ctx).short,
                by: sourcesText(sourcesOf(ctx.sources, a.sources).slice(0, 2)),
                drawn: false,
              },
            ];
      }),
    ];
    out.push({ key: n.id, title: ctx.t.reportsDiffer(nodeName(n, ctx)), bars });
  }
  return out;
}

/**
 * What the table module (`treemap-table.ts`, loaded when the table is first drawn, opened or exported) uses of the
 * words that the chart needs at once: given to it by the element, never imported by it. A static import of this
 * module (or of the i18n and conversion modules) from a lazily loaded one makes the bundler split what a page loads at
 * once into several files (rolldown 1.2: the all-in-one file 1 → 4 files).
 */
export const treemapTableWords = {
  nodeName,
  nodeAmount,
  amountWords,
  altText,
  shareOf,
  formatPercent,
  sourcesOf,
  sourcesText,
};
export type TreemapTableWords = typeof treemapTableWords;
