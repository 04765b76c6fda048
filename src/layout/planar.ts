import type { Geometry, GeoJsonObject, Position } from 'geojson';

/**
 * A small spherical Mercator for one region of the world, in place of d3-geo (which weighs ~11 KB gzip in the bundle
 * for clipping and resampling the map does not need: the Natural Earth borders are dense, the area is small and far
 * from the antimeridian). Same formulas as d3's `geoMercator` and `fitExtent`: screen = (tx + k·λ, ty − k·ln tan(π/4 + φ/2)).
 */
export interface Planar {
  (p: readonly [number, number] | Position): [number, number];
  invert(p: readonly [number, number]): [number, number];
  k: number;
  tx: number;
  ty: number;
}

const RAD = Math.PI / 180;
const rawY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

/** Calls `f` with every position of a GeoJSON object. */
function eachPosition(o: GeoJsonObject | Geometry, f: (p: Position) => void): void {
  const g = o as {
    type: string;
    coordinates?: unknown;
    geometries?: Geometry[];
    geometry?: Geometry;
    features?: GeoJsonObject[];
  };
  switch (g.type) {
    case 'FeatureCollection':
      g.features!.forEach((x) => eachPosition(x, f));
      return;
    case 'Feature':
      if (g.geometry) eachPosition(g.geometry, f);
      return;
    case 'GeometryCollection':
      g.geometries!.forEach((x) => eachPosition(x, f));
      return;
    case 'Point':
      f(g.coordinates as Position);
      return;
    case 'MultiPoint':
    case 'LineString':
      (g.coordinates as Position[]).forEach(f);
      return;
    case 'MultiLineString':
    case 'Polygon':
      (g.coordinates as Position[][]).forEach((r) => r.forEach(f));
      return;
    case 'MultiPolygon':
      (g.coordinates as Position[][][]).forEach((p) => p.forEach((r) => r.forEach(f)));
  }
}

/** A Mercator projection fitted (centred, aspect kept) to `object` inside the extent [[x0, y0], [x1, y1]]. */
export function mercatorFit(extent: [[number, number], [number, number]], object: GeoJsonObject): Planar {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  eachPosition(object, (p) => {
    const x = p[0]! * RAD;
    const y = rawY(p[1]!);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  });
  const [[ex0, ey0], [ex1, ey1]] = extent;
  const w = ex1 - ex0;
  const h = ey1 - ey0;
  const k = Math.min(w / (x1 - x0), h / (y1 - y0));
  const tx = ex0 + (w - k * (x1 - x0)) / 2 - k * x0;
  const ty = ey0 + (h - k * (y1 - y0)) / 2 + k * y1;
  const project = ((p: readonly [number, number] | Position): [number, number] => [
    tx + k * p[0]! * RAD,
    ty - k * rawY(p[1]!),
  ]) as Planar;
  project.invert = ([px, py]) => [
    (px - tx) / k / RAD,
    (2 * Math.atan(Math.exp((ty - py) / k)) - Math.PI / 2) / RAD,
  ];
  project.k = k;
  project.tx = tx;
  project.ty = ty;
  return project;
}

type Box = [number, number, number, number];

function polygons(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygons);
  return [];
}

/**
 * A ring in the projection's own terms, made once per ring (a decoded geometry is never changed): the longitudes and
 * `ln tan(π/4 + φ/2)` of its points (the closing point left out), and their bounds. Every fit of every size then
 * projects a point with one multiplication and one addition per axis, and a ring wholly inside or outside the box is
 * known from its bounds without looking at its points.
 */
interface UnitRing {
  lon: Float64Array;
  y: Float64Array;
  lon0: number;
  lon1: number;
  y0: number;
  y1: number;
}
const unitRings = new WeakMap<Position[], UnitRing>();
function unitRing(ring: Position[]): UnitRing {
  let u = unitRings.get(ring);
  if (u) return u;
  const n = Math.max(0, ring.length - 1);
  const lon = new Float64Array(n);
  const y = new Float64Array(n);
  let lon0 = Infinity;
  let lon1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    const a = p[0]!;
    const b = rawY(p[1]!);
    lon[i] = a;
    y[i] = b;
    if (a < lon0) lon0 = a;
    if (a > lon1) lon1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  unitRings.set(ring, (u = { lon, y, lon0, lon1, y0, y1 }));
  return u;
}

/**
 * Sutherland–Hodgman: the part of a closed ring (`xs`, `ys`) inside the box, one edge of the box after the other, in
 * the order of the ring's points.
 */
function clipRing(xs: number[], ys: number[], [bx0, by0, bx1, by1]: Box): [number[], number[]] {
  for (let edge = 0; edge < 4 && xs.length; edge++) {
    const ox: number[] = [];
    const oy: number[] = [];
    const n = xs.length;
    const vertical = edge < 2;
    const bound = edge === 0 ? bx0 : edge === 1 ? bx1 : edge === 2 ? by0 : by1;
    const low = edge === 0 || edge === 2;
    let px = xs[n - 1]!;
    let py = ys[n - 1]!;
    let pIn = low ? (vertical ? px : py) >= bound : (vertical ? px : py) <= bound;
    for (let i = 0; i < n; i++) {
      const cx = xs[i]!;
      const cy = ys[i]!;
      const v = vertical ? cx : cy;
      const cIn = low ? v >= bound : v <= bound;
      if (cIn !== pIn) {
        // where the segment from the previous point to this one crosses the edge
        if (vertical) {
          ox.push(bound);
          oy.push(py + ((cy - py) * (bound - px)) / (cx - px));
        } else {
          ox.push(px + ((cx - px) * (bound - py)) / (cy - py));
          oy.push(bound);
        }
      }
      if (cIn) {
        ox.push(cx);
        oy.push(cy);
      }
      px = cx;
      py = cy;
      pIn = cIn;
    }
    xs = ox;
    ys = oy;
  }
  return [xs, ys];
}

