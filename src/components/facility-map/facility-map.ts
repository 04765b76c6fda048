import { paintCanvasOnce } from '../../util/canvas';
import { renderDataTableRows as renderDataTable } from '../../render/data-table';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topoJson from '../../../data/geo/mali.topo.json';
import { FocusGroupController } from '../../controllers/focus-group';
import { formatHedgedMoney, formatInteger, formatIsoDate, localText } from '../../i18n/format';
import {
  clampZoom,
  IDENTITY,
  kindSymbol,
  layoutBaseMap,
  layoutMarks,
  zoomAround,
  type BaseMap,
  type MapGeoData,
  type MapMarker,
  type MapZoom,
  type MarksLayout,
  type RingItem,
} from '../../layout/facility-map';
import { kindClass, renderBaseMap, renderMarks } from '../../render/facility-map';
import { sourcesText } from '../../render/source-note';
import type { Dataset, Facility, Place } from '../../schema/dataset';
import { isKnownDate } from '../../schema/dates';
import type { Source } from '../../schema/sources';
import {
  FACILITY_KINDS,
  regionId,
  selectFacilityPoints,
  type FacilityItem,
  type FacilityPointsView,
  type PlaceGroup,
} from '../../select/facility-points';
import { memoizeLast } from '../../util/memo';
import { defineOnce } from '../base/define';
import { ParsecElement, sourcesById } from '../base/parsec-element';
import { facilityMapStyles } from './facility-map.styles';

let geoData: MapGeoData | undefined;
/** Mali's regions and neighbours (Natural Earth, see docs/geo-data.md), decoded once per page. */
function mapGeo(): MapGeoData {
  if (!geoData) {
    const topo = topoJson as unknown as Topology<{
      regions: GeometryCollection;
      countries: GeometryCollection;
    }>;
    geoData = {
      regions: feature(topo, topo.objects.regions) as unknown as MapGeoData['regions'],
      countries: feature(topo, topo.objects.countries) as unknown as MapGeoData['countries'],
    };
  }
  return geoData;
}

/** Rows of the data table at most (a 10,000-point map lists its first rows, west to east, and says so). */
const TABLE_ROWS = 500;

const monthIndex = (iso: string) =>
  Number(iso.slice(0, 4)) * 12 + (iso.length >= 7 ? Number(iso.slice(5, 7)) - 1 : 0);
const monthIso = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

/**
 * Facilities and deliveries on an offline vector map of the Mopti region (or of Mali), from Natural Earth
 * boundaries shipped in the package. Symbols by kind (distinct shapes), counts, clusters that open into a ring,
 * approximate places with a halo, region-only items at the region's centre with the region outlined, labels that
 * never overlap, an inset locator, a scale bar, zoom and pan (buttons, keyboard, Ctrl/⌘ + wheel, drag) and a
 * time filter. Never finer than the town: no compound's position is implied.
 *
 * @summary Facilities and deliveries on a map of the Mopti region.
 * @customElement parsec-facility-map
 * @fires parsec-select - A marker or item was chosen (click, tap, Enter, Space). `detail.places`: place ids.
 * @fires parsec-hover - The pointer or focus entered a marker (`detail`) or left the map (`null`).
 * @fires parsec-data-error - The dataset could not be loaded or is invalid; `detail.issues` lists each problem.
 * @csspart base - The wrapper of everything.
 * @csspart svg - The map's marker layer.
 * @csspart mark - A marker or an item of an open cluster.
 * @csspart label - A place or item label.
 * @csspart legend - The legend under the map.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart source - The source line.
 * @csspart error - The error message.
 * @cssprop --parsec-color-1 - Colour of infrastructure (then equipment, training, border, unit up to `--parsec-color-5`).
 * @cssprop --parsec-map-land - Fill of Mali's regions.
 * @cssprop --parsec-map-water - Background around the land.
 */
@defineOnce('parsec-facility-map')
export class ParsecFacilityMap extends ParsecElement<FacilityPointsView> {
  /** Map styles. */
  static override styles = [...ParsecElement.styles, facilityMapStyles];
  protected readonly widget = 'parsec-facility-map';

  /** The view: a region id of `data/geo` (`mopti`, the default) or `mali` for the whole country. */
  @property({ reflect: true }) region = 'mopti';

