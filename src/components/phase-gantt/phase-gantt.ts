import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssom } from '../../render/cssom';
import { property, state } from 'lit/decorators.js';
import { ZoomController, type PlotPoint } from '../../controllers/zoom';
import {
  cellLabel,
  ganttChrome,
  ganttColumns,
  ganttEdges,
  ganttLegend,
  ganttSummary,
  ganttTableWords,
  ganttTextsSteps,
  rowName,
  rowWords,
} from '../../describe/gantt';
import type { DescribeContext, MarkWords, TableModel, TableRows } from '../../describe/types';
import type * as GanttTable from '../../describe/gantt-table';
import {
  baseWindow,
  cellKey,
  defaultWindow,
  GRID_COLUMNS,
  layoutGanttSteps,
  panWindow,
  rowsInRange,
  showsAll,
  splitKey,
  storyWindow,
  timeAtX,
  treeMove,
  viewportHeight,
  xAtTime,
  zoomAnchor,
  zoomWindow,
  type GanttGeometry,
  type GanttRow,
  type GanttTexts,
  type GridColumn,
} from '../../layout/gantt';
import type { Measure } from '../../layout/text-fit';
import {
  renderGanttAxis,
  renderGanttBody,
  renderGanttEdges,
  renderGanttLegend,
  renderGanttToolbar,
} from '../../render/gantt';
import type { Dataset } from '../../schema/dataset';
import { isIsoDate } from '../../schema/rules';
import type { Source } from '../../schema/sources';
import { isoSpan, selectPhaseRowsSteps, type PhaseRows } from '../../select/phase-rows';
import { sourcesById, sourcesOfLists } from '../../select/sources';
import { memoizeLast } from '../../util/memo';
import { defineOnce } from '../base/define';
import { ParsecElement } from '../base/parsec-element';
import type { Section } from '../../schema/sections';
import { checkTimeline } from '../../schema/checks/timeline';
import { checkProgrammes } from '../../schema/checks/programmes';
import type { SectionChecks } from '../../schema/fast';
import { ganttStyles } from './phase-gantt.styles';
import { GANTT_RULES } from '../../util/attributes';

/** Rows drawn above and below the viewport, in pixels. */
const OVERSCAN = 260;
/** Height of the scrolling rows when the CSS has not been measured yet. */
const DEFAULT_VIEWPORT = 760;
const PAN_SHARE = 0.25; // share of the window the earlier / later buttons pan by
/** What the layout depends on: view, width, folded ids, window (UTC ms, NaN: the opening one), today, words, measure. */
type LayoutArgs = [PhaseRows, number, string, number, number, number, GanttTexts, Measure];
/** How long one slice of name measuring or of layout may run before it yields (ms). */
const SLICE_MS = 30;
/** Items from which a zoom, a pan or a fold lays the rows out again in slices (10 µs a row: a long task from 5,000). */
const SLICED_RELAYOUT_FROM = 5000;

/** A pause that lets the page handle input, paint and run its timers (a macrotask). */
const pause = () => new Promise((ok) => setTimeout(ok, 0));

/**
 * Memoises a computation made in steps (a generator) on the identity of its arguments (last call only), as
 * `memoizeLast` does: called, it runs the steps through; `inSlices` runs them in slices of about {@link SLICE_MS}
 * that yield to the page, and keeps the result for the call that follows.
 */
function memoizeSteps<A extends readonly unknown[], R>(
  fn: (...args: A) => Generator<void, R>,
  /** How many of the first arguments key the memo (default: all). */
  keyed = Infinity,
) {
  let last: { args: A; value: R } | null = null;
  const known = (args: A) =>
    !!last &&
    args.length === last.args.length &&
    args.every((a, i) => i >= keyed || Object.is(a, last!.args[i]));
  const keep = (args: A, value: R) => {
    last = { args, value };
    run.calls++;
    return value;
  };
  const run = Object.assign(
    (...args: A): R => {
      if (known(args)) return last!.value;
      const steps = fn(...args);
      for (;;) {
        const r = steps.next();
        if (r.done) return keep(args, r.value);
      }
    },
    {
      calls: 0,
      async inSlices(...args: A): Promise<void> {
        await run.inSlicesWhile(() => true, ...args);
      },
      /** `inSlices` that stops (false) at the first pause after `alive()` turned false (a newer call superseded it). */
      async inSlicesWhile(alive: () => boolean, ...args: A): Promise<boolean> {
        if (known(args)) return true;
        const steps = fn(...args);
        let end = performance.now() + SLICE_MS;
        for (;;) {
          const r = steps.next();
          if (r.done) return (void keep(args, r.value), true);
          if (performance.now() < end) continue;
          await pause();
          if (!alive()) return false;
          end = performance.now() + SLICE_MS;
        }
      },
      /** Whether a call with these arguments finds its result kept. */
      knows: (...args: A): boolean => known(args),
    },
  );
  return run;
}

