import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { decodeBody } from '../../controllers/dataset';
import { ZoomController } from '../../controllers/zoom';
import { ParsecDataErrorEvent } from '../../events/data-error';
import { loaderText } from '../../i18n/index';
import { MAP_RULES, DEFAULT_TIMEOUT_MS, parseTimeout } from '../../util/attributes';
import * as words from '../../describe/facility-map';
import type { MapDescription } from '../../describe/facility-map';
import type { DescribeContext, MarkWords, TableModel, TableRows } from '../../describe/types';
import type * as MapTable from '../../describe/facility-map-table';
import { clampZoom, findArea, hitMarker, IDENTITY, layoutBaseMap } from '../../layout/facility-map';
import {
  layoutMarks,
  namedGroups,
  panTo,
  prepareMarks,
  reachable,
  widest,
  zoomAnchor,
  zoomAround,
} from '../../layout/facility-map';
import type { BaseMap, MapGeoData, MapMarker, MapTexts } from '../../layout/facility-map';
import type { MapZoom, MarksLayout, OffView } from '../../layout/facility-map';
import type { Measure } from '../../layout/text-fit';
import {
  endPreview,
  paintMarkers,
  previewZoom,
  renderBaseMap,
  renderDateFilter,
  renderMarks,
} from '../../render/facility-map';
import type { LinkState } from '../../render/facility-map';
import { renderLegend } from '../../render/legend';
import { renderZoomToolbar } from '../../render/zoom-toolbar';
import type { Dataset, Place } from '../../schema/dataset';
import type { Source } from '../../schema/sources';
import {
  dateRange,
  fitTargets,
  monthIndex,
  monthKey,
  sameFitTargets,
  selectFacilityPoints,
  selectFacilityPointsInSlices,
} from '../../select/facility-points';
import type { FacilityPointsView } from '../../select/facility-points';
import { sourcesById, sourcesOfLists } from '../../select/sources';
import { paintCanvasOnce } from '../../util/canvas';
import { idleAfterPaint, nextTask } from '../../util/idle';
import { memoizeLast } from '../../util/memo';
import { defineOnce } from '../base/define';
import { ParsecElement } from '../base/parsec-element';
import type { Section } from '../../schema/sections';
import { checkFacilities } from '../../schema/checks/facilities';
import { checkPlaces } from '../../schema/checks/places';
import { checkProgrammes } from '../../schema/checks/programmes';
import { checkVocabulary } from '../../schema/checks/vocabulary';
import type { SectionChecks } from '../../schema/fast';
import { facilityMapStyles } from './facility-map.styles';
import type { GeoSourceController, GeoSourceState } from './geo-source';
import { loadMapGeo, mapGeo } from './map-geo';
import { geometryFor, inBundledBox, loadWorldGeo, worldGeo, type WorldResolution } from './world-geo';

/**
 * From this many markers a new zoom or pan is shown at once as a transform of what is drawn, and the markers are laid
 * out at it in the tasks after that frame (a key press answers within a frame at 250,000 items).
 */
const PREVIEW_FROM = 5_000;

