import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  nodeName,
  tileName,
  tileText,
  treemapConflicts,
  treemapKey,
  tileWords,
  smallerText,
  treemapLegend,
  treemapSummary,
  treemapTableWords,
  undisclosedText,
  type TreemapContext,
} from '../../describe/treemap';
import type { MarkWords, TableModel, TableRows } from '../../describe/types';
import type * as TreemapTable from '../../describe/treemap-table';
import { ParsecPathChangeEvent } from '../../events/path-change';
import { captionTitle } from '../../describe/common';
import {
  hitTile,
  layoutConflicts,
  layoutTreemapSteps,
  type TreemapGeometry,
  type TreemapOptions,
  type TreemapTile,
} from '../../layout/treemap';
import { renderLegend } from '../../render/legend';
import { colourClass, renderConflicts, renderTreemap, tileColour } from '../../render/treemap';
import type { Dataset } from '../../schema/dataset';
import type { Currency } from '../../schema/quantity';
import type { Source } from '../../schema/sources';
import {
  nodeAtPath,
  selectBudgetTreeSteps,
  shownCurrency,
  type BudgetNode,
  type BudgetTreeOptions,
} from '../../select/budget-tree';
import { datasetSize, SLICED_FROM } from '../../schema/fast';
import { sourcesById, sourcesOfLists } from '../../select/sources';
import { paintCanvasOnce } from '../../util/canvas';
import { nextTask } from '../../util/idle';
import { TREEMAP_RULES, warnOnce } from '../../util/attributes';
import { memoizeLast } from '../../util/memo';
import { defineOnce } from '../base/define';
import { ParsecElement } from '../base/parsec-element';
import type { Section } from '../../schema/sections';
import { checkBudget } from '../../schema/checks/budget';
import { checkProgrammes } from '../../schema/checks/programmes';
import type { SectionChecks } from '../../schema/fast';
import { colourToken } from '../../styles/palette';
import { treemapStyles } from './budget-treemap.styles';
import { plotHeight } from '../../layout/box';
import { finish } from '../../util/steps';

/**
 * Budgets as a squarified treemap: programme → phase or component → line, sized by the amount drawn.
 * Approximate amounts are hatched, derived ones outlined; the part of a total no source itemises is its own tile;
 * conflicting totals are shown beside the drawn one; undisclosed amounts are listed, never drawn as zero.
 *
 * @example
 * ```html
 * <script type="module">import 'parsec-widgets/budget-treemap';</script>
 * <!-- the default dataset in French, opened at one budget line; currency="XOF" needs a rate the data cites -->
 * <parsec-budget-treemap lang="fr" path="parsec-total"></parsec-budget-treemap>
 * ```
 * ```ts
 * import 'parsec-widgets/budget-treemap';
 *
 * const el = document.createElement('parsec-budget-treemap');
 * el.data = myDataset; // DatasetData, validated when set
 * el.noLegend = true;
 * el.addEventListener('parsec-path-change', (e) => history.replaceState(null, '', `#${e.detail.path.join('/')}`));
 * document.body.append(el);
 * ```
 *
 * @summary Budgets of the programmes as a treemap with drill-down.
 * @customElement parsec-budget-treemap
 * @fires parsec-select - A tile was chosen (click, tap, Enter, Space). `detail`: the line, its amount and sources.
 * @fires parsec-hover - The pointer or focus entered a tile (`detail`) or left the chart (`null`).
 * @fires parsec-path-change - The reader drilled in or out; `detail.path` lists the ids from the root.
 * @fires parsec-data-error - The dataset could not be loaded or is invalid; `detail.issues` lists each problem.
 * @csspart base - The wrapper of everything.
 * @csspart svg - The chart.
 * @csspart mark - A tile.
 * @csspart label - A tile's label.
 * @csspart conflicts - The bars of totals the sources give differently, above the tiles.
 * @csspart legend - The legend under the chart.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart source - The source line.
 * @csspart error - The error message.
 * @cssprop --parsec-color-1 - Colour of the first programme of the dataset (up to `--parsec-color-10`; past the tenth,
 *   `--parsec-color-other`, a neutral grey).
 * @cssprop --parsec-treemap-tile-stroke - Colour of the gaps between tiles.
 */
