import type { Place } from '../schema/dataset';
import {
  thingsByStyle,
  type FacilityItem,
  type FacilityKind,
  type FacilityPointsView,
  type PlaceGroup,
} from '../select/facility-points';
import {
  featureContains,
  geoBounds,
  slug,
  type GeoFeature,
  type GeoProps,
  type MapGeoData,
} from './map-geometry';
import { mercatorFit, planarPath, sphereDistance, symbolPath, type Planar } from './planar';
import { estimateWidth, fitText, type Measure } from './text-fit';

export { slug } from './map-geometry';
export type { GeoBox, GeoFeature, GeoProps, MapGeoData } from './map-geometry';

export interface BasePath {
  id: string;
  name: string;
  /** The name by language, when the geometry gives several. */
  names?: Record<string, string> | undefined;
  /** A country's ISO 3166-1 alpha-2 code (its name in the reader's language). */
  iso2?: string | undefined;
  d: string;
  /** Centroid in unzoomed pixels. */
  cx: number;
  cy: number;
  /** Width and height of what is drawn, in unzoomed pixels: a name is written only where it fits. */
  w: number;
  h: number;
  /** A region the map is about, or a country a place lies in: drawn as the map's subject. */
  focus: boolean;
}

/** The projected base map for one size and one focus; zoom does not change it. */
export interface BaseMap {
  width: number;
  height: number;
  /** The id of the area the view was asked to fit (`mopti`; `mli` for `region="mali"`), or `''` for the places. */
  focus: string;
  /** Whether the asked area is a region or a country of the geometry (`''`: the view fits the places). */
  focusLevel: 'region' | 'country' | '';
  /** Regions drawn as the map's subject (white): the asked region, or the regions of the data's places. */
  focusIds: string[];
  projection: Planar;
  /**
   * The geometry covers the view. When it does not (places beyond the bundled geometry and no other loaded), no
   * country is drawn — never a wrong one — and the places stand on a graticule.
   */
  covered: boolean;
  /** Meridians and parallels (one path) when the geometry does not cover the view; `''` otherwise. */
  graticule: string;
  regions: BasePath[];
  /** Countries (the geometry's home country, drawn by its regions, apart). */
  countries: BasePath[];
  /** The country the regions divide (drawn by them): its names, for a view asked of it. */
  home?: GeoProps | undefined;
  /** What the geometry says of itself, by language (shown when its regions are drawn). */
  note?: Record<string, string> | undefined;
  /** The geometry's credit, drawn in the corner. */
  attribution: string;
  inset: {
    x: number;
    y: number;
    w: number;
    h: number;
    /** The subject of the locator, one path: the regions of the geometry, or the countries the places lie in. */
    land: string;
    /** Countries around, one path (world outlines only). */
    context: string;
    /** The focused regions. */
    focus: string;
    projection: Planar;
  } | null;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The box the bundled geometry covers (its `bbox`; countries are clipped to it, see docs/geo-data.md): lon, lat. */
export const GEO_BOX = { lon: [-14, 6], lat: [8, 26] } as const;

/** What the base map is fitted to: an area of the geometry (by id or name), or the data's places. */
export interface FitTarget {
  /** A region or country id or name (`mopti`, `mali`…); empty or absent: the places. */
  region?: string | undefined;
  /** [lon, lat] of every place drawn (town points and the places of region-only items). */
  points?: readonly (readonly [number, number])[];
  /** Regions of region-only items (by id): each brings its whole region into the fit. */
  regions?: readonly string[];
  /** Regions the places lie in (by id): drawn as the map's subject. */
  areas?: readonly string[];
}

/** A nice graticule step in degrees for a span. */
function graticuleStep(span: number): number {
  for (const s of [0.25, 0.5, 1, 2, 5, 10, 20]) if (span / s <= 8) return s;
  return 30;
}

/** Whether a feature is the one a key names: its id, or its id, name or ISO code as a slug (`mali` → Mali). */
function named(f: GeoFeature, key: string): boolean {
  const p = f.properties;
  if (p.id === key) return true;
  const s = slug(key);
  return slug(p.id) === s || slug(p.name) === s || (p.iso2 ?? '').toLowerCase() === s;
}

/** The area of the geometry a `region` attribute names: a region first, else a country. */
export function findArea(
  geo: MapGeoData,
  key: string,
): { feature: GeoFeature; level: 'region' | 'country' } | undefined {
  if (!key) return undefined;
  const r = geo.regions.features.find((f) => named(f, key));
  if (r) return { feature: r, level: 'region' };
  const c = geo.countries.features.find((f) => named(f, key));
  return c ? { feature: c, level: 'country' } : undefined;
}

/** A lon/lat box as the GeoJSON the Mercator fit takes. */
const boxObject = (w: number, s: number, e: number, n: number) =>
  ({
    type: 'MultiPoint',
    coordinates: [
      [w, s],
      [e, n],
    ],
  }) as Parameters<typeof mercatorFit>[1];

/** The regions a fit's places lie in, by id, per geometry and fit target (the same at every size of the map). */
const placeRegions = new WeakMap<MapGeoData, WeakMap<FitTarget, string[]>>();
function regionsOfPlaces(geo: MapGeoData, target: FitTarget): string[] {
  let byTarget = placeRegions.get(geo);
  if (!byTarget) placeRegions.set(geo, (byTarget = new WeakMap()));
  let ids = byTarget.get(target);
  if (!ids) {
    const points = target.points ?? [];
    const named_ = geo.regions.features
      .filter((f) => [...(target.areas ?? []), ...(target.regions ?? [])].some((r) => named(f, r)))
      .map((f) => f.properties.id);
    // and the regions the places lie in (a page's geometry may name its regions otherwise than the data)
    ids = geo.regions.features
      .filter((f) => named_.includes(f.properties.id) || points.some((p) => featureContains(f, p)))
      .map((f) => f.properties.id);
    byTarget.set(target, ids);
  }
  return ids;
}

/**
 * Projects the base map (Mercator) in a `width` × `height` box, fitted to one area of the geometry (a region
 * `mopti`, a country `mali`), or — by default — the data's places (with their regions, at least about a degree
 * across), with an inset locator in the top-right corner. The geometry's regions the places lie in (or, for country
 * outlines, the countries) are the map's subject. When the view leaves the box a geometry covers, no country is drawn
 * and a graticule stands in for it. Pure; paths rounded to 0.1 px.
 *
 * With `outlines` false, a base map for the markers' positions alone (the update that measures the chart's share,
 * never drawn): no outline is written — the regions keep their centroids and names, no country is listed.
 */
export function layoutBaseMap(
  geo: MapGeoData,
  width: number,
  height: number,
  fit: string | FitTarget,
  outlines = true,
): BaseMap {
  const target: FitTarget = typeof fit === 'string' ? { region: fit } : fit;
  const area = findArea(geo, target.region ?? '');
  const asked = area?.feature;
  const isHome = area?.level === 'country' && asked!.properties.id === geo.home;
  const focus = asked?.properties.id ?? '';
  const pad = Math.round(Math.min(width, height) * 0.06) + 8;
  const extent: [[number, number], [number, number]] = [
    [pad, pad],
    [width - pad, height - pad - 10],
  ];
  let fitObject: Parameters<typeof mercatorFit>[1] = asked ?? geo.regions;
  let focusIds = !asked
    ? []
    : isHome
      ? geo.regions.features.map((f) => f.properties.id)
      : area!.level === 'region'
        ? [focus]
        : [];
  const points = target.points ?? [];
  if (!asked && points.length) {
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    const add = (lon: number, lat: number) => {
      x0 = Math.min(x0, lon);
      x1 = Math.max(x1, lon);
      y0 = Math.min(y0, lat);
      y1 = Math.max(y1, lat);
    };
    for (const [lon, lat] of points) add(lon, lat);
    const inRegions = geo.regions.features.filter((f) => target.regions?.some((r) => named(f, r)));
    // a region-only item is drawn at its region's centre: its region is part of the story
    for (const f of inRegions) {
      const [a, b, c, d] = geoBounds(f);
      add(a, b);
      add(c, d);
    }
    // at least about a degree across, then a margin, so one town is a place in a landscape, not a street map; over
    // the world's 1:50m outlines, some five degrees (a city among its neighbours, where the coarse coasts still read)
    const coarse = !geo.box && !geo.regions.features.length;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const hw = Math.max(coarse ? 2.6 : 0.6, ((x1 - x0) / 2) * 1.12);
    const hh = Math.max(coarse ? 1.5 : 0.45, ((y1 - y0) / 2) * 1.12);
    fitObject = boxObject(cx - hw, cy - hh, cx + hw, cy + hh);
    focusIds = regionsOfPlaces(geo, target);
  }
  const projection = mercatorFit(extent, fitObject);
  const [lonA, latA] = projection.invert([0, height]);
  const [lonB, latB] = projection.invert([width, 0]);
  // the geometry serves when what the map is about lies inside its box (an area of it, or every place); a wide view
  // may then show the box's straight edges far out, never a country drawn wrong
  const gb = geo.box;
  const inBox = ([lon, lat]: readonly [number, number]) =>
    !gb || (lon >= gb.lon[0] && lon <= gb.lon[1] && lat >= gb.lat[0] && lat <= gb.lat[1]);
  const covered = asked ? true : points.every(inBox);
  // zoom never shows more than the box, so everything outside it is cut (smaller paths; centroids of what shows)
  const box: [number, number, number, number] = [-2, -2, width + 2, height + 2];
  // the box in longitude and latitude (Mercator keeps their order): a feature whose bounds lie outside it is cut
  // away whole, so it is not projected
  const [boxW, boxS] = projection.invert([box[0], box[3]]);
  const [boxE, boxN] = projection.invert([box[2], box[1]]);
  const base = (f: GeoFeature, isFocus: boolean): BasePath => {
    const [fw, fs, fe, fn] = geoBounds(f);
    const outside = fe < boxW || fw > boxE || fn < boxS || fs > boxN;
    const {
      d,
      centroid,
      extent: e,
    } = outside
      ? { d: '', centroid: [NaN, NaN], extent: [0, 0, 0, 0] }
      : // no outline: every point after a ring's first is left out (nothing written), the centroid is of all
        planarPath(projection, f, box, outlines ? 0 : Infinity);
    const p = f.properties;
    return {
      id: p.id,
      name: p.name,
      ...(p.names ? { names: p.names } : {}),
      ...(p.iso2 ? { iso2: p.iso2 } : {}),
      d,
      cx: r1(centroid[0]),
      cy: r1(centroid[1]),
      w: d ? r1(e[2] - e[0]) : 0,
      h: d ? r1(e[3] - e[1]) : 0,
      focus: isFocus,
    };
  };
  // only what meets the view (with a margin) is projected: the world has some 240 countries
  const mx = (lonB - lonA) * 0.1;
  const my = (latB - latA) * 0.1;
  const meets = (f: GeoFeature) => {
    const [w, s, e, n] = geoBounds(f);
    return e >= lonA - mx && w <= lonB + mx && n >= latA - my && s <= latB + my;
  };
  // with no regions (country outlines), the countries the places lie in are the subject
  const subject = (f: GeoFeature) =>
    !geo.regions.features.length && (f === asked || points.some((p) => featureContains(f, p)));
  const regions = covered ? geo.regions.features.map((f) => base(f, focusIds.includes(f.properties.id))) : [];
  const countries =
    covered && outlines
      ? geo.countries.features
          .filter((f) => f.properties.id !== geo.home && (gb || meets(f)))
          .map((f) => base(f, subject(f)))
          .filter((c) => c.d)
      : [];

  let graticule = '';
  if (!covered) {
    const step = graticuleStep(Math.max(lonB - lonA, latB - latA));
    const parts: string[] = [];
    for (let lon = Math.ceil(lonA / step) * step; lon <= lonB; lon += step) {
      const x = r1(projection([lon, 0])[0]);
      parts.push(`M${x},0V${height}`);
    }
    for (let lat = Math.ceil(latA / step) * step; lat <= latB; lat += step) {
      const y = r1(projection([0, lat])[1]);
      parts.push(`M0,${y}H${width}`);
    }
    graticule = parts.join('');
  }

  return {
    width,
    height,
    focus,
    focusLevel: area?.level ?? '',
    focusIds,
    projection,
    covered,
    graticule,
    regions,
    countries,
    home: geo.countries.features.find((f) => f.properties.id === geo.home)?.properties,
    note: covered && regions.length ? geo.note : undefined,
    attribution: covered ? (geo.attribution ?? '') : '',
    inset: covered
      ? layoutInset(geo, width, height, projection, [lonA, latA, lonB, latB], focusIds, subject, points)
      : null,
  };
}

/** The inset locator leaves out the points of its outlines nearer than this (px) to the last one drawn. */
const INSET_STEP = 0.5;

/** The inset over a geometry's regions, by its box and the regions in focus (see {@link layoutInset}). */
const insets = new WeakMap<
  MapGeoData,
  Map<string, { land: string; context: string; focus: string; projection: Planar }>
>();

/**
 * The inset locator in the top-right corner — top-left when fewer places lie under it there. Over regions: the whole geometry (its home country, else its regions),
 * the focused regions darker. Over country outlines: the countries around the view, some four times its span and at
 * least 30° across, the countries of the places darker — none when the view is already a continent.
 */
function layoutInset(
  geo: MapGeoData,
  width: number,
  height: number,
  projection: Planar,
  [lonA, latA, lonB, latB]: readonly number[],
  focusIds: readonly string[],
  subject: (f: GeoFeature) => boolean,
  points: readonly (readonly [number, number])[],
): BaseMap['inset'] {
  const iw = Math.round(Math.max(72, Math.min(140, width * 0.18)));
  const ih = Math.round(iw * 0.8);
  const iy = 8;
  // the places under a corner's inset (with a marker's reach around it)
  // (the projection is Mercator: x grows with the longitude, y falls with the latitude, so the corner is a box of
  // longitudes and latitudes — 250,000 places are not projected at every size)
  const latMin = projection.invert([0, iy + ih + 16])[1];
  const under = (x0: number) => {
    const lon0 = projection.invert([x0 - 16, 0])[0];
    const lon1 = projection.invert([x0 + iw + 16, 0])[0];
    let n = 0;
    for (const [lon, lat] of points) if (lon > lon0 && lon < lon1 && lat > latMin) n++;
    return n;
  };
  const right = width - iw - 8;
  const ix = under(right) > under(8) ? 8 : right;
  const inner: [[number, number], [number, number]] = [
    [ix + 4, iy + 4],
    [ix + iw - 4, iy + ih - 4],
  ];
  const frame = { x: ix, y: iy, w: iw, h: ih };
  if (geo.regions.features.length) {
    // the same at every height of the map that puts the inset in the same corner (made once for both layouts of a
    // first draw, and for each height the reader gives it)
    let byBox = insets.get(geo);
    if (!byBox) insets.set(geo, (byBox = new Map()));
    const key = `${ix},${iw},${ih},${focusIds.join(',')}`;
    let made = byBox.get(key);
    if (!made) {
      const home = geo.countries.features.find((f) => f.properties.id === geo.home) ?? geo.regions;
      const p = mercatorFit(inner, home);
      // some 140 px wide: a point within half a pixel of the last one is not drawn (a path of 4 KB, not 25 KB)
      const path = (o: Parameters<typeof planarPath>[1]) => planarPath(p, o, undefined, INSET_STEP).d;
      made = {
        land: path(geo.regions),
        context: '',
        focus: geo.regions.features
          .filter((f) => focusIds.includes(f.properties.id))
          .map((f) => path(f))
          .join(''),
        projection: p,
      };
      if (byBox.size > 32) byBox.clear();
      byBox.set(key, made);
    }
    return { ...frame, ...made };
  }
  const span = Math.max(lonB! - lonA!, latB! - latA!);
  if (span > 60 || !geo.countries.features.length) return null;
  const half = Math.max(15, span * 2);
  const [cx, cy] = projection.invert([width / 2, height / 2]);
  const clamp = (v: number) => Math.max(-80, Math.min(80, v));
  const p = mercatorFit(
    inner,
    boxObject(cx - half, clamp(cy - half * 0.8), cx + half, clamp(cy + half * 0.8)),
  );
  const [w, s] = p.invert([ix, iy + ih]);
  const [e, n] = p.invert([ix + iw, iy]);
  const clip: [number, number, number, number] = [ix, iy, ix + iw, iy + ih];
  let land = '';
  let context = '';
  for (const f of geo.countries.features) {
    const [fw, fs, fe, fn] = geoBounds(f);
    if (fe < w || fw > e || fn < s || fs > n) continue;
    const d = planarPath(p, f, clip, INSET_STEP).d;
    if (subject(f)) land += d;
    else context += d;
  }
  return { ...frame, land, context, focus: '', projection: p };
}

/** Zoom and pan of the map content: screen = k × base + (x, y). */
export interface MapZoom {
  k: number;
  x: number;
  y: number;
}
export const IDENTITY: MapZoom = { k: 1, x: 0, y: 0 };

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 8;

/** Keeps a zoom within 1–8 and the content covering the view. */
export function clampZoom(z: MapZoom, width: number, height: number): MapZoom {
  const k = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z.k));
  const x = Math.min(0, Math.max(width - k * width, z.x));
  const y = Math.min(0, Math.max(height - k * height, z.y));
  return { k: r1(k * 10) / 10, x: Math.round(x), y: Math.round(y) };
}

