import { paintCanvasOnce } from '../../util/canvas';
import { renderDataTableRows as renderDataTable } from '../../render/data-table';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineOnce } from '../base/define';
import { FocusGroupController } from '../../controllers/focus-group';
import { MediaQueryController } from '../../controllers/media';
import type { ParsecMarkDetail } from '../../events/select';
import { formatInteger, localText } from '../../i18n/format';
import {
  layoutCooperant,
  type CooperantGeometry,
  type CooperantMode,
  type GroupBox,
  type UnitBox,
} from '../../layout/cooperant';
import { groupKey, renderCooperant, unitShape } from '../../render/cooperant';
import { sourcesText } from '../../render/source-note';
import type { Dataset } from '../../schema/dataset';
import type { Count } from '../../schema/quantity';
import type { Source } from '../../schema/sources';
import {
  COOPERANT_GROUP_BYS,
  groupUnits,
  selectCooperantPosts,
  unitsOf,
  type CooperantGroupBy,
  type CooperantUnit,
  type CooperantView,
  type CooperantYear,
  type UnitGroup,
} from '../../select/cooperant-posts';
import { memoizeLast } from '../../util/memo';
import { ParsecElement, sourcesById } from '../base/parsec-element';
import { cooperantStyles } from './cooperant-chart.styles';

const RANKS = ['senior-officer', 'officer', 'nco', 'not-stated'] as const;

/**
 * French military cooperant posts as a unit chart: one mark per post, regrouped (with an animated transition) by
 * place, Malian entity, rank, service or year. Posts a total counts but no source itemises are hollow units in
 * their own group, never guessed into one; an approximate total ("about ten") is dashed; a place, rank or service
 * not stated is its own group. Shapes encode rank as well as colour. `mode="bars"` shows the same groups as bars.
 *
 * @summary Cooperant posts by place, entity, rank, service or year, itemised vs not itemised.
 * @customElement parsec-cooperant-chart
 * @fires parsec-select - A post or group was chosen (click, tap, Enter, Space). `detail.places` holds place ids.
 * @fires parsec-hover - The pointer or focus entered a post or group (`detail`) or left the chart (`null`).
 * @fires parsec-data-error - The dataset could not be loaded or is invalid; `detail.issues` lists each problem.
 * @csspart base - The wrapper of everything.
 * @csspart svg - The chart.
 * @csspart mark - A unit (post), or a group in bars mode.
 * @csspart label - A group's name or count.
 * @csspart legend - The legend under the chart.
 * @csspart controls - The group-by control.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart source - The source line.
 * @csspart error - The error message.
 * @cssprop --parsec-color-1 - Senior officers (then `--parsec-color-2` officers, `--parsec-color-3` NCOs).
 * @cssprop --parsec-color-unknown - Rank not stated.
 * @cssprop --parsec-cooperant-duration - Regrouping animation length (a number of milliseconds, default 400).
 */
@defineOnce('parsec-cooperant-chart')
export class ParsecCooperantChart extends ParsecElement<CooperantView> {
  static override styles = [...ParsecElement.styles, cooperantStyles];
  protected readonly widget = 'parsec-cooperant-chart';

  /** How units are grouped: `place`, `entity`, `rank`, `service` or `year` (every year side by side). */
  @property({ attribute: 'group-by', reflect: true }) groupBy: CooperantGroupBy = 'place';

  /** `units` (one mark per post) or `bars` (one bar per group, with counts). */
  @property({ reflect: true }) mode: CooperantMode = 'units';

  /** The year shown (`2011`), or `all`. Default: the year with the most itemised posts. Ignored by `group-by="year"`. */
  @property() year?: string;

  /** Hides the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Counts layout computations (a hover or a focus change must not add to it). */
  get layoutCount(): number {
    return this.layout.calls;
  }