@defineOnce('parsec-budget-treemap')
export class ParsecBudgetTreemap extends ParsecElement<BudgetNode, typeof TreemapTable> {
  /** Treemap styles. */
  static override styles = [...ParsecElement.styles, treemapStyles];
  /**
   * The sections it reads: the budget lines, the programmes they belong to, the rates that convert them. A problem
   * elsewhere does not block it.
   */
  static override sections: readonly Section[] = ['budget', 'programmes', 'rates'];
  /** The checks of those sections generated from the schema (the others are not in this widget's entry). */
  static readonly checks: SectionChecks = { budget: checkBudget, programmes: checkProgrammes };
  protected readonly widget = 'parsec-budget-treemap';
  protected static override attributeRules = TREEMAP_RULES;
  /**
   * The chart's share of the box is measured in the update that first puts the chart in (BoxController), with what is
   * around the tiles drawn but not the tiles: they are laid out and drawn once at their share before the frame, not at
   * a default height and again a frame later (when the next dataset has come: two layouts for one update). Not for a
   * large dataset, laid out in slices (its share measured at once, the tiles laid out again in slices delayed the first
   * paint): set by each update, read by BoxController's `hostUpdated` in the same update.
   */
  protected fillAtOnce = false;
  /** The chart is not in the page yet: this update draws what is around the tiles, for their share to be measured. */
  private sizing = false;
  /**
   * The tiles laid out at their share have another key of small tiles than the layout the share was measured with (at
   * the default height): this update is a sizing update again, with this key, and BoxController measures the share
   * again in it — before the frame, rather than at the next data update, which laid the tiles out twice (N = 100 at
   * 960 px: at 626 px, then at 646 a frame after that update, the reader seeing the chart re-fit).
   */
  declare protected measureAgain: boolean;

  /** The drilled branch: budget line ids from the root joined by `/` (`parsec`). Empty: all programmes. */
  @property({ reflect: true }) path = '';

  /**
   * Currency of the amounts shown (any ISO 4217 code). Amounts in another currency are converted only through a rate
   * the dataset states and cites (`rates`), and marked derived; those no rate converts are listed apart, never added.
   * Absent: the dataset's main currency (that of most programme totals). A currency no programme total is in or
   * converts to is refused: the treemap shows the main currency, says so under the chart and fires `parsec-warning`.
   */
  @property() currency?: Currency;

  /** Programme ids to show, comma-separated, or `all` to include context missions. Default: the programmes. */
  @property() programmes?: string;

  /** Hides the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Counts layout computations (a hover or a focus change must not add to it). */
  get layoutCount(): number {
    return this.layouts;
  }
  private layouts = 0;

  /** The budget tree of the last dataset, programmes and currency asked for. */
  private treeMemo?: { key: readonly unknown[]; tree: BudgetNode };
  private treeSteps(data: Dataset, programmes: string | undefined, currency: Currency) {
    const options: BudgetTreeOptions = {
      programmes:
        programmes === 'all' ? 'all' : programmes ? programmes.split(',').map((s) => s.trim()) : undefined,
      currency,
    };
    return selectBudgetTreeSteps(data, options);
  }
  private tree(data: Dataset, programmes: string | undefined, currency: Currency): BudgetNode {
    const key = [data, programmes, currency];
    const m = this.treeMemo;
    if (m && same(m.key, key)) return m.tree;
    const tree = finish(this.treeSteps(data, programmes, currency));
    this.treeMemo = { key, tree };
    return tree;
  }

  /** The currency shown (a walk of every budget line: once per dataset and currency asked for). */
  private readonly shown = memoizeLast((data: Dataset, requested: Currency | undefined) =>
    shownCurrency(data, requested),
  );