/** Zooms by `factor` around the point (px, py) of the view. */
export function zoomAround(
  z: MapZoom,
  factor: number,
  px: number,
  py: number,
  w: number,
  h: number,
): MapZoom {
  const k = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z.k * factor));
  const f = k / z.k;
  return clampZoom({ k, x: px - (px - z.x) * f, y: py - (py - z.y) * f }, w, h);
}

/** The symbol of each kind: distinct shapes, never colour alone. */
export const KIND_SYMBOL: Record<FacilityKind, Parameters<typeof symbolPath>[0]> = {
  infrastructure: 'square',
  equipment: 'triangle',
  training: 'diamond',
  border: 'cross',
  unit: 'circle',
};
const symbolPaths = new Map<string, string>();
/** The SVG path of a kind's symbol centred on 0,0 (`size` in square pixels). */
export function kindSymbol(kind: FacilityKind, size = 130): string {
  return styleSymbol(Math.max(0, SHAPES.indexOf(KIND_SYMBOL[kind] ?? 'square')), size);
}
const SHAPES = ['square', 'triangle', 'diamond', 'cross', 'circle'] as const;
/** The symbol of a drawing style (0–4 the built-in kinds' shapes; a declared kind cycles through them). */
export function styleSymbol(style: number, size = 130): string {
  const shape = SHAPES[style % SHAPES.length]!;
  const key = `${shape}|${size}`;
  let d = symbolPaths.get(key);
  if (d === undefined) symbolPaths.set(key, (d = symbolPath(shape, size)));
  return d;
}