  private readonly reducedMotion = new MediaQueryController(this, '(prefers-reduced-motion: reduce)');
  private readonly selectView = memoizeLast((data: Dataset) => selectCooperantPosts(data));
  private readonly shownUnits = memoizeLast((view: CooperantView, year: number | 'all') =>
    unitsOf(view, year),
  );
  private readonly groups = memoizeLast(
    (units: CooperantUnit[], by: CooperantGroupBy, view: CooperantView, data: Dataset) =>
      groupUnits(units, by, {
        years: view.years,
        order: by === 'entity' ? data.cooperants.entities.map((e) => e.id) : data.places.map((p) => p.id),
      }),
  );
  private readonly layout = memoizeLast(
    (groups: UnitGroup[], width: number, mode: CooperantMode, _lang: string, by: CooperantGroupBy) =>
      layoutCooperant(groups, width, {
        mode,
        fontSize: 12,
        text: (g) => ({ name: this.groupName(g, by), count: this.groupCount(g) }),
      }),
  );

  private geometry?: CooperantGeometry;
  private years: CooperantYear[] = [];
  private highlight: string | undefined;
  /** Unit positions last drawn, to animate a regrouping from. */
  private lastPositions = new Map<string, { x: number; y: number }>();
  private animateNext = false;

  private readonly roving = new FocusGroupController(this, {
    keys: () => this.focusKeys(),
    navigate: (key, e) => this.navigate(key, e),
    onActivate: (key) => this.activate(key),
    onFocus: (key) => this.onMarkFocus(key),
  });

  protected view(data: Dataset): CooperantView {
    return this.selectView(data);
  }
  protected isEmpty(view: CooperantView): boolean {
    return view.years.every((y) => y.units.length === 0);
  }
  protected chartHeight(width: number): number {
    return width < 480 ? 420 : 300;
  }
  protected viewSources(_view: CooperantView, data: Dataset): Source[] {
    const index = sourcesById(data);
    const ids = new Set<string>();
    for (const y of this.years) {
      y.total?.sources.forEach((s) => ids.add(s));
      y.units.forEach((u) => u.sources.forEach((s) => ids.add(s)));
    }
    return [...ids].map((id) => index.get(id)).filter((s): s is Source => !!s);
  }

