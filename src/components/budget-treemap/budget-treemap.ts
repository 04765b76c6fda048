import { paintCanvasOnce } from '../../util/canvas';
import { renderDataTableRows as renderDataTable } from '../../render/data-table';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineOnce } from '../base/define';
import { FocusGroupController } from '../../controllers/focus-group';
import { ParsecPathChangeEvent } from '../../events/path-change';
import { formatHedgedMoney, formatPercent, localText } from '../../i18n/format';
import { layoutTreemap, type TreemapGeometry, type TreemapTile } from '../../layout/treemap';
import { colourClass, renderTreemap } from '../../render/treemap';
import { sourcesText } from '../../render/source-note';
import type { Dataset } from '../../schema/dataset';
import type { Currency } from '../../schema/quantity';
import type { Source } from '../../schema/sources';
import { nodeAtPath, selectBudgetTree, type BudgetNode } from '../../select/budget-tree';
import { memoizeLast } from '../../util/memo';
import { ParsecElement, sourcesById } from '../base/parsec-element';
import { treemapStyles } from './budget-treemap.styles';

/** Rows of the data table; past it the table says how many rows are left out. */
const TABLE_ROWS = 500;

/**
 * Budgets as a squarified treemap: programme → phase or component → line, sized by the amount drawn.
 * Approximate amounts are hatched, derived ones outlined; the part of a total no source itemises is its own tile;
 * conflicting totals are shown beside the drawn one; undisclosed amounts are listed, never drawn as zero.
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
 * @csspart legend - The legend under the chart.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart source - The source line.
 * @csspart error - The error message.
 * @cssprop --parsec-color-1 - Colour of the first programme (up to `--parsec-color-6`).
 * @cssprop --parsec-treemap-tile-stroke - Colour of the gaps between tiles.
 */
@defineOnce('parsec-budget-treemap')
export class ParsecBudgetTreemap extends ParsecElement<BudgetNode> {
  /** Treemap styles. */
  static override styles = [...ParsecElement.styles, treemapStyles];
  protected readonly widget = 'parsec-budget-treemap';

  /** The drilled branch: budget line ids from the root joined by `/` (`parsec`). Empty: all programmes. */
  @property({ reflect: true }) path = '';

  /** Currency of the amounts shown: `EUR` or `XOF` (converted at the fixed peg 655.957, marked as derived). */
  @property() currency: Currency = 'EUR';

  /** Programme ids to show, comma-separated, or `all` to include context missions. Default: the programmes. */
  @property() programmes?: string;

  /** Hides the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Counts layout computations (a hover or a focus change must not add to it). */
  get layoutCount(): number {
    return this.layout.calls;
  }

  private readonly tree = memoizeLast((data: Dataset, programmes: string | undefined) =>
    selectBudgetTree(data, {
      programmes:
        programmes === 'all' ? 'all' : programmes ? programmes.split(',').map((s) => s.trim()) : undefined,
    }),
  );
  private readonly layout = memoizeLast(
    (focus: BudgetNode, width: number, height: number, lang: string, currency: Currency): TreemapGeometry =>
      layoutTreemap(focus, width, height, {
        text: (n, share) => ({
          name: this.labelOf(n),
          amount: this.amountText(n, lang, currency).short,
          share: formatPercent(share, lang),
          // conflicting reports in the same currency as the drawn amount (the FCFA wording is in the tooltip)
          alt: n.alternatives.some((a) => a.currency === n.amount?.original.currency)
            ? `${this.locale.t.alsoReported}: ${n.alternatives
                .filter((a) => a.currency === n.amount?.original.currency)
                .map((a) => formatHedgedMoney(a, currency, lang).short)
                .join(', ')}`
            : undefined,
        }),
        fontSize: 12,
      }),
  );

  private geometry?: TreemapGeometry;
  private focusNode?: BudgetNode;
  private trail: BudgetNode[] = [];
  private highlight: string | undefined;

  private readonly roving = new FocusGroupController(this, {
    keys: () => this.focusKeys(),
    navigate: (key, e) => this.navigate(key, e),
    onActivate: (key) => this.activate(key),
    onFocus: (key) => this.onTileFocus(key),
  });

