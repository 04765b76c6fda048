import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { DatasetController } from '../../controllers/dataset';
import { LocaleController } from '../../controllers/locale';
import { SizeController } from '../../controllers/size';
import { TooltipController } from '../../controllers/tooltip';
import { ParsecHoverEvent } from '../../events/hover';
import { ParsecSelectEvent, type ParsecMarkDetail } from '../../events/select';
import type { Dataset } from '../../schema/dataset';
import type { Source } from '../../schema/sources';
import type { ParsecDataset } from '../dataset/dataset';
import { renderSourceLine } from '../../render/source-note';
import { baseStyles } from '../../styles/base';
import { tokens } from '../../styles/tokens';

/** Sources by id for one dataset, cached. */
const sourceIndex = new WeakMap<Dataset, Map<string, Source>>();
export function sourcesById(data: Dataset): Map<string, Source> {
  let m = sourceIndex.get(data);
  if (!m) sourceIndex.set(data, (m = new Map(data.sources.map((s) => [s.id, s]))));
  return m;
}

/**
 * The base of every parsec widget: dataset loading (`data`, `src`, inline JSON, default), language, width,
 * theme, the loading / error / empty states, the source line, the data table with its toggle and the tooltip.
 * A widget implements `view`, `renderChart`, `renderTable`, `viewSources` and `chartHeight`.
 */
export abstract class ParsecElement<View> extends LitElement {
  /** Shared styles; widgets append their own. */
  static override styles = [tokens, baseStyles];

  /** A dataset object (see `data/schema.json`). Takes precedence over `src` and the inline JSON. */
  @property({ attribute: false }) data?: unknown;

  /** URL of a dataset JSON file. */
  @property() src?: string;

  /** `light` or `dark`; by default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * Id of a `<parsec-dataset>` whose dataset and selection this widget shares. Widgets inside a `<parsec-dataset>`
   * share it without this attribute.
   */
  @property({ attribute: 'dataset' }) datasetId?: string;

  /** Turns the tooltip off. */
  @property({ type: Boolean, attribute: 'no-tooltip' }) noTooltip = false;

  /** The data table is shown (it is always present for screen readers). */
  @state() protected tableOpen = false;

  @query('.tooltip') private tooltipElement?: HTMLElement | null;

  protected readonly locale = new LocaleController(this);
  protected readonly size = new SizeController(this);
  protected readonly loader = new DatasetController(this, () => this.locale.t);
  protected readonly tooltip = new TooltipController(this, () => this.tooltipElement);

  /** The tag name, reported in events. */
  protected abstract readonly widget: string;
  /** The widget's view of the dataset (a `select/` function, memoised by the widget). */
  protected abstract view(data: Dataset): View;
  protected abstract isEmpty(view: View): boolean;
  /** Height in pixels for a given width; reserved while loading so nothing shifts. */
  protected abstract chartHeight(width: number): number;
  protected abstract renderChart(view: View, data: Dataset): TemplateResult;
  protected abstract renderTable(view: View, data: Dataset): TemplateResult;
  /** Besides the view, data and language, what the table depends on (it is re-rendered only when these change). */
  protected tableKey(): unknown[] {
    return [];
  }
  /** Sources of the figures shown, for the source line. */
  protected abstract viewSources(view: View, data: Dataset): Source[];