/** Resolves in a task after the next frame (that frame shows what was asked for before). */
const afterFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** No geometry: the places stand on a graticule (the world's outlines could not be loaded). */
const NO_GEO: MapGeoData = {
  regions: { type: 'FeatureCollection', features: [] },
  countries: { type: 'FeatureCollection', features: [] },
  box: { lon: [1, 0], lat: [1, 0] },
};

/**
 * Facilities and deliveries on a vector map fitted to the data's places: the detailed regions bundled with the
 * package where the places lie inside them, Natural Earth's country outlines (world-atlas, loaded only then) anywhere
 * else, or a geometry the page gives (`geo`, `geo-src`). Symbols by kind (distinct shapes), counts, clusters that
 * open into a list, approximate places with a halo, region-only items at the region's centre with the region
 * outlined, labels that never overlap, an inset locator, a scale bar, what lies beyond the view counted at its edges,
 * zoom and pan (buttons, keyboard, Ctrl/⌘ + wheel, pinch, drag) and a time filter. Never finer than the town: no
 * compound's position is implied.
 *
 * @example
 * ```html
 * <script type="module">import 'parsec-widgets/facility-map';</script>
 * <!-- fitted to the Mopti region, as things stood on 1 January 2019 -->
 * <parsec-facility-map region="mopti" date="2019-01-01"></parsec-facility-map>
 * ```
 * ```ts
 * import 'parsec-widgets/facility-map';
 *
 * const map = document.querySelector('parsec-facility-map')!;
 * map.addEventListener('parsec-select', (e) => console.log(e.detail.places, e.detail.label));
 * ```
 *
 * @summary Facilities and deliveries on a map fitted to the data's places.
 * @customElement parsec-facility-map
 * @fires parsec-select - A marker or item was chosen (click, tap, Enter, Space). `detail.places`: place ids.
 * @fires parsec-hover - The pointer or focus entered a marker (`detail`) or left the map (`null`).
 * @fires parsec-data-error - The dataset or the page's geometry (`geo`, `geo-src`) could not be loaded or is invalid; `detail.issues` lists each problem.
 * @csspart base - The wrapper of everything.
 * @csspart svg - The map's marker layer.
 * @csspart mark - A marker or an item of an open cluster.
 * @csspart label - A place or item label.
 * @csspart zoom - The zoom buttons.
 * @csspart legend - The legend under the map.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart source - The source line.
 * @csspart error - The error message.
 * @cssprop --parsec-color-1 - Colour of infrastructure (then equipment, training, border, unit up to `--parsec-color-5`).
 * @cssprop --parsec-map-land - Fill of the land the map is about (regions, the countries of the places).
 * @cssprop --parsec-map-water - Background around the land.
 */
@defineOnce('parsec-facility-map')
export class ParsecFacilityMap extends ParsecElement<FacilityPointsView, typeof MapTable> {
  /** Map styles. */
  static override styles = [...ParsecElement.styles, facilityMapStyles];
  /**
   * The sections it reads: the facilities, their places and programmes, the rates of their amounts, the declared
   * kinds and statuses. A problem elsewhere does not block it.
   */
  static override sections: readonly Section[] = [
    'facilities',
    'places',
    'programmes',
    'rates',
    'vocabulary',
  ];
  /** The checks of those sections generated from the schema (the others are not in this widget's entry). */
  static readonly checks: SectionChecks = {
    facilities: checkFacilities,
    places: checkPlaces,
    programmes: checkProgrammes,
    vocabulary: checkVocabulary,
  };
  protected readonly widget = 'parsec-facility-map';
  /**
   * The chart's share of the box is measured in the update that first puts the chart in (BoxController), before its
   * base map and markers are drawn: they are drawn once, at their height, in the next update, before the frame — not
   * at a default height first and again a frame later (and again at each new dataset).
   */
  protected readonly fillAtOnce = true;
  /** The chart is not in the page yet: this update draws what is around it, for its share to be measured. */
  private sizing = false;
  protected static override attributeRules = MAP_RULES;

  /**
   * The view: by default the map is fitted to the data's places; the id or name of an area of the geometry — a region
   * (`mopti`) or a country (`mali`) — fits it to that area instead (places beyond it are counted at the edges).
   */
  @property({ reflect: true }) region = '';

  /**
   * A geometry of the page's own to draw the places on, instead of the bundled one and the world's outlines: a
   * TopoJSON `Topology` or a GeoJSON `FeatureCollection` of Polygon/MultiPolygon features in longitude/latitude.
   * `properties.name` (a string or `{ "fr": …, "en": … }`) is written on the map; `properties.id` (else the feature's
   * `id`) matches `region` and the places' `admin1`; `properties.level` 0 marks a country (context), others are
   * regions (the map's subject). Optional root members: `note` (by language) and `attribution` (the credit). See
   * docs/map.md. An invalid geometry shows the error state with what was expected.
   */
  @property({ attribute: false }) geo?: GeoJSON.FeatureCollection | TopoJSON.Topology | object;

  /**
   * URL of the page's geometry (see `geo`), fetched like `src`: within `timeout`, aborted when the element is
   * removed; an HTTP error, a file that is not JSON or not a geometry shows the error state.
   */
  @property({ attribute: 'geo-src', reflect: true }) geoSrc?: string;

  /** ISO date (`2019-01-01`): show only what existed or had been delivered by then; undated items stay, marked. */
  @property({ reflect: true }) date?: string;

  /** Hides the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Current zoom and pan (`k`, `x`, `y`); reset with `resetZoom()`. */
  @state() zoom: MapZoom = IDENTITY;
  @state() private expanded: string | null = null;
  /** An edge marker pointed beyond the asked region: the view is fitted to the data's places instead. */
  @state() private widened = false;

  /** Counts layout computations (a hover or a focus change must not add to it). */
  get layoutCount(): number {
    return this.marksLayout.calls + this.baseLayout.calls + this.sizingLayout.calls;
  }

  private readonly select = memoizeLast(
    (data: Dataset, date: string | undefined) =>
      this.sliced.get(data)?.get(date || '') ?? selectFacilityPoints(data, { atDate: date || undefined }),
  );
  /** Views of a large dataset selected in slices by the prepare steps, by date (`''`: every date). */
  private readonly sliced = new WeakMap<Dataset, Map<string, FacilityPointsView>>();
  /** Selects a large dataset's view at a date in slices of its own tasks, for {@link select} to find. */
  private async selectInSlices(data: Dataset, date: string | undefined): Promise<void> {
    const key = date || '';
    let byDate = this.sliced.get(data);
    if (byDate?.has(key)) return;
    const view = await selectFacilityPointsInSlices(data, { atDate: key || undefined }, nextTask);
    if (!byDate) this.sliced.set(data, (byDate = new Map()));
    byDate.set(key, view);
  }
  /** Every item whatever the date: the fit does not move with the slider. */
  private readonly all = memoizeLast((data: Dataset) => {
    const fit = fitTargets(this.select(data, undefined));
    // the same places as before (the page set its data again): the same fit, so the base map is not made again
    if (this.lastFit && sameFitTargets(fit, this.lastFit)) return this.lastFit;
    return (this.lastFit = fit);
  });
  private lastFit?: ReturnType<typeof fitTargets>;
  /**
   * The base map; without `outlines`, that of the update that measures the chart's share (see {@link sizing}): its
   * projection, regions' centres and inset for the markers' layout, no outline (never drawn: the map drawn next is at
   * the share's height).
   */
  private readonly baseLayout = memoizeLast(
    (
      geo: MapGeoData,
      width: number,
      height: number,
      region: string,
      fit: ReturnType<typeof fitTargets>,
      outlines: boolean,
    ) => layoutBaseMap(geo, width, height, region ? region : fit, outlines),
  );
  /** The page's geometry (`geo`, `geo-src`), when it gives one. */
  /** The page's geometry (`geo`, `geo-src`): its controller comes in its own chunk, made once a page gives one. */
  private pageGeo?: GeoSourceController;
  private pageGeoLoad?: Promise<void>;
  /** Where the page's geometry stands (`loading` while its controller's chunk arrives). */
  private get page(): GeoSourceState {
    if (this.pageGeo) return this.pageGeo.state;
    return this.geo != null || this.geoSrc ? { status: 'loading', origin: 'geo' } : { status: 'none' };
  }
  /** The world's outlines that could not be loaded: the places stand on a graticule. */
  private worldFailed = new Set<WorldResolution>();
  /** The words that do not depend on zoom: labels for the layout, the marks' words, the summary. */
  private readonly describe = memoizeLast(
    (view: FacilityPointsView, base: BaseMap, data: Dataset, lang: string) =>
      words.describeMap(view, base, data, { ...this.describeContext(data), lang }),
  );
  private readonly marksLayout = memoizeLast(
    (
      base: BaseMap,
      view: FacilityPointsView,
      zoom: MapZoom,
      expanded: string | null,
      texts: MapTexts,
      measure: Measure,
    ) => layoutMarks(base, view, { zoom, expanded, texts, measure, fontSize: 12 }),
  );
  /**
   * The layout the update that measures the chart's share makes (see {@link sizing}): the markers in view and beyond
   * it, for the legend and notes measured with the chart's share; no label, no word of a marker (never drawn).
   */
  private readonly sizingLayout = memoizeLast(
    (base: BaseMap, view: FacilityPointsView, zoom: MapZoom, expanded: string | null, measure: Measure) =>
      layoutMarks(base, view, { zoom, expanded, measure, fontSize: 12 }),
  );
  /** The legend and the notes of what is drawn in the view. */
  private readonly extras = memoizeLast(
    (view: FacilityPointsView, geo: MarksLayout, base: BaseMap, data: Dataset, lang: string) => ({
      legend: words.mapLegend(geo, { ...this.describeContext(data), lang }),
      notes: words.mapNotes(view, geo, base, { ...this.describeContext(data), lang }),
    }),
  );
  private readonly range = memoizeLast(dateRange);
  /** Which geometry the places need, once per dataset (every render asks: 250,000 places are not checked each time). */
  private readonly geometryNeeded = memoizeLast(geometryFor);
  /** The widest text of the date filter's output, measured: its width is kept whatever the date. */
  private readonly outputWidth = memoizeLast((data: Dataset, _lang: string, font: Measure) =>
    widest(words.dateFilterSamples(this.range(data), data, this.describeContext(data)), font, 13, 600),
  );
  /** Changes when the canvas must be painted again: a new layout or a new shared selection. */
  private readonly paintKey = memoizeLast((geo: MarksLayout, linked: unknown) => ({ geo, linked }));

  private base?: BaseMap;
  private layout?: MarksLayout;
  private text?: MapDescription;

  private readonly marks = this.useMarks({
    keys: () => this.focusKeys(),
    words: (key) => this.wordsOf(key),
    // canvas markers have no element: the pure hit test of the layout finds them (SVG markers are found by the DOM)
    hit: (x, y) => (this.layout?.canvas ? hitMarker(this.layout, x, y) : undefined),
    navigate: (key, e) => this.navigate(key, e),
    activate: (key) => this.activate(key),
  });

  private readonly zoomer = new ZoomController(this, {
    axes: 'xy',
    zoom: (factor, at) => {
      const [w, h] = this.box();
      this.setZoom(zoomAround(this.zoom, factor, at.x, at.y, w, h));
    },
    pan: (dx, dy) => this.setZoom({ ...this.zoom, x: this.zoom.x + dx, y: this.zoom.y + dy }),
    reset: () => this.resetZoom(),
    // the focused (or last focused) marker, else a marker at the centre of those in view (the map is drawn: the
    // buttons and keys that ask for an anchor exist only then)
    anchor: () => {
      const at = zoomAnchor(this.layout!, this.marks.highlight ?? this.marks.lastFocused);
      // the layout drawn is still at the zoom before (a large map lays out the new one after a frame): the point
      // where it is shown now
      const from = this.layout!.zoom;
      const to = this.zoom;
      if (from === to) return at;
      return {
        x: to.x + ((at.x - from.x) / from.k) * to.k,
        y: to.y + ((at.y - from.y) / from.k) * to.k,
      };
    },
  });

  /** A large map lays out a new zoom or size in the tasks after a frame ({@link settle}). */
  private settling = false;

  /**
   * The geometry the map draws on: the page's, else the bundled one when every place lies inside it, else the world's
   * outlines (at a resolution for the view); `undefined` while it loads.
   */
  /** Resolves once the base geometry is there (or cannot be: an error to show), or after `ms`. */
  private geometryArrived(ms: number): Promise<void> {
    const until = performance.now() + ms;
    return new Promise((resolve) => {
      const check = () =>
        this.baseGeo() || this.assetsError() || performance.now() > until ? resolve() : setTimeout(check, 20);
      check();
    });
  }

  private baseGeo(): MapGeoData | undefined {
    const page = this.page;
    if (page.status === 'ready') return page.geo;
    if (page.status !== 'none') return undefined;
    const s = this.loader.state;
    if (s.status !== 'ready') return undefined;
    const need = this.geometryNeeded(this.all(s.data).points);
    if (need === 'bundled') {
      if (!mapGeo()) void loadMapGeo().then(() => this.requestUpdate());
      return mapGeo();
    }
    if (this.worldFailed.has(need)) return NO_GEO;
    const world = worldGeo(need);
    if (!world)
      loadWorldGeo(need).then(
        () => this.requestUpdate(),
        () => {
          this.worldFailed.add(need);
          this.requestUpdate();
        },
      );
    return world;
  }

  /** The datasets whose places were looked at by {@link prefetchGeometry}. */
  private readonly hinted = new WeakSet<object>();
  /**
   * Starts loading the bundled geometry as soon as a dataset (given, or loaded: not yet checked) has places that all
   * lie in its box, so that its chunk comes while the data is checked, selected and described, and not after — a
   * page that gives its own geometry, or whose places lie beyond the bundled one, still never loads it. Only a hint:
   * which geometry is drawn is decided by {@link baseGeo} from the places the facilities are at.
   */
  private prefetchGeometry(data: unknown): void {
    if (mapGeo() || !data || typeof data !== 'object' || this.geo != null || this.geoSrc || !this.rendered)
      return;
    if (this.hinted.has(data)) return;
    this.hinted.add(data);
    const places = (data as { places?: unknown }).places;
    if (!Array.isArray(places) || !places.length) return;
    for (const p of places as { lon?: unknown; lat?: unknown }[]) {
      if (!p || typeof p.lon !== 'number' || typeof p.lat !== 'number' || !inBundledBox([p.lon, p.lat]))
        return;
    }
    void loadMapGeo().then(() => this.requestUpdate());
  }

  /** The base map arrives from its own chunk (or the page's URL): loading until then. */
  protected override assetsReady(): boolean {
    return this.page.status === 'error' || !!this.baseGeo();
  }

  /** The page's geometry could not be used: its problems, shown as the error state. */
  protected override assetsError(): { path: string; message: string }[] | null {
    const page = this.page;
    return page.status === 'error' ? page.detail.issues : null;
  }

  protected view(data: Dataset): FacilityPointsView {
    return this.select(data, this.date);
  }
  /** Nothing can be placed (no facility, or none at a known place), whatever the date. */
  protected isEmpty(): boolean {
    const s = this.loader.state;
    return s.status === 'ready' && this.all(s.data).points.length + this.all(s.data).regions.length === 0;
  }
  protected chartHeight(width: number): number {
    // a whole country asked for is drawn taller than a region or the places
    const geo = this.region ? this.baseGeo() : undefined;
    if (geo && findArea(geo, this.region)?.level === 'country')
      return Math.round(Math.max(260, Math.min(680, width * 0.9)));
    return Math.round(Math.max(260, Math.min(600, width < 560 ? width * 0.9 : width * 0.62)));
  }
  protected viewSources(view: FacilityPointsView, data: Dataset): Source[] {
    return this.sourcesOf(view, data);
  }
  private readonly sourcesOf = memoizeLast((view: FacilityPointsView, data: Dataset) => {
    // the items' lists of sources, no array made per group
    const lists: (readonly string[])[] = [];
    for (const g of view.groups)
      for (let i = 0; i < g.items.length; i++) lists.push(g.items[i]!.facility.sources);
    return sourcesOfLists(sourcesById(data), lists);
  });

  /**
   * A large dataset: every facility's point (the fit), those of the date shown, then the base map and the words of
   * the markers, then the markers' layout, each in its own task before the first draw.
   */
  protected override prepare(data: Dataset): (() => unknown)[] {
    let laid: MarksLayout | undefined;
    let drawnOn: BaseMap | undefined;
    return [
      // every facility's group (the fit), in slices
      () => this.selectInSlices(data, undefined),
      () => {
        this.all(data);
        // the geometry the points need starts loading now: the steps below use it once it has arrived
        this.baseGeo();
      },
      // those of the date shown (the same view when no date is set)
      () => this.selectInSlices(data, this.date),
      () => this.view(data),
      () => this.viewSources(this.view(data), data),
      // the geometry's chunk (or the page's geometry), for at most 10 s: the draw waits for it anyway
      () => this.geometryArrived(10_000),
      () => {
        const geo = this.baseGeo();
        if (geo) this.target(geo, data);
      },
      () => prepareMarks(this.view(data)),
      () => {
        const geo = this.baseGeo();
        if (!geo) return;
        const t = this.target(geo, data);
        laid = this.marksLayout(t.base, t.view, t.zoom, this.expanded, t.text.texts, this.measure);
        drawnOn = t.base;
      },
      // what the first render reads besides: the legend and notes, the focus order, the date filter's range and width
      () => {
        if (!laid || !drawnOn) return;
        this.extras(this.view(data), laid, drawnOn, data, this.locale.lang);
        this.focusKeysOf(laid);
      },
      () => {
        this.range(data);
        this.outputWidth(data, this.locale.lang, this.measure);
      },
    ];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // the bundled geometry's chunk is on the way while the data is checked and selected (not after)
    this.prefetchGeometry(this.data);
    super.willUpdate(changed);
    if (this.loader.state.status === 'ready') this.prefetchGeometry(this.loader.state.data);
    if (!this.pageGeo && (this.geo != null || this.geoSrc))
      this.pageGeoLoad ??= import('./geo-source').then((m) => {
        this.pageGeo = new m.GeoSourceController(this, {
          words: () => {
            const t = this.locale.t;
            const { badUrl, timedOut } = loaderText(t);
            return { failed: t.fetchFailed, http: t.httpError, badUrl, timedOut };
          },
          decodeBody,
          timeoutMs: () => parseTimeout(this.getAttribute('timeout')) ?? DEFAULT_TIMEOUT_MS,
          report: (detail) => this.dispatchEvent(new ParsecDataErrorEvent(detail)),
        });
        this.requestUpdate();
      });
    this.pageGeo?.sync(this.geo, this.geoSrc);
    if (changed.has('region') || changed.has('geo') || changed.has('geoSrc')) {
      this.zoom = IDENTITY;
      this.widened = false;
    }
    const s = this.loader.state;
    // (a large dataset's fit is selected by the prepare steps, not here)
    const geo = this.prepared ? this.baseGeo() : undefined;
    if (s.status !== 'ready' || !geo || this.assetsError() || !this.prepared) {
      this.base = this.layout = this.text = undefined;
      this.sizing = false;
      if (s.status === 'ready' && this.prepared && !this.assetsError()) this.warmWhileLoading(s.data);
      return;
    }
    const w = this.width;
    const h = this.fillHeight(w);
    const zoom = clampZoom(this.zoom, w, h);
    if (zoom.k !== this.zoom.k || zoom.x !== this.zoom.x || zoom.y !== this.zoom.y) this.zoom = zoom;
    const drawn = this.layout;
    // a large map keeps what it draws for a new zoom or size, laid out in the tasks after the next frame (settle);
    // what the base map is made from is compared, not the base map (made then)
    const baseKey = [geo, w, h, this.widened ? '' : this.region, this.all(s.data)];
    if (
      drawn &&
      !this.settled &&
      drawn.markers.length >= PREVIEW_FROM &&
      this.view(s.data) === this.drawnView &&
      this.expanded === this.drawnExpanded &&
      this.locale.lang === this.drawnLang &&
      (baseKey.some((k, i) => k !== this.drawnBase[i]) || this.zoom !== drawn.zoom)
    ) {
      void this.settle();
      return;
    }
    // the chart is not in the page yet: this update draws what is around it, for its share to be measured (then the
    // map, in the next update, before the frame): its legend and notes need the markers in view, not their labels
    this.sizing = !this.renderRoot.querySelector('[data-fill]');
    if (this.sizing) {
      const { base, view } = this.target(geo, s.data, false);
      this.base = base;
      this.text = undefined;
      this.drawnView = undefined;
      this.layout = this.sizingLayout(base, view, this.zoom, this.expanded, this.measure);
      return;
    }
    const next = this.target(geo, s.data);
    this.drawnBase = baseKey;
    this.settled = false;
    this.base = next.base;
    this.text = next.text;
    this.drawnView = next.view;
    this.drawnExpanded = this.expanded;
    this.drawnLang = next.lang;
    this.layout = this.marksLayout(
      next.base,
      next.view,
      next.zoom,
      this.expanded,
      next.text.texts,
      this.measure,
    );
  }

  /** The dataset whose work ahead of the base map is done, or scheduled ({@link warmWhileLoading}). */
  private warmed?: Dataset;
  /**
   * While the geometry's chunk (or the page's geometry) is on its way, in a task of its own: what the first draw needs
   * that does not depend on it — each marker's symbol and count, the date filter's range and width, the sources, the
   * widths of the names the layout will write (on canvas, only the 200 it names: 10,000 items have 3,334 places), the
   * fonts of the counts (the text measure made and its fonts found) — so that only the base map, the layout and the
   * render are left for when it comes. Each is memoised: the draw finds it done.
   */
  private warmWhileLoading(data: Dataset): void {
    if (this.warmed === data) return;
    this.warmed = data;
    setTimeout(() => {
      const s = this.loader.state;
      if (!this.isConnected || s.status !== 'ready' || s.data !== data || this.base) return;
      const view = this.view(data);
      prepareMarks(view);
      this.range(data);
      this.outputWidth(data, this.locale.lang, this.measure);
      this.viewSources(view, data);
      const ctx = { ...this.describeContext(data), lang: this.locale.lang };
      const names = words.placeLabelTexts(view, ctx, namedGroups(view));
      widest(names.groups, this.measure, 12, 700);
      widest(names.towns, this.measure, 12, 400);
      // the small type of the counts beside markers and of the credit: its fonts found now, not in the layout
      widest(['0123456789×'], this.measure, 11, 700);
      widest(['0123456789'], this.measure, 11, 400);
    }, 0);
  }

  /**
   * What the map is to draw now: its base map, view, words and zoom (memoised); with `drawn` false, what the update
   * that measures the chart's share lays its markers out on: a base map without outlines, no words.
   */
  private target(geo: MapGeoData, data: Dataset): MapTarget;
  private target(geo: MapGeoData, data: Dataset, drawn: false): Omit<MapTarget, 'text'>;
  private target(geo: MapGeoData, data: Dataset, drawn = true) {
    const w = this.width;
    const region = this.widened ? '' : this.region;
    const base = this.baseLayout(geo, w, this.fillHeight(w), region, this.all(data), drawn);
    const view = this.view(data);
    const lang = this.locale.lang;
    return {
      base,
      view,
      lang,
      zoom: this.zoom,
      ...(drawn && { text: this.describe(view, base, data, lang) }),
    };
  }
  /** The view, open cluster and language of the layout drawn. */
  private drawnView?: FacilityPointsView;
  private drawnExpanded: string | null = null;
  private drawnLang = '';
  private drawnBase: unknown[] = [];
  /** A large map's new layout is made (settle): the next update draws it. */
  private settled = false;

  /** The focus order of a layout, made once per layout: a key press with 250,000 items does not walk them all. */
  private readonly keysOf = new WeakMap<MarksLayout, string[]>();
  private focusKeys(): string[] {
    return this.layout ? this.focusKeysOf(this.layout) : [];
  }
  private focusKeysOf(m: MarksLayout): string[] {
    const made = this.keysOf.get(m);
    if (made) return made;
    // on canvas, the labelled markers (the layout lists them in order: 250,000 markers are not walked)
    const keys: string[] = m.canvas ? m.canvasFocus.map((mk) => mk.key) : [];
    if (!m.canvas)
      for (const mk of m.markers) {
        if (!mk.visible) continue;
        keys.push(mk.key);
        for (const r of mk.ring) keys.push(r.key);
      }
    for (const o of m.offView) keys.push(o.key);
    this.keysOf.set(m, keys);
    return keys;
  }

  /**
   * On canvas, the labelled markers' focus targets (up to 200 SVG groups and their accessible names, unseen until
   * focused) are drawn in idle time after the map's first frame, not in it (`null`: asked for); from then on with
   * every layout (a new dataset, a zoom: the focus may be on one of them).
   */
  private targets: boolean | null = false;
  /** Canvas mode: labelled markers keep an SVG focus target (once per layout). */
  private readonly labelledOf = new WeakMap<MarksLayout, Set<string>>();
  private labelled(m: MarksLayout): Set<string> {
    let keys = this.labelledOf.get(m);
    if (!keys) this.labelledOf.set(m, (keys = new Set(m.canvasFocus.map((mk) => mk.key))));
    return keys;
  }

  private navigate(key: string, e: KeyboardEvent): string | null | undefined {
    if (e.shiftKey && e.key.startsWith('Arrow')) return null; // pan, handled by the zoom controller
    if (e.key === 'Escape' && this.expanded) {
      const owner = this.layout?.markers.find((m) => m.ring.some((r) => r.key === key))?.key ?? this.expanded;
      e.preventDefault();
      this.expanded = null;
      return owner;
    }
    return undefined;
  }

  /** After `parsec-select` (fired by the marks controller): a cluster opens into a ring, its first item focused. */
  private activate(key: string) {
    const o = this.layout?.offView.find((x) => x.key === key);
    if (o) return this.showBeyond(o.target);
    const m = this.layout?.markers.find((x) => x.key === key);
    if (!m || m.group.items.length < 2 || this.layout?.canvas) return;
    this.expanded = this.expanded === key ? null : key;
    if (this.expanded) this.updateComplete.then(() => this.marks.focus(`i:${m.group.items[0]!.id}`));
  }

  /** Brings what an edge marker points at into view: a pan when it lies on the map, else the data's whole extent. */
  private showBeyond(target: { x: number; y: number }) {
    const [w, h] = this.box();
    this.expanded = null;
    if (reachable(target, w, h)) this.setZoom(panTo(this.zoom, target, w, h));
    else {
      this.widened = true;
      this.zoom = IDENTITY;
    }
  }

  /** The words of a mark: a marker or an item (zoom-free), or an edge marker (of this zoom). */
  private wordsOf(key: string) {
    const o = key.startsWith('o:') ? this.layout?.offView.find((x) => x.key === key) : undefined;
    const s = this.loader.state;
    if (!o || s.status !== 'ready') return this.text?.words(key);
    return this.offWordsOf(o, this.layout!, this.base!, s.data);
  }
  /** Once per edge marker of a layout (a new layout for a new zoom, language or date): each render asks for them. */
  private offWordsOf(o: OffView, layout: MarksLayout, base: BaseMap, data: Dataset): MarkWords {
    let w = this.offWords.get(o);
    if (!w) this.offWords.set(o, (w = words.offViewWords(o, layout, base, this.describeContext(data))));
    return w;
  }
  private readonly offWords = new WeakMap<object, MarkWords>();

  private box(): [number, number] {
    const w = this.layout?.width ?? this.width;
    return [w, this.layout?.height ?? this.chartHeight(w)];
  }

  /**
   * Sets the zoom (clamped). A large map shows it in the next frame as a transform of what is drawn (the base map at
   * its new zoom, the markers' layers scaled, labels hidden), then lays its markers out at it in the tasks after.
   */
  setZoom(z: MapZoom): void {
    const next = clampZoom(z, ...this.box());
    if (next.k === this.zoom.k && next.x === this.zoom.x && next.y === this.zoom.y) return;
    this.tooltip.hide();
    this.zoom = next;
  }

  /**
   * Lays a large map's markers out at the zoom or size asked for, in tasks after the frame that shows its preview (a
   * zoom) or what it drew (a new size): the layout, then the legend, notes and focus order, then the render. What is
   * asked for meanwhile starts it again.
   */
  private async settle(): Promise<void> {
    if (this.settling) return;
    this.settling = true;
    try {
      await afterFrame();
      for (;;) {
        const s = this.loader.state;
        const geo = this.baseGeo();
        if (!this.isConnected || s.status !== 'ready' || !geo || !this.layout) break;
        const t = this.target(geo, s.data);
        const same = () => {
          const now = this.target(geo, s.data);
          return now.base === t.base && now.view === t.view && now.zoom === t.zoom && now.text === t.text;
        };
        // a new size's base map and words in a task, the markers' layout in the next
        if (t.base !== this.base) {
          await nextTask();
          if (!same()) continue;
        }
        const layout = this.marksLayout(t.base, t.view, t.zoom, this.expanded, t.text.texts, this.measure);
        const steps = [
          () => this.extras(t.view, layout, t.base, s.data, t.lang),
          () => {
            this.focusKeysOf(layout);
            for (const o of layout.offView) this.offWordsOf(o, layout, t.base, s.data);
          },
        ];
        let moved = false;
        for (const step of steps) {
          await nextTask();
          if ((moved = !same())) break;
          step();
        }
        if (moved) continue;
        await nextTask();
        if (same()) break;
      }
    } finally {
      this.settling = false;
      this.settled = true;
      this.requestUpdate();
    }
  }
  /** Zooms in (factor > 1) or out at the focused marker, else at the centre of the markers in view. */
  zoomBy(factor: number): void {
    if (factor > 1) this.zoomer.zoomIn();
    else if (factor < 1) this.zoomer.zoomOut();
  }
  /** Back to the whole region. */
  resetZoom(): void {
    this.setZoom(IDENTITY);
  }

  private onDate(month: number, max: number) {
    this.expanded = null;
    // the slider steps by month: the date it sets is a month (`2021-05`), not a day it does not mean
    this.date = month >= max ? undefined : monthKey(month);
  }

  /** How a marker stands to the selection shared through `<parsec-dataset>`. */
  private readonly linkState = (m: MapMarker): LinkState =>
    m.group.items.some((i) =>
      this.isLinked({ id: i.id, places: m.group.places, programme: i.facility.programme }),
    ) || this.isLinked({ id: m.group.key })
      ? 'linked'
      : 'dimmed';

  protected renderChart(view: FacilityPointsView, data: Dataset): TemplateResult {
    const t = this.locale.t;
    const base = this.base!;
    const geo = this.layout!;
    const text = this.text!;
    const ctx = this.describeContext(data);
    const [lo, hi] = this.range(data);
    const value = this.date ? Math.min(hi, monthIndex(this.date)) : hi;
    const open = geo.markers.find((m) => m.expanded);
    const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
    const m = t.map;
    const extras = this.extras(view, geo, base, data, this.locale.lang);
    return html`
      <div class="toolbar">
        ${
          // no slider when nothing is dated before the as-of month: it would have nowhere to go
          hi > lo
            ? renderDateFilter(
                [lo, hi],
                value,
                {
                  ...words.dateFilterWords(this.date, data.meta.asOf, view, ctx),
                  width: this.outputWidth(data, this.locale.lang, this.measure),
                },
                (v) => this.onDate(v, hi),
              )
            : nothing
        }
        ${renderZoomToolbar(
          this.zoomer,
          { label: m.zoomControls, zoomIn: m.zoomIn, zoomOut: m.zoomOut, reset: m.reset },
          this.zoom.k > 1,
        )}
      </div>
      <div
        class="chart ${this.zoom.k > 1 ? 'zoomed' : ''} ${this.layout && this.layout.zoom !== this.zoom ? 'previewing' : ''}"
        data-marks
        data-zoom
        data-export
        data-fill
      >
        ${this.sizing ? nothing : this.renderMap(base, geo, text, open, ctx)}
        <p
          class="wheel-hint ${this.zoomer.hint ? 'on' : ''}"
          aria-hidden=${this.zoomer.hint ? 'false' : 'true'}
        >
          ${mac ? m.wheelHintMac : m.wheelHint}
        </p>
      </div>
      ${this.noLegend ? nothing : renderLegend(extras.legend, t.legend)}
      ${extras.notes.map((n) => html`<p class="note" data-export-note>${n}</p>`)}
      ${this.noLegend ? nothing : html`<p class="note keys">${words.keysHint(ctx)}</p>`}
    `;
  }

  /** The base map, the canvas of a large map's markers, and the markers' layer. */
  private renderMap(
    base: BaseMap,
    geo: MarksLayout,
    text: MapDescription,
    open: MapMarker | undefined,
    ctx: DescribeContext,
  ) {
    const m = this.locale.t.map;
    return html`
      ${guard([base, geo], () => renderBaseMap(base, geo))}
      ${geo.canvas ? html`<canvas width=${geo.width} height=${geo.height} aria-hidden="true"></canvas>` : nothing}
      ${renderMarks(base, geo, {
        label: text.summary,
        listLabel: m.listLabel,
        name: (key) => this.wordsOf(key)?.name ?? '',
        places: text.texts.groups,
        ringLabel: open ? words.ringLabel(open.group, base, ctx) : '',
        tabIndex: (key) => this.marks.tabIndex(key),
        highlight: this.marks.highlight,
        scaleText: words.scaleText(geo.scaleBar.km, ctx),
        attribution: base.attribution,
        svgMarkers: !geo.canvas,
        focusKeys: geo.canvas ? (this.targets ? this.labelled(geo) : NO_KEYS) : undefined,
        link: this.linked ? this.linkState : undefined,
      })}
    `;
  }

  protected loadTableCode(): Promise<typeof MapTable> {
    return import('../../describe/facility-map-table');
  }
  protected override tableModel(
    view: FacilityPointsView,
    data: Dataset,
    code: typeof MapTable,
    rows: TableRows,
  ): TableModel {
    const order = this.layout?.markers.map((m) => m.group.key) ?? [];
    return code.mapTable(view, order, this.base!, data, this.date, this.describeContext(data), {
      ...words.mapTableWords,
      ...rows,
    });
  }
  protected override tableKey(): unknown[] {
    return [this.base];
  }
  protected override chartTitle(): string {
    return this.locale.t.map.label;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // the share is measured (BoxController, before this): the map now, before the frame (when the chart was drawn:
    // an empty or error state has no share to measure)
    if (this.sizing) {
      this.sizing = false;
      if (this.renderRoot.querySelector('[data-fill]')) return this.requestUpdate();
    }
    const g = this.layout;
    const root = this.renderRoot;
    if (g?.canvas && this.targets === false) {
      this.targets = null;
      idleAfterPaint(() => {
        this.targets = true;
        this.requestUpdate();
      });
    }
    // a large map's new zoom, shown at once while its markers are laid out at it (settle)
    if (g && g.zoom !== this.zoom) {
      previewZoom(root, g.zoom, this.zoom);
      this.previewing = true;
    } else if (g && this.previewing) {
      endPreview(root, g);
      this.previewing = false;
    }
    if (!g?.canvas) return;
    if (g.markers.length < PREVIEW_FROM) return this.paint(g);
    // a large map's canvas is painted in the frame (which works out the styles it reads anyway), not in this task
    cancelAnimationFrame(this.paintFrame);
    this.paintFrame = requestAnimationFrame(() => this.layout?.canvas && this.paint(this.layout));
  }
  private paintFrame = 0;

  private paint(g: MarksLayout): void {
    const link = this.linked ? this.linkState : undefined;
    const key = this.paintKey(g, this.linked);
    paintCanvasOnce(this, this.canvasMemo, key, g, (ctx, colour) => {
      const colours = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => colour(`--_cat-${i}`, '#1f5f8b'));
      // a large map paints its markers in pieces of some 12 ms, one a frame, in their order (until painted again)
      const large = g.markers.length >= PREVIEW_FROM;
      let next = paintMarkers(ctx, g, colours, link, 0, large ? performance.now() + 12 : Infinity);
      const scheme = this.canvasMemo.scheme;
      const more = () => {
        const again = this.canvasMemo.painted !== key || this.canvasMemo.scheme !== scheme;
        if (again || next >= g.markers.length) return;
        next = paintMarkers(ctx, g, colours, link, next, performance.now() + 12);
        requestAnimationFrame(more);
      };
      if (next < g.markers.length) requestAnimationFrame(more);
    });
  }
  private readonly canvasMemo: { painted?: unknown; scheme?: string } = {};
  private previewing = false;

  /** Places the map shows, by id (for pages linking widgets). */
  placesShown(): Place[] {
    return this.layout?.markers.filter((m) => m.visible).map((m) => m.group.place) ?? [];
  }
}

/** No focus target (a canvas map's first frame). */
const NO_KEYS: ReadonlySet<string> = new Set();

/** What the map is to draw: its base map, view, language, zoom and words. */
interface MapTarget {
  base: BaseMap;
  view: FacilityPointsView;
  lang: string;
  zoom: MapZoom;
  text: MapDescription;
}

declare global {
  interface HTMLElementTagNameMap {
    'parsec-facility-map': ParsecFacilityMap;
  }
}