  /** The year shown, resolved against the data. */
  private yearShown(view: CooperantView): number | 'all' {
    if (this.groupBy === 'year' || this.year === 'all') return 'all';
    const y = Number(this.year);
    if (this.year && view.years.some((x) => x.year === y)) return y;
    return view.defaultYear ?? 'all';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('groupBy') || changed.has('year')) this.animateNext = true;
    const s = this.loader.state;
    if (s.status !== 'ready') {
      this.geometry = undefined;
      this.years = [];
      return;
    }
    const view = this.view(s.data);
    const year = this.yearShown(view);
    this.years = view.years.filter((y) => year === 'all' || y.year === year);
    const by = COOPERANT_GROUP_BYS.includes(this.groupBy) ? this.groupBy : 'place';
    const groups = this.groups(this.shownUnits(view, year), by, view, s.data);
    this.geometry = this.layout(
      groups,
      this.width,
      this.mode === 'bars' ? 'bars' : 'units',
      this.locale.lang,
      by,
    );
  }

  private get current(): Dataset {
    return (this.loader.state as { data: Dataset }).data;
  }

  // ---------- text ----------

  private placeName(id: string): string {
    const p = this.current.places.find((x) => x.id === id);
    return p ? localText(p.name, this.locale.lang) : id;
  }
  private entityOf(id: string | null) {
    return id ? this.current.cooperants.entities.find((e) => e.id === id) : undefined;
  }

  private groupName(g: UnitGroup, by: CooperantGroupBy): string {
    const c = this.locale.t.cooperant;
    if (g.kind === 'not-itemised') return this.locale.t.notItemised;
    switch (by) {
      case 'place':
        return g.kind === 'not-stated' ? c.placeNotStated : this.placeName(g.key);
      case 'entity':
        return g.kind === 'not-stated' ? c.entityNotStated : (this.entityOf(g.key)?.short ?? g.key);
      case 'rank':
        return c.ranks[(g.kind === 'not-stated' ? 'not-stated' : g.key) as keyof typeof c.ranks] ?? g.key;
      case 'service':
        return (
          c.services[(g.kind === 'not-stated' ? 'not-stated' : g.key) as keyof typeof c.services] ?? g.key
        );
      case 'year':
        return g.key;
    }
  }

  /** A count with its hedge: `14`, `≈ 10`. */
  private hedged(count: Count | { value: number; bound?: string | undefined }, spoken = false): string {
    const n = formatInteger(count.value, this.locale.lang);
    const t = this.locale.t;
    switch (count.bound) {
      case 'about':
        return spoken ? `${t.about} ${n}` : `≈ ${n}`;
      case 'at-least':
        return spoken ? `${t.atLeast} ${n}` : `> ${n}`;
      case 'at-most':
        return spoken ? `${t.atMost} ${n}` : `< ${n}`;
      default:
        return n;
    }
  }

  private groupCount(g: UnitGroup, spoken = false): string {
    const c = this.locale.t.cooperant;
    const n = g.units.length;
    const total = g.total
      ? this.hedged(g.total, spoken)
      : g.approx
        ? this.hedged({ value: n, bound: 'about' }, spoken)
        : formatInteger(n, this.locale.lang);
    const posts = c.posts(total, g.total?.value ?? n);
    if (g.kind === 'not-itemised' && this.years.length === 1) {
      const y = this.years[0]!;
      if (y.total && y.total.precision !== 'approx' && y.itemised)
        return c.notItemisedCount(
          posts,
          this.hedged(y.total, spoken),
          formatInteger(y.itemised, this.locale.lang),
        );
    }
    return c.groupCount(posts, g.itemised, g.notItemised);
  }

  private yearSentence(y: CooperantYear): string {
    const c = this.locale.t.cooperant;
    const total = y.total ? this.hedged(y.total, true) : formatInteger(y.itemised, this.locale.lang);
    return c.yearSentence(
      total,
      y.total?.value ?? y.itemised,
      y.year,
      y.itemised,
      formatInteger(y.itemised, this.locale.lang),
    );
  }

  /** The summary sentence: `14 posts in 2011, of which 9 itemised: 4 in Bamako, …; 5 not itemised.` */
  summary(): string {
    const g = this.geometry;
    if (!g) return '';
    const c = this.locale.t.cooperant;
    let text = this.years.map((y) => this.yearSentence(y)).join(c.semicolon);
    if (this.groupBy !== 'year') {
      const parts = g.groups
        .filter((b) => b.group.kind !== 'not-itemised')
        .map((b) => {
          const n = formatInteger(b.group.units.length, this.locale.lang);
          if (this.groupBy === 'place')
            return b.group.kind === 'not-stated' ? c.noPlacePart(n) : c.placePart(n, this.placeName(b.key));
          return c.valuePart(n, this.groupName(b.group, this.groupBy));
        });
      const rest = g.groups.find((b) => b.group.kind === 'not-itemised')?.group;
      if (parts.length) text += `${c.colon}${parts.join(', ')}`;
      // with nothing itemised, the year sentence already says it all ("about 10 posts in 2016, none itemised")
      if (rest && parts.length)
        text += `${c.semicolon}${c.notItemisedPart(formatInteger(rest.units.length, this.locale.lang), rest.units.length, rest.approx)}`;
    }
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  private unitLabel(u: UnitBox): string {
    const unit = u.unit;
    const c = this.locale.t.cooperant;
    const lang = this.locale.lang;
    if (!unit.post) {
      const y =
        this.years.find((x) => x.year === unit.year) ??
        this.view(this.current).years.find((x) => x.year === unit.year);
      const total = y?.total ? this.hedged(y.total, true) : '';
      const i = Number(unit.key.split('#')[1] ?? 0);
      return c.notItemisedUnit(i, y?.notItemised ?? 0, unit.year, total);
    }
    const p = unit.post;
    const parts = [
      localText(p.role, lang),
      this.entityOf(p.entity)?.short ?? p.entity,
      c.ranks[p.rank],
      p.service === 'not-stated' ? '' : c.services[p.service],
      p.place ? this.placeName(p.place) : c.placeNotStated,
      String(unit.year),
    ];
    return parts.filter(Boolean).join(', ');
  }

  private groupLabel(g: GroupBox): string {
    return `${this.groupName(g.group, this.groupBy)}: ${this.groupCount(g.group, true)}`;
  }

  // ---------- focus, hover, select ----------

  private focusKeys(): string[] {
    const g = this.geometry;
    if (!g) return [];
    if (g.mode === 'bars' || g.canvas) return g.groups.map((b) => groupKey(b.key));
    return g.units.map((u) => u.key);
  }

  private unitByKey(key: string): UnitBox | undefined {
    return this.geometry?.units.find((u) => u.key === key);
  }
  private groupByKey(key: string): GroupBox | undefined {
    return this.geometry?.groups.find((b) => groupKey(b.key) === key);
  }

  private navigate(key: string, e: KeyboardEvent): string | null | undefined {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return undefined;
    const u = this.unitByKey(key);
    if (!u) return undefined;
    const units = this.geometry!.units;
    const down = e.key === 'ArrowDown';
    // the nearest row above or below, then the nearest column in it
    let rowY: number | undefined;
    for (const v of units)
      if (down ? v.y > u.y : v.y < u.y)
        if (rowY === undefined || (down ? v.y < rowY : v.y > rowY)) rowY = v.y;
    if (rowY === undefined) return null;
    let best: UnitBox | undefined;
    for (const v of units)
      if (v.y === rowY && (!best || Math.abs(v.x - u.x) < Math.abs(best.x - u.x))) best = v;
    return best?.key ?? null;
  }

  private detail(key: string): Omit<ParsecMarkDetail, 'widget'> | null {
    const index = sourcesById(this.current);
    const srcs = (ids: readonly string[]) => ids.map((id) => index.get(id)).filter((s): s is Source => !!s);
    const u = this.unitByKey(key);
    if (u) {
      const unit = u.unit;
      return {
        id: unit.post ? unit.post.id : unit.key,
        kind: unit.post ? 'post' : 'post-not-itemised',
        label: this.unitLabel(u),
        places: unit.place ? [unit.place] : [],
        sources: srcs(unit.sources),
        datum: unit,
      };
    }
    const g = this.groupByKey(key);
    if (!g) return null;
    const places =
      this.groupBy === 'place' && g.group.kind === 'value'
        ? [g.key]
        : [...new Set(g.group.units.map((x) => x.place).filter((p): p is string => !!p))];
    return {
      id: g.key,
      kind: 'group',
      label: this.groupLabel(g),
      places,
      sources: srcs([...new Set(g.group.units.flatMap((x) => x.sources))]),
      datum: g.group,
    };
  }

  private onMarkFocus(key: string) {
    const d = this.detail(key);
    if (!d) return;
    this.highlight = key;
    const el = this.renderRoot.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (el && !this.noTooltip) this.tooltip.showAtElement(key, this.tooltipContent(key), el);
    this.emitHover(d);
    this.requestUpdate();
  }

  private activate(key: string) {
    const d = this.detail(key);
    if (d) this.emitSelect(d);
  }

  /** The key under the pointer: a unit (SVG or canvas), else a group. */
  private keyAt(e: MouseEvent): string | undefined {
    const key = this.markKey(e);
    const g = this.geometry;
    if (g?.canvas) {
      const svgEl = this.renderRoot.querySelector('svg.cooperant');
      if (svgEl) {
        const r = svgEl.getBoundingClientRect();
        const hit = this.hitUnit(e.clientX - r.left, e.clientY - r.top);
        if (hit) return hit.key;
      }
    }
    return key;
  }

  private hitUnit(x: number, y: number): UnitBox | undefined {
    const g = this.geometry!;
    for (const b of g.groups) {
      if (y < b.y || y > b.y + b.h) continue;
      const first = g.units.find((u) => u.groupKey === b.key);
      if (!first) return undefined;
      const col = Math.floor((x - first.x) / g.cell);
      const row = Math.floor((y - first.y) / g.cell);
      if (col < 0 || row < 0 || col >= b.cols) return undefined;
      const unit = b.group.units[row * b.cols + col];
      return unit ? g.units.find((u) => u.key === unit.key) : undefined;
    }
    return undefined;
  }

  private onChartFocusIn(e: FocusEvent) {
    const key = this.markKey(e);
    if (key) this.roving.focused(key);
  }

  private onChartKeydown(e: KeyboardEvent) {
    const key = this.markKey(e);
    if (key) this.roving.keydown(e, key);
  }

  private onPointer(e: PointerEvent) {
    const key = e.type === 'pointerleave' ? undefined : this.keyAt(e);
    const d = key ? this.detail(key) : null;
    if (!key || !d) {
      if (this.highlight !== undefined) {
        this.highlight = undefined;
        this.requestUpdate();
      }
      this.tooltip.hide();
      this.emitHover(null);
      return;
    }
    if (this.highlight !== key) {
      this.highlight = key;
      this.requestUpdate();
    }
    if (!this.noTooltip) this.tooltip.showAtPointer(key, this.tooltipContent(key), e);
    this.emitHover(d);
  }

  private onClick(e: MouseEvent) {
    const key = this.keyAt(e);
    if (key) this.activate(key);
  }

  private tooltipContent(key: string): TemplateResult {
    const t = this.locale.t;
    const c = t.cooperant;
    const lang = this.locale.lang;
    const index = sourcesById(this.current);
    const src = (ids: readonly string[]) =>
      sourcesText(ids.map((id) => index.get(id)).filter((s): s is Source => !!s));
    const u = this.unitByKey(key);
    if (!u) {
      const g = this.groupByKey(key)!;
      return html`<h3>${this.groupName(g.group, this.groupBy)}</h3>
        <p>${this.groupCount(g.group)}</p>
        ${g.group.notItemised ? html`<p>${t.notItemised}: ${g.group.notItemised}</p>` : nothing}
        <p class="tip-sources">
          ${t.sources}: ${src([...new Set(g.group.units.flatMap((x) => x.sources))])}
        </p>`;
    }
    const unit = u.unit;
    const p = unit.post;
    if (!p) {
      const y = this.years.find((x) => x.year === unit.year);
      const total = y?.total ? this.hedged(y.total, true) : '';
      return html`<h3>${t.notItemised}</h3>
        <p>${c.notItemisedTip(total, y?.itemised ?? 0, unit.year)}</p>
        <p>${t.precision}: ${unit.precision === 'approx' ? t.approx : t.derived}</p>
        ${y?.total?.note ? html`<p>${localText(y.total.note, lang)}</p>` : nothing}
        <p class="tip-sources">${t.sources}: ${src(unit.sources)}</p>`;
    }
    const entity = this.entityOf(p.entity);
    return html`<h3>${localText(p.role, lang)}</h3>
      <p>${c.entity}: ${entity ? localText(entity.name, lang) : p.entity}</p>
      <p>${c.rank}: ${c.ranks[p.rank]} · ${c.service}: ${c.services[p.service]}</p>
      <p>${c.place}: ${p.place ? this.placeName(p.place) : c.placeNotStated} · ${c.year}: ${unit.year}</p>
      ${p.note ? html`<p>${localText(p.note, lang)}</p>` : nothing}
      <p class="tip-sources">${t.sources}: ${src(p.sources)}</p>`;
  }

  // ---------- render ----------

  private onGroupByChange(e: Event) {
    const value = (e.target as HTMLSelectElement).value as CooperantGroupBy;
    if (COOPERANT_GROUP_BYS.includes(value)) this.groupBy = value;
  }

  /** What a mark is, for a selection shared through `<parsec-dataset>`: its post id and its places. */
  private linkTarget(m: UnitBox | GroupBox): { id?: string; places?: string[] } {
    if ('unit' in m) return { id: m.unit.post?.id ?? m.key, places: m.unit.place ? [m.unit.place] : [] };
    return {
      id: m.key,
      places: [...new Set(m.group.units.map((u) => u.place).filter((p): p is string => !!p))],
    };
  }

  protected override chartTitle(): string {
    return this.locale.t.cooperant.label;
  }

  protected override tableKey(): unknown[] {
    return [this.years.map((y) => y.year).join(','), this.groupBy, this.geometry?.canvas];
  }

  private onYearChange(e: Event) {
    this.year = (e.target as HTMLSelectElement).value;
  }

  /** A year picker when the data has several years (not when grouping by year: every year is shown then). */
  private renderYearControl(): TemplateResult | typeof nothing {
    const all = this.view(this.current).years;
    if (all.length < 2 || this.groupBy === 'year') return nothing;
    const c = this.locale.t.cooperant;
    const shown = this.years.length === 1 ? String(this.years[0]!.year) : 'all';
    return html`<label
      >${c.yearControl}
      <select @change=${this.onYearChange} .value=${shown}>
        ${all.map((y) => html`<option value=${y.year} ?selected=${shown === String(y.year)}>${y.year}</option>`)}
        <option value="all" ?selected=${shown === 'all'}>${c.allYears}</option>
      </select>
    </label>`;
  }

  protected renderChart(): TemplateResult {
    const g = this.geometry!;
    const t = this.locale.t;
    const c = t.cooperant;
    return html`
      <div class="toolbar" part="controls">
        <label
          >${c.groupBy}
          <select @change=${this.onGroupByChange} .value=${this.groupBy}>
            ${COOPERANT_GROUP_BYS.map(
              (by) =>
                html`<option value=${by} ?selected=${by === this.groupBy}>${c.groupByOptions[by]}</option>`,
            )}
          </select>
        </label>
        ${this.renderYearControl()}
      </div>
      <p class="summary" id="summary">${this.summary()}</p>
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
            this.emitHover(null);
            this.requestUpdate();
          }
        }}
      >
        ${g.canvas ? html`<canvas width=${g.width} height=${g.height} aria-hidden="true"></canvas>` : nothing}
        ${renderCooperant(g, {
          labelledBy: 'summary',
          unitLabel: (u) => this.unitLabel(u),
          groupLabel: (b) => this.groupLabel(b),
          tabIndex: (key) => this.roving.tabIndex(key),
          highlight: this.highlight,
          link: this.linked ? (m) => (this.isLinked(this.linkTarget(m)) ? 'linked' : 'dimmed') : undefined,
        })}
      </div>
      ${this.noLegend ? nothing : this.renderLegend(g)}
    `;
  }

  private renderLegend(g: CooperantGeometry): TemplateResult {
    const t = this.locale.t;
    const c = t.cooperant;
    const shown = new Set<string>();
    let hollow = false;
    let approx = false;
    for (const b of g.groups)
      for (const u of b.group.units) {
        if (u.kind === 'post') shown.add(u.rank);
        else hollow = true;
        if (u.precision === 'approx') approx = true;
      }
    if (g.mode === 'bars') {
      const box = (cls: string) =>
        html`<svg width="14" height="14" aria-hidden="true">
          <rect class="swatch ${cls}" x="0.75" y="0.75" width="12.5" height="12.5"></rect>
        </svg>`;
      return html`<ul class="legend" part="legend" aria-label=${t.legend}>
        <li>${box('solid')}${c.legendItemised}</li>
        ${hollow ? html`<li>${box('hollow')}${t.notItemised} ${c.legendHollow}</li>` : nothing}
        ${approx ? html`<li>${box('hollow approx')}${c.legendApprox}</li>` : nothing}
      </ul>`;
    }
    const swatch = (cls: string, rank: (typeof RANKS)[number], isHollow: boolean) =>
      html`<svg width="14" height="14" viewBox="-1 -1 16 16" aria-hidden="true">
        <g class="unit ${cls}">${unitShape(rank, 14, isHollow)}</g>
      </svg>`;
    return html`<ul class="legend" part="legend" aria-label=${t.legend}>
      ${RANKS.filter((r) => shown.has(r)).map(
        (r) => html`<li>${swatch(`rank-${r}`, r, false)}${c.ranks[r]}</li>`,
      )}
      ${
        hollow
          ? html`<li>
              ${swatch('not-itemised derived', 'not-stated', true)}${t.notItemised} ${c.legendHollow}
            </li>`
          : nothing
      }
      ${
        approx
          ? html`<li>${swatch('not-itemised approx', 'not-stated', true)}${c.legendApprox}</li>`
          : nothing
      }
    </ul>`;
  }

  protected override renderTable(view: CooperantView, data: Dataset): TemplateResult {
    const t = this.locale.t;
    const c = t.cooperant;
    const lang = this.locale.lang;
    const index = sourcesById(data);
    const src = (ids: readonly string[]) =>
      sourcesText(ids.map((id) => index.get(id)).filter((s): s is Source => !!s));
    const years = this.years.length ? this.years : view.years;
    // past the SVG limit the chart focuses groups: so does the table (thousands of rows would stall the page)
    if (this.geometry?.canvas) return this.renderGroupTable();
    const rows: TemplateResult[] = [];
    for (const y of years) {
      for (const u of y.units) {
        const p = u.post;
        if (!p) continue;
        const e = this.entityOf(p.entity);
        rows.push(
          html`<tr>
            <td class="num">${y.year}</td>
            <th scope="row">${localText(p.role, lang)}</th>
            <td>${e ? localText(e.name, lang) : p.entity}</td>
            <td>${c.ranks[p.rank]}</td>
            <td>${c.services[p.service]}</td>
            <td>${p.place ? this.placeName(p.place) : c.placeNotStated}</td>
            <td class="num">1</td>
            <td>${t.exact}</td>
            <td>${src(p.sources)}</td>
          </tr>`,
        );
      }
      if (y.notItemised)
        rows.push(
          html`<tr class="not-itemised">
            <td class="num">${y.year}</td>
            <th scope="row">${t.notItemised}</th>
            <td>${t.notStated}</td>
            <td>${t.notStated}</td>
            <td>${t.notStated}</td>
            <td>${t.notStated}</td>
            <td class="num">
              ${y.total?.precision === 'approx' ? this.hedged({ value: y.notItemised, bound: 'about' }) : y.notItemised}
            </td>
            <td>${y.total?.precision === 'approx' ? t.approx : t.derived}</td>
            <td>${src(y.total?.sources ?? [])}</td>
          </tr>`,
        );
      if (y.total)
        rows.push(
          html`<tr class="total">
            <td class="num">${y.year}</td>
            <th scope="row">${c.total}${y.overflow ? html` (${c.overflow})` : nothing}</th>
            <td></td>
            <td></td>
            <td></td>
            <td></td>
            <td class="num">${this.hedged(y.total)}</td>
            <td>
              ${y.total.precision === 'approx' ? t.approx : y.total.precision === 'derived' ? t.derived : t.exact}
            </td>
            <td>${src(y.total.sources)}</td>
          </tr>`,
        );
    }
    return renderDataTable(
      c.label,
      [c.year, c.role, c.entity, c.rank, c.service, c.place, c.count, t.precision, t.sources],
      rows,
    );
  }

  private renderGroupTable(): TemplateResult {
    const t = this.locale.t;
    const c = t.cooperant;
    const lang = this.locale.lang;
    return html`<table>
      <caption>
        ${c.label} — ${c.groupByOptions[this.groupBy]}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.groupByOptions[this.groupBy]}</th>
          <th scope="col">${c.count}</th>
          <th scope="col">${t.notItemised}</th>
        </tr>
      </thead>
      <tbody>
        ${this.geometry!.groups.map(
          (b) =>
            html`<tr>
              <th scope="row">${this.groupName(b.group, this.groupBy)}</th>
              <td class="num">${formatInteger(b.group.units.length, lang)}</td>
              <td class="num">${formatInteger(b.group.notItemised, lang)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const g = this.geometry;
    if (!g) return;
    if (g.canvas) this.paintCanvas();
    if (g.mode !== 'units' || g.canvas) {
      this.lastPositions.clear();
      this.animateNext = false;
      return;
    }
    if (this.animateNext && this.lastPositions.size && !this.reducedMotion.matches) this.animateUnits(g);
    this.animateNext = false;
    this.lastPositions = new Map(g.units.map((u) => [u.key, { x: u.x, y: u.y }]));
  }

  /** Moves each unit from where it was to where it is now (Web Animations on `transform`: CSP-safe). */
  private animateUnits(g: CooperantGeometry) {
    const duration = Number(getComputedStyle(this).getPropertyValue('--parsec-cooperant-duration')) || 400;
    for (const u of g.units) {
      const from = this.lastPositions.get(u.key);
      const el = this.renderRoot.querySelector<SVGGElement>(`[data-key="${CSS.escape(u.key)}"]`);
      if (!el || typeof el.animate !== 'function') continue;
      if (!from) {
        el.animate([{ opacity: 0 }, { opacity: 1 }], { duration, easing: 'ease-out' });
      } else if (from.x !== u.x || from.y !== u.y) {
        el.animate(
          [
            { transform: `translate(${from.x}px, ${from.y}px)` },
            { transform: `translate(${u.x}px, ${u.y}px)` },
          ],
          { duration, easing: 'ease-in-out' },
        );
      }
    }
  }

  private readonly canvasMemo: { painted?: CooperantGeometry } = {};
  private paintCanvas() {
    const g = this.geometry!;
    paintCanvasOnce(this, this.canvasMemo, g, g, (ctx, colour) => this.paintUnits(ctx, colour, g));
  }

  private paintUnits(
    ctx: CanvasRenderingContext2D,
    colour: (name: string, fallback: string) => string,
    g: CooperantGeometry,
  ) {
    const fills: Record<string, string> = {
      'senior-officer': colour('--_cat-1', '#1f5f8b'),
      officer: colour('--_cat-2', '#9a4a0b'),
      nco: colour('--_cat-3', '#2f6b3a'),
      'not-stated': colour('--_unknown', '#6e7781'),
    };
    const fg = colour('--_fg', '#1b1f24');
    const s = g.unitSize;
    for (const u of g.units) {
      const unit = u.unit;
      if (unit.kind === 'not-itemised') {
        ctx.strokeStyle = fg;
        ctx.lineWidth = 1;
        ctx.setLineDash(unit.precision === 'approx' && s >= 6 ? [2, 2] : []);
        ctx.strokeRect(u.x + 0.5, u.y + 0.5, Math.max(1, s - 1), Math.max(1, s - 1));
        continue;
      }
      ctx.fillStyle = fills[unit.rank]!;
      // the same shapes as in SVG while they are big enough to tell apart
      if (unit.rank === 'nco' && s >= 4) {
        ctx.beginPath();
        ctx.arc(u.x + s / 2, u.y + s / 2, s * 0.46, 0, Math.PI * 2);
        ctx.fill();
      } else if (unit.rank === 'not-stated' && s >= 5) {
        ctx.beginPath();
        ctx.moveTo(u.x + s / 2, u.y);
        ctx.lineTo(u.x + s, u.y + s / 2);
        ctx.lineTo(u.x + s / 2, u.y + s);
        ctx.lineTo(u.x, u.y + s / 2);
        ctx.fill();
      } else if (unit.rank === 'senior-officer' && s >= 6) {
        const bar = Math.max(1, Math.round(s * 0.2));
        const top = Math.max(bar + 1, Math.round(s * 0.32));
        ctx.fillRect(u.x, u.y, s, bar);
        ctx.fillRect(u.x, u.y + top, s, s - top);
      } else ctx.fillRect(u.x, u.y, s, s);
    }
    ctx.setLineDash([]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-cooperant-chart': ParsecCooperantChart;
  }
}
