import { html, LitElement, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { termsOf } from '../../describe/vocabulary';
import { datasetLanguages } from '../../schema/read';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { DatasetController, PROVIDER_CONNECTED, type DatasetState } from '../../controllers/dataset';
import { issuesOf, type Section } from '../../schema/section-list';
import { LocaleController } from '../../controllers/locale';
import { ColorSchemeController } from '../../controllers/color-scheme';
import { ViewportController } from '../../controllers/viewport';
import { BoxController, boxStyles } from '../../controllers/box';
import { SizeController } from '../../controllers/size';
import { TooltipController } from '../../controllers/tooltip';
import { ParsecHoverEvent } from '../../events/hover';
import { ParsecSelectEvent, relatesTo, type LinkableMark, type ParsecMarkDetail } from '../../events/select';
import type { Dataset } from '../../schema/dataset';
import type { DatasetData } from '../../types';
import type { Source } from '../../schema/sources';
import type { ParsecDataset } from '../dataset/dataset';
import { renderSourceLine, sourceLineText } from '../../render/source-note';
import { TABLE_SCREEN_ROWS } from '../../describe/types';
import { renderEmptyState, renderErrorState, renderLazyState, renderLoadingState } from '../../render/states';
import { renderFooter, type ExportFormat, type FooterState } from '../../render/footer';
import { canvasMeasure } from '../../util/measure';
import { idle, idleAfterPaint, markDrawn, nextTask } from '../../util/idle';
import type { Measure } from '../../layout/text-fit';
import type { DescribeContext, TableModel, TableRows } from '../../describe/types';
import { asOfText, captionTitle } from '../../describe/common';
import { MarksController, type MarksOptions } from '../../controllers/marks';
import { sourcesById } from '../../select/sources';
import { baseStyles } from '../../styles/base';
import { tokens } from '../../styles/tokens';
import { guardAttributes, warnOnce, type AttributeRule } from '../../util/attributes';
import { datasetSize, SLICED_FROM } from '../../schema/fast';
import { DECLARED_FONT, warmUp } from './warm';
import type * as LateModule from './late';

export { sourcesById } from '../../select/sources';

/** Rows of the data table drawn per idle period before it is complete. */
const TABLE_SLICE = 100;

type Late = typeof LateModule;
/** What a widget needs after its first frame (`late.ts`, one chunk for every widget of the page), once loaded. */
let late: Late | undefined;
let lateLoading: Promise<Late> | undefined;
function loadLate(): Promise<Late> {
  // a failed load (the network) is forgotten: the next demand fetches again where the browser allows it
  return (lateLoading ??= import('./late').then(
    (m) => (late = m),
    (e: unknown) => {
      lateLoading = undefined;
      throw e;
    },
  ));
}
/** How long a slice of a table model made in steps runs in an idle period that gives no deadline (ms). */
const MODEL_SLICE_MS = 8;
/** The font a widget of the page last read (see `measure`): the next widget's first guess. */
let lastFont = DECLARED_FONT;
/**
 * The base of every parsec widget: dataset loading (`data`, `src`, inline JSON, default), language, width,
 * theme, the loading / error / empty states, the source line, the data table with its toggle and the tooltip.
 * A widget implements `view`, `isEmpty`, `chartHeight`, `renderChart`, `loadTableCode`, `tableModel` and
 * `viewSources`. `Table` is the widget's table module (`describe/<widget>-table.ts`), loaded only when the table is
 * first drawn (idle time after the chart's paint), opened or exported.
 */
export abstract class ParsecElement<View, Table = unknown> extends LitElement {
  /**
   * The sections of the dataset the widget reads, besides `meta` and `sources` (those it draws and those its
   * references point into): a problem in one of them blocks it, with the problem's path; a problem elsewhere does not.
   */
  static sections: readonly Section[] = [];
  /**
   * The widget's own attribute rules (`util/attributes.ts`), checked with the common ones: each entry carries only its
   * own parsers.
   */
  protected static attributeRules: readonly AttributeRule[] = [];

  /** Shared styles; widgets append their own. */
  static override styles = [tokens, baseStyles, boxStyles];

  /** Once a widget is defined, the page's one-time costs are paid in idle time, not in its first paint. */
  protected static override finalize(): void {
    super.finalize();
    warmUp(this);
  }

  /** A dataset object (see `data/schema.json`). Takes precedence over `src` and the inline JSON. */
  @property({ attribute: false }) data?: DatasetData;

  /** URL of a dataset JSON file. */
  @property() src?: string;

  /** `light` or `dark`; by default follows the background the widget is drawn on (its own is transparent). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * Id of a `<parsec-dataset>` whose dataset and selection this widget shares. Widgets inside a `<parsec-dataset>`
   * share it without this attribute. Until that element is in the document (and defined), the widget shows loading.
   */
  @property({ attribute: 'dataset' }) datasetId?: string;

  /** Turns the tooltip off. */
  @property({ type: Boolean, attribute: 'no-tooltip' }) noTooltip = false;

  /**
   * The widget's whole height in pixels (chart, legend, notes and source line); by default a function of its width
   * (`src/layout/box.ts`). The page reserves the same box before the script runs (`parsec-widgets.css`) and the
   * widget keeps it while it loads and once drawn: the chart takes what the legends and notes leave.
   */
  @property({ type: Number }) height?: number;

  /**
   * Never shows the bundled default dataset: given no `data`, `src`, inline JSON or `<parsec-dataset>`, the widget
   * shows its loading state until `data` is set (for a page that fetches its data itself), and the default dataset
   * is never downloaded.
   */
  @property({ type: Boolean, reflect: true, attribute: 'no-default' }) noDefault = false;

  /** The data table is shown (it is always present for screen readers). */
  @state() protected tableOpen = false;

  /** The download choices are shown. */
  @state() private _exportOpen = false;
  @state() private _exportError = '';

  @query('.tooltip') private tooltipElement?: HTMLElement | null;

  protected readonly locale = new LocaleController(this);
  protected readonly scheme = new ColorSchemeController(this);
  protected readonly size = new SizeController(this);
  protected readonly loader = new DatasetController(this, () => this.locale.t);
  protected readonly tooltip = new TooltipController(
    this,
    () => this.tooltipElement,
    () => late?.placeTooltip,
  );

  /** The tag name, reported in events. */
  protected abstract readonly widget: string;
  /** The widget's view of the dataset (a `select/` function, memoised by the widget). */
  protected abstract view(data: Dataset): View;
  protected abstract isEmpty(view: View): boolean;
  /** Height in pixels for a given width; reserved while loading so nothing shifts. */
  protected abstract chartHeight(width: number): number;
  protected abstract renderChart(view: View, data: Dataset): TemplateResult;
  /**
   * The widget's table module (`describe/<widget>-table.ts`): a dynamic import, `() => import(…)`, so that the code of
   * the table is a chunk of its own, never in what the page loads at once. Loaded with the late chunk when the table is
   * first drawn, opened or exported; the module is then given to {@link tableModel}.
   */
  protected abstract loadTableCode(): Promise<Table>;
  /**
   * The data table as a model, made by the widget's table module (`code`; `rows`, the helpers every table module uses,
   * is given to it with the words of the widget): rendered under the chart, exported as CSV and JSON. Either the model,
   * or its making in steps (a generator that yields every few thousand rows and returns the model), then made in idle
   * time after the chart's paint, slice by slice (at once when the table is opened, exported or asked for by
   * {@link tableComplete}). Memoised on the view, the data, the language and `tableKey()`.
   */
  protected abstract tableModel(
    view: View,
    data: Dataset,
    code: Table,
    rows: TableRows,
  ): TableModel | Generator<void, TableModel>;
  /** Whether what the widget draws with besides the data (a base map…) has arrived; it shows loading until then. */
  protected assetsReady(): boolean {
    return true;
  }
  /** Problems with those assets (a geometry the page gave…): shown as the error state, with their paths. */
  protected assetsError(): readonly { path: string; message: string }[] | null {
    return null;
  }
  /** Besides the view, data and language, what the table depends on (it is re-rendered only when these change). */
  protected tableKey(): unknown[] {
    return [];
  }
  /** Sources of the figures shown, for the source line. */
  protected abstract viewSources(view: View, data: Dataset): Source[];

  #provider: ParsecDataset | null = null;

  /**
   * `lazy` (default): a widget more than a screen below the fold renders when it approaches the viewport, its height
   * reserved. `eager`: renders at once.
   */
  @property() loading: 'lazy' | 'eager' = 'lazy';

  // the viewport reads where the host is before the box writes its height: one layout of the page on connection
  readonly #viewport = new ViewportController(this, (w) => this.#box.height(w));
  readonly #box = new BoxController(this, {
    width: () => this.width,
    inputs: () => ({ height: this.height }),
    key: () => [this.loader.state, this.locale.lang],
  });

  /** The chart's height: its share of the box once measured (the element marked `data-fill`), else `chartHeight`. */
  protected fillHeight(width: number): number {
    return this.#box.fill || this.chartHeight(width);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // the font is read again where the widget now stands (after the next frame)
    this.#checkFont();
    this.#findProvider();
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#provider?.unsubscribe(this);
    this.#provider = null;
    document.removeEventListener(PROVIDER_CONNECTED, this.#onProviderConnected);
  }

  /** Whether the widget has rendered its chart (false while it waits, far below the fold). */
  get rendered(): boolean {
    return this.#viewport.near;
  }

  /**
   * Whether the widget waits for its `<parsec-dataset>`: one not yet defined (its module loads later), or, named by
   * `dataset`, not yet parsed (the page is still loading). It shows loading meanwhile, never the default dataset.
   * A provider named by `dataset` that is not on the parsed page is warned about (`parsec-warning`); the widget draws
   * what it has meanwhile (with `no-default`: loading) and switches to the provider if a script adds it later.
   */
  #awaitingProvider?: boolean;
  readonly #onProviderConnected = () => {
    if (!this.isConnected || this.#provider) return;
    this.#findProvider();
    this.requestUpdate();
  };

  #findProvider() {
    this.#awaitingProvider = false;
    document.removeEventListener(PROVIDER_CONNECTED, this.#onProviderConnected);
    const el = this.datasetId ? document.getElementById(this.datasetId) : this.closest('parsec-dataset');
    if (!el && this.datasetId) {
      // a provider added later by a script announces itself: the widget switches to it then
      document.addEventListener(PROVIDER_CONNECTED, this.#onProviderConnected);
      if (document.readyState === 'loading') {
        // the page is still being parsed: the provider may be further down
        this.#awaitingProvider = true;
        document.addEventListener('DOMContentLoaded', this.#onProviderConnected, { once: true });
        return;
      }
      // none on the page: never stuck on "Loading" — its own data, src or the default (with no-default: loading)
      warnOnce(this, {
        attribute: 'dataset',
        value: this.datasetId,
        reason: `no <parsec-dataset id="${this.datasetId}"> on the page`,
        fallback:
          this.data != null || this.src
            ? 'its own data'
            : this.noDefault
              ? 'nothing until data is set'
              : 'the default dataset',
      });
      this.requestUpdate();
      return;
    }
    if (!el || el.localName !== 'parsec-dataset') return;
    if (!('subscribe' in el)) {
      this.#awaitingProvider = true;
      customElements.whenDefined('parsec-dataset').then(() => this.isConnected && this.#findProvider());
      return;
    }
    this.#provider = el as ParsecDataset;
    this.#provider.subscribe(this);
  }

  /** The selection shared through `<parsec-dataset>`, if any. */
  protected get linked(): ParsecMarkDetail | null {
    return this.#provider?.selection ?? null;
  }

  /**
   * Whether a mark relates to the shared selection: the same id; else a shared place when both name places; else the
   * same programme.
   */
  protected isLinked(mark: LinkableMark): boolean {
    return relatesTo(this.linked, mark);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('datasetId') && this.isConnected) {
      this.#provider?.unsubscribe(this);
      this.#provider = null;
      this.#findProvider();
    }
    // a widget removed (from its <parsec-dataset> too) keeps what it shows: it must not start loading the default
    if (!this.#viewport.near || !this.isConnected) return;
    if (this.#provider) this.loader.mirror(this.#provider.state);
    else if (this.#awaitingProvider) this.loader.wait();
    else this.loader.sync(this.data, this.src, { noDefault: this.noDefault });
    guardAttributes(
      this,
      this.loader.state.status === 'ready' ? this.loader.state.data : undefined,
      (this.constructor as typeof ParsecElement).attributeRules,
    );
    this.#prepareLarge();
  }

  /**
   * For a large dataset ({@link SLICED_FROM} items or more), the widget's select, layout and describe work as steps,
   * run one per task before the first draw while the widget shows "Loading data…": no single task holds the page for
   * all of them, and the page's input is handled in between. Each step fills the widget's memos, so the render that
   * follows finds the work done. A widget's `willUpdate` computes nothing while {@link prepared} is false.
   */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  protected prepare(_data: Dataset): (() => unknown)[] {
    return [];
  }
  #prepared: Dataset | undefined;
  #preparing: Dataset | undefined;
  /** Whether the dataset shown is ready to draw: small, or its {@link prepare} steps have run. */
  protected get prepared(): boolean {
    const s = this.loader.state;
    return s.status !== 'ready' || this.#prepared === s.data;
  }
  /** How many steps ran in their own task for the dataset shown (0: it was drawn at once), for tests. */
  get preparedSteps(): number {
    return this.#steps;
  }
  #steps = 0;
  #prepareLarge(): void {
    const s = this.loader.state;
    if (s.status !== 'ready' || this.#prepared === s.data || this.#preparing === s.data) return;
    const steps = datasetSize(s.data) >= SLICED_FROM ? this.prepare(s.data) : [];
    this.#steps = 0;
    if (!steps.length) {
      this.#prepared = s.data;
      return;
    }
    const data = (this.#preparing = s.data);
    void (async () => {
      for (const step of steps) {
        // a task of its own: input, rendering and the page's timers go first
        await nextTask();
        const now = this.loader.state;
        if (this.#preparing !== data || now.status !== 'ready' || now.data !== data) return;
        try {
          // a step may wait for something (a chunk of geometry): it returns a promise, awaited in its own task
          const waited = step();
          if (waited instanceof Promise) await waited;
        } catch {
          // the render that follows meets the problem again and shows it
          break;
        }
        this.#steps++;
      }
      if (this.#preparing !== data) return;
      this.#preparing = undefined;
      this.#prepared = data;
      this.requestUpdate();
    })();
  }

  /** The current width in whole pixels (a fallback before the first measure). */
  protected get width(): number {
    return this.size.width || 600;
  }

  protected override render(): TemplateResult {
    const s = this.loader.state;
    const t = this.locale.t;
    let body: TemplateResult;
    const blocked = this.#sectionProblems(s);
    if (!this.#viewport.near) {
      body = renderLazyState();
    } else if (blocked) {
      body = renderErrorState(blocked.issues, blocked.total, t, t.errorInvalid);
    } else if (s.status === 'loading' || (s.status === 'ready' && (!this.prepared || !this.assetsReady()))) {
      body = renderLoadingState(t);
    } else if (s.status === 'error') {
      const plain = s.stage === 'schema' ? t.errorInvalid : t.errorPlain;
      body = renderErrorState(s.issues, s.total ?? s.issues.length, t, plain);
    } else if (this.assetsError()) {
      const issues = this.assetsError()!;
      body = renderErrorState(issues, issues.length, t);
    } else {
      const view = this.view(s.data);
      if (this.isEmpty(view)) {
        body = renderEmptyState(t);
      } else {
        body = html`<p class="print-title" part="title">${this.#captionTitle(s.data)}</p>
          ${this.renderChart(view, s.data)}
          ${renderFooter(
            guard([view, s.data, this.locale.lang], () =>
              renderSourceLine(this.viewSources(view, s.data), s.data.meta.asOf, this.locale.lang, t),
            ),
            this.#footer,
            t,
          )}
          <div id="table" class="table-wrap ${this.tableOpen ? '' : 'sr-only'}" part="table"></div>`;
      }
    }
    return html`<div part="base" class="base" lang=${this.locale.lang}>
      ${body}
      <div class="tooltip" part="tooltip" role="tooltip" id="tooltip" ?hidden=${!this.tooltip.state}>
        ${this.tooltip.state && late ? late.renderTooltip(this.tooltip.state.content, t) : nothing}
      </div>
    </div>`;
  }

  /**
   * The data table (often more nodes than the chart) is drawn after the chart's paint, when the browser is idle,
   * {@link TABLE_SLICE} rows per idle period (no long task) — after the first paint and after every update that
   * changes it — or whole at once while the reader has it open (or asks {@link tableComplete}). It is drawn into its
   * own element (`#table`), not by the widget's template: a slice does not render the chart again. Until it shows the
   * current data whole, it is marked `aria-busy`.
   */
  #tableScheduled?: boolean;
  /** What the drawn table shows (its element, view, data, language, tableKey()), and whether it is drawn whole. */
  #tableKey: readonly unknown[] = [];
  #tableRows?: number;
  #tableWhole?: boolean;
  #scheduleTable() {
    if (this.#tableScheduled) return;
    this.#tableScheduled = true;
    const slice = (deadline?: IdleDeadline) => {
      if (this.isConnected && this.#drawTable(false, deadline)) idle(slice, 500);
      else this.#tableScheduled = false;
    };
    // the table's code comes with the rest of what follows the first frame (the marks' interaction, the tooltip)
    idleAfterPaint(
      () =>
        void this.#loadTable().then(
          () => idle(slice, 500),
          () => (this.#tableScheduled = false),
        ),
      500,
    );
  }

  /** The widget's table module, once loaded (see {@link loadTableCode}). */
  #code?: Table;
  #codeLoading?: Promise<unknown>;
  /** The renderer of the table (late.ts) and the widget's table module: both arrived when this resolves. */
  #loadTable(): Promise<unknown> {
    // a failed load is forgotten: opening the table, an export or the next update asks again
    return (this.#codeLoading ??= Promise.all([
      loadLate(),
      this.loadTableCode().then((code) => (this.#code = code)),
    ]).catch((e: unknown) => {
      this.#codeLoading = undefined;
      throw e;
    }));
  }

  /** The table's element and what it must show now (see {@link #tableKey}). */
  #tableNow(): [HTMLElement, unknown[]] | undefined {
    const box = this.renderRoot.querySelector<HTMLElement>('#table');
    const s = this.loader.state;
    if (!box || s.status !== 'ready') return undefined;
    return [box, [box, this.view(s.data), s.data, this.locale.lang, ...this.tableKey()]];
  }
  #fresh(key: readonly unknown[]): boolean {
    return key.length !== this.#tableKey.length || key.some((k, i) => k !== this.#tableKey[i]);
  }

  /**
   * Draws the table (whole, or its next slice: a slice of its model's making, else of its rows, in the idle period of
   * `deadline`); whether work is left.
   */
  #drawTable(whole: boolean, deadline?: IdleDeadline): boolean {
    const now = this.#tableNow();
    const s = this.loader.state;
    if (!now || s.status !== 'ready') return false;
    const [box, key] = now;
    if (!late || !this.#code) {
      // opened before the table's code arrived: drawn when it does
      void this.#loadTable().then(
        () => this.isConnected && this.tableOpen && this.#drawTable(true),
        () => undefined,
      );
      return false;
    }
    const fresh = this.#fresh(key);
    const until = whole
      ? Infinity
      : performance.now() + Math.max(deadline?.timeRemaining() ?? MODEL_SLICE_MS, 1);
    const model = this.#table(key[1] as View, s.data, until);
    if (!model) {
      // the model is being made (large data): what the table shows is not the current data whole
      box.setAttribute('aria-busy', 'true');
      return true;
    }
    const total = Math.min(model.rows.length, TABLE_SCREEN_ROWS);
    const from = fresh ? 0 : this.#tableRows!;
    const upTo = whole ? total : Math.min(total, from + TABLE_SLICE);
    if (fresh || upTo > from) {
      this.#adoptLate();
      render(late.renderDataTable(model, this.locale.t, upTo), box);
    }
    this.#tableKey = key;
    this.#tableRows = upTo;
    this.#tableWhole = upTo >= total;
    // a reader is told the table is being filled (with the current data: never old rows mixed with new)
    box.setAttribute('aria-busy', String(!this.#tableWhole));
    return !this.#tableWhole;
  }

  /**
   * Resolves once the data table shows the current data whole (it follows the chart's paint); draws it now if
   * pending. The code that follows the first frame (the table, the tooltip, the marks' interaction) has arrived then.
   */
  get tableComplete(): Promise<boolean> {
    return this.#loadTable().then(async () => {
      const done = await this.updateComplete;
      this.#drawTable(true);
      return done;
    });
  }

  /** The problems of the sections this widget reads (see `sections`), when one of them is broken. */
  #sectionProblems(s: DatasetState) {
    if (s.status !== 'ready' || !s.sectionIssues) return undefined;
    return issuesOf(s.sectionIssues, (this.constructor as typeof ParsecElement).sections);
  }

  #lateAdopted?: boolean;
  /** The styles of the table, the tooltip and the download choices, adopted with their code (before they show). */
  #adoptLate() {
    const root = this.renderRoot;
    if (this.#lateAdopted || !late || !(root instanceof ShadowRoot)) return;
    this.#lateAdopted = true;
    const sheet = late.lateStyles.styleSheet;
    if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  #warned: unknown;
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#adoptLate();
    const state = this.loader.state;
    const issues = state.status === 'error' ? state.issues : this.#sectionProblems(state)?.issues;
    if (issues && this.#warned !== state) {
      // readers get plain words; the page's editor gets every detail here and in the parsec-data-error event
      this.#warned = state;
      console.warn(`<${this.localName}>: the data could not be shown`, issues);
    }
    this.#checkFont();
    if (this.loader.state.status === 'ready' && this.#viewport.near && this.prepared && this.assetsReady()) {
      // what waits for a chart's first frame starts after this one (util/idle.ts)
      markDrawn();
      // shown: drawn with the chart; else in idle time after its frame, marked busy until then
      if (this.tableOpen) this.#drawTable(true);
      else {
        const now = this.#tableNow();
        if (now && (this.#fresh(now[1]) || !this.#tableWhole)) {
          now[0].setAttribute('aria-busy', 'true');
          this.#scheduleTable();
        }
      }
    }
  }

  /** A short name of the chart for captions and exports (`Budgets`…); the dataset title is prepended. */
  protected chartTitle(): string {
    return '';
  }

  #captionTitle(data: Dataset): string {
    return captionTitle(this.chartTitle(), data, this.locale.lang);
  }

  /** The last table model asked for: what it is for (the view, the data, the language, tableKey()), and its making. */
  #model?: { key: unknown[]; model?: TableModel; steps?: Generator<void, TableModel> };
  /**
   * The table model of the view and data (the widget's table module loaded), memoised; made in steps until
   * `performance.now()` reaches `until` (`undefined`: not yet whole), the making resumed at the next call.
   */
  #table(view: View, data: Dataset, until = Infinity): TableModel | undefined {
    const key = [view, data, this.locale.lang, ...this.tableKey()];
    let m = this.#model;
    if (!m || m.key.length !== key.length || m.key.some((k, i) => !Object.is(k, key[i]))) {
      const made = this.tableModel(view, data, this.#code!, late!.tableRows);
      m = this.#model = 'next' in made ? { key, steps: made } : { key, model: made };
    }
    while (!m.model) {
      let r: IteratorResult<void, TableModel>;
      try {
        r = m.steps!.next();
      } catch (e) {
        // a generator that threw is over: the next call starts again (and meets the problem again)
        this.#model = undefined;
        throw e;
      }
      if (r.done) {
        m.model = r.value;
        m.steps = undefined;
      } else if (performance.now() >= until) return undefined;
    }
    return m.model;
  }

  /** What every `describe/` function of this widget is given. */
  protected describeContext(data: Dataset): DescribeContext {
    return {
      t: this.locale.t,
      lang: this.locale.lang,
      sources: sourcesById(data),
      rates: data.rates ?? [],
      terms: termsOf(data),
      languages: datasetLanguages(data),
    };
  }

  #fontFamily?: string;
  #measure?: Measure;
  #fontCheck?: number;
  /**
   * Measures text in the font the widget renders with (canvas `measureText`, cached). Before its first frame, in the
   * font last read on the page (by any widget), else the one its styles declare ({@link DECLARED_FONT}): reading the computed font in an update
   * would lay the page's style out then, in the middle of the first paint. After each update, in the frame's
   * animation callback (before that frame's style and paint), the font is read — the frame computes styles then
   * anyway — and a different one (the page's own style) lays the widget out again in that callback, before the frame
   * is painted.
   */
  protected get measure(): Measure {
    this.#measure ??= canvasMeasure((this.#fontFamily ||= lastFont));
    return this.#measure;
  }
  #checkFont() {
    if (!this.#measure || this.#fontCheck || typeof requestAnimationFrame !== 'function') return;
    this.#fontCheck = requestAnimationFrame(() => {
      this.#fontCheck = 0;
      if (!this.isConnected || !this.#measure) return;
      const font = getComputedStyle(this).fontFamily || 'sans-serif';
      lastFont = font;
      if (font === this.#fontFamily) return;
      this.#fontFamily = font;
      this.#measure = undefined;
      this.requestUpdate();
    });
  }

  /** The interaction of the widget's marks, wired to its tooltip and events (see {@link MarksController}). */
  protected useMarks(options: MarksOptions): MarksController {
    return new MarksController(
      this,
      {
        tooltip: this.tooltip,
        hover: (d) => this.emitHover(d),
        select: (d) => this.emitSelect(d),
        tooltips: () => !this.noTooltip,
        interaction: () => late ?? loadLate(),
      },
      options,
    );
  }

  /**
   * The file of what the widget shows: `svg` and `png` (every drawn layer with the legend, title, source line and
   * date, at the widget's width), `csv` and `json` (every row of the table model: raw numbers, ISO dates, precision
   * and source columns).
   */
  async exportBlob(format: 'svg' | 'png' | 'csv' | 'json'): Promise<Blob> {
    // the exporters are a chunk of their own, loaded on the first export (same origin: a strict CSP allows it); the
    // table's code with them for CSV and JSON
    const [{ svgToPng, tableCsv, tableJson, widgetSvg }] = await Promise.all([
      import('../../util/export'),
      format === 'csv' || format === 'json' ? this.#loadTable() : undefined,
    ]);
    const s = this.loader.state;
    if (s.status !== 'ready' || this.#sectionProblems(s)) throw new Error('no data to export');
    const view = this.view(s.data);
    const t = this.locale.t;
    const source = sourceLineText(this.viewSources(view, s.data), undefined, this.locale.lang, t);
    if (format === 'csv' || format === 'json') {
      // from the model, not the screen: every row, raw values
      const model = this.#table(view, s.data)!;
      if (format === 'csv') return new Blob([tableCsv(model)], { type: 'text/csv;charset=utf-8' });
      const json = tableJson(model, { title: this.#captionTitle(s.data), asOf: s.data.meta.asOf, source });
      return new Blob([json], { type: 'application/json' });
    }
    await this.updateComplete;
    const caption = {
      title: this.#captionTitle(s.data),
      source,
      date: asOfText(s.data, t, this.locale.lang),
    };
    const text = widgetSvg(this.renderRoot, caption, this.measure);
    if (format === 'svg') return new Blob([text], { type: 'image/svg+xml' });
    return svgToPng(text);
  }

  /** What the footer shows and does. */
  readonly #footer: FooterState = (() => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const el = this;
    return {
      get tableOpen() {
        return el.tableOpen;
      },
      get exportOpen() {
        return el._exportOpen;
      },
      get exportError() {
        return el._exportError;
      },
      toggleTable: () => {
        el.tableOpen = !el.tableOpen;
      },
      toggleExport: () => {
        el._exportOpen = !el._exportOpen;
        // opened before the choices' code arrived: drawn when it does
        if (!late)
          void loadLate().then(
            () => el.requestUpdate(),
            (e: unknown) => (el._exportError = (e as Error).message),
          );
      },
      choices: () => (late ? late.renderExportChoices(el.#footer) : nothing),
      closeExport: () => (el._exportOpen = false),
      exportFile: (f: ExportFormat) => void el.#exportFile(f),
    };
  })();

  async #exportFile(format: 'svg' | 'png' | 'csv' | 'json') {
    try {
      this._exportError = '';
      const blob = await this.exportBlob(format);
      const { download } = await import('../../util/export');
      download(`${this.widget}.${format}`, blob);
    } catch (e) {
      this._exportError = (e as Error).message;
    }
  }

  /** The `data-key` of the mark an event comes from (marks carry `data-key`, see the roving focus), if any. */
  protected markKey(e: Event): string | undefined {
    const target = (e.composedPath()[0] as Element | undefined)?.closest?.('[data-key]');
    return (target as HTMLElement | null)?.dataset.key;
  }

  /** Fires `parsec-select`. */
  protected emitSelect(detail: Omit<ParsecMarkDetail, 'widget'>): void {
    this.dispatchEvent(new ParsecSelectEvent({ widget: this.widget, ...detail }));
  }

  #lastHover: string | null = null;
  /** Fires `parsec-hover` (once per change of mark; `null` when leaving all marks). */
  protected emitHover(detail: Omit<ParsecMarkDetail, 'widget'> | null): void {
    const key = detail ? `${detail.kind}:${detail.id}` : null;
    if (key === this.#lastHover) return;
    this.#lastHover = key;
    this.dispatchEvent(new ParsecHoverEvent(detail ? { widget: this.widget, ...detail } : null));
  }
}