/**
 * A {@link Measure} that keeps every width it measured (the names of 100,000 rows, which a relayout on zoom, pan or
 * fold measures again): the canvas's own cache holds fewer.
 */
function keepingMeasure(measure: Measure): Measure {
  const bySize = new Map<number, Map<string, number>>();
  return (text, size, weight = 400) => {
    const k = size * 1000 + weight;
    let m = bySize.get(k);
    if (!m) bySize.set(k, (m = new Map()));
    let w = m.get(text);
    if (w === undefined) {
      if (m.size >= 400_000) m.clear();
      m.set(text, (w = measure(text, size, weight)));
    }
    return w;
  };
}

/**
 * Phases, milestones and events of the programmes on one time line, grouped by programme (context missions after),
 * opening on the years of the main programme, with what lies beyond counted at the edges (one press shows all).
 * Month- or year-precise dates are drawn as soft ends or brackets over the whole month or year, an unknown end as an
 * open hatched tail to the as-of date, derived dates with a dashed outline, approximate ones hatched, conflicting
 * reports as dashed ghost extensions, ticks or marks labelled with their source, planned dates as a thin bar under
 * the reported one. Rows are virtualised: only those in view are drawn. Words come from `describe/gantt.ts`, the
 * interaction of the rows from the marks controller, zoom and pan from the zoom controller.
 *
 * @example
 * ```html
 * <script type="module">import 'parsec-widgets/phase-gantt';</script>
 * <!-- 2017 to 2024, every programme folded to its summary bar, a line at today's date -->
 * <parsec-phase-gantt from="2017" to="2024" collapsed="all" today></parsec-phase-gantt>
 * ```
 * ```ts
 * import 'parsec-widgets/phase-gantt';
 *
 * const gantt = document.querySelector('parsec-phase-gantt')!;
 * gantt.addEventListener('parsec-select', (e) => console.log(e.detail.label, e.detail.sources.length));
 * ```
 *
 * @summary Timeline of the programmes as a Gantt chart with zoom, pan and the sources' doubts visible.
 * @customElement parsec-phase-gantt
 * @fires parsec-select - A row was chosen (click, tap, Enter, Space). `detail`: the item, its place and sources.
 * @fires parsec-hover - The pointer or focus entered a row (`detail`) or left the chart (`null`).
 * @fires parsec-data-error - The dataset could not be loaded or is invalid; `detail.issues` lists each problem.
 * @csspart base - The wrapper of everything.
 * @csspart svg - The rows.
 * @csspart axis - The time axis.
 * @csspart mark - A row (programme or item).
 * @csspart label - A label written beside a mark.
 * @csspart zoom - The zoom buttons.
 * @csspart legend - The legend under the chart.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart source - The source line.
 * @csspart error - The error message.
 * @cssprop --parsec-color-1 - Colour of the first programme of the dataset (up to `--parsec-color-10`; past the tenth,
 *   `--parsec-color-other`, a neutral grey).
 * @cssprop --parsec-gantt-max-height - Maximum height of the rows before they scroll (default 760px).
 */
@defineOnce('parsec-phase-gantt')
export class ParsecPhaseGantt extends ParsecElement<PhaseRows, typeof GanttTable> {
  /** Gantt styles. */
  static override styles = [...ParsecElement.styles, ganttStyles];
  /**
   * The sections it reads: the timeline and the programmes its items belong to. A problem elsewhere does not block
   * it.
   */
  static override sections: readonly Section[] = ['timeline', 'programmes'];
  /** The checks of those sections generated from the schema (the others are not in this widget's entry). */
  static readonly checks: SectionChecks = { timeline: checkTimeline, programmes: checkProgrammes };
  protected readonly widget = 'parsec-phase-gantt';
  protected static override attributeRules = GANTT_RULES;