  protected view(data: Dataset): BudgetNode {
    return this.tree(data, this.programmes);
  }
  protected isEmpty(view: BudgetNode): boolean {
    return view.children.length === 0 && view.undisclosed.length === 0;
  }
  protected chartHeight(width: number): number {
    return Math.round(Math.max(220, Math.min(520, width < 480 ? width * 0.95 : width * 0.56)));
  }
  protected viewSources(view: BudgetNode, data: Dataset): Source[] {
    const index = sourcesById(data);
    const ids = new Set<string>();
    const walk = (n: BudgetNode) => {
      n.amount?.sources.forEach((s) => ids.add(s));
      n.alternatives.forEach((a) => a.sources.forEach((s) => ids.add(s)));
      n.children.forEach(walk);
      n.undisclosed.forEach(walk);
    };
    walk(view);
    return [...ids].map((id) => index.get(id)).filter((s): s is Source => !!s);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const s = this.loader.state;
    if (s.status !== 'ready') {
      this.geometry = undefined;
      return;
    }
    const root = this.view(s.data);
    const { node, trail } = nodeAtPath(root, this.pathIds());
    this.focusNode = node;
    this.trail = trail;
    const w = this.width;
    this.geometry = this.layout(node, w, this.chartHeight(w), this.locale.lang, this.currency);
  }

  private pathIds(): string[] {
    return this.path ? this.path.split('/').filter(Boolean) : [];
  }

  private labelOf(n: BudgetNode): string {
    const t = this.locale.t;
    if (n.kind === 'root') return t.treemapRoot;
    if (n.kind === 'rest') return t.notItemised;
    return localText(n.label, this.locale.lang);
  }

  private amountText(n: BudgetNode, lang: string, currency: Currency): { short: string; spoken: string } {
    const a = n.amount;
    if (!a) return { short: this.locale.t.notDisclosed, spoken: this.locale.t.notDisclosed };
    const h = formatHedgedMoney(
      { amount: a.eur, currency: 'EUR', bound: a.bound, max: a.maxEur },
      currency,
      lang,
    );
    const derived = a.precision === 'derived' || (currency !== a.original.currency && n.kind !== 'root');
    return derived ? { short: `${h.short}*`, spoken: `${h.spoken} (${this.locale.t.derived})` } : h;
  }

  private tileAriaLabel(t: TreemapTile): string {
    const lang = this.locale.lang;
    const parts = [
      this.labelOf(t.node),
      this.amountText(t.node, lang, this.currency).spoken,
      formatPercent(t.share, lang),
    ];
    if (t.node.alternatives.length) {
      parts.push(
        `${this.locale.t.alsoReported}: ${t.node.alternatives.map((a) => formatHedgedMoney(a, this.currency, lang).spoken).join(', ')}`,
      );
    }
    return parts.join(', ');
  }

  private focusKeys(): string[] {
    const g = this.geometry;
    if (!g) return [];
    return g.tiles.filter((t) => t.depth === 1 || !g.canvas).map((t) => t.key);
  }

  private tileByKey(key: string): TreemapTile | undefined {
    return this.geometry?.tiles.find((t) => t.key === key);
  }

  private navigate(key: string, e: KeyboardEvent): string | null | undefined {
    const tile = this.tileByKey(key);
    if (!tile) return undefined;
    if (e.key === 'ArrowRight') {
      const child = this.geometry!.canvas ? undefined : this.geometry!.tiles.find((t) => t.parentKey === key);
      return child ? child.key : null;
    }
    if (e.key === 'ArrowLeft') return tile.parentKey ?? null;
    if (e.key === 'Escape' || e.key === 'Backspace') {
      if (this.pathIds().length === 0) return null;
      e.preventDefault();
      this.drillUp();
      return null;
    }
    return undefined;
  }

  private onTileFocus(key: string) {
    const tile = this.tileByKey(key);
    if (!tile) return;
    this.highlight = key;
    const el = this.renderRoot.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (el && !this.noTooltip) this.tooltip.showAtElement(key, this.tooltipContent(tile), el);
    this.emitHover(this.detail(tile));
  }

