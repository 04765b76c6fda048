import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Place } from '../schema/dataset';
import type { FacilityItem, FacilityKind, FacilityPointsView, PlaceGroup } from '../select/facility-points';
import { mercatorFit, planarPath, sphereDistance, symbolPath, type Planar } from './planar';
import { estimateWidth, fitText, type Measure } from './text-fit';

/** Properties of the features in `data/geo/mali.topo.json`. */
export interface GeoProps {
  id: string;
  name: string;
}
export type GeoFeature = Feature<Geometry, GeoProps>;
/** The decoded base map: Mali's regions and the countries around. */
export interface MapGeoData {
  regions: FeatureCollection<Geometry, GeoProps>;
  countries: FeatureCollection<Geometry, GeoProps>;
}

/** Decodes the TopoJSON of the base map (objects `regions` and `countries`, see docs/geo-data.md). */
export function decodeMapGeo(topology: unknown): MapGeoData {
  const topo = topology as Topology<{ regions: GeometryCollection; countries: GeometryCollection }>;
  return {
    regions: feature(topo, topo.objects.regions) as unknown as MapGeoData['regions'],
    countries: feature(topo, topo.objects.countries) as unknown as MapGeoData['countries'],
  };
}

export interface BasePath {
  id: string;
  name: string;
  d: string;
  /** Centroid in unzoomed pixels. */
  cx: number;
  cy: number;
  focus: boolean;
}