  private readonly context = memoizeLast(
    (data: Dataset, lang: string, currency: Currency): TreemapContext => ({
      ...this.describeContext(data),
      lang,
      currency,
    }),
  );

  /**
   * The last layout of each branch drawn (the root, a drilled programme), at its size and words: drilling back up
   * lays nothing out again.
   */
  private layoutMemo = new WeakMap<BudgetNode, { key: readonly unknown[]; g: TreemapGeometry }>();
  /** A layout computed in steps over several tasks (large data), and what it is for. */
  private pending?: { key: readonly unknown[]; focus: BudgetNode };

  /** The label words of a branch's tiles, kept from one layout to the next (another size, the share measured). */
  private readonly labelText = memoizeLast(
    (ctx: TreemapContext, focus: BudgetNode, data: Dataset | undefined) => tileText(ctx, focus, data),
  );

  private layoutSteps(focus: BudgetNode, width: number, height: number, ctx: TreemapContext) {
    const options: TreemapOptions = {
      text: this.labelText(ctx, focus, this.loaded),
      smallerText: smallerText(ctx),
      fontSize: 12,
      measure: this.measure,
    };
    return layoutTreemapSteps(focus, width, height, options);
  }

  private cachedLayout(focus: BudgetNode, key: readonly unknown[]): TreemapGeometry | undefined {
    const m = this.layoutMemo.get(focus);
    return m && same(m.key, key) ? m.g : undefined;
  }

  /**
   * The layout of `focus` at a size: memoised. With a large dataset, a branch already drawn at another size (the
   * chart's share measured after the first paint, a resize) or in other words keeps its drawing while the new layout
   * is computed in steps, each in its own task: the page never freezes for it.
   */
  private layout(focus: BudgetNode, width: number, height: number, ctx: TreemapContext): TreemapGeometry {
    const key = [width, height, ctx];
    const hit = this.cachedLayout(focus, key);
    if (hit) return hit;
    const drawn = this.layoutMemo.get(focus);
    const data = this.loaded;
    if (drawn && data && datasetSize(data) >= SLICED_FROM) {
      if (!this.pending || this.pending.focus !== focus || !same(this.pending.key, key)) {
        const job = { key, focus };
        this.pending = job;
        sliced(this.layoutSteps(focus, width, height, ctx), () => this.pending !== job).then(
          (g) => {
            if (this.pending !== job || !g) return;
            this.pending = undefined;
            this.store(focus, key, g);
            this.requestUpdate();
          },
          () => {
            // the drawing stays; the next update lays the branch out at once and meets the problem there
            if (this.pending === job) this.pending = undefined;
            this.layoutMemo.delete(focus);
          },
        );
      }
      return drawn.g;
    }
    const g = finish(this.layoutSteps(focus, width, height, ctx));
    this.store(focus, key, g);
    return g;
  }

  private store(focus: BudgetNode, key: readonly unknown[], g: TreemapGeometry) {
    this.layouts++;
    this.layoutMemo.set(focus, { key, g });
  }

  /** The words of each tile, computed when first asked for (hover, focus, linking), kept per layout. */
  private readonly words = new WeakMap<TreemapGeometry, Map<string, MarkWords>>();

  /** The legend and the key of small tiles read every tile: once per layout, not at every hover. */
  private readonly legend = memoizeLast((g: TreemapGeometry, data: Dataset, ctx: TreemapContext) =>
    treemapLegend(g, data, ctx, colourClass),
  );
  private readonly tileKey = memoizeLast((g: TreemapGeometry, ctx: TreemapContext) => treemapKey(g, ctx));

  /**
   * The conflicting totals of a branch at a width, laid out: the same for each of its layouts (their first-level tiles
   * are its parts in the same order at every height), not made again for the layout at the share measured.
   */
  private readonly conflicts = memoizeLast((focus: BudgetNode, width: number, ctx: TreemapContext) =>
    layoutConflicts(treemapConflicts(focus, this.geometry!, ctx), width, this.measure),
  );

  /** The dataset on screen, when loaded. */
  private get loaded(): Dataset | undefined {
    const s = this.loader.state;
    return s.status === 'ready' ? s.data : undefined;
  }