  /** Start of the time window (ISO date, `2019` or `2019-01-15`). */
  @property() from?: string;
  /** End of the time window (ISO date; the whole month or year when not day-precise). */
  @property() to?: string;
  /** The as-of date drawn as a line (ISO date); default: the dataset's `meta.asOf`. */
  @property({ attribute: 'as-of' }) asOf?: string;
  /** Draws a line at today's date. */
  @property({ type: Boolean }) today = false;
  /** Programme ids to show, comma-separated; default: all (programmes first, context missions after). */
  @property() programmes?: string;
  /** Programme ids collapsed at first, comma-separated, or `all`. */
  @property() collapsed?: string;
  /** Hides the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** The zoomed or panned window (UTC ms), or null for `from`/`to` or the opening window (the main programme). */
  @state() private zoomed: [number, number] | null = null;
  @state() private folded: Set<string> | null = null;
  @state() private scrollY = 0;
  private viewportH = DEFAULT_VIEWPORT;
  /**
   * Whether the chart's first frame was laid out: from then on (in a task after its paint), the rows below the
   * viewport are drawn too. `partial`: the last render lacked them.
   */
  private laidOut = false;
  private partial = false;
  private todayAt = 0;

  /** Counts layout computations (a hover or a focus change must not add to it). */
  get layoutCount(): number {
    return this.layout.calls;
  }

  /** The time window drawn, as ISO dates. */
  get timeWindow(): { from: string; to: string } | null {
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    return this.geometry ? { from: iso(this.geometry.window[0]), to: iso(this.geometry.window[1]) } : null;
  }

  private readonly rowsOf = memoizeSteps(
    (data: Dataset, programmes: string | undefined, asOf: string | undefined) =>
      selectPhaseRowsSteps(data, {
        programmes: programmes ? programmes.split(',').map((s) => s.trim()) : undefined,
        asOf: asOf && isIsoDate(asOf) ? asOf : undefined,
      }),
  );
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  private readonly texts = memoizeSteps((view: PhaseRows, data: Dataset, _lang: string) =>
    ganttTextsSteps(view, this.describeContext(data)),
  );
  /** The layout, memoised on its arguments (a hover, a focus or the table do not lay out again). */
  private readonly layout = memoizeSteps(
    (...[view, width, folded, w0, w1, today, text, measure]: LayoutArgs) =>
      layoutGanttSteps(view, {
        width,
        collapsed: new Set(folded ? folded.split(',') : []),
        window: Number.isFinite(w0) ? [w0, w1] : null,
        asOf: view.asOf.lo,
        today: today || null,
        fontSize: 12,
        text,
        measure,
      }),
  );
  /** The words of each row, computed when first needed (10,000 rows are not all described at once). */
  private readonly wordCache = memoizeLast(
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    (_geo: GanttGeometry, _data: Dataset, _lang: string) => new Map<string, MarkWords>(),
  );

  /** The element's measure, keeping the widths of all names (one per font family). */
  private readonly namesMeasure = memoizeLast(keepingMeasure);

  /** Measures the names of the rows (the layout's one measure per row) in slices that yield to the page. */
  private async measureNames(texts: GanttTexts): Promise<void> {
    const measure = this.namesMeasure(this.measure);
    const names: [string, number][] = [...texts.groups.values()].map((n) => [n, 700]);
    for (const n of texts.items.values()) names.push([n, 400]);
    let i = 0;
    while (i < names.length) {
      const end = performance.now() + SLICE_MS;
      for (; i < names.length && (i & 255 || performance.now() < end); i++)
        measure(names[i]![0], 12, names[i]![1]);
      if (i < names.length) await pause();
    }
  }