/**
 * The SVG path, planar centroid and extent ([x0, y0, x1, y1], empty: Infinity) of the polygons of `object`,
 * projected and clipped to `box`. With `minStep` (px), the path leaves out each point nearer than that to the last
 * one written, on both axes (a small map such as the inset locator: Natural Earth's borders have many points per
 * pixel there), and a ring left with fewer than three points; the centroid and extent are of every point.
 */
export function planarPath(
  projection: Planar,
  object: GeoJsonObject,
  box: Box = [-Infinity, -Infinity, Infinity, Infinity],
  minStep = 0,
): { d: string; centroid: [number, number]; extent: Box } {
  const geoms: Geometry[] =
    object.type === 'FeatureCollection'
      ? (object as unknown as { features: { geometry: Geometry }[] }).features.map((f) => f.geometry)
      : object.type === 'Feature'
        ? [(object as unknown as { geometry: Geometry }).geometry]
        : [object as Geometry];
  const { k, tx, ty } = projection;
  const [bx0, by0, bx1, by1] = box;
  const clips = Number.isFinite(bx0);
  let d = '';
  let area = 0;
  let cx = 0;
  let cy = 0;
  const extent: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geoms)
    for (const poly of polygons(g))
      for (const ring of poly) {
        const u = unitRing(ring);
        const n = u.lon.length;
        // the ring's bounds on screen (Mercator keeps the order of longitudes, and reverses that of latitudes)
        const rx0 = tx + k * u.lon0 * RAD;
        const rx1 = tx + k * u.lon1 * RAD;
        const ry0 = ty - k * u.y1;
        const ry1 = ty - k * u.y0;
        // wholly beyond one edge of the box: nothing of it is left
        if (clips && (rx1 < bx0 || rx0 > bx1 || ry1 < by0 || ry0 > by1)) continue;
        let xs: number[] = new Array<number>(n);
        let ys: number[] = new Array<number>(n);
        for (let i = 0; i < n; i++) {
          xs[i] = tx + k * u.lon[i]! * RAD;
          ys[i] = ty - k * u.y[i]!;
        }
        // wholly inside the box: kept as it is
        if (clips && !(rx0 >= bx0 && rx1 <= bx1 && ry0 >= by0 && ry1 <= by1))
          [xs, ys] = clipRing(xs, ys, box);
        const m = xs.length;
        if (m < 3) continue;
        let part = 'M';
        let written = 0;
        let lx = 0;
        let ly = 0;
        for (let i = 0; i < m; i++) {
          const x = xs[i]!;
          const y = ys[i]!;
          if (!written || Math.abs(x - lx) >= minStep || Math.abs(y - ly) >= minStep) {
            part += `${written++ ? 'L' : ''}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
            lx = x;
            ly = y;
          }
          if (x < extent[0]) extent[0] = x;
          if (y < extent[1]) extent[1] = y;
          if (x > extent[2]) extent[2] = x;
          if (y > extent[3]) extent[3] = y;
          const j = i + 1 < m ? i + 1 : 0;
          const xb = xs[j]!;
          const yb = ys[j]!;
          const cross = x * yb - xb * y;
          area += cross;
          cx += (x + xb) * cross;
          cy += (y + yb) * cross;
        }
        if (written >= 3) d += `${part}Z`;
      }
  return { d, centroid: area ? [cx / (3 * area), cy / (3 * area)] : [NaN, NaN], extent };
}

/** Great-circle distance in radians between two [lon, lat] points (haversine). */
export function sphereDistance(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Symbols of the same area as d3's (`size` in square pixels), as SVG paths centred on 0,0: distinct shapes so that
 * no meaning rests on colour alone.
 */
export function symbolPath(
  shape: 'square' | 'triangle' | 'diamond' | 'cross' | 'circle',
  size: number,
): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  const poly = (pts: [number, number][]) => `M${pts.map(([x, y]) => `${r(x)},${r(y)}`).join('L')}Z`;
  switch (shape) {
    case 'square': {
      const w = Math.sqrt(size) / 2;
      return poly([
        [-w, -w],
        [w, -w],
        [w, w],
        [-w, w],
      ]);
    }
    case 'triangle': {
      const y = -Math.sqrt(size / (Math.sqrt(3) * 3));
      return poly([
        [0, y * 2],
        [-Math.sqrt(3) * y, -y],
        [Math.sqrt(3) * y, -y],
      ]);
    }
    case 'diamond': {
      const ty = Math.sqrt(size / (2 * Math.tan(Math.PI / 6)));
      const tx = ty * Math.tan(Math.PI / 6);
      return poly([
        [0, -ty],
        [tx, 0],
        [0, ty],
        [-tx, 0],
      ]);
    }
    case 'cross': {
      const a = Math.sqrt(size / 5) / 2;
      const b = 3 * a;
      return poly([
        [-b, -a],
        [-a, -a],
        [-a, -b],
        [a, -b],
        [a, -a],
        [b, -a],
        [b, a],
        [a, a],
        [a, b],
        [-a, b],
        [-a, a],
        [-b, a],
      ]);
    }
    case 'circle': {
      const c = Math.sqrt(size / Math.PI);
      return `M${r(c)},0A${r(c)},${r(c)},0,1,1,${r(-c)},0A${r(c)},${r(c)},0,1,1,${r(c)},0`;
    }
  }
}