  private geometry?: TreemapGeometry;
  private ctx?: TreemapContext;
  private focusNode?: BudgetNode;
  private trail: BudgetNode[] = [];

  private readonly marks = this.useMarks({
    keys: () => this.focusKeys(),
    words: (key) => this.tileWords(key),
    hit: (x, y) => (this.geometry?.canvas ? hitTile(this.geometry, x, y)?.key : undefined),
    navigate: (key, e) => this.navigate(key, e),
    activate: (key, via) => this.activate(key, via),
    keydown: (e) => {
      if ((e.key === 'Escape' || e.key === 'Backspace') && this.pathIds().length) {
        e.preventDefault();
        this.drillUp();
      }
    },
  });

  protected view(data: Dataset): BudgetNode {
    return this.tree(data, this.programmes, this.shown(data, this.currency));
  }
  protected isEmpty(view: BudgetNode): boolean {
    return view.children.length === 0 && view.undisclosed.length === 0;
  }
  protected chartHeight(width: number): number {
    return plotHeight('parsec-budget-treemap', width);
  }
  /** The sources of each tree's figures (a walk of every line: once per tree). */
  private readonly sourcesMemo = new WeakMap<BudgetNode, Source[]>();
  protected viewSources(view: BudgetNode, data: Dataset): Source[] {
    let sources = this.sourcesMemo.get(view);
    if (!sources) this.sourcesMemo.set(view, (sources = finish(sourcesSteps(view, data))));
    return sources;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const s = this.loader.state;
    if (s.status !== 'ready' || !this.prepared) {
      this.geometry = undefined;
      return;
    }
    const root = this.view(s.data);
    const { node, trail } = nodeAtPath(root, this.pathIds());
    this.focusNode = node;
    this.trail = trail;
    const shown = this.shown(s.data, this.currency);
    // a currency the data cannot be shown in is refused, never drawn with a wrong symbol
    if (this.currency && shown !== this.currency)
      warnOnce(this, {
        attribute: 'currency',
        value: this.currency,
        fallback: shown,
        reason: `the data gives no rate into ${this.currency}`,
      });
    this.ctx = this.context(s.data, this.locale.lang, shown);
    const w = this.width;
    // the layout the share was measured with, when the last update was a sizing update
    const sized = this.sizing && this.geometry;
    this.geometry = this.layout(node, w, this.fillHeight(w), this.ctx);
    // the chart not in yet (its share measured in the update that puts it in: BoxController's fillAtOnce), or another
    // key of small tiles than the one the share was measured with (measured again: measureAgain; it ends the rounds)
    const key = (g: TreemapGeometry) => this.tileKey(g, this.ctx!).map((k) => k.text) + '';
    this.fillAtOnce =
      this.sizing =
      this.measureAgain =
        (!this.renderRoot.querySelector('[data-fill]') && datasetSize(s.data) < SLICED_FROM) ||
        (!!sized && key(sized) !== key(this.geometry));
  }

  /**
   * A large dataset: the tree, its sources, then the layout, each computed in slices of a few tens of milliseconds,
   * each slice in its own task, before the first draw. Not the table: its model is made in idle time after the chart's
   * paint (`tableModel`, in steps).
   */
  protected override prepare(data: Dataset): (() => unknown)[] {
    const currency = () => this.shown(data, this.currency);
    return [
      async () => {
        const key = [data, this.programmes, currency()];
        if (this.treeMemo && same(this.treeMemo.key, key)) return;
        const tree = await sliced(
          this.treeSteps(data, this.programmes, currency()),
          () => this.loaded !== data,
        );
        if (tree) this.treeMemo = { key, tree };
      },
      // the source line's publishers: every line's sources, read once
      async () => {
        const view = this.view(data);
        if (this.sourcesMemo.has(view)) return;
        const sources = await sliced(sourcesSteps(view, data), () => this.loaded !== data);
        if (sources) this.sourcesMemo.set(view, sources);
      },
      async () => {
        const { node } = nodeAtPath(this.view(data), this.pathIds());
        const ctx = this.context(data, this.locale.lang, currency());
        const w = this.width;
        const h = this.fillHeight(w);
        const key = [w, h, ctx];
        if (this.cachedLayout(node, key)) return;
        const g = await sliced(this.layoutSteps(node, w, h, ctx), () => this.loaded !== data);
        if (g) this.store(node, key, g);
      },
    ];
  }