  /** ISO date (`2019-01-01`): show only what existed or had been delivered by then; undated items stay, marked. */
  @property({ reflect: true }) date?: string;

  /** Hides the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Current zoom and pan (`k`, `x`, `y`); reset with `resetZoom()`. */
  @state() zoom: MapZoom = IDENTITY;
  @state() private expanded: string | null = null;
  @state() private wheelHint = false;

  /** Counts layout computations (a hover or a focus change must not add to it). */
  get layoutCount(): number {
    return this.marksLayout.calls + this.baseLayout.calls;
  }

  private readonly select = memoizeLast((data: Dataset, date: string | undefined) =>
    selectFacilityPoints(data, { atDate: date || undefined }),
  );
  private readonly baseLayout = memoizeLast((width: number, height: number, region: string) =>
    layoutBaseMap(mapGeo(), width, height, region),
  );
  private readonly marksLayout = memoizeLast(
    (base: BaseMap, view: FacilityPointsView, zoom: MapZoom, expanded: string | null, lang: string) =>
      layoutMarks(base, view, {
        zoom,
        expanded,
        groupLabel: (g) => this.groupName(g, lang),
        itemLabel: (i) => localText(i.facility.label, lang),
        placeLabel: (p) => localText(p.name, lang),
        regionLabel: (id, name) => (id === base.focus ? null : name),
        countryLabel: (id, name) => (id === 'mli' ? null : name),
        fontSize: 12,
      }),
  );

  private base?: BaseMap;
  private marks?: MarksLayout;
  private highlight: string | undefined;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly roving = new FocusGroupController(this, {
    keys: () => this.focusKeys(),
    navigate: (key, e) => this.navigate(key, e),
    onActivate: (key) => this.activate(key),
    onFocus: (key) => this.onMarkFocus(key),
  });