  private provider: ParsecDataset | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.findProvider();
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.provider?.unsubscribe(this);
    this.provider = null;
  }

  private findProvider() {
    const el = this.datasetId ? document.getElementById(this.datasetId) : this.closest('parsec-dataset');
    if (!el || el.localName !== 'parsec-dataset') return;
    if (!('subscribe' in el)) {
      customElements.whenDefined('parsec-dataset').then(() => this.isConnected && this.findProvider());
      return;
    }
    this.provider = el as ParsecDataset;
    this.provider.subscribe(this);
  }

  /** The selection shared through `<parsec-dataset>`, if any. */
  protected get linked(): ParsecMarkDetail | null {
    return this.provider?.selection ?? null;
  }

  /**
   * Whether a mark relates to the shared selection: the same id; else a shared place when both name places; else the
   * same programme.
   */
  protected isLinked(mark: {
    id?: string;
    places?: readonly string[];
    programme?: string | undefined;
  }): boolean {
    const sel = this.linked;
    if (!sel) return false;
    if (mark.id !== undefined && mark.id === sel.id) return true;
    if (sel.places?.length && mark.places?.length) return mark.places.some((p) => sel.places!.includes(p));
    return !!sel.programme && sel.programme === mark.programme;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('datasetId') && this.isConnected) {
      this.provider?.unsubscribe(this);
      this.provider = null;
      this.findProvider();
    }
    if (this.provider) this.loader.mirror(this.provider.state);
    else this.loader.sync(this.data, this.src);
  }

  /** The current width in whole pixels (a fallback before the first measure). */
  protected get width(): number {
    return this.size.width || 600;
  }

  protected override render(): TemplateResult {
    const s = this.loader.state;
    const t = this.locale.t;
    let body: TemplateResult;
    if (s.status === 'loading') {
      body = html`<div class="state loading" part="loading" role="status">${t.loading}</div>`;
    } else if (s.status === 'error') {
      const shown = s.issues.slice(0, 8);
      body = html`<div class="state error" part="error" role="alert">
        <strong>${t.errorTitle}</strong>
        <ul>
          ${shown.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}
        </ul>
        ${s.issues.length > shown.length ? html`<p>${t.errorMore(s.issues.length - shown.length)}</p>` : nothing}
      </div>`;
    } else {
      const view = this.view(s.data);
      if (this.isEmpty(view)) {
        body = html`<div class="state empty" part="empty" role="status">${t.empty}</div>`;
      } else {
        body = html`${this.renderChart(view, s.data)}
          <div class="footer">
            ${guard([view, s.data, this.locale.lang], () =>
              renderSourceLine(this.viewSources(view, s.data), s.data.meta.asOf, this.locale.lang, t),
            )}
            <button
              type="button"
              part="table-toggle"
              aria-expanded=${this.tableOpen ? 'true' : 'false'}
              aria-controls="table"
              @click=${() => (this.tableOpen = !this.tableOpen)}
            >
              ${this.tableOpen ? t.hideData : t.showData}
            </button>
          </div>
          <div id="table" class="table-wrap ${this.tableOpen ? '' : 'sr-only'}" part="table">
            ${this.renderTable(view, s.data)}
          </div>`;
      }
    }
    return html`<div part="base" class="base" lang=${this.locale.lang}>
      ${body}
      <div class="tooltip" part="tooltip" role="tooltip" id="tooltip" ?hidden=${!this.tooltip.state}>
        ${this.tooltip.state?.content ?? nothing}
      </div>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // reserve the chart's height while loading or on error so the page does not jump
    const base = this.renderRoot.querySelector<HTMLElement>('.state');
    if (base && this.loader.state.status !== 'ready')
      base.style.minHeight = `${this.chartHeight(this.width)}px`;
  }

  /** Fires `parsec-select`. */
  protected emitSelect(detail: Omit<ParsecMarkDetail, 'widget'>): void {
    this.dispatchEvent(new ParsecSelectEvent({ widget: this.widget, ...detail }));
  }

  private lastHover: string | null = null;
  /** Fires `parsec-hover` (once per change of mark; `null` when leaving all marks). */
  protected emitHover(detail: Omit<ParsecMarkDetail, 'widget'> | null): void {
    const key = detail ? `${detail.kind}:${detail.id}` : null;
    if (key === this.lastHover) return;
    this.lastHover = key;
    this.dispatchEvent(new ParsecHoverEvent(detail ? { widget: this.widget, ...detail } : null));
  }
}