export interface RingItem {
  key: string;
  item: FacilityItem;
  x: number;
  y: number;
}

export interface MapMarker {
  /** Focus key: `g:<group key>`. */
  key: string;
  group: PlaceGroup;
  /** Where the marker is drawn (may be moved off a crowded point, with a leader line). */
  x: number;
  y: number;
  /** The town point (or region centroid) the marker stands for. */
  ax: number;
  ay: number;
  moved: boolean;
  r: number;
  /** `cluster` for several items, else the kind of the single item. */
  shape: FacilityKind | 'cluster';
  /**
   * Text drawn with the marker: the things a cluster stands for (the sum of its quantities: 8 pinasses + 6 speedboats
   * + 1 site = 15), or the count of a single item above 1.
   */
  badge: string | null;
  /** A cluster's categories: one arc of its ring per kind (by drawing style), in proportion to its things. */
  segments: { style: number; d: string }[];
  region: boolean;
  expanded: boolean;
  ring: RingItem[];
  /** Inside the view (after zoom). */
  visible: boolean;
}

export type LabelClass = 'facility' | 'item' | 'capital' | 'town' | 'region' | 'country';
export interface MapLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  cls: LabelClass;
}

/** An edge marker for what lies beyond the view: where it is drawn, where it points, what it stands for. */
export interface OffView {
  /** Focus key `o:<side>:<slot>`. */
  key: string;
  side: 'n' | 'e' | 's' | 'w';
  x: number;
  y: number;
  /** Direction to the markers, in degrees (0 = east, 90 = south). */
  angle: number;
  /** Things (quantities) and records of the markers beyond. */
  things: number;
  records: number;
  /** The group keys of the markers beyond, nearest first. */
  groups: string[];
  /** The nearest one's point in unzoomed map pixels (where a pan goes). */
  target: { x: number; y: number };
  /** The pill's half width (its text measured). */
  rx: number;
}