/** The projected base map for one size and one focus; zoom does not change it. */
export interface BaseMap {
  width: number;
  height: number;
  focus: string;
  projection: Planar;
  regions: BasePath[];
  /** Countries other than Mali. */
  countries: BasePath[];
  inset: {
    x: number;
    y: number;
    w: number;
    h: number;
    /** Mali's regions in the inset, one path, and the focused region. */
    mali: string;
    focus: string;
    projection: Planar;
  };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Projects the base map (Mercator) fitted to one region (`mopti`, …) or to the whole country (`mali`) in a
 * `width` × `height` box, with an inset locator of Mali in the top-right corner. Pure; paths rounded to 0.1 px.
 */
export function layoutBaseMap(geo: MapGeoData, width: number, height: number, focus: string): BaseMap {
  const target: GeoFeature | undefined =
    focus === 'mali'
      ? geo.countries.features.find((f) => f.properties.id === 'mli')
      : geo.regions.features.find((f) => f.properties.id === focus);
  const pad = Math.round(Math.min(width, height) * 0.06) + 8;
  const projection = mercatorFit(
    [
      [pad, pad],
      [width - pad, height - pad - 10],
    ],
    target ?? geo.regions,
  );
  // zoom never shows more than the box, so everything outside it is cut (smaller paths; centroids of what shows)
  const box: [number, number, number, number] = [-2, -2, width + 2, height + 2];
  const base = (f: GeoFeature, isFocus: boolean): BasePath => {
    const { d, centroid } = planarPath(projection, f, box);
    return {
      id: f.properties.id,
      name: f.properties.name,
      d,
      cx: r1(centroid[0]),
      cy: r1(centroid[1]),
      focus: isFocus,
    };
  };
  const regions = geo.regions.features.map((f) => base(f, f.properties.id === focus));
  const countries = geo.countries.features
    .filter((f) => f.properties.id !== 'mli')
    .map((f) => base(f, false));

  const iw = Math.round(Math.max(72, Math.min(140, width * 0.18)));
  const ih = Math.round(iw * 0.8);
  const ix = width - iw - 8;
  const iy = 8;
  const mali = geo.countries.features.find((f) => f.properties.id === 'mli') ?? geo.regions;
  const insetProjection = mercatorFit(
    [
      [ix + 4, iy + 4],
      [ix + iw - 4, iy + ih - 4],
    ],
    mali,
  );
  const insetPath = (o: GeoFeature | MapGeoData['regions']) => planarPath(insetProjection, o).d;
  const focusFeature = geo.regions.features.find((f) => f.properties.id === focus);
  return {
    width,
    height,
    focus,
    projection,
    regions,
    countries,
    inset: {
      x: ix,
      y: iy,
      w: iw,
      h: ih,
      mali: insetPath(geo.regions),
      focus: focusFeature ? insetPath(focusFeature) : '',
      projection: insetProjection,
    },
  };
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
  const key = `${kind}|${size}`;
  let d = symbolPaths.get(key);
  if (d === undefined) symbolPaths.set(key, (d = symbolPath(KIND_SYMBOL[kind], size)));
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
  /** Text drawn with the marker: number of items of a cluster, or the count of a single item above 1. */
  badge: string | null;
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
  /** The view rectangle in the inset. */
  insetView: { x: number; y: number; w: number; h: number };
  /** Items are many: draw markers on canvas, keep SVG for labels and focus. */
  canvas: boolean;
}

/**
 * The words the layout draws, from `describe/facility-map.ts` (the layout never makes text up): marker labels by group
 * key, ring labels by item id, town names by place id, the region and country names to show, and the credit.
 */
export interface MapTexts {
  /** Label of a group's marker by group key (`p:sevare` → `Sévaré`, `r:mopti` → `Mopti region`). */
  groups: ReadonlyMap<string, string>;
  /** Label of an item of an open cluster, by item id. */
  items: ReadonlyMap<string, string>;
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
  texts: MapTexts;
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

const RING_STEP = 36;

/**
 * Markers, labels, scale bar and inset view for a base map, a view of the facilities and a zoom. Several items at
 * one place form one cluster marker; markers that would overlap are moved aside in a fixed order of angles, with a
 * leader line to their point; an expanded cluster lays its items on a ring around it, in id order from the top,
 * clockwise. Pure; coordinates rounded to 0.1 px.
 */
export function layoutMarks(base: BaseMap, view: FacilityPointsView, options: MarksOptions): MarksLayout {
  const { width, height, projection } = base;
  const zoom = options.zoom ?? IDENTITY;
  const fs = options.fontSize ?? 12;
  const measure = options.measure ?? estimateWidth;
  const texts = options.texts;
  const canvas = view.itemCount > (options.canvasThreshold ?? 600);
  const regionCentre = new Map(base.regions.map((r) => [r.id, r]));
  const screen = (x: number, y: number): [number, number] => [
    r1(zoom.k * x + zoom.x),
    r1(zoom.k * y + zoom.y),
  ];
  const inView = (x: number, y: number, m = 0) => x >= -m && y >= -m && x <= width + m && y <= height + m;

  // 1. anchors
  const markers: MapMarker[] = [];
  for (const g of view.groups) {
    let p: [number, number] | null;
    if (g.anchor.type === 'point') p = projection([g.anchor.lon, g.anchor.lat]);
    else {
      const rc = regionCentre.get(g.anchor.region);
      p = rc ? [rc.cx, rc.cy] : projection([g.place.lon, g.place.lat]);
    }
    if (!p) continue;
    const [x, y] = screen(p[0], p[1]);
    const n = g.items.length;
    const single = n === 1 ? g.items[0]! : null;
    const badge = single
      ? single.count !== null && single.count > 1
        ? `×${single.count}`
        : null
      : String(n);
    const r = canvas ? 3 : single ? 8 : 10 + String(n).length * 2;
    markers.push({
      key: `g:${g.key}`,
      group: g,
      x,
      y,
      ax: x,
      ay: y,
      moved: false,
      r,
      shape: single ? single.kind : 'cluster',
      badge,
      region: g.anchor.type === 'region',
      expanded: false,
      ring: [],
      visible: inView(x, y),
    });
  }

  // 2. move overlapping markers aside (SVG mode only): biggest first, fixed angles
  if (!canvas) {
    const order = [...markers].sort(
      (a, b) => b.group.items.length - a.group.items.length || (a.key < b.key ? -1 : 1),
    );
    const done: MapMarker[] = [];
    const angles = [0, 60, 120, 180, 240, 300, 30, 90, 150, 210, 270, 330].map((d) => (d * Math.PI) / 180);
    for (const m of order) {
      const free = (x: number, y: number) => done.every((o) => Math.hypot(o.x - x, o.y - y) >= o.r + m.r + 3);
      if (!free(m.x, m.y)) {
        search: for (let ring = 1; ring <= 4; ring++) {
          for (const a of angles) {
            const d = ring * (m.r * 2 + 4);
            const x = r1(m.ax + d * Math.cos(a));
            const y = r1(m.ay + d * Math.sin(a));
            if (free(x, y)) {
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

  // 3. an expanded cluster: items on a ring, from the top, clockwise, by id
  const expanded = markers.find((m) => m.key === options.expanded && m.group.items.length > 1);
  if (expanded && !canvas) {
    expanded.expanded = true;
    const n = expanded.group.items.length;
    const R = Math.max(expanded.r + 22, Math.ceil((n * RING_STEP) / (2 * Math.PI)));
    expanded.ring = expanded.group.items.map((item, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return {
        key: `i:${item.id}`,
        item,
        x: r1(expanded.x + R * Math.cos(a)),
        y: r1(expanded.y + R * Math.sin(a)),
      };
    });
  }

  // 4. west to east, then north to south: the reading and keyboard order
  markers.sort((a, b) => a.x - b.x || a.y - b.y || (a.key < b.key ? -1 : 1));

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

  const corner = (sx: number, sy: number) => {
    const ll = projection.invert([(sx - zoom.x) / zoom.k, (sy - zoom.y) / zoom.k]);
    return ll ? base.inset.projection(ll) : null;
  };
  const tl = corner(0, 0);
  const br = corner(width, height);
  const ins = base.inset;
  const clip = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  const insetView =
    tl && br
      ? {
          x: r1(clip(tl[0], ins.x, ins.x + ins.w)),
          y: r1(clip(tl[1], ins.y, ins.y + ins.h)),
          w: r1(clip(br[0], ins.x, ins.x + ins.w) - clip(tl[0], ins.x, ins.x + ins.w)),
          h: r1(clip(br[1], ins.y, ins.y + ins.h) - clip(tl[1], ins.y, ins.y + ins.h)),
        }
      : { x: ins.x, y: ins.y, w: ins.w, h: ins.h };

  // 7. labels: facility > ring item > capital > town > region/country names
  const obstacles: Box[] = [
    { x0: ins.x - 4, y0: ins.y - 4, x1: ins.x + ins.w + 4, y1: ins.y + ins.h + 4 },
    { x0: 0, y0: height - 30, x1: scaleBar.x + Math.max(scaleBar.w, 60) + 8, y1: height },
    { x0: width - measure(texts.attribution, 11) - 12, y0: height - 20, x1: width, y1: height },
  ];
  const cands: LabelCandidate[] = [];
  const visible = markers.filter((m) => m.visible);
  const labelled = canvas
    ? [...visible]
        .sort((p, q) => q.group.items.length - p.group.items.length || (p.key < q.key ? -1 : 1))
        .slice(0, 200)
    : visible;
  if (!canvas) {
    for (const m of visible) {
      obstacles.push(circleBox(m.x, m.y, m.r + (m.group.approx ? 4 : 0)));
      if (m.moved) obstacles.push(circleBox(m.ax, m.ay, 2.5));
      for (const it of m.ring) obstacles.push(circleBox(it.x, it.y, 9));
    }
    for (const t of towns) obstacles.push(circleBox(t.x, t.y, 2.5));
  }
  if (expanded && !canvas) {
    for (const it of expanded.ring) {
      const label = texts.items.get(it.item.id) ?? '';
      const text = fitText(label, Math.max(60, width * 0.28), fs, 6, measure);
      if (text)
        cands.push({
          key: it.key,
          text,
          x: it.x,
          y: it.y,
          r: 9,
          cls: 'item',
          priority: 5,
          side: it.x < expanded.x ? 'left' : 'right',
        });
    }
  }
  for (const m of labelled)
    cands.push({
      key: m.key,
      text: texts.groups.get(m.group.key) ?? '',
      x: m.x,
      y: m.y,
      r: m.r + (m.group.approx ? 5 : 0) + (m.badge && m.shape !== 'cluster' ? 20 : 0),
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
    if (text && inView(x, y))
      cands.push({ key: `c:${c.id}`, text, x, y, r: 0, cls: 'country', priority: 0, centred: true });
  }
  const labels = placeLabels(
    cands.filter((c) => c.text),
    obstacles,
    width,
    height,
    fs,
    measure,
  );

  return {
    width,
    height,
    zoom,
    transform: `translate(${zoom.x},${zoom.y}) scale(${zoom.k})`,
    markers,
    towns,
    labels,
    scaleBar,
    insetView,
    canvas,
  };
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