  private geometry?: GanttGeometry;
  /**
   * Row and cell keys in reading order, and the index of each row: per view and folded programmes (the rows a zoom, a
   * pan or a width lay out again are the same rows), not per geometry nor on every hover.
   */
  private readonly keysOfRows = memoizeSteps(function* (_view: PhaseRows, _folded: string, g: GanttGeometry) {
    const keys: string[] = [];
    const index = new Map<string, number>();
    for (let i = 0; i < g.rows.length; i++) {
      const key = g.rows[i]!.key;
      keys.push(key);
      for (const c of GRID_COLUMNS) keys.push(cellKey(key, c));
      index.set(key, i);
      if (i % 2000 === 1999) yield;
    }
    return { keys, index };
  }, 2);
  /** The layout arguments of each geometry (what its rows are the rows of). */
  private readonly argsOf = new WeakMap<GanttGeometry, LayoutArgs>();
  private keysOfArgs(g: GanttGeometry) {
    const a = this.argsOf.get(g);
    return [a ? a[0] : g, a ? a[2] : '', g] as unknown as [PhaseRows, string, GanttGeometry];
  }
  private keysOf(g: GanttGeometry) {
    return this.keysOfRows(...this.keysOfArgs(g));
  }
  /** The legend of what the layout draws (it reads every row: once per layout and language, not on each scroll). */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  private readonly legendOf = memoizeLast((g: GanttGeometry, data: Dataset, _lang: string) =>
    ganttLegend(g, this.describeContext(data)),
  );
  private readonly sourcesOfView = memoizeLast((view: PhaseRows, data: Dataset) =>
    // the items' lists as they are, not copied into one list of 100,000+ ids
    sourcesOfLists(
      sourcesById(data),
      view.groups.flatMap((g) => g.items.map((i) => i.sources)),
    ),
  );

  private readonly marks = this.useMarks({
    keys: () => (this.geometry ? this.keysOf(this.geometry).keys : []),
    words: (key) => this.words(key),
    navigate: (key, e) => this.navigate(key, e),
    activate: (key) => {
      const row = this.rowByKey(key);
      if (row?.kind === 'group') this.toggleGroup(row.group.id);
    },
    // the keyboard tooltip points at the bar or mark of the row (or of the cell's row), not at the whole row
    anchor: (_key, el) =>
      (el.closest('[role="row"]') ?? el).querySelector('.summary, .fill, .soft, .open, .shape') ?? el,
  });

  private readonly zoom = new ZoomController(this, {
    axes: 'x',
    zoom: (factor, at) => this.zoomBy(1 / factor, this.geometry && timeAtX(this.geometry, at.x)),
    pan: (dx) => this.geometry && this.panBy(-dx / (this.geometry.plotX1 - this.geometry.plotX0)),
    reset: () => this.resetZoom(),
    anchor: (): PlotPoint => {
      const row = this.rowByKey(this.marks.lastFocused ?? '');
      return { x: this.geometry ? xAtTime(this.geometry, this.anchorTime()) : 0, y: row?.y ?? 0 };
    },
  });

  /** Where keys and buttons zoom: the focused (or last focused) row's item, else the main programme's items in view. */
  private anchorTime(): number {
    const g = this.geometry!;
    const s = this.loader.state;
    if (s.status !== 'ready') return (g.window[0] + g.window[1]) / 2;
    return zoomAnchor(g, this.view(s.data), this.rowByKey(this.marks.lastFocused ?? ''));
  }

  protected view(data: Dataset): PhaseRows {
    return this.rowsOf(data, this.programmes, this.asOf);
  }
  protected isEmpty(view: PhaseRows): boolean {
    return view.itemCount === 0;
  }
  protected chartHeight(): number {
    return 420;
  }
  protected viewSources(view: PhaseRows, data: Dataset): Source[] {
    return this.sourcesOfView(view, data);
  }
  protected loadTableCode(): Promise<typeof GanttTable> {
    return import('../../describe/gantt-table');
  }
  /** A row for every item and report, made in steps (in idle time after the chart's paint). */
  protected override tableModel(
    view: PhaseRows,
    data: Dataset,
    code: typeof GanttTable,
    rows: TableRows,
  ): Generator<void, TableModel> {
    return code.ganttTableSteps(view, this.describeContext(data), data.meta.title, {
      ...ganttTableWords,
      ...rows,
    });
  }