  private pathIds(): string[] {
    return this.path ? this.path.split('/').filter(Boolean) : [];
  }

  private tileWords(key: string) {
    const tile = this.tileByKey(key);
    if (!tile || !this.geometry || !this.ctx) return undefined;
    let cache = this.words.get(this.geometry);
    if (!cache) this.words.set(this.geometry, (cache = new Map()));
    let w = cache.get(key);
    if (!w) cache.set(key, (w = tileWords(tile, this.ctx, this.parentOf(tile))));
    return w;
  }

  /**
   * The accessible name of each tile (every tile carries one): kept per node in the words it was made in, so that a
   * layout at another size names its tiles again only where their share changed.
   */
  private readonly names = new WeakMap<
    TreemapContext,
    WeakMap<BudgetNode, { share: number; name: string }>
  >();
  private tileName(tile: TreemapTile): string {
    const ctx = this.ctx;
    if (!ctx) return '';
    const parent = this.parentOf(tile);
    // the area of the lines too small to draw: its words change with the lines it holds
    if (tile.smaller) return tileName(tile, ctx, parent);
    let byNode = this.names.get(ctx);
    if (!byNode) this.names.set(ctx, (byNode = new WeakMap()));
    const kept = byNode.get(tile.node);
    if (kept && kept.share === tile.share) return kept.name;
    const name = tileName(tile, ctx, parent);
    byNode.set(tile.node, { share: tile.share, name });
    return name;
  }

  private focusKeys(): string[] {
    const g = this.geometry;
    if (!g) return [];
    return g.tiles.filter((t) => t.depth === 1 || !g.canvas || t.smaller).map((t) => t.key);
  }

  /**
   * The node of a tile's level above: the focus, or its programme's tile, found among the first level's tiles (naming
   * the few tiles in SVG over a canvas of 10,000 maps no tile by key).
   */
  private parentOf(tile: TreemapTile): BudgetNode | undefined {
    return tile.depth === 1
      ? this.focusNode
      : this.geometry?.tiles.find((t) => t.depth === 1 && t.key === tile.parentKey)?.node;
  }

  /** The tiles of each geometry by key (a hover asks for one of thousands). */
  private readonly tilesByKey = new WeakMap<TreemapGeometry, Map<string, TreemapTile>>();
  private tileByKey(key: string): TreemapTile | undefined {
    const g = this.geometry;
    if (!g) return undefined;
    let byKey = this.tilesByKey.get(g);
    if (!byKey) this.tilesByKey.set(g, (byKey = new Map(g.tiles.map((t) => [t.key, t]))));
    return byKey.get(key);
  }

  private navigate(key: string, e: KeyboardEvent): string | null | undefined {
    const tile = this.tileByKey(key);
    if (!tile) return undefined;
    if (e.key === 'ArrowRight') {
      // on canvas, the parts are not in the focus order: the area of the lines too small to draw is
      const canvas = this.geometry!.canvas;
      const child = this.geometry!.tiles.find((t) => t.parentKey === key && (!canvas || t.smaller));
      return child ? child.key : null;
    }
    if (e.key === 'ArrowLeft') return tile.parentKey ?? null;
    return undefined;
  }

  private activate(key: string, via: 'key' | 'pointer') {
    const tile = this.tileByKey(key);
    if (!tile) return;
    if (tile.hasChildren) this.drillTo(tile);
    // a click on a part opens its parent (a key press on a part selects it only)
    else if (via === 'pointer' && tile.depth === 2 && tile.parentKey)
      this.drillTo(this.tileByKey(tile.parentKey)!);
  }