export interface TownDot {
  id: string;
  place: Place;
  x: number;
  y: number;
}

export interface MarksLayout {
  width: number;
  height: number;
  zoom: MapZoom;
  /** The `transform` attribute of the base map group. */
  transform: string;
  /** Markers west to east (then north to south, then key): the keyboard order. */
  markers: MapMarker[];
  towns: TownDot[];
  labels: MapLabel[];
  scaleBar: { x: number; y: number; w: number; km: number };
  /** The view rectangle in the inset (zero-sized when there is no inset). */
  insetView: { x: number; y: number; w: number; h: number };
  /** The open cluster's list: a panel beside it, one row per item, over its neighbours (a popover). */
  panel: { x: number; y: number; w: number; h: number } | null;
  /** Markers outside the view, gathered by the edge they lie beyond: an arrow with the things it stands for. */
  offView: OffView[];
  /** Items are many: draw markers on canvas, keep SVG for labels and focus. */
  canvas: boolean;
  /**
   * On canvas, the markers that keep an SVG focus target (those labelled), in the keyboard order (west to east);
   * empty in SVG mode, where every marker in view has one.
   */
  canvasFocus: MapMarker[];
}

/** Texts by key (a `Map`, or a lookup that makes each text when first asked for). */
export interface TextLookup {
  get(key: string): string | undefined;
}

/**
 * The words the layout draws, from `describe/facility-map.ts` (the layout never makes text up): marker labels by group
 * key, ring labels by item id, town names by place id, the region and country names to show, and the credit.
 */
export interface MapTexts {
  /** Label of a group's marker by group key (`p:sevare` → `Sévaré`, `r:mopti` → `Mopti region`). */
  groups: TextLookup;
  /** Label of an item of an open cluster, by item id. */
  items: TextLookup;
  /** Town names by place id. */
  places: ReadonlyMap<string, string>;
  /** Region names to write on the map, by region id (an absent id is not written). */
  regions: ReadonlyMap<string, string>;
  /** Country names to write on the map, by country id. */
  countries: ReadonlyMap<string, string>;
  /** The credit written in the bottom-right corner (labels keep clear of it). */
  attribution: string;
}

export interface MarksOptions {
  zoom?: MapZoom;
  /** Key of the expanded cluster (`g:p:sevare`), if any. */
  expanded?: string | null | undefined;
  /**
   * The words of the labels. Without them the layout places no label and moves no marker aside: what a widget's
   * first update measures its chart's share with (the markers in view and beyond it, for its legend and notes), a
   * layout never drawn.
   */
  texts?: MapTexts | undefined;
  fontSize?: number;
  /** Above this many items (600 by default), markers go to canvas; SVG keeps labels and focus targets. */
  canvasThreshold?: number;
  /** Text widths (canvas `measureText` in the browser; an estimate in Node tests). */
  measure?: Measure;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const circleBox = (x: number, y: number, r: number): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });

