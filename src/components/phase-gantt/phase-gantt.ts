import { formatNumber } from '../../i18n/numbers';
import { renderDataTableRows as renderDataTable } from '../../render/data-table';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineOnce } from '../base/define';
import { FocusGroupController } from '../../controllers/focus-group';
import { formatIsoDate, localText } from '../../i18n/format';
import {
  defaultWindow,
  layoutGantt,
  panWindow,
  rowsInRange,
  zoomWindow,
  type GanttGeometry,
  type GanttRow,
  type TickUnit,
} from '../../layout/gantt';
import { renderGanttAxis, renderGanttBody } from '../../render/gantt';
import { publishers, sourcesText } from '../../render/source-note';
import type { Dataset } from '../../schema/dataset';
import { isIsoDate } from '../../schema/dates';
import type { Source } from '../../schema/sources';
import {
  isoSpan,
  isUnknown,
  monthsBetween,
  selectPhaseRows,
  type DateSpan,
  type PhaseGroup,
  type PhaseItem,
  type PhaseRows,
  type ShownDate,
} from '../../select/phase-rows';
import { memoizeLast } from '../../util/memo';
import { ParsecElement, sourcesById } from '../base/parsec-element';
import { ganttStyles } from './phase-gantt.styles';

/** Rows drawn above and below the viewport, in pixels. */
const OVERSCAN = 260;
/** Height of the scrolling rows when the CSS has not been measured yet. */
const DEFAULT_VIEWPORT = 760;
/** Rows of the data table rendered while it is closed (all of them once opened). */
const TABLE_LIMIT = 500;