  private drillTo(tile: TreemapTile) {
    const ids = this.pathIds();
    const next = tile.depth === 1 ? [...ids, tile.key] : [...ids, tile.parentKey!, tile.key];
    this.setPath(next, tile.key);
  }

  /** Goes up one level (Escape, Backspace or the breadcrumb). */
  drillUp(): void {
    const ids = this.pathIds();
    if (!ids.length) return;
    const from = ids[ids.length - 1]!;
    this.setPath(ids.slice(0, -1), from);
  }

  private setPath(ids: string[], focusKey?: string) {
    this.marks.clear();
    this.path = ids.join('/');
    this.dispatchEvent(new ParsecPathChangeEvent(ids));
    this.updateComplete.then(() => {
      const keys = this.focusKeys();
      const target = focusKey && keys.includes(focusKey) ? focusKey : keys[0];
      if (target) this.marks.focus(target);
    });
  }

  protected renderChart(view: BudgetNode, data: Dataset): TemplateResult {
    const g = this.geometry!;
    const ctx = this.ctx!;
    const t = ctx.t;
    const focus = this.focusNode ?? view;
    const ids = this.pathIds();
    const undisclosed = undisclosedText(focus, ctx, this.currency);
    const conflicts = this.conflicts(focus, g.width, ctx);
    const key = this.tileKey(g, ctx);
    return html`
      <div class="toolbar">
        <nav aria-label=${t.breadcrumb}>
          <ol>
            ${this.trail.map((n, i) =>
              i === this.trail.length - 1
                ? html`<li><span aria-current="location">${nodeName(n, ctx)}</span></li>`
                : html`<li>
                    <button type="button" @click=${() => this.setPath(ids.slice(0, i), ids[i])}>
                      ${nodeName(n, ctx)}
                    </button>
                  </li>`,
            )}
          </ol>
        </nav>
        ${ids.length ? html`<button type="button" class="up" @click=${() => this.drillUp()}>${t.up}</button>` : nothing}
        <span class="hint" aria-hidden="true">${t.drillHint}</span>
      </div>
      <div class="chart" data-export>
        ${renderConflicts(conflicts.blocks, g.width, conflicts.height, (id) => colourClass(this.tileByKey(id)?.node.colour ?? focus.colour))}
        <div class="plot" data-marks data-fill>${this.sizing ? nothing : this.renderPlot(g, focus, ctx)}</div>
      </div>
      ${
        key.length
          ? html`<div class="tile-key" data-export-note>
              <span>${t.pair(t.smallTiles, '').trimEnd()}</span>
              <ol>
                ${key.map((k) => html`<li value=${k.key}>${k.text}</li>`)}
              </ol>
            </div>`
          : nothing
      }
      ${this.noLegend ? nothing : renderLegend(this.legend(g, data, ctx), t.legend)}
      ${undisclosed ? html`<p class="undisclosed" data-export-note>${undisclosed}</p>` : nothing}
    `;
  }

  /** The tiles: on canvas (many lines) under the SVG tree that names them. */
  private renderPlot(g: TreemapGeometry, focus: BudgetNode, ctx: TreemapContext) {
    return html`${g.canvas ? html`<canvas width=${g.width} height=${g.height} aria-hidden="true"></canvas>` : nothing}
    ${renderTreemap(g, {
      label: treemapSummary(focus, ctx),
      ariaLabel: (tile) => this.tileName(tile),
      tabIndex: (key) => this.marks.tabIndex(key),
      svgDepth2: !g.canvas,
      highlight: this.marks.highlight,
      link: this.linked
        ? (tile) => (this.isLinked({ id: tile.key, programme: tile.node.programme }) ? 'linked' : 'dimmed')
        : undefined,
    })}`;
  }

  protected override chartTitle(): string {
    return this.locale.t.treemapTitle;
  }

  protected override tableKey(): unknown[] {
    return [this.currency];
  }