  /**
   * A large dataset: the rows, the words of the bars, the names measured, the layout, the focus keys, the legend and
   * the sources, each in tasks of its own before the first draw (the long ones in slices of about {@link SLICE_MS}
   * that yield to the page); the first draw gets a task of its own. Not the table: its model is made in idle time
   * after the chart's paint (`tableModel`, in steps).
   */
  protected override prepare(data: Dataset): (() => unknown)[] {
    const view = () => this.view(data);
    const texts = () => this.texts(view(), data, this.locale.lang);
    return [
      () => this.rowsOf.inSlices(data, this.programmes, this.asOf),
      () => this.texts.inSlices(view(), data, this.locale.lang),
      () => this.measureNames(texts()),
      () => this.layout.inSlices(...this.layoutArgs(data)),
      () => this.keysOfRows.inSlices(...this.keysOfArgs(this.geometryOf(data))),
      () => this.legendOf(this.geometryOf(data), data, this.locale.lang),
      () => this.sourcesOfView(view(), data),
      // the first draw follows the last step in its task (an update is a microtask): not after the sources'
      () => undefined,
    ];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('from') || changed.has('to')) this.zoomed = null;
    if (changed.has('collapsed') || changed.has('programmes')) this.folded = null;
    const s = this.loader.state;
    if (s.status !== 'ready' || !this.prepared) return void (this.geometry = undefined);
    const args = this.layoutArgs(s.data);
    const drawn = this.geometry && this.argsOf.get(this.geometry);
    if (
      drawn &&
      drawn[0] === args[0] &&
      args[0].itemCount >= SLICED_RELAYOUT_FROM &&
      !this.layout.knows(...args)
    )
      return this.relayoutInSlices(args);
    this.pending = null;
    this.geometry = this.geometryOf(s.data);
  }

  /** The layout asked for while the last one stays drawn (a zoom, a pan, a fold of 100,000 rows), if any. */
  private pending: LayoutArgs | null = null;
  private relayouts = 0;
  /**
   * Lays a large view out again in slices that yield to the page ({@link SLICE_MS}), as its first draw was: the rows
   * drawn stay meanwhile (the toolbar says the new window at once, the rows are marked busy), and the next layout asked
   * for supersedes this one. The focus keys of new rows (a fold) and the legend follow in slices too.
   */
  private relayoutInSlices(args: LayoutArgs) {
    if (this.pending && args.every((a, i) => Object.is(a, this.pending![i]))) return;
    this.pending = args;
    const run = ++this.relayouts;
    const alive = () => run === this.relayouts && this.isConnected;
    void (async () => {
      // after the frame that answers the key or click (the render with the rows drawn busy)
      await pause();
      if (!alive() || !(await this.layout.inSlicesWhile(alive, ...args))) return;
      const g = this.layout(...args);
      this.argsOf.set(g, args);
      if (!(await this.keysOfRows.inSlicesWhile(alive, ...this.keysOfArgs(g)))) return;
      await pause();
      if (!alive()) return;
      const s = this.loader.state;
      if (s.status === 'ready') this.legendOf(g, s.data, this.locale.lang);
      this.requestUpdate();
    })();
  }

  /** The window asked for: the one being laid out, else the one drawn. */
  private targetWindow(): [number, number] | null {
    const g = this.geometry;
    if (!g) return null;
    const p = this.pending;
    if (!p) return g.window;
    return Number.isFinite(p[3]) ? [p[3], p[4]] : storyWindow(p[0], p[5] || null);
  }

  /** The layout of the rows for the dataset, as the attributes and the reader's zoom and folds ask (memoised). */
  private geometryOf(data: Dataset): GanttGeometry {
    const args = this.layoutArgs(data);
    const g = this.layout(...args);
    this.argsOf.set(g, args);
    return g;
  }

  /** What the layout depends on (compared one by one to reuse the last layout). */
  private layoutArgs(data: Dataset): LayoutArgs {
    const view = this.view(data);
    if (!this.folded) {
      const c = this.collapsed?.trim();
      this.folded = new Set(
        c === 'all' ? view.groups.map((g) => g.id) : c ? c.split(',').map((x) => x.trim()) : [],
      );
    }
    const today = (this.todayAt = this.today ? Math.floor(Date.now() / 864e5) * 864e5 : 0);
    const span = (v: string | undefined, end: 'lo' | 'hi') => (v && isIsoDate(v) ? isoSpan(v)[end] : null);
    const w = baseWindow(view, this.zoomed, span(this.from, 'lo'), span(this.to, 'hi'), today || null);
    return [
      view,
      this.width,
      [...this.folded].sort().join(','),
      w ? w[0] : NaN,
      w ? w[1] : NaN,
      today,
      this.texts(view, data, this.locale.lang),
      this.namesMeasure(this.measure),
    ];
  }

  /** Zooms the time window by `factor` (< 1: in) around `at` (UTC ms; default: the focused row, else the data). */
  zoomBy(factor: number, at?: number): void {
    const g = this.geometry;
    if (!g) return;
    this.tooltip.hide();
    this.zoomed = zoomWindow(this.targetWindow() ?? g.window, factor, at ?? this.anchorTime());
  }
  /** Pans the time window by a share of its span (negative: earlier). */
  panBy(share: number): void {
    if (!this.geometry) return;
    this.tooltip.hide();
    this.zoomed = panWindow(this.targetWindow() ?? this.geometry.window, share);
  }
  /** Shows the whole extent (the toolbar's button, `0`, the edge markers); from there, back to the opening window. */
  resetZoom(): void {
    const s = this.loader.state;
    this.tooltip.hide();
    if (s.status !== 'ready' || !this.geometry) return;
    const [view, today] = [this.view(s.data), this.todayAt || null];
    const w = this.targetWindow() ?? this.geometry.window;
    this.zoomed = showsAll(w, view, today) ? null : defaultWindow(view, today);
  }

  /** Collapses or expands a programme's rows. */
  toggleGroup(id: string, expand?: boolean): void {
    const next = new Set(this.folded ?? []);
    if (expand ?? next.has(id)) next.delete(id);
    else next.add(id);
    this.folded = next;
  }

  private rowByKey(key: string): GanttRow | undefined {
    const g = this.geometry;
    const i = g && this.keysOf(g).index.get(splitKey(key).row);
    return i === undefined ? undefined : g!.rows[i];
  }

  /** The accessible name of a drawn row (its words when a reader reached it, else the name alone), per geometry. */
  private rowName(row: GanttRow, ctx: DescribeContext): string {
    const s = this.loader.state;
    if (!this.geometry || s.status !== 'ready') return '';
    const words = this.wordCache(this.geometry, s.data, this.locale.lang).get(row.key);
    if (words) return words.name;
    const names = this.nameCache(this.geometry, s.data, this.locale.lang);
    let name = names.get(row.key);
    if (name === undefined) names.set(row.key, (name = rowName(row, ctx)));
    return name;
  }
  /** The accessible name of a drawn cell, per geometry (a hover or a scroll draws the rows again, not their words). */
  private cellName(row: GanttRow, col: GridColumn, ctx: DescribeContext): string {
    const s = this.loader.state;
    if (!this.geometry || s.status !== 'ready') return '';
    const names = this.nameCache(this.geometry, s.data, this.locale.lang);
    const key = cellKey(row.key, col);
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = cellLabel(row, col, ctx)));
    return name;
  }
  private readonly nameCache = memoizeLast(
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    (_geo: GanttGeometry, _data: Dataset, _lang: string) => new Map<string, string>(),
  );

  private words(key: string): MarkWords | undefined {
    const s = this.loader.state;
    const row = this.rowByKey(key);
    if (!row || !this.geometry || s.status !== 'ready') return undefined;
    const cache = this.wordCache(this.geometry, s.data, this.locale.lang);
    let w = cache.get(key);
    if (!w) cache.set(key, (w = rowWords(row, this.describeContext(s.data))));
    return w;
  }

  /** Treegrid navigation (`treeMove`); Shift + arrows are left to the zoom controller, which pans. */
  private navigate(key: string, e: KeyboardEvent): string | null | undefined {
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return null;
    const move = treeMove(this.geometry?.rows ?? [], key, e.key, e.ctrlKey || e.metaKey);
    if (!move) return move;
    if ('fold' in move) {
      e.preventDefault();
      this.toggleGroup(move.fold, move.expand);
      return null;
    }
    this.scrollToRow(splitKey(move.to).row);
    return move.to;
  }

  /** Scrolls the rows so that `key` is in view (before the focus moves there). */
  private scrollToRow(key: string) {
    const row = this.rowByKey(key);
    const sc = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!row || !sc) return;
    const h = sc.clientHeight || this.viewportH;
    if (row.y < sc.scrollTop) sc.scrollTop = row.y;
    else if (row.y + row.h > sc.scrollTop + h) sc.scrollTop = row.y + row.h - h;
    this.scrollY = sc.scrollTop;
  }

  private scrollFrame = 0;
  private onScroll(e: Event) {
    const sc = e.currentTarget as HTMLElement;
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.viewportH = sc.clientHeight || this.viewportH;
      this.scrollY = sc.scrollTop;
    });
  }

  protected renderChart(view: PhaseRows, data: Dataset): TemplateResult {
    const g = this.geometry!;
    const t = this.locale.t;
    const ctx = this.describeContext(data);
    // a window being laid out (in slices) is named at once; the rows drawn are marked busy until it is drawn
    const target = this.targetWindow() ?? g.window;
    const words = ganttChrome(view, target, ctx);
    const y0 = Math.max(0, this.scrollY - OVERSCAN);
    // the first frame draws the rows in view; those below follow once it is painted (before the reader can scroll)
    this.partial = !this.laidOut;
    const y1 = this.scrollY + this.viewportH + (this.laidOut ? OVERSCAN : 0);
    const active = this.keysOf(g).index.get(splitKey(this.marks.roving.active ?? '').row);
    const highlight = this.marks.highlight && splitKey(this.marks.highlight).row;
    const whole = showsAll(target, view, this.todayAt || null);
    const link = this.linked
      ? (row: GanttRow): 'linked' | 'dimmed' =>
          this.isLinked(this.words(row.key)?.detail ?? {}) ? 'linked' : 'dimmed'
      : undefined;
    return html`
      ${renderGanttToolbar(this.zoom, t.gantt, {
        whole,
        back: this.zoomed !== null,
        window: words.window,
        hint: g.width >= 600 ? this.zoom.hint : null,
        pan: (share) => this.panBy(share * PAN_SHARE),
      })}
      ${renderGanttEdges(g, ganttEdges(g, ctx), () => this.resetZoom())}
      <div
        class="chart${this.pending ? ' busy' : ''}"
        aria-busy=${this.pending ? 'true' : 'false'}
        data-marks
        data-zoom
        data-export
      >
        ${renderGanttAxis(g)}
        <div
          class="scroller"
          data-plot
          data-fill
          data-fill-shrink
          ${cssom({ 'max-block-size': `${viewportHeight(g.rows, this.maxViewport())}px` })}
          @scroll=${this.onScroll}
        >
          ${renderGanttBody(g, {
            label: ganttSummary(view, ctx),
            ariaLabel: (row) => this.rowName(row, ctx),
            cellLabel: (row, col) => this.cellName(row, col, ctx),
            columns: ganttColumns(ctx),
            link,
            tabIndex: (key) => this.marks.tabIndex(key),
            range: rowsInRange(g.rows, y0, y1),
            extra: active,
            highlight,
            band: [y0, Math.min(g.height, y1)],
          })}
        </div>
      </div>
      ${this.noLegend ? nothing : renderGanttLegend(this.legendOf(g, data, this.locale.lang), t.legend)}
    `;
  }

  /** The most the rows may take before they scroll (`--parsec-gantt-max-height`, 760px by default). */
  private maxViewport = () =>
    parseFloat(getComputedStyle(this).getPropertyValue('--parsec-gantt-max-height')) || DEFAULT_VIEWPORT;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const sc = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (sc !== this.observedScroller) this.observeScroller(sc);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observeScroller(this.renderRoot.querySelector<HTMLElement>('.scroller'));
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observeScroller(null);
  }

  private scrollerObserver?: ResizeObserver;
  private observedScroller: HTMLElement | null = null;
  /**
   * The height of the scrolling rows, read when the frame has laid them out (a ResizeObserver), not in the update: a
   * read there would lay the page out once more before the frame. Rows are drawn again only when more are in view.
   */
  private observeScroller(sc: HTMLElement | null) {
    this.scrollerObserver?.disconnect();
    this.observedScroller = sc;
    if (!sc || typeof ResizeObserver === 'undefined') return;
    this.scrollerObserver ??= new ResizeObserver(() => {
      const el = this.observedScroller;
      // the rows below the viewport are drawn once the first frame is painted (see renderChart)
      if (!this.laidOut) {
        this.laidOut = true;
        setTimeout(() => this.partial && this.requestUpdate(), 0);
      }
      const h = el?.clientHeight ?? 0;
      if (!h || h === this.viewportH) return;
      const more = h > this.viewportH;
      this.viewportH = h;
      if (more && this.geometry && this.geometry.height > this.scrollY + h) this.requestUpdate();
    });
    this.scrollerObserver.observe(sc);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-phase-gantt': ParsecPhaseGantt;
  }
}