  protected view(data: Dataset): FacilityPointsView {
    return this.select(data, this.date);
  }
  protected isEmpty(): boolean {
    return false;
  }
  protected chartHeight(width: number): number {
    if (this.region === 'mali') return Math.round(Math.max(260, Math.min(680, width * 0.9)));
    return Math.round(Math.max(260, Math.min(600, width < 560 ? width * 0.9 : width * 0.62)));
  }
  protected viewSources(view: FacilityPointsView, data: Dataset): Source[] {
    const index = sourcesById(data);
    const ids = new Set<string>();
    for (const g of view.groups) for (const i of g.items) i.facility.sources.forEach((s) => ids.add(s));
    return [...ids].map((id) => index.get(id)).filter((s): s is Source => !!s);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('region')) this.zoom = IDENTITY;
    const s = this.loader.state;
    if (s.status !== 'ready') {
      this.base = this.marks = undefined;
      return;
    }
    const w = this.width;
    const h = this.chartHeight(w);
    this.base = this.baseLayout(w, h, this.region || 'mopti');
    const zoom = clampZoom(this.zoom, w, h);
    if (zoom.k !== this.zoom.k || zoom.x !== this.zoom.x || zoom.y !== this.zoom.y) this.zoom = zoom;
    this.marks = this.marksLayout(this.base, this.view(s.data), this.zoom, this.expanded, this.locale.lang);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.hintTimer);
  }

  // ——— text ———

  private groupName(g: PlaceGroup, lang: string): string {
    const name = localText(g.place.name, lang);
    if (g.anchor.type === 'region') {
      const region = this.base?.regions.find((r) => r.id === (g.anchor as { region: string }).region);
      return this.locale.t.map.regionName(region?.name ?? g.place.admin1);
    }
    return name;
  }

  /** The place of a facility as precisely as it is known: the town, or only the region. */
  private placeName(f: Facility, place: Place | undefined): string {
    if (!place) return f.place;
    if (f.placePrecision !== 'region') return localText(place.name, this.locale.lang);
    const region = this.base?.regions.find((r) => r.id === regionId(place.admin1));
    return this.locale.t.map.regionName(region?.name ?? place.admin1);
  }

  private precisionText(f: Facility): string {
    const m = this.locale.t.map;
    return f.placePrecision === 'approx'
      ? m.approxLocation
      : f.placePrecision === 'region'
        ? m.regionOnly
        : m.townPrecision;
  }

  private countText(i: FacilityItem): string {
    const q = i.facility.quantity;
    if (!q) return this.locale.t.notStated;
    const n = formatInteger(q.value, this.locale.lang);
    return q.precision === 'approx' ? `${this.locale.t.about} ${n}` : n;
  }

  private dateText(f: Facility): string {
    const lang = this.locale.lang;
    if (!isKnownDate(f.date)) return this.locale.t.map.dateUnknown;
    const d = formatIsoDate(f.date.value, lang);
    return f.date.precision === 'exact'
      ? d
      : `${d} — ${f.date.precision === 'approx' ? this.locale.t.approx : this.locale.t.derived}`;
  }

  private itemSpoken(i: FacilityItem): string {
    const t = this.locale.t;
    const f = i.facility;
    const parts = [
      `${t.map.kinds[i.kind]}: ${localText(f.label, this.locale.lang)}`,
      `${t.map.quantity}: ${this.countText(i)}`,
      this.dateText(f),
      t.map.statuses[f.status],
      this.precisionText(f),
    ];
    return parts.join(', ');
  }

  private markerLabel(m: MapMarker): string {
    const t = this.locale.t.map;
    const name = this.groupName(m.group, this.locale.lang);
    if (m.group.items.length === 1) return `${name}: ${this.itemSpoken(m.group.items[0]!)}`;
    const kinds = FACILITY_KINDS.filter((k) => m.group.items.some((i) => i.kind === k)).map(
      (k) => t.kinds[k],
    );
    const where = m.region ? t.regionOnly : m.group.approx ? t.approxLocation : t.townPrecision;
    return `${name}: ${t.items(m.group.items.length)} (${kinds.join(', ')}), ${where}`;
  }

  // ——— keyboard and pointer ———

  private focusKeys(): string[] {
    const m = this.marks;
    if (!m) return [];
    const labelled = m.canvas ? new Set(m.labels.map((l) => l.key)) : null;
    const keys: string[] = [];
    for (const mk of m.markers) {
      if (!mk.visible || (labelled && !labelled.has(mk.key))) continue;
      keys.push(mk.key);
      for (const r of mk.ring) keys.push(r.key);
    }
    return keys;
  }

  private markerByKey(key: string): MapMarker | undefined {
    return this.marks?.markers.find((m) => m.key === key);
  }
  private ringItem(key: string): { marker: MapMarker; item: RingItem } | undefined {
    for (const m of this.marks?.markers ?? []) {
      const item = m.ring.find((r) => r.key === key);
      if (item) return { marker: m, item };
    }
    return undefined;
  }

  private navigate(key: string, e: KeyboardEvent): string | null | undefined {
    if (e.shiftKey && e.key.startsWith('Arrow')) return null; // pan, handled by the chart
    if (e.key === 'Escape' && this.expanded) {
      const owner = this.ringItem(key)?.marker.key ?? this.expanded;
      e.preventDefault();
      this.expanded = null;
      return owner;
    }
    return undefined;
  }

  private activate(key: string) {
    const m = this.markerByKey(key);
    if (m && m.group.items.length > 1 && !this.marks?.canvas) {
      this.expanded = this.expanded === key ? null : key;
      this.emitSelect(this.groupDetail(m));
      if (this.expanded) {
        const first = `i:${m.group.items[0]!.id}`;
        this.updateComplete.then(() => this.roving.focus(first));
      }
      return;
    }
    if (m) this.emitSelect(this.groupDetail(m));
    const r = this.ringItem(key);
    if (r) this.emitSelect(this.itemDetail(r.item.item, r.marker));
  }

  private onMarkFocus(key: string) {
    this.highlight = key;
    const el = this.renderRoot.querySelector(`[data-key="${CSS.escape(key)}"]`);
    const m = this.markerByKey(key);
    const r = this.ringItem(key);
    if (el && !this.noTooltip) {
      if (m) this.tooltip.showAtElement(key, this.groupTooltip(m), el);
      else if (r) this.tooltip.showAtElement(key, this.itemTooltip(r.item.item), el);
    }
    if (m) this.emitHover(this.groupDetail(m));
    else if (r) this.emitHover(this.itemDetail(r.item.item, r.marker));
  }

  private onChartFocusIn(e: FocusEvent) {
    const key = this.markKey(e);
    if (key) this.roving.focused(key);
  }

  private onChartKeydown(e: KeyboardEvent) {
    const key = this.markKey(e);
    if (key) this.roving.keydown(e, key);
    if (e.defaultPrevented) return;
    const w = this.marks?.width ?? this.width;
    const h = this.marks?.height ?? 0;
    const step = 60;
    let z: MapZoom | null = null;
    if (e.key === '+' || e.key === '=') z = zoomAround(this.zoom, 2, w / 2, h / 2, w, h);
    else if (e.key === '-' || e.key === '_') z = zoomAround(this.zoom, 0.5, w / 2, h / 2, w, h);
    else if (e.key === '0') z = IDENTITY;
    else if (e.shiftKey && e.key.startsWith('Arrow')) {
      const dx = e.key === 'ArrowLeft' ? step : e.key === 'ArrowRight' ? -step : 0;
      const dy = e.key === 'ArrowUp' ? step : e.key === 'ArrowDown' ? -step : 0;
      z = clampZoom({ ...this.zoom, x: this.zoom.x + dx, y: this.zoom.y + dy }, w, h);
    }
    if (z) {
      e.preventDefault();
      this.setZoom(z);
    }
  }

  /** Sets the zoom (clamped). */
  setZoom(z: MapZoom): void {
    const w = this.marks?.width ?? this.width;
    const h = this.marks?.height ?? this.chartHeight(w);
    this.tooltip.hide();
    this.zoom = clampZoom(z, w, h);
  }
  /** Zooms in (factor > 1) or out around the centre. */
  zoomBy(factor: number): void {
    const w = this.marks?.width ?? this.width;
    const h = this.marks?.height ?? this.chartHeight(w);
    this.setZoom(zoomAround(this.zoom, factor, w / 2, h / 2, w, h));
  }
  /** Back to the whole region. */
  resetZoom(): void {
    this.setZoom(IDENTITY);
  }

  private onWheel(e: WheelEvent) {
    if (!(e.ctrlKey || e.metaKey)) {
      // never hijack the page's scroll: say how to zoom, briefly
      this.wheelHint = true;
      clearTimeout(this.hintTimer);
      this.hintTimer = setTimeout(() => (this.wheelHint = false), 1500);
      return;
    }
    e.preventDefault();
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const w = this.marks?.width ?? this.width;
    const h = this.marks?.height ?? 0;
    this.setZoom(
      zoomAround(this.zoom, e.deltaY < 0 ? 1.25 : 0.8, e.clientX - box.left, e.clientY - box.top, w, h),
    );
  }

  private pointers = new Map<number, { x: number; y: number }>();
  private dragged = false;
  private onPointerDown(e: PointerEvent) {
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this.dragged = false;
  }
  private onPointerUp(e: PointerEvent) {
    this.pointers.delete(e.pointerId);
  }
  private onPointerMove(e: PointerEvent) {
    const prev = this.pointers.get(e.pointerId);
    if (prev && (e.pointerType !== 'mouse' || e.buttons === 1)) {
      const w = this.marks?.width ?? this.width;
      const h = this.marks?.height ?? 0;
      if (this.pointers.size === 2) {
        // pinch: the distance between the two pointers scales the zoom around their midpoint
        const [a, b] = [...this.pointers.entries()];
        const other = a![0] === e.pointerId ? b![1] : a![1];
        const before = Math.hypot(prev.x - other.x, prev.y - other.y);
        const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
        const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
        if (before > 10)
          this.setZoom(
            zoomAround(
              this.zoom,
              after / before,
              (e.clientX + other.x) / 2 - box.left,
              (e.clientY + other.y) / 2 - box.top,
              w,
              h,
            ),
          );
      } else if (this.zoom.k > 1) {
        const dx = e.clientX - prev.x;
        const dy = e.clientY - prev.y;
        if (Math.abs(dx) + Math.abs(dy) > 2) {
          this.dragged = true;
          this.setZoom({ ...this.zoom, x: this.zoom.x + dx, y: this.zoom.y + dy });
        }
      }
      this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      return;
    }
    this.onHover(e);
  }

  private hitCanvas(e: PointerEvent | MouseEvent): MapMarker | undefined {
    const el = this.renderRoot.querySelector('svg.marks');
    if (!el || !this.marks) return undefined;
    const r = el.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    let best: MapMarker | undefined;
    let bd = 8;
    for (const m of this.marks.markers) {
      const d = Math.hypot(m.x - x, m.y - y);
      if (d < bd) {
        bd = d;
        best = m;
      }
    }
    return best;
  }

  private onHover(e: PointerEvent) {
    if (this.noTooltip && e.type !== 'pointerleave') return;
    const key = this.markKey(e);
    let m = key ? this.markerByKey(key) : undefined;
    const r = key ? this.ringItem(key) : undefined;
    if (!m && !r && this.marks?.canvas && e.type !== 'pointerleave') m = this.hitCanvas(e);
    if (e.type === 'pointerleave' || (!m && !r)) {
      if (this.highlight) {
        this.highlight = undefined;
        this.requestUpdate();
      }
      this.tooltip.hide();
      this.emitHover(null);
      return;
    }
    const k = m?.key ?? r!.item.key;
    if (this.highlight !== k) {
      this.highlight = k;
      this.requestUpdate();
    }
    if (!this.noTooltip)
      this.tooltip.showAtPointer(k, m ? this.groupTooltip(m) : this.itemTooltip(r!.item.item), e);
    this.emitHover(m ? this.groupDetail(m) : this.itemDetail(r!.item.item, r!.marker));
  }

  private onClick(e: MouseEvent) {
    if (this.dragged) {
      this.dragged = false;
      return;
    }
    let key = this.markKey(e);
    if (!key && this.marks?.canvas) key = this.hitCanvas(e)?.key;
    if (!key) return;
    this.roving.active = key;
    this.activate(key);
  }

  // ——— events ———

  private sourcesOf(ids: Iterable<string>): Source[] {
    const data = (this.loader.state as { data: Dataset }).data;
    const index = sourcesById(data);
    return [...new Set(ids)].map((id) => index.get(id)).filter((s): s is Source => !!s);
  }

  private groupDetail(m: MapMarker) {
    if (m.group.items.length === 1) return this.itemDetail(m.group.items[0]!, m);
    return {
      id: m.group.key,
      kind: m.region ? 'region' : 'place',
      label: this.groupName(m.group, this.locale.lang),
      places: m.group.places,
      sources: this.sourcesOf(m.group.items.flatMap((i) => i.facility.sources)),
      datum: m.group,
    };
  }

  private itemDetail(i: FacilityItem, m: MapMarker) {
    return {
      id: i.id,
      kind: 'facility',
      label: localText(i.facility.label, this.locale.lang),
      places: m.group.places,
      programme: i.facility.programme,
      sources: this.sourcesOf(i.facility.sources),
      datum: i.facility,
    };
  }

  // ——— tooltip ———

  private itemTooltip(i: FacilityItem): TemplateResult {
    const t = this.locale.t;
    const lang = this.locale.lang;
    const f = i.facility;
    const data = (this.loader.state as { data: Dataset }).data;
    const places = new Map(data.places.map((p) => [p.id, p]));
    const programme = data.programmes.find((p) => p.id === f.programme);
    const handover = f.handoverPlace ? places.get(f.handoverPlace) : undefined;
    return html`<h3>${localText(f.label, lang)}</h3>
      <p>${t.map.kinds[i.kind]} · ${t.map.quantity}: ${this.countText(i)}</p>
      ${f.beneficiary ? html`<p>${t.map.forWhom}: ${localText(f.beneficiary, lang)}</p>` : nothing}
      <p>${t.map.when}: ${this.dateText(f)} · ${t.map.statuses[f.status]}</p>
      ${f.amount && 'amount' in f.amount ? html`<p>${t.amount}: ${formatHedgedMoney(f.amount, f.amount.currency, lang).short}</p>` : nothing}
      <p>${t.programme}: ${programme?.short ?? f.programme}</p>
      <p>
        ${t.map.location}: ${this.placeName(f, places.get(f.place))} —
        ${this.precisionText(f)}${f.placeNote ? html`. ${localText(f.placeNote, lang)}` : nothing}
      </p>
      ${handover ? html`<p>${t.map.handover}: ${localText(handover.name, lang)}</p>` : nothing}
      <p class="tip-sources">${t.sources}: ${sourcesText(this.sourcesOf(f.sources))}</p>`;
  }

  private groupTooltip(m: MapMarker): TemplateResult {
    if (m.group.items.length === 1) return this.itemTooltip(m.group.items[0]!);
    const t = this.locale.t.map;
    const lang = this.locale.lang;
    return html`<h3>${this.groupName(m.group, lang)} · ${t.items(m.group.items.length)}</h3>
      <ul>
        ${m.group.items.map(
          (i) =>
            html`<li>
              ${t.kinds[i.kind]}:
              ${localText(i.facility.label, lang)}${i.count !== null && i.count > 1 ? ` (×${i.count})` : ''}
            </li>`,
        )}
      </ul>
      <p>${m.region ? t.regionOnly : m.group.approx ? t.approxLocation : t.townPrecision}</p>`;
  }

  // ——— rendering ———

  private dateRange(data: Dataset): [number, number] {
    let lo = monthIndex(data.meta.asOf);
    for (const f of data.facilities) if (isKnownDate(f.date)) lo = Math.min(lo, monthIndex(f.date.value));
    return [lo, monthIndex(data.meta.asOf)];
  }

  private onDateInput(e: Event, max: number) {
    const v = Number((e.target as HTMLInputElement).value);
    this.expanded = null;
    this.date = v >= max ? undefined : monthIso(v);
  }

  protected renderChart(view: FacilityPointsView, data: Dataset): TemplateResult {
    const t = this.locale.t;
    const lang = this.locale.lang;
    const base = this.base!;
    const marks = this.marks!;
    const places = new Set(view.groups.flatMap((g) => g.places)).size;
    const regionName = base.regions.find((r) => r.id === base.focus)?.name ?? base.focus;
    const summary = t.map.summary(
      view.itemCount,
      places,
      t.map.viewName(base.focus === 'mali' ? 'mali' : regionName),
    );
    const [lo, hi] = this.dateRange(data);
    const value = this.date ? Math.min(hi, monthIndex(this.date)) : hi;
    const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
    return html`
      <div class="toolbar">
        <div class="date-filter">
          <label for="date">${t.map.dateFilter}</label>
          <input
            id="date"
            type="range"
            min=${lo}
            max=${hi}
            step="1"
            .value=${String(value)}
            aria-valuetext=${this.date ? formatIsoDate(this.date, lang) : `${t.map.allDates} (${formatIsoDate(data.meta.asOf, lang)})`}
            @input=${(e: Event) => this.onDateInput(e, hi)}
          />
          <output for="date" aria-live="polite"
            >${this.date ? formatIsoDate(this.date, lang) : t.map.allDates}${view.later ? ` · ${t.map.later(view.later)}` : ''}</output
          >
        </div>
        <div class="zoom-buttons" role="group" aria-label=${t.map.zoomControls}>
          <button
            type="button"
            class="zoom-in"
            aria-label=${t.map.zoomIn}
            title=${t.map.zoomIn}
            @click=${() => this.zoomBy(2)}
          >
            +
          </button>
          <button
            type="button"
            class="zoom-out"
            aria-label=${t.map.zoomOut}
            title=${t.map.zoomOut}
            @click=${() => this.zoomBy(0.5)}
          >
            −
          </button>
          <button type="button" class="zoom-reset" @click=${() => this.resetZoom()}>${t.map.reset}</button>
        </div>
      </div>
      <div
        class="chart ${this.zoom.k > 1 ? 'zoomed' : ''}"
        @pointermove=${this.onPointerMove}
        @pointerdown=${this.onPointerDown}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @pointerleave=${(e: PointerEvent) => {
          this.pointers.delete(e.pointerId);
          this.onHover(e);
        }}
        @wheel=${this.onWheel}
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
        ${renderBaseMap(base, marks)}
        ${marks.canvas ? html`<canvas width=${marks.width} height=${marks.height} aria-hidden="true"></canvas>` : nothing}
        ${renderMarks(base, marks, {
          label: summary,
          listLabel: t.map.listLabel,
          markerLabel: (m) => this.markerLabel(m),
          placeLabel: (m) => this.groupName(m.group, lang),
          itemLabel: (r) => this.itemSpoken(r.item),
          ringLabel: (m) => t.map.ringLabel(this.groupName(m.group, lang)),
          tabIndex: (key) => this.roving.tabIndex(key),
          highlight: this.highlight,
          scaleText: `${formatInteger(marks.scaleBar.km, lang)} km`,
          attribution: t.map.attribution,
          svgMarkers: !marks.canvas,
          focusKeys: marks.canvas ? new Set(marks.labels.map((l) => l.key)) : undefined,
        })}
        <p class="wheel-hint ${this.wheelHint ? 'on' : ''}" aria-hidden=${this.wheelHint ? 'false' : 'true'}>
          ${mac ? t.map.wheelHintMac : t.map.wheelHint}
        </p>
      </div>
      ${this.noLegend ? nothing : this.renderLegend(view)}
    `;
  }

  private renderLegend(view: FacilityPointsView): TemplateResult {
    const t = this.locale.t.map;
    const kinds = FACILITY_KINDS.filter((k) => view.groups.some((g) => g.items.some((i) => i.kind === k)));
    const sym = (cls: string, d: string) =>
      html`<svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
        <path class=${cls} d=${d}></path>
      </svg>`;
    return html`<ul class="legend" part="legend" aria-label=${this.locale.t.legend}>
        ${kinds.map((k) => html`<li class=${kindClass(k)}>${sym('symbol', kindSymbol(k, 90))}${t.kinds[k]}</li>`)}
        <li class="c1">${sym('symbol undated', kindSymbol('infrastructure', 90))}${t.legendUndated}</li>
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
            <circle class="cluster" r="7"></circle>
          </svg>
          ${t.legendCluster}
        </li>
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
            <circle class="halo" r="7"></circle>
          </svg>
          ${t.legendApprox}
        </li>
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
            <rect class="region-outline" x="-7" y="-6" width="14" height="12"></rect>
          </svg>
          ${t.legendRegion}
        </li>
      </ul>
      <p class="note">${t.preReform} ${t.keysHint}.</p>`;
  }

  protected override renderTable(view: FacilityPointsView, data: Dataset): TemplateResult {
    const t = this.locale.t;
    const lang = this.locale.lang;
    const programmes = new Map(data.programmes.map((p) => [p.id, p]));
    const rows: TemplateResult[] = [];
    const groups = this.marks?.markers.map((m) => m.group) ?? view.groups;
    let left = TABLE_ROWS;
    for (const g of groups) {
      if (left <= 0) break;
      const items = g.items.slice(0, left);
      left -= items.length;
      items.forEach((i, n) => {
        const f = i.facility;
        rows.push(
          html`<tr>
            ${n === 0 ? html`<th scope="rowgroup" rowspan=${items.length}>${this.groupName(g, lang)}</th>` : nothing}
            <th scope="row">${localText(f.label, lang)}</th>
            <td>${t.map.kinds[i.kind]}</td>
            <td class="num">${this.countText(i)}</td>
            <td>${this.dateText(f)}</td>
            <td>${t.map.statuses[f.status]}</td>
            <td>${programmes.get(f.programme)?.short ?? f.programme}</td>
            <td>${this.precisionText(f)}</td>
            <td>${sourcesText(this.sourcesOf(f.sources))}</td>
          </tr>`,
        );
      });
    }
    return renderDataTable(
      `${t.map.label}${this.date ? ` — ${t.map.showing(formatIsoDate(this.date, lang))}` : ''}`,
      [
        t.map.place,
        t.map.facility,
        t.map.kind,
        t.map.quantity,
        t.map.when,
        t.map.status,
        t.programme,
        t.map.location,
        t.sources,
      ],
      rows,
      view.itemCount > TABLE_ROWS ? t.map.tableCut(TABLE_ROWS, view.itemCount) : undefined,
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.marks?.canvas) this.paintCanvas();
  }

  private readonly canvasMemo: { painted?: MarksLayout } = {};
  private paintCanvas() {
    const g = this.marks!;
    paintCanvasOnce(this, this.canvasMemo, g, g, (ctx, colour) => {
      const colours = [1, 2, 3, 4, 5].map((i) => colour(`--_cat-${i}`, '#1f5f8b'));
      for (const m of g.markers) {
        if (!m.visible) continue;
        const kind = m.group.items[0]!.kind;
        ctx.fillStyle = colours[FACILITY_KINDS.indexOf(kind)]!;
        ctx.fillRect(m.x - 2, m.y - 2, 4, 4);
      }
    });
  }

  /** Places the map shows, by id (for pages linking widgets). */
  placesShown(): Place[] {
    return this.marks?.markers.filter((m) => m.visible).map((m) => m.group.place) ?? [];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-facility-map': ParsecFacilityMap;
  }
}