  private activate(key: string) {
    const tile = this.tileByKey(key);
    if (!tile) return;
    this.emitSelect(this.detail(tile));
    if (tile.hasChildren) this.drillTo(tile);
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
    this.tooltip.hide();
    this.path = ids.join('/');
    this.dispatchEvent(new ParsecPathChangeEvent(ids));
    this.updateComplete.then(() => {
      const keys = this.focusKeys();
      const target = focusKey && keys.includes(focusKey) ? focusKey : keys[0];
      if (target) this.roving.focus(target);
    });
  }

  private detail(tile: TreemapTile) {
    const data = (this.loader.state as { data: Dataset }).data;
    const index = sourcesById(data);
    const ids = new Set([
      ...(tile.node.amount?.sources ?? []),
      ...tile.node.alternatives.flatMap((a) => a.sources),
    ]);
    return {
      id: tile.key,
      kind: tile.node.kind === 'rest' ? 'budget-rest' : 'budget',
      label: this.labelOf(tile.node),
      programme: tile.node.programme,
      sources: [...ids].map((id) => index.get(id)).filter((s): s is Source => !!s),
      datum: tile.node,
    };
  }

  private tooltipContent(tile: TreemapTile): TemplateResult {
    const t = this.locale.t;
    const lang = this.locale.lang;
    const n = tile.node;
    const a = n.amount;
    const data = (this.loader.state as { data: Dataset }).data;
    const index = sourcesById(data);
    const src = (ids: readonly string[]) =>
      sourcesText(ids.map((id) => index.get(id)).filter((s): s is Source => !!s));
    const precision = a
      ? a.precision === 'approx'
        ? t.approx
        : a.precision === 'derived'
          ? t.derived
          : t.exact
      : '';
    return html`<h3>${this.labelOf(n)}</h3>
      <p>${this.amountText(n, lang, this.currency).short} · ${formatPercent(tile.share, lang)}</p>
      ${a ? html`<p>${t.precision}: ${precision}</p>` : nothing}
      ${n.kind === 'rest' ? html`<p>${t.notItemisedNote}</p>` : nothing}
      ${n.alternatives.map(
        (alt) =>
          html`<p class="alt">
            ${t.alsoReported}: ${formatHedgedMoney(alt, this.currency, lang).short} (${src(alt.sources)})
          </p>`,
      )}
      ${n.note ? html`<p>${localText(n.note, lang)}</p>` : nothing}
      ${a ? html`<p class="tip-sources">${t.sources}: ${src(a.sources)}</p>` : nothing}`;
  }

  private onPointer(e: PointerEvent) {
    if (this.noTooltip && e.type !== 'pointerleave') return;
    const key = this.markKey(e);
    let tile = key ? this.tileByKey(key) : undefined;
    if (this.geometry?.canvas && (!tile || tile.depth === 1)) tile = this.hitCanvas(e) ?? tile;
    if (!tile || e.type === 'pointerleave') {
      this.highlight = undefined;
      this.tooltip.hide();
      this.emitHover(null);
      return;
    }
    this.highlight = tile.key;
    if (!this.noTooltip) this.tooltip.showAtPointer(tile.key, this.tooltipContent(tile), e);
    this.emitHover(this.detail(tile));
  }

  private hitCanvas(e: PointerEvent): TreemapTile | undefined {
    const svgEl = this.renderRoot.querySelector('svg.treemap');
    if (!svgEl || !this.geometry) return undefined;
    const r = svgEl.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    return this.geometry.tiles.find(
      (t) => t.depth === 2 && x >= t.x && x < t.x + t.w && y >= t.y && y < t.y + t.h,
    );
  }

  private onClick(e: MouseEvent) {
    const key = this.markKey(e);
    let tile = key ? this.tileByKey(key) : undefined;
    if (this.geometry?.canvas) tile = this.hitCanvas(e as PointerEvent) ?? tile;
    if (!tile) return;
    this.emitSelect(this.detail(tile));
    if (tile.hasChildren) this.drillTo(tile);
    else if (tile.depth === 2 && tile.parentKey) this.drillTo(this.tileByKey(tile.parentKey)!);
  }

  private onChartFocusIn(e: FocusEvent) {
    const key = this.markKey(e);
    if (key) this.roving.focused(key);
  }

