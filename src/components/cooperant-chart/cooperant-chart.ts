import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { datasetLanguages } from '../../schema/read';
import { property } from 'lit/decorators.js';
import { MediaQueryController } from '../../controllers/media';
import {
  cooperantContext,
  cooperantLabels,
  cooperantLegend,
  cooperantModeWords,
  cooperantNames,
  cooperantSummary,
  cooperantSwitchNote,
  cooperantTableWords,
  cooperantWords,
  staffTitle,
  groupByOptions,
  groupKey,
  type CooperantContext,
  type CooperantShown,
} from '../../describe/cooperant';
import type { MarkWords, TableModel, TableRows } from '../../describe/types';
import type * as CooperantTable from '../../describe/cooperant-table';
import {
  hitCooperant,
  layoutCooperant,
  unitAcross,
  type CooperantGeometry,
  type CooperantModeChoice,
  type GroupText,
} from '../../layout/cooperant';
import type { Measure } from '../../layout/text-fit';
import {
  paintCooperantUnits,
  renderCooperant,
  renderCooperantControls,
  renderCooperantLegend,
  renderCooperantNote,
} from '../../render/cooperant';
import type { Dataset } from '../../schema/dataset';
import type { Source } from '../../schema/sources';
import {
  COOPERANT_GROUP_BYS,
  groupByChoicesOf,
  groupsShown,
  selectCooperantPosts,
  unitSourceIds,
  type CooperantGroupBy,
  type CooperantView,
  type CooperantYear,
  type UnitGroup,
} from '../../select/cooperant-posts';
import { sourcesById, sourcesOfLists } from '../../select/sources';
import { paintCanvasOnce } from '../../util/canvas';
import { memoizeLast } from '../../util/memo';
import { defineOnce } from '../base/define';
import { ParsecElement } from '../base/parsec-element';
import type { Section } from '../../schema/sections';
import { checkCooperants } from '../../schema/checks/cooperants';
import { checkPlaces } from '../../schema/checks/places';
import { checkGlossary } from '../../schema/checks/glossary';
import { checkVocabulary } from '../../schema/checks/vocabulary';
import type { SectionChecks } from '../../schema/fast';
import { cooperantStyles } from './cooperant-chart.styles';
import { COOPERANT_RULES } from '../../util/attributes';

