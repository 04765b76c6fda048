import { css, html, LitElement, type PropertyValues, type ReactiveElement } from 'lit';
import { property } from 'lit/decorators.js';
import { defineOnce } from '../base/define';
import { DatasetController, PROVIDER_CONNECTED, type DatasetState } from '../../controllers/dataset';
import { SECTION_CHECKS } from '../../schema/fast-all';
import { SECTIONS } from '../../schema/section-list';
import { resolveLang } from '../../controllers/locale';
import type { ParsecSelectEvent, ParsecMarkDetail } from '../../events/select';
import { translationFor } from '../../i18n/index';
import type { DatasetData } from '../../types';

import { ParsecSelectionChangeEvent } from '../../events/selection-change';

export { ParsecSelectionChangeEvent };

/**
 * Shares one dataset and one selection between widgets: the widgets inside it, and widgets anywhere on the page that
 * name it with `dataset="<id>"`. The dataset is loaded once (`data`, `src`, an inline JSON child, else the default,
 * unless `no-default`).
 * Selecting a programme, a place or an item in one widget highlights the related marks in the others.
 *
 * @example
 * ```html
 * <script type="module">
 *   import 'parsec-widgets/dataset';
 *   import 'parsec-widgets/budget-treemap';
 *   import 'parsec-widgets/facility-map';
 * </script>
 * <!-- one download, one validation; choosing a mark in one widget outlines the related ones in the other -->
 * <parsec-dataset src="/data/my-dataset.json">
 *   <parsec-budget-treemap></parsec-budget-treemap>
 *   <parsec-facility-map></parsec-facility-map>
 * </parsec-dataset>
 * ```
 * ```ts
 * const shared = document.querySelector('parsec-dataset')!;
 * shared.addEventListener('parsec-selection-change', (e) => console.log(e.detail?.label ?? 'cleared'));
 * shared.select(null); // clears the selection in every linked widget
 * ```
 *
 * @summary Shared dataset and linked selection for parsec widgets.
 * @customElement parsec-dataset
 * @fires parsec-selection-change - The shared selection changed; `detail` is the selected mark or `null`.
 * @fires parsec-data-error - The shared dataset could not be loaded or is invalid.
 * @slot - The widgets (and any other content).
 */
@defineOnce('parsec-dataset')
export class ParsecDataset extends LitElement {
  /** It validates every section, for all the widgets that share it (see controllers/dataset.ts). */
  static readonly sections = SECTIONS;
  static readonly checks = SECTION_CHECKS;

  /** Layout-neutral: the element only groups its children. */
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * A dataset object (see `data/schema.json`): the type the widgets' `data` takes, still validated at run time. Takes
   * precedence over `src` and the inline JSON.
   */
  @property({ attribute: false }) data?: DatasetData;

  /** URL of a dataset JSON file. */
  @property() src?: string;

  /**
   * Never loads the bundled default dataset: given no `data`, `src` or inline JSON, the widgets show their loading
   * state until `data` is set.
   */
  @property({ type: Boolean, reflect: true, attribute: 'no-default' }) noDefault = false;

  /** The current shared selection. */
  selection: ParsecMarkDetail | null = null;

  private readonly loader = new DatasetController(this, () => translationFor(resolveLang(this)));
  private readonly consumers = new Set<ReactiveElement>();
  private readonly onSelect = (e: ParsecSelectEvent) => {
    const origin = e.composedPath()[0] as Element | undefined;
    const widget = (e.composedPath().find((n) => n instanceof Element && n.tagName.startsWith('PARSEC-')) ??
      origin) as ReactiveElement | undefined;
    if (!widget || !this.consumers.has(widget)) return;
    this.select(e.detail);
  };

  /** The shared dataset state, as the widgets see it. */
  get state(): DatasetState {
    return this.loader.state;
  }

  /** Sets (or clears, with `null`) the shared selection and tells every linked widget. */
  select(detail: ParsecMarkDetail | null): void {
    const same =
      detail && this.selection && detail.id === this.selection.id && detail.kind === this.selection.kind;
    this.selection = same ? null : detail;
    this.consumers.forEach((c) => c.requestUpdate());
    this.dispatchEvent(new ParsecSelectionChangeEvent(this.selection));
  }

  /** Called by widgets when they connect. */
  subscribe(widget: ReactiveElement): void {
    this.consumers.add(widget);
    widget.requestUpdate();
  }
  unsubscribe(widget: ReactiveElement): void {
    this.consumers.delete(widget);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('parsec-select', this.onSelect);
    // widgets naming this element by id, connected before it, find it now
    if (this.id) document.dispatchEvent(new Event(PROVIDER_CONNECTED));
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('parsec-select', this.onSelect);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // removed, it keeps its state (re-inserted, it loads again if it had stopped)
    if (this.isConnected) this.loader.sync(this.data, this.src, { noDefault: this.noDefault });
  }
  protected override updated(): void {
    this.consumers.forEach((c) => c.requestUpdate());
  }
  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-dataset': ParsecDataset;
  }
}