  private onChartKeydown(e: KeyboardEvent) {
    const key = this.markKey(e);
    if (key) {
      this.roving.keydown(e, key);
      return;
    }
    if ((e.key === 'Escape' || e.key === 'Backspace') && this.pathIds().length) {
      e.preventDefault();
      this.drillUp();
    }
  }

  protected renderChart(view: BudgetNode): TemplateResult {
    const g = this.geometry!;
    const t = this.locale.t;
    const lang = this.locale.lang;
    const focus = this.focusNode ?? view;
    const ids = this.pathIds();
    const summary = t.treemapLabel(
      this.labelOf(focus),
      this.amountText(focus, lang, this.currency).spoken,
      focus.children.length,
    );
    return html`
      <div class="toolbar">
        <nav aria-label=${t.breadcrumb}>
          <ol>
            ${this.trail.map((n, i) =>
              i === this.trail.length - 1
                ? html`<li><span aria-current="location">${this.labelOf(n)}</span></li>`
                : html`<li>
                    <button type="button" @click=${() => this.setPath(ids.slice(0, i), ids[i])}>
                      ${this.labelOf(n)}
                    </button>
                  </li>`,
            )}
          </ol>
        </nav>
        ${ids.length ? html`<button type="button" class="up" @click=${() => this.drillUp()}>${t.up}</button>` : nothing}
        <span class="hint" aria-hidden="true">${t.drillHint}</span>
      </div>
      <div
        class="chart"
        @pointermove=${this.onPointer}
        @pointerleave=${this.onPointer}
        @click=${this.onClick}
        @keydown=${this.onChartKeydown}
        @focusin=${this.onChartFocusIn}
        @focusout=${(e: FocusEvent) => {
          if (!this.renderRoot.contains(e.relatedTarget as Node | null)) {
            this.tooltip.hide();
            this.highlight = undefined;
          }
        }}
      >
        ${g.canvas ? html`<canvas width=${g.width} height=${g.height} aria-hidden="true"></canvas>` : nothing}
        ${renderTreemap(g, {
          label: summary,
          ariaLabel: (tile) => this.tileAriaLabel(tile),
          tabIndex: (key) => this.roving.tabIndex(key),
          svgDepth2: !g.canvas,
          highlight: this.highlight,
          link: this.linked
            ? (tile) =>
                this.isLinked({ id: tile.key, programme: tile.node.programme }) ? 'linked' : 'dimmed'
            : undefined,
        })}
      </div>
      ${this.noLegend ? nothing : this.renderLegend(focus)}
    `;
  }

  private renderLegend(focus: BudgetNode): TemplateResult {
    const t = this.locale.t;
    const lang = this.locale.lang;
    const data = (this.loader.state as { data: Dataset }).data;
    const shown = new Map<string, number>();
    for (const tile of this.geometry!.tiles)
      if (tile.node.programme) shown.set(tile.node.programme, tile.node.colour);
    const undisclosed = focus.undisclosed;
    const swatch = (cls: string) =>
      html`<svg width="14" height="14" aria-hidden="true">
        <rect class="swatch ${cls}" x="0.5" y="0.5" width="13" height="13"></rect>
      </svg>`;
    return html`<ul class="legend" part="legend" aria-label=${t.legend}>
        ${[...shown].map(([id, colour]) => {
          const p = data.programmes.find((x) => x.id === id);
          return html`<li class=${colourClass(colour)}>${swatch('')}${p?.short ?? id}</li>`;
        })}
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <defs>
              <pattern
                id="lg-hatch"
                patternUnits="userSpaceOnUse"
                width="4"
                height="4"
                patternTransform="rotate(45)"
              >
                <line class="hatch-line-rest" x1="0" y1="0" x2="0" y2="4"></line>
              </pattern>
            </defs>
            <rect
              x="0.5"
              y="0.5"
              width="13"
              height="13"
              fill="url(#lg-hatch)"
              class="swatch rest"
            ></rect></svg
          >≈ ${t.approx} · * ${t.derived} · ${t.notItemised}
        </li>
      </ul>
      ${
        undisclosed.length
          ? html`<p class="undisclosed">
              ${t.notDrawn}:
              ${undisclosed.map(
                (n, i) =>
                  html`${i ? ', ' : ''}<strong>${this.labelOf(n)}</strong>
                    (${n.amount ? '' : t.notDisclosed}${
                      n.note ? html` — ${localText(n.note, lang)}` : nothing
                    })`,
              )}
            </p>`
          : nothing
      }`;
  }