/**
 * Staff posts as a unit chart (the default dataset's French military cooperant posts; the title and the kind of
 * entity come from the dataset's `cooperants.words`): one mark per post, regrouped (with an animated transition) by
 * place, entity, rank, service or year. Posts a total counts but no source itemises are hollow units in
 * their own group, never guessed into one; an approximate total ("about ten") is dashed; a place, rank or service
 * not stated is its own group. Shapes encode rank as well as colour. `mode="bars"` shows the same groups as bars.
 *
 * @example
 * ```html
 * <script type="module">import 'parsec-widgets/cooperant-chart';</script>
 * <parsec-cooperant-chart group-by="rank" mode="bars" year="2011"></parsec-cooperant-chart>
 * ```
 * ```ts
 * import 'parsec-widgets/cooperant-chart';
 *
 * const chart = document.createElement('parsec-cooperant-chart');
 * chart.groupBy = 'service';
 * chart.src = '/data/my-dataset.json';
 * document.body.append(chart);
 * ```
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
export class ParsecCooperantChart extends ParsecElement<CooperantView, typeof CooperantTable> {
  static override styles = [...ParsecElement.styles, cooperantStyles];
  /**
   * The sections it reads: the staff posts, their places, the declared ranks and services, the glossary. A problem
   * elsewhere does not block it.
   */
  static override sections: readonly Section[] = ['cooperants', 'places', 'vocabulary', 'glossary'];
  /** The checks of those sections generated from the schema (the others are not in this widget's entry). */
  static readonly checks: SectionChecks = {
    cooperants: checkCooperants,
    places: checkPlaces,
    glossary: checkGlossary,
    vocabulary: checkVocabulary,
  };
  protected readonly widget = 'parsec-cooperant-chart';
  protected static override attributeRules = COOPERANT_RULES;

  /** How units are grouped: `place`, `entity`, `rank`, `service` or `year` (every year side by side). */
  @property({ attribute: 'group-by', reflect: true }) groupBy: CooperantGroupBy = 'place';

  /**
   * `auto` (units up to 500 posts, then bars, saying so), `units` (one mark per post) or `bars` (one bar per group,
   * with counts). The units/bars toggle sets it.
   */
  @property({ reflect: true }) mode: CooperantModeChoice = 'auto';

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
  private readonly yearsShown = memoizeLast((view: CooperantView, year: number | 'all') =>
    view.years.filter((y) => year === 'all' || y.year === year),
  );
  /** The groupings offered for the posts of the year(s) shown: mostly "not stated" ones last. */
  private readonly choices = memoizeLast((view: CooperantView, year: number | 'all', ctx: CooperantContext) =>
    groupByOptions(groupByChoicesOf(view, year), ctx),
  );
  /** The groups drawn (bars count the posts by group: no unit is made for them, see `groupsShown`). */
  private readonly groups = memoizeLast(
    (view: CooperantView, year: number | 'all', by: CooperantGroupBy, data: Dataset) =>
      groupsShown(view, year, by, {
        years: view.years,
        order: by === 'entity' ? data.cooperants.entities.map((e) => e.id) : data.places.map((p) => p.id),
      }),
  );
  private readonly context = memoizeLast((data: Dataset, lang: string) =>
    cooperantContext({ ...this.describeContext(data), lang }, data),
  );
  private readonly shown = memoizeLast(
    (by: CooperantGroupBy, years: readonly CooperantYear[], distinct: boolean): CooperantShown => ({
      by,
      years,
      distinct,
    }),
  );
  private readonly labels = memoizeLast((groups: UnitGroup[], shown: CooperantShown, ctx: CooperantContext) =>
    cooperantLabels(groups, shown, ctx),
  );
  private readonly layout = memoizeLast(
    (
      groups: UnitGroup[],
      width: number,
      mode: CooperantModeChoice,
      text: ReadonlyMap<string, GroupText>,
      measure: Measure,
    ) => layoutCooperant(groups, width, { mode, fontSize: 12, text, measure }),
  );
  private readonly words = memoizeLast(
    (geo: CooperantGeometry, view: CooperantView, shown: CooperantShown, ctx: CooperantContext) =>
      cooperantWords(geo, view, shown, ctx),
  );
  /** The accessible names the marks carry (without the tooltips and details `words` gives on demand). */
  private readonly names = memoizeLast(
    (geo: CooperantGeometry, view: CooperantView, shown: CooperantShown, ctx: CooperantContext) =>
      cooperantNames(geo, view, shown, ctx),
  );
  private readonly summaryText = memoizeLast(
    (groups: UnitGroup[], shown: CooperantShown, ctx: CooperantContext) =>
      cooperantSummary(groups, shown, ctx),
  );
  private readonly legend = memoizeLast((geo: CooperantGeometry, ctx: CooperantContext) =>
    cooperantLegend(geo, ctx),
  );

  /** What is drawn now (set in `willUpdate`). */
  private scene?: {
    view: CooperantView;
    year: number | 'all';
    shown: CooperantShown;
    groups: UnitGroup[];
    geo: CooperantGeometry;
    ctx: CooperantContext;
    words: (key: string) => MarkWords | undefined;
    names: (key: string) => string | undefined;
  };
  /** Unit positions last drawn, to animate a regrouping from. */
  private lastPositions = new Map<string, { x: number; y: number }>();
  private animateNext = false;

  private readonly marks = this.useMarks({
    keys: () => this.focusKeys(),
    words: (key) => this.scene?.words(key),
    hit: (x, y) => (this.scene?.geo.canvas ? hitCooperant(this.scene.geo, x, y)?.key : undefined),
    navigate: (key, e) =>
      (e.key === 'ArrowUp' || e.key === 'ArrowDown') && this.scene
        ? unitAcross(this.scene.geo, key, e.key === 'ArrowDown')
        : undefined,
  });

  protected view(data: Dataset): CooperantView {
    return this.selectView(data);
  }
  protected isEmpty(view: CooperantView): boolean {
    return view.years.every((y) => y.itemised + y.notItemised === 0);
  }
  protected chartHeight(width: number): number {
    return width < 480 ? 420 : 300;
  }
  protected viewSources(_view: CooperantView, data: Dataset): Source[] {
    const years = this.scene?.shown.years ?? [];
    return sourcesOfLists(sourcesById(data), [
      ...years.map((y) => y.total?.sources ?? []),
      ...years.map(unitSourceIds),
    ]);
  }

  /** The year shown, resolved against the data. */
  private yearShown(view: CooperantView): number | 'all' {
    if (this.groupBy === 'year' || this.year === 'all') return 'all';
    const y = Number(this.year);
    if (this.year && view.years.some((x) => x.year === y)) return y;
    return view.defaultYear ?? 'all';
  }

  /** A large dataset: the posts and units selected in their own task before the first draw. */
  protected override prepare(data: Dataset): (() => unknown)[] {
    return [() => this.view(data)];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('groupBy') || changed.has('year')) this.animateNext = true;
    const s = this.loader.state;
    if (s.status !== 'ready' || !this.prepared) {
      this.scene = undefined;
      return;
    }
    const view = this.view(s.data);
    const year = this.yearShown(view);
    const by = COOPERANT_GROUP_BYS.includes(this.groupBy) ? this.groupBy : 'place';
    const shown = this.shown(by, this.yearsShown(view, year), year === 'all' && by !== 'year');
    const ctx = this.context(s.data, this.locale.lang);
    const groups = this.groups(view, year, by, s.data);
    const mode = this.mode === 'bars' || this.mode === 'units' ? this.mode : 'auto';
    const geo = this.layout(groups, this.width, mode, this.labels(groups, shown, ctx), this.measure);
    this.scene = {
      view,
      year,
      shown,
      groups,
      geo,
      ctx,
      words: this.words(geo, view, shown, ctx),
      names: this.names(geo, view, shown, ctx),
    };
  }

  /** The summary sentence: `14 posts in 2011, of which 9 itemised: 4 in Bamako, …; 5 not itemised.` */
  summary(): string {
    const s = this.scene;
    return s ? this.summaryText(s.groups, s.shown, s.ctx) : '';
  }

  /** Bars, and units on canvas, focus groups; units in SVG focus each unit. */
  private focusKeys(): string[] {
    const g = this.scene?.geo;
    return g ? this.keysOf(g) : [];
  }
  /** The focus keys of a geometry (asked for at every update, a hover's too: made once per geometry). */
  private readonly keysOf = memoizeLast((g: CooperantGeometry): string[] =>
    g.mode === 'bars' || g.canvas ? g.groups.map((b) => groupKey(b.key)) : g.units.map((u) => u.key),
  );

  protected override chartTitle(): string {
    const data = this.loader.state.status === 'ready' ? this.loader.state.data : undefined;
    return staffTitle({
      t: this.locale.t,
      lang: this.locale.lang,
      words: data?.cooperants.words,
      languages: data ? datasetLanguages(data) : [],
    });
  }

  protected override tableKey(): unknown[] {
    return [this.scene?.shown.years];
  }

  protected loadTableCode(): Promise<typeof CooperantTable> {
    return import('../../describe/cooperant-table');
  }
  protected override tableModel(
    view: CooperantView,
    data: Dataset,
    code: typeof CooperantTable,
    rows: TableRows,
  ): TableModel {
    const years = this.scene?.shown.years;
    return code.cooperantTable(years?.length ? years : view.years, this.context(data, this.locale.lang), {
      ...cooperantTableWords,
      ...rows,
    });
  }

  protected renderChart(): TemplateResult {
    const { view, year, geo, ctx, words, names } = this.scene!;
    const t = this.locale.t;
    const link = this.linked
      ? (key: string) => {
          const d = words(key)?.detail;
          return d && this.isLinked(d) ? 'linked' : 'dimmed';
        }
      : undefined;
    return html`
      ${renderCooperantControls(
        {
          groupBy: this.groupBy,
          groupByOptions: this.choices(view, year, ctx),
          years: view.years.map((y) => y.year),
          year: String(year),
          mode: geo.mode,
          modeWords: cooperantModeWords(ctx),
          onGroupBy: (by) => (this.groupBy = by),
          onYear: (year) => (this.year = year),
          onMode: (mode) => (this.mode = mode),
        },
        t,
      )}
      <p class="summary" id="summary">${this.summary()}</p>
      ${renderCooperantNote(cooperantSwitchNote(geo, ctx))}
      <div class="chart" data-marks data-export data-fill="scroll" data-fill-shrink>
        ${geo.canvas ? html`<canvas width=${geo.width} height=${geo.height} aria-hidden="true"></canvas>` : nothing}
        ${renderCooperant(geo, {
          labelledBy: 'summary',
          name: (key) => names(key) ?? key,
          tabIndex: (key) => this.marks.tabIndex(key),
          highlight: this.marks.highlight,
          link,
        })}
      </div>
      ${this.noLegend ? nothing : renderCooperantLegend(this.legend(geo, ctx), t.legend)}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const g = this.scene?.geo;
    if (!g) return;
    if (g.canvas)
      paintCanvasOnce(this, this.canvasMemo, g, g, (ctx, colour) => paintCooperantUnits(ctx, g, colour));
    if (g.mode !== 'units' || g.canvas) {
      this.lastPositions.clear();
      this.animateNext = false;
      return;
    }
    if (this.animateNext && this.lastPositions.size && !this.reducedMotion.matches) this.animateUnits(g);
    this.animateNext = false;
    this.lastPositions = new Map(g.units.map((u) => [u.key, { x: u.x, y: u.y }]));
  }
  private readonly canvasMemo: { painted?: CooperantGeometry } = {};

  /**
   * Moves each unit from where it was to where it is now (Web Animations on `transform`: CSP-safe). A unit's path is
   * drawn at its place, so it moves from its offset to the old place back to none.
   */
  private animateUnits(g: CooperantGeometry) {
    const duration = Number(getComputedStyle(this).getPropertyValue('--parsec-cooperant-duration')) || 400;
    const els = new Map<string, SVGElement>();
    for (const el of this.renderRoot.querySelectorAll<SVGElement>('svg.cooperant [data-key]'))
      els.set(el.dataset['key']!, el);
    for (const u of g.units) {
      const from = this.lastPositions.get(u.key);
      const el = els.get(u.key);
      if (!el || typeof el.animate !== 'function') continue;
      if (!from) {
        el.animate([{ opacity: 0 }, { opacity: 1 }], { duration, easing: 'ease-out' });
      } else if (from.x !== u.x || from.y !== u.y) {
        el.animate(
          [
            { transform: `translate(${from.x - u.x}px, ${from.y - u.y}px)` },
            { transform: 'translate(0px, 0px)' },
          ],
          { duration, easing: 'ease-in-out' },
        );
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-cooperant-chart': ParsecCooperantChart;
  }
}