  protected loadTableCode(): Promise<typeof TreemapTable> {
    return import('../../describe/treemap-table');
  }
  /** A row for every line, made in steps (in idle time after the chart's paint, with large data in several). */
  protected override tableModel(
    view: BudgetNode,
    data: Dataset,
    code: typeof TreemapTable,
    rows: TableRows,
  ): Generator<void, TableModel> {
    const ctx = this.context(data, this.locale.lang, this.shown(data, this.currency));
    return code.treemapTableSteps(view, captionTitle(ctx.t.treemapTitle, data, ctx.lang), ctx, {
      ...treemapTableWords,
      ...rows,
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // the share is measured (BoxController, before this): the tiles now, before the frame (the next update finds the
    // chart in and draws them)
    if (this.sizing && this.renderRoot.querySelector('[data-fill]')) return this.requestUpdate();
    if (this.geometry?.canvas) this.paintCanvas();
  }

  private readonly canvasMemo: { painted?: TreemapGeometry } = {};
  private paintCanvas() {
    const g = this.geometry!;
    paintCanvasOnce(this, this.canvasMemo, g, g, (ctx, colour) => {
      const fills = new Map<number, string>();
      const fill = (i: number) => {
        let f = fills.get(i);
        if (f === undefined) {
          const token = colourToken(i);
          fills.set(i, (f = colour(token.property, token.fallback)));
        }
        return f;
      };
      // the tiles' areas in the background colour, then their insides (1 px in from each edge) one path per colour:
      // the same pixels as a fillRect and a strokeRect per tile (the tiles do not overlap, their edges are whole
      // pixels), in a few calls instead of two per tile, and two rectangles a tile instead of five
      const byColour = new Map<number, Path2D>();
      const edges = new Path2D();
      for (const t of g.tiles) {
        if (t.depth !== 2 || t.smaller) continue;
        const c = tileColour(t);
        let path = byColour.get(c);
        if (!path) byColour.set(c, (path = new Path2D()));
        if (t.w > 2 && t.h > 2) {
          edges.rect(t.x, t.y, t.w, t.h);
          path.rect(t.x + 1, t.y + 1, t.w - 2, t.h - 2);
        } else path.rect(t.x, t.y, t.w, t.h);
      }
      ctx.fillStyle = colour('--_bg', '#fff');
      ctx.fill(edges);
      for (const [c, path] of byColour) {
        ctx.fillStyle = fill(c);
        ctx.fill(path);
      }
    });
  }
}

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * The sources of the figures of a tree, in the order met depth first (each line's amount, then its conflicting
 * reports; its parts, then those not drawn), in steps of 4,096 lines.
 */
function* sourcesSteps(view: BudgetNode, data: Dataset): Generator<void, Source[]> {
  const ids = new Set<string>();
  const stack = [view];
  let work = 0;
  while (stack.length) {
    const n = stack.pop()!;
    if (n.amount) for (const id of n.amount.sources) ids.add(id);
    for (const a of n.alternatives) for (const id of a.sources) ids.add(id);
    for (let i = n.undisclosed.length - 1; i >= 0; i--) stack.push(n.undisclosed[i]!);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    if (++work >= 4096) {
      work = 0;
      yield;
    }
  }
  return sourcesOfLists(sourcesById(data), [[...ids]]);
}

/** How long a slice of a computation in steps runs before the page gets the main thread back, in milliseconds. */
const SLICE_MS = 25;

/**
 * Runs a computation in steps in slices of about {@link SLICE_MS}, each in a task of its own (the first too, after the
 * caller's); resolves with its result, or `undefined` when `cancelled()` turns true between two slices.
 */
function sliced<T>(steps: Generator<void, T>, cancelled = () => false): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      if (cancelled()) return resolve(undefined);
      const end = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const r = steps.next();
          if (r.done) return resolve(r.value);
          if (performance.now() >= end) break;
        }
      } catch (e) {
        return reject(e);
      }
      void nextTask().then(slice);
    };
    void nextTask().then(slice);
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-budget-treemap': ParsecBudgetTreemap;
  }
}