const shortFormats = new Map<string, Intl.DateTimeFormat>();
function shortFormat(lang: string, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${lang}|${key}`;
  let f = shortFormats.get(k);
  if (!f) shortFormats.set(k, (f = new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' })));
  return f;
}

/** A date at its precision, short: `3 Mar 2017`, `Jul 2017`, `2011`. */
function shortDate(d: DateSpan, lang: string): string {
  const opts: Intl.DateTimeFormatOptions =
    d.granularity === 'day'
      ? { day: 'numeric', month: 'short', year: 'numeric' }
      : d.granularity === 'month'
        ? { month: 'short', year: 'numeric' }
        : { year: 'numeric' };
  return shortFormat(lang, d.granularity, opts).format(new Date(d.lo));
}

function tickText(d: Date, unit: TickUnit, lang: string): string {
  if (unit === 'year' || (d.getUTCMonth() === 0 && d.getUTCDate() === 1))
    return shortFormat(lang, 'y', { year: 'numeric' }).format(d);
  if (unit === 'month') return shortFormat(lang, 'm', { month: 'short' }).format(d);
  return shortFormat(lang, 'd', { day: 'numeric', month: 'short' }).format(d);
}

/**
 * Phases, milestones and events of the programmes on one time line, grouped by programme (context missions after).
 * Month- or year-precise dates are drawn as soft ends or brackets over the whole month or year, an unknown end as an
 * open hatched tail to the as-of date, derived dates with a dashed outline, approximate ones hatched, conflicting
 * reports as dashed ghost extensions, ticks or marks labelled with their source, planned dates as a thin bar under
 * the reported one. Rows are virtualised: only those in view are drawn.
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
 * @csspart legend - The legend under the chart.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart source - The source line.
 * @csspart error - The error message.
 * @cssprop --parsec-color-1 - Colour of the first programme (up to `--parsec-color-6`).
 * @cssprop --parsec-gantt-max-height - Maximum height of the rows before they scroll (default 760px).
 */
@defineOnce('parsec-phase-gantt')
export class ParsecPhaseGantt extends ParsecElement<PhaseRows> {
  /** Gantt styles. */
  static override styles = [...ParsecElement.styles, ganttStyles];
  protected readonly widget = 'parsec-phase-gantt';

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

  /** The zoomed or panned window (UTC ms), or null for `from`/`to` or the whole extent. */
  @state() private zoomed: [number, number] | null = null;
  @state() private folded: Set<string> | null = null;
  @state() private scrollY = 0;
  private viewportH = DEFAULT_VIEWPORT;

  /** Counts layout computations (a hover or a focus change must not add to it). */
  get layoutCount(): number {
    return this.layout.calls;
  }

  /** The time window drawn, as ISO dates. */
  get timeWindow(): { from: string; to: string } | null {
    const g = this.geometry;
    if (!g) return null;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    return { from: iso(g.window[0]), to: iso(g.window[1]) };
  }

  private readonly rowsOf = memoizeLast(
    (data: Dataset, programmes: string | undefined, asOf: string | undefined) =>
      selectPhaseRows(data, {
        programmes: programmes ? programmes.split(',').map((s) => s.trim()) : undefined,
        asOf: asOf && isIsoDate(asOf) ? asOf : undefined,
      }),
  );
  private readonly layout = memoizeLast(
    (
      view: PhaseRows,
      width: number,
      folded: string,
      w0: number,
      w1: number,
      today: number,
      lang: string,
      index: Map<string, Source>,
    ): GanttGeometry =>
      layoutGantt(view, {
        width,
        collapsed: new Set(folded ? folded.split(',') : []),
        window: Number.isFinite(w0) ? [w0, w1] : null,
        asOf: view.asOf.lo,
        today: today || null,
        fontSize: 12,
        text: {
          group: (g) => this.groupName(g),
          item: (i) => localText(i.label, lang),
          markDate: (i) => (i.date ? shortDate(i.date, lang) : null),
          ghost: (_i, alt) => this.locale.t.gantt.ghost(this.publisherOf(alt, index), shortDate(alt, lang)),
          openEnd: this.locale.t.gantt.openEnd,
          tick: (d, unit) => tickText(d, unit, lang),
        },
      }),
  );

  private geometry?: GanttGeometry;
  private highlight: string | undefined;
  private rowIndex = new Map<string, number>();

  private readonly roving = new FocusGroupController(this, {
    keys: () => this.geometry?.rows.map((r) => r.key) ?? [],
    navigate: (key, e, keys) => this.navigate(key, e, keys),
    onActivate: (key) => this.activate(key),
    onFocus: (key) => this.onRowFocus(key),
  });

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
    const index = sourcesById(data);
    const ids = new Set<string>();
    for (const g of view.groups) for (const i of g.items) i.sources.forEach((s) => ids.add(s));
    return [...ids].map((id) => index.get(id)).filter((s): s is Source => !!s);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('from') || changed.has('to')) this.zoomed = null;
    if (changed.has('collapsed') || changed.has('programmes')) this.folded = null;
    const s = this.loader.state;
    if (s.status !== 'ready') {
      this.geometry = undefined;
      return;
    }
    const view = this.view(s.data);
    if (!this.folded) {
      const c = this.collapsed?.trim();
      this.folded = new Set(
        c === 'all' ? view.groups.map((g) => g.id) : c ? c.split(',').map((x) => x.trim()) : [],
      );
    }
    const today = this.today ? Math.floor(Date.now() / 864e5) * 864e5 : 0;
    const w = this.baseWindow(view, today || null);
    this.geometry = this.layout(
      view,
      this.width,
      [...this.folded].sort().join(','),
      w ? w[0] : NaN,
      w ? w[1] : NaN,
      today,
      this.locale.lang,
      sourcesById(s.data),
    );
    this.rowIndex = new Map(this.geometry.rows.map((r, i) => [r.key, i]));
  }

  /** The window from zoom state, else `from`/`to`, else null (the layout's default). */
  private baseWindow(view: PhaseRows, today: number | null): [number, number] | null {
    if (this.zoomed) return this.zoomed;
    const f = this.from && isIsoDate(this.from) ? isoSpan(this.from).lo : null;
    const t = this.to && isIsoDate(this.to) ? isoSpan(this.to).hi : null;
    if (f === null && t === null) return null;
    const d = defaultWindow(view, today);
    const lo = f ?? d[0];
    const hi = t ?? d[1];
    return hi > lo ? [lo, hi] : null;
  }

  private currentWindow(): [number, number] {
    return this.geometry!.window;
  }

  /** Zooms the time window by `factor` (< 1: in) around `at` (UTC ms). */
  zoomBy(factor: number, at?: number): void {
    if (!this.geometry) return;
    this.tooltip.hide();
    this.zoomed = zoomWindow(this.currentWindow(), factor, at);
  }
  /** Pans the time window by a share of its span (negative: earlier). */
  panBy(share: number): void {
    if (!this.geometry) return;
    this.tooltip.hide();
    this.zoomed = panWindow(this.currentWindow(), share);
  }
  /** Back to `from`/`to` or the whole extent. */
  resetZoom(): void {
    this.tooltip.hide();
    this.zoomed = null;
  }

  /** Collapses or expands a programme's rows. */
  toggleGroup(id: string, expand?: boolean): void {
    const next = new Set(this.folded ?? []);
    const open = expand ?? next.has(id);
    if (open) next.delete(id);
    else next.add(id);
    this.folded = next;
  }

  private groupName(g: PhaseGroup): string {
    const name = localText(g.name, this.locale.lang);
    const base = name && name !== g.short ? g.short : name || g.short;
    return g.kind === 'context' ? `${base} (${this.locale.t.gantt.context})` : base;
  }

  private publisherOf(d: { sources: readonly string[] }, index: Map<string, Source>): string {
    return index.get(d.sources[0] ?? '')?.publisher ?? d.sources[0] ?? '';
  }

  private currentData(): Dataset {
    return (this.loader.state as { data: Dataset }).data;
  }

  /** A date read aloud at its precision: `about July 2017`, `some time in 2011`, `30 July 2020 (derived…)`. */
  private spokenDate(d: DateSpan): string {
    const t = this.locale.t;
    const lang = this.locale.lang;
    let s = formatIsoDate(d.value, lang);
    if (d.granularity !== 'day') s = t.gantt.during(s);
    if (d.precision === 'approx') s = `${t.about} ${s}`;
    if (d.precision === 'derived') s = `${s} (${t.derived})`;
    return s;
  }

  /** A date as written in the tooltip and table: `≈ July 2017`, `July 2020*`. */
  private writtenDate(d: DateSpan): string {
    const s = formatIsoDate(d.value, this.locale.lang);
    return d.precision === 'approx' ? `≈ ${s}` : d.precision === 'derived' ? `${s}*` : s;
  }

  private alternativesSpoken(d: ShownDate | null | undefined): string[] {
    if (!d) return [];
    const index = sourcesById(this.currentData());
    return d.alternatives.map((a) =>
      this.locale.t.gantt.altSpoken(this.spokenDate(a), this.publisherOf(a, index)),
    );
  }

  private kindWord(i: PhaseItem): string {
    return this.locale.t.gantt[i.kind];
  }

  private rowAriaLabel(row: GanttRow): string {
    const t = this.locale.t;
    const lang = this.locale.lang;
    if (row.kind === 'group') {
      const g = row.group;
      const parts = [localText(g.name, lang) || g.short, t.gantt.items(g.items.length)];
      if (g.span)
        parts.push(
          t.gantt.span(
            formatIsoDate(String(new Date(g.span[0]).getUTCFullYear()), lang),
            formatIsoDate(String(new Date(g.span[1] - 1).getUTCFullYear()), lang),
          ),
        );
      if (g.kind === 'context') parts.push(t.gantt.context);
      return parts.join(', ');
    }
    const i = row.item!;
    const parts = [localText(i.label, lang), this.kindWord(i)];
    if (i.kind === 'phase') {
      const end = isUnknown(i.end) ? t.gantt.endUnknown : i.end ? this.spokenDate(i.end) : t.gantt.endUnknown;
      parts.push(t.gantt.span(i.start ? this.spokenDate(i.start) : t.unknownDate, end));
      parts.push(
        ...this.alternativesSpoken(i.start),
        ...(isUnknown(i.end) ? [] : this.alternativesSpoken(i.end)),
      );
      if (i.planned?.end) parts.push(t.gantt.plannedEnd(this.spokenDate(i.planned.end)));
    } else if (i.date) {
      parts.push(this.spokenDate(i.date), ...this.alternativesSpoken(i.date));
    }
    return parts.join(', ');
  }

  private durationText(i: PhaseItem): string {
    const t = this.locale.t;
    const lang = this.locale.lang;
    if (i.durations.length)
      return i.durations
        .map((d) => `${d.precision === 'approx' ? '≈ ' : ''}${t.gantt.months(String(d.months))}`)
        .join(' / ');
    if (i.kind === 'phase' && i.start && i.end && !isUnknown(i.end)) {
      const m = monthsBetween(i.start.lo, i.end.hi);
      return `${t.gantt.months(formatNumber(m, lang, 1))}*`;
    }
    return '';
  }

  private itemSources(i: PhaseItem): Source[] {
    const index = sourcesById(this.currentData());
    const ids = new Set(i.sources);
    for (const d of [i.start, i.end, i.date, i.planned?.start, i.planned?.end]) {
      if (!d) continue;
      d.sources.forEach((s) => ids.add(s));
      if (!isUnknown(d)) d.alternatives.forEach((a) => a.sources.forEach((s) => ids.add(s)));
    }
    return [...ids].map((id) => index.get(id)).filter((s): s is Source => !!s);
  }

  private detail(row: GanttRow) {
    if (row.kind === 'group') {
      const g = row.group;
      const index = sourcesById(this.currentData());
      const p = this.currentData().programmes.find((x) => x.id === g.id);
      return {
        id: g.id,
        kind: 'group',
        label: localText(g.name, this.locale.lang) || g.short,
        programme: g.id,
        places: [...new Set(g.items.map((i) => i.place).filter((x): x is string => !!x))],
        sources: (p?.sources ?? []).map((id) => index.get(id)).filter((s): s is Source => !!s),
        datum: g,
      };
    }
    const i = row.item!;
    return {
      id: i.id,
      kind: i.kind,
      label: localText(i.label, this.locale.lang),
      programme: i.programme,
      places: i.place ? [i.place] : [],
      sources: this.itemSources(i),
      datum: i,
    };
  }

  private tooltipContent(row: GanttRow): TemplateResult {
    const t = this.locale.t;
    const lang = this.locale.lang;
    if (row.kind === 'group') {
      return html`<h3>${localText(row.group.name, lang) || row.group.short}</h3>
        <p>${this.rowAriaLabel(row)}</p>`;
    }
    const i = row.item!;
    const index = sourcesById(this.currentData());
    const alt = (d: ShownDate | null | undefined) =>
      (d?.alternatives ?? []).map(
        (a) =>
          html`<p class="alt">
            ${t.alsoReported}: ${this.writtenDate(a)}
            (${sourcesText(a.sources.map((s) => index.get(s)).filter((s): s is Source => !!s))})
          </p>`,
      );
    const note = (d: { note?: unknown } | null | undefined) =>
      d && (d as DateSpan).note
        ? html`<p class="note">${localText((d as DateSpan).note, lang)}</p>`
        : nothing;
    const duration = this.durationText(i);
    return html`<h3>${localText(i.label, lang)}</h3>
      <p>${this.kindWord(i)} · ${row.group.short}</p>
      ${
        i.kind === 'phase'
          ? html`<p>${t.gantt.start}: ${i.start ? this.writtenDate(i.start) : t.unknownDate}</p>
              ${alt(i.start)}${note(i.start)}
              <p>
                ${t.gantt.end}: ${isUnknown(i.end) || !i.end ? t.gantt.endUnknown : this.writtenDate(i.end)}
              </p>
              ${isUnknown(i.end) ? nothing : alt(i.end)}${note(i.end)}
              ${i.planned?.end ? html`<p>${t.gantt.plannedEnd(this.writtenDate(i.planned.end))}</p>` : nothing}`
          : i.date
            ? html`<p>${t.gantt.date}: ${this.writtenDate(i.date)}</p>
                ${alt(i.date)}${note(i.date)}`
            : nothing
      }
      ${duration ? html`<p>${t.gantt.duration}: ${duration}</p>` : nothing}
      ${i.note ? html`<p class="note">${localText(i.note, lang)}</p>` : nothing}
      <p class="tip-sources">${t.sources}: ${sourcesText(publishers(this.itemSources(i)))}</p>`;
  }

  private rowByKey(key: string): GanttRow | undefined {
    const i = this.rowIndex.get(key);
    return i === undefined ? undefined : this.geometry?.rows[i];
  }

  private navigate(key: string, e: KeyboardEvent, keys: readonly string[]): string | null | undefined {
    const row = this.rowByKey(key);
    if (!row) return undefined;
    if (this.zoomKey(e)) return null;
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      this.panBy(e.key === 'ArrowLeft' ? -0.2 : 0.2);
      return null;
    }
    let next: string | undefined;
    const i = keys.indexOf(key);
    switch (e.key) {
      case 'ArrowDown':
        next = keys[Math.min(keys.length - 1, i + 1)];
        break;
      case 'ArrowUp':
        next = keys[Math.max(0, i - 1)];
        break;
      case 'Home':
        next = keys[0];
        break;
      case 'End':
        next = keys[keys.length - 1];
        break;
      case 'ArrowRight':
        if (row.kind === 'group' && !row.expanded) {
          e.preventDefault();
          this.toggleGroup(row.group.id, true);
          return null;
        }
        next = row.kind === 'group' ? keys[i + 1] : undefined;
        if (!next) return null;
        break;
      case 'ArrowLeft':
        if (row.kind === 'group') {
          if (row.expanded) {
            e.preventDefault();
            this.toggleGroup(row.group.id, false);
          }
          return null;
        }
        next = `group:${row.group.id}`;
        break;
      default:
        return undefined;
    }
    if (next) this.scrollToRow(next);
    return next ?? null;
  }

  private zoomKey(e: KeyboardEvent): boolean {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === '+' || e.key === '=') this.zoomBy(0.5);
    else if (e.key === '-' || e.key === '_') this.zoomBy(2);
    else if (e.key === '0') this.resetZoom();
    else return false;
    e.preventDefault();
    return true;
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

  private activate(key: string) {
    const row = this.rowByKey(key);
    if (!row) return;
    this.emitSelect(this.detail(row));
    if (row.kind === 'group') this.toggleGroup(row.group.id);
  }

  private onRowFocus(key: string) {
    const row = this.rowByKey(key);
    if (!row) return;
    this.highlight = key;
    const el = this.renderRoot.querySelector(`[data-key="${CSS.escape(key)}"]`);
    const anchor = el?.querySelector('.fill, .soft, .open, .shape, .summary') ?? el;
    if (anchor && !this.noTooltip) this.tooltip.showAtElement(key, this.tooltipContent(row), anchor);
    this.emitHover(this.detail(row));
  }

  private onPointer(e: PointerEvent) {
    if (this.noTooltip && e.type !== 'pointerleave') return;
    const key = e.type === 'pointerleave' ? undefined : this.markKey(e);
    const row = key ? this.rowByKey(key) : undefined;
    if (!row) {
      if (this.highlight) {
        this.highlight = undefined;
        this.requestUpdate();
      }
      this.tooltip.hide();
      this.emitHover(null);
      return;
    }
    if (this.highlight !== row.key) {
      this.highlight = row.key;
      this.requestUpdate();
    }
    if (!this.noTooltip) this.tooltip.showAtPointer(row.key, this.tooltipContent(row), e);
    this.emitHover(this.detail(row));
  }

  private onClick(e: MouseEvent) {
    const key = this.markKey(e);
    const row = key ? this.rowByKey(key) : undefined;
    if (!row) return;
    this.roving.active = row.key;
    this.emitSelect(this.detail(row));
    if (row.kind === 'group') this.toggleGroup(row.group.id);
  }

  private onChartKeydown(e: KeyboardEvent) {
    const key = this.markKey(e);
    if (key) this.roving.keydown(e, key);
  }

  private timeAt(clientX: number): number | undefined {
    const g = this.geometry;
    const svgEl = this.renderRoot.querySelector('svg.gantt');
    if (!g || !svgEl) return undefined;
    const px = clientX - svgEl.getBoundingClientRect().left;
    const k = (px - g.plotX0) / (g.plotX1 - g.plotX0);
    if (k < 0 || k > 1) return undefined;
    return g.window[0] + k * (g.window[1] - g.window[0]);
  }

  private readonly wheel = {
    handleEvent: (e: WheelEvent) => {
      // only Ctrl/⌘ + wheel (and trackpad pinch, which arrives as Ctrl + wheel); plain wheel scrolls the page
      if (!(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      this.zoomBy(Math.pow(2, Math.max(-1, Math.min(1, e.deltaY / 200))), this.timeAt(e.clientX));
    },
    passive: false,
  };

  private pointers = new Map<number, number>();
  private pinchDistance = 0;
  private onTouchPointer(e: PointerEvent) {
    if (e.pointerType !== 'touch') return;
    if (e.type === 'pointerdown') this.pointers.set(e.pointerId, e.clientX);
    else if (e.type === 'pointerup' || e.type === 'pointercancel') this.pointers.delete(e.pointerId);
    else if (this.pointers.has(e.pointerId)) {
      this.pointers.set(e.pointerId, e.clientX);
      if (this.pointers.size === 2) {
        const [a, b] = [...this.pointers.values()] as [number, number];
        const dist = Math.abs(a - b);
        if (this.pinchDistance > 20 && dist > 20)
          this.zoomBy(this.pinchDistance / dist, this.timeAt((a + b) / 2));
        this.pinchDistance = dist;
        return;
      }
    }
    this.pinchDistance = 0;
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

  protected renderChart(view: PhaseRows): TemplateResult {
    const g = this.geometry!;
    const t = this.locale.t;
    const lang = this.locale.lang;
    const year = (ms: number) => formatIsoDate(String(new Date(ms).getUTCFullYear()), lang);
    const summary = t.gantt.label(
      view.itemCount,
      view.groups.length,
      year(view.domain[0]),
      year(view.domain[1] - 1),
    );
    const y0 = Math.max(0, this.scrollY - OVERSCAN);
    const y1 = this.scrollY + this.viewportH + OVERSCAN;
    const range = rowsInRange(g.rows, y0, y1);
    const active = this.roving.active ? this.rowIndex.get(this.roving.active) : undefined;
    const span = g.window[1] - g.window[0];
    const at = (ms: number) => {
      const iso = new Date(ms).toISOString();
      return shortDate(
        { ...isoSpan(span > 864e5 * 400 ? iso.slice(0, 7) : iso.slice(0, 10)) } as DateSpan,
        lang,
      );
    };
    const asOfText = t.gantt.asOfLine(shortDate(view.asOf, lang));
    return html`
      <div class="toolbar" role="toolbar" aria-label=${t.gantt.toolbar}>
        <button type="button" class="zoom-out" aria-label=${t.gantt.zoomOut} @click=${() => this.zoomBy(2)}>
          −
        </button>
        <button type="button" class="zoom-in" aria-label=${t.gantt.zoomIn} @click=${() => this.zoomBy(0.5)}>
          +
        </button>
        <button type="button" class="earlier" aria-label=${t.gantt.earlier} @click=${() => this.panBy(-0.25)}>
          ◀
        </button>
        <button type="button" class="later" aria-label=${t.gantt.later} @click=${() => this.panBy(0.25)}>
          ▶
        </button>
        <button type="button" class="reset" ?disabled=${!this.zoomed} @click=${() => this.resetZoom()}>
          ${t.gantt.zoomReset}
        </button>
        <span class="window" aria-live="polite">${t.gantt.window(at(g.window[0]), at(g.window[1]))}</span>
        <span class="hint" aria-hidden="true">${t.gantt.hint}</span>
      </div>
      <div
        class="chart"
        @pointermove=${this.onPointer}
        @pointerleave=${this.onPointer}
        @click=${this.onClick}
        @keydown=${this.onChartKeydown}
        @focusin=${(e: FocusEvent) => {
          const key = this.markKey(e);
          if (key) this.roving.focused(key);
        }}
        @wheel=${this.wheel}
        @focusout=${(e: FocusEvent) => {
          if (!this.renderRoot.contains(e.relatedTarget as Node | null)) {
            this.tooltip.hide();
            this.highlight = undefined;
          }
        }}
      >
        ${renderGanttAxis(g, { asOf: asOfText, today: t.gantt.today })}
        <div
          class="scroller"
          @scroll=${this.onScroll}
          @pointerdown=${this.onTouchPointer}
          @pointermove=${this.onTouchPointer}
          @pointerup=${this.onTouchPointer}
          @pointercancel=${this.onTouchPointer}
        >
          ${renderGanttBody(g, {
            label: summary,
            ariaLabel: (row) => this.rowAriaLabel(row),
            tabIndex: (key) => this.roving.tabIndex(key),
            range,
            extra: active,
            highlight: this.highlight,
            band: [y0, Math.min(g.height, y1)],
          })}
        </div>
      </div>
      ${this.noLegend ? nothing : this.renderLegend()}
    `;
  }

  private renderLegend(): TemplateResult {
    const t = this.locale.t.gantt;
    const icon = (body: TemplateResult) =>
      html`<svg width="26" height="14" viewBox="0 0 26 14" aria-hidden="true">${body}</svg>`;
    return html`<ul class="legend c1" part="legend" aria-label=${this.locale.t.legend}>
      <li>
        ${icon(svg`<g class="bar"><rect class="soft" x="1" y="3" width="7" height="8"></rect><rect class="fill" x="8" y="3" width="10" height="8"></rect><rect class="soft" x="18" y="3" width="7" height="8"></rect></g>`)}${t.legendSoft}
      </li>
      <li>
        ${icon(svg`<g class="bar"><rect class="open" x="1" y="3" width="24" height="8"></rect></g>`)}${t.legendOpen}
      </li>
      <li>${icon(svg`<rect class="ghost" x="1" y="3" width="24" height="8"></rect>`)}${t.legendGhost}</li>
      <li>
        ${icon(svg`<g class="planned"><rect class="fill" x="1" y="5" width="24" height="4"></rect></g>`)}${t.legendPlanned}
      </li>
      <li>
        ${icon(svg`<g class="bar derived"><rect class="fill" x="1" y="3" width="24" height="8"></rect></g>`)}${t.legendDerived}
      </li>
      <li>${icon(svg`<path class="dep" d="M1,4H8V10H24M20,7L24,10L20,13"></path>`)}${t.legendDeps}</li>
    </ul>`;
  }

  protected override renderTable(view: PhaseRows, data: Dataset): TemplateResult {
    const t = this.locale.t;
    const lang = this.locale.lang;
    const index = sourcesById(data);
    const src = (ids: readonly string[]) =>
      sourcesText(ids.map((id) => index.get(id)).filter((s): s is Source => !!s));
    const precision = (d: DateSpan | null | undefined) =>
      d ? (d.precision === 'approx' ? t.approx : d.precision === 'derived' ? t.derived : t.exact) : '';
    const rows: TemplateResult[] = [];
    const limit = this.tableOpen ? Infinity : TABLE_LIMIT;
    let count = 0;
    for (const g of view.groups) {
      for (const i of g.items) {
        count++;
        if (count > limit) continue;
        const start = i.kind === 'phase' ? i.start : i.date;
        const end = i.kind === 'phase' ? i.end : null;
        rows.push(
          html`<tr>
            <th scope="row">${localText(i.label, lang)}</th>
            <td>${this.kindWord(i)}</td>
            <td>${g.short}</td>
            <td>${start ? this.writtenDate(start) : t.unknownDate}</td>
            <td>
              ${i.kind === 'phase' ? (isUnknown(end) || !end ? t.gantt.endUnknown : this.writtenDate(end)) : ''}
            </td>
            <td>${this.durationText(i)}</td>
            <td>
              ${[precision(start), end && !isUnknown(end) ? precision(end) : ''].filter(Boolean).join(' / ')}
            </td>
            <td>${sourcesText(publishers(this.itemSources(i)))}</td>
          </tr>`,
        );
        const alts: [string, DateSpan][] = [
          ...(start && !isUnknown(start) ? start.alternatives : []).map(
            (a) => [i.kind === 'phase' ? t.gantt.start : t.gantt.date, a] as [string, DateSpan],
          ),
          ...(end && !isUnknown(end) ? end.alternatives : []).map(
            (a) => [t.gantt.end, a] as [string, DateSpan],
          ),
        ];
        for (const [which, a] of alts)
          rows.push(
            html`<tr class="alt">
              <th scope="row">${localText(i.label, lang)} (${t.alsoReported}, ${which.toLowerCase()})</th>
              <td>${this.kindWord(i)}</td>
              <td>${g.short}</td>
              <td>${which === t.gantt.end ? '' : this.writtenDate(a)}</td>
              <td>${which === t.gantt.end ? this.writtenDate(a) : ''}</td>
              <td></td>
              <td>${precision(a)}</td>
              <td>${src(a.sources)}</td>
            </tr>`,
          );
        if (i.planned?.end)
          rows.push(
            html`<tr class="alt">
              <th scope="row">${localText(i.label, lang)} (${t.gantt.planned})</th>
              <td>${this.kindWord(i)}</td>
              <td>${g.short}</td>
              <td>${i.planned.start ? this.writtenDate(i.planned.start) : ''}</td>
              <td>${this.writtenDate(i.planned.end)}</td>
              <td></td>
              <td>${precision(i.planned.end)}</td>
              <td>${src(i.planned.end.sources)}</td>
            </tr>`,
          );
      }
    }
    return renderDataTable(
      localText(data.meta.title, lang),
      [
        t.gantt.item,
        t.gantt.kind,
        t.programme,
        t.gantt.start,
        t.gantt.end,
        t.gantt.duration,
        t.precision,
        t.sources,
      ],
      rows,
      count > limit ? t.gantt.moreRows(count - limit) : undefined,
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const sc = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (sc && sc.clientHeight && sc.clientHeight !== this.viewportH && this.geometry) {
      this.viewportH = sc.clientHeight;
      if (this.geometry.height > sc.clientHeight) this.requestUpdate();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-phase-gantt': ParsecPhaseGantt;
  }
}