/** A nice round scale-bar length (1, 2 or 5 × 10ⁿ km) not longer than `maxKm`. */
export function niceKm(maxKm: number): number {
  if (!(maxKm > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(maxKm));
  for (const m of [5, 2, 1]) if (m * p <= maxKm) return m * p;
  return p;
}

/** Letter spacing of region and country names, in em (`.label.region` in the styles): measured text is wider. */
export const AREA_TRACKING = 0.04;

export interface LabelCandidate {
  key: string;
  text: string;
  x: number;
  y: number;
  r: number;
  cls: LabelClass;
  priority: number;
  /** Only centred on the point (area names). */
  centred?: boolean;
  /** Preferred side first for ring items. */
  side?: 'left' | 'right';
}

/**
 * Greedy label placement: candidates by priority (then order given), each tried right, left, above and below its
 * point; a label that would overlap a placed label, an obstacle or the edge is dropped. Pure and deterministic.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly Box[],
  width: number,
  height: number,
  fontSize: number,
  measure: Measure = estimateWidth,
): MapLabel[] {
  const sorted = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.priority - a.c.priority || a.i - b.i)
    .map((x) => x.c);
  const placed: Box[] = [];
  const out: MapLabel[] = [];
  const h = Math.round(fontSize * 1.2);
  const asc = fontSize * 0.35;
  for (const c of sorted) {
    const spacing =
      c.cls === 'region' || c.cls === 'country' ? Array.from(c.text).length * fontSize * AREA_TRACKING : 0;
    const w = Math.ceil(measure(c.text, fontSize, c.cls === 'facility' ? 700 : 400) + spacing);
    const gap = c.r + 3;
    type Pos = { x: number; y: number; anchor: MapLabel['anchor']; box: Box };
    const right: Pos = {
      x: c.x + gap,
      y: c.y + asc,
      anchor: 'start',
      box: { x0: c.x + gap, y0: c.y - h / 2, x1: c.x + gap + w, y1: c.y + h / 2 },
    };
    const left: Pos = {
      x: c.x - gap,
      y: c.y + asc,
      anchor: 'end',
      box: { x0: c.x - gap - w, y0: c.y - h / 2, x1: c.x - gap, y1: c.y + h / 2 },
    };
    const above: Pos = {
      x: c.x,
      y: c.y - gap - h * 0.25,
      anchor: 'middle',
      box: { x0: c.x - w / 2, y0: c.y - gap - h, x1: c.x + w / 2, y1: c.y - gap },
    };
    const below: Pos = {
      x: c.x,
      y: c.y + gap + h * 0.75,
      anchor: 'middle',
      box: { x0: c.x - w / 2, y0: c.y + gap, x1: c.x + w / 2, y1: c.y + gap + h },
    };
    const centre: Pos = {
      x: c.x,
      y: c.y + asc,
      anchor: 'middle',
      box: { x0: c.x - w / 2, y0: c.y - h / 2, x1: c.x + w / 2, y1: c.y + h / 2 },
    };
    const order = c.centred
      ? [centre]
      : c.side === 'left'
        ? [left, above, below, right]
        : [right, left, above, below];
    for (const p of order) {
      const b = p.box;
      if (b.x0 < 2 || b.y0 < 2 || b.x1 > width - 2 || b.y1 > height - 2) continue;
      if (placed.some((o) => overlaps(o, b)) || obstacles.some((o) => overlaps(o, b))) continue;
      placed.push(b);
      out.push({ key: c.key, text: c.text, x: r1(p.x), y: r1(p.y), anchor: p.anchor, cls: c.cls });
      break;
    }
  }
  return out;
}

/**
 * Markers, labels, scale bar and inset view for a base map, a view of the facilities and a zoom. Several items at
 * one place form one cluster marker; markers that would overlap are moved aside in a fixed order of angles, with a
 * leader line to their point; an expanded cluster lays its items on a ring around it, in id order from the top,
 * clockwise. Pure; coordinates rounded to 0.1 px.
 */
/**
 * The first `n` of `list` in the order of `compare` (a total order), as `[...list].sort(compare).slice(0, n)` gives
 * them, without sorting the whole list: 200 labels chosen among 250,000 markers at each zoom.
 */
export function firstOf<T>(list: readonly T[], n: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  for (const x of list) {
    if (out.length === n && compare(x, out[n - 1]!) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(x, out[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    out.splice(lo, 0, x);
    if (out.length > n) out.pop();
  }
  return out;
}

/** Each group's projected point (null: no projection), per base map. */
const anchorPoints = new WeakMap<BaseMap, WeakMap<PlaceGroup, [number, number] | null>>();
/** The groups of a view in the order of its last layout (west to east): nearly sorted for the next zoom. */
const lastOrder = new WeakMap<FacilityPointsView, readonly PlaceGroup[]>();
/** What a group's marker is whatever the zoom: its key, shape, badge, size and category ring (SVG mode). */
interface GroupMark {
  key: string;
  shape: MapMarker['shape'];
  badge: string | null;
  /** The radius and ring in SVG mode (on canvas every marker is a 3 px square, with no ring: made when first asked). */
  r: number;
  segments?: MapMarker['segments'];
}
const groupMarks = new WeakMap<PlaceGroup, GroupMark>();
/** No ring, no category arcs: one array shared by the markers that have none (never written to). */
const NONE: never[] = [];
/**
 * A group's marker as far as it does not depend on the zoom, made once per group (a zoom of a 250,000-item map
 * allocates only the markers' positions): its key, shape, badge and size. Its things by style only for an SVG
 * cluster's ring ({@link segmentsOf}): a canvas square has its first item's colour.
 */
function groupMark(g: PlaceGroup): GroupMark {
  let s = groupMarks.get(g);
  if (!s) {
    const single = g.items.length === 1 ? g.items[0]! : null;
    // the area of a cluster grows with the things it stands for, and its number always fits
    const r = single
      ? 8
      : Math.max(9 + String(g.things).length * 2.5, Math.round(6 + 2.4 * Math.sqrt(g.things)));
    s = {
      key: `g:${g.key}`,
      shape: single ? single.kind : 'cluster',
      badge: single
        ? single.count !== null && single.count > 1
          ? `×${single.count}`
          : null
        : String(g.things),
      r,
    };
    groupMarks.set(g, s);
  }
  return s;
}

/**
 * Makes what every group's marker is whatever the zoom, ahead of a large map's first layout (a task of its own).
 */
export function prepareMarks(view: FacilityPointsView): void {
  for (const g of view.groups) groupMark(g);
}

/** A group's category ring in SVG mode, made once per group. */
function segmentsOf(g: PlaceGroup, gm: GroupMark): MapMarker['segments'] {
  return (gm.segments ??=
    g.items.length === 1 ? NONE : clusterSegments(thingsByStyle(g.items), gm.r, g.things));
}

/** Above this many items the markers are painted on a canvas (SVG keeps focus targets for the labelled ones). */
export const CANVAS_FROM = 600;
/** On canvas, at most this many markers are named: those with the most things. */
export const CANVAS_LABELS = 200;
/** The order in which canvas markers are chosen to be named: the most things first, then by key. */
const byThings = (p: PlaceGroup, q: PlaceGroup) => q.things - p.things || (p.key < q.key ? -1 : 1);

/**
 * The groups whose names a layout of the whole view measures: every group in SVG mode; on canvas, the
 * {@link CANVAS_LABELS} with the most things (when all are in view, as in a map fitted to its places). Known before
 * the base map, so that a map waiting for its geometry measures only these meanwhile (10,000 items: 200 names, not
 * 3,334).
 */
export function namedGroups(view: FacilityPointsView): readonly PlaceGroup[] {
  return view.itemCount > CANVAS_FROM ? firstOf(view.groups, CANVAS_LABELS, byThings) : view.groups;
}

export function layoutMarks(base: BaseMap, view: FacilityPointsView, options: MarksOptions): MarksLayout {
  const { width, height, projection } = base;
  const zoom = options.zoom ?? IDENTITY;
  const fs = options.fontSize ?? 12;
  const measure = options.measure ?? estimateWidth;
  const texts = options.texts;
  const canvas = view.itemCount > (options.canvasThreshold ?? CANVAS_FROM);
  // a page's geometry may name a region otherwise than the data's admin1 (`Agadez` → `agadez`): by id, else as slugs
  const regionCentre = new Map(
    base.regions.flatMap((r) => [[slug(r.name), r] as const, [slug(r.id), r] as const, [r.id, r] as const]),
  );
  const screen = (x: number, y: number): [number, number] => [
    r1(zoom.k * x + zoom.x),
    r1(zoom.k * y + zoom.y),
  ];
  const inView = (x: number, y: number, m = 0) => x >= -m && y >= -m && x <= width + m && y <= height + m;

  // 1. anchors (a group's projected point and its things by style do not depend on the zoom: made once per base
  // map and group; groups taken in the order of the last layout of this view, so that the sort below has little to do)
  const markers: MapMarker[] = [];
  let points = anchorPoints.get(base);
  if (!points) anchorPoints.set(base, (points = new WeakMap()));
  const groups = lastOrder.get(view) ?? view.groups;
  const unplaced: PlaceGroup[] = [];
  for (const g of groups) {
    let p = points.get(g);
    if (p === undefined) {
      if (g.anchor.type === 'point') p = projection([g.anchor.lon, g.anchor.lat]);
      else {
        const rc = regionCentre.get(g.anchor.region);
        p = rc ? [rc.cx, rc.cy] : projection([g.place.lon, g.place.lat]);
      }
      points.set(g, p);
    }
    if (!p) {
      unplaced.push(g);
      continue;
    }
    const x = r1(zoom.k * p[0] + zoom.x);
    const y = r1(zoom.k * p[1] + zoom.y);
    const gm = groupMark(g);
    markers.push({
      key: gm.key,
      group: g,
      x,
      y,
      ax: x,
      ay: y,
      moved: false,
      r: canvas ? 3 : gm.r,
      shape: gm.shape,
      badge: gm.badge,
      segments: canvas ? NONE : segmentsOf(g, gm),
      region: g.anchor.type === 'region',
      expanded: false,
      ring: NONE,
      visible: x >= 0 && y >= 0 && x <= width && y <= height,
    });
  }

  // how far a marker's ink reaches: its category ring, its halo
  const outer = (m: MapMarker) => m.r + (m.segments.length ? 5.5 : 0) + (m.group.approx ? 9 : 0);

  // 2. move overlapping markers aside (SVG mode only): towns before region-only markers (which stand anywhere in
  // their region, so moving them implies least), biggest first, fixed angles
  if (!canvas && texts) {
    const order = [...markers].sort(
      (a, b) =>
        Number(a.region) - Number(b.region) || b.group.things - a.group.things || (a.key < b.key ? -1 : 1),
    );
    const done: MapMarker[] = [];
    // a marker moved aside never hides a town's dot (nor another marker's point)
    const dots: [number, number][] = [
      ...view.towns.map((t) => screen(...projection([t.lon, t.lat]))),
      ...markers.map((mk): [number, number] => [mk.ax, mk.ay]),
    ];
    const angles = [0, 60, 120, 180, 240, 300, 30, 90, 150, 210, 270, 330].map((d) => (d * Math.PI) / 180);
    for (const m of order) {
      const free = (x: number, y: number) =>
        done.every((o) => Math.hypot(o.x - x, o.y - y) >= outer(o) + outer(m) + 2);
      // moved aside, it keeps clear of the dots too (its own point apart)
      const clear = (x: number, y: number) =>
        free(x, y) &&
        dots.every(([tx, ty]) => (tx === m.ax && ty === m.ay) || Math.hypot(tx - x, ty - y) >= outer(m) + 3);
      if (!free(m.x, m.y)) {
        // keep the towns' relative positions (west stays west): try first the directions nearest to the one from
        // the closest marker in the way to this marker's own point
        const near = done.reduce((a, o) =>
          Math.hypot(o.ax - m.ax, o.ay - m.ay) < Math.hypot(a.ax - m.ax, a.ay - m.ay) ? o : a,
        );
        const dx = m.ax - near.ax;
        const dy = m.ay - near.ay;
        const want = dx || dy ? Math.atan2(dy, dx) : null;
        const turn = (a: number) => Math.abs(Math.atan2(Math.sin(a - want!), Math.cos(a - want!)));
        const tries = want === null ? angles : [...angles].sort((a, b) => turn(a) - turn(b) || a - b);
        // a town east of its neighbour is drawn east of it (and west, west), while any place is found
        const side = Math.sign(dx);
        search: for (const strict of side ? [true, false] : [false])
          for (let ring = 1; ring <= 4; ring++) {
            for (const a of tries) {
              if (want !== null && ring === 1 && turn(a) > Math.PI / 2 + 1e-9) continue;
              const d = ring * (outer(m) + outer(near) + 2);
              const x = r1(near.x + d * Math.cos(a));
              const y = r1(near.y + d * Math.sin(a));
              if (strict && Math.sign(x - near.x) !== side) continue;
              if (clear(x, y)) {
                m.x = x;
                m.y = y;
                m.moved = true;
                break search;
              }
            }
          }
      }
      done.push(m);
    }
  }

  // 3. an expanded cluster: its items listed in a panel beside it, in id order, each row labelled (after the labels)
  const expanded = markers.find((m) => m.key === options.expanded && m.group.items.length > 1 && m.visible);
  if (expanded && !canvas) expanded.expanded = true;

  // 4. west to east, then north to south: the reading and keyboard order
  markers.sort((a, b) => a.x - b.x || a.y - b.y || (a.key < b.key ? -1 : 1));
  const order: PlaceGroup[] = new Array(markers.length);
  for (let i = 0; i < markers.length; i++) order[i] = markers[i]!.group;
  lastOrder.set(view, unplaced.length ? order.concat(unplaced) : order);

  // 5. towns without facilities
  const towns: TownDot[] = [];
  for (const p of view.towns) {
    const q = projection([p.lon, p.lat]);
    if (!q) continue;
    const [x, y] = screen(q[0], q[1]);
    if (inView(x, y)) towns.push({ id: p.id, place: p, x, y });
  }

  // 6. scale bar (km per px at the view's centre) and the inset's view rectangle
  const bx = (width / 2 - zoom.x) / zoom.k;
  const by = (height / 2 - zoom.y) / zoom.k;
  const span = 50 / zoom.k;
  const a = projection.invert([bx - span, by]);
  const b = projection.invert([bx + span, by]);
  const kmPerPx = a && b ? (sphereDistance(a, b) * 6371.0088) / 100 : 0;
  const km = kmPerPx > 0 ? niceKm(Math.min(120, width * 0.25) * kmPerPx) : 0;
  const scaleBar = { x: 10, y: height - 12, w: kmPerPx > 0 ? Math.round(km / kmPerPx) : 0, km };

  const ins = base.inset;
  const corner = (sx: number, sy: number) => {
    const ll = projection.invert([(sx - zoom.x) / zoom.k, (sy - zoom.y) / zoom.k]);
    return ll && ins ? ins.projection(ll) : null;
  };
  const tl = corner(0, 0);
  const br = corner(width, height);
  const clip = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  const insetView = !ins
    ? { x: 0, y: 0, w: 0, h: 0 }
    : tl && br
      ? {
          x: r1(clip(tl[0], ins.x, ins.x + ins.w)),
          y: r1(clip(tl[1], ins.y, ins.y + ins.h)),
          w: r1(clip(br[0], ins.x, ins.x + ins.w) - clip(tl[0], ins.x, ins.x + ins.w)),
          h: r1(clip(br[1], ins.y, ins.y + ins.h) - clip(tl[1], ins.y, ins.y + ins.h)),
        }
      : { x: ins.x, y: ins.y, w: ins.w, h: ins.h };

  // 7. what lies beyond the view: one edge marker per stretch of edge, with the things it stands for
  const offView = edgeMarkers(markers, width, height, zoom, fs, measure, ins ? ins.y + ins.h + 6 : 0);

  const layout = {
    width,
    height,
    zoom,
    transform: `translate(${zoom.x},${zoom.y}) scale(${zoom.k})`,
    markers,
    towns,
    labels: [] as MapLabel[],
    scaleBar,
    insetView,
    panel: null as MarksLayout['panel'],
    offView,
    canvas,
    canvasFocus: [] as MapMarker[],
  };
  if (!texts) return layout;

  // 8. labels: open list > facility > capital > town > region/country names
  const obstacles: Box[] = [
    { x0: 0, y0: height - 30, x1: scaleBar.x + Math.max(scaleBar.w, 60) + 8, y1: height },
    { x0: width - measure(texts.attribution, 11) - 12, y0: height - 20, x1: width, y1: height },
  ];
  if (ins) obstacles.push({ x0: ins.x - 4, y0: ins.y - 4, x1: ins.x + ins.w + 4, y1: ins.y + ins.h + 4 });
  for (const o of offView)
    obstacles.push({ x0: o.x - o.rx - 2, y0: o.y - 11, x1: o.x + o.rx + 2, y1: o.y + 11 });
  const cands: LabelCandidate[] = [];
  const visible = markers.filter((m) => m.visible);
  const labelled = canvas ? firstOf(visible, CANVAS_LABELS, (p, q) => byThings(p.group, q.group)) : visible;
  if (!canvas) {
    for (const m of visible) {
      obstacles.push(circleBox(m.x, m.y, m.r + (m.group.approx ? 4 : 0)));
      if (m.moved) obstacles.push(circleBox(m.ax, m.ay, 2.5));
    }
    for (const t of towns) obstacles.push(circleBox(t.x, t.y, 2.5));
  }
  // the open cluster's list: a panel over its neighbours (drawn on top), every item on its own labelled row
  let panel: MarksLayout['panel'] = null;
  const fixed: MapLabel[] = [];
  if (expanded && !canvas) {
    const rowH = Math.round(fs * 1.9);
    const maxText = Math.max(80, Math.min(320, width - expanded.r * 2 - 60));
    const rows = expanded.group.items.map((item) => {
      const text = fitText(texts.items.get(item.id) ?? '', maxText, fs, 6, measure) || '…';
      return { item, text, w: measure(text, fs, 400) };
    });
    const w = Math.ceil(Math.max(...rows.map((r) => r.w)) + 40);
    const h = rows.length * rowH + 8;
    const gap = expanded.r + 10;
    const right = expanded.x + gap + w <= width - 4;
    const left = expanded.x - gap - w >= 4;
    const px = right || !left ? Math.min(width - w - 4, expanded.x + gap) : expanded.x - gap - w;
    const py = clip(expanded.y - h / 2, 4, Math.max(4, height - h - 4));
    panel = { x: r1(Math.max(4, px)), y: r1(py), w, h };
    expanded.ring = rows.map((row, i) => {
      const cy = r1(panel!.y + 4 + rowH * i + rowH / 2);
      fixed.push({
        key: `i:${row.item.id}`,
        text: row.text,
        x: r1(panel!.x + 30),
        y: r1(cy + fs * 0.35),
        anchor: 'start',
        cls: 'item',
      });
      return { key: `i:${row.item.id}`, item: row.item, x: r1(panel!.x + 14), y: cy };
    });
    obstacles.push({
      x0: panel.x - 3,
      y0: panel.y - 4,
      x1: panel.x + panel.w + 3,
      y1: panel.y + panel.h + 4,
    });
  }
  for (const m of labelled)
    cands.push({
      key: m.key,
      text: texts.groups.get(m.group.key) ?? '',
      x: m.x,
      y: m.y,
      // a single item's count (×12) is written beside it: the name goes beyond it
      r:
        m.r +
        (m.group.approx ? 5 : 0) +
        (m.badge && m.shape !== 'cluster' ? measure(m.badge, 11, 700) + 6 : 0),
      cls: 'facility',
      priority: 4,
    });
  for (const t of towns) {
    const cap = t.place.kind === 'capital' || t.place.kind === 'regional-capital';
    cands.push({
      key: `t:${t.id}`,
      text: texts.places.get(t.place.id) ?? '',
      x: t.x,
      y: t.y,
      r: 3,
      cls: cap ? 'capital' : 'town',
      priority: cap ? 3 : 2,
    });
  }
  for (const r of base.regions) {
    const text = texts.regions.get(r.id);
    const [x, y] = screen(r.cx, r.cy);
    if (text && inView(x, y))
      cands.push({ key: `r:${r.id}`, text, x, y, r: 0, cls: 'region', priority: 1, centred: true });
  }
  for (const c of base.countries) {
    const text = texts.countries.get(c.id);
    const [x, y] = screen(c.cx, c.cy);
    // a country is named only where its name fits in what is drawn of it (a sliver at the edge stays unnamed)
    const w = text ? measure(text, fs) + Array.from(text).length * fs * AREA_TRACKING : 0;
    if (text && inView(x, y) && w <= c.w * zoom.k && fs * 1.4 <= c.h * zoom.k)
      cands.push({ key: `c:${c.id}`, text, x, y, r: 0, cls: 'country', priority: 0, centred: true });
  }
  const labels = [
    ...placeLabels(
      cands.filter((c) => c.text),
      obstacles,
      width,
      height,
      fs,
      measure,
    ),
    ...fixed,
  ];

  const placed = canvas ? new Set(labels.map((l) => l.key)) : undefined;
  const canvasFocus = placed
    ? labelled
        .filter((m) => placed.has(m.key))
        .sort((a, b) => a.x - b.x || a.y - b.y || (a.key < b.key ? -1 : 1))
    : [];

  return { ...layout, labels, panel, canvasFocus };
}

/** The arcs of a cluster's category ring: one per kind with things, in legend order, from the top, clockwise. */
function clusterSegments(
  byStyle: ReadonlyMap<number, number>,
  r: number,
  total: number,
): MapMarker['segments'] {
  const out: MapMarker['segments'] = [];
  const kinds = [...byStyle.keys()].filter((k) => byStyle.get(k)! > 0).sort((a, b) => a - b);
  const R = r + 3.5;
  const pt = (a: number) => `${r1(R * Math.cos(a))},${r1(R * Math.sin(a))}`;
  if (kinds.length === 1) {
    out.push({ style: kinds[0]!, d: `M0,${-R}A${R},${R} 0 1 1 0,${R}A${R},${R} 0 1 1 0,${-R}` });
    return out;
  }
  let a0 = -Math.PI / 2;
  for (const k of kinds) {
    const a1 = a0 + (2 * Math.PI * byStyle.get(k)!) / total;
    out.push({ style: k, d: `M${pt(a0)}A${R},${R} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${pt(a1)}` });
    a0 = a1;
  }
  return out;
}

/**
 * Edge markers for the markers whose point is outside the view: each one's direction from the view's centre meets
 * the edge (inset by a margin); those meeting the same stretch of the same edge share one marker, which sums their
 * things and records and keeps them nearest first. Nothing is beyond the view without being counted here.
 */
function edgeMarkers(
  markers: readonly MapMarker[],
  width: number,
  height: number,
  zoom: MapZoom,
  fs: number,
  measure: Measure,
  top: number,
): OffView[] {
  const cx = width / 2;
  const cy = height / 2;
  const m = 16;
  const slots = new Map<string, { side: OffView['side']; ms: MapMarker[]; ex: number; ey: number }>();
  for (const mk of markers) {
    if (mk.visible) continue;
    const dx = mk.ax - cx;
    const dy = mk.ay - cy;
    const tx = dx ? (cx - m) / Math.abs(dx) : Infinity;
    const ty = dy ? (cy - m) / Math.abs(dy) : Infinity;
    const t = Math.min(tx, ty);
    const ex = cx + dx * t;
    const ey = cy + dy * t;
    const side: OffView['side'] = tx < ty ? (dx > 0 ? 'e' : 'w') : dy > 0 ? 's' : 'n';
    const along = side === 'e' || side === 'w' ? ey : ex;
    const key = `o:${side}:${Math.floor(along / 90)}`;
    const slot = slots.get(key) ?? { side, ms: [], ex: 0, ey: 0 };
    slot.ms.push(mk);
    slots.set(key, slot);
  }
  const out: OffView[] = [];
  for (const [key, slot] of slots) {
    // nearest first: each distance worked out once, not once per comparison
    const byDist = slot.ms.map((mk) => ({ mk, d: Math.hypot(mk.ax - cx, mk.ay - cy) }));
    byDist.sort((a, b) => a.d - b.d || (a.mk.key < b.mk.key ? -1 : 1));
    const ms = byDist.map((e) => e.mk);
    const near = ms[0]!;
    // drawn where the nearest one's direction meets the edge, clear of the inset and the scale bar
    const dx = near.ax - cx;
    const dy = near.ay - cy;
    const t = Math.min(dx ? (cx - m) / Math.abs(dx) : Infinity, dy ? (cy - m) / Math.abs(dy) : Infinity);
    const things = ms.reduce((s, mk) => s + mk.group.things, 0);
    const rx = Math.ceil(measure(String(things), fs, 700) / 2 + 14);
    const x = r1(Math.max(rx + 2, Math.min(width - rx - 2, cx + dx * t)));
    const y = r1(Math.max(top + 12, Math.min(height - 40, cy + dy * t)));
    out.push({
      key,
      side: slot.side,
      x,
      y,
      angle: Math.round((Math.atan2(near.ay - y, near.ax - x) * 180) / Math.PI),
      things,
      records: ms.reduce((s, mk) => s + mk.group.items.length, 0),
      groups: ms.map((mk) => mk.group.key),
      target: { x: r1((near.ax - zoom.x) / zoom.k), y: r1((near.ay - zoom.y) / zoom.k) },
      rx,
    });
  }
  // edge markers never overlap: along its edge, each one clear of the one before
  out.sort((a, b) =>
    a.side < b.side ? -1 : a.side > b.side ? 1 : a.side === 'e' || a.side === 'w' ? a.y - b.y : a.x - b.x,
  );
  for (let i = 1; i < out.length; i++) {
    const p = out[i - 1]!;
    const o = out[i]!;
    if (Math.abs(o.x - p.x) < o.rx + p.rx + 4 && Math.abs(o.y - p.y) < 24) {
      if (o.side === 'e' || o.side === 'w') o.y = r1(p.y + 24);
      else o.x = r1(p.x + p.rx + o.rx + 4);
    }
  }
  // and none runs past the bottom (the scale bar's corner): a column too long moves up as one
  for (const side of ['w', 'e'] as const) {
    const col = out.filter((o) => o.side === side);
    const over = Math.max(0, ...col.map((o) => o.y - (height - 40)));
    for (const o of col) o.y = r1(Math.max(top + 12, o.y - over));
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The zoom that brings an off-view marker's point to the centre of the view, at the same scale (clamped). */
export function panTo(z: MapZoom, target: { x: number; y: number }, width: number, height: number): MapZoom {
  return clampZoom({ k: z.k, x: width / 2 - z.k * target.x, y: height / 2 - z.k * target.y }, width, height);
}

/** The width of the widest of `texts` (px, rounded up, 2 px to spare): a box that keeps it whatever it shows. */
export function widest(texts: readonly string[], measure: Measure, fontSize: number, weight = 400): number {
  return Math.ceil(Math.max(0, ...texts.map((t) => measure(t, fontSize, weight)))) + 2;
}

/** Whether a point of the unzoomed map can be brought into the view by panning (it lies on the fitted map). */
export function reachable(target: { x: number; y: number }, width: number, height: number): boolean {
  return target.x >= 0 && target.y >= 0 && target.x <= width && target.y <= height;
}

/** Pointer reach of a canvas marker, in pixels. */
export const HIT_RADIUS = 8;

/**
 * The marker under a point of the view (the coordinates of the marker layer: the zoom is already applied to the
 * markers): the nearest visible marker within `radius`, for canvas markers, which have no element to point at.
 */
export function hitMarker(
  layout: MarksLayout,
  x: number,
  y: number,
  radius = HIT_RADIUS,
): string | undefined {
  let best: string | undefined;
  let bd = radius;
  for (const m of layout.markers) {
    if (!m.visible) continue;
    const d = Math.hypot(m.x - x, m.y - y);
    if (d < bd) {
      bd = d;
      best = m.key;
    }
  }
  return best;
}

/**
 * Where buttons and keys zoom: the town point of the focused marker (or the item of an open ring) when it is in
 * view, else the marker nearest the centre of the markers in view (one drawn at its town, not moved aside), else the
 * centre of the view — never an empty region when there is something to see.
 */
export function zoomAnchor(layout: MarksLayout, key?: string): { x: number; y: number } {
  const { width, height } = layout;
  const inBox = (x: number, y: number) => x >= 0 && y >= 0 && x <= width && y <= height;
  if (key !== undefined)
    for (const m of layout.markers) {
      if (m.key === key && m.visible) return { x: m.ax, y: m.ay };
      if (!m.ring.length) continue;
      const it = m.ring.find((r) => r.key === key);
      if (it && inBox(it.x, it.y)) return { x: it.x, y: it.y };
    }
  const visible = layout.markers.filter((m) => m.visible);
  if (!visible.length) return { x: width / 2, y: height / 2 };
  // a marker drawn at its own town stays put on screen; one moved aside from a crowd would jump
  const still = visible.filter((m) => !m.moved);
  const shown = still.length ? still : visible;
  const cx = shown.reduce((s, m) => s + m.ax, 0) / shown.length;
  const cy = shown.reduce((s, m) => s + m.ay, 0) / shown.length;
  let best = shown[0]!;
  for (const m of shown)
    if (Math.hypot(m.ax - cx, m.ay - cy) < Math.hypot(best.ax - cx, best.ay - cy)) best = m;
  return { x: best.ax, y: best.ay };
}