  protected override chartTitle(): string {
    return this.locale.t.treemapTitle;
  }

  protected override tableKey(): unknown[] {
    return [this.currency];
  }

  protected override renderTable(view: BudgetNode, data: Dataset): TemplateResult {
    const t = this.locale.t;
    const lang = this.locale.lang;
    const index = sourcesById(data);
    const src = (ids: readonly string[]) =>
      sourcesText(ids.map((id) => index.get(id)).filter((s): s is Source => !!s));
    const rows: TemplateResult[] = [];
    const total = view.amount?.eur ?? 0;
    const countRows = (n: BudgetNode): number =>
      1 +
      n.alternatives.length +
      n.children.reduce((s, c) => s + countRows(c), 0) +
      n.undisclosed.reduce((s, c) => s + countRows(c), 0);
    const walk = (n: BudgetNode, level: number) => {
      if (rows.length >= TABLE_ROWS) return;
      const a = n.amount;
      rows.push(
        html`<tr>
          <th scope="row">${'— '.repeat(Math.max(0, level - 1))}${this.labelOf(n)}</th>
          <td class="num">${level}</td>
          <td class="num">${this.amountText(n, lang, this.currency).short}</td>
          <td>
            ${a ? (a.precision === 'approx' ? t.approx : a.precision === 'derived' ? t.derived : t.exact) : t.notDisclosed}
          </td>
          <td class="num">${a && total ? formatPercent(a.eur / total, lang) : ''}</td>
          <td>${a ? src(a.sources) : ''}</td>
        </tr>`,
      );
      for (const alt of n.alternatives)
        rows.push(
          html`<tr class="alt">
            <th scope="row">${'— '.repeat(Math.max(0, level - 1))}${this.labelOf(n)} (${t.alsoReported})</th>
            <td class="num">${level}</td>
            <td class="num">${formatHedgedMoney(alt, this.currency, lang).short}</td>
            <td>
              ${alt.precision === 'approx' ? t.approx : alt.precision === 'derived' ? t.derived : t.exact}
            </td>
            <td></td>
            <td>${src(alt.sources)}</td>
          </tr>`,
        );
      n.children.forEach((c) => walk(c, level + 1));
      n.undisclosed.forEach((c) => walk(c, level + 1));
    };
    view.children.forEach((c) => walk(c, 1));
    view.undisclosed.forEach((c) => walk(c, 1));
    const shown = rows.slice(0, TABLE_ROWS);
    const all =
      shown.length < TABLE_ROWS
        ? shown.length
        : [...view.children, ...view.undisclosed].reduce((s, c) => s + countRows(c), 0);
    return renderDataTable(
      localText(data.meta.title, lang),
      [t.name, t.level, t.amount, t.precision, t.share, t.sources],
      shown,
      shown.length < all ? t.tableTruncated(shown.length, all) : undefined,
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.geometry?.canvas) this.paintCanvas();
  }

  private readonly canvasMemo: { painted?: TreemapGeometry } = {};
  private paintCanvas() {
    const g = this.geometry!;
    paintCanvasOnce(this, this.canvasMemo, g, g, (ctx, colour) => {
      const colours = [1, 2, 3, 4, 5, 6].map((i) => colour(`--_cat-${i}`, '#1f5f8b'));
      ctx.lineWidth = 1;
      ctx.strokeStyle = colour('--_bg', '#fff');
      for (const t of g.tiles) {
        if (t.depth !== 2) continue;
        ctx.fillStyle = colours[t.node.colour % colours.length]!;
        ctx.fillRect(t.x, t.y, t.w, t.h);
        if (t.w > 2 && t.h > 2) ctx.strokeRect(t.x + 0.5, t.y + 0.5, t.w - 1, t.h - 1);
      }
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-budget-treemap': ParsecBudgetTreemap;
  }
}
